/**
 * The send-back notice as a letter (issue 21): to the department, what it sent, each problem once
 * — the equations it breaks in words, and the cells any one of which may be wrong, the likeliest
 * first, each as the department sees it (sheet, address, table, row, column), what it holds and
 * the value that balances — then the deadline, the contact, the office and the date.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { BatchRow } from './analyse';
import type { Block, Letter } from './letter';
import type { NoticeOptions } from './notices';
import { problemsOf, type Place, type Problem } from './problems';
import type { ReportOf } from './report';
import { verdictName } from './verdict';

const baseName = (p: string) => p.replace(/^.*[\\/]/, '');
const WIDTHS = [5, 11, 7, 6, 18, 10, 8, 14, 34];

const placeText = (p: Place, lang: Lang) =>
  say(lang, 'notice.place', {
    cell: `${p.sheet ? `${p.sheet}!` : ''}${p.address}`,
    where: p.table ? [p.table, p.row, p.column].filter(Boolean).join(' ') : null,
  });

/** One problem as the letter says it: what is wrong, then the cells any one of which may be wrong and the values that balance. */
export function problemBlocks(p: Problem, n: number, lang: Lang): Block[] {
  const out: Block[] = [{ kind: 'text', text: say(lang, 'notice.problem', { n, severity: p.severity, rule: p.ruleName }) }];
  out.push({ kind: 'text', text: p.equations ? say(lang, 'notice.broken', { n: p.broken.length }) : say(lang, 'notice.what') });
  for (const b of p.broken) out.push({ kind: 'text', text: `· ${b}`, indent: true });
  if (p.alternatives.length) {
    out.push({
      kind: 'text',
      text: say(lang, p.alternatives.length > 1 ? 'notice.any_of' : 'notice.this_one', { n: p.alternatives.length }),
    });
    const c = (k: string) => say(lang, `notice.col.${k}` as 'notice.col.n');
    out.push({
      kind: 'table',
      header: ['n', 'sheet', 'address', 'table', 'row', 'column', 'found', 'balance', 'why'].map(c),
      rows: p.alternatives.map((a, i) => [
        i + 1,
        a.place.sheet,
        a.place.address,
        a.place.table,
        a.place.row,
        a.place.column,
        a.found ?? say(lang, 'notice.blank'),
        a.balance ?? say(lang, 'notice.none'),
        a.why,
      ]),
      widths: WIDTHS,
    });
  } else if (p.cells.length)
    out.push({
      kind: 'text',
      text: `${say(lang, 'notice.look_at')}${p.cells.map((c) => placeText(c, lang)).join(say(lang, 'batch.list_sep'))}`,
      indent: true,
    });
  return out;
}

export function noticeLetter(department: string, rows: BatchRow[], lang: Lang, reportOf: ReportOf, opts: NoticeOptions): Letter {
  const files = [...new Set(rows.map((r) => baseName(r.path)))];
  const blocks: Block[] = [];
  let problems = 0;
  let unread = true;
  rows.forEach((r, i) => {
    blocks.push({
      kind: 'heading',
      text: say(lang, 'notice.file_heading', {
        n: i + 1,
        file: baseName(r.path),
        sheet: r.report && r.sheet && r.sheet !== r.path ? r.sheet : null,
        verdict: verdictName(r.verdict, lang),
      }),
    });
    const whole = r.report ? reportOf(r) : null;
    const list = whole ? problemsOf(whole, lang) : [];
    // A verdict not about the cells (another year, unfilled, unreadable) is said in its own words.
    if (!list.length || r.verdict !== 'send_back') blocks.push({ kind: 'text', text: r.reason, indent: true });
    if (whole) unread = false;
    list.forEach((p) => blocks.push(...problemBlocks(p, ++problems, lang)));
  });
  const deadline = opts.deadline ?? null;
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const title = say(lang, 'batch.notice.title', { department });
  return {
    title,
    office: opts.office ?? null,
    to: say(lang, 'notice.to', { department }),
    blocks: [
      {
        kind: 'text',
        indent: true,
        text: unread ? say(lang, 'notice.body_unread', { files, deadline }) : say(lang, 'notice.body', { files, problems, deadline }),
      },
      ...blocks,
    ],
    closing: [
      ...(problems ? [say(lang, 'notice.advice')] : []),
      ...(opts.contact ? [say(lang, 'notice.contact', { contact: opts.contact })] : []),
    ],
    date: say(lang, 'notice.date', { date }),
    header: title,
    footer: department,
    lang,
  };
}
