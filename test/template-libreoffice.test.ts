import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { formForYear } from '../core/forms';
import { readReports } from '../core/read';
import { derivedCells } from '../core/rules';
import { writeTemplate } from '../core/template/xlsx';
import { convert, findSoffice } from '../docs/libreoffice';
import { tagAddresses } from './template-helpers';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const soffice = findSoffice();

test.for([2020, 2025])(
  'LibreOffice recalculates a filled %i template and the result checks clean',
  { timeout: 240_000 },
  async (year, ctx) => {
    if (!soffice) return ctx.skip('LibreOffice（soffice）未安装，跳过 / LibreOffice (soffice) is not installed: skipped');
    const form = formForYear(year);
    const dir = tempDir();
    const file = path.join(dir, `filled-${year}.xlsx`);
    fs.writeFileSync(file, await writeTemplate(form, { year, agency: '某某县民政局' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const addr = tagAddresses(wb);
    const inputs = consistentInputs(form, year + 7);
    for (const [id, v] of inputs) ws.getCell(addr.get(id)!).value = v.toNumber();
    // Leave the cached results stale (0): the checker recalculates them and says so once (cell.formula_stale,
    // issue 18), never a cascade of balance errors; a real recalculation then leaves nothing to say.
    await wb.xlsx.writeFile(file);
    const staleReport = readReports(u8(fs.readFileSync(file)), file)[0];
    const stale = confront(staleReport).findings;
    expect(stale.filter((f) => f.severity === 'error')).toEqual([]);
    expect(stale.some((f) => f.rule === 'cell.formula_stale')).toBe(true);

    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    const converted = convert(soffice, file, 'xlsx', outDir);
    const [report] = readReports(u8(fs.readFileSync(converted)), converted);
    expect(report.format).toBe(form.key);
    expect(report.year).toBe(year);
    const result = confront(report);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const [id, terms] of derivedCells(form)) {
      const sum = Dec.sum(
        terms.map((t) => (inputs.has(t.cell) ? inputs.get(t.cell)!.mul(t.coef) : Dec.of(report.cells[t.cell].raw as number).mul(t.coef))),
      );
      expect(Dec.of(report.cells[id].raw as number).eq(sum), id).toBe(true);
    }
  },
);
