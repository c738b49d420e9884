/**
 * The library's doors to a file's check (docs/findings.md). Every one goes through checkFile
 * (core/check/file.ts), the one path the command line and the task panes share; files of every
 * kind are read through the input registry (core/read/input.ts).
 */
import type { FileResult } from './model/findings';
import { readInput, readInputSync } from './read/input';
import { reportsOf } from './read/located';
import type { ReportData } from './model/report';
import { checkFile, checkLocated, checkRead, unreadable, type CheckedFile, type CheckFileOptions } from './check/file';
import { NeedsLimits } from './read/errors';
import type { InputRead } from './read/located';

export { decodeText } from './read/decode';
export { checkFile, checkFileRead, matchPrior, type CheckFileOptions, type CheckSource, type CheckedFile } from './check/file';

/** Reports in a file of any kind but PDF (core/read/kinds.ts). Throws ReadError. */
export function readReportsFrom(data: Uint8Array, name: string, opts: { maxBytes?: number } = {}): ReportData[] {
  return reportsOf(readInputSync(data, name, opts), name);
}

/** Reports in a file of any kind, PDF included. Throws ReadError. */
export async function readReportsAsync(data: Uint8Array, name: string, opts: { maxBytes?: number } = {}): Promise<ReportData[]> {
  return reportsOf(await readInput(data, name, opts), name);
}

/** One file's result, for any kind but PDF, synchronously: checkFile's path with the synchronous reader. */
export function checkData(data: Uint8Array, path: string, opts: CheckFileOptions = {}): FileResult {
  return checkDataRead(data, path, opts).result;
}

/**
 * checkFileRead for any kind but PDF, synchronously: the same result, with what was read. Asked to
 * stay bounded (opts.bounded), it throws NeedsLimits for what needs limits (a PDF among them), as
 * checkFileRead does; otherwise it never throws.
 */
export function checkDataRead(data: Uint8Array, path: string, opts: CheckFileOptions = {}): CheckedFile {
  let read: InputRead;
  try {
    read = readInputSync(data, path, opts);
  } catch (e) {
    if (e instanceof NeedsLimits) throw e;
    return { result: unreadable(e, path, opts.lang ?? 'zh'), book: null, located: [] };
  }
  return checkRead(path, () => read, opts);
}

/**
 * The first half of checkDataRead: what the file holds, read and located (its reports), or its
 * result when there is nothing to check (unreadable, no tables). checkLocated of the reports is
 * the second half; the command line may run the halves on two threads (cli/locate-thread.ts).
 * Throws NeedsLimits as checkDataRead does.
 */
export function locateDataRead(
  data: Uint8Array,
  path: string,
  opts: CheckFileOptions = {},
): { reports: ReportData[] } | { result: FileResult } {
  const lang = opts.lang ?? 'zh';
  let read: InputRead;
  try {
    read = readInputSync(data, path, opts);
  } catch (e) {
    if (e instanceof NeedsLimits) throw e;
    return { result: unreadable(e, path, lang) };
  }
  try {
    return { reports: reportsOf(read, path) };
  } catch (e) {
    return { result: unreadable(e, path, lang) };
  }
}

/** One file's result, for every kind (a PDF is read asynchronously): checkFile of the bytes. */
export function checkInput(data: Uint8Array, path: string, opts: CheckFileOptions = {}): Promise<FileResult> {
  return checkFile({ name: path, bytes: data }, opts);
}

/** One file's result from its reports, read already (in a child process: cli/read-child.ts): checkFile's path from there on. */
export function checkReports(reports: ReportData[], path: string, opts: CheckFileOptions = {}): FileResult {
  return checkLocated(path, reports, opts);
}
