import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../cli/main';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { getForm } from '../core/forms';
import { readReports } from '../core/read';
import { fillReport } from '../core/template/fill';
import { writeTemplate } from '../core/template/xlsx';
import { tagAddresses } from './template-helpers';
import { outputCapture } from './helpers/output';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const form = getForm('2021');

/** A filled 2025 report as an office would return it: some totals erased, one part blank, one total wrong. */
async function returnedReport(
  dir: string,
  opts: { keepTag: boolean; year?: number; agency?: string },
): Promise<{ file: string; inputs: Map<string, Dec> }> {
  const inputs = consistentInputs(form, 5);
  const file = path.join(dir, `returned-${opts.keepTag ? 'tag' : 'plain'}.xlsx`);
  fs.writeFileSync(file, await writeTemplate(form, { year: opts.year ?? 2025, agency: opts.agency ?? '某某县水利局', values: inputs }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const addr = tagAddresses(wb);
  const set = (id: string, v: number | null) => {
    ws.getCell(addr.get(id)!).value = v;
  };
  set('T3:R1:total', null); // parts all numbers: computed
  set('T3:R3.7:natural', null); // parts all numbers: computed
  set('T3:R3.2:legal', null); // a blank part …
  set('T3:R3.2:total', null); // … so this total stays blank
  set('T3:R3.7:legal', null); // … and this one
  set('T4:R1:review.total', 99); // disagrees with its parts: kept
  if (!opts.keepTag) wb.removeWorksheet(wb.getWorksheet('xxgk_tag')!.id);
  await wb.xlsx.writeFile(file);
  return { file, inputs };
}

const { out, capture } = outputCapture();

describe.each([true, false])('fill (tag kept: %s)', (keepTag) => {
  test('blank totals are computed from complete parts only; a blank part leaves its total blank with a finding; a disagreeing total is kept', async () => {
    const dir = tempDir();
    const { file, inputs } = await returnedReport(dir, { keepTag });
    const [report] = readReports(u8(fs.readFileSync(file)), file);
    expect(report.format).toBe('2021');
    const res = fillReport(report);
    const v = (id: string) => res.values.get(id);
    const t3 = (row: string, col: string) => inputs.get(`T3:${row}:${col}`) ?? Dec.ZERO;
    const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];
    expect((v('T3:R1:total') as Dec).eq(Dec.sum(cols.map((c) => t3('R1', c))))).toBe(true);
    expect(v('T3:R3.7:natural')).toBeInstanceOf(Dec);
    expect(v('T3:R3.2:total')).toBeNull();
    expect(v('T3:R3.7:legal')).toBeNull();
    expect((v('T4:R1:review.total') as Dec).eq(Dec.of(99))).toBe(true);
    expect(res.filled.sort()).toEqual(['T3:R1:total', 'T3:R3.7:natural']);
    const unknown = res.findings
      .filter((f) => f.rule === 'fill.total_unknown')
      .map((f) => f.instance)
      .sort();
    // R3.7:total still holds its written value: kept, though one of its parts is now unknown.
    expect(unknown).toEqual(['T3:R3.2:total', 'T3:R3.7:legal']);
    const why = res.findings.find((f) => f.instance === 'T3:R3.2:total')!;
    expect(why.message).toContain('空白');
    expect(why.cells.map((c) => `${c.row}:${c.column}`)).toContain('R3.2:legal');
    const differs = res.findings.find((f) => f.rule === 'fill.total_differs')!;
    expect(differs.instance).toBe('T4:R1:review.total');
    expect(differs.actual).toBe(99);
  });

  test('xxgk fill writes a clean official-layout workbook: computed totals as formulas, blank stays blank (exit 1: not all filled), 99 kept', async () => {
    const dir = tempDir();
    const { file } = await returnedReport(dir, { keepTag });
    const outFile = path.join(dir, 'filled.xlsx');
    capture();
    // Two totals could not be filled: written, said, and exit 1 (before: exit 0).
    expect(await main(['fill', file, '-o', outFile])).toBe(1);
    vi.restoreAllMocks();
    expect(out.join('')).toContain('空白');
    expect(out.join('')).toContain('未能填入 2 格');
    const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
    expect(report.notes).toEqual([]);
    expect(report.year).toBe(2025);
    expect(report.agency).toBe('某某县水利局');
    expect(report.cells['T3:R1:total'].formula).toBeTruthy();
    expect(report.cells['T3:R3.2:total'].raw).toBeNull();
    expect(report.cells['T3:R3.2:legal'].raw).toBeNull();
    expect(report.cells['T4:R1:review.total'].raw).toBe(99);
    expect(report.cells['T4:R1:review.total'].formula).toBeUndefined();
    const rules = confront(report)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => `${f.rule}:${f.instance}`);
    expect(rules).toContain('T4.total:review');
  });
});

test('blank versus zero: parts all 0 but one blank → the total stays blank, never 0', async () => {
  const dir = tempDir();
  const values = new Map<string, Dec | null>();
  for (const c of ['natural', 'commercial', 'research', 'social', 'legal']) values.set(`T3:R1:${c}`, Dec.ZERO);
  values.set('T3:R1:other', null);
  const file = path.join(dir, 'zeros.xlsx');
  fs.writeFileSync(file, await writeTemplate(form, { year: 2025, values, blankTotals: 'blank' }));
  const [report] = readReports(u8(fs.readFileSync(file)), file);
  expect(report.cells['T3:R1:total'].raw).toBeNull();
  const res = fillReport(report, { lang: 'en' });
  expect(res.values.get('T3:R1:total')).toBeNull();
  const f = res.findings.find((x) => x.instance === 'T3:R1:total')!;
  expect(f.rule).toBe('fill.total_unknown');
  expect(f.message).toMatch(/blank is not 0/);
  expect(f.cells.some((c) => c.column === 'other' && c.value === null)).toBe(true);
});

test('fill --prior fills 上年结转 from last year’s 结转下年度 where blank, and leaves a written one alone', async () => {
  const dir = tempDir();
  const last = consistentInputs(form, 11);
  const priorFile = path.join(dir, '2024.xlsx');
  fs.writeFileSync(priorFile, await writeTemplate(form, { year: 2024, agency: '某某县水利局', values: last }));
  const now = consistentInputs(form, 12);
  now.delete('T3:R2:natural');
  now.delete('T3:R2:commercial');
  now.set('T3:R2:research', last.get('T3:R4:research')!.add(Dec.of(1)));
  const file = path.join(dir, '2025.xlsx');
  fs.writeFileSync(file, await writeTemplate(form, { year: 2025, agency: '某某县水利局', values: now, blankTotals: 'blank' }));
  const outFile = path.join(dir, 'out.xlsx');
  capture();
  expect(await main(['fill', file, '--prior', priorFile, '-o', outFile, '--json'])).toBe(0);
  vi.restoreAllMocks();
  const json = JSON.parse(out.join(''));
  expect(json.filled).toEqual(expect.arrayContaining(['T3:R2:natural', 'T3:R2:commercial']));
  expect(json.findings.find((f: { rule: string }) => f.rule === 'fill.prior_differs').instance).toBe('T3:R2:research');
  const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
  expect(report.cells['T3:R2:natural'].raw).toBe(last.get('T3:R4:natural')!.toNumber());
  expect(report.cells['T3:R2:commercial'].raw).toBe(last.get('T3:R4:commercial')!.toNumber());
  expect(report.cells['T3:R2:research'].raw).toBe(now.get('T3:R2:research')!.toNumber());
  // Its 总计 is the sum of this year's parts, not last year's total (one more than it here): a total
  // contradicting its parts would be an imbalance fill made (the cross-year difference is a warning).
  const parts = ['natural', 'commercial', 'research', 'social', 'legal', 'other'].map((c) => report.cells[`T3:R2:${c}`].raw as number);
  expect(report.cells['T3:R2:total'].raw).toBe(parts.reduce((a, b) => a + b, 0));
  expect(report.cells['T3:R2:total'].raw).not.toBe(last.get('T3:R4:total')?.toNumber() ?? null);
  expect(confront(report).findings.filter((f) => f.rule === 'T3.applicant_total')).toEqual([]);
});

test('fill refuses a missing file and a bad command line without writing anything', async () => {
  const dir = tempDir();
  const outFile = path.join(dir, 'out.xlsx');
  capture();
  expect(await main(['fill', path.join(dir, 'nope.xlsx'), '-o', outFile])).toBe(1);
  expect(await main(['fill', '-o', outFile])).toBe(2);
  expect(await main(['fill', 'a.xlsx', '--bogus'])).toBe(2);
  vi.restoreAllMocks();
  expect(fs.readdirSync(dir)).toEqual([]);
  expect(out.join('')).toContain('nope.xlsx');
});
