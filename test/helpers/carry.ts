/** Chained test years: 表三 上年结转 set from last year, 本年新收 made to fit, the touched totals summed. */
import type { Raw } from './workbooks';

export const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];

/** Last year's 结转下年度 by column: what this year's 上年结转 must be. */
export const carriedFrom = (prior: Record<string, Raw>): Record<string, Raw> =>
  Object.fromEntries(T3_COLS.map((c) => [c, prior[`T3:R4:${c}`]]));

/** In place: 上年结转 = `carried` (by column, when given), 本年新收 so that every column balances, the totals. */
export function carryInto(v: Record<string, Raw>, carried: Record<string, Raw> | null): Record<string, Raw> {
  const n = (id: string) => Number(v[id] ?? 0);
  for (const c of T3_COLS) {
    if (carried) v[`T3:R2:${c}`] = carried[c];
    let r1 = n(`T3:R3.7:${c}`) + n(`T3:R4:${c}`) - n(`T3:R2:${c}`);
    if (r1 < 0) {
      // more handled than carried over: the difference answered 予以公开
      v[`T3:R3.1:${c}`] = n(`T3:R3.1:${c}`) - r1;
      v[`T3:R3.7:${c}`] = n(`T3:R3.7:${c}`) - r1;
      r1 = 0;
    }
    v[`T3:R1:${c}`] = r1;
  }
  for (const r of ['R1', 'R2', 'R3.1', 'R3.7']) v[`T3:${r}:total`] = T3_COLS.reduce((s, c) => s + n(`T3:${r}:${c}`), 0);
  return v;
}
