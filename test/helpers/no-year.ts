/**
 * A report whose title and sheet name state no year (as many real reports do: "某某县民政局政府信息
 * 公开工作年度报告" on a sheet "年报"), written by exceljs as Excel writes it: the only year about it
 * is whatever its file's name says.
 */
import ExcelJS from 'exceljs';
import { balancedValues } from './synthetic';
import { reportSheets } from './workbooks';

export async function noYearReport(agency = '某某县民政局', format = '2021', seed = 1): Promise<Uint8Array> {
  const { sheets } = reportSheets({
    format,
    year: null,
    agency,
    title: `${agency}政府信息公开工作年度报告`,
    sheetName: '年报',
    values: balancedValues(format, seed),
  });
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.aoa.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== undefined && v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
