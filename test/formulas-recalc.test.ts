/**
 * Issue 18, item 1: formulas are evaluated, never read as blank. Real files written by the programs
 * that make them: exceljs writing formulas without results, exceljs writing stale results, and
 * LibreOffice's recalculation of the same file as the control; each read back through `xxgk check`
 * and the library.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { formForYear } from '../core/forms';
import { readReports } from '../core/read';
import { evaluateFormula, FormulaUnknown, type SheetValue } from '../core/formula-eval';
import type { FindingsDoc } from '../core/model/findings';
import { writeTemplate } from '../core/template/xlsx';
import { convert, findSoffice } from '../docs/libreoffice';
import { tagAddresses } from './template-helpers';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const year = 2025;
const form = formForYear(year);
const bin = path.join(__dirname, '..', 'bin', 'xxgk.js');

/** A blank official template filled in by exceljs (as a script or web form does): inputs typed, formulas left as they are. */
async function filledByExceljs(
  dir: string,
  name: string,
  edit: (ws: ExcelJS.Worksheet, addr: Map<string, string>) => void,
  opts: { dropResults?: boolean; keepTag?: boolean; seed?: number } = {},
): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeTemplate(form, { year, agency: '某某县林业局' }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const addr = tagAddresses(wb);
  for (const [id, v] of consistentInputs(form, opts.seed ?? 7)) ws.getCell(addr.get(id)!).value = v.toNumber();
  edit(ws, addr);
  if (opts.dropResults)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) c.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
      }),
    );
  if (opts.keepTag === false) wb.removeWorksheet(wb.getWorksheet('xxgk_tag')!.id);
  await wb.xlsx.writeFile(file);
  return file;
}

const cli = (file: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, 'check', file, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: r.stdout, json: args.includes('--json') ? (JSON.parse(r.stdout) as FindingsDoc) : null };
};
const library = (file: string) => readReports(u8(fs.readFileSync(file)), file);
const rulesOf = (findings: { rule: string; severity: string }[], severity: string) =>
  findings.filter((f) => f.severity === severity).map((f) => f.rule);

describe('formulas saved without results (exceljs)', () => {
  test.each([true, false])('every total is computed, a notice, no error (tag kept: %s)', async (keepTag) => {
    const dir = tempDir();
    const file = await filledByExceljs(dir, 'no-results.xlsx', () => {}, { dropResults: true, keepTag });
    // The file really holds formulas without results: <c><f>…</f></c>, no <v>.
    const [report] = library(file);
    const totals = Object.values(report.cells).filter((c) => c.formula);
    expect(totals.length).toBeGreaterThan(20);
    expect(totals.every((c) => c.raw === null)).toBe(true);
    // The direct .xlsx reader and SheetJS read the same cells: { raw: null, formula }.
    expect(readReports(u8(fs.readFileSync(file)), file, { viaSheetJS: true })[0].cells).toEqual(report.cells);
    const result = confront(report);
    expect(rulesOf(result.findings, 'error')).toEqual([]);
    expect(rulesOf(result.findings, 'warning')).toEqual([]);
    expect(new Set(rulesOf(result.findings, 'notice'))).toEqual(new Set(['cell.formula_computed']));
    expect(result.findings).toHaveLength(totals.length);
    // Through the command line: passes, and says the totals were computed, in one line.
    const run = cli(file);
    expect(run.status).toBe(0);
    expect(run.out).toContain(`${totals.length} 个公式没有保存计算结果，已按公式算出`);
    const json = cli(file, '--json').json!;
    expect(json.summary.with_errors).toBe(0);
    expect(json.files[0].reports[0].findings.filter((f) => f.rule === 'cell.formula_computed')).toHaveLength(totals.length);
  });

  test('a real error among computed totals is still found, at the input', async () => {
    const dir = tempDir();
    let at = '';
    const file = await filledByExceljs(
      dir,
      'no-results-wrong.xlsx',
      (ws, addr) => {
        at = addr.get('T3:R4:natural')!; // 结转下年度 one too many: 表三's balance breaks
        ws.getCell(at).value = Number(ws.getCell(at).value) + 1;
      },
      { dropResults: true },
    );
    const result = confront(library(file)[0]);
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.flatMap((f) => f.suspects.map((s) => s.ref))).toContain(`${'2025年报'}!${at}`);
  });

  test('a formula not computed here is named, never guessed, and its equations are withheld', async () => {
    const dir = tempDir();
    const refs: Record<string, string> = {};
    const file = await filledByExceljs(
      dir,
      'unsupported.xlsx',
      (ws, addr) => {
        const put = (id: string, formula: string) => {
          refs[id] = addr.get(id)!;
          ws.getCell(addr.get(id)!).value = { formula } as ExcelJS.CellFormulaValue;
        };
        put('T3:R1:total', `SUMPRODUCT(${addr.get('T3:R1:natural')}:${addr.get('T3:R1:other')})`);
        put('T3:R2:total', `其他!B2+${addr.get('T3:R2:natural')}`);
        put('T3:R3.1:total', `${addr.get('T3:R3.1:total')}+1`);
        wb_other(ws);
      },
      { dropResults: true },
    );
    const result = confront(library(file)[0]);
    expect(rulesOf(result.findings, 'error')).toEqual([]);
    const unevaluated = result.findings.filter((f) => f.rule === 'cell.formula_unevaluated');
    // 办理结果总计 adds the circular 予以公开 total: it cannot be known either.
    expect(unevaluated.map((f) => f.instance).sort()).toEqual(['T3:R1:total', 'T3:R2:total', 'T3:R3.1:total', 'T3:R3.7:total']);
    const said = (id: string) => unevaluated.find((f) => f.instance === id)!.message;
    expect(said('T3:R1:total')).toContain('不计算的函数或名称 SUMPRODUCT');
    expect(said('T3:R2:total')).toContain('引用了其他工作表“其他”');
    expect(said('T3:R3.1:total')).toContain('循环引用');
    expect(unevaluated.every((f) => f.severity === 'warning')).toBe(true);
    // Never said to be blank.
    expect(result.findings.filter((f) => f.rule === 'cell.blank')).toEqual([]);
    const en = confront(library(file)[0], { lang: 'en' }).findings.find((f) => f.instance === 'T3:R1:total')!;
    expect(en.message).toContain('uses SUMPRODUCT, a function or name this tool does not compute');
  });
});

/** A second sheet for a formula to refer to. */
function wb_other(ws: ExcelJS.Worksheet): void {
  const other = ws.workbook.addWorksheet('其他');
  other.getCell('B2').value = 3;
}

describe('stale saved results (a program that does not recalculate)', () => {
  test('one warning naming the cells and saying to recalculate; the rules judge the recalculated values', async () => {
    const dir = tempDir();
    // exceljs keeps the template's saved results (0) while the inputs change under them.
    const file = await filledByExceljs(dir, 'stale.xlsx', () => {});
    const [report] = library(file);
    expect(Object.values(report.cells).some((c) => c.formula && c.raw === 0)).toBe(true);
    for (const lang of ['zh', 'en'] as const) {
      const result = confront(report, { lang });
      expect(rulesOf(result.findings, 'error')).toEqual([]);
      const stale = result.findings.filter((f) => f.rule === 'cell.formula_stale');
      expect(stale).toHaveLength(1);
      expect(stale[0].severity).toBe('warning');
      expect(stale[0].cells.length).toBeGreaterThan(20);
      expect(stale[0].message).toContain(lang === 'zh' ? '按 F9 重新计算（或打开后重新保存）' : 'Press F9');
      expect(stale[0].message).toMatch(lang === 'zh' ? /（J23）保存 0，算得 \d+/ : /\(J23\) saved 0, computes \d+/);
    }
    const run = cli(file);
    expect(run.status).toBe(0);
    expect(run.out.match(/按 F9 重新计算/g)).toHaveLength(1);
  });

  test('one wrong saved result beside correct ones (exceljs writing a formula with a wrong result)', async () => {
    const dir = tempDir();
    let ref = '';
    const file = await filledByExceljs(dir, 'one-stale.xlsx', (ws, addr) => {
      ref = addr.get('T3:R1:total')!;
      const f = ws.getCell(ref).formula;
      ws.getCell(ref).value = { formula: f, result: 12345 } as ExcelJS.CellFormulaValue;
    });
    // Recalculated everywhere but one cell: written by exceljs with each result set.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const { recalc } = await import('./template-helpers');
    recalc(wb.worksheets[0]);
    const c = wb.worksheets[0].getCell(ref);
    c.value = { formula: c.formula, result: 12345 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(file);
    const result = confront(library(file)[0]);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['cell.formula_stale', 'warning']]);
    expect(result.findings[0].cells).toHaveLength(1);
    expect(result.findings[0].cells[0]).toMatchObject({ ref: `2025年报!${ref}`, value: 12345 });
  });
});

describe('LibreOffice recalculation as the control', () => {
  const soffice = findSoffice();
  test(
    'the file without results and its LibreOffice-recalculated copy give the same values and no error',
    { timeout: 240_000 },
    async (ctx) => {
      if (!soffice) return ctx.skip('LibreOffice (soffice) is not installed: skipped');
      const dir = tempDir();
      const file = await filledByExceljs(dir, 'no-results.xlsx', () => {}, { dropResults: true, seed: 9 });
      fs.mkdirSync(path.join(dir, 'out'));
      const control = convert(soffice, file, 'xlsx', path.join(dir, 'out'));
      const [ours] = library(file);
      const [theirs] = library(control);
      expect(
        Object.values(theirs.cells)
          .filter((c) => c.formula)
          .every((c) => typeof c.raw === 'number'),
      ).toBe(true);
      const a = confront(ours);
      const b = confront(theirs);
      expect(rulesOf(b.findings, 'error')).toEqual([]);
      expect(rulesOf(a.findings, 'error')).toEqual([]);
      expect(b.findings).toEqual([]);
      // Each computed total is the number LibreOffice saved.
      for (const f of a.findings) expect(f.cells[0].value).toBe(theirs.cells[f.instance!].raw);
    },
  );

  test('“15件” under SUM totals saved without results: the same one error as when recalculated', { timeout: 240_000 }, async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice (soffice) is not installed: skipped');
    const dir = tempDir();
    const cell = 'T3:R3.1:natural';
    const file = await filledByExceljs(
      dir,
      'text-no-results.xlsx',
      (ws, addr) => {
        const inputs = consistentInputs(form, 7);
        const r1 = inputs.get('T3:R1:natural')!.sub(inputs.get(cell)!).add(Dec.of(15));
        ws.getCell(addr.get('T3:R1:natural')!).value = r1.toNumber();
        ws.getCell(addr.get(cell)!).value = '15件';
      },
      { dropResults: true },
    );
    fs.mkdirSync(path.join(dir, 'out'));
    const control = convert(soffice, file, 'xlsx', path.join(dir, 'out'));
    const errorsOf = (f: string) =>
      confront(library(f)[0])
        .findings.filter((x) => x.severity === 'error')
        .map((x) => [x.rule, x.instance, x.suspects.map((s) => s.suggested)]);
    expect(errorsOf(control)).toEqual([['cell.text_under_sum', cell, [15]]]);
    expect(errorsOf(file)).toEqual(errorsOf(control));
  });
});

describe('the evaluator: what templates write, as a spreadsheet computes it', () => {
  const cells: Record<string, SheetValue> = {
    A1: { t: 'num', v: Dec.of(10) },
    A2: { t: 'num', v: Dec.parse('2.345')! },
    A3: { t: 'text', v: '15件' },
    A4: { t: 'text', v: '7' },
    A5: { t: 'blank' },
    A6: { t: 'err', v: '#REF!' },
  };
  const look = (_s: string, r: number, c: number): SheetValue => cells[`${String.fromCharCode(65 + c)}${r + 1}`] ?? { t: 'blank' };
  const ev = (f: string) => {
    const v = evaluateFormula(f, 'S', look);
    return v.t === 'num' ? v.v.toString() : v.t === 'blank' ? '' : String(v.v);
  };
  test.each([
    ['=SUM(A1:A5)', '12.345'], // text and blanks skipped by SUM
    ['=A1+A2-A5', '12.345'],
    ['=A1+A4', '17'], // a number typed as text is one for +
    ['=A1+A3', '#VALUE!'], // "15件" is not
    ['=A1*3/4', '7.5'],
    ['=A1/A5', '#DIV/0!'],
    ['=ROUND(A2,2)', '2.35'],
    ['=ROUND(-A2,2)', '-2.35'],
    ['=ROUNDDOWN(A2,1)', '2.3'],
    ['=ROUNDUP(A2,0)', '3'],
    ['=ROUND(1234,-2)', '1200'],
    ['=INT(-A2)', '-3'],
    ['=IF(A1>5,A1,0)', '10'],
    ['=IF(A5="","",A1)', ''],
    ['=IF(SUM(A1:A2)=0,0,A1)', '10'],
    ['=MAX(A1,A2)+MIN(A1:A2)+ABS(-1)', '13.345'],
    ['=SUM(A1:A6)', '#REF!'],
    ['=A5', '0'],
    ['=(A1+2)*2', '24'],
  ])('%s = %s', (f, want) => expect(ev(f)).toBe(want));
  test.each([
    ['=VLOOKUP(1,A1:A2,1,FALSE)', 'VLOOKUP'],
    ['=SUMIF(A1:A2,">0")', 'SUMIF'],
    ['=总计', '总计'],
    ['=A1^2', '^'],
    ['=A1&"x"', '&'],
  ])('%s is named, not computed', (f, name) => {
    try {
      evaluateFormula(f, 'S', look);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormulaUnknown);
      expect((e as FormulaUnknown).reason).toEqual({ why: 'function', name });
    }
  });
});
