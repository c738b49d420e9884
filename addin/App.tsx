/**
 * The task pane (React 18 + Fluent UI v9). Inside Excel it works on the open workbook through
 * an OfficeHost; outside (a plain browser, WPS users) it works on picked or dropped files through
 * MemoryHosts. Chinese by default, English on the switch.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Divider,
  Field,
  FluentProvider,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Finding, ReportResult } from '../core/model/findings';
import { parseRef as parseA, type SheetHost, type MarkRecord, type WriteRecord, type CellAt } from './host';
import { MemoryHost, MemoryWorkbook } from './host-memory';
import { STRINGS, type Lang, type Strings } from './i18n';
import {
  blankTotals,
  checkHost,
  findingTargets,
  groupFindings,
  insertTemplate,
  marksFor,
  suggestionsOf,
  toBase64,
  type CheckOutcome,
} from './pane';
import { bookToMemory, checkFiles, download, XLSX_TYPE, type FileEntry } from './files';
import { formatForYear } from './years';
import { loadWriters } from './core-api';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '10px 12px',
    fontFamily: tokens.fontFamilyBase,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: '8px' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  sub: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  col: { display: 'flex', flexDirection: 'column', gap: '8px' },
  group: { marginTop: '6px' },
  groupTitle: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    display: 'flex',
    gap: '6px',
    alignItems: 'center',
  },
  finding: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    marginTop: '4px',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '16px',
    textAlign: 'center',
  },
  dropActive: { backgroundColor: tokens.colorBrandBackground2 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '3px 5px' },
    '& th': { cursor: 'pointer', backgroundColor: tokens.colorNeutralBackground3, textAlign: 'left' },
  },
  preview: { overflow: 'auto', maxHeight: '640px', position: 'relative', border: `1px solid ${tokens.colorNeutralStroke2}` },
  grid: {
    borderCollapse: 'collapse',
    fontSize: '11px',
    '& td': {
      border: '1px solid #d0d0d0',
      padding: '1px 3px',
      minWidth: '22px',
      maxWidth: '160px',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    '& th': { backgroundColor: '#f3f3f3', fontWeight: 'normal', color: '#666', border: '1px solid #d0d0d0', padding: '1px 3px' },
  },
  selected: { outline: '2px solid #107C41', outlineOffset: '-2px' },
  suspect: { display: 'flex', alignItems: 'baseline', gap: '4px', flexWrap: 'wrap' },
  split: { display: 'flex', gap: '16px', alignItems: 'flex-start', flexWrap: 'wrap' },
  paneCol: { display: 'flex', flexDirection: 'column', gap: '8px', flex: '0 1 400px', minWidth: '300px' },
  previewCol: { flex: '1 1 420px', minWidth: '300px' },
  change: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '6px', fontSize: tokens.fontSizeBase200 },
});

type Msg = { intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null;

export interface AppProps {
  /** The workbook host inside Excel; null outside (files). */
  officeHost: SheetHost | null;
  initialLang?: Lang;
}

export function App({ officeHost, initialLang = 'zh' }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = STRINGS[lang];
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="pane" data-mode={officeHost ? 'office' : 'files'}>
        <div className={s.header}>
          <div>
            <div className={s.title}>{t.appTitle}</div>
            <div className={s.sub}>{t.appSub}</div>
          </div>
          <Button size="small" appearance="subtle" data-testid="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.lang}
          </Button>
        </div>
        {officeHost ? <Workspace host={officeHost} lang={lang} office /> : <FilesMode lang={lang} />}
      </div>
    </FluentProvider>
  );
}

// ————————————————————————————————————————— the workspace: one host (Excel, or one file in memory)

type TabKey = 'insert' | 'check' | 'fix' | 'export';

function Workspace({
  host,
  lang,
  office,
  name,
  onBack,
}: {
  host: SheetHost;
  lang: Lang;
  office?: boolean;
  name?: string;
  onBack?: () => void;
}) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [tab, setTab] = React.useState<TabKey>('check');
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [marks, setMarks] = React.useState<MarkRecord[]>([]);
  const [changes, setChanges] = React.useState<WriteRecord[][]>([]);
  const [index, setIndex] = React.useState(-1);
  const [busy, setBusy] = React.useState(false);
  const [msg, setMsg] = React.useState<Msg>(null);
  const [scope, setScope] = React.useState<'active' | 'all'>(office ? 'active' : 'all');
  const [auto, setAuto] = React.useState(false);
  const [version, setVersion] = React.useState(0);
  const marksRef = React.useRef(marks);
  // The latest marks for event handlers registered once (a ref written on render, deliberately).
  // eslint-disable-next-line react-hooks/refs
  marksRef.current = marks;
  const busyRef = React.useRef(false);

  const guard = React.useCallback(
    async (fn: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        await fn();
      } catch (e) {
        setMsg({ intent: 'error', text: `${t.error}: ${e instanceof Error ? e.message : String(e)}` });
      } finally {
        busyRef.current = false;
        setBusy(false);
        setVersion((v) => v + 1);
      }
    },
    [t],
  );

  /** Read (one round trip), check, mark (one round trip, replacing the previous marks). */
  const runCheck = React.useCallback(async () => {
    const out = await checkHost(host, scope, lang);
    const recs = await host.addMarks(marksFor(out.reports), marksRef.current);
    setMarks(recs);
    setOutcome(out);
    setIndex(-1);
    setMsg(out.reports.length ? null : { intent: 'warning', text: t.noReport });
  }, [host, scope, lang, t]);

  const check = () => guard(runCheck);

  // Re-check while the user edits (debounced), only when turned on.
  React.useEffect(() => {
    if (!auto) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let off: (() => Promise<void>) | null = null;
    let live = true;
    host
      .onChanged(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (live && !busyRef.current) void guard(runCheck);
        }, 800);
      })
      .then((f) => {
        if (live) off = f;
        else void f();
      });
    return () => {
      live = false;
      clearTimeout(timer);
      void off?.();
    };
  }, [auto, host, guard, runCheck]);

  const clearMarks = () =>
    guard(async () => {
      await host.removeMarks(marksRef.current);
      setMarks([]);
      setMsg({ intent: 'success', text: t.marksCleared });
    });

  const allFindings = React.useMemo(() => (outcome ? outcome.reports.flatMap((r) => r.findings) : []), [outcome]);

  const selectFinding = (f: Finding, i?: number) =>
    guard(async () => {
      if (i !== undefined) setIndex(i);
      await host.select(findingTargets(f));
    });
  const selectCell = (at: CellAt | null) =>
    at &&
    guard(async () => {
      await host.select([at]);
    });
  const step = (d: number) => {
    if (!allFindings.length) return;
    const i = (index + d + allFindings.length) % allFindings.length;
    void selectFinding(allFindings[i], i);
  };

  const applyWrites = (writes: { sheet: string; r: number; c: number; value: number }[]) =>
    guard(async () => {
      if (!writes.length) {
        setMsg({ intent: 'info', text: t.noSuggestions });
        return;
      }
      const recs = await host.writeValues(writes);
      setChanges((c) => [...c, recs]);
      await runCheck();
    });
  const suggestions = React.useMemo(() => (outcome ? suggestionsOf(outcome.reports) : []), [outcome]);
  const applyOne = (ref: string) => applyWrites(suggestions.filter((x) => x.ref === ref).map((x) => ({ ...x.at, value: x.value })));
  const applyAll = () => applyWrites(suggestions.map((x) => ({ ...x.at, value: x.value })));
  const fillTotals = () =>
    guard(async () => {
      if (!outcome) return;
      const writes = await blankTotals(outcome.located);
      if (!writes.length) {
        setMsg({ intent: 'info', text: t.noSuggestions });
        return;
      }
      const recs = await host.writeValues(writes);
      setChanges((c) => [...c, recs]);
      await runCheck();
    });
  const undo = (batch: number, cell?: number) =>
    guard(async () => {
      const b = changes[batch];
      const recs = cell === undefined ? b : [b[cell]];
      await host.writeValues(
        [...recs].reverse().map((w) => ({ sheet: w.sheet, r: w.r, c: w.c, value: w.before.value, formula: w.before.formula })),
      );
      setChanges((cs) =>
        cs.map((x, i) => (i !== batch ? x : cell === undefined ? [] : x.filter((_, j) => j !== cell))).filter((x) => x.length),
      );
      await runCheck();
    });
  const undoAll = () =>
    guard(async () => {
      const recs = changes.flat().reverse();
      await host.writeValues(recs.map((w) => ({ sheet: w.sheet, r: w.r, c: w.c, value: w.before.value, formula: w.before.formula })));
      setChanges([]);
      await runCheck();
    });

  const exportXlsx = () =>
    guard(async () => {
      const rep = exportable();
      if (!rep) return;
      const { exportXlsx: write } = await loadWriters();
      const bytes = await write(rep, lang);
      const opened = await host.openWorkbook(toBase64(bytes));
      if (!opened) download(`${rep.agency ?? ''}${rep.year ?? ''}年报统计表.xlsx`, bytes, XLSX_TYPE);
      setMsg({ intent: 'success', text: t.exported });
    });
  const exportHtml = () =>
    guard(async () => {
      const rep = exportable();
      if (!rep) return;
      const { exportHtml: write } = await loadWriters();
      download(`${rep.agency ?? ''}${rep.year ?? ''}年报统计表.html`, write(rep, lang), 'text/html;charset=utf-8');
      setMsg({ intent: 'success', text: t.exported });
    });
  function exportable() {
    if (!outcome || !outcome.located.length) {
      setMsg({ intent: 'warning', text: t.exportNeedsCheck });
      return null;
    }
    const i = outcome.reports.findIndex((r) => !r.findings.some((f) => f.severity === 'error'));
    if (i < 0) {
      setMsg({ intent: 'warning', text: t.exportHasErrors });
      return null;
    }
    return outcome.located[i];
  }

  return (
    <div className={s.split} data-testid="workspace" data-busy={busy ? '1' : '0'} data-done={version}>
      <div className={s.paneCol}>
        {onBack && (
          <div className={s.row}>
            <Link onClick={onBack} data-testid="back">
              ← {t.back}
            </Link>
            <Text weight="semibold">{name}</Text>
          </div>
        )}
        <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)}>
          {office && (
            <Tab value="insert" data-testid="tab-insert">
              {t.tabInsert}
            </Tab>
          )}
          <Tab value="check" data-testid="tab-check">
            {t.tabCheck}
          </Tab>
          <Tab value="fix" data-testid="tab-fix">
            {t.tabFix}
          </Tab>
          <Tab value="export" data-testid="tab-export">
            {t.tabExport}
          </Tab>
        </TabList>
        {msg && (
          <MessageBar intent={msg.intent} data-testid="message">
            <MessageBarBody>{msg.text}</MessageBarBody>
          </MessageBar>
        )}
        {tab === 'insert' && (
          <TemplateForm
            lang={lang}
            busy={busy}
            action={t.insert}
            testid="insert"
            onSubmit={(year, agency) =>
              guard(async () => {
                const name = await insertTemplate(host, { year, agency });
                setMsg({ intent: 'success', text: t.inserted(name) });
              })
            }
          />
        )}
        {tab === 'check' && (
          <div className={s.col}>
            <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as 'active' | 'all')} aria-label={t.scope}>
              <Radio value="active" label={t.scopeActive} data-testid="scope-active" />
              <Radio value="all" label={t.scopeAll} data-testid="scope-all" />
            </RadioGroup>
            <div className={s.row}>
              <Button appearance="primary" disabled={busy} onClick={check} data-testid="check">
                {t.check}
              </Button>
              <Button disabled={busy || !marks.length} onClick={clearMarks} data-testid="clear-marks">
                {t.clearMarks}
              </Button>
              {busy && <Spinner size="tiny" label={t.checking} />}
            </div>
            <Switch checked={auto} onChange={(_, d) => setAuto(d.checked)} label={t.autoRecheck} data-testid="auto" />
            {outcome && (
              <Results
                t={t}
                outcome={outcome}
                index={index}
                onSelect={selectFinding}
                onCell={selectCell}
                onApply={applyOne}
                onStep={step}
                allFindings={allFindings}
              />
            )}
          </div>
        )}
        {tab === 'fix' && (
          <div className={s.col}>
            <div className={s.row}>
              <Button appearance="primary" disabled={busy || !suggestions.length} onClick={applyAll} data-testid="apply-all">
                {t.applyAll} ({suggestions.length})
              </Button>
              <Button disabled={busy || !outcome} onClick={fillTotals} data-testid="fill-totals">
                {t.fillTotals}
              </Button>
            </div>
            {!outcome && <Text className={s.small}>{t.noSuggestions}</Text>}
            {suggestions.map((x) => (
              <div key={x.ref} className={s.change} data-testid="suggestion" data-ref={x.ref}>
                <span>{t.changeLine(x.ref, show(x.current, t), String(x.value))}</span>
                <Button size="small" disabled={busy} onClick={() => applyOne(x.ref)}>
                  {t.apply}
                </Button>
              </div>
            ))}
            <Divider />
            <div className={s.row}>
              <Text weight="semibold">{t.changes}</Text>
              {changes.length > 0 && (
                <Button size="small" disabled={busy} onClick={undoAll} data-testid="undo-all">
                  {t.undoAll}
                </Button>
              )}
            </div>
            {!changes.length && <Text className={s.small}>{t.noChanges}</Text>}
            {changes.map((b, bi) =>
              b.map((w, wi) => (
                <div key={`${bi}-${wi}`} className={s.change} data-testid="change">
                  <span>
                    {t.changeLine(
                      `${w.sheet}!${colName(w.c)}${w.r + 1}`,
                      show(w.before.formula ? `=${w.before.formula}` : w.before.value, t),
                      show(w.after.value, t),
                    )}
                  </span>
                  <Button size="small" disabled={busy} onClick={() => undo(bi, wi)} data-testid="undo">
                    {t.undo}
                  </Button>
                </div>
              )),
            )}
          </div>
        )}
        {tab === 'export' && (
          <div className={s.col}>
            <Text className={s.small}>{t.exportNeedsCheck}</Text>
            <div className={s.row}>
              <Button appearance="primary" disabled={busy} onClick={exportXlsx} data-testid="export-xlsx">
                {t.exportXlsx}
              </Button>
              <Button disabled={busy} onClick={exportHtml} data-testid="export-html">
                {t.exportHtml}
              </Button>
            </div>
          </div>
        )}
      </div>
      {host instanceof MemoryHost && (
        <div className={s.previewCol}>
          <SheetPreview wb={host.wb} version={version} title={t.sheetPreview} />
        </div>
      )}
    </div>
  );
}

const show = (v: unknown, t: Strings) => (v === null || v === undefined || v === '' ? t.blank : String(v));
const colName = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function Results({
  t,
  outcome,
  index,
  onSelect,
  onCell,
  onApply,
  onStep,
  allFindings,
}: {
  t: Strings;
  outcome: CheckOutcome;
  index: number;
  allFindings: Finding[];
  onSelect: (f: Finding, i: number) => void;
  onCell: (at: CellAt | null) => void;
  onApply: (ref: string) => void;
  onStep: (d: number) => void;
}) {
  const s = useStyles();
  const count = (sev: string) => allFindings.filter((f) => f.severity === sev).length;
  return (
    <div className={s.col} data-testid="results">
      <div className={s.row}>
        <Text weight="semibold" data-testid="summary">
          {count('error')
            ? t.summary(count('error'), count('warning'), count('notice'))
            : `${t.clean} ${t.summary(0, count('warning'), count('notice'))}`}
        </Text>
      </div>
      <div className={s.row}>
        <Button size="small" disabled={!allFindings.length} onClick={() => onStep(-1)} data-testid="prev">
          {t.prev}
        </Button>
        <Button size="small" disabled={!allFindings.length} onClick={() => onStep(1)} data-testid="next">
          {t.next}
        </Button>
        <Text className={s.small}>{allFindings.length ? `${index + 1 > 0 ? index + 1 : '–'} / ${allFindings.length}` : ''}</Text>
        <Text className={s.small} data-testid="timing">
          {t.timing(outcome.ms)}
        </Text>
      </div>
      {outcome.reports.map((rep: ReportResult, ri) => (
        <div key={ri} data-testid="report" data-sheet={rep.sheet ?? ''}>
          <Text size={200}>
            {rep.sheet} · {rep.format} · {rep.year ?? '—'}
            {rep.agency ? ` · ${rep.agency}` : ''}
          </Text>
          {groupFindings(rep).map((g) => (
            <div key={`${g.table}-${g.severity}`} className={s.group}>
              <div className={s.groupTitle}>
                {t.table[g.table] ?? g.table} <SevBadge sev={g.severity} t={t} /> <Text size={200}>{g.findings.length}</Text>
              </div>
              {g.findings.map((f) => {
                const at = allFindings.indexOf(f);
                return (
                  <div
                    key={at}
                    className={`${s.finding} ${at === index ? s.current : ''}`}
                    data-testid="finding"
                    data-rule={f.rule}
                    data-severity={f.severity}
                    data-refs={f.cells.map((c) => c.ref).join(' ')}
                    data-suspects={f.suspects.map((x) => x.ref).join(' ')}
                    onClick={() => onSelect(f, at)}
                  >
                    <div>
                      <Text size={200}>{f.message}</Text>
                    </div>
                    <div className={s.small}>
                      {t.cells}:{' '}
                      {f.cells
                        .slice(0, 12)
                        .map((c) => (
                          <Link
                            key={c.ref}
                            onClick={(e) => {
                              e.stopPropagation();
                              onCell(parseA(c.ref));
                            }}
                            data-testid="cell-link"
                          >
                            {c.ref}
                          </Link>
                        ))
                        .reduce<React.ReactNode[]>((a, x, k) => (k ? [...a, ' ', x] : [x]), [])}
                      {f.cells.length > 12 ? ' …' : ''}
                      {f.expected !== undefined && f.expected !== null && (
                        <>
                          {' '}
                          · {t.expected} {f.expected} · {t.actual} {f.actual ?? t.blank}
                        </>
                      )}
                    </div>
                    {f.suspects.slice(0, 3).map((x, k) => (
                      <div key={x.ref} className={s.suspect}>
                        <Text size={200}>
                          {k === 0 ? `${t.suggested}: ` : `${t.or} `}
                          <b>{x.ref}</b> → <b>{x.suggested ?? '?'}</b>
                          {k === 0 && x.reason ? `（${x.reason}）` : ''}
                        </Text>
                        {x.suggested !== null && (
                          <Button
                            size="small"
                            appearance="transparent"
                            onClick={(e) => {
                              e.stopPropagation();
                              onApply(x.ref);
                            }}
                            data-testid="apply"
                          >
                            {t.apply}
                          </Button>
                        )}
                      </div>
                    ))}
                    {f.suspects.length > 3 && (
                      <Text size={200} className={s.small}>
                        {t.more(f.suspects.length - 3)}
                      </Text>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function SevBadge({ sev, t }: { sev: string; t: Strings }) {
  const color = sev === 'error' ? 'danger' : sev === 'warning' ? 'warning' : 'informative';
  return (
    <Badge size="small" color={color} appearance="tint">
      {t.severity[sev] ?? sev}
    </Badge>
  );
}

// ————————————————————————————————————————— template form (insert in Excel, download outside)

function TemplateForm({
  lang,
  busy,
  action,
  onSubmit,
  testid,
}: {
  lang: Lang;
  busy: boolean;
  action: string;
  testid: string;
  onSubmit: (year: number, agency: string) => void;
}) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [year, setYear] = React.useState(String(new Date().getFullYear() - 1));
  const [agency, setAgency] = React.useState('');
  const y = Number(year);
  const valid = Number.isInteger(y) && y >= 2008 && y <= 2100;
  return (
    <div className={s.col}>
      <Field label={t.year} hint={valid ? t.formatNote(formatForYear(y), y) : undefined}>
        <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} data-testid={`${testid}-year`} />
      </Field>
      <Field label={t.agency}>
        <Input value={agency} placeholder={t.agencyPlaceholder} onChange={(_, d) => setAgency(d.value)} data-testid={`${testid}-agency`} />
      </Field>
      <div>
        <Button appearance="primary" disabled={busy || !valid} onClick={() => onSubmit(y, agency.trim())} data-testid={`${testid}-go`}>
          {action}
        </Button>
      </div>
    </div>
  );
}

// ————————————————————————————————————————— sheet preview (outside Excel)

function SheetPreview({ wb, version, title }: { wb: MemoryWorkbook; version: number; title: string }) {
  const s = useStyles();
  const sheet = wb.sheets[wb.active];
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    // scroll the preview (not the page) to the selected cell
    const box = ref.current;
    const el = box?.querySelector<HTMLElement>('[data-selected="1"]');
    if (!box || !el) return;
    if (el.offsetTop < box.scrollTop || el.offsetTop + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 2);
    if (el.offsetLeft < box.scrollLeft || el.offsetLeft + el.offsetWidth > box.scrollLeft + box.clientWidth)
      box.scrollLeft = Math.max(0, el.offsetLeft - box.clientWidth / 2);
  }, [version, wb.selection]);
  if (!sheet) return null;
  const [rows, cols] = wb.extent(sheet.name);
  const R = Math.min(rows, 80),
    C = Math.min(cols, 26);
  const covered = new Set<string>();
  const span = new Map<string, [number, number]>();
  for (const m of sheet.merges) {
    span.set(`${m.r0},${m.c0}`, [m.r1 - m.r0 + 1, m.c1 - m.c0 + 1]);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const sel = new Set(wb.selection.filter((x) => x.sheet === sheet.name).map((x) => `${x.r},${x.c}`));
  return (
    <div className={s.col} data-testid="preview" data-version={version}>
      <Text weight="semibold">
        {title}: {sheet.name}
      </Text>
      <div className={s.preview} ref={ref}>
        <table className={s.grid}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: C }, (_, c) => (
                <th key={c}>{colName(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: R }, (_, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: C }, (_, c) => {
                  const k = `${r},${c}`;
                  if (covered.has(k)) return null;
                  const cell = sheet.cells.get(k);
                  const sp = span.get(k);
                  const on = sel.has(k);
                  return (
                    <td
                      key={c}
                      rowSpan={sp?.[0]}
                      colSpan={sp?.[1]}
                      data-cell={`${colName(c)}${r + 1}`}
                      data-selected={on ? '1' : undefined}
                      title={cell?.comment ?? undefined}
                      className={on ? s.selected : undefined}
                      style={{
                        background: cell?.fill ?? undefined,
                        fontWeight: cell?.bold ? 600 : undefined,
                        textAlign: typeof cell?.value === 'number' ? 'right' : undefined,
                      }}
                    >
                      {cell?.value === null || cell?.value === undefined ? '' : String(cell.value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// ————————————————————————————————————————— outside Excel: files

type SortKey = 'file' | 'sheet' | 'format' | 'year' | 'agency' | 'errors' | 'warnings' | 'status';

interface BulkRow {
  file: string;
  sheet: string;
  format: string;
  year: number | null;
  agency: string;
  errors: number;
  warnings: number;
  status: string;
  entry: FileEntry;
}

function FilesMode({ lang }: { lang: Lang }) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [tab, setTab] = React.useState<'files' | 'template'>('files');
  const [entries, setEntries] = React.useState<FileEntry[]>([]);
  const [open, setOpen] = React.useState<{ entry: FileEntry; host: MemoryHost } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<string>('');
  const [over, setOver] = React.useState(false);
  const [sort, setSort] = React.useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'file', dir: 1 });
  const [msg, setMsg] = React.useState<Msg>(null);

  const take = async (list: FileList | File[] | null, folder = false) => {
    // Every picked file is tried (one that is no workbook is listed as unreadable, with the reason);
    // from a folder only the spreadsheets are taken.
    const files = [...(list ?? [])].filter((f) => !folder || /\.(xlsx|xlsm|xls|ods|et)$/i.test(f.name));
    if (!files.length) return;
    setBusy(true);
    setMsg(null);
    try {
      const data = await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
      const out = await checkFiles(data, lang, (n) => setProgress(`${n} / ${files.length}`));
      setEntries(out);
      setOpen(out.length === 1 && out[0].book ? openEntry(out[0]) : null);
    } catch (e) {
      setMsg({ intent: 'error', text: `${t.error}: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  const openEntry = (entry: FileEntry) => {
    const wb = bookToMemory(entry.book!);
    const first = wb.sheets.findIndex((x) => x.name === entry.reports[0]?.sheet);
    wb.active = Math.max(0, first);
    return { entry, host: new MemoryHost(wb, entry.name) };
  };

  const rows: BulkRow[] = entries.flatMap((e) =>
    e.reports.length
      ? e.reports.map((r) => ({
          file: e.name,
          sheet: r.sheet ?? '',
          format: r.format,
          year: r.year,
          agency: r.agency ?? '',
          entry: e,
          errors: r.findings.filter((f) => f.severity === 'error').length,
          warnings: r.findings.filter((f) => f.severity === 'warning').length,
          status: r.findings.some((f) => f.severity === 'error') ? t.statusErrors : t.statusClean,
        }))
      : [
          {
            file: e.name,
            sheet: '',
            format: '',
            year: null,
            agency: '',
            errors: 0,
            warnings: 0,
            entry: e,
            status: e.status === 'unreadable' ? t.statusUnreadable : t.statusNoTables,
          },
        ],
  );
  const sorted = [...rows].sort((a, b) => {
    const x = a[sort.key],
      y = b[sort.key];
    const c =
      typeof x === 'number' || typeof y === 'number' ? Number(x ?? -1) - Number(y ?? -1) : String(x).localeCompare(String(y), 'zh-CN');
    return c * sort.dir || a.file.localeCompare(b.file);
  });
  const th = (key: SortKey, label: string) => (
    <th onClick={() => setSort((p) => ({ key, dir: p.key === key ? (-p.dir as 1 | -1) : 1 }))} data-testid={`sort-${key}`}>
      {label}
      {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
    </th>
  );

  const downloadResults = async () => {
    const { writeTable } = await import(/* webpackChunkName: "xlsx-write" */ './xlsx-write');
    const header =
      lang === 'en'
        ? ['File', 'Sheet', 'Cell', 'Rule', 'Severity', 'Message', 'Suggested value']
        : ['文件', '工作表', '单元格', '规则', '级别', '说明', '建议值'];
    const out: (string | number | null)[][] = [];
    for (const e of entries) {
      if (e.error) out.push([e.name, '', '', e.error.code, t.severity.error, e.error.message, null]);
      for (const r of e.reports)
        for (const f of r.findings)
          out.push([
            e.name,
            r.sheet ?? '',
            f.suspects[0]?.ref ?? f.cells[0]?.ref ?? '',
            f.rule,
            t.severity[f.severity] ?? f.severity,
            f.message,
            f.suspects[0]?.suggested ?? null,
          ]);
    }
    download(
      lang === 'en' ? 'check-results.xlsx' : '检查结果.xlsx',
      await writeTable(lang === 'en' ? 'Results' : '检查结果', header, out),
      XLSX_TYPE,
    );
  };

  const downloadTemplate = async (year: number, agency: string) => {
    setBusy(true);
    try {
      const w = await loadWriters();
      download(
        `${agency}${year}年政府信息公开年报统计表模板.xlsx`,
        await w.writeTemplate(w.formForYear(year), { year, agency: agency || null }),
        XLSX_TYPE,
      );
    } catch (e) {
      setMsg({ intent: 'error', text: `${t.error}: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  if (open) return <Workspace key={open.entry.name} host={open.host} lang={lang} name={open.entry.name} onBack={() => setOpen(null)} />;

  return (
    <div className={s.col} data-testid="files-mode">
      <MessageBar intent="info">
        <MessageBarBody>{t.outside}</MessageBarBody>
      </MessageBar>
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'files' | 'template')}>
        <Tab value="files" data-testid="tab-files">
          {t.tabFiles}
        </Tab>
        <Tab value="template" data-testid="tab-template">
          {t.tabTemplate}
        </Tab>
      </TabList>
      {msg && (
        <MessageBar intent={msg.intent} data-testid="message">
          <MessageBarBody>{msg.text}</MessageBarBody>
        </MessageBar>
      )}
      {tab === 'template' && (
        <TemplateForm
          lang={lang}
          busy={busy}
          action={t.downloadTemplate}
          testid="template"
          onSubmit={(y, a) => void downloadTemplate(y, a)}
        />
      )}
      {tab === 'files' && (
        <>
          <div
            className={`${s.drop} ${over ? s.dropActive : ''}`}
            data-testid="drop"
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(false);
              void take(e.dataTransfer.files);
            }}
          >
            <Text>{t.drop} </Text>
            <label>
              <input
                type="file"
                multiple
                accept=".xlsx,.xlsm,.xls,.ods,.et"
                style={{ display: 'none' }}
                data-testid="file-input"
                onChange={(e) => {
                  void take(e.target.files);
                  e.target.value = '';
                }}
              />
              <Button
                as="a"
                appearance="primary"
                onClick={(e) =>
                  ((e.currentTarget as HTMLElement).parentElement?.querySelector('input') as HTMLInputElement | null)?.click()
                }
              >
                {t.pick}
              </Button>
            </label>{' '}
            <label>
              <input
                type="file"
                multiple
                style={{ display: 'none' }}
                data-testid="folder-input"
                ref={(el) => {
                  if (el) {
                    el.setAttribute('webkitdirectory', '');
                    el.setAttribute('directory', '');
                  }
                }}
                onChange={(e) => {
                  void take(e.target.files, true);
                  e.target.value = '';
                }}
              />
              <Button
                as="a"
                onClick={(e) =>
                  ((e.currentTarget as HTMLElement).parentElement?.querySelector('input') as HTMLInputElement | null)?.click()
                }
              >
                {t.pickFolder}
              </Button>
            </label>
          </div>
          {busy && <Spinner size="tiny" label={progress || t.checking} />}
          {entries.length > 0 && (
            <div className={s.col} data-testid="bulk">
              <div className={s.row}>
                <Text weight="semibold">{t.files(entries.length)}</Text>
                <Button size="small" onClick={() => void downloadResults()} data-testid="download-results">
                  {t.downloadResults}
                </Button>
              </div>
              <table className={s.table} data-testid="bulk-table">
                <thead>
                  <tr>
                    {th('file', t.bulkFile)}
                    {th('sheet', t.bulkSheet)}
                    {th('format', t.bulkFormat)}
                    {th('year', t.bulkYear)}
                    {th('errors', t.bulkErrors)}
                    {th('warnings', t.bulkWarnings)}
                    {th('status', t.bulkStatus)}
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((r, i) => (
                    <tr key={i} data-testid="bulk-row" data-file={r.file} data-errors={r.errors}>
                      <td>{r.file}</td>
                      <td>{r.sheet}</td>
                      <td>{r.format}</td>
                      <td>{r.year ?? ''}</td>
                      <td>{r.errors}</td>
                      <td>{r.warnings}</td>
                      <td title={r.entry.error?.message}>{r.status}</td>
                      <td>
                        {r.entry.book && r.entry.reports.length > 0 && (
                          <Link onClick={() => setOpen(openEntry(r.entry))} data-testid="open">
                            {t.openFile}
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
