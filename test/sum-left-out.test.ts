/**
 * Issue 21: `sum --only-clean` records the files it left out and why inside the total workbook
 * (its 汇总明细 sheet), not only on the terminal; `sum --agencies 名单` names the listed departments
 * without a report (matched as check matches them). Before: both on stderr only, or not at all.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { expect, it } from 'vitest';
import { tempDir } from './helpers/temp';

const CLI = path.resolve(__dirname, '../dist/node/cli/main.js');
const EX = path.resolve(__dirname, '../examples');
const work = tempDir('xxgk-sum-');
const list = path.join(work, '名单.txt');
writeFileSync(list, '某某县财政局\n某某县教育局\n某某县公安局\n');
const inputsSheet = (file: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(file)).Sheets['汇总明细'], { header: 1 }).map((r) => r.map(String).join('|'));

it('--only-clean: the files left out, with verdict and reason, in 汇总明细', () => {
  const out = path.join(work, 'clean.xlsx');
  const r = spawnSync(
    'node',
    [CLI, 'sum', path.join(EX, '某某县财政局-2024.xlsx'), path.join(EX, '某某县教育局-2024-有错误.xlsx'), '--only-clean', '-o', out],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(0);
  const rows = inputsSheet(out);
  const at = rows.findIndex((l) => l.includes('未计入汇总的文件（1 个'));
  expect(at).toBeGreaterThan(0);
  expect(rows[at + 1]).toMatch(/某某县教育局-2024-有错误\.xlsx\|有错误，需退回\|.+/);
});

it('--agencies: the listed departments without a report, on the terminal and in 汇总明细', () => {
  const out = path.join(work, 'listed.xlsx');
  const r = spawnSync('node', [CLI, 'sum', path.join(EX, '某某县财政局-2024.xlsx'), '--agencies', list, '-o', out], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).toContain('名单中的「某某县教育局」没有报告，未计入汇总');
  expect(r.stderr).toContain('名单中的「某某县公安局」没有报告');
  expect(r.stderr).not.toContain('「某某县财政局」没有报告');
  const rows = inputsSheet(out);
  const at = rows.findIndex((l) => l.includes('名单中没有报告的单位（2 个）'));
  expect(rows.slice(at + 1, at + 3).map((l) => l.replace(/^\|/, ''))).toEqual(['某某县教育局', '某某县公安局']);
  execFileSync('node', [CLI, 'sum', '--help']).toString().includes('--agencies');
});
