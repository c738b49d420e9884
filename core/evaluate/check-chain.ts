/** The chain of years (chain.ts) as two checks: a break of the chain, and a table copied from last year. */
import { say } from '../messages';
import { chainOf, type ChainBreak, type ChainResult, type IdenticalTable } from './chain';
import { placeIn, type AgencyReports, type EvalCheck, type Evidence } from './check';

// Both checks read one agency's chain: figured once per agency.
const chains = new WeakMap<AgencyReports, ChainResult>();
export function chainFor(agency: AgencyReports): ChainResult {
  let c = chains.get(agency);
  if (!c) chains.set(agency, (c = chainOf(agency.reports)));
  return c;
}

const breakEvidence = (b: ChainBreak): Evidence => ({
  file: b.cell.file,
  year: b.year,
  cell: b.cell.cell,
  ref: b.cell.ref,
  rule: b.kind,
  expected: b.expected,
  actual: b.actual,
  prior: { file: b.from[0].file, year: b.from[0].year, ref: b.from[0].ref, value: b.from[0].value },
});

const identicalEvidence = (t: IdenticalTable): Evidence => ({
  file: t.file,
  year: t.year,
  cell: null,
  ref: null,
  table: t.table,
  prior: { file: t.priorFile, year: t.priorYear, ref: null },
});

export const chainCheck: EvalCheck = {
  key: 'chain',
  run: (agency) =>
    agency.reports.map((p) =>
      chainFor(agency)
        .breaks.filter((b) => b.year === p.year)
        .map(breakEvidence),
    ),
  sentence: (e, at, lang, show) =>
    say(lang, e.rule === 'in_force' ? 'evaluate.break.in_force' : 'evaluate.break.carry_over', {
      agency: show(at.agency),
      year: at.year,
      ref: show(placeIn(lang, e.ref ?? '')),
      file: show(e.file),
      actual: e.actual ?? 0,
      expected: e.expected ?? 0,
      priorYear: e.prior?.year ?? at.year - 1,
      priorRef: show(placeIn(lang, e.prior?.ref ?? '')),
      priorFile: show(e.prior?.file ?? ''),
    }),
};

export const identicalCheck: EvalCheck = {
  key: 'identical',
  run: (agency) =>
    agency.reports.map((p) =>
      chainFor(agency)
        .identical.filter((t) => t.year === p.year)
        .map(identicalEvidence),
    ),
  sentence: (e, at, lang, show) =>
    say(lang, 'evaluate.identical', {
      agency: show(at.agency),
      year: at.year,
      table: e.table ?? '',
      priorYear: e.prior?.year ?? at.year - 1,
      file: show(e.file),
      priorFile: show(e.prior?.file ?? ''),
    }),
};
