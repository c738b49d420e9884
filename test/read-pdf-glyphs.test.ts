/**
 * Text runs drawn across cell borders (issue 18, item 7): glyph positions decide cells. PDFs
 * written with every glyph placed exactly (test/helpers/pdf-writer.ts): a label and its figure in
 * one run (pdf.js reads `行政规范性文件58` as one item), figures starting left of their cell's
 * border (too wide for the cell, as a clipped spreadsheet cell prints them).
 */
import { describe, expect, it } from 'vitest';
import { checkInput } from '../core/checkfile';
import { readInput, reportsOf } from '../core/read/input';
import { advances, splitAtBorders } from '../core/read/pdf-glyphs';
import '../core/node/read';
import { reportPdfCid } from './helpers/pdf-writer';
import { cellIds, fullValues, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const year = 2023;
const agency = '某某县财政局';
const values: Record<string, Raw> = {
  ...fullValues('2021', balancedValues('2021')),
  'T2:normative:issued': 58,
  'T2:fees:amount': 4166.2416,
};

describe('a run crossing a ruling line is split there', () => {
  it('a label and its figure drawn as one run: the label keeps its words, the figure goes to its cell', async () => {
    const pdf = reportPdfCid('2021', values, { year, agency, runs: { joined: ['T2:normative:issued', 'T2:licensing:decisions'] } });
    const [r] = reportsOf(await readInput(pdf, 'joined.pdf'), 'joined.pdf');
    for (const id of cellIds('2021')) expect(r.cells[id]?.raw, id).toBe(values[id]);
    const res = await checkInput(pdf, 'joined.pdf');
    expect(res.reports[0].findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('a figure reaching over its border is read whole, with a warning that says so', async () => {
    const pdf = reportPdfCid('2021', values, {
      year,
      agency,
      runs: { joined: ['T2:fees:amount'], shifted: { 'T2:fees:amount': 1.5, 'T3:R1:natural': 0.6 } },
    });
    const [r] = reportsOf(await readInput(pdf, 'shifted.pdf'), 'shifted.pdf');
    for (const id of cellIds('2021')) expect(r.cells[id]?.raw, id).toBe(values[id]);
    const res = await checkInput(pdf, 'shifted.pdf');
    const found = res.reports[0].findings.filter((f) => f.severity !== 'notice');
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.instance}`)).toEqual([
      'warning cell.uncertain T2:fees:amount',
      'warning cell.uncertain T3:R1:natural',
    ]);
    expect(found[0].message).toContain('4166.2416');
    expect(found[0].message).toMatch(/跨越了单元格边线/);
    const en = await checkInput(pdf, 'shifted.pdf', { lang: 'en' });
    expect(en.reports[0].findings.find((f) => f.rule === 'cell.uncertain')!.message).toMatch(/cross a cell border/);
  });
});

describe('glyph advances and splitting', () => {
  it('CJK characters are one em; the other characters share the rest of the width', () => {
    expect(advances({ str: '规章12', w: 30, size: 10 })).toEqual([10, 10, 5, 5]);
    // A font whose figures are as wide as its CJK characters (DW 1000).
    expect(advances({ str: '章12', w: 30, size: 10 })).toEqual([10, 10, 10]);
  });
  it('a word is never cut: it goes to the cell holding most of it', () => {
    const bit = { str: '行政强制9', x: 0, y: 0, w: 45, size: 10 };
    expect(splitAtBorders(bit, [38]).map((b) => b.str)).toEqual(['行政强制', '9']);
    expect(splitAtBorders(bit, [200])).toEqual([bit]);
    const figure = splitAtBorders({ str: '4166.2416', x: 0, y: 0, w: 45, size: 10 }, [8]);
    expect(figure.map((b) => [b.str, !!b.doubt])).toEqual([['4166.2416', true]]);
    expect(figure[0].x + figure[0].w / 2).toBeGreaterThan(8);
  });
});
