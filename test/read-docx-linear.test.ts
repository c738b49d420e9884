/**
 * The Word reader (core/read/docx.ts) in time proportional to its input. The time for N and 4N is
 * compared (processor time, never absolute seconds): linear gives 4, quadratic 16; the bound is 8.
 * Before: a cell merged down from the row above looked for its restart by reading the whole row
 * above, so a row of 80,000 merged cells took 12-16 times as long as one of 20,000 (several
 * seconds); after, about 4. Runs and paragraphs were linear already (guarded here).
 */
import { describe, expect, it } from 'vitest';
import { documentBlocks } from '../core/read/docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
const cell = (merge: string, t: string) => `<w:tc><w:tcPr><w:vMerge${merge}/></w:tcPr><w:p>${run(t)}</w:p></w:tc>`;

/** A table of two rows of `n` cells, each of the first merged down over the second. */
const mergedRow = (n: number) =>
  doc(`<w:tbl><w:tr>${cell(' w:val="restart"', '1').repeat(n)}</w:tr><w:tr>${cell('', '').repeat(n)}</w:tr></w:tbl>`);
/** One paragraph of `n` runs. */
const manyRuns = (n: number) => doc(`<w:p>${Array.from({ length: n }, (_, i) => run(String(i % 10))).join('')}</w:p>`);

/** The processor time of reading `xml` (ms), the least of three runs. */
function ms(xml: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = process.cpuUsage();
    documentBlocks(xml);
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

function growth(make: (n: number) => string, n: number): number {
  const [small, large] = [make(n), make(4 * n)];
  documentBlocks(small); // warm up the parser's code before measuring
  return ms(large) / Math.max(ms(small), 1);
}

describe('the Word reader grows linearly with its input', () => {
  it('a row of 20,000 then 80,000 cells merged down', () => {
    expect(growth(mergedRow, 20_000)).toBeLessThan(8);
  }, 120_000);

  it('the merged row read as merged: one row of cells spanning two', () => {
    const [table] = documentBlocks(mergedRow(1_000));
    expect(table.kind).toBe('table');
    const rows = (table as Extract<typeof table, { kind: 'table' }>).rows;
    expect(rows[0]).toHaveLength(1_000);
    expect(rows[0].every((c) => c.rowSpan === 2 && c.text === '1')).toBe(true);
    expect(rows[1]).toEqual([]);
  });

  it('a paragraph of 20,000 then 80,000 runs', () => {
    expect(growth(manyRuns, 20_000)).toBeLessThan(8);
  }, 120_000);
});
