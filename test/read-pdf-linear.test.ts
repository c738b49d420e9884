/**
 * The PDF reader in time proportional to its input: pieces of text, and the ruling lines its
 * tables are rebuilt from (core/read/pdf-tables.ts). The time for N and 4N is compared (processor
 * time, never absolute seconds): linear gives 4, quadratic 16; the bound is 8.
 * Before: each grid cell asked every line of its table whether it was drawn there, every piece of
 * text looked for its row one row at a time, and every pair of lines on a page was compared. A
 * page ruled as graph paper took 26 times as long for 2,000 lines as for 500 (4 s; 4,000 lines
 * 43 s, from a few KB of PDF); after, its lines are a drawing (past 20,000 grid cells) whose text
 * is read as lines, in about the same time. A long table of 4,000 rows took 6.5-15 times as long
 * as one of 1,000 (0.55 s against 0.08 s), 1.6-4 times after; pieces of text outside tables grew
 * linearly already: these two guard against a return.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'zlib';
import { manyTextItemsPdf, pdfOf } from '../bench/hostile-pdf';
import { readPdfBlocks } from '../core/read/pdf';
import { rulingTables, type Seg, type TextBit } from '../core/read/pdf-tables';
import '../core/node/read';

/** The processor time of `f` (ms), the least of `runs`: not the clock, which a busy machine stretches at random. */
async function ms(f: () => unknown, runs = 3): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = process.cpuUsage();
    await f();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

/** The time for the large input over the time for the small one, after a run of each to warm up. */
async function growth(small: () => unknown, large: () => unknown, runs = 3): Promise<number> {
  for (let k = 0; k < runs; k++) await small();
  await large();
  const a = await ms(small, runs);
  const b = await ms(large, runs);
  return b / Math.max(a, 1);
}

const COLUMNS = [0, 100, 160, 220, 280, 340];

/** A table of `rows` rows and five columns ruled from edge to edge, four pieces of text in each cell (page space). */
function longTable(rows: number): { bits: TextBit[]; segs: Seg[] } {
  const top = rows * 12;
  const segs: Seg[] = [];
  for (let r = 0; r <= rows; r++) segs.push({ x0: 0, x1: 340, y0: top - r * 12, y1: top - r * 12 });
  for (const x of COLUMNS) segs.push({ x0: x, x1: x, y0: 0, y1: top });
  const bits: TextBit[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < 5; c++)
      for (let k = 0; k < 4; k++) bits.push({ str: String((r + k) % 10), x: COLUMNS[c] + 2 + k * 10, y: top - r * 12 - 9, w: 5, size: 8 });
  return { bits, segs };
}

/** One page of `lines` ruling lines, half across and half down, 3 pt apart, with one word in a corner. */
function graphPaper(lines: number): Uint8Array {
  const k = lines / 2;
  const ops = ['0.1 w'];
  for (let i = 0; i < k; i++) ops.push(`0 ${i * 3} m ${(k - 1) * 3} ${i * 3} l S`);
  for (let i = 0; i < k; i++) ops.push(`${i * 3} 0 m ${i * 3} ${(k - 1) * 3} l S`);
  ops.push('BT /F1 2 Tf 1 1 Td (Grid) Tj ET');
  return new Uint8Array(
    pdfOf([
      '<</Type/Catalog/Pages 2 0 R>>',
      '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
      { dict: '/Filter/FlateDecode', stream: deflateSync(Buffer.from(ops.join('\n'))) },
      '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
    ]),
  );
}

describe('the PDF reader grows linearly with its input', () => {
  it('a long table: 1,000 then 4,000 rows, 20,000 then 80,000 pieces of text', async () => {
    const [small, large] = [longTable(1_000), longTable(3_990)];
    const g = await growth(
      () => rulingTables(small.bits, small.segs),
      () => rulingTables(large.bits, large.segs),
    );
    expect(g).toBeLessThan(8);
  }, 60_000);

  it('the long table read in place: every row, each cell its own text', () => {
    const { bits, segs } = longTable(3_990);
    const { tables, rest } = rulingTables(bits, segs);
    expect(rest).toEqual([]);
    expect(tables).toHaveLength(1);
    const rows = tables[0].rows;
    expect(rows).toHaveLength(3_990);
    expect(rows[3_989].map((c) => c.text)).toEqual(Array(5).fill('9 0 1 2'));
    expect(rows[3_989].map((c) => c.col)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a page ruled as graph paper: 500 then 2,000 lines; its text is still read', async () => {
    const [small, large] = [graphPaper(500), graphPaper(2_000)];
    const g = await growth(
      () => readPdfBlocks(small, 'grid.pdf'),
      () => readPdfBlocks(large, 'grid.pdf'),
    );
    expect(g).toBeLessThan(8);
    // A million grid cells are a drawing, not a table: its word is a line of text.
    expect(await readPdfBlocks(large, 'grid.pdf')).toEqual([{ kind: 'text', text: 'Grid' }]);
  }, 120_000);

  it('pieces of text on a page: 5,000 then 20,000', async () => {
    const [small, large] = [new Uint8Array(manyTextItemsPdf(5_000)), new Uint8Array(manyTextItemsPdf(20_000))];
    const g = await growth(
      () => readPdfBlocks(small, 'items.pdf'),
      () => readPdfBlocks(large, 'items.pdf'),
    );
    expect(g).toBeLessThan(8);
  }, 120_000);
});
