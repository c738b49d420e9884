/**
 * Issue 22, row 8a: check --json writes each file's result as JSON.stringify writes it nested in
 * the document (cli/output.ts nestedJson) instead of indenting its text afterwards: the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { nestedJson } from '../cli/output';
import { rng } from './helpers/temp';

/** A value of every kind JSON has, and some it drops or changes (undefined, NaN, -0). */
function value(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(r() * 2000) - 1000;
    case 2:
      return [NaN, -0, undefined, Infinity, r() > 0.5][Math.floor(r() * 5)];
    case 3:
      return ['', '合计\n第 5 行', 'a"b\\c', '\u2028\u202e\u0007', '  '][Math.floor(r() * 5)];
    case 4:
      return 'x'.repeat(Math.floor(r() * 20));
    case 5:
      return r() > 0.5;
    case 6:
    case 7:
      return Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, (_, k) => [`k${k}`, value(r, depth + 1)]));
    default:
      return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  }
}

describe('nestedJson (issue 22)', () => {
  it('gives what indenting JSON.stringify(value, null, 2) line by line gives, at every depth', () => {
    const r = rng(22);
    for (let n = 0; n < 500; n++) {
      const v = { path: `f${n}`, reports: [value(r, 0), value(r, 0)], extra: value(r, 0) };
      for (const levels of [1, 2, 3])
        expect(nestedJson(v, levels)).toBe(JSON.stringify(v, null, 2).replace(/\n/g, `\n${' '.repeat(2 * levels)}`));
    }
    expect(nestedJson({}, 2)).toBe('{}');
    expect(nestedJson([], 3)).toBe('[]');
  });
});
