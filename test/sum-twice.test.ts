/**
 * `sum` never counts one department twice in silence (issue 20, outputs that cannot be turned
 * against their owner). Before: two files of 某某县财政局 (a copy and a 修改后 version) were summed
 * together, every cell doubled, exit 0. Now two reports of one department, or two files holding
 * the same figures under different names, are refused with both named; `--keep FILE` chooses (the
 * other is listed, also in 汇总明细); `--force` sums anyway, for two departments that really print
 * one placeholder name. Real files: the example workbook copied, and workbooks written by the
 * template writer, read back through the command.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { expect, it } from 'vitest';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { tempDir } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const CLI = path.resolve(__dirname, '../dist/node/cli/main.js');
const EX = path.resolve(__dirname, '../examples/某某县财政局-2024.xlsx');
const xxgk = (...args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
const sheet = (file: string, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(file)).Sheets[name], { header: 1 }).map((r) => r.map(String).join('|'));

const dir = tempDir('xxgk-sum-twice-');
const copy = path.join(dir, '财政局.xlsx');
const revised = path.join(dir, '某某县财政局-2024-修改后.xlsx');
copyFileSync(EX, copy);
copyFileSync(EX, revised);

it('one department twice: refused, both named, nothing written (zh and en)', () => {
  const out = path.join(dir, 'sum.xlsx');
  const zh = xxgk('sum', copy, revised, '-o', out);
  expect(zh.status).toBe(1);
  expect(zh.stderr).toContain('重复计数');
  expect(zh.stderr).toContain('某某县财政局：');
  expect(zh.stderr).toContain(copy);
  expect(zh.stderr).toContain(revised);
  // No English beyond option names and the files' names.
  expect(
    zh.stderr
      .split(dir)
      .join('')
      .replace(/--[a-z-]+|\.xlsx/g, ''),
  ).not.toMatch(/[A-Za-z]/);
  expect(existsSync(out)).toBe(false);
  const en = xxgk('sum', copy, revised, '-o', out, '--lang', 'en');
  expect(en.status).toBe(1);
  expect(en.stderr).toMatch(/would count double/);
  expect(existsSync(out)).toBe(false);
});

it('--keep chooses one; the other is said and listed in 汇总明细; the sum is not doubled', () => {
  const once = path.join(dir, 'once.xlsx');
  expect(xxgk('sum', copy, '-o', once).status).toBe(0);
  const kept = path.join(dir, 'kept.xlsx');
  const r = xxgk('sum', copy, revised, '--keep', path.basename(revised), '-o', kept);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('已汇总 1 份报告');
  expect(r.stderr).toContain('未计入：' + copy);
  const rows = sheet(kept, '汇总明细');
  expect(rows.some((l) => l.includes(copy) && l.includes('重复'))).toBe(true);
  const table = (f: string) => sheet(f, XLSX.read(readFileSync(f)).SheetNames[0]);
  expect(table(kept)).toEqual(table(once));
  expect(xxgk('sum', copy, revised, '--keep', 'nope.xlsx', '-o', path.join(dir, 'x.xlsx')).status).toBe(2);
});

it('the same figures under two departments’ names: refused; --force sums them', async () => {
  const form = getForm('2021');
  const values = consistentInputs(form, 7);
  const a = path.join(dir, 'a.xlsx'),
    b = path.join(dir, 'b.xlsx'),
    c = path.join(dir, 'c.xlsx');
  writeFileSync(a, await writeTemplate(form, { year: 2024, agency: '某某县水利局', values }));
  writeFileSync(b, await writeTemplate(form, { year: 2024, agency: '某某县林业局', values }));
  writeFileSync(c, await writeTemplate(form, { year: 2024, agency: '某某县农业局', values: consistentInputs(form, 8) }));
  const out = path.join(dir, 'fig.xlsx');
  const r = xxgk('sum', a, b, c, '-o', out);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('某某县水利局：');
  expect(r.stderr).toMatch(/a\.xlsx、.*b\.xlsx/);
  expect(r.stderr).not.toContain('c.xlsx');
  expect(xxgk('sum', a, c, '-o', out).status).toBe(0);
  expect(xxgk('sum', a, b, c, '--force', '-o', path.join(dir, 'forced.xlsx')).status).toBe(0);
});
