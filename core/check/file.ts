/**
 * checkFile: the one path from a file's bytes, or a host's cells, to its FileResult
 * (docs/findings.md). The command line's checking processes, the task pane on files and the
 * panes in Excel and WPS all call it, so that every face gives the same verdicts and findings;
 * they only read their input and show the result. The result is plain data (rule tallies
 * inside): it survives structuredClone, a message between processes and JSON.
 *
 * The readers are loaded only for bytes: a host's cells are located and checked without them
 * (the pane in Excel loads no workbook reader).
 */
import { figuresDigest } from './figures';
import { say } from '../messages';
import { confront, type CheckOptions } from '../check';
import type { FileResult, Lang } from '../model/findings';
import type { ReportData } from '../model/report';
import type { Book } from '../read/grid';
import type { TextLine } from '../import/common';
import { NeedsLimits, ReadError } from '../read/errors';
import { reportsOf, type InputRead } from '../read/located';
import { textFindings } from '../rules/text';
import { anyEntered, markUnfilled } from '../batch/unfilled';
import { matchDepartment } from '../batch/agency';

/** What is checked: a file's bytes and name, or a book of cells a host read (Excel, WPS, a copy in memory) with its name. */
export type CheckSource = { name: string; bytes: Uint8Array } | { name: string; book: Book; textLines?: TextLine[] | null };

export interface CheckFileOptions extends CheckOptions {
  maxBytes?: number;
  /** Read only what is bounded without limits, else throw NeedsLimits (core/read/errors.ts): the one exception to "never throws". */
  bounded?: boolean;
  /** Last year's reports to match by agency (bulk --prior DIR); `prior` alone applies to every report. */
  priors?: { name: string; report: ReportData }[];
}

/** A file's result with what was read on the way: the book (null when unread) and the reports located (for fixes and exports). */
export interface CheckedFile {
  result: FileResult;
  book: Book | null;
  located: ReportData[];
}

/** A file's (or a host's book's) result: never throws; a file that cannot be read is a result saying why. */
export async function checkFile(source: CheckSource, opts: CheckFileOptions = {}): Promise<FileResult> {
  return (await checkFileRead(source, opts)).result;
}

/** checkFile, keeping what was read (the pane opens a checked file, fills totals and exports from it). */
export async function checkFileRead(source: CheckSource, opts: CheckFileOptions = {}): Promise<CheckedFile> {
  if ('book' in source) return checkRead(source.name, () => bookRead(source.book, source.textLines ?? null), opts);
  let read: InputRead;
  try {
    const { readInput } = await import('../read/input');
    read = await readInput(source.bytes, source.name, opts);
  } catch (e) {
    if (e instanceof NeedsLimits) throw e;
    return { result: unreadable(e, source.name, opts.lang ?? 'zh'), book: null, located: [] };
  }
  return checkRead(source.name, () => read, opts);
}

/** A host's cells as read input: a workbook (its text, if any, given by the caller). */
const bookRead = (book: Book, textLines: TextLine[] | null): InputRead => ({ kind: 'workbook', book, textLines });

/** What was read → its result, synchronously (checkData uses it with the synchronous reader). */
export function checkRead(name: string, read: () => InputRead, opts: CheckFileOptions): CheckedFile {
  const lang = opts.lang ?? 'zh';
  let input: InputRead;
  let reports: ReportData[];
  try {
    input = read();
    reports = reportsOf(input, name);
  } catch (e) {
    return { result: unreadable(e, name, lang), book: null, located: [] };
  }
  return { result: checkLocated(name, reports, opts), book: input.book, located: reports };
}

/** The reports located in a file, checked: each with its own text, last year's report of its agency and the "not filled in" rule. */
export function checkLocated(name: string, reports: ReportData[], opts: CheckFileOptions): FileResult {
  const lang = opts.lang ?? 'zh';
  return {
    path: name,
    status: 'checked',
    error: null,
    reports: reports.map((r) => {
      const match = opts.priors && matchPrior(r, opts.priors);
      // An untouched report gets one finding saying so, not one per blank cell: they are not made.
      const entered = anyEntered(r);
      const res = confront(r, {
        textRules: textFindings,
        ...opts,
        blankUnsaid: !entered,
        ...(match ? { prior: match.report, priorName: match.name } : {}),
      });
      return { ...markUnfilled(r, res, lang, entered), figures: figuresDigest(r) };
    }),
  };
}

/** A file that could not be read or holds no report, as a result: the reader's sentence, else one naming the file. */
export function unreadable(e: unknown, path: string, lang: Lang): FileResult {
  if (e instanceof ReadError) return { path, status: 'unreadable', error: { code: e.code, message: e.messageIn(lang) }, reports: [] };
  const msg = e instanceof Error ? e.message : String(e);
  return {
    path,
    status: 'unreadable',
    error: { code: 'not_workbook', message: say(lang, 'read.unexpected', { file: path, detail: msg }) },
    reports: [],
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
