/**
 * Placing one table in one scanned sheet: its rows by label (aligned in order, so a row with an
 * odd label is still found by its neighbours, the rest by position), then its columns; 表四, which
 * has no row labels, by its header cells.
 */
import type { RowSpec, TableSpec } from '../../forms';
import type { Grid, GridCell } from '../grid';
import { compareLabel, labelParts } from '../labels';
import { align, type Pair } from './align';
import { BoundedCache, derived } from '../cache';
import { alignHeaders, assignColumns, placeColumns, placeTextColumns, textPositions } from './columns';
import { newNotes, note, type Notes } from '../notes';
import { belongsElsewhere, looseNote, matchRow, rowTexts, sharesVocab, tableVocab, type Matched } from './match';
import { isValueLike, rowSig, type RowInfo, type Scan, type TextCell } from './scan';
import type { Span } from './spans';

/**
 * The right column of a row's label cells up to the last one that matches its spec by itself, or
 * -1 when only their joint text matches: a word typed into a value cell (若干) sits in the label
 * list but is no part of the label.
 */
function matchedLabelEdge(labels: TextCell[], spec: RowSpec): number {
  let edge = -1;
  for (const l of labels.slice(0, 4)) if (matchRow({ each: [l.text], joined: null }, spec)) edge = l.c1;
  return edge;
}

export interface BlockPlace {
  rows: Map<string, number>; // row key → grid row
  /** Grid row → right column of the label cells that matched its row spec (text in a value cell is no label). */
  labelEdges?: Map<number, number>;
  cols: Map<string, number>; // column key → grid column (sheets)
  /** Sheets: the header cell's columns of each column, in the block's order, when every column has one. */
  heads?: Span[];
  /** text grids: column key → cell per row. */
  textCells?: Map<string, Map<string, { c: number; cell: GridCell | undefined }>>;
}

export interface TablePlace {
  table: TableSpec;
  grid: Grid;
  blocks: BlockPlace[];
  firstRow: number;
  lastRow: number;
  matchedRows: number;
  notes: Notes['list'];
}

const ROW_MIN: Record<string, number> = { T2: 2, T3: 4 };

type RowSpecAt = { block: number; row: RowSpec };
type RowAlignment = { pairs: Pair[]; matched: Matched[] };

/**
 * Per-table state that depends on label texts only (the same template is filled by many
 * departments, so texts repeat across books): whether a row's labels can belong to the table,
 * and the alignment of a whole sequence of rows with the table's rows. Never stale, since the
 * keys are the complete inputs.
 */
interface RowTableCache {
  specs: RowSpecAt[];
  candidate: BoundedCache<string, boolean>;
  aligned: BoundedCache<string, RowAlignment>;
}
const CACHE_LIMIT = 2000;

const rowTableCache = derived((table: TableSpec): RowTableCache => {
  const specs: RowSpecAt[] = [];
  table.blocks.forEach((b, bi) => b.rows.forEach((row) => specs.push({ block: bi, row })));
  return { specs, candidate: new BoundedCache(CACHE_LIMIT), aligned: new BoundedCache(CACHE_LIMIT) };
});

/** Align sheet rows (label rows that may belong to the table) with the table's row specs. */
function alignRows(items: RowInfo[], table: TableSpec, specs: RowSpecAt[]): RowAlignment {
  const vocab = tableVocab(table);
  const matches: (Matched | null)[] = new Array(items.length * specs.length).fill(null);
  // Fast path: a row whose label is exactly one spec's label (the usual case) is compared with that spec only.
  const exactFor = items.map((it) => {
    let hit: number[] | null = null;
    for (const l of it.labels.slice(0, 4)) {
      const js = vocab.exact.get(labelParts(l.text).core);
      if (js) hit = hit ? hit.concat(js) : js;
    }
    return hit;
  });
  const texts = items.map((it) => rowTexts(it.labels));
  const pairs = align(items.length, specs.length, (i, j) => {
    const ex = exactFor[i];
    if (ex && !ex.includes(j)) return 0;
    const m = matchRow(texts[i], specs[j].row);
    matches[i * specs.length + j] = m;
    return m ? m.match.score : 0;
  });
  return { pairs, matched: pairs.map((p) => matches[p.i * specs.length + p.j]!) };
}

function locateRowTable(sc: Scan, table: TableSpec): TablePlace | null {
  const notes = newNotes();
  const cache = rowTableCache(table);
  const specs = cache.specs;
  const vocab = tableVocab(table);
  // Rows that share no words with the table's labels cannot match: skip them before aligning.
  const items: RowInfo[] = [];
  let key = '';
  for (const r of sc.rows) {
    if (!r.labels.length) continue;
    const sig = rowSig(r);
    const ok = cache.candidate.through(
      sig,
      () => r.labels.some((l) => sharesVocab(l.text, vocab.chars)) && !belongsElsewhere(r.labels, table.key),
    );
    if (ok) {
      items.push(r);
      key += sig;
    }
  }
  const { pairs, matched } = cache.aligned.through(key, () => alignRows(items, table, specs));
  const minRows = Math.min(ROW_MIN[table.key] ?? 2, specs.length);
  if (pairs.length < minRows) return null;
  // A strong table has at least one exact (or near-exact) row.
  if (!pairs.some((p) => p.score >= 0.85)) return null;

  const rowOf = new Map<number, number>(); // spec index → grid row
  const labelEdges = new Map<number, number>();
  pairs.forEach((p, k) => {
    rowOf.set(p.j, items[p.i].r);
    const edge = matchedLabelEdge(items[p.i].labels, specs[p.j].row);
    if (edge >= 0) labelEdges.set(items[p.i].r, edge);
    const m = matched[k];
    if (m.match.quality === 'loose') looseNote(notes, table, 'row', m.text, specs[p.j].row.label[specs[p.j].row.label.length - 1]);
  });
  // Rows not matched by label: by position between matched neighbours.
  const isText = sc.grid.kind === 'text';
  for (let j = 0; j < specs.length; j++) {
    if (rowOf.has(j)) continue;
    let a = j - 1;
    while (a >= 0 && !rowOf.has(a)) a--;
    let b = j + 1;
    while (b < specs.length && !rowOf.has(b)) b++;
    if (a < 0 || b >= specs.length) continue;
    const ra = rowOf.get(a)!;
    const rb = rowOf.get(b)!;
    const between = sc.rows.filter((x) => x.r > ra && x.r < rb).map((x) => x.r);
    const gridBetween = isText ? between : Array.from({ length: rb - ra - 1 }, (_, k) => ra + 1 + k);
    if (gridBetween.length === b - a - 1) {
      for (let k = a + 1; k < b; k++) {
        rowOf.set(k, gridBetween[k - a - 1]);
        const spec = specs[k].row;
        notes.add(note('locate.row_by_position', { table: table.key, row: spec.short ?? spec.label[spec.label.length - 1] }));
      }
    }
  }
  const missing = specs.filter((_, j) => !rowOf.has(j)).map((s) => s.row.short ?? s.row.label[s.row.label.length - 1]);
  if (missing.length) notes.add(note('locate.rows_missing', { table: table.key, rows: missing }));

  const blocks: BlockPlace[] = [];
  let prevLast = -1;
  let first = Infinity;
  let last = -1;
  table.blocks.forEach((block, bi) => {
    const rows = new Map<string, number>();
    const idx = specs.map((s, j) => (s.block === bi ? j : -1)).filter((j) => j >= 0);
    for (const j of idx) if (rowOf.has(j)) rows.set(specs[j].row.key, rowOf.get(j)!);
    const place: BlockPlace = { rows, cols: new Map(), labelEdges };
    blocks.push(place);
    if (!rows.size) return;
    const rs = [...rows.values()];
    const fr = Math.min(...rs);
    const lr = Math.max(...rs);
    first = Math.min(first, fr);
    last = Math.max(last, lr);
    if (isText) placeTextColumns(sc, table, block, place, notes);
    else placeColumns(sc, table, block, place, fr, Math.max(prevLast + 1, fr - 6), notes);
    prevLast = lr;
  });
  return { table, grid: sc.grid, blocks, firstRow: first, lastRow: last, matchedRows: pairs.length, notes: notes.list };
}

/** 表四: no row labels; found by its header cells, its one data row right under them. */
function locateHeaderTable(sc: Scan, table: TableSpec): TablePlace | null {
  const notes = newNotes();
  const block = table.blocks[0];
  const cols = block.columns;
  const tops = [...new Set(cols.map((c) => c.header[0]))];
  // Anchor: a cell that is the first top header (行政复议), with another top header (行政诉讼) in its row band.
  const anchors = sc.texts.filter((t) => {
    const m = compareLabel(t.text, tops[0]);
    return m && m.score >= 0.85;
  });
  let best: { anchor: TextCell; found: Map<number, TextCell>; items: TextCell[] } | null = null;
  for (const anchor of anchors) {
    const items = sc.texts.filter((t) => t.r >= anchor.r && t.r <= anchor.r + 3 && (sc.grid.kind === 'text' || t.c >= anchor.c - 1));
    if (sc.grid.kind === 'text') items.sort((a, b) => a.r - b.r || a.c - b.c);
    else items.sort((a, b) => a.c - b.c || a.r - b.r);
    const scratch = newNotes();
    const found = alignHeaders(items, cols, sc, table, scratch);
    if (found.size >= Math.min(5, cols.length) && (!best || found.size > best.found.size)) best = { anchor, found, items };
  }
  if (!best) return null;
  alignHeaders(best.items, cols, sc, table, notes); // again, for its notes
  let headerBottom = best.anchor.r;
  for (const t of best.found.values()) headerBottom = Math.max(headerBottom, t.r1);
  const place: BlockPlace = { rows: new Map(), cols: new Map() };
  const rowKey = block.rows[0].key;
  if (sc.grid.kind === 'text') {
    const dataRow = sc.rows.find((x) => x.r > headerBottom && x.cells.length > 0 && x.labels.length === 0);
    if (!dataRow) return null;
    place.rows.set(rowKey, dataRow.r);
    const m = new Map<string, { c: number; cell: GridCell | undefined }>();
    const at = textPositions(dataRow.cells, 0, cols.length);
    cols.forEach((col, k) => {
      const v = at(k);
      m.set(col.key, v ? { c: v.c, cell: v.cell } : { c: -1, cell: undefined });
    });
    place.textCells = new Map([[rowKey, m]]);
  } else {
    assignColumns(place, cols, best.found, best.anchor.c - 1, table, notes);
    const colSet = [...place.cols.values()];
    // The data row: the first row under the headers with something in a value column (else the row right under them).
    let dataRow = headerBottom + 1;
    for (const x of sc.rows) {
      if (x.r <= headerBottom || x.r > headerBottom + 3) continue;
      if (
        x.cells.some((cc) => colSet.includes(cc.c)) &&
        !x.labels.some((l) => colSet.includes(l.c) && !isValueLike(l.text) && l.text.length > 4)
      ) {
        dataRow = x.r;
        break;
      }
    }
    place.rows.set(rowKey, dataRow);
  }
  const r = place.rows.get(rowKey)!;
  return { table, grid: sc.grid, blocks: [place], firstRow: best.anchor.r, lastRow: r, matchedRows: best.found.size, notes: notes.list };
}

/** Where the table sits in the sheet, or null when it is not there. */
export function locateTable(sc: Scan, table: TableSpec): TablePlace | null {
  const hasLabels = table.blocks.some((b) => b.rows.some((r) => r.label.length > 0));
  return hasLabels ? locateRowTable(sc, table) : locateHeaderTable(sc, table);
}
