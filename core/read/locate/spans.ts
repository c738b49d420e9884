/**
 * A value row whose merged cells do not line up with its header's. A page that copies the form by
 * hand may span 本年增/减 over two columns in the header and the first figure over two in the row
 * below (上海市人民政府办公厅 2019, 表二): by the table's columns the figure of 本年增/减 then
 * stands in no header's first column and reads blank. A person reads such a row as the page
 * shows it: as many cells as headers, each under its own header at least in part, pair in order;
 * a figure wholly under one header, alone there, is that header's. Anything else (a figure across
 * two headers with no such pairing, two figures under one header) is no reading to be sure of:
 * each column then keeps what its first column holds, with a doubt (cell.uncertain) saying why.
 */
import type { ReadNote } from '../../model/report';
import type { Grid, Merge } from '../grid';

/** Columns of a header cell or a row's cell, inclusive, 0-based. */
export interface Span {
  c0: number;
  c1: number;
}

/** Where a column of a row is read: the grid column of its cell, and why it is not sure, when not. */
export interface Placed {
  c: number;
  doubt?: ReadNote;
}

interface RowCell extends Span {
  filled: boolean;
}

const overlaps = (a: Span, b: Span) => a.c0 <= b.c1 && b.c0 <= a.c1;
const within = (a: Span, b: Span) => a.c0 >= b.c0 && a.c1 <= b.c1;

/** The merges of a grid that touch the rows r0..r1 and columns c0..c1 (only these can matter to a block). */
export function mergesIn(grid: Grid, r0: number, r1: number, c0: number, c1: number): Merge[] {
  return grid.merges.filter((m) => m.r0 <= r1 && m.r1 >= r0 && m.c0 <= c1 && m.c1 >= c0);
}

/**
 * The cells of row r from column l to column rr, or null when the row is not its own there (a
 * cell reaching down from a row above, or across the block's left or right edge).
 */
function rowCells(grid: Grid, r: number, l: number, rr: number, merges: Merge[]): RowCell[] | null {
  const out: RowCell[] = [];
  for (let x = l; x <= rr; x++) {
    const m = merges.find((k) => k.r0 <= r && k.r1 >= r && k.c0 <= x && k.c1 >= x);
    if (m && (m.r0 < r || m.c0 < l || m.c1 > rr)) return null;
    const c1 = m ? m.c1 : x;
    const cell = grid.cell(r, x);
    out.push({ c0: x, c1, filled: !!cell && ((cell.raw !== null && cell.raw !== '') || !!cell.formula) });
    x = c1;
  }
  return out;
}

/**
 * Where to read each column of row r, given its header cells' spans (in column order), or null
 * when each column's own first column is right (the usual case, and every case this rule cannot
 * judge: the row is then read as before).
 */
export function placeUnderHeaders(grid: Grid, r: number, heads: Span[], merges: Merge[]): Placed[] | null {
  if (!heads.length) return null;
  for (let j = 1; j < heads.length; j++) if (heads[j].c0 <= heads[j - 1].c1) return null;
  const l = heads[0].c0;
  const rr = heads[heads.length - 1].c1;
  const cells = rowCells(grid, r, l, rr, merges);
  if (!cells) return null;
  // Headers side by side, as many cells as headers, each under its own at least in part: in order.
  // (A cell wholly under one header overlaps no other, so it is never moved from it.)
  const sideBySide = heads.every((h, j) => !j || h.c0 === heads[j - 1].c1 + 1);
  let placed: Placed[];
  if (sideBySide && cells.length === heads.length && cells.every((b, j) => overlaps(b, heads[j]))) {
    placed = cells.map((b) => ({ c: b.c0 }));
  } else {
    placed = heads.map((h): Placed => {
      const figures = cells.filter((b) => b.filled && overlaps(b, h));
      if (figures.length === 0) return { c: h.c0 };
      if (figures.length === 1 && within(figures[0], h)) return { c: figures[0].c0 };
      // What the header's first column holds, said to be unsure: a figure there, or a blank one of them may fill.
      const own = cells.find((b) => b.c0 === h.c0 && b.filled);
      const text = own ? String(grid.cell(r, own.c0)?.raw ?? grid.cell(r, own.c0)?.formula ?? '') : '';
      const doubt: ReadNote = own ? { key: 'doubt.spans', params: { text } } : { key: 'doubt.spans_blank', params: {} };
      return { c: h.c0, doubt };
    });
  }
  return placed.every((p, j) => p.c === heads[j].c0 && !p.doubt) ? null : placed;
}
