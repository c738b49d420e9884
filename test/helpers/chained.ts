/**
 * Figures of one agency's successive years that chain (docs/evaluate.md): each year balanced, its
 * 上年结转 last year's 结转下年度, its 现行有效件数 last year's + 制发 − 废止.
 */
import type { Raw } from './workbooks';
import { balancedValues } from './synthetic';

const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];

/** A balanced year whose 上年结转 is last year's 结转下年度 and whose 现行有效 follows last year's. */
export function yearValues(seed: number, prior: Record<string, Raw> | null): Record<string, Raw> {
  const v = balancedValues('2021', seed);
  const n = (id: string) => Number(v[id] ?? 0);
  for (const c of COLS) {
    if (prior) v[`T3:R2:${c}`] = prior[`T3:R4:${c}`];
    let r1 = n(`T3:R3.7:${c}`) + n(`T3:R4:${c}`) - n(`T3:R2:${c}`);
    if (r1 < 0) {
      // more handled than carried over: the difference answered 予以公开
      v[`T3:R3.1:${c}`] = n(`T3:R3.1:${c}`) - r1;
      v[`T3:R3.7:${c}`] = n(`T3:R3.7:${c}`) - r1;
      r1 = 0;
    }
    v[`T3:R1:${c}`] = r1;
  }
  for (const r of ['R1', 'R2', 'R3.1', 'R3.7']) v[`T3:${r}:total`] = COLS.reduce((s, c) => s + n(`T3:${r}:${c}`), 0);
  const rows: [string, number, number][] = [
    ['rules', seed, 0],
    ['normative', 2 * seed, 1],
  ];
  for (const [row, issued, repealed] of rows) {
    const before = prior ? Number(prior[`T2:${row}:in_force`]) : 20;
    Object.assign(v, {
      [`T2:${row}:issued`]: issued,
      [`T2:${row}:repealed`]: repealed,
      [`T2:${row}:in_force`]: before + issued - repealed,
    });
  }
  Object.assign(v, {
    'T2:licensing:decisions': 10 + seed,
    'T2:penalty:decisions': 5 + seed,
    'T2:enforcement:decisions': seed,
    'T2:fees:amount': 0,
  });
  return v;
}
