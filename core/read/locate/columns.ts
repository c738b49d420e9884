/**
 * Placing a block's columns: header cells above it aligned with the column specs (merges of
 * parent headers keep 表四's groups apart), the rest by position; in published text, a data row's
 * cells in order.
 */
import type { BlockSpec, ColumnSpec, TableSpec } from '../../forms';
import type { GridCell } from '../grid';
import { compareLabel } from '../labels';
import { align, type Pair } from './align';
import { BoundedCache } from '../cache';
import { note, type Notes } from '../notes';
import { looseNote, matchColumn, type Matched } from './match';
import { textId, type Scan, type TextCell } from './scan';
import type { BlockPlace } from './tables';

/**
 * Right edge of the label area of a block: the rightmost label cell (with its merge) of its rows,
 * counting, in rows matched by label, only the cells that matched.
 */
function labelRight(sc: Scan, place: BlockPlace): number {
  let right = -1;
  for (const r of place.rows.values()) {
    const edge = place.labelEdges?.get(r);
    if (edge !== undefined) {
      right = Math.max(right, edge);
      continue;
    }
    const info = sc.byRow.get(r);
    if (!info) continue;
    for (const l of info.labels) right = Math.max(right, l.c1);
  }
  return right;
}

/** Header cells above a block (sheet grids): align them, in column order, with the block's columns. */
export function placeColumns(
  sc: Scan,
  table: TableSpec,
  block: BlockSpec,
  place: BlockPlace,
  firstRow: number,
  top: number,
  notes: Notes,
): void {
  const right = labelRight(sc, place);
  const items = sc.texts.filter((t) => t.r >= top && t.r < firstRow && t.c > right);
  items.sort((a, b) => a.c - b.c || a.r - b.r);
  const cols = block.columns;
  const found = alignHeaders(items, cols, sc, table, notes);
  assignColumns(place, cols, found, right, table, notes);
}

type HeaderAlignment = { pairs: Pair[]; matched: (Matched | null)[] };

/**
 * Header alignments by the column specs, then by the header cells: grid kind, and each cell's text
 * with its row, column and merge's right column relative to the cells' top-left (alignment only
 * compares positions with each other, so a table moved elsewhere aligns the same).
 */
const headerCaches = new WeakMap<ColumnSpec[], BoundedCache<string, HeaderAlignment>>();

/** Align header cells with column specs; merges of parent headers keep 表四's groups apart. */
export function alignHeaders(items: TextCell[], cols: ColumnSpec[], sc: Scan, table: TableSpec, notes: Notes): Map<number, TextCell> {
  let cache = headerCaches.get(cols);
  if (!cache) headerCaches.set(cols, (cache = new BoundedCache(2000)));
  let r0 = Infinity;
  let c0 = Infinity;
  for (const t of items) {
    if (t.r < r0) r0 = t.r;
    if (t.c < c0) c0 = t.c;
  }
  let key = sc.grid.kind === 'sheet' ? 's' : 't';
  for (const t of items) key += `${t.r - r0},${t.c - c0},${t.c1 - c0},${textId(t.text)};`;
  const al = cache.through(key, () => alignHeadersUncached(items, cols, sc));
  const found = new Map<number, TextCell>();
  al.pairs.forEach((p, k) => {
    found.set(p.j, items[p.i]);
    const m = al.matched[k];
    if (m && m.match.quality === 'loose') looseNote(notes, table, 'column', m.text, cols[p.j].header[cols[p.j].header.length - 1]);
  });
  return found;
}

function alignHeadersUncached(items: TextCell[], cols: ColumnSpec[], sc: Scan): HeaderAlignment {
  const parentsOf = (t: TextCell): string[] => {
    // Header cells above t whose span covers its column, nearest first.
    return items
      .filter((p) => p.r < t.r && p.c <= t.c && p.c1 >= t.c)
      .sort((a, b) => b.r - a.r)
      .map((p) => p.text);
  };
  const allParents = new Set(cols.flatMap((c) => c.header.slice(0, -1)));
  const matches: (Matched | null)[] = new Array(items.length * cols.length).fill(null);
  const pairs = align(items.length, cols.length, (i, j) => {
    const m = matchColumn(items[i].text, cols[j]);
    if (!m) return 0;
    matches[i * cols.length + j] = m;
    let s = m.match.score;
    const path = cols[j].header;
    if (path.length > 1 && sc.grid.kind === 'sheet') {
      const own = path[path.length - 2];
      const ps = parentsOf(items[i]);
      if (ps.length) {
        const p = ps[0];
        const mine = compareLabel(p, own);
        if (mine) s += 0.05;
        else if ([...allParents].some((o) => o !== own && compareLabel(p, o)?.quality === 'exact')) s -= 0.4;
      }
    }
    return Math.max(s, 0);
  });
  return { pairs, matched: pairs.map((p) => matches[p.i * cols.length + p.j]) };
}

/** Columns found by header, kept in increasing order; the others by position where the gaps allow. */
export function assignColumns(
  place: BlockPlace,
  cols: ColumnSpec[],
  found: Map<number, TextCell>,
  right: number,
  table: TableSpec,
  notes: Notes,
): void {
  const colOf = new Map<number, number>();
  for (const [j, t] of found) colOf.set(j, t.c);
  // Keep only an increasing chain (a stray match out of order is dropped).
  let last = -1;
  for (let j = 0; j < cols.length; j++) {
    const c = colOf.get(j);
    if (c === undefined) continue;
    if (c <= last) colOf.delete(j);
    else last = c;
  }
  const byPos: string[] = [];
  for (let j = 0; j < cols.length; j++) {
    if (colOf.has(j)) continue;
    let a = j - 1;
    while (a >= 0 && !colOf.has(a)) a--;
    let b = j + 1;
    while (b < cols.length && !colOf.has(b)) b++;
    const ca = a >= 0 ? colOf.get(a)! : right;
    if (b < cols.length) {
      const cb = colOf.get(b)!;
      if (cb - ca - 1 < b - a - 1) continue;
    }
    // Either the gap has room for exactly the missing columns or it is at the right end: by position.
    colOf.set(j, ca + (j - a));
    byPos.push(cols[j].short ?? cols[j].header[cols[j].header.length - 1]);
  }
  if (byPos.length) {
    notes.add(note(found.size ? 'locate.columns_by_position' : 'locate.no_header', { table: table.key, columns: byPos }));
  }
  for (let j = 0; j < cols.length; j++) if (colOf.has(j)) place.cols.set(cols[j].key, colOf.get(j)!);
  // Every column under a header cell of its own: their spans, for rows whose merges differ (spans.ts).
  if (!byPos.length && cols.every((_, j) => colOf.get(j) === found.get(j)?.c))
    place.heads = cols.map((_, j) => ({ c0: found.get(j)!.c, c1: found.get(j)!.c1 }));
}

/** Published text: the cells of a data row are in order but not under their headers. */
/**
 * The value of column k of a text row. Tabs and pipes keep empty cells, so a value's place after
 * the label is its column (`| 一、本年新收… | 821 | 35 |  |  | 2 | 1 | 859 |` leaves 科研机构 and
 * 社会公益组织 empty); empty places right after the label beyond the table's width are the label's
 * merged cells. A row with more values than columns keeps them in order, as before.
 */
export function textPositions<T extends { c: number }>(values: T[], start: number, columns: number): (k: number) => T | undefined {
  if (!values.length) return () => undefined;
  const span = values[values.length - 1].c - start + 1;
  const shift = Math.max(0, span - columns);
  if (values[0].c - start >= shift) {
    const byPlace = new Map(values.map((v) => [v.c - start - shift, v]));
    return (k) => byPlace.get(k);
  }
  return (k) => values[k];
}

export function placeTextColumns(sc: Scan, table: TableSpec, block: BlockSpec, place: BlockPlace, notes: Notes): void {
  const textCells = new Map<string, Map<string, { c: number; cell: GridCell | undefined }>>();
  for (const [rowKey, r] of place.rows) {
    const info = sc.byRow.get(r);
    const m = new Map<string, { c: number; cell: GridCell | undefined }>();
    textCells.set(rowKey, m);
    if (!info) continue;
    const lastLabel = info.labels.length ? info.labels[info.labels.length - 1].c : -1;
    const values = info.cells.filter((x) => x.c > lastLabel);
    const at = textPositions(values, lastLabel + 1, block.columns.length);
    block.columns.forEach((col, k) => {
      const v = at(k);
      m.set(col.key, v ? { c: v.c, cell: v.cell } : { c: -1, cell: undefined });
    });
  }
  place.textCells = textCells;
  // Headers are only used to note loose column labels.
  const rs = [...place.rows.values()];
  const first = Math.min(...rs);
  const items = sc.texts.filter((t) => t.r < first && t.r >= first - 4);
  items.sort((a, b) => a.r - b.r || a.c - b.c);
  alignHeaders(items, block.columns, sc, table, notes);
}
