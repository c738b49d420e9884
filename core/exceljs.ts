/**
 * exceljs, loaded when a workbook is first written rather than with the modules that write one: a
 * command refused before it writes (or writing JSON) starts without exceljs's 700 modules, about
 * 0.25 s of processor time per command (issue 22). The pane loads it the same way, on demand.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  // A CommonJS module: its exports are the namespace's default (Node and webpack alike), or the namespace itself.
  loading ??= import('exceljs').then((m) => (m as unknown as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return loading;
}
