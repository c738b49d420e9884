/**
 * What the pane does, without React: check through a host, turn findings into marks and
 * suggestions, fill blank totals, draw templates and exports. The UI (App.tsx) calls these; tests
 * call them with the in-memory host.
 */
import type { Book } from '../core/read/grid';
import type { ReportData } from '../core/model/report';
import type { Finding, Lang, ReportResult, Severity } from '../core/model/findings';
import type { SheetLayout } from '../core/template/layout';
import { loadChecker, loadTemplates } from './core-api';
import { parseRef, cellKey, type CellAt, type DrawLayout, type Mark, type SheetHost, type ValueWrite } from './host';

export interface CheckOutcome {
  book: Book;
  located: ReportData[];
  reports: ReportResult[];
  /** Why the book gave no report (no tables, an empty sheet), in the pane's language; null when it gave some. */
  error: { code: string; message: string } | null;
  /** Script time of locating + checking (no round trips). */
  ms: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The time of the last check, for bench/bundle.ts. */
export function noteCheckTime(ms: number): void {
  if (typeof window !== 'undefined') (window as unknown as { __xxgkLastCheckMs?: number }).__xxgkLastCheckMs = ms;
}

/** A host's cells checked by core's one check (core/check/file.ts), as the command line checks a file. */
export async function checkBook(book: Book, lang: Lang): Promise<CheckOutcome> {
  const core = await loadChecker();
  const t0 = now();
  const { result, located } = await core.checkFileRead({ name: book.name, book }, { lang });
  const ms = now() - t0;
  noteCheckTime(ms);
  return { book, located, reports: result.reports, error: result.error, ms };
}

/** One read round trip, then the check. */
export async function checkHost(host: SheetHost, scope: 'active' | 'all', lang: Lang): Promise<CheckOutcome> {
  await loadChecker(); // load the code before touching the workbook
  const { book } = await host.read(scope);
  return checkBook(book, lang);
}

export const MARK_COLORS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', notice: '#DDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The cells a finding points at: its suspects where it has them, else every cell it names. */
export function findingTargets(f: Finding): CellAt[] {
  const refs = f.suspects.length ? f.suspects.map((s) => s.ref) : f.cells.map((c) => c.ref);
  return refs.map((r) => parseRef(r)).filter((x): x is CellAt => !!x);
}

/** One mark per cell named by an error or warning (the worst severity wins; messages joined). */
export function marksFor(reports: ReportResult[]): Mark[] {
  const by = new Map<string, { at: CellAt; sev: Severity; text: string[] }>();
  for (const rep of reports)
    for (const f of rep.findings) {
      if (f.severity === 'notice') continue;
      for (const at of findingTargets(f)) {
        const k = cellKey(at);
        const cur = by.get(k);
        if (!cur) by.set(k, { at, sev: f.severity, text: [f.message] });
        else {
          if (RANK[f.severity] < RANK[cur.sev]) cur.sev = f.severity;
          if (!cur.text.includes(f.message)) cur.text.push(f.message);
        }
      }
    }
  return [...by.values()].map(({ at, sev, text }) => ({ ...at, color: MARK_COLORS[sev], text: text.join('\n').slice(0, 2000) }));
}

export interface Suggestion {
  at: CellAt;
  ref: string;
  value: number;
  current: number | string | null;
  finding: Finding;
  reason: string;
}

/** The first suspect of each finding that has a suggested value, one per cell. */
export function suggestionsOf(reports: ReportResult[]): Suggestion[] {
  const out = new Map<string, Suggestion>();
  for (const rep of reports)
    for (const f of rep.findings)
      for (const s of f.suspects.slice(0, 1)) {
        if (s.suggested === null || s.suggested === undefined) continue;
        const at = parseRef(s.ref);
        if (!at || out.has(cellKey(at))) continue;
        out.set(cellKey(at), { at, ref: s.ref, value: s.suggested, current: s.value, finding: f, reason: s.reason });
      }
  return [...out.values()];
}

/** Derived cells (totals) that are blank in the sheet, with their sum computed from the parts. */
export async function blankTotals(located: ReportData[]): Promise<ValueWrite[]> {
  const [{ getForm }, { derivedParts }, { Dec }] = await Promise.all([
    import(/* webpackChunkName: "forms" */ '../core/forms'),
    import(/* webpackChunkName: "forms" */ '../core/template/derive'),
    import(/* webpackChunkName: "forms" */ '../core/model/decimal'),
  ]);
  const writes: ValueWrite[] = [];
  for (const rep of located) {
    const form = getForm(rep.format);
    const values = new Map<string, ReturnType<typeof Dec.of> | null>();
    const val = (id: string) => {
      if (values.has(id)) return values.get(id)!;
      const raw = rep.cells[id]?.raw;
      const d =
        typeof raw === 'number' ? Dec.of(raw) : typeof raw === 'string' ? Dec.parse(raw.normalize('NFKC').replace(/[,\s件]/g, '')) : null;
      return d;
    };
    for (const [id, parts] of derivedParts(form)) {
      const cell = rep.cells[id];
      if (!cell || (cell.raw !== null && String(cell.raw).trim() !== '') || cell.formula) continue;
      if (parts.some((p) => !rep.cells[p.cell])) continue;
      const ds = parts.map((p) => ({ d: val(p.cell), coef: p.coef }));
      if (ds.every((x) => x.d === null)) continue; // a blank total of blank parts stays blank
      let sum = Dec.ZERO;
      for (const x of ds) if (x.d) sum = sum.add(x.d.mul(Dec.of(x.coef)));
      values.set(id, sum);
      const at = parseRef(cell.ref);
      if (at) writes.push({ ...at, value: sum.toNumber() });
    }
  }
  return writes;
}

export interface FindingGroup {
  table: string;
  severity: Severity;
  findings: Finding[];
}

/** Findings by table (表二, 表三, 表四, other) then severity. */
export function groupFindings(rep: ReportResult): FindingGroup[] {
  const tableOf = (f: Finding) =>
    f.cells[0]?.table && /^T[234]$/.test(f.cells[0].table) ? f.cells[0].table : /^T[234]\./.test(f.rule) ? f.rule.slice(0, 2) : 'other';
  const groups = new Map<string, FindingGroup>();
  for (const f of rep.findings) {
    const t = tableOf(f);
    const k = `${t}|${RANK[f.severity]}`;
    if (!groups.has(k)) groups.set(k, { table: t, severity: f.severity, findings: [] });
    groups.get(k)!.findings.push(f);
  }
  const order = (t: string) => (t === 'other' ? 9 : Number(t.slice(1)));
  return [...groups.values()].sort((a, b) => order(a.table) - order(b.table) || RANK[a.severity] - RANK[b.severity]);
}

/** A core SheetLayout as host-agnostic drawing. */
export function toDraw(layout: SheetLayout): DrawLayout {
  return { cells: layout.cells.map((c) => ({ ...c })), columnWidths: layout.columnWidths };
}

/** Draws the official template for a year (format from the year unless given) into a new sheet. */
export async function insertTemplate(host: SheetHost, opts: { year: number; agency?: string; format?: string }): Promise<string> {
  const t = await loadTemplates();
  const form = opts.format ? t.getForm(opts.format) : t.formForYear(opts.year);
  const layout = t.templateLayout(form, { year: opts.year, agency: opts.agency || null });
  return host.addSheet(layout.sheetName, toDraw(layout));
}

/** Base64 of bytes (for Excel.createWorkbook). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
