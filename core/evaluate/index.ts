/**
 * Evaluator mode (issue 23): a region's reports over the years → a record per agency and year with
 * each check, its result, its evidence (file, cell, year) and the score under the rulebook. The
 * record is plain data: `xxgk evaluate --json` prints it as it is (docs/evaluate.md).
 */
import { errorsOf } from '../model/findings';
import { agencyKey } from '../batch/agency';
import { placeReports, type FileRead, type PlaceOptions, type Placing } from './place';
import { chainOf, type ChainBreak, type IdenticalTable } from './chain';
import { DEFAULT_RULEBOOK, pointsLost, type CheckKey, type Rulebook } from './rulebook';

export { placeReports, chainOf, DEFAULT_RULEBOOK };
export type { FileRead, Placing };

/** A piece of evidence: the file, the cell (its address in the file) and the report's year. */
export interface Evidence {
  file: string;
  year: number;
  cell: string | null;
  ref: string | null;
  rule?: string;
  expected?: number | null;
  actual?: number | null;
  /** The file and year of last year's figure, for a chain break or a copied table. */
  prior?: { file: string; year: number; ref: string | null; value?: number };
  table?: string;
  /** The finding's sentence (a balance error), in the language checked. */
  message?: string;
}

export interface CheckRecord {
  check: CheckKey;
  result: 'pass' | 'fail';
  count: number;
  points: number;
  evidence: Evidence[];
}

export interface AgencyYear {
  agency: string;
  year: number;
  file: string;
  sheet: string | null;
  format: string;
  checks: CheckRecord[];
  score: number;
  /** Last year's report was there but of the other format: the chain is not drawn across it. */
  chainNotCompared: boolean;
}

export interface Evaluation {
  records: AgencyYear[];
  files: Placing['files'];
  unplaced: Placing['unplaced'];
  /** A listed agency with no report of a year evaluated (with --agencies and --years): 未发布 (条例第四十九条). */
  missing: { agency: string; year: number }[];
  rulebook: Rulebook;
}

function checkOf(book: Rulebook, check: CheckKey, evidence: Evidence[]): CheckRecord {
  return {
    check,
    result: evidence.length ? 'fail' : 'pass',
    count: evidence.length,
    points: pointsLost(book, check, evidence.length),
    evidence,
  };
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

/** The region's files (each read and checked) → the records, sorted by agency and year. */
export function evaluate(files: readonly FileRead[], opts: PlaceOptions & { rulebook?: Rulebook } = {}): Evaluation {
  const book = opts.rulebook ?? DEFAULT_RULEBOOK;
  const placing = placeReports(files, opts);
  const byAgency = new Map<string, typeof placing.placed>();
  for (const p of placing.placed) {
    const k = agencyKey(p.agency);
    byAgency.set(k, [...(byAgency.get(k) ?? []), p]);
  }
  const records: AgencyYear[] = [];
  for (const reports of byAgency.values()) {
    const chain = chainOf(reports);
    for (const p of reports) {
      const balance = errorsOf(p.result).map<Evidence>((f) => ({
        file: p.file,
        year: p.year,
        cell: f.cells[0] ? `${f.cells[0].table}:${f.cells[0].row}:${f.cells[0].column}` : null,
        ref: f.cells[0]?.ref ?? null,
        rule: f.rule,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
        message: f.message,
      }));
      const checks = [
        checkOf(book, 'balance', balance),
        checkOf(book, 'chain', chain.breaks.filter((b) => b.year === p.year).map(breakEvidence)),
        checkOf(book, 'identical', chain.identical.filter((t) => t.year === p.year).map(identicalEvidence)),
      ];
      records.push({
        agency: p.agency,
        year: p.year,
        file: p.file,
        sheet: p.report.sheet,
        format: p.report.format,
        checks,
        score: book.full - checks.reduce((s, c) => s + c.points, 0),
        chainNotCompared: chain.notCompared.some((n) => n.year === p.year),
      });
    }
  }
  records.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
  const missing: Evaluation['missing'] = [];
  if (opts.listed?.length && opts.years)
    for (const agency of opts.listed)
      for (let year = opts.years.from; year <= opts.years.to; year++)
        if (!records.some((r) => r.agency === agency && r.year === year)) missing.push({ agency, year });
  return { records, files: placing.files, unplaced: placing.unplaced, missing, rulebook: book };
}
