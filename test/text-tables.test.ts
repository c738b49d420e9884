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

/** Display width: CJK and full-width characters are two columns wide. */
const displayWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uff60\u3000-\u303f]/.test(ch) ? 2 : 1), 0);

/**
 * The tables laid out as `pdftotext -layout` does: every column at its own character columns
 * (widths from the data and the headers with none under them; a merged header runs on to the right),
 * numbers to the right of their column, empty cells as spaces.
 */
function alignedText(values: Record<string, Raw>): string {
  const lines = ['某某县财政局2022年政府信息公开工作年度报告', '一、总体情况', '本机关扎实推进政务公开工作。'];
  for (const s of tableRows(getForm(FORMAT), values)) {
    lines.push(s.title);
    // A header with a header under it (法人或其他组织 over 商业企业) is merged over its columns: it sizes none.
    const parent = (i: number, j: number) => s.headerRows.includes(i) && s.headerRows.includes(i + 1) && !!s.rows[i + 1][j];
    const cols = Math.max(...s.rows.map((r) => r.length));
    const widths = Array.from({ length: cols }, (_, j) =>
      Math.max(4, ...s.rows.map((r, i) => (r.length > 1 && !parent(i, j) ? displayWidth(r[j] ?? '') : 0))),
    );
    const x = widths.map((_, j) => widths.slice(0, j).reduce((a, w) => a + w + 3, 0));
    for (const r of s.rows) {
      if (r.length === 1) {
        lines.push(r[0]);
        continue;
      }
      let line = '';
      r.forEach((c, j) => {
        if (!c) return;
        const at = /^[0-9.]+$/.test(c) ? x[j] + widths[j] - displayWidth(c) : x[j];
        line += ' '.repeat(Math.max(displayWidth(line) ? 2 : 0, at - displayWidth(line))) + c;
      });
      lines.push(line);
    }
  }
  return lines.join('\n');
}

describe('runs of spaces: columns inferred from where the values stand', () => {
  it('values under the header columns, empty cells as spaces, CJK two columns wide', () => {
    const values = withGaps();
    const text = alignedText(values);
    const line = text.split('\n').find((l) => l.startsWith('一、本年新收'))!;
    expect(line).toMatch(/ 35 {10,}2 /);
    expect(text).toContain('（本列数据的勾稽关系为');
    const [r] = importText(text, 'aligned.txt');
    const raw = Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.raw]));
    expect(row1(raw)).toEqual([821, 35, null, null, 2, 1, 859]);
    expect(raw['T4:R1:review.corrected']).toBeNull();
    expect(raw['T4:R1:review.other']).toBe(values['T4:R1:review.other']);
    for (const id of Object.keys(values)) expect(raw[id] ?? null, id).toEqual(values[id] ?? null);
  });
});
