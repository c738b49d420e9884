/**
 * Many files checked: every file under its verdict with the columns, words, colours and counts of
 * the command line's bulk report (core/batch/report.ts filesTable), failures first; a file opens
 * with its findings already shown; the bulk report downloads as .xlsx. Where the columns do not all
 * fit (a 350–420 px task pane) the verdict, the department and the reason (what to do) come first
 * and fill the width, the other columns following behind a sideways scroll, rather than squeezing
 * every column to a character per line.
 */
import * as React from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { STRINGS } from '../i18n';
import { download, XLSX_TYPE, type FileEntry } from '../files';
import type { Batch, BatchRow } from '../../core/batch/analyse';
import { VERDICT_COLOUR, VERDICTS, verdictName } from '../../core/batch/verdict';
import { batchSummary } from '../../core/batch/text';
import { say } from '../../core/messages';
import { useStyles } from './styles';

type Column = 'verdict' | 'department' | 'file' | 'sheet' | 'year' | 'format' | 'errors' | 'warnings' | 'notices' | 'reason';
/** The bulk report's columns, in its order, with the least width (em) each keeps. */
const COLUMNS: [Column, number][] = [
  ['verdict', 5.5],
  ['department', 8],
  ['file', 10],
  ['sheet', 5],
  ['year', 3.5],
  ['format', 3.5],
  ['errors', 3.5],
  ['warnings', 3.5],
  ['notices', 3.5],
  ['reason', 16],
];
const NUMERIC = new Set<Column>(['year', 'errors', 'warnings', 'notices']);
/** The table's font size (px): column widths are in em of it. */
const FONT = 12;
const WIDE = COLUMNS.reduce((n, [, w]) => n + w, 0);
/** The reason's least width (em) when it is moved beside the department. */
const REASON_NARROW = 10;

/**
 * The columns for the width available (em): the bulk report's order where all fit; else the
 * verdict, the department and the reason first, the reason as wide as what is left of the view.
 */
export function columnsFor(available: number | null): [Column, number][] {
  if (available === null || available >= WIDE) return COLUMNS;
  const first = COLUMNS.filter(([k]) => k === 'verdict' || k === 'department');
  const used = first.reduce((n, [, w]) => n + w, 0);
  return [
    ...first,
    ['reason', Math.max(REASON_NARROW, Math.floor((available - used) * 10) / 10)],
    ...COLUMNS.filter(([k]) => !first.some(([f]) => f === k) && k !== 'reason'),
  ];
}

/** The width (em of the table's font) of the element, followed as it changes. */
function useWidth(ref: React.RefObject<HTMLElement>): number | null {
  const [width, setWidth] = React.useState<number | null>(null);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth / FONT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

const cell: React.CSSProperties = { padding: '2px 4px', verticalAlign: 'top', borderBottom: '1px solid #ddd', overflowWrap: 'anywhere' };
const base = (p: string) => p.replace(/^.*[\\/]/, '');

function sortValue(r: BatchRow, k: Column): number | string {
  if (k === 'verdict') return VERDICTS.indexOf(r.verdict);
  if (k === 'department') return r.department ?? r.agency ?? '';
  if (k === 'file') return base(r.path);
  if (k === 'reason') return r.reason;
  const v = r[k];
  return v ?? '';
}

export function BulkTable({
  entries,
  batch,
  lang,
  onOpen,
}: {
  entries: FileEntry[];
  batch: Batch;
  lang: Lang;
  onOpen: (entry: FileEntry) => void;
}) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [sort, setSort] = React.useState<{ key: Column; dir: 1 | -1 }>({ key: 'verdict', dir: 1 });
  const scroller = React.useRef<HTMLDivElement>(null);
  const columns = columnsFor(useWidth(scroller));

  const sorted = [...batch.rows].sort((a, b) => {
    const x = sortValue(a, sort.key),
      y = sortValue(b, sort.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c * sort.dir || VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) || a.path.localeCompare(b.path);
  });

  const downloadReport = async () => {
    const { renderBatchReport } = await import(/* webpackChunkName: "batch-report" */ '../../core/batch/report');
    download(t.resultsFile, await renderBatchReport(batch, t.resultsFile, lang), XLSX_TYPE);
  };

  // The verdict column stays in view while the others scroll.
  const pinned = (bg: string): React.CSSProperties => ({ position: 'sticky', left: 0, zIndex: 1, background: bg });
  const content = (r: BatchRow, k: Column): React.ReactNode => {
    if (k === 'verdict') return verdictName(r.verdict, lang);
    if (k === 'department') return <b>{r.department ?? r.agency ?? ''}</b>;
    if (k === 'file') {
      const entry = r.file >= 0 ? entries[r.file] : null;
      return entry?.book && entry.reports.length > 0 ? (
        <Link onClick={() => onOpen(entry)} data-testid="open">
          {base(r.path)}
        </Link>
      ) : (
        base(r.path)
      );
    }
    if (k === 'sheet') return r.sheet && r.sheet !== r.path ? r.sheet : '';
    if (k === 'reason') return r.reason;
    return r[k] ?? '';
  };

  return (
    <div className={s.col} data-testid="bulk">
      <div className={s.row}>
        <Text weight="semibold">{t.files(entries.length)}</Text>
        <Button size="small" onClick={() => void downloadReport()} data-testid="download-results">
          {t.downloadResults}
        </Button>
      </div>
      <Text size={200} data-testid="bulk-summary" style={{ whiteSpace: 'pre-wrap' }}>
        {batchSummary(batch, lang)}
      </Text>
      <div ref={scroller} data-testid="bulk-scroll" style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <table
          data-testid="bulk-table"
          style={{
            borderCollapse: 'separate',
            borderSpacing: 0,
            tableLayout: 'fixed',
            fontSize: FONT,
            width: `${columns.reduce((n, [, w]) => n + w, 0)}em`,
          }}
        >
          <colgroup>
            {columns.map(([k, w]) => (
              <col key={k} style={{ width: `${w}em` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map(([k], i) => (
                <th
                  key={k}
                  data-testid={`sort-${k}`}
                  data-column={k}
                  style={{ ...cell, cursor: 'pointer', textAlign: 'left', background: '#f3f3f3', ...(i === 0 ? pinned('#f3f3f3') : {}) }}
                  onClick={() => setSort((p) => ({ key: k, dir: p.key === k ? (-p.dir as 1 | -1) : 1 }))}
                >
                  {say(lang, `batch.col.${k}`)}
                  {sort.key === k ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r, i) => {
              const bg = `#${VERDICT_COLOUR[r.verdict]}`;
              return (
                <tr
                  key={i}
                  data-testid="bulk-row"
                  data-file={r.path ? base(r.path) : ''}
                  data-department={r.department ?? ''}
                  data-verdict={r.verdict}
                  data-errors={r.errors}
                  style={{ background: bg }}
                >
                  {columns.map(([k], j) => (
                    <td
                      key={k}
                      data-testid={`bulk-${k}`}
                      style={{ ...cell, ...(NUMERIC.has(k) ? { textAlign: 'right' } : {}), ...(j === 0 ? pinned(bg) : {}) }}
                    >
                      {content(r, k)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
