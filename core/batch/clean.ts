/**
 * The reports of a batch that pass (xxgk sum --only-clean), and every one left out with its
 * verdict and reason: a sum never takes a report silently, nor drops one silently.
 */
import { checkInput, checkReports, readReportsAsync } from '../checkfile';
import type { Lang } from '../model/findings';
import type { ReportData } from '../model/report';
import { analyseBatch, type Batch, type BatchOptions } from './analyse';
import { verdictName } from './verdict';
import { figuresDigest } from '../check/figures';

export interface CleanInput {
  path: string;
  data: Uint8Array;
  mtime: number | null;
  /** Its reports, when read already (in a child process with check's limits: cli/read-child.ts); then data is not read again. */
  reports?: ReportData[];
  /** Why the file could not be read (then data is empty): kept, so that the list says why. */
  error?: { code: string; message: string };
}

export interface CleanSelection {
  kept: { name: string; report: ReportData }[];
  leftOut: { file: string; verdict: string; reason: string }[];
  batch: Batch;
}

/** Every kind the input registry reads counts (Word, PDF, pages, text): a PDF is read asynchronously. */
export async function selectClean(inputs: readonly CleanInput[], opts: BatchOptions & { lang: Lang }): Promise<CleanSelection> {
  const results = [];
  for (const f of inputs)
    results.push(
      f.error
        ? { path: f.path, status: 'unreadable' as const, error: f.error, reports: [] }
        : f.reports
          ? checkReports(f.reports, f.path, { lang: opts.lang })
          : await checkInput(f.data, f.path, { lang: opts.lang }),
    );
  const batch = analyseBatch(
    results.map((result, i) => ({ result, mtime: inputs[i].mtime })),
    opts,
  );
  const kept: CleanSelection['kept'] = [];
  const leftOut: CleanSelection['leftOut'] = [];
  const read = new Map<number, ReportData[]>();
  for (const row of batch.rows) {
    // A department with two different reports and nothing to tell which counts is summed with neither, said.
    if (row.verdict === 'pass' && !row.report?.findings.some((f) => f.rule === 'batch.duplicate_choose')) {
      const f = inputs[row.file];
      if (!read.has(row.file)) read.set(row.file, f.reports ?? (await readReportsAsync(f.data, f.path)));
      const reports = read.get(row.file)!;
      // Several reports on one sheet (合报): the row's own report, by its figures, never the sheet's first one.
      const report =
        reports.find((r) => row.report?.figures !== undefined && figuresDigest(r) === row.report.figures) ??
        reports.find((r) => r.sheet === row.sheet && r.agency === row.agency) ??
        reports.find((r) => r.sheet === row.sheet) ??
        reports[0];
      const where = `${row.path}#${row.sheet ?? ''}${report.area ? `!${report.area}` : ''}`;
      kept.push({ name: reports.length > 1 ? where : row.path, report });
    } else
      leftOut.push({
        file: row.path || (row.department ?? ''),
        verdict: verdictName(row.verdict, opts.lang),
        reason: row.reason,
      });
  }
  return { kept, leftOut, batch };
}
