/**
 * The reports of a batch that pass (xxgk sum --only-clean), and every one left out with its
 * verdict and reason: a sum never takes a report silently, nor drops one silently.
 */
import { checkData, readReportsFrom } from '../checkfile';
import type { Lang } from '../model/findings';
import type { ReportData } from '../model/report';
import { analyseBatch, type Batch, type BatchOptions } from './analyse';
import { verdictName } from './verdict';

export interface CleanInput {
  path: string;
  data: Uint8Array;
  mtime: number | null;
}

export interface CleanSelection {
  kept: { name: string; report: ReportData }[];
  leftOut: { file: string; verdict: string; reason: string }[];
  batch: Batch;
}

export function selectClean(inputs: readonly CleanInput[], opts: BatchOptions & { lang: Lang }): CleanSelection {
  const results = inputs.map((f) => checkData(f.data, f.path, { lang: opts.lang }));
  const batch = analyseBatch(
    results.map((result, i) => ({ result, mtime: inputs[i].mtime })),
    opts,
  );
  const kept: CleanSelection['kept'] = [];
  const leftOut: CleanSelection['leftOut'] = [];
  const read = new Map<number, ReportData[]>();
  for (const row of batch.rows) {
    if (row.verdict === 'pass') {
      if (!read.has(row.file)) read.set(row.file, readReportsFrom(inputs[row.file].data, inputs[row.file].path));
      const reports = read.get(row.file)!;
      const report = reports.find((r) => r.sheet === row.sheet) ?? reports[0];
      kept.push({ name: reports.length > 1 ? `${row.path}#${row.sheet ?? ''}` : row.path, report });
    } else
      leftOut.push({
        file: row.path || (row.department ?? ''),
        verdict: verdictName(row.verdict, opts.lang),
        reason: row.reason,
      });
  }
  return { kept, leftOut, batch };
}
