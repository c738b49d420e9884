/**
 * The 考核 rulebook: what each check deducts from the full score, capped, and the source it follows.
 * The default is data (default-rules.ts, parsed once); `xxgk evaluate --rules FILE` replaces it
 * with a local 细则 in the same language (rulebook-parse.ts, docs/evaluate.md). Points are counted
 * in hundredths, so that 0.1 + 0.2 is 0.3 and a score is never 99.69999.
 */
import { CHECKS } from './checks';
import { DEFAULT_RULES } from './default-rules';
import { parseRulebook } from './rulebook-parse';

/** A check's key (checks.ts). */
export type CheckKey = string;

export interface Deduction {
  check: CheckKey;
  /** Points taken for each failing instance. */
  each: number;
  /** At most this many points for the check in one report; null: not capped. */
  cap: number | null;
  /** The shipped book's source: a key of evaluate.source.* in the catalogues; null in a local book. */
  source: string | null;
  /** A local book's source as written in it (the `#` lines above the deduction), quoted as it is. */
  description?: string | null;
  /** For a check that measures a share (0–100): an instance fails when its share is above this (`above 50%`). */
  threshold?: number;
}

export interface Rulebook {
  full: number;
  deductions: Deduction[];
  /** The file it was read from (--rules); absent for the default. */
  file?: string;
}

export const DEFAULT_RULEBOOK: Rulebook = parseRulebook(DEFAULT_RULES, 'default-rules', {
  known: CHECKS.map((c) => c.key),
  shipped: true,
});

const hundredths = (n: number) => Math.round(n * 100);

/** The points a check loses for `count` failing instances under the rulebook. */
export function pointsLost(book: Rulebook, check: CheckKey, count: number): number {
  const d = book.deductions.find((x) => x.check === check);
  if (!d || count <= 0) return 0;
  const lost = hundredths(d.each) * count;
  return (d.cap === null ? lost : Math.min(hundredths(d.cap), lost)) / 100;
}

/** The score: full marks less every check's points, never below zero (扣完为止). */
export function scoreOf(book: Rulebook, points: readonly number[]): number {
  return Math.max(0, hundredths(book.full) - points.reduce((s, p) => s + hundredths(p), 0)) / 100;
}
