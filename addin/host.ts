/**
 * The one small interface through which the task pane talks to a spreadsheet: host-office.ts
 * (Excel through Office.js — the only module that calls it), host-memory.ts (in memory: files
 * outside Excel, and tests), and a WPS host. A new host implements SheetHost and declares its
 * HostCapabilities; nothing else in the pane knows which host it has.
 *
 * Coordinates are 0-based sheet rows/columns. Every call is one round trip to the host.
 */
import type { Book } from '../core/read/grid';
import { splitRef } from '../core/formula';

export type Scalar = string | number | boolean | null;

/** A cell position on a named sheet. */
export interface CellAt {
  sheet: string;
  r: number;
  c: number;
}

/**
 * What a host can do, declared by the host itself (Office: from the requirement sets supported at
 * run time; WPS: from its JS API; memory: everything a copy in memory can do). The pane branches
 * on these and on nothing else: it never asks which host it has.
 */
export interface HostCapabilities {
  /**
   * The host is the user's own open workbook (Excel, WPS): what the pane writes stays in their
   * document, which they see beside the pane. False for a copy in memory (a picked file): the pane
   * then shows its own preview of the sheet, checks every sheet by default and inserts no template.
   */
  liveWorkbook: boolean;
  /** A mark may carry a cell comment with the finding's text (Excel: ExcelApi 1.10). */
  comments: boolean;
  /** Several separate cells can be selected at once (Excel: RangeAreas.select, ExcelApi 1.18); else the first is selected. */
  selectMany: boolean;
  /** Merged areas can be read (Excel: getMergedAreasOrNullObject, ExcelApi 1.13). */
  readMerges: boolean;
  /** Data validation can be set on a template's input cells (Excel: ExcelApi 1.8). */
  validation: boolean;
  /** A template sheet can be protected with its input cells unlocked (Excel: ExcelApi 1.2). */
  protection: boolean;
  /** `onChanged` reports the user's edits (Excel: ExcelApi 1.7 per sheet, 1.9 for the whole workbook). */
  events: boolean;
  /** `openWorkbook` can open a generated workbook in a new window (Excel.createWorkbook, ExcelApi 1.8). */
  openWorkbook: boolean;
  /** The pane can hand the user a file by a browser download (false where the webview ignores downloads). */
  download: boolean;
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
  /** What the cell held: its value (text stays text), formula and number format where the host knows it. */
  before: { value: Scalar; formula: string | null; numberFormat?: string | null };
  after: { value: Scalar; formula: string | null };
}

export interface ValueWrite extends CellAt {
  /** A number or text; null empties the cell. */
  value: Scalar;
  /** A formula without "="; wins over value. */
  formula?: string | null;
  /** The cell's number format to restore with the value (undo); text values are always written as text. */
  numberFormat?: string | null;
}

/** The writes that undo `recs`, last first: each cell's value, formula and number format as they were. */
export const undoWrites = (recs: WriteRecord[]): ValueWrite[] =>
  [...recs].reverse().map((w) => ({
    sheet: w.sheet,
    r: w.r,
    c: w.c,
    value: w.before.value,
    formula: w.before.formula,
    numberFormat: w.before.numberFormat,
  }));

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
  /** What could not be read in full, to be said in the pane (never skipped silently). */
  skipped?: ReadSkip[];
}

/** A sheet (or part of one) the host did not read, and why. */
export interface ReadSkip {
  sheet: string;
  /** too-large: more cells than the host reads (`cells` says how many); merges: its merged areas could not be read (more than the host returns). */
  reason: 'too-large' | 'merges';
  cells?: number;
}

/** A failure the pane explains in the user's language (hosts throw these instead of raw host errors). */
export class HostError extends Error {
  constructor(
    readonly code: 'sheet-hidden' | 'sheet-missing' | 'cell-edit' | 'protected' | 'refused' | 'missing' | 'inactive' | 'too-large' | 'host',
    readonly sheet = '',
    /** The host's own error code, for a support request (never shown alone). */
    readonly detail = '',
    /** The program that refused (its name is said in the message). */
    readonly app: 'excel' | 'wps' = 'excel',
  ) {
    super(`${code}${sheet ? ` ${sheet}` : ''}${detail ? ` (${detail})` : ''}`);
  }
}

/**
 * A workbook preview the pane draws for a host that is not the user's visible workbook
 * (capabilities.liveWorkbook false). Cells are keyed "r,c" (0-based).
 */
export interface PreviewWorkbook {
  sheets: { name: string; cells: Map<string, PreviewCell>; merges: { r0: number; c0: number; r1: number; c1: number }[] }[];
  active: number;
  selection: CellAt[];
  /** Used rows and columns of a sheet, counted from A1. */
  extent(sheet: string): [number, number];
}

export interface PreviewCell {
  value: Scalar;
  fill?: string | null;
  comment?: string | null;
  bold?: boolean;
}

/**
 * A spreadsheet the pane works on. Implementations: host-office.ts (Excel through Office.js),
 * host-memory.ts (a file in memory; tests), and a WPS host. Each call is one round trip to the host.
 */
export interface SheetHost {
  readonly capabilities: HostCapabilities;
  /** The workbook to preview in the pane; present exactly when capabilities.liveWorkbook is false. */
  readonly preview?: PreviewWorkbook;
  /** Names of every sheet, in order. */
  sheetNames(): Promise<string[]>;
  /** The used block of the active sheet (scope 'active') or of every sheet ('all'), values + formulas + merges, in one round trip. */
  read(scope: 'active' | 'all'): Promise<ReadResult>;
  /** Writes values/formulas in one round trip, returning what each cell held before. */
  writeValues(writes: ValueWrite[]): Promise<WriteRecord[]>;
  /**
   * Marks cells (a fill, and the text as a comment where capabilities.comments allows), first
   * removing the marks this host placed before, in one round trip. The host keeps what each mark
   * changed, so that clearMarks() restores every cell exactly. Resolves to the marks in place.
   */
  mark(marks: Mark[]): Promise<number>;
  /** Removes every mark this host placed, restoring each cell exactly as it was, in one round trip. */
  clearMarks(): Promise<void>;
  /** The marks in place now (with those placed before the pane was reopened, where the host keeps them with the document). */
  markCount(): number;
  /** Activates the sheet and selects the cells. */
  select(cells: CellAt[]): Promise<void>;
  /**
   * Calls back (with the changed sheet's id or name) when the user changes cells, never for the
   * pane's own writes; returns the unsubscribe function.
   */
  onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>>;
  /** Opens a generated workbook (base64 .xlsx) in a new window; false where the host cannot (then the pane downloads it). */
  openWorkbook(base64: string): Promise<boolean>;
  /** Adds a sheet (a free name derived from `name`), draws the layout into it and activates it; returns its name. */
  addSheet(name: string, layout: DrawLayout): Promise<string>;
}

/** "Sheet1!D8" / "'My sheet'!D8" / "D8" → position (sheet defaults to `sheet`); core's reference reader. */
export function parseRef(ref: string, sheet = ''): CellAt | null {
  const t = ref.trim();
  if (t.includes('!')) return splitRef(t);
  const at = splitRef(`_!${t}`);
  return at && { ...at, sheet };
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
