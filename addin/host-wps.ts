/**
 * The spreadsheet through WPS 表格's JS API (a WPS 加载项): the ONLY module of the pane that calls
 * the ET object model (window.Application). Typed with the vendor's declarations (et-jsapi-declare,
 * the package `wpsjs create` puts in an ET project).
 *
 * The model mirrors Excel's VBA object model: calls are synchronous, collections are 1-based and
 * COM-style (Item(i), Count), colours are BGR integers (Interior.Color), a multi-cell Value2 or
 * Formula is a 2-D array, a one-cell one a scalar. There is no batching: each property read or set
 * is a call, so a block is read as UsedRange.Value2 + UsedRange.Formula (two calls for every
 * value and formula of a sheet) and merges are found by halving rows on MergeCells.
 */
/// <reference types="et-jsapi-declare" />
import { arrayGrid, a1, sheetRef, type Grid, type Merge } from '../core/read/grid';
import { drawLayout } from './wps/draw-layout';
import { clearMarks, markCommentsPerSheet, markCount, placeMarks, refusesFormats } from './wps/marks';
import { guarded } from './wps/errors';
export { explainWps } from './wps/errors';
import {
  freeSheetName,
  HostError,
  parseRef,
  type CellAt,
  type DrawLayout,
  type HostCapabilities,
  type Mark,
  type ReadResult,
  type ReadSkip,
  type Scalar,
  type SheetHost,
  type ValueWrite,
  type WriteRecord,
} from './host';

/** The application object a WPS 加载项 page sees (et-jsapi-declare's merged root). */
export type WpsApp = WPSMergedRoot;

/**
 * Error values as Value2 returns them through COM: CVErr(code) = 0x800A0000 + code, seen as a
 * negative 32-bit integer (XlCVError in the declarations: xlErrDiv0 = 2007 …). Mapped to the text
 * Excel shows so that the checker reports the cell as an error, never as a number.
 */
const CV_ERRORS: Record<number, string> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
};
const CV_BASE = 0x800a0000 - 0x100000000;

function scalar(v: unknown): Scalar {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') {
    const code = v - CV_BASE;
    return Number.isInteger(v) && CV_ERRORS[code] ? CV_ERRORS[code] : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Value2 / Formula of a rows×cols range as rows of cells (a one-cell range gives a scalar). */
function table(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  const out = Array.isArray(v) ? (v as unknown[]) : [];
  return Array.from({ length: rows }, (_, r) => {
    const row = out[r];
    return Array.from({ length: cols }, (_, c) => (Array.isArray(row) ? row[c] : undefined));
  });
}

const formulaOf = (f: unknown): string | null => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null);

const rect = (r0: number, c0: number, r1: number, c1: number) => (r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`);

/** "$A$1:$C$2" / "A1" → 0-based area. */
function area(address: string): Merge | null {
  const [p, q] = address.replace(/^.*!/, '').split(':');
  const a = parseRef(p),
    b = parseRef(q ?? p);
  return a && b ? { r0: a.r, c0: a.c, r1: b.r, c1: b.c } : null;
}

/**
 * Bounds, as in Excel (office-read.ts): a sheet with more cells than this is not checked; values
 * are read this many cells per call; merged areas are looked for in at most this many rows (one
 * call per row at least). UsedRange counts formatted cells, so a block above SHRINK_AT cells is
 * first cut to the last row and column holding a value or formula (Range.Find "*" backwards).
 */
export const MAX_SHEET_CELLS = 1_000_000;
export const CELLS_PER_CALL = 50_000;
export const MAX_MERGE_ROWS = 5_000;
const SHRINK_AT = 100_000;
// XlFindLookIn.xlFormulas, XlLookAt.xlPart, XlSearchOrder.xlByRows / xlByColumns, XlSearchDirection.xlPrevious (et-jsapi-declare).
const XL_FORMULAS = -4123,
  XL_PART = 2,
  XL_BY_ROWS = 1,
  XL_BY_COLUMNS = 2,
  XL_PREVIOUS = 2;

export class WpsHost implements SheetHost {
  readonly capabilities: HostCapabilities;
  /** Sheets that held comments of their own, or were protected, when last read: marks add no comments there. */
  private sheetsWithComments = new Set<string>();
  /** Comments our marks added and have not removed, per sheet. */
  private ourComments = new Map<string, number>();
  private commentsCounted = false;

  constructor(readonly app: WpsApp) {
    this.capabilities = {
      liveWorkbook: true,
      comments: true,
      selectMany: true, // Range("A1,C3").Select()
      readMerges: true,
      validation: true,
      protection: true,
      events: !!app.ApiEvent,
      openWorkbook: !!app.FileSystem && !!app.Env,
      download: true,
    };
  }

  /** The workbook last read or drawn into: marks, writes and selections go there even when another window is active (an exported workbook opens in front). */
  private current: Et.Workbook | null = null;

  /** The active workbook; a new one when none is open and `create` (WPS can run with no document). */
  private workbook(create = false): Et.Workbook | null {
    const wb = this.app.ActiveWorkbook;
    if (wb) return wb;
    return create ? this.app.Workbooks.Add() : null;
  }

  private worksheets(wb: Et.Workbook): Et.Worksheet[] {
    const sheets = wb.Worksheets;
    const out: Et.Worksheet[] = [];
    for (let i = 1, n = sheets.Count; i <= n; i++) out.push(sheets.Item(i) as Et.Worksheet); // 1-based
    return out;
  }

  /** A sheet of the current workbook by name (Sheets.Item raises on a name it does not have), looked up once per operation. */
  private sheet(name: string, cache?: Map<string, Et.Worksheet>): Et.Worksheet {
    const hit = cache?.get(name);
    if (hit) return hit;
    const wb = this.current ?? this.workbook();
    if (!wb) throw new Error(name);
    const ws = wb.Worksheets.Item(name) as Et.Worksheet;
    cache?.set(name, ws);
    return ws;
  }

  async sheetNames(): Promise<string[]> {
    const wb = this.workbook();
    return wb ? this.worksheets(wb).map((ws) => ws.Name) : [];
  }

  read(scope: 'active' | 'all'): Promise<ReadResult> {
    return guarded(() => this.readNow(scope));
  }

  private readNow(scope: 'active' | 'all'): ReadResult {
    const wb = (this.current = this.workbook());
    // Comments of marks left by an earlier pane are ours too (not the user's), counted once from the marks' names.
    if (wb && !this.commentsCounted) {
      this.ourComments = markCommentsPerSheet(wb);
      this.commentsCounted = true;
    }
    const list = !wb ? [] : scope === 'all' ? this.worksheets(wb) : [wb.ActiveSheet as Et.Worksheet];
    const grids: Grid[] = [];
    const sheets: ReadResult['sheets'] = [];
    const skipped: ReadSkip[] = [];
    for (const ws of list) {
      const name = ws.Name;
      const comments = ws.Comments.Count;
      if (comments > (this.ourComments.get(name) ?? 0) || ws.ProtectContents) this.sheetsWithComments.add(name);
      else this.sheetsWithComments.delete(name);
      const used = ws.UsedRange;
      const top = used.Row - 1,
        left = used.Column - 1;
      let rows = used.Rows.Count,
        cols = used.Columns.Count;
      if (rows * cols > SHRINK_AT) {
        const cells = ws.Cells;
        const lastRow = cells.Find('*', undefined, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_PREVIOUS);
        const lastCol = lastRow && cells.Find('*', undefined, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_PREVIOUS);
        rows = lastRow ? Math.max(0, Math.min(rows, lastRow.Row - top)) : 0;
        cols = lastCol ? Math.max(0, Math.min(cols, lastCol.Column - left)) : 0;
      }
      if (rows * cols > MAX_SHEET_CELLS) {
        skipped.push({ sheet: name, reason: 'too-large', cells: rows * cols });
        continue;
      }
      const values: Scalar[][] = [];
      const formulas: (string | undefined)[][] = [];
      const whole = rows === used.Rows.Count && cols === used.Columns.Count && rows * cols <= CELLS_PER_CALL;
      const per = Math.max(1, Math.floor(CELLS_PER_CALL / Math.max(1, cols)));
      for (let r0 = 0; r0 < rows && cols > 0; r0 += per) {
        const n = Math.min(per, rows - r0);
        const part = whole ? used : ws.Range(rect(top + r0, left, top + r0 + n - 1, left + cols - 1));
        values.push(...table(part.Value2, n, cols).map((row) => row.map(scalar)));
        formulas.push(...table(part.Formula, n, cols).map((row) => row.map((f) => formulaOf(f) ?? undefined)));
      }
      let merges: Merge[] = [];
      if (rows > MAX_MERGE_ROWS) skipped.push({ sheet: name, reason: 'merges' });
      else if (rows && cols) {
        const block = whole ? used : ws.Range(rect(top, left, top + rows - 1, left + cols - 1));
        merges = this.mergesOf(ws, block, top, left, rows, cols);
      }
      grids.push(
        arrayGrid(name, values, {
          formulas,
          merges: merges.map((m) => ({ r0: m.r0 - top, c0: m.c0 - left, r1: m.r1 - top, c1: m.c1 - left })),
          ref: (r, c) => sheetRef(name, r + top, c + left),
        }),
      );
      sheets.push({ name, top, left });
    }
    // Workbook.Name (et-jsapi-declare lib.et.d.ts Et.Workbook; [V] learn.microsoft.com/office/vba/api/excel.workbook.name):
    // the file's name with its extension, "工作簿1" for a book never saved. The reader may take the year from it, as the command line does.
    return { book: { name: wb?.Name ?? '', grids }, sheets, ...(skipped.length ? { skipped } : {}) };
  }

  /**
   * Merged areas of the block. Range.MergeCells is true when every cell of a range is merged,
   * false when none is, null when mixed (VBA's Range.MergeCells); MergeArea of one cell gives its
   * area (the cell itself when not merged). Each row is asked once (most rows: false, done); in a
   * row that is not, the first cell's area is taken and the rest asked again, and a run that
   * starts with an unmerged cell is halved. Every cell not yet in a found area is covered: values
   * cannot rule a cell out, since a merged area's hidden cells may still hold values.
   */
  private mergesOf(ws: Et.Worksheet, used: Et.Range, top: number, left: number, rows: number, cols: number): Merge[] {
    if (used.MergeCells === false) return [];
    const found: Merge[] = [];
    const covered = new Set<string>();
    const scan = (r: number, c0: number, c1: number): void => {
      while (c0 <= c1 && covered.has(`${r},${c0}`)) c0++; // an area found already is not asked about again
      while (c1 >= c0 && covered.has(`${r},${c1}`)) c1--;
      if (c0 > c1) return;
      if (c0 < c1 && ws.Range(rect(top + r, left + c0, top + r, left + c1)).MergeCells === false) return;
      const m = area(ws.Range(a1(top + r, left + c0)).MergeArea.Address(false, false));
      if (m && (m.r0 !== m.r1 || m.c0 !== m.c1)) {
        found.push(m);
        for (let rr = m.r0; rr <= m.r1; rr++) for (let cc = m.c0; cc <= m.c1; cc++) covered.add(`${rr - top},${cc - left}`);
        scan(r, m.c1 - left + 1, c1);
        return;
      }
      if (c0 === c1) return; // one cell, not merged
      if (c0 + 1 === c1) return scan(r, c1, c1);
      const mid = (c0 + 1 + c1) >> 1;
      scan(r, c0 + 1, mid);
      scan(r, mid + 1, c1);
    };
    for (let r = 0; r < rows; r++) scan(r, 0, cols - 1);
    return found;
  }

  /**
   * Writes values, first making sure every cell takes them (a locked cell of a protected sheet
   * raises), so that a refusal changes nothing. Text is written after an apostrophe: Value2 takes
   * a string as if typed, so "12" would come back as the number 12 and "-" or "=…" as a formula;
   * after an apostrophe it stays text, without the apostrophe. The number format read before is
   * put back where the sheet allows formatting.
   */
  writeValues(writes: ValueWrite[]): Promise<WriteRecord[]> {
    return guarded(() => {
      const cache = new Map<string, Et.Worksheet>();
      const cells = writes.map((w) => {
        const ws = this.sheet(w.sheet, cache);
        const range = ws.Range(a1(w.r, w.c));
        if (ws.ProtectContents && range.Locked) throw new HostError('protected', w.sheet, '', 'wps');
        return { range, formats: !refusesFormats(ws) };
      });
      return writes.map((w, i) => {
        const { range, formats } = cells[i];
        const numberFormat = String(range.NumberFormat ?? 'General');
        const before = { value: scalar(range.Value2), formula: formulaOf(range.Formula), numberFormat };
        const formula = w.formula ? w.formula.replace(/^=/, '') : null;
        if (formula) range.Formula = `=${formula}`;
        else if (w.value === null) range.ClearContents();
        else if (typeof w.value === 'string') range.Value2 = `'${w.value}`;
        else range.Value2 = w.value as unknown as string; // numbers stay numbers (the declaration says string)
        if (w.numberFormat && w.numberFormat !== numberFormat && formats) range.NumberFormat = w.numberFormat;
        return { sheet: w.sheet, r: w.r, c: w.c, before, after: { value: w.value, formula } };
      });
    });
  }

  /** The marks in the workbook (kept in it as hidden names: wps/marks.ts). */
  markCount(): number {
    try {
      return markCount(this.current ?? this.workbook());
    } catch {
      return 0;
    }
  }

  mark(marks: Mark[]): Promise<number> {
    return guarded(() => {
      this.clearNow(); // old marks go first
      const wb = this.current ?? this.workbook();
      if (!wb) return 0;
      const cache = new Map<string, Et.Worksheet>();
      return placeMarks(
        wb,
        marks,
        (s) => this.sheet(s, cache),
        (s) => !this.sheetsWithComments.has(s),
        (s) => this.count(s, 1),
      );
    });
  }

  clearMarks(): Promise<void> {
    return guarded(() => this.clearNow());
  }

  private clearNow(): void {
    const wb = this.current ?? this.workbook();
    if (!wb) return;
    for (const [sheet, n] of clearMarks(wb)) this.count(sheet, -n);
  }

  private count(sheet: string, d: number): void {
    this.ourComments.set(sheet, Math.max(0, (this.ourComments.get(sheet) ?? 0) + d));
  }

  select(cells: CellAt[]): Promise<void> {
    return guarded(() => this.selectNow(cells));
  }

  private selectNow(cells: CellAt[]): void {
    if (!cells.length) return;
    const name = cells[0].sheet;
    const ws = this.sheet(name);
    this.current?.Activate();
    ws.Activate(); // Range.Select fails on a sheet that is not active
    // Range("A1,C3,…") takes an address of at most 255 characters (VBA's Range limit): as many cells as fit.
    let address = a1(cells[0].r, cells[0].c);
    for (const c of cells.slice(1)) {
      if (c.sheet !== name) continue;
      const next = `${address},${a1(c.r, c.c)}`;
      if (next.length > 255) break;
      address = next;
    }
    ws.Range(address).Select();
  }

  async onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    const events = this.app.ApiEvent;
    if (!events) return async () => {};
    const listener = (ws: Et.Worksheet) => handler(ws?.Name ?? '');
    events.AddApiEventListener('SheetChange', listener);
    return async () => events.RemoveApiEventListener('SheetChange', listener);
  }

  /** Writes the workbook to the temp folder (FileSystem.writeAsBinaryString) and opens it there. */
  async openWorkbook(base64: string): Promise<boolean> {
    const fs = this.app.FileSystem,
      env = this.app.Env;
    if (!fs || !env) return false;
    const temp = env.GetTempPath();
    const sep = temp.includes('\\') ? '\\' : '/'; // Windows paths as Windows writes them
    const path = `${temp.replace(/[\\/]+$/, '')}${sep}xxgk-${Date.now()}.xlsx`;
    if (!fs.writeAsBinaryString(path, atob(base64))) return false;
    this.app.Workbooks.Open(path);
    return true;
  }

  async addSheet(name: string, layout: DrawLayout): Promise<string> {
    const wb = (this.current = this.workbook(true)!);
    const sheets = wb.Worksheets;
    const sheetName = freeSheetName(
      name,
      this.worksheets(wb).map((ws) => ws.Name),
    );
    const ws = sheets.Add(undefined, sheets.Item(sheets.Count)) as Et.Worksheet; // after the last sheet
    ws.Name = sheetName;
    const screen = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    try {
      drawLayout(ws, layout);
    } finally {
      this.app.ScreenUpdating = screen;
    }
    ws.Activate();
    return sheetName;
  }
}
