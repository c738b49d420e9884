/**
 * Finds the report tables in a Book, wherever they sit, and reads every value cell of the layout
 * with its address. Everything it knows about the tables comes from the form data (core/forms):
 * row labels, column header paths, signature words. Rows are matched by label in order (a
 * weighted sequence alignment, so a row with an odd label is still found by its neighbours),
 * columns by header cells (merges tell 表四's groups apart), both with a positional fallback.
 * Values are passed on raw: the checker interprets them.
 */
import { FORMS, cellId, formForYear, getForm, withVariants } from '../forms';
import type { BlockSpec, ColumnSpec, FormSpec, RowSpec, TableKey, TableSpec } from '../forms';
import type { CellRead, ReportData } from '../model/report';
import type { Book, Grid, GridCell, Merge } from './grid';
import { ReadError } from './errors';
import { compareLabel, compareLabelKeyed, labelParts, officialKey, type LabelMatch } from './labels';

export const TAG_SHEET = 'xxgk_tag';
export const TAG_MAGIC = 'xxgk-template';

// ---------------------------------------------------------------------------------------------
// Sparse access to grids

type CellVisitor = (r: number, c: number, cell: GridCell) => void;
const sparse = new WeakMap<Grid, (fn: CellVisitor) => void>();

/** Readers whose grids are sparse register an iterator, so that scanning never walks empty space. */
export function registerSparse(grid: Grid, each: (fn: CellVisitor) => void): void {
  sparse.set(grid, each);
}

const DENSE_LIMIT = 4_000_000;

function eachCell(grid: Grid, fn: CellVisitor): void {
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

interface TextCell {
  r: number;
  c: number;
  text: string;
  r1: number;
  c1: number;
}
interface RowInfo {
  r: number;
  labels: TextCell[];
  cells: { c: number; cell: GridCell }[];
  /** The row's label texts, encoded one-to-one (see rowSig); computed when first needed. */
  sig?: string;
}

interface Scan {
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
const isValueLikeUncached = (s: string) => VALUE_LIKE.test(s) || /^(无|空|暂无|不适用|\/)$/.test(s.trim());
const valueLikeCache = new Map<string, boolean>();
function isValueLike(s: string): boolean {
  let v = valueLikeCache.get(s);
  if (v === undefined) {
    v = isValueLikeUncached(s);
    if (valueLikeCache.size >= 20000) valueLikeCache.clear();
    valueLikeCache.set(s, v);
  }
  return v;
}
/** Text long enough to be a paragraph, not a label. */
const MAX_LABEL = 90;

function scan(grid: Grid): Scan {
  const mergeAt = new Map<number, Map<number, Merge>>();
  for (const m of grid.merges) {
    let row = mergeAt.get(m.r0);
    if (!row) mergeAt.set(m.r0, (row = new Map()));
    row.set(m.c0, m);
  }
  const byRow = new Map<number, RowInfo>();
  const texts: TextCell[] = [];
  eachCell(grid, (r, c, cell) => {
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = { r, labels: [], cells: [] }));
    row.cells.push({ c, cell });
    if (typeof cell.raw === 'string' && !isValueLike(cell.raw)) {
      const m = mergeAt.get(r)?.get(c);
      const t: TextCell = { r, c, text: cell.raw, r1: m ? m.r1 : r, c1: m ? m.c1 : c };
      texts.push(t);
      if (cell.raw.length <= MAX_LABEL) row.labels.push(t);
    }
  });
  const rows = sorted([...byRow.values()], (a, b) => a.r - b.r);
  for (const row of rows) {
    sorted(row.cells, (a, b) => a.c - b.c);
    // A row's labels are the text cells before its first value (a word in a value cell is no label).
    const firstValue = row.cells.find(
      (x) => !(typeof x.cell.raw === 'string' && !isValueLike(x.cell.raw)) && (x.cell.raw !== null || x.cell.formula),
    );
    row.labels = sorted(
      row.labels.filter((l) => firstValue === undefined || l.c < firstValue.c),
      (a, b) => a.c - b.c,
    );
  }
  sorted(texts, (a, b) => a.r - b.r || a.c - b.c);
  return { grid, rows, byRow, texts, mergeAt };
}

/** a.sort(cmp), skipped when a is already in order (sort is stable, so the result is the same). */
function sorted<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  for (let i = 1; i < a.length; i++) if (cmp(a[i - 1], a[i]) > 0) return a.sort(cmp);
  return a;
}

/**
 * A number per distinct text, never reused (the table is bounded: when cleared, texts get new
 * numbers), so that sequences of texts make short cache keys.
 */
const textIds = new Map<string, number>();
let nextTextId = 1;
function textId(s: string): number {
  let id = textIds.get(s);
  if (id === undefined) {
    if (textIds.size >= 50000) textIds.clear();
    id = nextTextId++;
    textIds.set(s, id);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Weighted sequence alignment

interface Pair {
  i: number;
  j: number;
  score: number;
}

/**
 * Align items (in sheet order) with specs (in form order), each pair scored 0…1 (0 = cannot
 * match), maximising the total score. Gaps are free on both sides.
 */
function align(n: number, m: number, sim: (i: number, j: number) => number): Pair[] {
  if (!n || !m) return [];
  const W = m + 1;
  const best = new Float64Array((n + 1) * W);
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) s[i * m + j] = sim(i, j);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      let v = Math.max(best[(i - 1) * W + j], best[i * W + j - 1]);
      const x = s[(i - 1) * m + j - 1];
      if (x > 0) v = Math.max(v, best[(i - 1) * W + j - 1] + x);
      best[i * W + j] = v;
    }
  const out: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const v = best[i * W + j];
    const x = s[(i - 1) * m + j - 1];
    if (x > 0 && Math.abs(v - (best[(i - 1) * W + j - 1] + x)) < 1e-9) {
      out.push({ i: i - 1, j: j - 1, score: x });
      i--;
      j--;
    } else if (v === best[(i - 1) * W + j]) i--;
    else j--;
  }
  return out.reverse();
}

// ---------------------------------------------------------------------------------------------
// Matching labels

interface Matched {
  match: LabelMatch;
  text: string;
}

/** A row spec's labels as compared: its innermost label and its whole path. */
interface RowKey {
  inner: string;
  joined: string | null;
  aliases: string[];
  innerKey: string;
  joinedKey: string;
}
const rowKeys = new WeakMap<RowSpec, RowKey>();
function rowKey(spec: RowSpec): RowKey {
  let k = rowKeys.get(spec);
  if (!k) {
    const inner = spec.label[spec.label.length - 1] ?? '';
    const joined = spec.label.length > 1 ? spec.label.join('') : null;
    const aliases = spec.aliases ?? [];
    k = { inner, joined, aliases, innerKey: officialKey(inner, aliases), joinedKey: joined === null ? '' : officialKey(joined, aliases) };
    rowKeys.set(spec, k);
  }
  return k;
}

/** A sheet row's label texts as compared: each of its first label cells, and their joint text. */
interface RowTexts {
  each: string[];
  joined: string | null;
}
function rowTexts(labels: TextCell[]): RowTexts {
  const each = labels.slice(0, 4).map((l) => l.text);
  return { each, joined: each.length > 1 ? each.join('') : null };
}

/** Best match of any of a row's label texts (and their joint text) with a row spec. */
function matchRow(texts: RowTexts, spec: RowSpec): Matched | null {
  if (!spec.label.length) return null;
  const k = rowKey(spec);
  let best: Matched | null = null;
  for (const t of texts.each) {
    const m = compareLabelKeyed(t, k.inner, k.aliases, k.innerKey);
    if (m && (!best || m.score > best.match.score)) best = { match: m, text: t };
  }
  if (texts.joined && k.joined) {
    const m = compareLabelKeyed(texts.joined, k.joined, k.aliases, k.joinedKey);
    if (m && (!best || m.score > best.match.score)) best = { match: m, text: texts.joined };
  }
  return best;
}

interface ColKey {
  leaf: string;
  aliases: readonly string[];
  key: string;
}
const colKeys = new WeakMap<ColumnSpec, ColKey>();
function matchColumn(text: string, col: ColumnSpec): Matched | null {
  let k = colKeys.get(col);
  if (!k) {
    const leaf = col.header[col.header.length - 1];
    const aliases = col.aliases ?? [];
    k = { leaf, aliases, key: officialKey(leaf, aliases) };
    colKeys.set(col, k);
  }
  const m = compareLabelKeyed(text, k.leaf, k.aliases, k.key);
  return m ? { match: m, text } : null;
}

// ---------------------------------------------------------------------------------------------
// Notes

interface Notes {
  list: string[];
  add(s: string): void;
}
const newNotes = (): Notes => {
  const list: string[] = [];
  return {
    list,
    add: (s) => {
      if (!list.includes(s)) list.push(s);
    },
  };
};

function looseNote(notes: Notes, table: TableSpec, what: 'row' | 'column', written: string, official: string): void {
  const w = written.replace(/\s+/g, ' ').trim();
  notes.add(`${table.short} ${what === 'row' ? '行' : '列'} ${w} matched as ${official}`);
}

// ---------------------------------------------------------------------------------------------
// Locating one table in one sheet

interface BlockPlace {
  rows: Map<string, number>; // row key → grid row
  cols: Map<string, number>; // column key → grid column (sheets)
  /** text grids: column key → cell per row. */
  textCells?: Map<string, Map<string, { c: number; cell: GridCell | undefined }>>;
}

interface TablePlace {
  table: TableSpec;
  grid: Grid;
  blocks: BlockPlace[];
  firstRow: number;
  lastRow: number;
  matchedRows: number;
  notes: string[];
}

const ROW_MIN: Record<string, number> = { T2: 2, T3: 4 };

interface Vocab {
  chars: Set<string>;
  exact: Map<string, number[]>;
}
const vocabCache = new WeakMap<TableSpec, Vocab>();
/** The characters of a table's row labels, and its inner labels' words → row indexes (in block order). */
function tableVocab(table: TableSpec): Vocab {
  let v = vocabCache.get(table);
  if (v) return v;
  const chars = new Set<string>();
  const exact = new Map<string, number[]>();
  let j = 0;
  for (const b of table.blocks)
    for (const row of b.rows) {
      const texts = [...row.label, ...(row.aliases ?? [])];
      for (const t of texts) for (const ch of labelParts(t).core) if (!/[\d.,()、:]/.test(ch)) chars.add(ch);
      if (row.label.length) {
        const core = labelParts(row.label[row.label.length - 1]).core;
        exact.set(core, [...(exact.get(core) ?? []), j]);
      }
      j++;
    }
  v = { chars, exact };
  vocabCache.set(table, v);
  return v;
}

function sharesVocab(text: string, chars: Set<string>): boolean {
  const core = labelParts(text).core;
  let n = 0;
  for (const ch of core) if (chars.has(ch)) n++;
  return n >= 2 && n >= core.length * 0.4;
}

/** Exact label words → the tables (of any form) whose rows carry them. */
let labelTables: Map<string, Set<string>> | null = null;
function tablesOfLabel(core: string): Set<string> | undefined {
  if (!labelTables) {
    labelTables = new Map();
    for (const f of FORMS)
      for (const [name] of [['', null], ...Object.entries(f.variants ?? {})] as [string, unknown][]) {
        const form = name ? withVariants(f, [name]) : f;
        for (const t of form.tables)
          for (const b of t.blocks)
            for (const row of b.rows)
              for (const l of row.label) {
                const k = labelParts(l).core;
                if (!labelTables.has(k)) labelTables.set(k, new Set());
                labelTables.get(k)!.add(t.key);
              }
      }
  }
  return labelTables.get(core);
}

/** A row whose label is exactly a label of other tables only belongs to them. */
function belongsElsewhere(labels: TextCell[], table: TableKey): boolean {
  let elsewhere = false;
  for (const l of labels) {
    const ts = tablesOfLabel(labelParts(l.text).core);
    if (!ts) continue;
    if (ts.has(table)) return false;
    elsewhere = true;
  }
  return elsewhere;
}

/**
 * A row's label texts encoded one-to-one (their text numbers, each followed by "," and the row by
 * ";"): two rows have the same code exactly when their label texts are the same, and a sequence of
 * codes is a code of the sequence of rows. Everything row matching looks at.
 */
function rowSig(row: RowInfo): string {
  let s = row.sig;
  if (s === undefined) {
    s = '';
    for (const l of row.labels) s += `${textId(l.text)},`;
    row.sig = s += ';';
  }
  return s;
}

/**
 * Per-table state that depends on label texts only (the same template is filled by many
 * departments, so texts repeat across books): whether a row's labels can belong to the table,
 * and the alignment of a whole sequence of rows with the table's rows. Bounded; never stale,
 * since the keys are the complete inputs.
 */
interface RowTableCache {
  specs: { block: number; row: RowSpec }[];
  candidate: Map<string, boolean>;
  aligned: Map<string, { pairs: Pair[]; matched: Matched[] }>;
}
const rowTableCaches = new WeakMap<TableSpec, RowTableCache>();
const CACHE_LIMIT = 2000;

function rowTableCache(table: TableSpec): RowTableCache {
  let c = rowTableCaches.get(table);
  if (!c) {
    const specs: { block: number; row: RowSpec }[] = [];
    table.blocks.forEach((b, bi) => b.rows.forEach((row) => specs.push({ block: bi, row })));
    c = { specs, candidate: new Map(), aligned: new Map() };
    rowTableCaches.set(table, c);
  }
  return c;
}

function setBounded<K, V>(m: Map<K, V>, k: K, v: V): void {
  if (m.size >= CACHE_LIMIT) m.clear();
  m.set(k, v);
}

/** Align sheet rows (label rows that may belong to the table) with the table's row specs. */
function alignRows(items: RowInfo[], table: TableSpec, specs: { block: number; row: RowSpec }[]): { pairs: Pair[]; matched: Matched[] } {
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
    let ok = cache.candidate.get(sig);
    if (ok === undefined) {
      ok = r.labels.some((l) => sharesVocab(l.text, vocab.chars)) && !belongsElsewhere(r.labels, table.key);
      setBounded(cache.candidate, sig, ok);
    }
    if (ok) {
      items.push(r);
      key += sig;
    }
  }
  let al = cache.aligned.get(key);
  if (!al) {
    al = alignRows(items, table, specs);
    setBounded(cache.aligned, key, al);
  }
  const { pairs, matched } = al;
  const minRows = Math.min(ROW_MIN[table.key] ?? 2, specs.length);
  if (pairs.length < minRows) return null;
  // A strong table has at least one exact (or near-exact) row.
  if (!pairs.some((p) => p.score >= 0.85)) return null;

  const rowOf = new Map<number, number>(); // spec index → grid row
  pairs.forEach((p, k) => {
    rowOf.set(p.j, items[p.i].r);
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
        notes.add(`${table.short} 行 ${spec.short ?? spec.label[spec.label.length - 1]} 按位置确定 / found by position`);
      }
    }
  }
  const missing = specs.filter((_, j) => !rowOf.has(j)).map((s) => s.row.short ?? s.row.label[s.row.label.length - 1]);
  if (missing.length) notes.add(`${table.short} 缺少行 / rows not found: ${missing.join('、')}`);

  const blocks: BlockPlace[] = [];
  let prevLast = -1;
  let first = Infinity;
  let last = -1;
  table.blocks.forEach((block, bi) => {
    const rows = new Map<string, number>();
    const idx = specs.map((s, j) => (s.block === bi ? j : -1)).filter((j) => j >= 0);
    for (const j of idx) if (rowOf.has(j)) rows.set(specs[j].row.key, rowOf.get(j)!);
    const place: BlockPlace = { rows, cols: new Map() };
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

/** Right edge of the label area of a block: the rightmost label cell (with its merge) of its rows. */
function labelRight(sc: Scan, place: BlockPlace): number {
  let right = -1;
  for (const r of place.rows.values()) {
    const info = sc.byRow.get(r);
    if (!info) continue;
    for (const l of info.labels) right = Math.max(right, l.c1);
  }
  return right;
}

/** Header cells above a block (sheet grids): align them, in column order, with the block's columns. */
function placeColumns(sc: Scan, table: TableSpec, block: BlockSpec, place: BlockPlace, firstRow: number, top: number, notes: Notes): void {
  const right = labelRight(sc, place);
  const items = sc.texts.filter((t) => t.r >= top && t.r < firstRow && t.c > right);
  items.sort((a, b) => a.c - b.c || a.r - b.r);
  const cols = block.columns;
  const found = alignHeaders(items, cols, sc, table, notes);
  assignColumns(place, cols, found, right, table, notes);
}

/**
 * Header alignments by the column specs, then by the header cells: grid kind, and each cell's text
 * with its row, column and merge's right column relative to the cells' top-left (alignment only
 * compares positions with each other, so a table moved elsewhere aligns the same).
 */
const headerCaches = new WeakMap<ColumnSpec[], Map<string, { pairs: Pair[]; matched: (Matched | null)[] }>>();

/** Align header cells with column specs; merges of parent headers keep 表四's groups apart. */
function alignHeaders(items: TextCell[], cols: ColumnSpec[], sc: Scan, table: TableSpec, notes: Notes): Map<number, TextCell> {
  let cache = headerCaches.get(cols);
  if (!cache) headerCaches.set(cols, (cache = new Map()));
  let r0 = Infinity;
  let c0 = Infinity;
  for (const t of items) {
    if (t.r < r0) r0 = t.r;
    if (t.c < c0) c0 = t.c;
  }
  let key = sc.grid.kind === 'sheet' ? 's' : 't';
  for (const t of items) key += `${t.r - r0},${t.c - c0},${t.c1 - c0},${textId(t.text)};`;
  let al = cache.get(key);
  if (!al) {
    al = alignHeadersUncached(items, cols, sc);
    setBounded(cache, key, al);
  }
  const found = new Map<number, TextCell>();
  al.pairs.forEach((p, k) => {
    found.set(p.j, items[p.i]);
    const m = al.matched[k];
    if (m && m.match.quality === 'loose') looseNote(notes, table, 'column', m.text, cols[p.j].header[cols[p.j].header.length - 1]);
  });
  return found;
}

function alignHeadersUncached(items: TextCell[], cols: ColumnSpec[], sc: Scan): { pairs: Pair[]; matched: (Matched | null)[] } {
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

function assignColumns(
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
    if (!found.size)
      notes.add(`${table.short} 未找到表头，按位置读取各列 / no header found, columns read by position: ${byPos.join('、')}`);
    else notes.add(`${table.short} 列 ${byPos.join('、')} 按位置确定 / found by position`);
  }
  for (let j = 0; j < cols.length; j++) if (colOf.has(j)) place.cols.set(cols[j].key, colOf.get(j)!);
}

/** Published text: the cells of a data row are in order but not under their headers. */
function placeTextColumns(sc: Scan, table: TableSpec, block: BlockSpec, place: BlockPlace, notes: Notes): void {
  const textCells = new Map<string, Map<string, { c: number; cell: GridCell | undefined }>>();
  for (const [rowKey, r] of place.rows) {
    const info = sc.byRow.get(r);
    const m = new Map<string, { c: number; cell: GridCell | undefined }>();
    textCells.set(rowKey, m);
    if (!info) continue;
    const lastLabel = info.labels.length ? info.labels[info.labels.length - 1].c : -1;
    const values = info.cells.filter((x) => x.c > lastLabel);
    block.columns.forEach((col, k) => {
      const v = values[k];
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
    cols.forEach((col, k) => {
      const v = dataRow.cells[k];
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

function locateTable(sc: Scan, table: TableSpec): TablePlace | null {
  const hasLabels = table.blocks.some((b) => b.rows.some((r) => r.label.length > 0));
  return hasLabels ? locateRowTable(sc, table) : locateHeaderTable(sc, table);
}

// ---------------------------------------------------------------------------------------------
// Format, year, agency

interface Detected {
  form: FormSpec;
  variants: string[];
  note: string;
}

/** Every signature word of every form (normalised), each once. */
let sigWordList: string[] | null = null;
let sigWordIndex: Map<string, number> | null = null;
function sigWords(): { list: string[]; index: Map<string, number> } {
  if (!sigWordList || !sigWordIndex) {
    sigWordIndex = new Map();
    for (const f of FORMS)
      for (const sig of f.signature)
        for (const w of sig.words) {
          const nw = labelParts(w).norm;
          if (!sigWordIndex.has(nw)) sigWordIndex.set(nw, sigWordIndex.size);
        }
    sigWordList = [...sigWordIndex.keys()];
  }
  return { list: sigWordList, index: sigWordIndex };
}

/** The signature words (indexes) a normalised text holds, by text. */
const wordsInText = new Map<string, number[]>();
const NO_WORDS: number[] = [];
function textWords(norm: string): number[] {
  let ws = wordsInText.get(norm);
  if (!ws) {
    const list = sigWords().list;
    ws = NO_WORDS;
    for (let k = 0; k < list.length; k++) if (norm.includes(list[k])) ws = ws === NO_WORDS ? [k] : [...ws, k];
    if (wordsInText.size >= 20000) wordsInText.clear();
    wordsInText.set(norm, ws);
  }
  return ws;
}

/** Which signature words (by index) any text of the scans holds. */
function scanWords(scans: Scan[]): Uint8Array {
  const out = new Uint8Array(sigWords().list.length);
  for (const sc of scans) {
    if (!sc.words) {
      const w = new Uint8Array(out.length);
      for (const t of gridTexts(sc)) for (const k of textWords(t)) w[k] = 1;
      sc.words = w;
    }
    for (let k = 0; k < out.length; k++) out[k] |= sc.words[k];
  }
  return out;
}

function signatureHits(words: Uint8Array, form: FormSpec): Map<TableKey, number> {
  const hits = new Map<TableKey, number>();
  const index = sigWords().index;
  for (const sig of form.signature) {
    let n = 0;
    for (const w of sig.words) {
      const nw = labelParts(w).norm;
      if (words[index.get(nw)!]) n++;
    }
    hits.set(sig.table, (hits.get(sig.table) ?? 0) + n);
  }
  return hits;
}

/** The format of the scans' tables (by the signature words in their texts), else by the year. */
function detectFormat(scans: Scan[], year: number | null): Detected {
  const words = scanWords(scans);
  const scored = FORMS.map((form) => {
    const hits = signatureHits(words, form);
    let total = 0;
    for (const v of hits.values()) total += v;
    return { form, hits, total };
  });
  scored.sort((a, b) => b.total - a.total);
  const top = scored[0];
  let form: FormSpec;
  let how: string;
  if (top.total > 0 && (scored.length < 2 || top.total > scored[1].total)) {
    form = top.form;
    how = `格式 ${form.key} 由表头识别 / format ${form.key} recognised from the table headers`;
  } else if (year !== null) {
    form = formForYear(year);
    how = `表头无法区分格式，按年份 ${year} 取 ${form.key} / headers do not tell the format; ${form.key} by the year ${year}`;
  } else {
    form = FORMS[0];
    how = `表头无法区分格式，也没有年份，按 ${form.key} 读取 / neither headers nor a year tell the format; read as ${form.key}`;
  }
  const variants: string[] = [];
  // A variant applies when the form's own signature for that table is absent (2019-style （六） in a 2021 report).
  for (const [name, v] of Object.entries(form.variants ?? {})) {
    const sig = form.signature.filter((s) => s.table === v.table);
    if (!sig.length) continue;
    const own = scored.find((s) => s.form === form)!.hits.get(v.table) ?? 0;
    if (own === 0) variants.push(name);
  }
  return { form, variants, note: how };
}

const YEAR_TITLE = /^(.*?)((?:19|20)\d{2})\s*年度?(.*?)(?:政府)?信息公开/;

function cleanAgency(s: string): string | null {
  const t = s
    .replace(/[\s＿_]+/g, '')
    .replace(/^(关于|印发)/, '')
    .replace(/(的|关于)$/, '')
    .replace(/^[《“"「]+|[》”"」]+$/g, '');
  if (!t || /^[\d\p{P}]+$/u.test(t) || t.length > 40) return null;
  return t;
}

export function parseTitle(text: string): { year: number; agency: string | null } | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = YEAR_TITLE.exec(s);
  if (!m) return null;
  const year = Number(m[2]);
  const agency = cleanAgency(m[1]) ?? cleanAgency(m[3]);
  return { year, agency };
}

function findTitle(scans: Scan[], bookName: string): { year: number | null; agency: string | null } {
  let year: number | null = null;
  let agency: string | null = null;
  for (const sc of scans) {
    for (const t of sc.texts) {
      if (t.text.length > 120) continue;
      const p = parseTitle(t.text);
      if (p) {
        if (year === null) year = p.year;
        if (agency === null && p.agency) agency = p.agency;
        if (year !== null && agency !== null) return { year, agency };
      }
    }
  }
  if (year === null) {
    for (const sc of scans) {
      const m = /((?:19|20)\d{2})/.exec(sc.grid.name);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  if (year === null) {
    const m = /((?:19|20)\d{2})\s*年/.exec(bookName.normalize('NFKC'));
    if (m) year = Number(m[1]);
  }
  return { year, agency };
}

// ---------------------------------------------------------------------------------------------
// Template tag

function parseA1(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function readTag(book: Book): ReportData | null {
  const tag = book.grids.find((g) => g.name === TAG_SHEET);
  if (!tag) return null;
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < Math.min(tag.rows, 5000); r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 0; c < Math.min(tag.cols, 4); c++) row.push(tag.cell(r, c)?.raw ?? null);
    rows.push(row);
  }
  if (rows[0]?.[0] !== TAG_MAGIC) return null;
  const get = (k: string) => rows.find((r) => r[0] === k)?.[1] ?? null;
  const formKey = String(get('format') ?? '');
  if (!FORMS.some((f) => f.key === formKey)) return null;
  const sheetName = String(get('sheet') ?? '');
  const grid = book.grids.find((g) => g.name === sheetName);
  if (!grid) return null;
  const yearRaw = get('year');
  const year = yearRaw === null || yearRaw === '' ? null : Number(yearRaw);
  const agencyRaw = get('agency');
  const variants = String(get('variants') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const cells: Record<string, CellRead> = {};
  const tables = new Set<string>();
  // Addresses come packed ("cells", "id=A1;id=A1…") or one per row ("cell", id, A1).
  const pairs: [string, string][] = [];
  for (const row of rows) {
    if (row[0] === 'cells' && typeof row[1] === 'string')
      for (const item of row[1].split(';')) {
        const k = item.lastIndexOf('=');
        if (k > 0) pairs.push([item.slice(0, k), item.slice(k + 1)]);
      }
    else if (row[0] === 'cell' && typeof row[1] === 'string' && typeof row[2] === 'string') pairs.push([row[1], row[2]]);
  }
  for (const [id, addr] of pairs) {
    const at = parseA1(addr);
    if (!at) continue;
    cells[id] = cellRead(grid, at.r, at.c, grid.cell(at.r, at.c));
    tables.add(id.split(':')[0]);
  }
  return {
    format: formKey,
    ...(variants.length ? { variants } : {}),
    year: year !== null && Number.isFinite(year) ? year : null,
    agency: agencyRaw === null || agencyRaw === '' ? null : String(agencyRaw),
    sheet: grid.name,
    cells,
    notes: [],
    tables: ['T2', 'T3', 'T4'].filter((t) => tables.has(t)),
  };
}

// ---------------------------------------------------------------------------------------------
// Reports

function cellRead(grid: Grid, r: number, c: number, cell: GridCell | undefined): CellRead {
  const raw = cell?.raw;
  const out: CellRead = { ref: grid.ref(r, c), raw: raw === undefined || raw === '' ? null : raw };
  if (cell?.formula) out.formula = cell.formula;
  return out;
}

interface SheetTables {
  sc: Scan;
  form: Detected;
  places: TablePlace[];
}

/** Cell ids of a block by row and column index (cellId(table, row, column)). */
const blockIdCache = new WeakMap<BlockSpec, { table: string; ids: string[][] }>();
function blockIds(tableKey: string, block: BlockSpec): string[][] {
  const hit = blockIdCache.get(block);
  if (hit && hit.table === tableKey) return hit.ids;
  const ids = block.rows.map((row) => block.columns.map((col) => cellId(tableKey, row.key, col.key)));
  blockIdCache.set(block, { table: tableKey, ids });
  return ids;
}

function locateSheet(sc: Scan, det: Detected): TablePlace[] {
  const form = withVariants(det.form, det.variants);
  const out: TablePlace[] = [];
  for (const table of form.tables) {
    const p = locateTable(sc, table);
    if (p) out.push(p);
  }
  return out;
}

function gridTexts(sc: Scan): string[] {
  return (sc.norms ??= sc.texts.map((t) => labelParts(t.text).norm));
}

const TABLE_ORDER: string[] = ['T2', 'T3', 'T4'];

/**
 * Every report in a book. Tables may sit anywhere in a sheet, or on separate sheets (one report
 * assembled across sheets); a table that repeats starts a new report (one report per sheet).
 * Throws ReadError 'empty' when the book has no cells, 'no_tables' when no table is found.
 */
export function locateReports(book: Book): ReportData[] {
  const tagged = readTag(book);
  if (tagged) return [tagged];
  const grids = book.grids.filter((g) => g.name !== TAG_SHEET);
  const scans = grids.map(scan).filter((sc) => sc.rows.length > 0);
  if (!scans.length) throw new ReadError('empty', book.name);

  // 1. Each sheet with its own format guess.
  const sheets: SheetTables[] = [];
  for (const sc of scans) {
    const { year } = findTitle([sc], '');
    const det = detectFormat([sc], year);
    const places = locateSheet(sc, det);
    if (places.length) sheets.push({ sc, form: det, places });
  }
  if (!sheets.length) throw new ReadError('no_tables', book.name);

  // 2. Group sheets into reports: a table that repeats starts a new report.
  const groups: SheetTables[][] = [];
  let cur: SheetTables[] = [];
  let have = new Set<string>();
  for (const s of sheets) {
    const keys = s.places.map((p) => p.table.key);
    if (cur.length && keys.some((k) => have.has(k))) {
      groups.push(cur);
      cur = [];
      have = new Set();
    }
    cur.push(s);
    for (const k of keys) have.add(k);
  }
  if (cur.length) groups.push(cur);

  // 3. Each report: format from all its sheets, then its cells.
  return groups.map((group) => {
    const notes = newNotes();
    const gscans = group.map((s) => s.sc);
    const { year, agency } = findTitle(gscans, book.name);
    const det = detectFormat(gscans, year);
    notes.add(det.note);
    if (det.variants.length) {
      for (const v of det.variants) {
        const spec = det.form.variants?.[v];
        notes.add(
          `${det.form.key} 格式报告使用了旧版行：${spec?.row.label.join('') ?? v} / a ${det.form.key} report printing the old row layout (${v})`,
        );
      }
    }
    const form = withVariants(det.form, det.variants);
    const places = new Map<string, TablePlace>();
    for (const s of group) {
      const same = s.form.form === det.form && s.form.variants.join() === det.variants.join();
      const ps = same ? s.places : locateSheet(s.sc, det);
      for (const p of ps) if (!places.has(p.table.key)) places.set(p.table.key, p);
    }
    const cells: Record<string, CellRead> = {};
    for (const table of form.tables) {
      const p = places.get(table.key);
      if (!p) {
        notes.add(`未找到${table.short} / ${table.shortEn} not found`);
        continue;
      }
      for (const n of p.notes) notes.add(n);
      table.blocks.forEach((block, bi) => {
        const bp = p.blocks[bi];
        if (!bp) return;
        const ids = blockIds(table.key, block);
        const grid = p.grid;
        const colAt = bp.textCells ? null : block.columns.map((col) => bp.cols.get(col.key));
        block.rows.forEach((row, ri) => {
          const r = bp.rows.get(row.key);
          if (r === undefined) return;
          const rowIds = ids[ri];
          if (!colAt) {
            const byCol = bp.textCells!.get(row.key);
            block.columns.forEach((col, ci) => {
              const t = byCol?.get(col.key);
              if (!t) return;
              cells[rowIds[ci]] = t.c >= 0 ? cellRead(grid, r, t.c, t.cell) : { ref: grid.ref(r, 0), raw: null };
            });
          } else {
            for (let ci = 0; ci < colAt.length; ci++) {
              const c = colAt[ci];
              if (c === undefined) continue;
              cells[rowIds[ci]] = cellRead(grid, r, c, grid.cell(r, c));
            }
          }
        });
      });
    }
    const sheet = group.find((s) => s.places.some((p) => p.table.key === 'T3'))?.sc.grid.name ?? group[0].sc.grid.name;
    const report: ReportData = {
      format: det.form.key,
      ...(det.variants.length ? { variants: det.variants } : {}),
      year,
      agency,
      sheet,
      cells,
      notes: notes.list,
      tables: TABLE_ORDER.filter((t) => places.has(t)),
    };
    if (year !== null && formForYear(year).key !== det.form.key)
      notes.add(
        `${year} 年应使用 ${formForYear(year).key} 格式，表格为 ${det.form.key} 格式 / the ${year} report uses format ${det.form.key}, not ${formForYear(year).key}`,
      );
    return report;
  });
}

export { getForm };
