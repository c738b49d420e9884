/**
 * Copied text (雷同, issue 23 item 4): the share of a report's own prose that repeats the agency's
 * own last report, or another agency's report of that year or before (copying.ts). A share above
 * the rulebook's threshold (the 考核细则 of 宿迁 and 鲤城 deduct above 50 %, evaluation.md) fails,
 * with the longest shared passages quoted and their lines in both reports.
 */
import { say } from '../messages';
import { placeIn, type EvalCheck, type Evidence, type Region, type Show } from './check';
import { copyIndex, type CopyIndex, type Overlap, type ProseDoc } from './copying';
import { passageText } from './shingles';

/** The threshold when the rulebook names none (evaluation.md: deduction above 50 % repeated). */
export const COPYING_THRESHOLD = 50;
/** Passages quoted per finding. */
const QUOTED = 3;

const indexes = new WeakMap<Region, CopyIndex>();
function indexFor(region: Region): CopyIndex {
  let i = indexes.get(region);
  if (!i) indexes.set(region, (i = copyIndex(region)));
  return i;
}

function evidenceOf(d: ProseDoc, ov: Overlap, rule: 'own_prior' | 'other_agency', agency: string): Evidence {
  const passages = ov.passages.slice(0, QUOTED).map((p) => {
    const here = passageText(d.prose, p.from, p.to);
    const there = passageText(ov.other.prose, p.otherFrom, p.otherFrom + (p.to - p.from));
    return { ref: here.ref, otherRef: there.ref, text: here.text, chars: p.to - p.from };
  });
  return {
    file: d.placed.file,
    year: d.year,
    cell: null,
    ref: passages[0]?.ref ?? null,
    rule,
    percent: ov.percent,
    other: { agency, file: ov.other.placed.file, year: ov.other.year },
    passages,
  };
}

export const copyingCheck: EvalCheck = {
  key: 'copying',
  run(agency, region) {
    const index = indexFor(region);
    const threshold = region.rulebook.deductions.find((d) => d.check === 'copying')?.threshold ?? COPYING_THRESHOLD;
    return agency.reports.map((p) => {
      const d = index.byPlaced.get(p);
      if (!d) return [];
      const { ownPrior, others } = index.overlapsOf(d);
      const out: Evidence[] = [];
      if (ownPrior && ownPrior.percent > threshold) out.push(evidenceOf(d, ownPrior, 'own_prior', agency.agency));
      for (const ov of others)
        if (ov.percent > threshold) out.push(evidenceOf(d, ov, 'other_agency', region.agencies[ov.other.agency].agency));
      return out;
    });
  },
  sentence(e: Evidence, at, lang, show: Show) {
    const quotes = (e.passages ?? []).map((p) =>
      say(lang, 'evaluate.copying.passage', { text: show(p.text), ref: placeIn(lang, p.ref), otherRef: placeIn(lang, p.otherRef) }),
    );
    return say(lang, e.rule === 'own_prior' ? 'evaluate.copying.own_prior' : 'evaluate.copying.other_agency', {
      agency: show(at.agency),
      year: at.year,
      percent: e.percent ?? 0,
      other: show(e.other?.agency ?? ''),
      otherYear: e.other?.year ?? at.year - 1,
      file: show(e.file),
      otherFile: show(e.other?.file ?? ''),
      passages: quotes.join(say(lang, 'evaluate.copying.and')),
    });
  },
};
