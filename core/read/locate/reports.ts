/**
 * Every report in a book: each sheet scanned and its tables placed, sheets grouped into reports,
 * each report's cells read at the places found.
 */
import { cellId, formForYear, withVariants } from '../../forms';
import type { BlockSpec } from '../../forms';
import type { CellRead, ReportData } from '../../model/report';
import { ReadError } from '../errors';
import { a1, type Book, type Grid } from '../grid';
import { reportAreas } from './areas';
import { derived } from '../cache';
import { newNotes, note } from '../notes';
import { detectFormat, type Detected } from './format';
import { areaScan, cellRead, scan, type Scan } from './scan';
import { locateTable, type BlockPlace, type TablePlace } from './tables';
import { mergesIn, placeUnderHeaders, type Placed } from './spans';
import { readTag, TAG_SHEET } from './tag';
import { findTitle } from './title';

interface SheetTables {
  sc: Scan;
  form: Detected;
  places: TablePlace[];
  /** When the sheet holds several reports: where this one is ("A1:P60"), and how many there are. */
  area?: { range: string; of: number };
}

/** A sheet, or each report's area of it when it holds several. */
function sheetParts(sc: Scan, file: string): { sc: Scan; area?: SheetTables['area'] }[] {
  const areas = reportAreas(sc, file);
  if (!areas) return [{ sc }];
  return areas.map((a) => {
    const part = areaScan(sc, a);
    let c0 = Infinity;
    let c1 = -1;
    for (const row of part.rows) {
      c0 = Math.min(c0, row.cells[0].c);
      c1 = Math.max(c1, row.cells[row.cells.length - 1].c);
    }
    const range = part.rows.length ? `${a1(part.rows[0].r, c0)}:${a1(part.rows[part.rows.length - 1].r, c1)}` : '';
    return { sc: part, area: { range, of: areas.length } };
  });
}

/** Cell ids of a block by row and column index (cellId(table, row, column)), by table key. */
const blockIdsByTable = derived((_block: BlockSpec) => new Map<string, string[][]>());
function blockIds(tableKey: string, block: BlockSpec): string[][] {
  const byTable = blockIdsByTable(block);
  let ids = byTable.get(tableKey);
  if (!ids) byTable.set(tableKey, (ids = block.rows.map((row) => block.columns.map((col) => cellId(tableKey, row.key, col.key)))));
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
  for (const whole of scans)
    for (const { sc, area } of sheetParts(whole, book.name)) {
      const { year } = findTitle([sc], '');
      const det = detectFormat([sc], year);
      const places = locateSheet(sc, det);
      if (places.length) sheets.push({ sc, form: det, places, ...(area ? { area } : {}) });
    }
  if (!sheets.length) throw new ReadError('no_tables', book.name);

  // 2. Group sheets into reports: a table that repeats starts a new report, and so does each
  //    report's area of a sheet that holds several (they never join another).
  const groups: SheetTables[][] = [];
  let cur: SheetTables[] = [];
  let have = new Set<string>();
  for (const s of sheets) {
    const keys = s.places.map((p) => p.table.key);
    if (cur.length && (s.area || cur[0].area || keys.some((k) => have.has(k)))) {
      groups.push(cur);
      cur = [];
      have = new Set();
    }
    cur.push(s);
    for (const k of keys) have.add(k);
  }
  if (cur.length) groups.push(cur);

  // 3. Each report: format from all its sheets, then its cells.
  return groups.map((group) => readGroup(group, book.name));
}

/** Where a block's rows are read when their merged cells differ from its header's (spans.ts); null when none can. */
function rowsUnderHeaders(grid: Grid, bp: BlockPlace): ((r: number) => Placed[] | null) | null {
  const heads = bp.heads;
  if (!heads || !bp.rows.size) return null;
  const rs = [...bp.rows.values()];
  const merges = mergesIn(grid, Math.min(...rs), Math.max(...rs), heads[0].c0, heads[heads.length - 1].c1);
  if (!merges.length && heads.every((h) => h.c1 === h.c0)) return null;
  return (r) => placeUnderHeaders(grid, r, heads, merges);
}

/** One report from its sheets: the format from all of them, then the cells at the places found. */
function readGroup(group: SheetTables[], bookName: string): ReportData {
  const notes = newNotes();
  const gscans = group.map((s) => s.sc);
  const { year, agency, fromFileName } = findTitle(gscans, bookName);
  const det = detectFormat(gscans, year);
  const area = group[0].area;
  if (fromFileName) notes.add(note('locate.year_from_name', { year: year! }));
  if (area) notes.add(note('locate.report_area', { sheet: group[0].sc.grid.name, area: area.range, count: area.of }));
  notes.add(det.note);
  if (det.variants.length) {
    for (const v of det.variants) {
      const spec = det.form.variants?.[v];
      if (spec) notes.add(note('locate.old_rows', { format: det.form.key, row: spec.row.label[spec.row.label.length - 1] }));
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
      notes.add(note('locate.table_missing', { table: table.key }));
      continue;
    }
    for (const n of p.notes) notes.add(n);
    table.blocks.forEach((block, bi) => {
      const bp = p.blocks[bi];
      if (!bp) return;
      const ids = blockIds(table.key, block);
      const grid = p.grid;
      const colAt = bp.textCells ? null : block.columns.map((col) => bp.cols.get(col.key));
      const under = colAt ? rowsUnderHeaders(grid, bp) : null;
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
          const placed = under?.(r);
          for (let ci = 0; ci < colAt.length; ci++) {
            const at = placed?.[ci];
            const c = at ? at.c : colAt[ci];
            if (c === undefined) continue;
            cells[rowIds[ci]] = cellRead(grid, r, c, grid.cell(r, c));
            if (at?.doubt) cells[rowIds[ci]].doubt = at.doubt;
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
    ...(fromFileName ? { yearFrom: 'file_name' as const } : {}),
    agency,
    sheet,
    ...(area ? { area: area.range } : {}),
    cells,
    notes: notes.list,
    tables: TABLE_ORDER.filter((t) => places.has(t)),
  };
  if (year !== null && formForYear(year).key !== det.form.key)
    notes.add(note('locate.format_not_of_year', { year, format: det.form.key, expected: formForYear(year).key }));
  return report;
}
