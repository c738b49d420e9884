/** The verdict on each file of a batch: the same eight words in the CLI, the reports and the pane. */
import type { FileResult, Lang, ReportResult } from '../model/findings';
import { say } from '../messages';

export type Verdict = 'send_back' | 'year_format' | 'unfilled' | 'unreadable' | 'not_report' | 'missing' | 'duplicate' | 'pass';

/** Failures first (what needs acting on), then what is only noted, then the clean reports. */
export const VERDICTS: readonly Verdict[] = [
  'send_back',
  'year_format',
  'unfilled',
  'unreadable',
  'not_report',
  'missing',
  'duplicate',
  'pass',
];

/** One fill colour per verdict (ARGB without alpha), shared by the .xlsx and .html reports and the pane. */
export const VERDICT_COLOUR: Record<Verdict, string> = {
  send_back: 'FFC7CE',
  year_format: 'F8CBAD',
  unfilled: 'FFEB9C',
  unreadable: 'D9D2E9',
  not_report: 'D9D9D9',
  missing: 'BDD7EE',
  duplicate: 'EDEDED',
  pass: 'C6EFCE',
};

export const verdictName = (v: Verdict, lang: Lang): string => say(lang, `batch.verdict.${v}`);

/** Error codes of files that were read but are not the statistical tables. */
const NOT_REPORT = new Set(['no_tables', 'not_report', 'word_binary', 'image', 'archive', 'docx', 'pdf']);

export function fileVerdict(f: FileResult): Verdict | null {
  if (f.status !== 'unreadable') return null;
  const code = f.error?.code ?? '';
  return NOT_REPORT.has(code) || code.startsWith('kind.') ? 'not_report' : 'unreadable';
}

/** A report's verdict from its findings (batch findings included). */
export function reportVerdict(r: ReportResult): Verdict {
  const errors = r.findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.rule === 'batch.year' || f.rule === 'batch.format')) return 'year_format';
  // A superseded file is a warning (nothing in it is wrong), yet its verdict is 重复.
  if (r.findings.some((f) => f.rule === 'batch.duplicate')) return 'duplicate';
  if (errors.some((f) => f.rule === 'batch.unfilled')) return 'unfilled';
  return errors.length ? 'send_back' : 'pass';
}
