/**
 * fill never makes a report worse: the workbook it is about to write is read back and checked
 * like any submission, and compared with the report it read. More errors than the input → the
 * caller writes nothing (issue 18: a SUM total replaced by a constant under a "15件" gave an output
 * with four errors from an input with one, and fill said nothing).
 */
import { confront } from '../check';
import type { Finding, Lang } from '../model/findings';
import type { ReportData } from '../model/report';

export interface FillVerdict {
  /** Errors of the report as read, and of the workbook fill would write. */
  before: number;
  after: number;
  /** The output's errors that the input does not have (by rule and instance). */
  added: Finding[];
  /** True when the output has no more errors than the input. */
  ok: boolean;
}

export function judgeFill(input: ReportData, output: ReportData, lang: Lang = 'zh'): FillVerdict {
  const errors = (r: ReportData) => confront(r, { lang }).findings.filter((f) => f.severity === 'error');
  const a = errors(input);
  const b = errors(output);
  const key = (f: Finding) => `${f.rule}\u0000${f.instance ?? ''}`;
  const had = new Set(a.map(key));
  return { before: a.length, after: b.length, added: b.filter((f) => !had.has(key(f))), ok: b.length <= a.length };
}
