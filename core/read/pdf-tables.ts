/**
 * Tables of a PDF page rebuilt from its ruling lines: segments that touch form a table; the
 * distinct x of its vertical lines are column edges, the distinct y of its horizontal lines row
 * edges; two neighbouring grid cells with no border between them are one merged cell. Each piece
 * of text goes to the cell under its centre; a cell's lines are joined (labels wrapped over two or
 * three lines read as one). Page space: y grows upwards.
 */
import type { BlockCell } from './blocks';
import { splitAtBorders, type GlyphBit } from './pdf-glyphs';

export interface Seg {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export type TextBit = GlyphBit;

const TOL = 2;
/** Segments per page considered at most (a drawing, not a table, past that). */
const MAX_SEGS = 4000;
/**
 * Grid cells of one table at most (a report's largest table has a few hundred): past that the
 * lines are a drawing (graph paper, a chart's grid), and its text is read as lines. A grid grows
 * with the square of its lines: 2,000 across and 2,000 down are 4 million cells.
 */
const MAX_GRID = 20_000;

/** The first index in [0, n) where `ok` holds, `ok` false then true along the indices; n if none. */
function firstWhere(n: number, ok: (i: number) => boolean): number {
  let [a, b] = [0, n];
  while (a < b) {
    const m = (a + b) >> 1;
    if (ok(m)) b = m;
    else a = m + 1;
  }
  return a;
}

/** The indices [start, end) where lo <= f(i) <= hi, for f non-decreasing over [0, n). */
const span = (n: number, f: (i: number) => number, lo: number, hi: number): [number, number] => [
  firstWhere(n, (i) => f(i) >= lo),
  firstWhere(n, (i) => f(i) > hi),
];

/** Values closer than TOL become one (their mean). */
function cluster(vals: number[]): number[] {
  const s = [...vals].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const touches = (a: Seg, b: Seg) => a.x0 <= b.x1 + TOL && b.x0 <= a.x1 + TOL && a.y0 <= b.y1 + TOL && b.y0 <= a.y1 + TOL;

/**
 * Segments that touch, as groups (union-find). Each segment is compared only with those starting
 * within its reach along one axis (sorted by where they start), the axis that leaves fewer pairs:
 * a long table's row lines reach only their neighbours up and down, where comparing every pair
 * took the square of its lines (16 million pairs on a page of 4,000).
 */
function groups(segs: Seg[]): Seg[][] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const sweep = (axis: 'x' | 'y') => {
    const lo = (s: Seg) => (axis === 'x' ? s.x0 : s.y0);
    const hi = (s: Seg) => (axis === 'x' ? s.x1 : s.y1);
    // A segment with a coordinate that is no number touches nothing (nor is it sorted).
    const order = segs
      .map((_, i) => i)
      .filter((i) => !Number.isNaN(lo(segs[i])) && !Number.isNaN(hi(segs[i])))
      .sort((a, b) => lo(segs[a]) - lo(segs[b]) || 0);
    const starts = order.map((i) => lo(segs[i]));
    // The end of each segment's window: the first segment starting past its reach.
    const ends = order.map((i) => firstWhere(starts.length, (q) => starts[q] > hi(segs[i]) + TOL));
    return { order, ends, pairs: ends.reduce((n, e, p) => n + e - p, 0) };
  };
  const [a, b] = [sweep('x'), sweep('y')];
  const { order, ends } = a.pairs <= b.pairs ? a : b;
  for (let p = 0; p < order.length; p++)
    for (let q = p + 1; q < ends[p]; q++) if (touches(segs[order[p]], segs[order[q]])) parent[find(order[p])] = find(order[q]);
  const by = new Map<number, Seg[]>();
  segs.forEach((s, i) => {
    const r = find(i);
    if (!by.has(r)) by.set(r, []);
    by.get(r)!.push(s);
  });
  return [...by.values()];
}

const CJK = /^[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
const LATIN = /^[A-Za-z]/;
/** The last character of a string (a code unit, as a pattern without the u flag reads it). */
const lastOf = (s: string) => s.slice(-1);

/**
 * A cell's pieces of text → its text: lines top to bottom, wrapped lines joined. How the text so
 * far ends is kept aside, not asked of the text (a pattern ending in $ reads the whole string: a
 * cell of thousands of lines took the square of its length).
 */
function cellText(bits: TextBit[]): string {
  const sorted = [...bits].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: TextBit[][] = [];
  for (const b of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0].y - b.y) <= b.size * 0.4) last.push(b);
    else lines.push([b]);
  }
  const parts: string[] = [];
  let textEnd = '';
  for (const line of lines) {
    const pieces: string[] = [];
    let lineEnd = '';
    let end = -Infinity;
    for (const b of line.sort((p, q) => p.x - q.x)) {
      if (lineEnd && b.x - end > b.size * 0.5 && !(CJK.test(lineEnd) && CJK.test(b.str))) pieces.push(' ');
      pieces.push(b.str);
      if (b.str) lineEnd = lastOf(b.str);
      end = b.x + b.w;
    }
    const t = pieces.join('').trim();
    if (!t) continue;
    // Wrapped lines join without a space, except between two words of Latin letters.
    parts.push(LATIN.test(textEnd) && LATIN.test(t) ? ` ${t}` : t);
    textEnd = lastOf(t);
  }
  return parts.join('');
}

interface Table {
  top: number;
  bottom: number;
  rows: BlockCell[][];
}

/** How a row label or a block header starts (1. （一） 一、 第二十条第（八）项): a row of its own, never the rest of the row above. */
const NUMBERED = /^(\d+[.．、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条)/;

/**
 * A row broken across a page: its first part ends the table on one page, the rest starts the
 * table on the next (a label's last characters, a wrapped figure's last digits). When every text
 * of the next table's first row continues a cell of the last row (same column, not a numbered
 * label of its own), the parts are joined cell by cell; its empty cells that span further rows
 * lower, empty. Not a continuation: a cell wider than the cell above it (a block header spanning
 * the table), or a row that continues every filled cell of the last row (a whole row of its own:
 * a row broken by a page leaves its short cells, the figures, finished above).
 */
export function joinBrokenRow(prev: BlockCell[][], next: BlockCell[][]): BlockCell[][] {
  const lastRow = prev.length - 1;
  const first = next[0];
  if (lastRow < 0 || !first || next.length < 2) return next;
  // The cell over each column of the last row: its own, or one spanning down from a row above.
  const at = new Map<number | undefined, BlockCell>();
  prev.forEach((row, r) => {
    for (const c of row) if (r + c.rowSpan - 1 >= lastRow) at.set(c.col, c);
  });
  const texts = first.filter((c) => c.text.trim());
  // "第二十条第" + "（九）项": a numbering that completes the text above it is a continuation, not a row of its own.
  const own = (c: BlockCell) =>
    (NUMBERED.test(c.text.trim()) && !/第$/.test(at.get(c.col)!.text.trim())) || c.colSpan > at.get(c.col)!.colSpan;
  if (!texts.length || texts.some((c) => !at.get(c.col)?.text.trim() || own(c))) return next;
  const filled = prev[lastRow].filter((c) => c.text.trim());
  if (filled.length >= 2 && filled.every((f) => texts.some((c) => at.get(c.col) === f))) return next;
  for (const c of texts) {
    const to = at.get(c.col)!;
    to.text += c.text.trim();
  }
  // Cells of the broken row that span further rows keep their place there, empty (their text went up).
  const moved = first.filter((c) => c.rowSpan > 1).map((c) => ({ ...c, text: '', rowSpan: c.rowSpan - 1 }));
  const second = [...moved, ...next[1]].sort((p, q) => (p.col ?? 0) - (q.col ?? 0));
  return [second, ...next.slice(2)];
}

/**
 * The parts of one table on successive pages share one column grid: a page where no row divides
 * two label columns draws one edge fewer, so each cell's columns are counted again on the union of
 * every part's column edges.
 */
export function alignColumns(parts: BlockCell[][][]): void {
  const cells = parts.flat(2).filter((c) => c.x0 !== undefined && c.x1 !== undefined);
  const edges = cluster(cells.flatMap((c) => [c.x0!, c.x1!]));
  // The nearest edge (the first of equals), found by halving: a table over many pages has many cells.
  const at = (x: number) => {
    if (Number.isNaN(x)) return 0;
    const i = firstWhere(edges.length, (k) => edges[k] >= x);
    let best = i === edges.length || (i > 0 && Math.abs(edges[i - 1] - x) <= Math.abs(edges[i] - x)) ? i - 1 : i;
    while (best > 0 && Math.abs(edges[best - 1] - x) <= Math.abs(edges[best] - x)) best--;
    return Math.max(best, 0);
  };
  for (const c of cells) {
    c.col = at(c.x0!);
    c.colSpan = Math.max(1, at(c.x1!) - c.col);
  }
}

/**
 * Where the grid's lines are drawn: cover[line * cells + i] is 1 when a segment lies on `line`
 * and reaches over the middle of cell i, from marks [line, first cell, end]. Each grid cell is
 * marked once, however many segments overlap it: time in proportion to the grid and the segments,
 * where asking every segment for every grid cell took seconds on a page of a few thousand lines.
 */
function coverage(lines: number, cells: number, marks: [number, number, number][]): Uint8Array {
  const cover = new Uint8Array(lines * cells);
  marks.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  let [line, upTo] = [-1, 0];
  for (const [l, a, b] of marks) {
    if (l !== line) [line, upTo] = [l, 0];
    for (let i = Math.max(a, upTo); i < b; i++) cover[l * cells + i] = 1;
    upTo = Math.max(upTo, b);
  }
  return cover;
}

/** How far past the outer horizontal line vertical lines must reach to close a row of their own. */
const OPEN_ROW = 6;

/**
 * Row edges, top first, with the edges a page break leaves undrawn: a table broken across pages
 * (as Word and WPS print it) may end its page with a row that has no border below it, or start the
 * next with one that has none above; the vertical lines of that row still reach down (or up) to
 * where the border would be, so two or more of them reaching past the outer line close the row there.
 */
function openEdges(ys: number[], vs: Seg[]): number[] {
  const below = vs.filter((s) => s.y0 < ys[ys.length - 1] - OPEN_ROW);
  const above = vs.filter((s) => s.y1 > ys[0] + OPEN_ROW);
  const out = [...ys];
  if (above.length >= 2) out.unshift(Math.min(...above.map((s) => s.y1)));
  if (below.length >= 2) out.push(Math.max(...below.map((s) => s.y0)));
  return out;
}

/** The tables drawn on a page, and the text outside them. */
export function rulingTables(bits: TextBit[], allSegs: Seg[]): { tables: Table[]; rest: TextBit[] } {
  const segs = allSegs.filter((s) => s.x1 - s.x0 > 3 || s.y1 - s.y0 > 3).slice(0, MAX_SEGS);
  const tables: Table[] = [];
  const used = new Set<TextBit>();
  for (const g of groups(segs)) {
    const hs = g.filter((s) => s.y1 - s.y0 <= TOL && s.x1 - s.x0 > 3);
    const vs = g.filter((s) => s.x1 - s.x0 <= TOL && s.y1 - s.y0 > 3);
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = cluster(vs.map((s) => (s.x0 + s.x1) / 2));
    const ys = openEdges(cluster(hs.map((s) => (s.y0 + s.y1) / 2)).reverse(), vs); // top first
    if (xs.length < 2 || ys.length < 2) continue;
    const nr = ys.length - 1;
    const nc = xs.length - 1;
    if (nr * nc > MAX_GRID) continue;
    // A vertical line is drawn at column edge k across row r when a segment lies within TOL of the
    // edge and reaches over the row's middle (a horizontal one likewise): looked up once for the grid.
    const rowMid = (r: number) => (ys[r] + ys[r + 1]) / 2;
    const colMid = (c: number) => (xs[c] + xs[c + 1]) / 2;
    const vMarks: [number, number, number][] = [];
    for (const s of vs) {
      const [k0, k1] = span(nc + 1, (i) => xs[i] - (s.x0 + s.x1) / 2, -TOL, TOL);
      // Row middles run downwards: counted from the bottom row they rise.
      const [a, b] = span(nr, (i) => rowMid(nr - 1 - i), s.y0 - TOL, s.y1 + TOL);
      for (let k = k0; k < k1 && a < b; k++) vMarks.push([k, nr - b, nr - a]);
    }
    const hMarks: [number, number, number][] = [];
    for (const s of hs) {
      const [i0, i1] = span(nr + 1, (i) => ys[nr - i] - (s.y0 + s.y1) / 2, -TOL, TOL);
      const [a, b] = span(nc, colMid, s.x0 - TOL, s.x1 + TOL);
      for (let i = i0; i < i1 && a < b; i++) hMarks.push([nr - i, a, b]);
    }
    const vCover = coverage(nc + 1, nr, vMarks);
    const hCover = coverage(nr + 1, nc, hMarks);
    const vAt = (k: number, r: number) => vCover[k * nr + r] === 1;
    const hAt = (r: number, c: number) => hCover[r * nc + c] === 1;
    // Grid cells with no border between them are one cell.
    const parent = Array.from({ length: nr * nc }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let r = 0; r < nr; r++)
      for (let c = 0; c < nc; c++) {
        if (c + 1 < nc && !vAt(c + 1, r)) parent[find(r * nc + c)] = find(r * nc + c + 1);
        if (r + 1 < nr && !hAt(r + 1, c)) parent[find(r * nc + c)] = find((r + 1) * nc + c);
      }
    const regions = new Map<number, { r0: number; c0: number; r1: number; c1: number; bits: TextBit[] }>();
    for (let r = 0; r < nr; r++)
      for (let c = 0; c < nc; c++) {
        const root = find(r * nc + c);
        const g0 = regions.get(root);
        if (!g0) regions.set(root, { r0: r, c0: c, r1: r, c1: c, bits: [] });
        else {
          g0.r0 = Math.min(g0.r0, r);
          g0.c0 = Math.min(g0.c0, c);
          g0.r1 = Math.max(g0.r1, r);
          g0.c1 = Math.max(g0.c1, c);
        }
      }
    // Text under each cell: a run split where it crosses a border drawn across its row, each piece by its centre.
    for (const b of bits) {
      const cx = b.x + b.w / 2;
      const cy = b.y + b.size * 0.3;
      if (cx < xs[0] || cx > xs[nc] || cy > ys[0] || cy < ys[nr]) continue;
      // The row and column found by halving (a page may hold thousands of lines and of pieces of text).
      const r = firstWhere(nr - 1, (i) => !(cy < ys[i + 1]));
      const cuts: number[] = [];
      // Only the borders the run reaches over are looked up.
      const [k0, k1] = [firstWhere(nc, (k) => xs[k] > b.x), firstWhere(nc, (k) => !(xs[k] < b.x + b.w))];
      for (let k = Math.max(1, k0); k < k1; k++) if (vAt(k, r)) cuts.push(xs[k]);
      for (const piece of splitAtBorders(b, cuts)) {
        const px = piece.x + piece.w / 2;
        const c = firstWhere(nc - 1, (i) => !(px > xs[i + 1]));
        regions.get(find(r * nc + c))!.bits.push(piece);
      }
      used.add(b);
    }
    // Grid rows and columns where no cell starts (a double line, a border slightly off) are folded away.
    const list = [...regions.values()];
    const rowStarts = new Set(list.map((x) => x.r0));
    const colStarts = new Set(list.map((x) => x.c0));
    const rowIndex: number[] = [];
    const colIndex: number[] = [];
    for (let r = 0, k = 0; r <= nr; r++) rowIndex[r] = rowStarts.has(r) ? k++ : k;
    for (let c = 0, k = 0; c <= nc; c++) colIndex[c] = colStarts.has(c) ? k++ : k;
    const rows: BlockCell[][] = Array.from({ length: rowStarts.size }, () => []);
    for (const x of list.sort((p, q) => p.r0 - q.r0 || p.c0 - q.c0)) {
      const r0 = rowIndex[x.r0];
      const rowSpan = Math.max(1, (x.r1 + 1 <= nr ? rowIndex[x.r1 + 1] : rowStarts.size) - r0);
      const c0 = colIndex[x.c0];
      const colSpan = Math.max(1, (x.c1 + 1 <= nc ? colIndex[x.c1 + 1] : colStarts.size) - c0);
      const doubt = x.bits.find((b) => b.doubt)?.doubt;
      rows[r0].push({ text: cellText(x.bits), rowSpan, colSpan, col: c0, x0: xs[x.c0], x1: xs[x.c1 + 1], ...(doubt ? { doubt } : {}) });
    }
    tables.push({ top: ys[0], bottom: ys[nr], rows });
  }
  return { tables, rest: bits.filter((b) => !used.has(b)) };
}
