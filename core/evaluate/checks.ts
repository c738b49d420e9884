/**
 * Every check an evaluation runs, in the order of the table's columns. A new check: its file
 * (an EvalCheck, check.ts), a line here, its deduction in default-rules.ts and its words in
 * core/messages/{zh,en}-evaluate.ts (evaluate.check.KEY, evaluate.source.KEY).
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { EvalCheck } from './check';
import { balanceCheck } from './check-balance';
import { chainCheck, identicalCheck } from './check-chain';
import { copyingCheck } from './check-copying';
import { hierarchyCheck } from './check-hierarchy';
import { sectionFiveCheck, sectionsCheck } from './check-sections';
import { feesCheck, textYearCheck } from './check-text-facts';
import { publishedCheck, timelyCheck } from './check-timely';
import { correctedCheck } from './check-corrected';

export const CHECKS: readonly EvalCheck[] = [
  balanceCheck,
  chainCheck,
  identicalCheck,
  copyingCheck,
  hierarchyCheck,
  sectionsCheck,
  sectionFiveCheck,
  feesCheck,
  textYearCheck,
  timelyCheck,
  publishedCheck,
  correctedCheck,
];

export const checkNamed = (key: string): EvalCheck | undefined => CHECKS.find((c) => c.key === key);

/** A check's column name (evaluate.check.KEY; test/evaluate-checks.test.ts holds every key named in both languages). */
export const checkName = (lang: Lang, key: string): string => say(lang, `evaluate.check.${key}` as 'evaluate.check.balance');
