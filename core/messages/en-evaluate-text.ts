/**
 * Evaluator mode's words for the text, timeliness and missing years of the chain, in English.
 * zh-evaluate-text.ts has the same keys; en-evaluate.ts spreads them in.
 */
import type { zhEvaluateText } from './zh-evaluate-text';

const ORDINAL = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];
const KIND: Record<string, string> = {
  government: 'a government: by 31 March',
  department: 'a department: by 31 January',
  other: 'the name says neither government nor department (a township, a sub-district, a zone committee…): the later 31 March',
};
const at = (ref: string) => ref;

export const enEvaluateText: typeof zhEvaluateText = {
  'evaluate.check.sections': () => 'sections missing',
  'evaluate.check.section_five': () => 'section V empty',
  'evaluate.check.fees': () => 'fees in the text',
  'evaluate.check.text_year': () => 'year in the text',
  'evaluate.check.timely': () => 'on time',
  'evaluate.check.corrected': () => 'reviews and suits lost',
  'evaluate.corrected': (p) =>
    `${p.agency} ${p.year}: table 4 reports ${p.n} ${p.n === 1 ? 'case' : 'cases'} corrected in ${p.kind === 'review' ? 'administrative review' : p.kind === 'suit' ? 'suits filed directly' : 'suits after review'} (${p.ref}, ${p.file})`,
  'evaluate.source.corrected': () =>
    'the Suqian assessment rules deduct each administrative review corrected or suit lost (nothing by default: set it as the local rules do)',
  'evaluate.check.published': () => 'not published',
  'evaluate.section_missing': (p) =>
    `${p.agency} ${p.year}: the text is whole (${at(p.ref)} "${p.quote}") but the heading of section ${ORDINAL[p.section] ?? p.section} was not found ("${p.file}"; a heading worded otherwise is for a person to confirm)`,
  'evaluate.section_five.empty': (p) =>
    `${p.agency} ${p.year}: section V (main problems and improvements) is empty (${at(p.ref)} "${p.quote}", "${p.file}")`,
  'evaluate.section_five.none': (p) =>
    `${p.agency} ${p.year}: section V (main problems and improvements) says only "none" (${at(p.ref)} "${p.quote}", "${p.file}")`,
  'evaluate.fees': (p) =>
    `${p.agency} ${p.year}: section VI denies charging any fee (${at(p.line)} "${p.quote}") while Table 2's administrative fees (${p.ref}) are ${p.amount} (10,000 yuan); if the information-processing fee is meant, the text should say so ("${p.file}", for a person to confirm)`,
  'evaluate.text_year.period': (p) =>
    `${p.agency} ${p.year}: the statistics period is of ${p.said} (${at(p.line)} "${p.quote}"), not the report's year: perhaps last year's text ("${p.file}", for a person to confirm)`,
  'evaluate.text_year.opening': (p) =>
    `${p.agency} ${p.year}: the text tells the year's work under ${p.said} (${at(p.line)} "${p.quote}"), not the report's year: perhaps last year's text ("${p.file}", for a person to confirm)`,
  'evaluate.late': (p) =>
    `${p.agency} ${p.year}: published on ${p.date} (${at(p.ref)}), after the deadline of article 49 of the Regulations, ${p.deadline} (${KIND[p.kind] ?? KIND.other}; "${p.file}")`,
  'evaluate.gap': (p) => `${p.agency} ${p.year}: no report of ${p.missing}; the chain is not drawn across the gap to ${p.priorYear}`,
  'evaluate.from_title': (p) =>
    `${p.agency} ${p.year}: the report's content names no ${p.what}; taken from the page's title (${at(p.ref)} "${p.text}", "${p.file}")`,
  'evaluate.from_title.agency': () => 'agency',
  'evaluate.from_title.year': () => 'year',
  'evaluate.from_title.both': () => 'agency or year',
  'evaluate.not_judged.no_date': () => 'the page shows no date of publication: timeliness not judged',
  'evaluate.not_judged.no_text': () => 'no text (a workbook): the text not judged',
  'evaluate.not_judged.not_whole': () => 'the text is not whole (perhaps a cut copy): the sections not judged',
  'evaluate.not_judged.no_report': () => 'not published: no report to judge',
  'evaluate.not_judged.count': (p) => `"${p.check}": ${p.count} report(s): ${p.why}`,
  'evaluate.source.sections': () => 'third-party evaluation checks the six sections (a warning for a person to confirm, no points)',
  'evaluate.source.section_five': () =>
    'the Suqian rules ask for a report "published properly and of quality"; third-party evaluation lists an empty or "none" section V',
  'evaluate.source.fees': () =>
    "third-party evaluation compares section VI's fees with Table 2's administrative fees (a warning, no points; the information-processing fee is another fee)",
  'evaluate.source.text_year': () =>
    "third-party evaluation checks that the text's year is the report's (a warning for a person to confirm, no points)",
  'evaluate.source.timely': () =>
    'article 49 of the Regulations (departments by 31 January, governments by 31 March); the Suqian rules deduct 0.5 for a report not published on time',
  'evaluate.source.published': () =>
    'article 49 of the Regulations; the Suqian rules deduct 0.5 for a report not published on time (places that deduct more for none: replace the rulebook)',
};
