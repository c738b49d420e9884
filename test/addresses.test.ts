/**
 * A1 addresses and Sheet!A1 references are read by char codes on the usual path and by the
 * regexes otherwise (core/read/grid.ts, core/formula.ts): every spelling reads as the regexes
 * alone read it, which is what these expectations were taken from.
 */
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, parseA1 } from '../core/read/grid';
import { splitRef } from '../core/formula';

describe('addresses read by char codes as the regexes read them', () => {
  it('parseA1: any case, $, spaces around; not four letters, nor digits past 15 taken by a loop', () => {
    const cases: [string, { r: number; c: number } | null][] = [
      ['D8', { r: 7, c: 3 }],
      ['$D$8', { r: 7, c: 3 }],
      ['d8', { r: 7, c: 3 }],
      [' D8 ', { r: 7, c: 3 }],
      ['ab12', { r: 11, c: 27 }],
      ['D$8', { r: 7, c: 3 }],
      ['XFD1048576', { r: 1048575, c: 16383 }],
      ['A0000000000000001', { r: 0, c: 0 }],
      ['A12345678901234567', { r: Number('12345678901234567') - 1, c: 0 }],
      ['ABCD1', null],
      ['D', null],
      ['8', null],
      ['$$D8', null],
      ['D8$', null],
      ['Ä1', null],
      ['', null],
    ];
    for (const [ref, want] of cases) expect(parseA1(ref), ref).toEqual(want);
  });

  it('splitRef: quoted and unquoted sheets, doubled quotes, capitals only', () => {
    const cases: [string, { sheet: string; r: number; c: number } | null][] = [
      ['Sheet!D8', { sheet: 'Sheet', r: 7, c: 3 }],
      ['2025年报!$D$8', { sheet: '2025年报', r: 7, c: 3 }],
      ["'My Sheet'!$D$8", { sheet: 'My Sheet', r: 7, c: 3 }],
      ["it''s!A1", { sheet: "it's", r: 0, c: 0 }],
      ["'it''s'!B2", { sheet: "it's", r: 1, c: 1 }],
      ["'a!b'!C3", { sheet: 'a!b', r: 2, c: 2 }],
      ["'abc!D8", { sheet: "'abc", r: 7, c: 3 }],
      ['S!x!D8', null],
      ['!D8', null],
      ['Sheet!d8', null],
      ['Sheet!D8 ', null],
      ['Sheet!ABCD8', null],
      ['line 12', null],
    ];
    for (const [ref, want] of cases) expect(splitRef(ref), ref).toEqual(want);
  });

  it('column letters both ways, kept or not', () => {
    expect(['a', 'Z', 'aa', 'AB', 'xfd', 'ß'].map(columnIndex)).toEqual([0, 25, 26, 27, 16383, 512]);
    // Twice: made, then as kept.
    for (let pass = 0; pass < 2; pass++)
      expect([0, 25, 26, 701, 702, 1023, 1024, 16383, -1].map(columnLetters)).toEqual([
        'A',
        'Z',
        'AA',
        'ZZ',
        'AAA',
        'AMJ',
        'AMK',
        'XFD',
        '',
      ]);
  });
});
