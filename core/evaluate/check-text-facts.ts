/**
 * Two facts of the text against the report (issue 23 item 2; evaluation.md: KIROGOVCOMPARE), both
 * warnings with the sentence quoted — text can be read more ways than a cell, so a person confirms:
 * - `fees`: 六 denies charging any fee at all ("未收取任何费用") while 表二 shows 行政事业性收费.
 *   六 reports the 信息处理费 of disclosure requests and 表二 the agency's administrative fees, so a
 *   sentence that names the disclosure fee or requests ("未收取信息处理费", "依申请公开…未收取任何费用")
 *   is correct beside 表二's fees and is never flagged.
 * - `text_year`: a year in the text that reads as the reporting year but is not the report's year —
 *   a sign of a text copied from last year. Only two readings, both unambiguous: the statistics
 *   period (2022年1月1日至12月31日), and a sentence of 一 or 六 opening on an earlier year
 *   ("2022年，我局…") that neither names the report's year nor looks back or ahead (上年, 同比,
 *   以来, 截至, 将, 计划…). Other years in context are never flagged.
 */
import { say } from '../messages';
import { fold } from '../import/fold';
import type { EvalCheck, Evidence } from './check';
import { figure } from './chain';
import { clip, sectionLines, sentencesOf } from './report-text';

const DENIES_ANY_FEE =
  /(未|没有|不|均未|从未)(收取|收过|产生)(过)?任何(形式的)?(费用|收费)|(未|没有)(收取|产生)(过)?(费用|收费)|无(任何)?收费|零收费/;
/** Words that scope a denial to the disclosure fee, which 表二's administrative fees do not contradict. */
const DISCLOSURE_FEE = /信息处理费|处理费|检索|复制|邮寄|依申请|申请人|公开申请|提供政府信息|提供信息|政府信息公开|信息公开/;

export const feesCheck: EvalCheck = {
  key: 'fees',
  run: (agency) =>
    agency.reports.map((p) => {
      const fees = figure(p.report.cells['T2:fees:amount']);
      if (fees === null || fees <= 0) return [];
      const out: Evidence[] = [];
      for (const s of sentencesOf(sectionLines(p.report).filter((l) => l.section === 6))) {
        const f = fold(s.text);
        if (!DENIES_ANY_FEE.test(f) || DISCLOSURE_FEE.test(f)) continue;
        out.push({
          file: p.file,
          year: p.year,
          cell: 'T2:fees:amount',
          ref: p.report.cells['T2:fees:amount'].ref,
          actual: fees,
          severity: 'warning',
          quote: { ref: s.ref, text: clip(s.text) },
        });
      }
      return out;
    }),
  notJudged: (agency) => agency.reports.map((p) => (p.report.textLines?.length ? null : 'no_text')),
  sentence: (e, at, lang, show) =>
    say(lang, 'evaluate.fees', {
      agency: show(at.agency),
      year: at.year,
      file: show(e.file),
      line: show(e.quote?.ref ?? ''),
      quote: show(e.quote?.text ?? ''),
      ref: show(e.ref ?? ''),
      amount: e.actual ?? 0,
    }),
};

/** The statistics period of a year: 2022年1月1日至12月31日, 2022年1月1日到2022年12月31日. */
const PERIOD = /((?:19|20)\d{2})年(?:度)?1月1日(?:起)?(?:至|到|—|-|~|－|–)((?:19|20)\d{2})?年?12月31日/;
/** A sentence opening on a year as the time of what it tells: "2022年，", "2022年度，", "2022年我局". */
const OPENS_ON_YEAR = /^((?:19|20)\d{2})年(?:度)?(?:[,，]|(?=我|本|全|共|累计))/;
/** Words of a sentence that looks back or ahead, or compares: another year is then in context. */
const CONTEXT =
  /上年|去年|前年|上一年|同比|环比|相比|比上|较上|较去|以来|截至|截止|至今|将|计划|预计|力争|继续|自(?:19|20)\d{2}|起|历年|此前|曾|原|分别/;

export const textYearCheck: EvalCheck = {
  key: 'text_year',
  run: (agency) =>
    agency.reports.map((p) => {
      const out: Evidence[] = [];
      const seen = new Set<string>();
      const flag = (ref: string, text: string, year: number, rule: string) => {
        if (seen.has(ref)) return;
        seen.add(ref);
        out.push({
          file: p.file,
          year: p.year,
          cell: null,
          ref: null,
          rule,
          actual: year,
          expected: p.year,
          severity: 'warning',
          quote: { ref, text: clip(text) },
        });
      };
      for (const s of sentencesOf(sectionLines(p.report))) {
        const f = fold(s.text);
        const period = PERIOD.exec(f);
        if (period) {
          const from = Number(period[1]),
            to = period[2] ? Number(period[2]) : from;
          if (from === to && from !== p.year && !/上年|去年|相比|同比|较/.test(f)) flag(s.ref, s.text, from, 'period');
          continue;
        }
        if (s.section !== 1 && s.section !== 6) continue;
        const open = OPENS_ON_YEAR.exec(f);
        if (!open) continue;
        const y = Number(open[1]);
        if (y >= p.year || f.includes(`${p.year}年`) || CONTEXT.test(f)) continue;
        flag(s.ref, s.text, y, 'opening');
      }
      return out;
    }),
  notJudged: (agency) => agency.reports.map((p) => (p.report.textLines?.length ? null : 'no_text')),
  sentence: (e, at, lang, show) =>
    say(lang, e.rule === 'period' ? 'evaluate.text_year.period' : 'evaluate.text_year.opening', {
      agency: show(at.agency),
      year: at.year,
      said: e.actual ?? 0,
      file: show(e.file),
      line: show(e.quote?.ref ?? ''),
      quote: show(e.quote?.text ?? ''),
    }),
};
