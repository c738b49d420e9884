/** The result of a check, exactly in the shape of shared/spec/findings.md. */

export type Severity = 'error' | 'warning' | 'notice';
export type Lang = 'zh' | 'en';

export interface FindingCell {
  ref: string;
  table: string;
  row: string;
  column: string;
  /** What was read: a number, the raw text when it is not a number, or null when blank. */
  value: number | string | null;
}

export interface Suspect extends FindingCell {
  suggested: number | null;
  reason: string;
}

export interface Finding {
  rule: string;
  instance: string | null;
  severity: Severity;
  message: string;
  cells: FindingCell[];
  expected?: number | null;
  actual?: number | null;
  suspects: Suspect[];
}

export interface ReportResult {
  sheet: string | null;
  format: string;
  year: number | null;
  agency: string | null;
  notes: string[];
  findings: Finding[];
}

export interface FileResult {
  path: string;
  status: 'checked' | 'unreadable';
  error: { code: string; message: string } | null;
  reports: ReportResult[];
}

export interface FindingsDoc {
  version: 1;
  files: FileResult[];
  summary: { files: number; reports: number; clean: number; with_errors: number; unreadable: number };
}

export const isClean = (r: ReportResult) => !r.findings.some((f) => f.severity === 'error');

/** Counts for findings.md's summary, kept as files arrive (bulk checks do not hold every result). */
export class Tally {
  readonly summary = { files: 0, reports: 0, clean: 0, with_errors: 0, unreadable: 0 };
  add(f: FileResult): void {
    const s = this.summary;
    s.files++;
    if (f.status === 'unreadable') s.unreadable++;
    for (const r of f.reports) {
      s.reports++;
      if (isClean(r)) s.clean++;
      else s.with_errors++;
    }
  }
}

export function summarise(files: FileResult[]): FindingsDoc {
  const tally = new Tally();
  for (const f of files) tally.add(f);
  return { version: 1, files, summary: tally.summary };
}

/** Which findings to keep: any of the given tables, severities, rule ids (or families, "T3.*", "cell.*"). */
export interface FindingFilter {
  table?: string | string[];
  severity?: Severity | Severity[];
  rule?: string | string[];
}

const list = <T>(x: T | T[] | undefined): T[] | null => (x === undefined ? null : Array.isArray(x) ? x : [x]);

/** The findings of a report that match the filter (as R's validate slices a confrontation). */
export function sliceFindings(result: ReportResult, filter: FindingFilter = {}): Finding[] {
  const tables = list(filter.table),
    sevs = list(filter.severity),
    rules = list(filter.rule);
  return result.findings.filter(
    (f) =>
      (!sevs || sevs.includes(f.severity)) &&
      (!rules || rules.some((r) => (r.endsWith('.*') ? f.rule.startsWith(r.slice(0, -1)) : f.rule === r))) &&
      (!tables ||
        tables.some(
          (t) =>
            f.cells.some((c) => c.table === t) || f.rule.startsWith(`${t}.`) || f.instance === t || (f.instance ?? '').startsWith(`${t}:`),
        )),
  );
}

/** One line per rule: how many instances failed, at what severity (the summary a statistician reads first). */
export function summariseFindings(result: ReportResult): { rule: string; severity: Severity; count: number }[] {
  const by = new Map<string, { rule: string; severity: Severity; count: number }>();
  for (const f of result.findings) {
    const k = `${f.rule}|${f.severity}`;
    const cur = by.get(k);
    if (cur) cur.count++;
    else by.set(k, { rule: f.rule, severity: f.severity, count: 1 });
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  return [...by.values()].sort(
    (a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
