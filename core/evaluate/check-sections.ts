/**
 * The report's six sections (issue 23 item 2; evaluation.md: KIROGOVCOMPARE, smx 通报): 一 总体情况,
 * 二–四 the tables, 五 存在的主要问题及改进情况, 六 其他需要报告的事项. Judged only on whole text
 * (report-text.ts: a cut copy is never accused; a workbook has no text and is not judged).
 * - `sections` (warning): the heading of 一, 五 or 六 not found. Titles vary (…工作存在的主要问题…,
 *   存在问题…); one the readers do not recognise would be missed, so a person confirms: no points.
 *   二–四 are the tables: a missing table is said by the reader and the ordinary check.
 * - `section_five` (fail): 五 written empty or as 无 (a report that names no problem), read up to 六 or
 *   to the line that ends the report.
 */
import { say } from '../messages';
import type { EvalCheck, Evidence } from './check';
import { clip, sectionLines, wholeText } from './report-text';
import type { ReportData } from '../model/report';

/** Why the sections of a report are not judged: no text (a workbook), or a text that is not whole (a cut copy). */
function textJudged(report: ReportData): string | null {
  if (!report.textLines?.length) return 'no_text';
  return wholeText(report, sectionLines(report)) ? null : 'not_whole';
}

const PLACEHOLDER = /^(无|暂无|没有|无问题|本年度无|—|-|\/)?$/;

export const sectionsCheck: EvalCheck = {
  key: 'sections',
  run: (agency) =>
    agency.reports.map((p) => {
      const lines = sectionLines(p.report);
      const whole = wholeText(p.report, lines);
      if (!whole) return [];
      const found = new Set(lines.filter((l) => l.heading).map((l) => l.section));
      return [1, 5, 6]
        .filter((n) => !found.has(n))
        .map<Evidence>((n) => ({
          file: p.file,
          year: p.year,
          cell: null,
          ref: null,
          rule: `section_${n}`,
          severity: 'warning',
          // Where the text shows it is whole: the evidence that the section is missing, not cut off.
          quote: { ref: whole.ref, text: clip(whole.text) },
        }));
    }),
  notJudged: (agency) => agency.reports.map((p) => textJudged(p.report)),
  sentence: (e, at, lang, show) =>
    say(lang, 'evaluate.section_missing', {
      agency: show(at.agency),
      year: at.year,
      section: Number((e.rule ?? '').replace('section_', '')),
      file: show(e.file),
      ref: show(e.quote?.ref ?? ''),
      quote: show(e.quote?.text ?? ''),
    }),
};

export const sectionFiveCheck: EvalCheck = {
  key: 'section_five',
  run: (agency) =>
    agency.reports.map((p) => {
      const lines = sectionLines(p.report);
      const whole = wholeText(p.report, lines);
      const five = lines.findIndex((l) => l.heading && l.section === 5);
      // 五 runs to 六, or (六 missing) to the line that ends the report: on whole text, all its lines are there.
      if (!whole || five < 0 || whole.index <= five) return [];
      const body = lines.slice(five + 1, whole.index).map((l) => l.text);
      const content = body.join('').replace(/[\s。.，,；;：:、]/g, '');
      if (!PLACEHOLDER.test(content)) return [];
      const heading = lines[five];
      return [
        {
          file: p.file,
          year: p.year,
          cell: null,
          ref: null,
          rule: content ? 'none' : 'empty',
          quote: { ref: heading.ref, text: clip([heading.text, ...body].join(' ')) },
        },
      ];
    }),
  notJudged: (agency) => agency.reports.map((p) => textJudged(p.report)),
  sentence: (e, at, lang, show) =>
    say(lang, e.rule === 'none' ? 'evaluate.section_five.none' : 'evaluate.section_five.empty', {
      agency: show(at.agency),
      year: at.year,
      file: show(e.file),
      ref: show(e.quote?.ref ?? ''),
      quote: show(e.quote?.text ?? ''),
    }),
};
