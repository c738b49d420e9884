/**
 * The Shanghai report (test/fixtures/real/shanghai-bgt-2019.html, the whole published page) reads
 * exactly, merged cells and all: its 表三 prints the 总计 column for 本年新收, 上年结转, （七）总计
 * and 结转下年度 only, and leaves it blank (&nbsp;) in the eleven result rows whose parts are not
 * zero. Those blanks are omitted totals, not figures of 0: one warning (cell.total_blank) names them
 * with the sums of their parts (予以公开 258 + 12 + 1 + 1 = 272, …), and taken as those sums they
 * make every equation hold ((七)总计 805 = 272 + 3 + 14 + … + 9): the figures printed agree, and the
 * page has no error (it had 12, one per blank and one for the column, before).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import { readInputSync, reportsOf } from '../core/read/input';

const file = path.join(__dirname, 'fixtures', 'real', 'shanghai-bgt-2019.html');
const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];

describe('shanghai-bgt-2019.html: 表三 as published', () => {
  const [r] = reportsOf(readInputSync(new Uint8Array(readFileSync(file)), 'shanghai-bgt-2019.html'), 'shanghai-bgt-2019.html');
  const value = (id: string) => (r.cells[id]?.raw ?? null) as number | null;
  const rowSum = (row: string) => COLS.reduce((s, c) => s + (value(`T3:${row}:${c}`) ?? 0), 0);

  it('reads the 总计 column as the page prints it: filled in four rows, blank in the rest', () => {
    expect(['R1', 'R2', 'R3.7', 'R4'].map((k) => value(`T3:${k}:total`))).toEqual([859, 18, 805, 72]);
    expect(['R3.1', 'R3.2', 'R3.3.1', 'R3.4.1'].map((k) => [value(`T3:${k}:natural`), value(`T3:${k}:total`)])).toEqual([
      [258, null],
      [3, null],
      [14, null],
      [252, null],
    ]);
    expect(COLS.map((c) => value(`T3:R3.1:${c}`))).toEqual([258, 12, null, null, 1, 1]);
  });

  it('its blank totals whose parts are not zero are one warning with their sums, and nothing disagrees', () => {
    const findings = confront(r).findings;
    const blankRows = Object.keys(r.cells)
      .filter((id) => /^T3:R3\.[1-6][.0-9]*:total$/.test(id) && value(id) === null)
      .map((id) => id.split(':')[1])
      .filter((row) => rowSum(row) !== 0);
    expect(blankRows).toHaveLength(11);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const omitted = findings.filter((f) => f.rule === 'cell.total_blank');
    expect(omitted).toHaveLength(1);
    expect(omitted[0].cells.map((c) => `${c.row}:${c.column}`)).toEqual(blankRows.map((row) => `${row}:total`));
    // The first six are spelled out with their sums; the finding's cells list them all.
    for (const row of blankRows.slice(0, 6)) expect(omitted[0].message.includes(`按各项之和应为 ${rowSum(row)}`), row).toBe(true);
    expect(omitted[0].message).toContain('另有 5 处');
    // Each blank total filled in with the sum of its parts: the same, without the warning.
    const filled = structuredClone(r);
    for (const row of blankRows) filled.cells[`T3:${row}:total`].raw = rowSum(row);
    const after = confront(filled).findings;
    expect(after.filter((f) => f.severity === 'error' || f.rule === 'cell.total_blank')).toEqual([]);
  });
});
