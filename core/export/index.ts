/** Final tables out: HTML, xlsx, CSV and JSON, all refusing a report with error findings unless allowErrors. */
export { exportHtml, escapeHtml, type HtmlExportOptions } from './html';
export { exportCsv, neutralise, csvField } from './csv';
export { exportJson, exportTables, type TablesJson } from './json';
export { exportXlsx } from './xlsx';
export { ExportRefused, exportRefusal, guardExport, exportCells, type ExportOptions, type ExportCell } from './common';
