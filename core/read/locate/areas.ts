/**
 * Several reports on one sheet: departments side by side (one from column A, another from column
 * R) or one under another. The sheet is cut into one area per report before any table is placed,
 * so that no report takes cells of another. Reports are told apart by the row labels that occur
 * once in a form: two of them in one sheet are two reports. Where the cut is not clear, the book
 * is not read (a ReadError saying why), rather than read wrongly.
 */
import { FORMS, withVariants } from '../../forms';
import type { TableKey } from '../../forms';
import { sayBoth } from '../../messages';
import { ReadError } from '../errors';
import { labelParts } from '../labels';
import { once } from '../cache';
import { parseTitle } from './title';
import type { Area, Scan, TextCell } from './scan';

/**
 * Row labels that occur once in every form that has them (by their words), with their table; not
 * the words of a column header (（七）总计 is a row, 总计 a header too).
 */
const onceLabels = once(() => {
  const table = new Map<string, TableKey>();
  const repeated = new Set<string>();
  for (const f of FORMS)
    for (const name of ['', ...Object.keys(f.variants ?? {})]) {
      const form = name ? withVariants(f, [name]) : f;
      const seen = new Set<string>();
      for (const t of form.tables)
        for (const b of t.blocks) {
          for (const col of b.columns) for (const h of col.header) repeated.add(labelParts(h).core);
          for (const row of b.rows) {
            if (!row.label.length) continue;
            const core = labelParts(row.label[row.label.length - 1]).core;
            if (seen.has(core) || (table.has(core) && table.get(core) !== t.key)) repeated.add(core);
            seen.add(core);
            table.set(core, t.key);
          }
        }
    }
  for (const k of repeated) table.delete(k);
  return table;
});

/** 表四's first header: it has no row labels, and this marks where it is. */
const T4_HEAD = once(() => labelParts('行政复议').core);

interface Anchor {
  cell: TextCell;
  core: string;
  table: TableKey;
}

/** A report's area needs this many label cells: fewer is a stray word, not a report. */
const MIN_ANCHORS = 3;
/** Label columns of one table lie this close (a merged group label, its item, its sub-item). */
const LABEL_SPREAD = 3;

/**
 * The areas of the sheet's reports, in reading order (left to right, then top to bottom), or null
 * when it holds one report (the usual case, decided cheaply). Throws ReadError 'mixed_reports'
 * when it holds several that cannot be told apart.
 */
export function reportAreas(sc: Scan, file: string): Area[] | null {
  // A text lists reports one under another as a sheet does (its rows are the lines): split it alike.
  const labels = onceLabels();
  const rowAnchors: Anchor[] = [];
  const heads: TextCell[] = [];
  const counts = new Map<string, number>();
  let repeats = false;
  for (const t of sc.texts) {
    const core = labelParts(t.text).core;
    if (core === T4_HEAD()) heads.push(t);
    const table = labels.get(core);
    if (!table) continue;
    rowAnchors.push({ cell: t, core, table });
    const n = (counts.get(core) ?? 0) + 1;
    counts.set(core, n);
    if (n > 1) repeats = true;
  }
  if (!repeats && heads.length <= 1) return null;

  const areas: Area[] = [];
  for (const cols of columnGroups(rowAnchors)) {
    const inCols = (t: TextCell) => t.c >= cols.c0 && t.c <= cols.c1;
    const anchors = rowAnchors.filter((a) => inCols(a.cell) && cols.labelCols.has(a.cell.c));
    for (const rows of rowGroups(sc, anchors, heads.filter(inCols), file)) areas.push({ ...rows, c0: cols.c0, c1: cols.c1 });
  }
  return areas.length > 1 ? areas : null;
}

/** Column bands of label cells; a band whose tables another band already has starts another report. */
function columnGroups(anchors: Anchor[]): { c0: number; c1: number; labelCols: Set<number>; tables: Set<TableKey> }[] {
  const byCol = new Map<number, Anchor[]>();
  for (const a of anchors) byCol.set(a.cell.c, [...(byCol.get(a.cell.c) ?? []), a]);
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  const bands: { c0: number; cols: number[]; tables: Set<TableKey>; n: number }[] = [];
  for (const c of cols) {
    const last = bands[bands.length - 1];
    const here = byCol.get(c)!;
    if (last && c - last.cols[last.cols.length - 1] <= LABEL_SPREAD) {
      last.cols.push(c);
      last.n += here.length;
      for (const a of here) last.tables.add(a.table);
    } else bands.push({ c0: c, cols: [c], tables: new Set(here.map((a) => a.table)), n: here.length });
  }
  const groups: { c0: number; c1: number; labelCols: Set<number>; tables: Set<TableKey> }[] = [];
  for (const band of bands.filter((b) => b.n >= MIN_ANCHORS)) {
    const cur = groups[groups.length - 1];
    if (cur && ![...band.tables].some((t) => cur.tables.has(t))) {
      for (const c of band.cols) cur.labelCols.add(c);
      for (const t of band.tables) cur.tables.add(t);
    } else {
      if (cur) cur.c1 = band.c0 - 1;
      groups.push({ c0: groups.length ? band.c0 : 0, c1: Infinity, labelCols: new Set(band.cols), tables: new Set(band.tables) });
    }
  }
  return groups.length ? groups : [{ c0: 0, c1: Infinity, labelCols: new Set(cols), tables: new Set() }];
}

/**
 * Reports one under another in a column band: the label that repeats most (the topmost of them)
 * starts each; each report ends after its last label, or after 表四's data row below it, or where
 * the next report's title is.
 */
function rowGroups(sc: Scan, anchors: Anchor[], heads: TextCell[], file: string): { r0: number; r1: number }[] {
  const byCore = new Map<string, number[]>();
  for (const a of anchors) byCore.set(a.core, [...(byCore.get(a.core) ?? []), a.cell.r]);
  let starts: number[] = [];
  for (const rows of byCore.values())
    if (rows.length > starts.length || (rows.length === starts.length && rows[0] < starts[0])) starts = rows;
  if (starts.length <= 1) return [{ r0: 0, r1: Infinity }];
  const out: { r0: number; r1: number }[] = [];
  let r0 = 0;
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const next = k + 1 < starts.length ? starts[k + 1] : Infinity;
    const mine = anchors.filter((a) => a.cell.r >= from && a.cell.r < next);
    // Each report holds each of these labels once: twice means two reports not told apart.
    const seen = new Map<string, number>();
    for (const a of mine) {
      const before = seen.get(a.core);
      if (before !== undefined) throw mixed(sc, file, a.cell.text, [before, a.cell.r]);
      seen.set(a.core, a.cell.r);
    }
    if (mine.length < MIN_ANCHORS) throw mixed(sc, file, mine[0]?.cell.text ?? '', starts);
    if (next === Infinity) {
      out.push({ r0, r1: Infinity });
      break;
    }
    let end = Math.max(...mine.map((a) => a.cell.r));
    const head = heads.find((h) => h.r > end && h.r < next);
    if (head) end = tableFourEnd(sc, head, next);
    // The next report starts at its title when there is one between, else right after this one.
    const title = sc.texts.find((t) => t.r > end && t.r < next && t.text.length <= 120 && parseTitle(t.text));
    const cut = title ? title.r : end + 1;
    out.push({ r0, r1: cut - 1 });
    r0 = cut;
  }
  return out;
}

/** The last row of 表四 under its first header: its data row, the first row below with a number. */
function tableFourEnd(sc: Scan, head: TextCell, before: number): number {
  for (const row of sc.rows) {
    if (row.r <= head.r + 1 || row.r >= before || row.r > head.r + 4) continue;
    if (row.cells.some((x) => typeof x.cell.raw === 'number' || x.cell.formula)) return row.r;
  }
  return Math.min(head.r + 2, before - 1);
}

function mixed(sc: Scan, file: string, label: string, rows: number[]): ReadError {
  return new ReadError('mixed_reports', file, sayBoth('locate.mixed_detail', { sheet: sc.grid.name, label, rows: rows.map((r) => r + 1) }));
}
