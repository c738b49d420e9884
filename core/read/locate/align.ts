/** Weighted sequence alignment: how rows and header cells in sheet order meet specs in form order. */

export interface Pair {
  /** Index of the item (sheet order). */
  i: number;
  /** Index of the spec (form order). */
  j: number;
  score: number;
}

/**
 * Align items (in sheet order) with specs (in form order), each pair scored 0…1 (0 = cannot
 * match), maximising the total score. Gaps are free on both sides. Pairs come in order, both
 * indexes increasing; of equal totals, the one matching later items is kept.
 */
export function align(n: number, m: number, sim: (i: number, j: number) => number): Pair[] {
  if (!n || !m) return [];
  const W = m + 1;
  const best = new Float64Array((n + 1) * W);
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) s[i * m + j] = sim(i, j);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      let v = Math.max(best[(i - 1) * W + j], best[i * W + j - 1]);
      const x = s[(i - 1) * m + j - 1];
      if (x > 0) v = Math.max(v, best[(i - 1) * W + j - 1] + x);
      best[i * W + j] = v;
    }
  const out: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const v = best[i * W + j];
    const x = s[(i - 1) * m + j - 1];
    if (x > 0 && Math.abs(v - (best[(i - 1) * W + j - 1] + x)) < 1e-9) {
      out.push({ i: i - 1, j: j - 1, score: x });
      i--;
      j--;
    } else if (v === best[(i - 1) * W + j]) i--;
    else j--;
  }
  return out.reverse();
}
