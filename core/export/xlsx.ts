/**
 * The final tables as a workbook ready to publish: the official layout (the template's layout:
 * same merges, widths and titles), values only — no formulas, no marks, no validation, no
 * protection, no hidden tag. Numbers are written as numbers (money with 4 decimals shown).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs';
import type { ValueKind } from '../forms';
import type { ReportData } from '../model/report';
import { templateLayout, type LayoutCell } from '../template/layout';
import { printSetup } from '../template/xlsx';
import { exportCells, guardExport, type ExportOptions } from './common';

const FONT = '宋体';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const CENTER = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };

const STYLE: Record<LayoutCell['role'], Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  section: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } },
  caption: { font: { name: FONT, size: 11, bold: true }, alignment: CENTER, border: BORDER },
  corner: { font: { name: FONT, size: 11 }, alignment: CENTER, border: BORDER },
  header: { font: { name: FONT, size: 11, bold: true }, alignment: CENTER, border: BORDER },
  label: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  input: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER },
  derived: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER },
  note: { font: { name: FONT, size: 11, italic: true }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
};
const NUMFMT: Record<ValueKind, string> = { count: '0', signed: '0', money: '0.0000' };

/** The workbook's bytes (.xlsx). Throws ExportRefused on error findings unless allowErrors. */
export async function exportXlsx(report: ReportData, lang: 'zh' | 'en' = 'zh', opts: ExportOptions = {}): Promise<Uint8Array> {
  guardExport(report, { ...opts, lang });
  const { form, cells } = exportCells(report);
  const values = new Map(cells.map((c) => [c.spec.id, c]));
  const layout = templateLayout(form, { year: report.year, agency: report.agency });
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'xxgk-tables';
  const ws = wb.addWorksheet(layout.sheetName, { views: [{ showGridLines: false } as ExcelJS.WorksheetView] });
  ws.columns = layout.columnWidths.map((width) => ({ width }));
  layout.rowHeights.forEach((h, r) => {
    ws.getRow(r + 1).height = h;
  });
  for (const cell of layout.cells) {
    const x = ws.getCell(cell.r + 1, cell.c + 1);
    if (cell.cellId) {
      const v = values.get(cell.cellId);
      const kind = cell.kind ?? v?.spec.kind ?? 'count';
      x.style = { ...STYLE.input, ...(typeof v?.value === 'number' ? { numFmt: NUMFMT[kind] } : {}) };
      if (v && v.value !== null) x.value = v.value;
    } else {
      x.style = STYLE[cell.role];
      if (cell.text) x.value = cell.text;
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(cell.r + 1, cell.c + 1, cell.r + cell.rowSpan, cell.c + cell.colSpan);
  }
  printSetup(ws, layout, { year: report.year, agency: report.agency });
  // Marked as an export: a later run finds it among a folder's reports and leaves it out (core/node/own.ts).
  wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, 'XXGK_OUTPUT_EXPORT');
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
