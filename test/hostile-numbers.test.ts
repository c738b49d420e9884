/**
 * Issue 20, item 16: counts past 2^53 are read exactly or said to be maybe rounded, and sums are
 * exact or refused. Before: a consistent .xlsx with 9007199254740993 got false errors (the
 * workbook library parses `<v>` into a JS number: 9007199254740992), a real off-by-one was blamed
 * on the wrong cell, a sum past 2^53 was written rounded with exit 0, and money of 20 decimals
 * summed inexactly.
 */
import { spawnSync } from 'child_process';
import { existsSync, writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../core/checkfile';
import { readReportsFrom } from '../core/checkfile';
import { confront } from '../core/check';
import { sumReports } from '../core/template/sum';
import { readValue } from '../core/model/values';
import { formCells, getForm } from '../core/forms';
import { BIG, bigValues, bigXlsx } from './helpers/big-numbers';
import { bookBytes, reportSheets } from './helpers/workbooks';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');

describe('counts past 2^53 (item 16)', () => {
  it('a consistent .xlsx with counts past 2^53 has no error: its digits are read from the sheet', async () => {
    const r = await checkInput(new Uint8Array(await bigXlsx(bigValues())), 'big.xlsx', { lang: 'zh' });
    expect(r.status).toBe('checked');
    const findings = r.reports[0].findings.filter((f) => f.severity !== 'notice');
    expect(findings).toEqual([]);
  });

  it('a real off-by-one is blamed on the cell that is off, with the exact figures', async () => {
    const r = await checkInput(new Uint8Array(await bigXlsx(bigValues(1n))), 'off.xlsx', { lang: 'zh' });
    const errors = r.reports[0].findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const off = String(BigInt(balancedValues('2021', 1)['T3:R1:natural'] as number) + BIG + 1n);
    for (const e of errors) {
      expect(e.message).toContain(off);
      expect(e.suspects[0]?.ref).toMatch(/!D23$/);
    }
    // The JSON value is the exact digits (a JS number would round them).
    expect(errors[0].cells.map((c) => String(c.value))).toContain(off);
  });

  it('a number past 2^53 whose digits the file does not give is a warning, and its equations warnings', () => {
    const v = readValue(Number(9007199254740993n), 'count');
    expect(v).toMatchObject({ kind: 'number', inexact: true });
    expect(readValue(9007199254740992, 'count', '9007199254740993')).toMatchObject({ kind: 'number' });
    expect(String((readValue(9007199254740992, 'count', '9007199254740993') as { value: unknown }).value)).toBe('9007199254740993');
    // An .xls keeps only the JS number: a report whose sums are off by the rounding gets warnings, no error.
    const values: Record<string, string | number | boolean | null> = bigValues(1n);
    for (const [k, x] of Object.entries(values)) if (typeof x === 'string' && /^\d{16,}$/.test(x)) values[k] = Number(x);
    const xls = bookBytes(reportSheets({ format: '2021', year: 2024, agency: '某某县财政局', values }).sheets, 'xls');
    const [report] = readReportsFrom(new Uint8Array(xls), 'big.xls');
    const res = confront(report, { lang: 'zh' });
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.findings.some((f) => f.rule === 'cell.inexact')).toBe(true);
  });

  it('a sum past what a JS number holds is refused, naming the cells', async () => {
    const a = readReportsFrom(new Uint8Array(await bigXlsx(bigValues(), '甲局')), 'a.xlsx')[0];
    const b = readReportsFrom(new Uint8Array(await bigXlsx(bigValues(), '乙局')), 'b.xlsx')[0];
    const refused = sumReports(
      [
        { name: 'a.xlsx', report: a },
        { name: 'b.xlsx', report: b },
      ],
      { lang: 'zh' },
    );
    expect(refused).toMatchObject({ ok: false, reason: 'inexact' });
    expect(refused.ok || refused.message).toContain('精确');
    expect(refused.ok || refused.message).toContain('表三');
    // One report alone: its odd figures past 2^53 cannot be written exactly to a workbook either.
    expect(sumReports([{ name: 'a.xlsx', report: a }], { lang: 'zh' })).toMatchObject({ ok: false, reason: 'inexact' });
  });

  it('money of 20 decimals is not summed inexactly', () => {
    const report = readReportsFrom(
      new Uint8Array(bookBytes(reportSheets({ format: '2021', year: 2024, agency: '甲局', values: balancedValues('2021', 1) }).sheets)),
      'a.xlsx',
    )[0];
    const money = [...formCells(getForm('2021'))].find(([id, spec]) => spec.kind === 'money' && report.cells[id])![0];
    // Two departments (one department twice is refused before any figure is summed).
    const withMoney = (v: string, agency: string) => ({
      ...report,
      agency,
      cells: { ...report.cells, [money]: { ...report.cells[money], raw: v } },
    });
    const res = sumReports(
      [
        { name: 'a', report: withMoney('0.12345678901234567891', '甲局') },
        { name: 'b', report: withMoney('0.12345678901234567891', '乙局') },
      ],
      { lang: 'zh', allowErrors: true },
    );
    expect(res).toMatchObject({ ok: false, reason: 'inexact' });
  });

  it('xxgk sum of two such reports writes nothing and exits 1', async () => {
    const dir = tempDir('xxgk-big-');
    writeFileSync(path.join(dir, 'a.xlsx'), await bigXlsx(bigValues(), '甲局'));
    writeFileSync(path.join(dir, 'b.xlsx'), await bigXlsx(bigValues(), '乙局'));
    const out = path.join(dir, 'sum.xlsx');
    const r = spawnSync(process.execPath, [bin, 'sum', path.join(dir, 'a.xlsx'), path.join(dir, 'b.xlsx'), '-o', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
