/** The result of a check, exactly in the shape of docs/findings.md. */

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
  /** Present when the year is the file's (workbook's) name's, not the report's: ground for notes and warnings only. */
  yearFrom?: 'file_name';
  agency: string | null;
  notes: string[];
  findings: Finding[];
  /**
   * How many instances of each rule the check had and could evaluate (summariseFindings): plain
   * data in the result, so that a copy (structuredClone, a message between processes, JSON) keeps
   * it. Absent from a result made otherwise (a compacted batch record, an older JSON).
   */
  rules?: RuleCount[];
  /**
   * A digest of the figures the report holds (core/check/figures.ts): two files of one department
   * with the same digest hold the same report (a workbook and its text, say), so the batch keeps one
   * without asking. Absent from a result made otherwise.
   */
  figures?: string;
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

/** The error findings of a report: it is clean when it has none (warnings and notices do not count). */
export const errorsOf = (r: ReportResult): Finding[] => r.findings.filter((f) => f.severity === 'error');
export const isClean = (r: ReportResult): boolean => !r.findings.some((f) => f.severity === 'error');

/** Counts for docs/findings.md's summary, kept as files arrive (bulk checks do not hold every result). */
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

/** The findings document (docs/findings.md) of the given files, with its summary counts. */
export function findingsDocument(files: FileResult[]): FindingsDoc {
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

/** How many instances of a rule a check had and evaluated (a report result's `rules`). */
export interface RuleCount {
  rule: string;
  severity: Severity;
  instances: number;
  checked: number;
}

/**
 * One line per rule, as R validate's summary: its instances, how many passed, failed and were
 * skipped (cells missing, a cell no number, last year's report not given). Rules with findings
 * come first (errors, then warnings, then notices), then the rules that passed. For a result
 * without its tallies (`rules`), or a rule checked outside the equations (format.*, text.*,
 * local), only the failures are known: instances, passed and skipped are then null.
 */
export interface RuleSummary {
  rule: string;
  severity: Severity;
  instances: number | null;
  passed: number | null;
  failed: number;
  skipped: number | null;
}

export function summariseFindings(result: ReportResult): RuleSummary[] {
  const by = new Map<string, RuleSummary>();
  for (const c of result.rules ?? [])
    by.set(`${c.rule}|${c.severity}`, {
      rule: c.rule,
      severity: c.severity,
      instances: c.instances,
      passed: c.checked,
      failed: 0,
      skipped: c.instances - c.checked,
    });
  for (const f of result.findings) {
    const k = `${f.rule}|${f.severity}`;
    let cur = by.get(k);
    if (!cur) by.set(k, (cur = { rule: f.rule, severity: f.severity, instances: null, passed: null, failed: 0, skipped: null }));
    cur.failed++;
    if (cur.passed !== null) cur.passed = Math.max(0, cur.passed - 1);
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  return [...by.values()].sort(
    (a, b) =>
      Number(!a.failed) - Number(!b.failed) ||
      rank[a.severity] - rank[b.severity] ||
      b.failed - a.failed ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
