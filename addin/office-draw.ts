/**
 * Drawing a template layout into a new Excel sheet in one round trip: merges, formats, borders,
 * column widths, formulas, unlocked input cells under protection, data validation (ExcelApi 1.8).
 */
import type { DrawCell, DrawLayout, HostCapabilities } from './host';

/**
 * Excel's columnWidth is in points. A layout's widths are in characters as an .xlsx file stores
 * them (ECMA-376 Part 1, 18.3.1.13 col: width counts the padding), which Excel shows at 7 pixels
 * per character with Calibri 11 at 96 dpi, and a pixel is 0.75 point: about 5.25 points per
 * character, the same column as the downloaded template's.
 */
export const pointsForWidth = (chars: number): number => Math.round(chars * 7) * 0.75;

export function drawLayout(ws: Excel.Worksheet, layout: DrawLayout, f: HostCapabilities): void {
  for (const cell of layout.cells) drawCell(ws, cell, f);
  (layout.columnWidths ?? []).forEach((w, c) => {
    if (w) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pointsForWidth(w);
  });
  for (const [n, ref] of Object.entries(layout.names ?? {})) ws.names.add(n, ws.getRange(ref.replace(/^.*!/, '')));
  if (f.protection)
    ws.protection.protect({ allowFormatCells: true, allowEditObjects: true, allowFormatColumns: true, allowFormatRows: true });
}

const BORDERED = new Set(['header', 'corner', 'label', 'input', 'derived', 'value']);

function drawCell(ws: Excel.Worksheet, cell: DrawCell, f: HostCapabilities): void {
  const rs = cell.rowSpan ?? 1,
    cs = cell.colSpan ?? 1;
  const range = ws.getRangeByIndexes(cell.r, cell.c, rs, cs);
  const anchor = rs > 1 || cs > 1 ? ws.getRangeByIndexes(cell.r, cell.c, 1, 1) : range;
  if (rs > 1 || cs > 1) range.merge(false);
  if (cell.formula) anchor.formulas = [[`=${cell.formula.replace(/^=/, '')}`]];
  else if (cell.text !== undefined && cell.text !== null && cell.text !== '') anchor.values = [[cell.text]];
  const role = cell.role ?? '';
  range.format.wrapText = role !== 'title';
  range.format.verticalAlignment = 'Center';
  if (role === 'title') {
    range.format.font.bold = true;
    range.format.font.size = 14;
    range.format.horizontalAlignment = 'Center';
  }
  if (role === 'section') range.format.font.bold = true;
  if (role === 'header' || role === 'corner') {
    range.format.font.bold = true;
    range.format.horizontalAlignment = 'Center';
    range.format.fill.color = '#F2F2F2';
  }
  if (cell.formula) range.format.fill.color = '#EDF5EE';
  if (BORDERED.has(role)) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) range.format.borders.getItem(edge).style = 'Continuous';
  }
  if (role === 'input') {
    if (f.protection) range.format.protection.locked = false;
    if (f.validation) {
      const money = cell.kind === 'money';
      const signed = cell.kind === 'signed';
      range.dataValidation.rule = money
        ? { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }
        : {
            wholeNumber: signed
              ? { formula1: -1e9, formula2: 1e9, operator: 'Between' }
              : { formula1: 0, operator: 'GreaterThanOrEqualTo' },
          };
      range.dataValidation.prompt = {
        showPrompt: true,
        title: money ? '金额（万元）' : '件数',
        message: money ? '请输入金额（万元），最多 4 位小数' : signed ? '请输入整数（可为负数）' : '请输入不小于 0 的整数',
      };
      range.dataValidation.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: '输入有误',
        message: money ? '金额须为不小于 0 的数，最多 4 位小数' : signed ? '请输入整数' : '件数须为不小于 0 的整数',
      };
    }
  }
}
