/**
 * Issue 12, "a table row in text keeps its empty cells": with tabs or pipes an empty cell is a
 * column, never a separator to collapse; pages copied one cell per line with the cell's border
 * ("0 |", and "|" for an empty cell) keep their places too.
 */
import { describe, expect, it } from 'vitest';
import { getForm } from '../core/forms';
import { importText } from '../core/import';
import { fullValues, publishedText, tableRows } from './helpers/published';
import { balancedValues, type Raw } from './helpers/synthetic';

const FORMAT = '2021';
/** Balanced values with 表三's first row as the issue quotes it: 科研机构 and 社会公益组织 left empty. */
function withGaps(): Record<string, Raw> {
  const v = fullValues(FORMAT, balancedValues(FORMAT));
  Object.assign(v, {
    'T3:R1:natural': 821,
    'T3:R1:commercial': 35,
    'T3:R1:research': null,
    'T3:R1:social': null,
    'T3:R1:legal': 2,
    'T3:R1:other': 1,
    'T3:R1:total': 859,
  });
  v['T4:R1:review.corrected'] = null;
  return v;
}
const row1 = (v: Record<string, Raw>) =>
  ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'].map((c) => v[`T3:R1:${c}`] ?? null);

describe('empty cells between tabs or pipes are columns', () => {
  for (const layout of ['pipes', 'tabs'] as const)
    it(`${layout}: | 一、本年新收… | 821 | 35 |  |  | 2 | 1 | 859 |`, () => {
      const values = withGaps();
      const text = publishedText(FORMAT, values, layout, { year: 2022 });
      // The label's merged cells are written as empty cells after it, or left out as in the example.
      const merged = '| 一、本年新收政府信息公开申请数量 |  |  | 821 | 35 |  |  | 2 | 1 | 859 |';
      if (layout === 'pipes') expect(text).toContain(merged);
      const texts =
        layout === 'pipes' ? [text, text.replace(merged, '| 一、本年新收政府信息公开申请数量 | 821 | 35 |  |  | 2 | 1 | 859 |')] : [text];
      for (const t of texts) {
        const [r] = importText(t, `gaps-${layout}.txt`);
        expect(row1(Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.raw])))).toEqual([821, 35, null, null, 2, 1, 859]);
        expect(r.cells['T4:R1:review.corrected'].raw).toBeNull();
        expect(r.cells['T4:R1:review.other'].raw).toBe(values['T4:R1:review.other']);
      }
    });

  it('one cell per line with its border ("0 |"), a line of pipes for empty cells', () => {
    const values = withGaps();
    const lines = ['某某县财政局2022年政府信息公开工作年度报告', '一、总体情况', '本机关扎实推进政务公开工作。'];
    for (const s of tableRows(getForm(FORMAT), values)) {
      lines.push(s.title);
      // Trailing empty cells are written as one line of pipes, as pages copied from a CMS have them.
      for (const cells of s.rows) {
        let end = cells.length;
        while (end > 0 && cells[end - 1] === '') end--;
        for (const c of cells.slice(0, end)) lines.push(c === '' ? '|' : `${c} |`);
        if (end < cells.length) lines.push('|'.repeat(cells.length - end));
      }
    }
    const text = lines.join('\n');
    expect(text).toContain('35 |\n|\n|\n2 |');
    const [r] = importText(text, 'pipe-per-line.txt');
    expect(row1(Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.raw])))).toEqual([821, 35, null, null, 2, 1, 859]);
    expect(r.cells['T3:R4:total'].raw).toBe(values['T3:R4:total']);
  });
});
