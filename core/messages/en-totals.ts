/** Omitted totals (core/check/blank-totals.ts) in English: the keys of zh-totals.ts. */
import type { zhTotals } from './zh-totals';
import { count } from './plural';

export const enTotals: { [K in keyof typeof zhTotals]: (typeof zhTotals)[K] } = {
  'check.total_blank': (p) =>
    `${count(p.count, 'total')} left blank while ${p.count === 1 ? 'its' : 'their'} parts are filled in (${p.count === 1 ? 'an omitted total' : 'omitted totals'}, not an imbalance): ${p.totals
      .map((t) => `${t.name} (${t.ref}) should be ${t.value}, the sum of its parts`)
      .join('; ')}${p.more ? `; ${p.more} more` : ''}. The equations take each as the sum of its parts; fill in these values`,
  'check.omitted_value': (p) => `blank (its parts sum to ${p.value})`,
  'batch.rule.cell.total_blank': () => 'a total is filled in (the sum of its parts)',
};
