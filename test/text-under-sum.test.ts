/**
 * Issue 10, item 5: a number typed as text ("15件") in a template whose totals are =SUM(…).
 * Excel's and LibreOffice's SUM skip text, so the totals the sheet saves are short by 15; the
 * checker follows the sheet: the text cell is the cause (enter it as a number) and the short
 * totals are explained by it, not blamed one by one.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { formForYear } from '../core/forms';
import { readReports } from '../core/read';
import { summariseFindings } from '../core/model/findings';
import { writeTemplate } from '../core/template/xlsx';
import { convert, findSoffice } from '../docs/libreoffice';
import { tagAddresses } from './template-helpers';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const soffice = findSoffice();

test(
  '“15件” under SUM totals recalculated by LibreOffice: the text cell is the cause, the totals are explained',
  { timeout: 240_000 },
  async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice (soffice) is not installed: skipped');
    const year = 2025;
    const form = formForYear(year);
    const dir = tempDir();
    const file = path.join(dir, 'filled.xlsx');
    fs.writeFileSync(file, await writeTemplate(form, { year, agency: '某某县林业局' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const addr = tagAddresses(wb);
    const inputs = consistentInputs(form, 31);
    // 15 disclosed to natural persons, typed as "15件"; 新收 grows by the same 15 so the report balances as meant.
    const cell = 'T3:R3.1:natural';
    inputs.set('T3:R1:natural', inputs.get('T3:R1:natural')!.sub(inputs.get(cell)!).add(Dec.of(15)));
    inputs.delete(cell);
    for (const [id, v] of inputs) ws.getCell(addr.get(id)!).value = v.toNumber();
    ws.getCell(addr.get(cell)!).value = '15件';
    await wb.xlsx.writeFile(file);
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    const converted = convert(soffice, file, 'xlsx', outDir);
    const [report] = readReports(u8(fs.readFileSync(converted)), converted);
    // The sheet's own totals leave the text out.
    expect(report.cells[cell].raw).toBe('15件');
    const r37 = report.cells['T3:R3.7:natural'];
    expect(r37.formula).toMatch(/SUM/);

    for (const lang of ['zh', 'en'] as const) {
      const result = confront(report, { lang });
      const errors = result.findings.filter((f) => f.severity === 'error');
      // One error, at the text cell: no total blamed on its own.
      expect(errors.map((f) => [f.rule, f.instance])).toEqual([['cell.text_under_sum', cell]]);
      const [f] = errors;
      expect(f.suspects).toHaveLength(1);
      expect(f.suspects[0]).toMatchObject({ ref: report.cells[cell].ref, suggested: 15 });
      // The totals it shortened are listed with what the sheet shows.
      const shown = f.cells.slice(1);
      expect(shown.length).toBeGreaterThanOrEqual(3);
      expect(shown.map((c) => `${c.table}:${c.row}:${c.column}`)).toContain('T3:R3.7:natural');
      for (const c of shown) expect(c.value).toBe(Number(report.cells[`${c.table}:${c.row}:${c.column}`].raw));
      if (lang === 'zh') {
        expect(f.message).toContain('“15件”是文本');
        expect(f.message).toContain('少算了 15');
        expect(f.message).toContain('输入数字 15');
        expect(f.message).not.toMatch(/[A-Za-z]{3,}/);
      } else {
        expect(f.message).toContain('"15件" is text');
        expect(f.message).toContain('short by 15');
        // Chinese only in what is quoted from the report: the cell's text and the form's labels.
        expect(f.message.replace(/15件|“[^”]*”/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
      }
      // No separate "read as a number" notice for that cell: the error says it all.
      expect(result.findings.filter((x) => x.instance === cell).map((x) => x.rule)).toEqual(['cell.text_under_sum']);
      expect(summariseFindings(result).find((s) => s.rule === 'T3.results_total')).toMatchObject({ failed: 0 });
    }
  },
);
