/**
 * Draws a template layout (core/template/layout.ts, the same one the Excel host and the .xlsx
 * writer draw) into a WPS 表格 worksheet through the ET object model. Enumerations are written as
 * numbers: the declarations' enums are ambient (no object exists at run time).
 */
/// <reference types="et-jsapi-declare" />
import { a1, columnLetters } from '../../core/read/grid';
import type { DrawCell, DrawLayout } from '../host';
import { inputRule } from '../input-rule';
import { bgr } from './colour';

const XL_CENTER = -4108; // XlHAlign.xlHAlignCenter / XlVAlign.xlVAlignCenter
const XL_CONTINUOUS = 1; // XlLineStyle.xlContinuous
const XL_VALIDATE_WHOLE_NUMBER = 1; // XlDVType.xlValidateWholeNumber
const XL_VALIDATE_DECIMAL = 2; // XlDVType.xlValidateDecimal
const XL_VALID_ALERT_STOP = 1; // XlDVAlertStyle.xlValidAlertStop
const XL_BETWEEN = 1; // XlFormatConditionOperator.xlBetween
const XL_GREATER_EQUAL = 7; // XlFormatConditionOperator.xlGreaterEqual

const BORDERED = new Set(['header', 'corner', 'label', 'input', 'derived', 'value']);

export function drawLayout(ws: Et.Worksheet, layout: DrawLayout): void {
  for (const cell of layout.cells) drawCell(ws, cell);
  (layout.columnWidths ?? []).forEach((w, c) => {
    const col = columnLetters(c);
    if (w) ws.Range(`${col}:${col}`).ColumnWidth = w; // ColumnWidth is in characters, as the layout's widths
  });
  for (const [n, ref] of Object.entries(layout.names ?? {})) {
    const local = ref.replace(/^.*!/, '').replace(/\$/g, '');
    const [p, q] = local.split(':');
    const abs = (x: string) => x.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    ws.Names.Add(n, `='${ws.Name.replace(/'/g, "''")}'!${abs(p)}${q ? `:${abs(q)}` : ''}`);
  }
  // Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, AllowFormattingColumns, AllowFormattingRows)
  ws.Protect(undefined, false, true, undefined, undefined, true, true, true);
}

function drawCell(ws: Et.Worksheet, cell: DrawCell): void {
  const rs = cell.rowSpan ?? 1,
    cs = cell.colSpan ?? 1;
  const span = rs > 1 || cs > 1;
  const range = ws.Range(span ? `${a1(cell.r, cell.c)}:${a1(cell.r + rs - 1, cell.c + cs - 1)}` : a1(cell.r, cell.c));
  const anchor = span ? ws.Range(a1(cell.r, cell.c)) : range;
  if (span) range.Merge(false);
  if (cell.formula) anchor.Formula = `=${cell.formula.replace(/^=/, '')}`;
  else if (cell.text !== undefined && cell.text !== null && cell.text !== '') anchor.Value2 = cell.text as string;
  const role = cell.role ?? '';
  range.WrapText = role !== 'title';
  range.VerticalAlignment = XL_CENTER;
  if (role === 'title') {
    range.Font.Bold = true;
    range.Font.Size = 14;
    range.HorizontalAlignment = XL_CENTER;
  }
  if (role === 'section') range.Font.Bold = true;
  if (role === 'header' || role === 'corner') {
    range.Font.Bold = true;
    range.HorizontalAlignment = XL_CENTER;
    range.Interior.Color = bgr('#F2F2F2');
  }
  if (cell.formula) range.Interior.Color = bgr('#EDF5EE');
  if (BORDERED.has(role)) range.Borders.LineStyle = XL_CONTINUOUS;
  if (role === 'input') {
    range.Locked = false;
    const rule = inputRule(cell.kind);
    const v = range.Validation;
    v.Add(
      (rule.decimal ? XL_VALIDATE_DECIMAL : XL_VALIDATE_WHOLE_NUMBER) as Et.XlDVType,
      XL_VALID_ALERT_STOP,
      rule.max === undefined ? XL_GREATER_EQUAL : XL_BETWEEN,
      String(rule.min),
      rule.max === undefined ? undefined : String(rule.max),
    );
    v.InputTitle = rule.promptTitle;
    v.InputMessage = rule.prompt;
    v.ErrorTitle = rule.errorTitle;
    v.ErrorMessage = rule.error;
    v.ShowInput = true;
    v.ShowError = true;
  }
}
