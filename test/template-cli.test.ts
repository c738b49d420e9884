import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expect, test, vi } from 'vitest';
import { main } from '../cli/main';
import { Dec } from '../core/model/decimal';
import { getForm } from '../core/forms';
import { readReports } from '../core/read';
import { safeFileName } from '../cli/commands/template';
import { writeTemplate } from '../core/template/xlsx';
import { outputCapture } from './helpers/output';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const { capture } = outputCapture();

test('xxgk template --year picks the format; --format overrides; bad arguments are exit 2 and write nothing', async () => {
  const dir = tempDir();
  capture();
  expect(await main(['template', '--year', '2020', '-o', path.join(dir, 'a.xlsx')])).toBe(0);
  expect(await main(['template', '--year', '2024', '--format', '2019', '--agency', '某某局', '-o', path.join(dir, 'b.xlsx')])).toBe(0);
  expect(await main(['template', '--year', 'abc', '-o', path.join(dir, 'c.xlsx')])).toBe(2);
  expect(await main(['template', '--year', '2025', '--format', '2030', '-o', path.join(dir, 'c.xlsx')])).toBe(2);
  expect(await main(['template', '--year', '2025'])).toBe(2);
  expect(await main(['template', '--year', '2025', '--what', '-o', path.join(dir, 'c.xlsx')])).toBe(2);
  vi.restoreAllMocks();
  expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
  const [a] = readReports(u8(fs.readFileSync(path.join(dir, 'a.xlsx'))), 'a.xlsx');
  expect([a.format, a.year, a.agency]).toEqual(['2019', 2020, null]);
  const [b] = readReports(u8(fs.readFileSync(path.join(dir, 'b.xlsx'))), 'b.xlsx');
  expect([b.format, b.year, b.agency]).toEqual(['2019', 2024, '某某局']);
});

test('--from (format 2021): 上年结转 pre-filled from last year’s 结转下年度, and a note of last year’s 现行有效件数 beside 表二', async () => {
  const dir = tempDir();
  const form = getForm('2021');
  const last = consistentInputs(form, 21);
  const prior = path.join(dir, 'last.xlsx');
  fs.writeFileSync(prior, await writeTemplate(form, { year: 2024, agency: '某某县水利局', values: last }));
  const outFile = path.join(dir, 'new.xlsx');
  capture();
  expect(await main(['template', '--year', '2025', '--agency', '某某县水利局', '--from', prior, '-o', outFile])).toBe(0);
  vi.restoreAllMocks();
  const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
  for (const col of ['natural', 'commercial', 'research', 'social', 'legal', 'other'])
    expect(report.cells[`T3:R2:${col}`].raw, col).toBe(last.get(`T3:R4:${col}`)!.toNumber());
  expect(report.cells['T3:R1:natural'].raw).toBeNull();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(outFile);
  const texts: string[] = [];
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string') texts.push(c.value);
    }),
  );
  const note = texts.find((t) => t.includes('上年'))!;
  expect(note).toContain(`规章·现行有效件数：${last.get('T2:rules:in_force')}`);
  expect(note).toContain(`行政规范性文件·现行有效件数：${last.get('T2:normative:in_force')}`);
});

test('--from (2019 → 2020): 上一年项目数量 pre-filled as last year’s 上一年项目数量 + 本年增/减', async () => {
  const dir = tempDir();
  const form = getForm('2019');
  const last = consistentInputs(form, 31);
  const prior = path.join(dir, '2019.xlsx');
  fs.writeFileSync(prior, await writeTemplate(form, { year: 2019, values: last }));
  const outFile = path.join(dir, '2020.xlsx');
  capture();
  expect(await main(['template', '--year', '2020', '--from', prior, '-o', outFile])).toBe(0);
  vi.restoreAllMocks();
  const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
  for (const row of ['licensing', 'other_services', 'penalty', 'enforcement', 'fees']) {
    const want = last.get(`T2:${row}:prev_items`)!.add(last.get(`T2:${row}:change`)!);
    expect(Dec.of(report.cells[`T2:${row}:prev_items`].raw as number).eq(want), row).toBe(true);
  }
  expect(report.cells['T3:R2:natural'].raw).toBe(last.get('T3:R4:natural')!.toNumber());
});

test('--agencies writes one template per agency, named safely and distinctly', async () => {
  const dir = tempDir();
  const list = path.join(dir, 'list.txt');
  fs.writeFileSync(list, '\uFEFF某某县财政局\r\n某某县/教育局\n\n  CON \n某某县财政局\n');
  const outDir = path.join(dir, 'out');
  capture();
  expect(await main(['template', '--year', '2025', '--agencies', list, '-o', outDir])).toBe(0);
  vi.restoreAllMocks();
  const files = fs.readdirSync(outDir).sort();
  expect(files).toEqual(['_CON.xlsx', '某某县_教育局.xlsx', '某某县财政局(2).xlsx', '某某县财政局.xlsx'].sort());
  const [r] = readReports(u8(fs.readFileSync(path.join(outDir, '某某县_教育局.xlsx'))), 'x.xlsx');
  expect(r.agency).toBe('某某县/教育局');
  expect(r.year).toBe(2025);
  expect(safeFileName('a:b*c?"d<e>f|g\\h')).toBe('a_b_c__d_e_f_g_h');
  expect(safeFileName('...')).toBe('agency');
});
