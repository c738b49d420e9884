/**
 * Send-back notices: one letter per department that must change something, ready to send
 * (core/batch/notices-letter.ts writes it). Files that pass, older duplicates and departments
 * that sent nothing get none.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { Batch, BatchRow } from './analyse';
import type { ReportOf } from './report';
import type { Verdict } from './verdict';
import { letterHtml, letterXlsx, type Letter } from './letter';
import { noticeLetter } from './notices-letter';
import { uniqueFileName } from './names';

const SEND_BACK: ReadonlySet<Verdict> = new Set(['send_back', 'year_format', 'unfilled', 'unreadable', 'not_report']);
const baseName = (p: string) => p.replace(/^.*[\\/]/, '');

export interface Notice {
  department: string;
  /** File name for the notice, without folder: safe on Windows, one per department. */
  file: string;
  letter: Letter;
}

/** The office's own details (xxgk check --deadline, --contact, --office). */
export interface NoticeOptions {
  /** YYYY-MM-DD. */
  deadline?: string | null;
  contact?: string | null;
  office?: string | null;
  /** The letter's date, YYYY-MM-DD (default today). */
  date?: string;
}

export function sendBackNotices(
  b: Batch,
  lang: Lang,
  ext: 'html' | 'xlsx' = 'html',
  reportOf: ReportOf = (row) => row.report,
  opts: NoticeOptions = {},
): Notice[] {
  const by = new Map<string, BatchRow[]>();
  for (const r of b.rows) {
    if (!SEND_BACK.has(r.verdict)) continue;
    const who = r.department ?? r.agency ?? baseName(r.path);
    by.set(who, [...(by.get(who) ?? []), r]);
  }
  const used = new Set<string>();
  const suffix = say(lang, 'batch.notice_suffix');
  return [...by].map(([department, rows]) => {
    // Within 255 bytes, no control or reordering character, one name per department (core/batch/names.ts).
    const file = uniqueFileName(department, `-${suffix}.${ext}`, 'notice', used);
    return { department, file, letter: noticeLetter(department, rows, lang, reportOf, opts) };
  });
}

export async function renderNotice(n: Notice, ext: 'html' | 'xlsx'): Promise<Uint8Array> {
  return ext === 'xlsx' ? letterXlsx(n.letter, say(n.letter.lang, 'notice.sheet_name')) : new TextEncoder().encode(letterHtml(n.letter));
}
