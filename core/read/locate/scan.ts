/**
 * A sheet scanned once: its text cells by row (with their merges), each row's labels and values.
 * Everything after works on the scan, never on the whole grid again.
 */
import type { CellRead } from '../../model/report';
import type { Grid, GridCell, Merge } from '../grid';
import { labelParts } from '../labels';
import { BoundedCache } from '../cache';

// ---------------------------------------------------------------------------------------------
// Sparse access to grids

type CellVisitor = (r: number, c: number, cell: GridCell) => void;
const sparse = new WeakMap<Grid, (fn: CellVisitor) => void>();

/** Readers whose grids are sparse register an iterator, so that scanning never walks empty space. */
export function registerSparse(grid: Grid, each: (fn: CellVisitor) => void): void {
  sparse.set(grid, each);
}

const DENSE_LIMIT = 4_000_000;

/** Every cell of the grid that holds something (its real cells only, for a sheet: see registerSparse). */
export function eachCell(grid: Grid, fn: CellVisitor): void {
  const it = sparse.get(grid);
  if (it) return it(fn);
  let rows = grid.rows;
  let cols = grid.cols;
  if (rows * cols > DENSE_LIMIT) {
    // a grid without an iterator that claims a huge range: scan its top-left
    cols = Math.min(cols, 256);
    rows = Math.min(rows, Math.floor(DENSE_LIMIT / cols));
  }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cell = grid.cell(r, c);
      if (cell && (cell.raw !== null || cell.formula)) fn(r, c, cell);
    }
}

// ---------------------------------------------------------------------------------------------
// A scanned sheet: text cells by row, merges by top-left

export interface TextCell {
  r: number;
  c: number;
  text: string;
  r1: number;
  c1: number;
}
export interface RowInfo {
  r: number;
  labels: TextCell[];
  cells: { c: number; cell: GridCell }[];
  /** The row's label texts, encoded one-to-one (see rowSig); computed when first needed. */
  sig?: string;
}

export interface Scan {
  grid: Grid;
  rows: RowInfo[]; // rows with any cell, in order
  byRow: Map<number, RowInfo>;
  texts: TextCell[];
  /** Merges by top-left: row → column → merge. */
  mergeAt: Map<number, Map<number, Merge>>;
  /** labelParts(text).norm of every text cell, in order; computed when first needed. */
  norms?: string[];
  /** Which signature words (see sigWords) its texts hold; computed when first needed. */
  words?: Uint8Array;
}

/** Text that is a value, a placeholder or a unit rather than a label. */
const VALUE_LIKE = /^[\s\d０-９.,，．。+\-－—–―/／\\、:：%％()（）件个项万元无空缺nNaA]*$/;
/** Excel's error values (#REF!, #N/A …): what a value cell holds when its formula fails, never a label. */
const FORMULA_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;
const isValueLikeUncached = (s: string) => VALUE_LIKE.test(s) || /^(无|空|暂无|不适用|\/)$/.test(s.trim()) || FORMULA_ERROR.test(s.trim());
const valueLike = new BoundedCache<string, boolean>(20000);
export function isValueLike(s: string): boolean {
  return valueLike.through(s, () => isValueLikeUncached(s));
}
/** Text long enough to be a paragraph, not a label. */
const MAX_LABEL = 90;

export function scan(grid: Grid): Scan {
  const mergeAt = new Map<number, Map<number, Merge>>();
  for (const m of grid.merges) {
    let row = mergeAt.get(m.r0);
    if (!row) mergeAt.set(m.r0, (row = new Map()));
    row.set(m.c0, m);
  }
  const byRow = new Map<number, RowInfo>();
  eachCell(grid, (r, c, cell) => {
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = { r, labels: [], cells: [] }));
    row.cells.push({ c, cell });
  });
  const rows = sorted([...byRow.values()], (a, b) => a.r - b.r);
  for (const row of rows) sorted(row.cells, (a, b) => a.c - b.c);
  return withLabels(grid, rows, mergeAt);
}

/** The part of a scanned sheet inside an area (one of several reports on it), scanned anew. */
export function areaScan(sc: Scan, area: Area): Scan {
  const rows: RowInfo[] = [];
  for (const row of sc.rows) {
    if (row.r < area.r0 || row.r > area.r1) continue;
    const cells = row.cells.filter((x) => x.c >= area.c0 && x.c <= area.c1);
    if (cells.length) rows.push({ r: row.r, labels: [], cells });
  }
  return withLabels(sc.grid, rows, sc.mergeAt);
}

/** An area of a sheet, inclusive, 0-based. */
export interface Area {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** Text cells and each row's labels, for rows whose cells are in column order. */
function withLabels(grid: Grid, rows: RowInfo[], mergeAt: Map<number, Map<number, Merge>>): Scan {
  const byRow = new Map<number, RowInfo>();
  const texts: TextCell[] = [];
  for (const row of rows) {
    byRow.set(row.r, row);
    let firstValue = -1;
    for (const { c, cell } of row.cells) {
      if (typeof cell.raw === 'string' && !isValueLike(cell.raw)) {
        const m = mergeAt.get(row.r)?.get(c);
        const t: TextCell = { r: row.r, c, text: cell.raw, r1: m ? m.r1 : row.r, c1: m ? m.c1 : c };
        texts.push(t);
        // A row's labels are the text cells before its first value (a word in a value cell is no label).
        if (cell.raw.length <= MAX_LABEL && firstValue < 0) row.labels.push(t);
      } else if (firstValue < 0 && (cell.raw !== null || cell.formula)) firstValue = c;
    }
  }
  return { grid, rows, byRow, texts, mergeAt };
}

/** a.sort(cmp), skipped when a is already in order (sort is stable, so the result is the same). */
function sorted<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  for (let i = 1; i < a.length; i++) if (cmp(a[i - 1], a[i]) > 0) return a.sort(cmp);
  return a;
}

/** labelParts(text).norm of every text cell of the scan, in order. */
export function gridTexts(sc: Scan): string[] {
  return (sc.norms ??= sc.texts.map((t) => labelParts(t.text).norm));
}

/**
 * A number per distinct text, never reused (the table is bounded: when cleared, texts get new
 * numbers), so that sequences of texts make short cache keys.
 */
const textIds = new BoundedCache<string, number>(50000);
let nextTextId = 1;
export function textId(s: string): number {
  return textIds.through(s, () => nextTextId++);
}

/**
 * A row's label texts encoded one-to-one (their text numbers, each followed by "," and the row by
 * ";"): two rows have the same code exactly when their label texts are the same, and a sequence of
 * codes is a code of the sequence of rows. Everything row matching looks at.
 */
export function rowSig(row: RowInfo): string {
  let s = row.sig;
  if (s === undefined) {
    s = '';
    for (const l of row.labels) s += `${textId(l.text)},`;
    row.sig = s += ';';
  }
  return s;
}

/** A value cell of the grid as the checker reads it. */
export function cellRead(grid: Grid, r: number, c: number, cell: GridCell | undefined): CellRead {
  const raw = cell?.raw;
  const out: CellRead = { ref: grid.ref(r, c), raw: raw === undefined || raw === '' ? null : raw };
  if (cell?.formula) out.formula = cell.formula;
  if (cell?.exact) out.exact = cell.exact;
  return out;
}
