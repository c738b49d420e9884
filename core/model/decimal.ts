/**
 * Exact decimal numbers (a BigInt scaled by a power of ten). Money is compared to the last of
 * its four decimals, so no float ever takes part in a rule.
 */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export class Dec {
  private constructor(
    /** Unscaled integer: the value is n / 10^scale. */
    readonly n: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Dec(0n, 0);

  static of(n: bigint | number, scale = 0): Dec {
    if (typeof n === 'number') {
      if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
      // A JS number read from a workbook: take its shortest decimal spelling (what the user typed).
      return Number.isInteger(n) && scale === 0 ? new Dec(BigInt(n), 0) : Dec.parse(String(n))!;
    }
    return new Dec(n, scale).normalised();
  }

  /** "12", "-3.5", "1e3", "0.00012"; null if the text is not a plain decimal. */
  static parse(text: string): Dec | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (!m[2] && !m[3])) return null;
    const digits = (m[2] || '') + (m[3] || '');
    let scale = (m[3] || '').length - (m[4] ? parseInt(m[4], 10) : 0);
    let n = BigInt(digits || '0');
    if (scale < 0) {
      n *= 10n ** BigInt(-scale);
      scale = 0;
    }
    if (scale > 60) return null;
    return new Dec(m[1] === '-' ? -n : n, scale).normalised();
  }

  private normalised(): Dec {
    let { n, scale } = this;
    while (scale > 0 && n % 10n === 0n) {
      n /= 10n;
      scale--;
    }
    return n === this.n && scale === this.scale ? this : new Dec(n, scale);
  }

  private static align(a: Dec, b: Dec): [bigint, bigint, number] {
    if (a.scale === b.scale) return [a.n, b.n, a.scale]; // the common case: whole counts
    const s = Math.max(a.scale, b.scale);
    return [a.n * 10n ** BigInt(s - a.scale), b.n * 10n ** BigInt(s - b.scale), s];
  }

  add(b: Dec): Dec {
    if (this.scale === 0 && b.scale === 0) return new Dec(this.n + b.n, 0);
    const [x, y, s] = Dec.align(this, b);
    return new Dec(x + y, s).normalised();
  }
  sub(b: Dec): Dec {
    if (this.scale === 0 && b.scale === 0) return new Dec(this.n - b.n, 0);
    const [x, y, s] = Dec.align(this, b);
    return new Dec(x - y, s).normalised();
  }
  mul(b: Dec): Dec {
    if (this.scale === 0 && b.scale === 0) return new Dec(this.n * b.n, 0);
    return new Dec(this.n * b.n, this.scale + b.scale).normalised();
  }
  neg(): Dec {
    return new Dec(-this.n, this.scale);
  }
  cmp(b: Dec): number {
    const [x, y] = Dec.align(this, b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  eq(b: Dec): boolean {
    return this.cmp(b) === 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  /** Exactly 1 (normalised, so 1.0 is scale 0). */
  isOne(): boolean {
    return this.n === 1n && this.scale === 0;
  }
  isInteger(): boolean {
    return this.scale === 0;
  }
  isNegative(): boolean {
    return this.n < 0n;
  }
  /** Number of decimals as written (trailing zeros dropped). */
  get decimals(): number {
    return this.scale;
  }

  /** Divide by 10^k exactly (元 → 万元 is k = 4). */
  shift(k: number): Dec {
    return k >= 0 ? new Dec(this.n, this.scale + k).normalised() : Dec.of(this.n * 10n ** BigInt(-k), this.scale);
  }

  toString(): string {
    const neg = this.n < 0n;
    let digits = (neg ? -this.n : this.n).toString();
    if (this.scale === 0) return (neg ? '-' : '') + digits;
    digits = digits.padStart(this.scale + 1, '0');
    return `${neg ? '-' : ''}${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
  }

  /** For JSON output: exact as long as it fits a double's 15 significant digits (counts and 万元 amounts do). */
  toNumber(): number {
    // A whole number a double holds exactly (a count, most amounts): converted without spelling its digits out.
    if (this.scale === 0 && this.n <= MAX_SAFE && this.n >= -MAX_SAFE) return Number(this.n);
    return Number(this.toString());
  }

  static sum(values: Iterable<Dec>): Dec {
    let acc = Dec.ZERO;
    for (const v of values) acc = acc.add(v);
    return acc;
  }
}
