/** A child process of `xxgk check` (cli/pool.ts): reads and checks one file per message. */
import { checkFileRead, type CheckedFile, type CheckFileOptions } from '../core/check/file';
import { checkReports, locateDataRead, readReportsAsync } from '../core/checkfile';
import { NeedsLimits, ReadError } from '../core/read/errors';
import { readInputFile } from '../core/node/read';
import { FileError } from '../core/node/errors';
import { rememberRawPath } from '../core/node/raw-paths';
import type { FileResult } from '../core/model/findings';
import type { ReportData } from '../core/model/report';
import { say } from '../core/messages';
import { importParsedRules, type ParsedRule } from '../core/rules';
import { compactResult, omittedCounts } from '../core/batch/compact';
import { writeSync } from 'fs';
import { serialize } from 'v8';
import type { ReadAnswer } from './read-child';

/** The descriptor a checking process writes its whole results to, when the main process gives it one (cli/spool.ts). */
export const SPOOL_FD = 4;

export interface Job {
  id: number;
  path: string;
  /** The name's bytes, when it is not UTF-8 and `path` shows it decoded. */
  raw?: Uint8Array;
}

/** What a checking process is told: check's options, and whether the reports read go with the result. */
export interface PathOptions extends CheckFileOptions {
  /** The reports located are put on the whole result (`located`): xxgk evaluate needs their cells. */
  located?: boolean;
}

/** A whole result with the reports located in the file, in the order of its reports (PathOptions.located). */
export type LocatedResult = FileResult & { located?: ReportData[] };

/**
 * Reads a file (size first, never modifying it) and checks it through core's checkFile, the path
 * the task panes take too; never throws, but NeedsLimits when asked to stay bounded (opts.bounded).
 * The same call whether a checking process or the main process checks the file.
 */
export async function checkPath(path: string, opts: PathOptions): Promise<LocatedResult> {
  try {
    // A regular file only (a device or pipe is refused), its size checked before it is read.
    const buf = readInputFile(path, { maxBytes: opts.maxBytes, bounded: opts.bounded });
    return located(await checkFileRead({ name: path, bytes: buf }, opts), opts);
  } catch (e) {
    return unopened(e, path, opts);
  }
}

/**
 * checkPath without waiting, for what the main process checks itself (opts.bounded: no PDF, no
 * Word document): the same result through core's synchronous door, so that a time limit can
 * stop it (cli/pool.ts).
 */
export function checkPathSync(path: string, opts: PathOptions, seen?: (bytes: Uint8Array) => void): LocatedResult {
  const l = locatePathSync(path, opts, seen);
  return 'result' in l ? l.result : checkLocatedPath(path, l.reports, opts);
}

/**
 * checkPathSync's first half: the file read and its reports located, or its whole result when
 * that is all there is (not opened, unreadable, no tables). Throws NeedsLimits as checkPathSync.
 * `seen` gets the file's bytes once read.
 */
export function locatePathSync(
  path: string,
  opts: PathOptions,
  seen?: (bytes: Uint8Array) => void,
): { reports: ReportData[] } | { result: LocatedResult } {
  try {
    const bytes = readInputFile(path, { maxBytes: opts.maxBytes, bounded: opts.bounded });
    // The bytes as read, before any reader has them (the batch's digests, cli/digests.ts).
    seen?.(bytes);
    return locateDataRead(bytes, path, opts);
  } catch (e) {
    return { result: unopened(e, path, opts) };
  }
}

/** checkPathSync's second half: the reports located in a file, checked. */
export function checkLocatedPath(path: string, reports: ReportData[], opts: PathOptions): LocatedResult {
  return located({ result: checkReports(reports, path, opts), book: null, located: reports }, opts);
}

// Only the whole result (spooled, cli/spool.ts) carries them: what crosses to the main process is compacted.
const located = ({ result, located }: CheckedFile, opts: PathOptions): LocatedResult => (opts.located ? { ...result, located } : result);

/** A file that could not be opened or read, as its result; NeedsLimits goes on to the caller. */
function unopened(e: unknown, path: string, opts: PathOptions): LocatedResult {
  if (e instanceof NeedsLimits) throw e;
  const lang = opts.lang ?? 'zh';
  if (e instanceof ReadError || e instanceof FileError)
    return { path, status: 'unreadable', error: { code: e.code, message: e.messageIn(lang) }, reports: [] };
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return {
    path,
    status: 'unreadable',
    error: {
      code: 'not_workbook',
      message: say(lang, code === 'ENOENT' ? 'batch.file_missing' : 'batch.file_unopenable', { file: path }),
    },
    reports: [],
  };
}

/** Reads one file's reports for a command other than check (cli/read-child.ts); never throws. */
export async function readJob(job: { id: number; path: string; maxBytes?: number }): Promise<ReadAnswer> {
  const { id, path } = job;
  try {
    return { id, reports: await readReportsAsync(readInputFile(path, { maxBytes: job.maxBytes }), path, { maxBytes: job.maxBytes }) };
  } catch (e) {
    if (e instanceof ReadError) return { id, readError: { code: e.code, file: e.file, detail: e.detail } };
    if (e instanceof FileError) return { id, fileError: { code: e.code, file: e.file, why: e.why } };
    return { id, internal: e instanceof Error ? e.message : String(e) };
  }
}

// Only when started by cli/pool.ts or cli/read-child.ts: a test runner's own process has an IPC channel too.
if (process.send && process.argv.includes('--xxgk-check-child' /* CHILD_FLAG in cli/pool.ts */)) {
  let opts: PathOptions = {};
  /** Where the next whole result goes in this process's spool file. */
  let end = 0;
  let queue: Promise<void> = Promise.resolve();
  // The main process gone (killed, or done): nothing is left to do.
  process.on('disconnect', () => process.exit(0));
  /**
   * The whole result is written to the spool file and only what the batch verdicts need crosses
   * to the main process, which then never holds (or even parses) a whole result while checking.
   */
  const answer = (id: number, result: FileResult) => {
    if (!process.connected) return;
    const body = serialize(result);
    try {
      writeSync(SPOOL_FD, body, 0, body.length, end);
    } catch {
      // Not written (a full disk): the whole result goes to the main process, which keeps it (cli/spool.ts).
      process.send!({ id, result });
      return;
    }
    const compact = compactResult(result);
    process.send!({ id, result: compact, omitted: omittedCounts(compact), at: end, size: body.length });
    end += body.length;
  };
  process.on(
    'message',
    (msg: {
      opts?: CheckFileOptions;
      parsed?: [string, ParsedRule[]][];
      job?: Job;
      read?: { id: number; path: string; maxBytes?: number; raw?: Uint8Array };
    }) => {
      const read = msg.read;
      // A name that is not UTF-8 comes with its bytes (core/node/raw-paths.ts).
      if (read?.raw) rememberRawPath(read.path, read.raw);
      if (msg.job?.raw) rememberRawPath(msg.job.path, msg.job.raw);
      if (read) {
        queue = queue.then(() => readJob(read)).then((answer) => void (process.connected && process.send!(answer)));
        return;
      }
      if (msg.opts) {
        opts = msg.opts;
        importParsedRules(msg.parsed ?? []);
        return;
      }
      const job = msg.job;
      // One file at a time, in the order sent: the main process takes the first unanswered one for the one being checked.
      if (job) queue = queue.then(() => checkPath(job.path, opts)).then((result) => answer(job.id, result));
    },
  );
  process.send({ ready: true });
}
