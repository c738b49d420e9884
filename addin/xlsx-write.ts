/**
 * The bulk results table as .xlsx (exceljs, loaded with import() only when the user downloads it).
 * Templates and exports are written by core (core/template/xlsx.ts, core/export/xlsx.ts).
 */
import ExcelJS from 'exceljs';

/** A plain table (header row + rows) as a workbook. */
export async function writeTable(sheet: string, header: string[], rows: (string | number | null)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(
      60,
      Math.max(10, h.length * 2 + 2, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2)),
    );
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
