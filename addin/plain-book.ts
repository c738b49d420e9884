/**
 * A Book as plain data, to cross from the pane's reading worker (read.worker.ts) to the page:
 * grids are objects with methods (cell, ref), which a message between threads cannot carry.
 * Each grid keeps its cells that hold something and, where its addresses are not the sheet's
 * own (a published text says "line 12"), the address of every place in it.
 */
import { eachCell, registerSparse } from '../core/read/locate/scan';
import { sheetRef, type Book, type Grid, type GridCell, type Merge } from '../core/read/grid';

export interface PlainGrid {
  name: string;
  kind: Grid['kind'];
  rows: number;
  cols: number;
  merges: Merge[];
  /** Row, column and cell of each cell that holds something. */
  cells: [number, number, GridCell][];
  /** Each place's address by row (a row's last address stands for the places after it), when they are not sheetRef's; null when they are. */
  refs: string[][] | null;
}

export interface PlainBook {
  name: string;
  grids: PlainGrid[];
  definedNames?: Record<string, string>;
}

/** Places at which a grid's addresses are compared with sheetRef's before they are taken to be its. */
const probes = (g: Grid): [number, number][] => [
  [0, 0],
  [g.rows - 1, g.cols - 1],
  [Math.floor(g.rows / 2), Math.floor(g.cols / 2)],
  [g.rows - 1, 0],
  [0, g.cols - 1],
];

function plainGrid(g: Grid): PlainGrid {
  const cells: [number, number, GridCell][] = [];
  eachCell(g, (r, c, cell) => cells.push([r, c, cell]));
  const own = g.kind === 'sheet' && probes(g).every(([r, c]) => r < 0 || c < 0 || g.ref(r, c) === sheetRef(g.name, r, c));
  let refs: string[][] | null = null;
  if (!own) {
    refs = [];
    for (let r = 0; r < g.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < g.cols; c++) row.push(g.ref(r, c));
      // A text's row has one address for the rest of its places (its line): kept once.
      while (row.length > 1 && row[row.length - 1] === row[row.length - 2]) row.pop();
      refs.push(row);
    }
  }
  return { name: g.name, kind: g.kind, rows: g.rows, cols: g.cols, merges: g.merges, cells, refs };
}

export const plainBook = (b: Book): PlainBook => ({
  name: b.name,
  grids: b.grids.map(plainGrid),
  ...(b.definedNames ? { definedNames: b.definedNames } : {}),
});

function gridOf(p: PlainGrid): Grid {
  const at = new Map<number, GridCell>();
  for (const [r, c, cell] of p.cells) at.set(r * p.cols + c, cell);
  const grid: Grid = {
    name: p.name,
    kind: p.kind,
    rows: p.rows,
    cols: p.cols,
    cell: (r, c) => (r >= 0 && c >= 0 && r < p.rows && c < p.cols ? at.get(r * p.cols + c) : undefined),
    ref: (r, c) => {
      const row = p.refs?.[r];
      return row?.length ? row[Math.min(Math.max(c, 0), row.length - 1)] : sheetRef(p.name, r, c);
    },
    merges: p.merges,
  };
  registerSparse(grid, (fn) => {
    for (const [r, c, cell] of p.cells) fn(r, c, cell);
  });
  return grid;
}

export const bookOf = (p: PlainBook): Book => ({
  name: p.name,
  grids: p.grids.map(gridOf),
  ...(p.definedNames ? { definedNames: p.definedNames } : {}),
});
