/** The locator's sequence alignment and its cache, on their own. */
import { describe, expect, it } from 'vitest';
import { align } from '../core/read/locate/align';
import { BoundedCache } from '../core/read/cache';

/** Similarity of two words: 1 when equal, 0.6 when they share their first letter, else 0. */
const words = (a: string[], b: string[]) => (i: number, j: number) => (a[i] === b[j] ? 1 : a[i][0] === b[j][0] ? 0.6 : 0);
const pairsOf = (a: string[], b: string[]) => align(a.length, b.length, words(a, b)).map((p) => [a[p.i], b[p.j], p.score]);

describe('align', () => {
  it('matches equal sequences one to one, in order', () => {
    const a = ['apple', 'banana', 'cherry'];
    expect(align(3, 3, words(a, a))).toEqual([
      { i: 0, j: 0, score: 1 },
      { i: 1, j: 1, score: 1 },
      { i: 2, j: 2, score: 1 },
    ]);
  });

  it('skips items and specs for free on both sides', () => {
    const sheet = ['title', 'apple', 'note', 'cherry', 'footer'];
    const spec = ['apple', 'banana', 'cherry'];
    expect(pairsOf(sheet, spec)).toEqual([
      ['apple', 'apple', 1],
      ['cherry', 'cherry', 1],
    ]);
  });

  it('finds an odd label by its neighbours (a loose match between two exact ones)', () => {
    const sheet = ['apple', 'blueberry', 'cherry'];
    const spec = ['apple', 'banana', 'cherry'];
    expect(pairsOf(sheet, spec)).toEqual([
      ['apple', 'apple', 1],
      ['blueberry', 'banana', 0.6],
      ['cherry', 'cherry', 1],
    ]);
  });

  it('keeps order: a crossing match is dropped for the larger total', () => {
    const sheet = ['cherry', 'apple', 'banana'];
    const spec = ['apple', 'banana', 'cherry'];
    expect(pairsOf(sheet, spec)).toEqual([
      ['apple', 'apple', 1],
      ['banana', 'banana', 1],
    ]);
  });

  it('never pairs a score of 0, and of equal totals keeps the later item', () => {
    expect(align(2, 2, () => 0)).toEqual([]);
    expect(align(2, 1, () => 1)).toEqual([{ i: 1, j: 0, score: 1 }]);
    expect(align(0, 3, () => 1)).toEqual([]);
    expect(align(3, 0, () => 1)).toEqual([]);
  });

  it('prefers two loose matches to one exact one when their sum is larger', () => {
    const pairs = align(2, 2, (i, j) => (i === 0 && j === 1 ? 1 : i === j ? 0.6 : 0));
    expect(pairs.map((p) => [p.i, p.j])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('BoundedCache', () => {
  it('computes once per key, keeps null results, and starts over when full', () => {
    const c = new BoundedCache<string, number | null>(2);
    let calls = 0;
    const f = (v: number | null) => () => (calls++, v);
    expect(c.through('a', f(1))).toBe(1);
    expect(c.through('a', f(9))).toBe(1);
    expect(c.through('n', f(null))).toBe(null);
    expect(c.through('n', f(9))).toBe(null);
    expect(calls).toBe(2);
    c.set('b', 3); // full: starts over
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBe(3);
  });
});
