/**
 * The spreadsheet in memory: what the pane works on outside Excel (files picked or dropped) and
 * in tests. Same interface as host-office.ts; formulas of the simple kind recalculate.
 */
import { arrayGrid, sheetRef, type Book, type Merge } from '../core/read/grid';
import { evalSimple } from './formula';
import {
  freeSheetName,
  type CellAt,
  type DrawLayout,
  type HostCapabilities,
  type Mark,
  type MarkRecord,
  type ReadResult,
  type Scalar,
  type SheetHost,
  type ValueWrite,
  type WriteRecord,
} from './host';

export interface MemCell {
  value: Scalar;
  formula?: string | null;
  fill?: string | null;
  comment?: string | null;
  /** Drawing hints kept for writing the sheet to a file. */
  role?: string;
  bold?: boolean;
  locked?: boolean;
  kind?: string;
}

export interface MemSheet {
  name: string;
  cells: Map<string, MemCell>;
  merges: Merge[];
  columnWidths: number[];
  protected?: boolean;
  names?: Record<string, string>;
}

const key = (r: number, c: number) => `${r},${c}`;

export class MemoryWorkbook {
  sheets: MemSheet[] = [];
  active = 0;
  selection: CellAt[] = [];

  sheet(name: string): MemSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`没有工作表 ${name} / no sheet ${name}`);
    return s;
  }

  addSheet(name: string): MemSheet {
    const s: MemSheet = { name, cells: new Map(), merges: [], columnWidths: [] };
    this.sheets.push(s);
    return s;
  }

  get(sheet: string, r: number, c: number): MemCell | undefined {
    return this.sheet(sheet).cells.get(key(r, c));
  }

  set(sheet: string, r: number, c: number, patch: Partial<MemCell>): void {
    const s = this.sheet(sheet);
    const k = key(r, c);
    const cur = s.cells.get(k) ?? { value: null };
    const next: MemCell = { ...cur, ...patch };
    if (next.fill == null) delete next.fill; // absent, not null: a restored cell is exactly as before
    if (next.comment == null) delete next.comment;
    if (next.value === null && !next.formula && !next.fill && !next.comment && !next.role && next.locked === undefined) s.cells.delete(k);
    else s.cells.set(k, next);
  }

  /** Bounds of the used cells: [rows, cols] (from A1). */
  extent(sheet: string): [number, number] {
    let rows = 0,
      cols = 0;
    for (const [k, v] of this.sheet(sheet).cells) {
      if (v.value === null && !v.formula) continue;
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    for (const m of this.sheet(sheet).merges) {
      rows = Math.max(rows, m.r1 + 1);
      cols = Math.max(cols, m.c1 + 1);
    }
    return [rows, cols];
  }

  /** Recomputes every simple formula of a sheet (a few passes for chains). */
  recalc(sheet: string): void {
    const s = this.sheet(sheet);
    const num = (r: number, c: number) => {
      const v = s.cells.get(key(r, c))?.value;
      return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : 0;
    };
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const cell of s.cells.values()) {
        if (!cell.formula) continue;
        const v = evalSimple(cell.formula, num);
        if (v !== undefined && v !== cell.value) {
          cell.value = v;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }

  /** The sheet as a grid (values + formulas + merges) for the core reader. */
  grid(sheet: string) {
    const s = this.sheet(sheet);
    const [rows, cols] = this.extent(sheet);
    const values: Scalar[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
    const formulas: (string | undefined)[][] = Array.from({ length: rows }, () => Array(cols).fill(undefined));
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      if (r >= rows || c >= cols) continue;
      values[r][c] = v.value;
      if (v.formula) formulas[r][c] = v.formula;
    }
    return arrayGrid(sheet, values, { merges: s.merges.map((m) => ({ ...m })), formulas, ref: (r, c) => sheetRef(sheet, r, c) });
  }

  book(name: string, sheets = this.sheets.map((s) => s.name)): Book {
    const names: Record<string, string> = {};
    for (const s of this.sheets) Object.assign(names, s.names ?? {});
    return { name, grids: sheets.map((s) => this.grid(s)), definedNames: names };
  }
}

/** A copy in memory does everything but open a new window; the pane previews it (not live). */
const MEMORY_CAPABILITIES: HostCapabilities = {
  liveWorkbook: false,
  comments: true,
  selectMany: true,
  readMerges: true,
  validation: true,
  protection: true,
  events: true,
  openWorkbook: false,
  download: true,
};

export class MemoryHost implements SheetHost {
  readonly capabilities: HostCapabilities = { ...MEMORY_CAPABILITIES };
  private listeners = new Set<(sheet: string) => void>();
  /** What each mark in place changed. */
  private records: MarkRecord[] = [];

  constructor(
    readonly wb: MemoryWorkbook = new MemoryWorkbook(),
    readonly label = 'workbook',
  ) {}

  get preview(): MemoryWorkbook {
    return this.wb;
  }

  async sheetNames(): Promise<string[]> {
    return this.wb.sheets.map((s) => s.name);
  }

  async read(scope: 'active' | 'all'): Promise<ReadResult> {
    const names =
      scope === 'all' ? this.wb.sheets.map((s) => s.name) : this.wb.sheets[this.wb.active] ? [this.wb.sheets[this.wb.active].name] : [];
    return { book: this.wb.book(this.label, names), sheets: names.map((name) => ({ name, top: 0, left: 0 })) };
  }

  async writeValues(writes: ValueWrite[]): Promise<WriteRecord[]> {
    const out: WriteRecord[] = [];
    const touched = new Set<string>();
    for (const w of writes) {
      const cur = this.wb.get(w.sheet, w.r, w.c);
      const before = { value: cur?.value ?? null, formula: cur?.formula ?? null };
      const formula = w.formula ? w.formula.replace(/^=/, '') : null;
      this.wb.set(w.sheet, w.r, w.c, { value: w.value, formula });
      touched.add(w.sheet);
      out.push({ sheet: w.sheet, r: w.r, c: w.c, before, after: { value: w.value, formula } });
    }
    for (const s of touched) this.wb.recalc(s);
    for (const i in out) {
      const w = out[i];
      w.after = { value: this.wb.get(w.sheet, w.r, w.c)?.value ?? null, formula: w.after.formula };
    }
    for (const s of touched) for (const l of this.listeners) l(s);
    return out;
  }

  async mark(marks: Mark[]): Promise<number> {
    await this.clearMarks();
    this.records = marks.map((m) => {
      const cur = this.wb.get(m.sheet, m.r, m.c);
      const hadComment = !!cur?.comment;
      this.wb.set(m.sheet, m.r, m.c, { fill: m.color, ...(m.text && !hadComment ? { comment: m.text } : {}) });
      return { sheet: m.sheet, r: m.r, c: m.c, prevFill: cur?.fill ?? null, comment: !!m.text && !hadComment };
    });
    return this.records.length;
  }

  async clearMarks(): Promise<void> {
    for (const m of [...this.records].reverse())
      this.wb.set(m.sheet, m.r, m.c, { fill: m.prevFill, ...(m.comment ? { comment: null } : {}) });
    this.records = [];
  }

  markCount(): number {
    return this.records.length;
  }

  async select(cells: CellAt[]): Promise<void> {
    if (!cells.length) return;
    const i = this.wb.sheets.findIndex((s) => s.name === cells[0].sheet);
    if (i >= 0) this.wb.active = i;
    this.wb.selection = cells.map((c) => ({ ...c }));
  }

  async onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    this.listeners.add(handler);
    return async () => {
      this.listeners.delete(handler);
    };
  }

  async openWorkbook(): Promise<boolean> {
    return false;
  }

  async addSheet(name: string, layout: DrawLayout): Promise<string> {
    const sheetName = freeSheetName(
      name,
      this.wb.sheets.map((s) => s.name),
    );
    const s = this.wb.addSheet(sheetName);
    drawInto(this.wb, s, layout);
    this.wb.active = this.wb.sheets.length - 1;
    return sheetName;
  }
}

/** Draws a layout into an in-memory sheet (merges, formulas with cached values, roles kept as hints). */
export function drawInto(wb: MemoryWorkbook, s: MemSheet, layout: DrawLayout): void {
  for (const cell of layout.cells) {
    const formula = cell.formula ? cell.formula.replace(/^=/, '') : null;
    const value = formula ? (cell.value ?? 0) : (cell.text ?? cell.value ?? null);
    const input = cell.role === 'input';
    wb.set(s.name, cell.r, cell.c, {
      value: value === '' ? null : value,
      formula,
      role: cell.role,
      kind: cell.kind,
      locked: !input,
      bold: ['title', 'section', 'header', 'corner'].includes(cell.role ?? ''),
    });
    if ((cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1)
      s.merges.push({ r0: cell.r, c0: cell.c, r1: cell.r + (cell.rowSpan ?? 1) - 1, c1: cell.c + (cell.colSpan ?? 1) - 1 });
  }
  s.columnWidths = [...(layout.columnWidths ?? [])];
  s.names = { ...(layout.names ?? {}) };
  s.protected = true;
  wb.recalc(s.name);
}
