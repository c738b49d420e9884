/**
 * Issue 18, item 4: `fill` only ever improves. It keeps every total's formula, fills only blank
 * totals, says what it wrote differently, and never writes an output with more errors than its
 * input (it refuses, writing nothing, exit 1). Real files: exceljs filling the official template,
 * LibreOffice recalculating it, each read back through `xxgk fill` and `xxgk check`.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expect, test, vi } from 'vitest';
import { main } from '../cli/main';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { formForYear } from '../core/forms';
import { readReports } from '../core/read';
import { writeTemplate } from '../core/template/xlsx';
import { convert, findSoffice } from '../docs/libreoffice';
import { tagAddresses } from './template-helpers';
import { outputCapture } from './helpers/output';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const year = 2025;
const form = formForYear(year);
const soffice = findSoffice();
const { out, capture } = outputCapture();
const TEXT_CELL = 'T3:R3.1:natural';

/** The official template filled by exceljs; `edit` changes it before it is saved. */
async function filled(dir: string, name: string, edit: (ws: ExcelJS.Worksheet, addr: Map<string, string>) => void, dropResults = false) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeTemplate(form, { year, agency: '某某县林业局' }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const addr = tagAddresses(wb);
  for (const [id, v] of consistentInputs(form, 31)) ws.getCell(addr.get(id)!).value = v.toNumber();
  edit(ws, addr);
  if (dropResults)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) c.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
      }),
    );
  await wb.xlsx.writeFile(file);
  return file;
}

/** One count typed as "15件" under SUM totals; 新收 grows by 15 so the report balances as meant. */
const fifteen = (ws: ExcelJS.Worksheet, addr: Map<string, string>) => {
  const inputs = consistentInputs(form, 31);
  ws.getCell(addr.get('T3:R1:natural')!).value = inputs.get('T3:R1:natural')!.sub(inputs.get(TEXT_CELL)!).add(Dec.of(15)).toNumber();
  ws.getCell(addr.get(TEXT_CELL)!).value = '15件';
};

const read = (file: string) => readReports(u8(fs.readFileSync(file)), file)[0];
const errorsOf = (file: string) => confront(read(file)).findings.filter((f) => f.severity === 'error');

async function fill(args: string[]): Promise<{ code: number; text: string }> {
  out.length = 0;
  capture();
  const code = await main(['fill', ...args]);
  vi.restoreAllMocks();
  return { code, text: out.join('') };
}

test(
  '“15件” under SUM totals, recalculated by LibreOffice: every formula kept, the number written, no error left',
  { timeout: 240_000 },
  async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice (soffice) is not installed: skipped');
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'lo'));
    const input = convert(soffice, await filled(dir, 'fifteen.xlsx', fifteen), 'xlsx', path.join(dir, 'lo'));
    expect(errorsOf(input).map((f) => f.rule)).toEqual(['cell.text_under_sum']);
    const output = path.join(dir, 'out.xlsx');
    const { code, text } = await fill([input, '-o', output]);
    expect(code).toBe(0);
    expect(text).toContain('文本“15件”写为数字 15');
    // Before: a SUM total replaced by a constant, four errors from one, exit 0.
    expect(errorsOf(output)).toEqual([]);
    const before = read(input);
    const after = read(output);
    expect(after.cells[TEXT_CELL].raw).toBe(15);
    for (const [id, c] of Object.entries(before.cells)) if (c.formula) expect(after.cells[id].formula, id).toBeTruthy();
  },
);

test('formulas saved without results (exceljs) and stale results: filled output keeps the formulas, with no error', async () => {
  const dir = tempDir();
  for (const [name, drop] of [
    ['no-results.xlsx', true],
    ['stale.xlsx', false],
  ] as const) {
    const input = await filled(dir, name, () => {}, drop);
    const output = path.join(dir, `out-${name}`);
    const { code } = await fill([input, '-o', output]);
    expect(code).toBe(0);
    expect(errorsOf(output)).toEqual([]);
    const after = read(output);
    const totals = Object.entries(read(input).cells).filter(([, c]) => c.formula);
    expect(totals.length).toBeGreaterThan(20);
    for (const [id] of totals) {
      expect(after.cells[id].formula, id).toBeTruthy();
      expect(typeof after.cells[id].raw, id).toBe('number');
    }
  }
});

test('a total whose formula cannot be computed is filled from its parts and said; an output with more errors is refused', async () => {
  const dir = tempDir();
  // 本年新收·总计 as SUMPRODUCT without a saved result: unknown in the input, its equations withheld.
  const sumproduct = (id: string) => (ws: ExcelJS.Worksheet, addr: Map<string, string>) => {
    ws.getCell(addr.get(id)!).value = {
      formula: `SUMPRODUCT(${addr.get('T3:R1:natural')}:${addr.get('T3:R1:other')})`,
    } as ExcelJS.CellFormulaValue;
  };
  const total = await filled(dir, 'unknown-total.xlsx', sumproduct('T3:R1:total'), true);
  expect(errorsOf(total)).toEqual([]);
  const filledTotal = path.join(dir, 'out-total.xlsx');
  const ok = await fill([total, '-o', filledTotal]);
  expect(ok.code).toBe(0);
  expect(ok.text).toContain('已写出');
  expect(ok.text).toMatch(/公式 =SUMPRODUCT\([^)]*\) 没有保存结果且无法算出，已按各项之和填入 \d+（写为求和公式）/);
  expect(errorsOf(filledTotal)).toEqual([]);
  expect(read(filledTotal).cells['T3:R1:total'].formula).toMatch(/SUM/);

  // The same formula in an input cell (自然人·本年新收): written blank it would accuse the report.
  const input = await filled(dir, 'unknown-input.xlsx', sumproduct('T3:R1:natural'), true);
  expect(errorsOf(input)).toEqual([]);
  const output = path.join(dir, 'out.xlsx');
  const zh = await fill([input, '-o', output]);
  expect(zh.code).toBe(1);
  expect(zh.text).toMatch(/未写出「.*out\.xlsx」：填充后的报告有 \d+ 个错误，比原文件的 0 个多/);
  expect(fs.existsSync(output)).toBe(false);
  const en = await fill([input, '-o', output, '--lang', 'en']);
  expect(en.code).toBe(1);
  expect(en.text).toMatch(/out\.xlsx not written: the filled report would have \d+ errors?, more than the 0 of the input/);
  expect(fs.existsSync(output)).toBe(false);
  expect(fs.readdirSync(dir).sort()).toEqual(['out-total.xlsx', 'unknown-input.xlsx', 'unknown-total.xlsx']);
});
