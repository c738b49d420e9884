/**
 * Writes a template (or a filled report in the template's layout) as .xlsx with exceljs. The only
 * module that touches exceljs for templates. Draws templateLayout(): merges, borders, widths,
 * print setup, input cells unlocked under sheet protection, data validation on input cells,
 * formulas with cached results, and the hidden tag the reader uses to read it back exactly.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs';
import type { FormSpec, ValueKind } from '../forms';
import { formCells, withVariants, columnName, rowName } from '../forms';
import { Dec } from '../model/decimal';
import { a1, columnLetters } from '../read/grid';
import { templateLayout, templateTitle, textWidth, type LayoutCell, type LayoutOptions, type SheetLayout } from './layout';
import { printAsTable } from '../print';
import { planDerived, type WriteValue } from './derive';
import { clipText } from '../model/values';

export type { WriteValue };

/**
 * How the official layout prints (templates and exports): as people print tables (core/print.ts),
 * the title row repeated on each page, the report's title in the page header and the department
 * in the footer. Portrait and one page tall made 5 pt type.
 */
export function printSetup(ws: ExcelJS.Worksheet, layout: SheetLayout, opts: LayoutOptions): void {
  printAsTable(ws, {
    header: templateTitle(opts),
    footer: opts.agency?.trim() || undefined,
    titleRows: [layout.titleRow + 1, layout.titleRow + 1],
    area: `A1:${columnLetters(layout.cols - 1)}${layout.rows}`,
  });
}

export const TAG_SHEET = 'xxgk_tag';
/** Below Excel's 32,767 characters per cell. */
const TAG_CELL_CHARS = 30000;
export const TAG_MAGIC = 'xxgk-template';
export const TAG_VERSION = 1;

export interface TemplateOptions extends LayoutOptions {
  /** Layout variants (e.g. "old_rows") the written report prints. */
  variants?: string[];
  /** Values by cell id. Input cells are written as given; a derived cell given here is kept as written when it disagrees with its parts. */
  values?: Map<string, WriteValue>;
  /**
   * Derived cells whose parts are not all numbers: 'formula' writes the formula anyway (its cached
   * result treats blanks as 0, as a spreadsheet does: blank templates); 'blank' leaves the cell
   * empty (a filled report whose total cannot be known).
   */
  blankTotals?: 'formula' | 'blank';
  /** Notes written beside 表二 (last year's figures, ...), one line each. */
  notes?: string[];
  /** Extra visible sheets after the report (sum's appendix). */
  extraSheets?: { name: string; rows: (string | number | null)[][]; widths?: number[] }[];
  /**
   * The output it is, written as a defined name (XXGK_OUTPUT_SUM): a total is never read back as a
   * department's report when it lies among them (core/node/own.ts). Templates carry none: they are filled in.
   */
  mark?: 'sum';
  /** Lock and protect the sheet (default true). */
  protect?: boolean;
  /** Data validation on input cells (default true). */
  validation?: boolean;
}

const FONT = '宋体';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF9E6' } };
const DERIVED_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEFEFEF' } };

const STYLES: Record<LayoutCell['role'], Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  section: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } },
  caption: {
    font: { name: FONT, size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
  },
  corner: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER },
  header: {
    font: { name: FONT, size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
  },
  label: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  input: {
    font: { name: FONT, size: 11 },
    alignment: { horizontal: 'center', vertical: 'middle' },
    border: BORDER,
    fill: INPUT_FILL,
    protection: { locked: false },
  },
  derived: {
    font: { name: FONT, size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
    border: BORDER,
    fill: DERIVED_FILL,
    protection: { locked: true },
  },
  note: { font: { name: FONT, size: 11, italic: true }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
};
const NUMFMT: Record<ValueKind, string> = { count: '0', signed: '+0;-0;0', money: '0.0000' };
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function styleFor(role: LayoutCell['role'], kind?: ValueKind): Partial<ExcelJS.Style> {
  const key = `${role}|${kind ?? ''}`;
  let s = styleCache.get(key);
  if (!s) {
    s = { ...STYLES[role], ...(kind ? { numFmt: NUMFMT[kind] } : {}) };
    styleCache.set(key, s);
  }
  return s;
}

function validationFor(kind: ValueKind, ref: string): ExcelJS.DataValidation {
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: '输入有误' };
  switch (kind) {
    case 'count':
      return {
        ...common,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        promptTitle: '件数',
        prompt: '请填写不小于 0 的整数；没有的填 0。',
        error: '这里只能填写不小于 0 的整数（件数）。',
      };
    case 'signed':
      return {
        ...common,
        type: 'whole',
        operator: 'between',
        formulae: [-999999999, 999999999],
        promptTitle: '增减数',
        prompt: '请填写整数：增加填正数，减少填负数（如 -3），没有变化填 0。',
        error: '这里只能填写整数（减少填负数）。',
      };
    case 'money':
      return {
        ...common,
        type: 'custom',
        formulae: [`AND(ISNUMBER(${ref}),ROUND(${ref},4)=${ref})`],
        promptTitle: '金额（万元）',
        prompt: '请以万元为单位填写数字，最多保留 4 位小数（如 12.3456）。',
        error: '这里只能填写以万元为单位、最多 4 位小数的数字。',
      };
  }
}

/** A text copied from an input cell is cut as in messages (a hostile cell may hold megabytes; Excel holds 32,767 characters). */
const toCellValue = (v: WriteValue | Dec): number | string | null =>
  v instanceof Dec ? v.toNumber() : typeof v === 'string' ? clipText(v) : v;

/** What each value cell of the written sheet holds (derived cells as planned by planDerived). */
export function plannedValues(
  form: FormSpec,
  layout: SheetLayout,
  opts: TemplateOptions,
): Map<string, { value: number | string | null; formula?: string }> {
  const given = opts.values ?? new Map<string, WriteValue>();
  const plans = planDerived(form, given, (opts.blankTotals ?? 'formula') === 'formula');
  const out = new Map<string, { value: number | string | null; formula?: string }>();
  for (const cell of layout.cells) {
    if (!cell.cellId) continue;
    const plan = cell.role === 'derived' ? plans.get(cell.cellId) : undefined;
    if (!plan) out.set(cell.cellId, { value: toCellValue(given.get(cell.cellId) ?? null) });
    else if (plan.status === 'formula') out.set(cell.cellId, { value: toCellValue(plan.value), formula: cell.formula });
    else out.set(cell.cellId, { value: toCellValue(plan.value) });
  }
  return out;
}

export async function writeTemplate(baseForm: FormSpec, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const form = withVariants(baseForm, opts.variants ?? []);
  const layout = templateLayout(form, opts);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'xxgk-tables';
  wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet(layout.sheetName, {
    properties: { defaultRowHeight: 18 },
    views: [{ state: 'frozen', ySplit: 0, xSplit: 0, showGridLines: false } as ExcelJS.WorksheetView],
  });
  ws.columns = layout.columnWidths.map((width) => ({ width }));
  layout.rowHeights.forEach((h, r) => {
    ws.getRow(r + 1).height = h;
  });

  const values = plannedValues(form, layout, opts);
  const validate = opts.validation !== false;
  const open: LayoutCell[] = []; // cells the user types into: validated in rectangles below
  for (const cell of layout.cells) {
    const x = ws.getCell(cell.r + 1, cell.c + 1);
    if (cell.cellId) {
      const v = values.get(cell.cellId)!;
      // A total kept as written or left blank has no formula: it stays open to the user.
      x.style = styleFor(v.formula ? 'derived' : 'input', cell.kind);
      if (v.formula) x.value = { formula: v.formula, result: v.value ?? 0 } as ExcelJS.CellFormulaValue;
      else if (v.value !== null) x.value = v.value;
      if (!v.formula && validate) open.push(cell);
    } else {
      x.style = styleFor(cell.role);
      if (cell.text) x.value = cell.text;
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(cell.r + 1, cell.c + 1, cell.r + cell.rowSpan, cell.c + cell.colSpan);
  }

  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const [range, kind] of validationRanges(open)) dv.add(range, validationFor(kind, range.split(':')[0]));

  // Notes beside 表二 (outside the tables, never read as data).
  if (opts.notes?.length) {
    const t2 = layout.tables[0];
    const c = t2.c1 + 2;
    const x = ws.getCell(t2.r0 + 1, c + 1);
    x.value = opts.notes.join('\n');
    x.style = styleFor('note');
    const wide = Math.max(...opts.notes.map(textWidth));
    const span = Math.max(1, Math.min(layout.cols - c, 4));
    ws.mergeCells(t2.r0 + 1, c + 1, t2.r0 + Math.max(2, opts.notes.length * Math.ceil(wide / (span * 10))), c + span);
  }

  printSetup(ws, layout, opts);

  // The hidden tag: what the reader uses to read the report back exactly.
  const tag = wb.addWorksheet(TAG_SHEET, { state: 'veryHidden' });
  tag.addRow([TAG_MAGIC, TAG_VERSION]);
  tag.addRow(['format', baseForm.key]);
  tag.addRow(['year', opts.year ?? '']);
  tag.addRow(['agency', opts.agency ?? '']);
  tag.addRow(['sheet', layout.sheetName]);
  tag.addRow(['variants', (opts.variants ?? []).join(',')]);
  // Every value cell's address, packed "id=A1;id=A1…" into as few cells as fit (one row per cell cost a third of the writing time).
  let packed = '';
  for (const [id, at] of layout.address) {
    const item = `${id}=${a1(at.r, at.c)}`;
    if (packed.length + item.length + 1 > TAG_CELL_CHARS) {
      tag.addRow(['cells', packed]);
      packed = '';
    }
    packed = packed ? `${packed};${item}` : item;
  }
  if (packed) tag.addRow(['cells', packed]);
  const quoted = `'${layout.sheetName.replace(/'/g, "''")}'`;
  for (const t of layout.tables)
    wb.definedNames.add(`${quoted}!$${columnLetters(t.c0)}$${t.r0 + 1}:$${columnLetters(t.c1)}$${t.r1 + 1}`, `XXGK_${t.key}`);
  if (opts.mark) wb.definedNames.add(`${quoted}!$A$1`, `XXGK_OUTPUT_${opts.mark.toUpperCase()}`);

  for (const extra of opts.extraSheets ?? []) {
    const s = wb.addWorksheet(extra.name);
    for (const row of extra.rows) s.addRow(row);
    if (extra.widths) s.columns = extra.widths.map((width) => ({ width }));
    s.getRow(1).font = { name: FONT, bold: true };
  }

  // "Format cells" stays allowed (ECMA-376 18.3.1.85 sheetProtection formatCells="0"): the pane marks wrong
  // cells with a fill and its undo puts number formats back, which a protected sheet refuses otherwise (issue 19).
  if (opts.protect !== false)
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true });
  // Fast deflate: a template is small, and level 1 halves the time spent compressing it.
  const buf = await wb.xlsx.writeBuffer({
    useSharedStrings: false,
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * Input cells grouped into rectangles of one kind (runs along a row, stacked over consecutive rows
 * with the same run), so that a sheet carries a dozen validations rather than one per cell.
 * Money cells stay single: their custom formula names the cell.
 */
export function validationRanges(cells: LayoutCell[]): [string, ValueKind][] {
  const runs: { r: number; c0: number; c1: number; kind: ValueKind }[] = [];
  const sorted = [...cells].sort((a, b) => a.r - b.r || a.c - b.c);
  for (const cell of sorted) {
    const kind = cell.kind ?? 'count';
    const last = runs[runs.length - 1];
    if (kind !== 'money' && last && last.r === cell.r && last.kind === kind && last.c1 + 1 === cell.c && cell.colSpan === 1)
      last.c1 = cell.c;
    else runs.push({ r: cell.r, c0: cell.c, c1: cell.c, kind });
  }
  const out: [string, ValueKind][] = [];
  const rects: { r0: number; r1: number; c0: number; c1: number; kind: ValueKind }[] = [];
  for (const run of runs) {
    const prev = rects.find((x) => x.r1 + 1 === run.r && x.c0 === run.c0 && x.c1 === run.c1 && x.kind === run.kind && x.kind !== 'money');
    if (prev) prev.r1 = run.r;
    else rects.push({ r0: run.r, r1: run.r, c0: run.c0, c1: run.c1, kind: run.kind });
  }
  for (const x of rects) out.push([x.r0 === x.r1 && x.c0 === x.c1 ? a1(x.r0, x.c0) : `${a1(x.r0, x.c0)}:${a1(x.r1, x.c1)}`, x.kind]);
  return out;
}

/** Human name of a value cell for messages: 表三 本年新收 / 自然人. */
export function cellLabel(form: FormSpec, id: string): string {
  const spec = formCells(form).get(id);
  if (!spec) return id;
  const row = rowName(spec.row);
  return [spec.table.short, row, columnName(spec.column)].filter(Boolean).join(' ');
}
