/**
 * Writing .xlsx in the browser (exceljs; loaded with import() only when the user downloads or
 * exports something): in-memory sheets drawn from layouts, and plain result tables.
 */
import ExcelJS from 'exceljs';
import type { MemoryWorkbook } from './host-memory';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BORDERED = new Set(['header', 'corner', 'label', 'input', 'derived', 'caption']);

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Every sheet of an in-memory workbook: values, formulas (with cached results) unless `valuesOnly`, merges, widths, borders, protection. */
export async function writeMemoryWorkbook(wb: MemoryWorkbook, opts: { valuesOnly?: boolean; protect?: boolean } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xxgk-tables';
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    s.columnWidths.forEach((w, c) => { if (w) ws.getColumn(c + 1).width = w; });
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      const x = ws.getCell(r + 1, c + 1);
      if (cell.formula && !opts.valuesOnly) x.value = { formula: cell.formula, result: (cell.value ?? 0) as number } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) x.value = cell.value as ExcelJS.CellValue;
      const role = cell.role ?? '';
      if (BORDERED.has(role)) x.border = BORDER;
      if (role === 'title') { x.font = { bold: true, size: 16 }; x.alignment = { horizontal: 'center', vertical: 'middle' }; }
      else if (role === 'section') x.font = { bold: true, size: 12 };
      else if (role === 'header' || role === 'corner' || role === 'caption') { x.font = { bold: role !== 'corner' }; x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }; }
      else if (role === 'label') x.alignment = { vertical: 'middle', wrapText: true };
      else if (role === 'input' || role === 'derived') x.alignment = { horizontal: 'center', vertical: 'middle' };
      if (role === 'derived' && !opts.valuesOnly) x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDF5EE' } };
      if (cell.fill) x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
      if (cell.comment) x.note = cell.comment;
      if (role === 'input' && opts.protect) x.protection = { locked: false };
      if (cell.kind === 'money' && (role === 'input' || role === 'derived')) x.numFmt = '0.0000';
    }
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    if (opts.protect) await ws.protect('', { formatCells: true, formatColumns: true, formatRows: true, selectLockedCells: true, selectUnlockedCells: true });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A plain table (header row + rows) as a workbook. */
export async function writeTable(sheet: string, header: string[], rows: (string | number | null)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  header.forEach((h, i) => { ws.getColumn(i + 1).width = Math.min(60, Math.max(10, h.length * 2 + 2, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2))); });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
