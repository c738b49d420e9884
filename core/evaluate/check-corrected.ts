/**
 * 复议纠错 and 败诉 (evaluation.md: the 宿迁 rule pack deducts each; issue 23's example "each 复议纠错
 * −2"): each case 表四 reports as 结果纠正 — of 行政复议, of 行政诉讼 未经复议直接起诉 and 复议后起诉 —
 * counts once. A fact the report states, not a fault of the report: it is evidence only where the
 * rulebook deducts for it (`corrected: -2 each` in a local book; the default deducts nothing, so a
 * region's score does not depend on a fact most places do not weigh).
 */
import { say } from '../messages';
import { figure } from './chain';
import type { EvalCheck, Evidence } from './check';

const CORRECTED = ['review', 'suit', 'suit_after_review'].map((c) => `T4:R1:${c}.corrected`);

export const correctedCheck: EvalCheck = {
  key: 'corrected',
  run: (agency, region) => {
    const weighed = region.rulebook.deductions.some((d) => d.check === 'corrected' && d.each > 0);
    return agency.reports.map((p) =>
      !weighed
        ? []
        : CORRECTED.flatMap<Evidence>((id) => {
            const cell = p.report.cells[id];
            const n = figure(cell);
            // Whole cases only: a figure that is no count is the balance check's to say.
            if (n === null || n <= 0 || !Number.isInteger(n)) return [];
            return [{ file: p.file, year: p.year, cell: id, ref: cell.ref, rule: id.split(':')[2].split('.')[0], actual: n, weight: n }];
          }),
    );
  },
  sentence: (e, at, lang, show) =>
    say(lang, 'evaluate.corrected', {
      agency: show(at.agency),
      year: at.year,
      kind: e.rule ?? 'review',
      n: e.actual ?? 0,
      ref: show(e.ref ?? ''),
      file: show(e.file),
    }),
};
