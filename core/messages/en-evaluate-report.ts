/**
 * Evaluator mode's rulebook files (--rules), reports (--report) and notices (--notices) in English.
 * zh-evaluate-report.ts has the same keys; en.ts spreads them in.
 */
import type { zhEvaluateReport } from './zh-evaluate-report';
import { enEvaluate } from './en-evaluate';

const checkEn = (k: string) => (enEvaluate as unknown as Record<string, (() => string) | undefined>)[`evaluate.check.${k}`]?.() ?? k;

export const enEvaluateReport: typeof zhEvaluateReport = {
  'evaluate.rules.expect.head': () => 'a check and a colon, e.g. "balance:" or "full:"',
  'evaluate.rules.expect.once': () => 'each check named once',
  'evaluate.rules.found.again': (p) => `"${p.key}" already on line ${p.line}`,
  'evaluate.rules.expect.check': (p) => `a known check or "full" (the checks: ${p.checks.map((k) => `"${k}" (${checkEn(k)})`).join(', ')})`,
  'evaluate.rules.expect.full': () => 'the full marks, a number above zero, e.g. "full: 100"',
  'evaluate.rules.expect.points': () => 'points, e.g. "-0.5 each, at most -2"',
  'evaluate.rules.expect.each': () => '"each" (points for each instance)',
  'evaluate.rules.expect.clause': () => '"at most" (the most the check deducts) or "above" (the share past which an instance counts)',
  'evaluate.rules.expect.share': () => 'a share, e.g. "above 50%"',
  'evaluate.rules.expect.two_decimals': () => 'points with at most two decimals',
  'evaluate.rules.expect.at_most': (p) => `points of at most ${p.limit}`,
  'evaluate.rules.expect.end': () => 'the end of the line (or a source after #)',
  'evaluate.rules.expect.fewer_lines': (p) => `a rulebook of at most ${p.limit} lines`,
  'evaluate.rules.found.nth_line': (p) => `${p.n} lines`,
  'evaluate.rules_unreadable': (p) => `cannot read the rulebook ${p.file}: ${p.why}`,
};
