/**
 * A total left blank while its parts are written (上海市人民政府办公厅 2019 leaves 表三's 总计 column
 * blank on its item rows) is an omitted total, not a figure of 0: one cell.total_blank warning
 * naming the cells and the sum each should hold, and the equations judged with those sums, so
 * the blank alone makes no imbalance error. A total written as 0 is judged as written, and a real
 * imbalance in a part is still an error, pointed at the part.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../cli/main';
import { confront } from '../core/check';
import { getForm } from '../core/forms';
import { Dec } from '../core/model/decimal';
import type { Finding } from '../core/model/findings';
import { readReports } from '../core/read';
import { writeTemplate } from '../core/template/xlsx';
import { tagAddresses } from './template-helpers';
import { outputCapture } from './helpers/output';
import { consistentInputs, syntheticReport } from './helpers/synthetic';
import { tempDir, u8 } from './helpers/temp';

const form = getForm('2019');
const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];
const ITEMS = form.tables
  .find((t) => t.key === 'T3')!
  .blocks[0].rows.map((r) => r.key)
  .filter((k) => /^R3\.[1-6]/.test(k));
/** An item row left wholly blank, parts and total: its total is not omitted, only blank. */
const EMPTY_ROW = 'R3.3.2';

interface Returned {
  file: string;
  inputs: Map<string, Dec>;
}

/**
 * A balanced 2019 report typed by hand (numbers, no formulas, no template tag), exceljs-written,
 * with 表三's 总计 left blank on every item row and one item row left wholly blank; `edit` changes
 * cells (by id) before it is saved.
 */
async function handTyped(name: string, edit: Record<string, number | null> = {}): Promise<Returned> {
  const inputs = consistentInputs(form, 7);
  // The wholly blank row: its parts taken out of 本年新收 so that 表三 still balances.
  for (const c of COLS) {
    const v = inputs.get(`T3:${EMPTY_ROW}:${c}`)!;
    inputs.set(`T3:R1:${c}`, inputs.get(`T3:R1:${c}`)!.sub(v));
    inputs.delete(`T3:${EMPTY_ROW}:${c}`);
  }
  const file = path.join(tempDir(), `${name}.xlsx`);
  fs.writeFileSync(file, await writeTemplate(form, { year: 2019, agency: '某某县人民政府办公室', values: inputs }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const addr = tagAddresses(wb);
  // Every total typed as the number, as a clerk does who adds up by hand.
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) cell.value = (cell.value as ExcelJS.CellFormulaValue).result as number;
    }),
  );
  const set = (id: string, v: number | null) => {
    ws.getCell(addr.get(id)!).value = v;
  };
  for (const r of ITEMS) set(`T3:${r}:total`, null);
  for (const c of COLS) set(`T3:${EMPTY_ROW}:${c}`, null);
  for (const [id, v] of Object.entries(edit)) set(id, v);
  wb.removeWorksheet(wb.getWorksheet('xxgk_tag')!.id);
  await wb.xlsx.writeFile(file);
  return { file, inputs };
}

const checked = (file: string, lang: 'zh' | 'en' = 'zh') => {
  const [report] = readReports(u8(fs.readFileSync(file)), file);
  expect(report.format).toBe('2019');
  expect(report.cells['T3:R3.2:total'].raw).toBeNull();
  return confront(report, { lang });
};
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
/** The sum of an item row's parts as written. */
const rowSum = (inputs: Map<string, Dec>, row: string) => Dec.sum(COLS.map((c) => inputs.get(`T3:${row}:${c}`) ?? Dec.ZERO));

const { out, capture } = outputCapture();

describe('a 总计 column left blank while its parts are written', () => {
  test('one warning naming each blank total and the sum of its parts; no error', async () => {
    const { file, inputs } = await handTyped('blank-totals');
    const result = checked(file);
    expect(errors(result.findings)).toEqual([]);
    const omitted = result.findings.filter((f) => f.rule === 'cell.total_blank');
    expect(omitted).toHaveLength(1);
    const [f] = omitted;
    expect(f.severity).toBe('warning');
    const named = ITEMS.filter((r) => r !== EMPTY_ROW);
    expect(f.cells.map((c) => `${c.row}:${c.column}`)).toEqual(named.map((r) => `${r}:total`));
    expect(f.cells.every((c) => c.value === null && /^.+![A-Z]+\d+$/.test(c.ref))).toBe(true);
    expect(f.message).toContain(`总计空白 ${named.length} 处`);
    expect(f.message).toContain(`${f.cells[0].ref.replace(/^.*!/, '')}）按各项之和应为 ${rowSum(inputs, 'R3.1')}`);
    expect(f.message).not.toMatch(/[A-Za-z]{3,}/);
    // The omitted totals are said once, not again as blank cells; the wholly blank row stays blank.
    const blanks = result.findings.filter((f) => f.rule === 'cell.blank').map((f) => f.instance);
    expect(blanks.filter((id) => id!.endsWith(':total'))).toEqual([`T3:${EMPTY_ROW}:total`]);
    expect(blanks).toHaveLength(COLS.length + 1);
    const en = checked(file, 'en').findings.find((f) => f.rule === 'cell.total_blank')!;
    expect(en.message).toContain(`${named.length} totals left blank`);
    // English, but for the labels it quotes from the report.
    expect(en.message.replace(/“[^”]*”/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test('xxgk check agrees: exit 0, the warning in its JSON', async () => {
    const { file } = await handTyped('blank-totals-cli');
    capture();
    const code = await main(['check', file, '--json']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const doc = JSON.parse(out.join(''));
    const findings: Finding[] = doc.files[0].reports[0].findings;
    expect(findings.filter((f) => f.rule === 'cell.total_blank')).toHaveLength(1);
    expect(errors(findings)).toEqual([]);
  });

  test('a total written as 0 with parts that are not is evidence: an error pointing at it', async () => {
    const { file, inputs } = await handTyped('zero-total', { 'T3:R3.1:total': 0 });
    expect(rowSum(inputs, 'R3.1').isZero()).toBe(false);
    const result = checked(file);
    const errs = errors(result.findings);
    expect(errs.map((f) => `${f.rule}:${f.instance}`)).toContain('T3.applicant_total:R3.1');
    // Every error is about that cell: the other blank totals are taken as their sums.
    for (const e of errs) expect(e.cells.some((c) => c.row === 'R3.1' && c.column === 'total')).toBe(true);
    const row = errs.find((f) => f.instance === 'R3.1')!;
    expect(row.suspects[0]).toMatchObject({ row: 'R3.1', column: 'total', value: 0, suggested: rowSum(inputs, 'R3.1').toNumber() });
    // The other blank totals are still one warning.
    const omitted = result.findings.find((f) => f.rule === 'cell.total_blank')!;
    expect(omitted.cells.map((c) => c.row)).not.toContain('R3.1');
  });

  test('a real imbalance in a part is still an error, pointed at the part', async () => {
    const wrong = consistentInputs(form, 7).get('T3:R3.1:natural')!.add(Dec.of(10));
    const { file, inputs } = await handTyped('wrong-part', { 'T3:R3.1:natural': wrong.toNumber() });
    const result = checked(file);
    const errs = errors(result.findings);
    expect(errs.map((f) => `${f.rule}:${f.instance}`)).toContain('T3.results_total:natural');
    // No error for the row whose total is blank: it is the sum of the parts as written.
    expect(errs.map((f) => f.rule)).not.toContain('T3.applicant_total');
    const column = errs.find((f) => f.rule === 'T3.results_total' && f.instance === 'natural')!;
    expect(column.suspects[0]).toMatchObject({ row: 'R3.1', column: 'natural', suggested: inputs.get('T3:R3.1:natural')!.toNumber() });
    // The 总计 column's sum takes the part as written, so it fails too; its blank total is shown as read.
    const totals = errs.find((f) => f.rule === 'T3.results_total' && f.instance === 'total')!;
    expect(totals.cells.find((c) => c.row === 'R3.1')!.value).toBeNull();
    expect(totals.expected! - totals.actual!).toBe(10);
    expect(result.findings.filter((f) => f.rule === 'cell.total_blank')).toHaveLength(1);
  });
});

describe('omitted totals in the report as the checker holds it', () => {
  /** 表三 row R3.1 with parts 2 and 3, everything else 0. */
  const base = (): Record<string, number | null> => ({ 'T3:R3.1:natural': 2, 'T3:R3.1:legal': 3, 'T3:R3.1:total': 5 });
  const fill = (v: Record<string, number | null>) => {
    v['T3:R3.7:natural'] = 2;
    v['T3:R3.7:legal'] = 3;
    v['T3:R3.7:total'] = 5;
    v['T3:R1:natural'] = 2;
    v['T3:R1:legal'] = 3;
    v['T3:R1:total'] = 5;
    return v;
  };

  test('nested: a blank total whose parts are blank totals of written parts is their sum, bottom-up', () => {
    const v = fill(base());
    v['T3:R3.1:total'] = null;
    v['T3:R3.7:total'] = null;
    v['T3:R1:total'] = null;
    const result = confront(syntheticReport('2019', v));
    expect(errors(result.findings)).toEqual([]);
    const f = result.findings.find((x) => x.rule === 'cell.total_blank')!;
    expect(f.cells.map((c) => `${c.row}:${c.column}`).sort()).toEqual(['R1:total', 'R3.1:total', 'R3.7:total']);
    expect(f.message).toMatch(/办理结果总计·总计（[A-Z]+\d+）按各项之和应为 5/);
  });

  test('nested, with a real imbalance above: the sum of the sums is judged, and blamed', () => {
    const v = fill(base());
    v['T3:R3.1:total'] = null;
    v['T3:R3.7:total'] = 6; // written, but its parts (R3.1's sum, 5) say otherwise
    const result = confront(syntheticReport('2019', v));
    const errs = errors(result.findings).map((f) => `${f.rule}:${f.instance}`);
    expect(errs).toEqual(['T3.balance:total', 'T3.results_total:total', 'T3.applicant_total:R3.7']);
  });

  test('an equation that still fails shows an omitted total as blank, with the sum it was taken as', () => {
    const v = fill(base());
    v['T3:R1:total'] = null;
    v['T3:R4:total'] = 1; // its parts are 0: the imbalance is here
    const result = confront(syntheticReport('2019', v));
    const f = errors(result.findings).find((x) => x.rule === 'T3.balance' && x.instance === 'total')!;
    expect(f.message).toContain('本年新收 空白（按各项之和为 5） + 上年结转 0 = 5');
    expect(f.cells.find((c) => c.row === 'R1')!.value).toBeNull();
    const en = confront(syntheticReport('2019', v), { lang: 'en' }).findings.find((x) => x.rule === 'T3.balance')!;
    expect(en.message).toContain('blank (its parts sum to 5)');
  });

  test('a sum over a figure read with doubt accuses no one: its equations warn', () => {
    const v = fill(base());
    v['T3:R3.1:total'] = null;
    v['T3:R3.7:total'] = 6; // disagrees with R3.1's sum, 5 …
    const report = syntheticReport('2019', v);
    report.cells['T3:R3.1:natural'].doubt = { key: 'doubt.column', params: { text: '2' } }; // … whose 2 was read with doubt
    const result = confront(report);
    const column = result.findings.find((f) => f.rule === 'T3.results_total' && f.instance === 'total')!;
    expect(column.severity).toBe('warning');
    expect(result.findings.some((f) => f.rule === 'cell.total_blank')).toBe(true);
  });

  test('a placeholder ("/") is an answer, not an omission: judged as today', () => {
    const v = fill(base());
    v['T3:R3.1:total'] = '/' as never;
    const result = confront(syntheticReport('2019', v));
    expect(result.findings.some((f) => f.rule === 'cell.total_blank')).toBe(false);
    expect(errors(result.findings).map((f) => `${f.rule}:${f.instance}`)).toContain('T3.applicant_total:R3.1');
  });

  test('last year’s blank 结转下年度 total with written parts is its sum for the cross-year check', () => {
    const now = fill(base());
    now['T3:R2:natural'] = 1;
    now['T3:R2:total'] = 1;
    now['T3:R1:natural'] = 1; // 1 + 1 = 2 handled
    now['T3:R1:total'] = 4;
    const prior = fill(base());
    prior['T3:R4:natural'] = 1;
    prior['T3:R4:total'] = null;
    prior['T3:R1:natural'] = 3;
    prior['T3:R1:total'] = 6;
    const result = confront(syntheticReport('2019', now), { prior: syntheticReport('2019', prior) });
    expect(result.findings.filter((f) => f.rule === 'X.carry_over')).toEqual([]);
  });
});
