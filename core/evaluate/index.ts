/**
 * Evaluator mode (issue 23): a region's reports over the years → a record per agency and year with
 * each check, its result, its evidence (file, cell, year) and the score under the rulebook. The
 * record is plain data: `xxgk evaluate --json` prints it as it is (docs/evaluate.md).
 */
import type { Lang } from '../model/findings';
import { agencyKey } from '../batch/agency';
import { placeReports, type FileRead, type PlaceOptions, type Placed, type Placing } from './place';
import { chainOf, type NotCompared } from './chain';
import { DEFAULT_RULEBOOK, pointsLost, scoreOf, type CheckKey, type Rulebook } from './rulebook';
import { parseRulebook, RULEBOOK_LIMITS } from './rulebook-parse';
import type { AgencyReports, Evidence, Region } from './check';
import type { Tree } from './tree';
import { CHECKS, checkName, checkNamed } from './checks';
import { chainFor } from './check-chain';
import { figuresOf, type ChainFigure } from './figures';

export { placeReports, chainOf, DEFAULT_RULEBOOK, CHECKS, checkNamed, checkName, parseRulebook, RULEBOOK_LIMITS };
export type { FileRead, Placing, Evidence, Rulebook, ChainFigure };

export interface CheckRecord {
  check: CheckKey;
  /** 'warn': only warnings (evidence said, no points lost); 'not_judged': the report gave nothing to judge by (`notJudged` says why). */
  result: 'pass' | 'warn' | 'fail' | 'not_judged';
  /** Why the check could not judge the report: a key of evaluate.not_judged.* (no_date, not_whole, no_report …). */
  notJudged?: string;
  /** Failing instances (warnings not counted). */
  count: number;
  warnings: number;
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
  /** Something was not compared with the year before (a missing year, or 现行有效 across the 2020→2021 change of format): `notCompared` says what. */
  chainNotCompared: boolean;
  /** The chain's figures as published and as last year's report makes them (the reports' charts). */
  figures: ChainFigure[];
  notCompared: NotCompared[];
  /** The report's agency or year was taken from the saved page's title (the content names none). */
  fromTitle?: Placed['fromTitle'];
}

export interface Evaluation {
  records: AgencyYear[];
  files: Placing['files'];
  unplaced: Placing['unplaced'];
  /** A listed agency with no report of a year evaluated (with --agencies and --years): 未发布 (条例第四十九条). */
  missing: { agency: string; year: number }[];
  rulebook: Rulebook;
}

function notJudgedOf(book: Rulebook, check: CheckKey, why: string): CheckRecord {
  return { check, result: 'not_judged', notJudged: why, count: 0, warnings: 0, points: pointsLost(book, check, 0), evidence: [] };
}

function checkOf(book: Rulebook, check: CheckKey, evidence: Evidence[]): CheckRecord {
  const warnings = evidence.filter((e) => e.severity === 'warning').length;
  const count = evidence.reduce((s, e) => s + (e.severity === 'warning' ? 0 : (e.weight ?? 1)), 0);
  return {
    check,
    result: count ? 'fail' : warnings ? 'warn' : 'pass',
    count,
    warnings,
    points: pointsLost(book, check, count),
    evidence,
  };
}

/** The region's files (each read and checked) → the records, sorted by agency and year. */
export function evaluate(
  files: readonly FileRead[],
  opts: PlaceOptions & { rulebook?: Rulebook; lang?: Lang; tree?: Tree | null } = {},
): Evaluation {
  const book = opts.rulebook ?? DEFAULT_RULEBOOK;
  const placing = placeReports(files, opts);
  const byAgency = new Map<string, AgencyReports>();
  for (const p of placing.placed) {
    const k = agencyKey(p.agency);
    const a = byAgency.get(k) ?? { agency: p.agency, reports: [] };
    a.reports.push(p);
    byAgency.set(k, a);
  }
  for (const a of byAgency.values()) a.reports.sort((x, y) => x.year - y.year);
  const region: Region = { agencies: [...byAgency.values()], lang: opts.lang ?? 'zh', rulebook: book, tree: opts.tree ?? null };
  const records: AgencyYear[] = [];
  for (const agency of region.agencies) {
    const found = CHECKS.map((c) => c.run(agency, region));
    const unjudged = CHECKS.map((c) => c.notJudged?.(agency, region) ?? []);
    const notCompared = chainFor(agency).notCompared;
    agency.reports.forEach((p, i) => {
      const checks = CHECKS.map((c, k) => {
        const why = unjudged[k][i];
        return why ? notJudgedOf(book, c.key, why) : checkOf(book, c.key, found[k][i] ?? []);
      });
      const own = notCompared.filter((n) => n.year === p.year);
      records.push({
        agency: p.agency,
        year: p.year,
        file: p.file,
        sheet: p.report.sheet,
        format: p.report.format,
        checks,
        score: scoreOf(
          book,
          checks.map((c) => c.points),
        ),
        chainNotCompared: own.length > 0,
        notCompared: own,
        figures: figuresOf(p.report, p.year, agency.reports[i - 1]),
        ...(p.fromTitle ? { fromTitle: p.fromTitle } : {}),
      });
    });
  }
  const missing: Evaluation['missing'] = [];
  if (opts.listed?.length && opts.years)
    for (const agency of opts.listed)
      for (let year = opts.years.from; year <= opts.years.to; year++)
        if (!records.some((r) => r.agency === agency && r.year === year)) missing.push({ agency, year });
  // A listed agency's year with no report is a record of its own: 未发布, the other checks not judged.
  for (const m of missing) {
    const checks = CHECKS.map((c) =>
      c.key === 'published'
        ? checkOf(book, c.key, [{ file: '', year: m.year, cell: null, ref: null, rule: 'missing' }])
        : notJudgedOf(book, c.key, 'no_report'),
    );
    records.push({
      agency: m.agency,
      year: m.year,
      file: '',
      sheet: null,
      format: '',
      checks,
      score: scoreOf(
        book,
        checks.map((c) => c.points),
      ),
      chainNotCompared: false,
      notCompared: [],
      figures: [],
    });
  }
  records.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
  return { records, files: placing.files, unplaced: placing.unplaced, missing, rulebook: book };
}
