/**
 * `sum` never counts one department twice in silence (issue 20, outputs that cannot be turned
 * against their owner). Before: two files of 某某县财政局 (a copy and a 修改后 version) were summed
 * together, every cell doubled, exit 0. Now two reports of one department, or two files naming no
 * department with the same figures, are refused with both named; `--keep FILE` chooses (the
 * other is listed, also in 汇总明细); `--force` sums anyway, for two departments that really print
 * one placeholder name. Real files: the example workbook copied, and workbooks written by the
 * template writer, read back through the command.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { expect, it } from 'vitest';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { tempDir } from './helpers/temp';
import { balancedValues, consistentInputs } from './helpers/synthetic';
import { sheetsTogether } from './helpers/sheets-together';
import { bookBytes } from './helpers/workbooks';

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

it('no department named and the same figures: refused; two departments with the same figures are summed; --force sums', async () => {
  const form = getForm('2021');
  const values = consistentInputs(form, 7);
  const a = path.join(dir, 'a.xlsx'),
    b = path.join(dir, 'b.xlsx'),
    c = path.join(dir, 'c.xlsx'),
    d = path.join(dir, 'd.xlsx');
  writeFileSync(a, await writeTemplate(form, { year: 2024, values }));
  writeFileSync(b, await writeTemplate(form, { year: 2024, values }));
  writeFileSync(c, await writeTemplate(form, { year: 2024, agency: '某某县水利局', values }));
  writeFileSync(d, await writeTemplate(form, { year: 2024, agency: '某某县林业局', values }));
  const out = path.join(dir, 'fig.xlsx');
  const r = xxgk('sum', a, b, c, d, '-o', out);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/a\.xlsx、.*b\.xlsx/);
  expect(r.stderr).not.toContain('c.xlsx');
  // Small departments often print the same few figures: two names are two departments.
  expect(xxgk('sum', a, c, d, '-o', out).status).toBe(0);
  expect(xxgk('sum', a, b, c, '--force', '-o', path.join(dir, 'forced.xlsx')).status).toBe(0);
});

it('three departments on one sheet (合报), --only-clean: each department summed once, not the first one three times', () => {
  // Before: the sum took the sheet's first report for each of its three rows (that department tripled).
  const sub = path.join(dir, '合报');
  mkdirSync(sub);
  const one = (office: string, seed: number) => ({
    format: '2021',
    year: 2025,
    agency: `某某县${office}`,
    values: balancedValues('2021', seed),
  });
  const seeds = [3, 4, 5];
  const file = path.join(sub, '三单位合报.xlsx');
  writeFileSync(
    file,
    bookBytes([sheetsTogether('2025年报', [one('体育局', 3), one('国防动员办公室', 4), one('粮食和物资储备局', 5)], 'stacked')]),
  );
  const out = path.join(dir, '合报汇总.xlsx');
  const r = xxgk('sum', sub, '--only-clean', '-o', out);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('已汇总 3 份报告');
  const j = xxgk('export', out, '-o', path.join(dir, '合报汇总.json'));
  expect(j.status, j.stderr).toBe(0);
  const tables = JSON.parse(readFileSync(path.join(dir, '合报汇总.json'), 'utf8')).tables;
  const expected = seeds.reduce((s, k) => s + Number(balancedValues('2021', k)['T3:R1:natural']), 0);
  expect(tables.T3.R1.natural).toBe(expected);
});
