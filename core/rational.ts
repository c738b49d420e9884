/**
 * Exact rationals p/q (bigint, q > 0), the numbers error localisation solves in: a suggested
 * value is exact or it is not offered.
 */
import { Dec } from './model/decimal';

export type Rational = [bigint, bigint];

export const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/** p/d in lowest terms with a positive denominator. */
export const rational = (p: bigint, d: bigint = 1n): Rational => {
  if (d < 0n) {
    p = -p;
    d = -d;
  }
  const g = gcd(p, d) || 1n;
  return [p / g, d / g];
};

export const ZERO: Rational = [0n, 1n];
export const qsub = (a: Rational, b: Rational): Rational => rational(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
export const qmul = (a: Rational, b: Rational): Rational => rational(a[0] * b[0], a[1] * b[1]);
export const qdiv = (a: Rational, b: Rational): Rational => rational(a[0] * b[1], a[1] * b[0]);
export const qzero = (a: Rational) => a[0] === 0n;
export const qeq = (a: Rational, b: Rational) => a[0] * b[1] === b[0] * a[1];
export const isWhole = (x: Rational) => x[1] === 1n;
export const rationalToNumber = (x: Rational): number => Number(x[0]) / Number(x[1]);

/** x + d as a decimal, or null when d is no terminating decimal (not a value a person could have meant). */
export function addToDecimal(x: Dec, d: Rational): Dec | null {
  const [p, q] = rational(d[0], d[1]);
  let den = q,
    twos = 0,
    fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return null;
  const k = Math.max(twos, fives);
  return x.add(Dec.of((p * 10n ** BigInt(k)) / q, k));
}
