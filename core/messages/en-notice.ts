/** The send-back notice (core/batch/notices.ts) in English: same keys as zh-notice.ts. */
import type { zhNotice } from './zh-notice';

const day = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};
const list = (files: string[]) => files.map((f) => `“${f}”`).join(', ');

export const enNotice: typeof zhNotice = {
  'sum.left_out_heading': (p) => `Files not summed (${p.n}, --only-clean): file, verdict, reason`,
  'sum.missing_heading': (p) => `Listed departments without a report (${p.n}):`,
  'sum.missing': (p) => `${p.department}, on the list, sent no report and is not in the total`,
  'template.from_other': (p) =>
    `note: ${p.file} is the report of ${p.theirs}, not of ${p.agency}; last year's figures are prefilled from it all the same: check it is the right file`,
  'template.from_resembles': (p) =>
    `note: the department in ${p.file}, ${p.theirs}, only resembles ${p.agency}; last year's figures are prefilled as the same department's: please check`,
  'notice.to': (p) => `To ${p.department}:`,
  'notice.body': (p) =>
    `Your ${list(p.files)} was checked and has ${p.problems === 1 ? '1 problem' : `${p.problems} problems`} listed below. Please check each, correct it and send the report again${
      p.deadline ? ` by ${day(p.deadline)}` : ''
    }.`,
  'notice.body_unread': (p) =>
    `Your ${list(p.files)} could not be checked as a report, for the reason below. Please send it again${p.deadline ? ` by ${day(p.deadline)}` : ''}.`,
  'notice.file_heading': (p) => `${p.n}. ${p.file}${p.sheet ? `, sheet “${p.sheet}”` : ''} (${p.verdict})`,
  'notice.problem': (p) =>
    `Problem ${p.n} (${({ error: 'error, must be corrected', warning: 'warning, please check', notice: 'note' } as const)[p.severity]}): ${p.rule}`,
  'notice.broken': (p) => (p.n > 1 ? `These ${p.n} equations do not hold:` : 'This equation does not hold:'),
  'notice.what': () => 'What was found:',
  'notice.any_of': (p) => `Any one of these ${p.n} cells may be wrong; please check (likeliest first):`,
  'notice.this_one': () => 'Please check this cell:',
  'notice.look_at': () => 'Cells concerned:',
  'notice.col.n': () => 'No.',
  'notice.col.sheet': () => 'Sheet',
  'notice.col.address': () => 'Cell',
  'notice.col.table': () => 'Table',
  'notice.col.row': () => 'Row',
  'notice.col.column': () => 'Column',
  'notice.col.found': () => 'Holds',
  'notice.col.balance': () => 'Balances at',
  'notice.col.why': () => 'Why',
  'notice.balances': () => 'every equation holds with this value',
  'notice.place': (p) => `${p.cell}${p.where ? ` (${p.where})` : ''}`,
  'notice.blank': () => 'blank',
  'notice.none': () => '(no value can be worked out; please check against your records)',
  'notice.advice': () =>
    '“Balances at” is the value the tables’ equations work out: it only says which change would make the tables balance. Please check against your own records.',
  'notice.contact': (p) => `Questions: ${p.contact}.`,
  'notice.date': (p) => day(p.date),
  'notice.sheet_name': () => 'Notice',
  'notice.deadline_invalid': (p) => `the deadline is a day written year-month-day, e.g. --deadline 2026-01-25, not “${p.value}”`,
};
