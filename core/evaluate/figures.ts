/**
 * The figures of the chain of years, per report, for the reports' charts (a small chart per figure
 * in the per-agency page): each figure as published and as last year's report makes it — 表三
 * 上年结转 (合计) against last year's 结转下年度, 表二 现行有效件数 against last year's + 本年制发 −
 * 本年废止. Plain numbers in the record, so that a report drawn from the JSON (or from shards
 * joined) draws the same charts.
 */
import type { ReportData } from '../model/report';
import { figure } from './chain';

export interface ChainFigure {
  /** The cell of this year (TABLE:ROW:COLUMN). */
  cell: string;
  value: number | null;
  /** What last year's report makes it; null when there is no last year, or a figure is not a number. */
  fromPrior: number | null;
}

const at = (r: ReportData | undefined, id: string) => (r ? figure(r.cells[id]) : null);
const sum = (...xs: (number | null)[]) => (xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0));

/** The charted figures and how each is made from last year's report. */
const FIGURES: { cell: string; fromPrior: (cur: ReportData, prior: ReportData) => number | null }[] = [
  { cell: 'T3:R2:total', fromPrior: (_c, p) => at(p, 'T3:R4:total') },
  ...['rules', 'normative'].map((row) => ({
    cell: `T2:${row}:in_force`,
    fromPrior: (c: ReportData, p: ReportData) => {
      const repealed = at(c, `T2:${row}:repealed`);
      return sum(at(p, `T2:${row}:in_force`), at(c, `T2:${row}:issued`), repealed === null ? null : -repealed);
    },
  })),
];

/** The figures of `cur`, with last year's report when it is the year before in the same (2021) format. */
export function figuresOf(cur: ReportData, year: number, prior: { year: number; report: ReportData } | undefined): ChainFigure[] {
  const chained = prior && prior.year === year - 1 && prior.report.format === cur.format && cur.format === '2021';
  return FIGURES.map((f) => ({ cell: f.cell, value: at(cur, f.cell), fromPrior: chained ? f.fromPrior(cur, prior.report) : null }));
}
