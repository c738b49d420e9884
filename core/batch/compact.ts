/**
 * A file's result reduced to what the batch verdicts need, so that a batch of any size keeps
 * little per file: its path, read error, and per report the sheet, format, year and agency, the
 * batch findings, the first error (a verdict's reason), the texts read as numbers (listed under
 * the batch) and how many other findings of each severity there were. The whole result is kept elsewhere (the CLI spools it to disk) and gets
 * the batch findings back with batchFindingsOf once the batch is judged.
 */
import type { FileResult, Finding, ReportResult, Severity } from '../model/findings';

export interface Omitted extends Record<Severity, number> {
  /** Findings kept when compacted: what analyseBatch adds comes before them. */
  kept: number;
}

/** Kept on the compacted report itself (a symbol: never printed or cloned), not in a WeakMap, which costs more per file. */
const OMITTED = Symbol('omitted');
type Compacted = ReportResult & { [OMITTED]?: Omitted };
/** One empty list shared by every compacted finding and report: a batch keeps thousands of them. */
export const NONE = Object.freeze([]) as never[];

/** The findings a compacted report stands for without holding them; undefined for a whole report. */
export const omittedOf = (r: ReportResult): Omitted | undefined => (r as Compacted)[OMITTED];

function compactReport(r: ReportResult): ReportResult {
  const firstError = r.findings.find((f) => f.severity === 'error');
  const kept: Finding[] = [];
  const left: Omitted = { error: 0, warning: 0, notice: 0, kept: 0 };
  for (const f of r.findings) {
    if (f === firstError || f.rule.startsWith('batch.')) kept.push({ ...f, cells: NONE, suspects: NONE });
    // Each text read as a number is listed under the batch (its cells named).
    else if (f.rule === 'cell.text_number') kept.push({ ...f, suspects: NONE });
    else left[f.severity]++;
  }
  left.kept = kept.length;
  const c: Compacted = { sheet: r.sheet, format: r.format, year: r.year, agency: r.agency, notes: NONE, findings: kept };
  if (r.yearFrom) c.yearFrom = r.yearFrom;
  if (r.figures) c.figures = r.figures;
  c[OMITTED] = left;
  return c;
}

/** What a batch verdict needs of a file's result. */
export function compactResult(f: FileResult): FileResult {
  return { path: f.path, status: f.status, error: f.error, reports: f.reports.map(compactReport) };
}

/** The findings analyseBatch put before a compacted report's own (to be put back in the whole result). */
export function batchFindingsOf(r: ReportResult): Finding[] {
  const o = omittedOf(r);
  return o ? r.findings.slice(0, r.findings.length - o.kept) : [];
}

/** The whole result with the batch findings of its compacted twin put first, as analyseBatch puts them. */
export function withBatchFindings(whole: FileResult, compact: FileResult): FileResult {
  whole.reports.forEach((r, i) => r.findings.unshift(...batchFindingsOf(compact.reports[i])));
  return whole;
}

/** What compacted reports no longer hold, to cross to another process with them (a symbol does not cross). */
export const omittedCounts = (c: FileResult): (Omitted | undefined)[] => c.reports.map(omittedOf);

/** A compacted result come from another process, with what its reports no longer hold, its empty lists shared again. */
export function withOmitted(c: FileResult, counts: readonly (Omitted | undefined)[]): FileResult {
  c.reports.forEach((r, i) => {
    const left = counts[i];
    if (left) (r as Compacted)[OMITTED] = left;
    if (!r.notes.length) r.notes = NONE;
    for (const f of r.findings) {
      if (!f.cells.length) f.cells = NONE;
      if (!f.suspects.length) f.suspects = NONE;
    }
  });
  return c;
}
