/**
 * One file's bytes → its FileResult (docs/findings.md). Host-agnostic: the CLI's workers and the
 * task pane (files picked in a browser) both call this. Files of every kind are read through the
 * input registry (core/read/input.ts).
 */
import { say } from './messages';
import { confront, type CheckOptions } from './check';
import type { FileResult } from './model/findings';
import { ReadError } from './read/errors';
import { readInput, readInputSync, reportsOf } from './read/input';
import type { ReportData } from './model/report';
import { textFindings } from './rules/text';
import { markUnfilled } from './batch/unfilled';
import { matchDepartment } from './batch/agency';

export { decodeText } from './read/decode';

/** Reports in a file of any kind but PDF (core/read/kinds.ts). Throws ReadError. */
export function readReportsFrom(data: Uint8Array, name: string, opts: { maxBytes?: number } = {}): ReportData[] {
  return reportsOf(readInputSync(data, name, opts), name);
}

/** Reports in a file of any kind, PDF included. Throws ReadError. */
export async function readReportsAsync(data: Uint8Array, name: string, opts: { maxBytes?: number } = {}): Promise<ReportData[]> {
  return reportsOf(await readInput(data, name, opts), name);
}

export interface CheckFileOptions extends CheckOptions {
  maxBytes?: number;
  /** Last year's reports to match by agency (bulk --prior DIR); `prior` alone applies to every report. */
  priors?: { name: string; report: ReportData }[];
}

/** One file's result, for any kind but PDF (see checkInput). */
export function checkData(data: Uint8Array, path: string, opts: CheckFileOptions = {}): FileResult {
  let reports: ReportData[];
  try {
    reports = readReportsFrom(data, path, opts);
  } catch (e) {
    return unreadable(e, path, opts);
  }
  return checked(reports, path, opts);
}

/** One file's result, for every kind (a PDF is read asynchronously). */
export async function checkInput(data: Uint8Array, path: string, opts: CheckFileOptions = {}): Promise<FileResult> {
  let reports: ReportData[];
  try {
    reports = await readReportsAsync(data, path, opts);
  } catch (e) {
    return unreadable(e, path, opts);
  }
  return checked(reports, path, opts);
}

function unreadable(e: unknown, path: string, opts: CheckFileOptions): FileResult {
  if (e instanceof ReadError)
    return { path, status: 'unreadable', error: { code: e.code, message: e.messageIn(opts.lang ?? 'zh') }, reports: [] };
  const msg = e instanceof Error ? e.message : String(e);
  return {
    path,
    status: 'unreadable',
    error: {
      code: 'not_workbook',
      message: say(opts.lang ?? 'zh', 'read.unexpected', { file: path, detail: msg }),
    },
    reports: [],
  };
}

/** One file's result from its reports, read already (in a child process: cli/read-child.ts). */
export function checkReports(reports: ReportData[], path: string, opts: CheckFileOptions = {}): FileResult {
  return checked(reports, path, opts);
}

function checked(reports: ReportData[], path: string, opts: CheckFileOptions): FileResult {
  return {
    path,
    status: 'checked',
    error: null,
    reports: reports.map((r) => {
      const match = opts.priors && matchPrior(r, opts.priors);
      const res = confront(r, { textRules: textFindings, ...opts, ...(match ? { prior: match.report, priorName: match.name } : {}) });
      return markUnfilled(r, res, opts.lang ?? 'zh');
    }),
  };
}

/**
 * Last year's report of the same agency, by agency only, as a batch matches departments
 * (core/batch/agency.ts: the same name, else the same office in the same places or a short
 * form): a report without an agency, of an agency with no report last year, or one that fits
 * two of last year's agencies (某某区民政局 for 甲市某某区民政局 and 乙市某某区民政局) gets none
 * rather than another department's figures.
 */
export function matchPrior(
  r: Pick<ReportData, 'agency'>,
  priors: { name: string; report: ReportData }[],
): { name: string; report: ReportData } | null {
  if (!r.agency) return null;
  const agencies = [...new Set(priors.map((p) => p.report.agency).filter((a): a is string => !!a))];
  const { department } = matchDepartment(r.agency, agencies);
  return department === null ? null : (priors.find((p) => p.report.agency === department) ?? null);
}
