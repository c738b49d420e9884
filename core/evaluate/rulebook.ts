/**
 * The default 考核 rulebook, as data: what each check deducts from a full score, capped, and the
 * source it follows (/work/shared/spec/evaluation.md; the source's words are in the message
 * catalogues, evaluate.source.*). Local 考核细则 weigh these differently; `--rules` (to come)
 * replaces this book.
 */
/** A check's key (checks.ts). */
export type CheckKey = string;

export interface Deduction {
  check: CheckKey;
  /** Points taken for each failing instance. */
  each: number;
  /** At most this many points for the check in one report. */
  cap: number;
  /** The source it follows: a key of evaluate.source.* in the catalogues. */
  source: string;
  /** For a check that measures a share (0–100): an instance fails when its share is above this. */
  threshold?: number;
}

export interface Rulebook {
  full: number;
  deductions: Deduction[];
}

export const DEFAULT_RULEBOOK: Rulebook = {
  full: 100,
  deductions: [
    // 数据失准: every 通报 counts the tables' balances (each error finding of the check).
    { check: 'balance', each: 2, cap: 10, source: 'balance' },
    // Carry-over between years: 上年结转 = last year's 结转下年度; 现行有效 = last year's + 制发 − 废止.
    { check: 'chain', each: 2, cap: 10, source: 'chain' },
    // A table identical to last year's: copied (雷同), as 宿迁 and 鲤城 deduct.
    { check: 'identical', each: 5, cap: 10, source: 'identical' },
  ],
};

/** The points a check loses for `count` failing instances under the rulebook. */
export function pointsLost(book: Rulebook, check: CheckKey, count: number): number {
  const d = book.deductions.find((x) => x.check === check);
  return d && count > 0 ? Math.min(d.cap, d.each * count) : 0;
}
