/**
 * Send-back notices: one document per department that must change something, ready to mail —
 * each file's problems with the cells, the values found, the suggested values and why, and the
 * rule in words. Files that pass, older duplicates and departments that sent nothing get none.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { Batch, BatchRow } from './analyse';
import { changeLines, type ReportOf } from './report';
import { VERDICT_COLOUR, verdictName, type Verdict } from './verdict';
import { documentHtml, documentXlsx, type Document, type Table } from './workbook';

const SEND_BACK: ReadonlySet<Verdict> = new Set(['send_back', 'year_format', 'unfilled', 'unreadable', 'not_report']);
const baseName = (p: string) => p.replace(/^.*[\\/]/, '');

export interface Notice {
  department: string;
  /** File name for the notice, without folder: safe on Windows, one per department. */
  file: string;
  doc: Document;
}

/** A file name from a department's name: no separators or characters Windows refuses. */
export function safeName(name: string): string {
  const s = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return [...s].slice(0, 80).join('') || 'notice';
}

function fileTable(r: BatchRow, lang: Lang, reportOf: ReportOf): Table {
  const c = (k: string) => say(lang, `batch.col.${k}` as 'batch.col.file');
  const title = `${baseName(r.path)}${r.sheet && r.report ? ` [${r.sheet}]` : ''} — ${verdictName(r.verdict, lang)}`;
  const header = ['cell', 'found', 'suggested', 'why', 'rule_name', 'message'].map(c);
  const whole = r.report ? reportOf(r) : null;
  if (!whole) return { name: title, header, rows: [['', null, null, '', '', r.reason]], fills: [VERDICT_COLOUR[r.verdict]] };
  const lines = changeLines(whole, lang).filter((l) => l.severity !== say(lang, 'batch.severity.notice') || l.rule === 'cell.text_number');
  return {
    name: title,
    header,
    rows: lines.map((l) => [l.cell, l.found, l.suggested, l.why, l.ruleName, l.message]),
    widths: [18, 10, 10, 40, 30, 60],
  };
}

export function sendBackNotices(b: Batch, lang: Lang, ext: 'html' | 'xlsx' = 'html', reportOf: ReportOf = (row) => row.report): Notice[] {
  const by = new Map<string, BatchRow[]>();
  for (const r of b.rows) {
    if (!SEND_BACK.has(r.verdict)) continue;
    const who = r.department ?? r.agency ?? baseName(r.path);
    by.set(who, [...(by.get(who) ?? []), r]);
  }
  const used = new Set<string>();
  const suffix = say(lang, 'batch.notice_suffix');
  return [...by].map(([department, rows]) => {
    let file = `${safeName(department)}-${suffix}.${ext}`;
    for (let i = 2; used.has(file.toLowerCase()); i++) file = `${safeName(department)}(${i})-${suffix}.${ext}`;
    used.add(file.toLowerCase());
    return {
      department,
      file,
      doc: {
        title: say(lang, 'batch.notice.title', { department }),
        lines: [
          ...rows
            .map((r) => say(lang, 'batch.notice.intro', { department, file: baseName(r.path) }))
            .filter((l, i, a) => a.indexOf(l) === i),
          say(lang, 'batch.notice.outro'),
        ],
        tables: rows.map((r) => fileTable(r, lang, reportOf)),
        lang,
      },
    };
  });
}

export async function renderNotice(n: Notice, ext: 'html' | 'xlsx'): Promise<Uint8Array> {
  return ext === 'xlsx' ? documentXlsx(n.doc) : new TextEncoder().encode(documentHtml(n.doc));
}
