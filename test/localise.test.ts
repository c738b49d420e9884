/** Error localisation on its own: small linear systems, exact rationals, no report. */
import { describe, expect, it } from 'vitest';
import { explain, solveFree, type LinearSystem } from '../core/localise';
import { addToDecimal, rational } from '../core/rational';
import { Dec } from '../core/model/decimal';

/** Equations a·x = b given as rows over variables 0…n−1 with the current values x. */
function system(rows: { coefs: number[]; b: number }[], x: number[], opts: { free?: number[]; candidates?: number[] } = {}): LinearSystem {
  return {
    equations: rows.map((r) => {
      const coefs = new Map<number, bigint>();
      r.coefs.forEach((a, v) => a && coefs.set(v, BigInt(a)));
      const residual = r.coefs.reduce((s, a, v) => s + a * x[v], 0) - r.b;
      return { coefs, residual: BigInt(residual) };
    }),
    candidates: new Set(opts.candidates ?? x.map((_, v) => v).filter((v) => !(opts.free ?? []).includes(v))),
    free: new Set(opts.free ?? []),
  };
}
const changes = (sys: LinearSystem) => explain(sys).map((e) => Object.fromEntries([...e.changes].map(([v, d]) => [v, `${d[0]}/${d[1]}`])));

describe('explain: the smallest sets of cells whose change satisfies every equation', () => {
  // t = a + b + c (as t − a − b − c = 0), and u = a + d.
  const rows = [
    { coefs: [1, -1, -1, -1, 0, 0], b: 0 },
    { coefs: [0, -1, 0, 0, -1, 1], b: 0 },
  ];

  it('nothing to explain when every equation holds', () => {
    expect(explain(system(rows, [6, 1, 2, 3, 4, 5]))).toEqual([]);
  });

  it('one wrong part that is in both equations is the one explanation', () => {
    // a was written 3 instead of 1: t and u are both off by the same 2.
    expect(changes(system(rows, [6, 3, 2, 3, 4, 5]))).toEqual([{ 1: '-2/1' }]);
  });

  it('a wrong total alone: the total is one of the equally small explanations', () => {
    const found = changes(system(rows, [9, 1, 2, 3, 4, 5]));
    expect(found).toContainEqual({ 0: '-3/1' });
    for (const f of found) expect(Object.keys(f)).toHaveLength(1);
    // a would break u, so it is no explanation.
    expect(found).not.toContainEqual({ 1: '3/1' });
  });

  it('two independent errors need two cells together', () => {
    const found = changes(system(rows, [9, 1, 2, 3, 4, 6]));
    expect(found.every((f) => Object.keys(f).length === 2)).toBe(true);
    expect(found).toContainEqual({ 0: '-3/1', 5: '-1/1' });
  });

  it('an acceptable() that refuses a change rules that explanation out', () => {
    const sys = { ...system(rows, [9, 1, 2, 3, 4, 5]), acceptable: (v: number) => v !== 0 };
    expect(changes(sys).some((f) => '0' in f)).toBe(false);
  });

  it('free variables (text cells) are solved for and never counted', () => {
    // b is unknown (text): t − a − b − c = 0 gives b = 2 with nothing else changed.
    const sys = system(rows, [6, 1, 0, 3, 4, 5], { free: [2] });
    const [only] = explain(sys);
    expect(only.changes.size).toBe(0);
    expect(only.freeValues.get(2)).toEqual([2n, 1n]);
    expect(solveFree(sys, 2)).toEqual([2n, 1n]);
  });

  it('fractions are exact, and only terminating decimals make a suggested value', () => {
    // 3x = 1: x = 1/3.
    const sys = system([{ coefs: [3], b: 1 }], [0], { free: [0] });
    expect(solveFree(sys, 0)).toEqual([1n, 3n]);
    expect(rational(2n, -4n)).toEqual([-1n, 2n]);
    expect(addToDecimal(Dec.of(1), [1n, 4n])!.toString()).toBe('1.25');
    expect(addToDecimal(Dec.of(1), [1n, 3n])).toBeNull();
  });

  it('stays bounded on a large system with many errors (no explanation of at most three cells)', () => {
    const n = 60;
    const big = Array.from({ length: 20 }, (_, i) => ({ coefs: Array.from({ length: n }, (_, v) => (v % 20 === i ? 1 : 0)), b: 0 }));
    const t0 = Date.now();
    expect(
      explain(
        system(
          big,
          Array.from({ length: n }, () => 1),
        ),
      ),
    ).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
