/**
 * Timeliness (issue 23 item 3; 条例第四十九条): 县级以上人民政府部门 publish the year's report by
 * 1月31日 of the next year, 县级以上地方人民政府 by 3月31日. The 发布日期 is what a saved page says
 * (core/import/page-facts.ts); a report without one (a workbook, a copy without the page's header)
 * is not judged, and the record says so. Which deadline applies is decided from the agency's name
 * and said: a government (…人民政府, …政府) 3月31日; a department (…局, …委员会, …办公室, …中心 —
 * a government's 办公室 too) 1月31日; a 乡镇, 街道 or 管委会, which the article does not name, or a
 * name that says neither, the later 3月31日, so that none is ever judged late on a guessed deadline.
 * `published`: a listed agency with no report of a year (the evaluation's `missing`) is 未发布.
 */
import { say } from '../messages';
import type { EvalCheck } from './check';

export type DeadlineKind = 'government' | 'department' | 'other';

/** Names of the 条例's "人民政府" itself, of a department, and of the bodies the article does not name. */
const OTHER = /(乡|镇|街道|办事处|管委会|管理委员会|管理局区)(人民政府)?$/;
const GOVERNMENT = /(人民政府|政府)$/;
const DEPARTMENT = /(局|厅|委|委员会|办公室|办公厅|办|中心|署|院|所|站|队)$/;

/** The kind of deadline an agency's name calls for, and the last day of it for a report's year. */
export function deadlineOf(agency: string, year: number): { kind: DeadlineKind; date: string } {
  const name = agency.normalize('NFKC').replace(/[\s（(][^（()）]*[)）]$|\s+/g, '');
  const kind: DeadlineKind = OTHER.test(name)
    ? 'other'
    : GOVERNMENT.test(name)
      ? 'government'
      : DEPARTMENT.test(name)
        ? 'department'
        : 'other';
  return { kind, date: `${year + 1}-${kind === 'department' ? '01-31' : '03-31'}` };
}

export const timelyCheck: EvalCheck = {
  key: 'timely',
  run: (agency) =>
    agency.reports.map((p) => {
      const published = p.report.published;
      if (!published) return [];
      const due = deadlineOf(p.agency, p.year);
      if (published.date <= due.date) return [];
      return [{ file: p.file, year: p.year, cell: null, ref: published.ref, rule: due.kind, date: published.date, deadline: due.date }];
    }),
  notJudged: (agency) => agency.reports.map((p) => (p.report.published ? null : 'no_date')),
  sentence: (e, at, lang, show) =>
    say(lang, 'evaluate.late', {
      agency: show(at.agency),
      year: at.year,
      date: e.date ?? '',
      deadline: e.deadline ?? '',
      kind: e.rule ?? 'other',
      file: show(e.file),
      ref: show(e.ref ?? ''),
    }),
};

/** Reports on the list are found by the evaluation (index.ts): this check has evidence only for the missing ones. */
export const publishedCheck: EvalCheck = {
  key: 'published',
  run: (agency) => agency.reports.map(() => []),
  sentence: (_e, at, lang, show) => say(lang, 'evaluate.missing', { agency: show(at.agency), year: at.year }),
};
