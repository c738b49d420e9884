/**
 * The one small interface through which the task pane talks to a spreadsheet. Two
 * implementations: host-office.ts (Excel through Office.js — the only module that calls it) and
 * host-memory.ts (in memory: files outside Excel, and tests).
 *
 * Coordinates are 0-based sheet rows/columns. Every call is one round trip to the host.
 */
import type { Book } from '../core/read/grid';

export type Scalar = string | number | boolean | null;

/** A cell position on a named sheet. */
export interface CellAt {
  sheet: string;
  r: number;
  c: number;
}

/** What the host supports (detected at run time; Office requirement sets). */
export interface HostFeatures {
  /** Cell comments (ExcelApi 1.10) used for a mark's text. */
  comments: boolean;
  /** Several areas selected at once (ExcelApi 1.9). */
  multiSelect: boolean;
  /** Merged areas readable (ExcelApi 1.13). */
  readMerges: boolean;
  /** Data validation on input cells (ExcelApi 1.8). */
  validation: boolean;
  /** Sheet protection with unlocked input cells (ExcelApi 1.2). */
  protection: boolean;
  /** Open a generated workbook in a new window (Excel.createWorkbook, ExcelApi 1.8). */
  createWorkbook: boolean;
  /** Change events (ExcelApi 1.7). */
  events: boolean;
}

/** A mark: a cell coloured (and given a comment where supported) because a finding names it. */
export interface Mark extends CellAt {
  color: string;
  text?: string;
}

/** What a mark changed, so that removing it restores the cell exactly. */
export interface MarkRecord extends CellAt {
  /** Fill colour before the mark; null when the cell had no fill. */
  prevFill: string | null;
  /** True when the mark added a comment (removed again with the mark). */
  comment: boolean;
}

/** A value written into a cell, with what was there before (for undo). */
export interface WriteRecord extends CellAt {
  before: { value: Scalar; formula: string | null };
  after: { value: Scalar; formula: string | null };
}

export interface ValueWrite extends CellAt {
  /** A number or text; null empties the cell. */
  value: Scalar;
  /** A formula without "="; wins over value. */
  formula?: string | null;
}

/** One cell of a layout to draw (core/template/layout.ts's SheetLayout cells, host-agnostic). */
export interface DrawCell {
  r: number;
  c: number;
  rowSpan?: number;
  colSpan?: number;
  text?: string | number | null;
  /** title | section | header | corner | label | input | derived | note … */
  role?: string;
  cellId?: string;
  kind?: string;
  /** Formula without "=" for derived cells. */
  formula?: string | null;
  /** Cached value of the formula, where known. */
  value?: number | null;
}

export interface DrawLayout {
  cells: DrawCell[];
  /** Column widths in characters, by column index. */
  columnWidths?: number[];
  /** Defined names to add (name → A1 reference on this sheet). */
  names?: Record<string, string>;
}

export interface ReadResult {
  book: Book;
  /** Sheets read, with the sheet coordinates of grid cell (0,0). */
  sheets: { name: string; top: number; left: number }[];
}

export interface SheetHost {
  readonly kind: 'office' | 'memory';
  readonly features: HostFeatures;
  /** Names of every sheet, in order. */
  sheetNames(): Promise<string[]>;
  /** The used block of the active sheet (scope 'active') or of every sheet ('all'), values + formulas + merges, in one round trip. */
  read(scope: 'active' | 'all'): Promise<ReadResult>;
  /** Writes values/formulas in one round trip, returning what each cell held before. */
  writeValues(writes: ValueWrite[]): Promise<WriteRecord[]>;
  /**
   * Colours cells (and adds comments where supported) in one round trip, first removing the marks
   * in `replacing` in the same round trip; the records returned undo it exactly.
   */
  addMarks(marks: Mark[], replacing?: MarkRecord[]): Promise<MarkRecord[]>;
  /** Restores every marked cell exactly as it was, in one round trip. */
  removeMarks(records: MarkRecord[]): Promise<void>;
  /** Activates the sheet and selects the cells. */
  select(cells: CellAt[]): Promise<void>;
  /** Calls back (with the changed sheet's name) when the user edits cells; returns the unsubscribe function. */
  onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>>;
  /** Opens a generated workbook (base64 .xlsx) in a new window; false where the host cannot (then the pane downloads it). */
  openWorkbook(base64: string): Promise<boolean>;
  /** Adds a sheet (a free name derived from `name`), draws the layout into it and activates it; returns its name. */
  addSheet(name: string, layout: DrawLayout): Promise<string>;
}

/** "Sheet1!D8" / "'My sheet'!D8" / "D8" → position (sheet defaults to `sheet`). */
export function parseRef(ref: string, sheet = ''): CellAt | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? sheet);
  let c = 0;
  for (const ch of m[3]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: name, r: Number(m[4]) - 1, c: c - 1 };
}

export const cellKey = (p: CellAt) => `${p.sheet}\u0000${p.r}\u0000${p.c}`;

/** A free sheet name: `name`, `name (2)`, … (Excel: ≤ 31 chars, no []:*?/\). */
export function freeSheetName(name: string, taken: string[]): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const n = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}
