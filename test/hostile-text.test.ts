/**
 * Issue 8 item 6 (text copied into outputs and messages): a 1 MB text in a count cell is cut to
 * the length messages use (MAX_SHOWN_TEXT, core/model/values.ts) wherever a command copies it —
 * export (csv, json, html, xlsx), fill, sum's refusal and its note — and no output cell holds
 * more than Excel can (32,767 characters). Inputs are hashed before and after.
 */
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHOWN_TEXT } from '../core/model/values';
import { withHugeText } from './helpers/hostile';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { bookBytes, reportSheets, type Raw } from './helpers/workbooks';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const xxgk = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });

const HUGE = 500_000; // times "若干": a 1,000,000-character cell
const cut = `${'若干'.repeat(MAX_SHOWN_TEXT / 2)}…`;

let dir: string;
let huge: string;
let plain: string;
beforeAll(async () => {
  dir = tempDir('xxgk-text-');
  const values = { ...balancedValues('2021', 2), 'T2:rules:issued': 'MARKERCELL' } as Record<string, Raw>;
  huge = path.join(dir, 'huge.xlsx');
  writeFileSync(
    huge,
    await withHugeText(
      bookBytes(reportSheets({ format: '2021', year: 2024, agency: '某某县财政局', values }).sheets),
      'MARKERCELL',
      '若干',
      HUGE,
    ),
  );
  plain = path.join(dir, 'plain.xlsx');
  writeFileSync(
    plain,
    bookBytes(reportSheets({ format: '2021', year: 2024, agency: '某某县教育局', values: balancedValues('2021', 3) }).sheets),
  );
});

/** The longest text of any cell of an .xlsx file. */
function longestCell(file: string): number {
  const wb = XLSX.read(readFileSync(file));
  let most = 0;
  for (const n of wb.SheetNames)
    for (const [k, c] of Object.entries(wb.Sheets[n]))
      if (!k.startsWith('!')) most = Math.max(most, String((c as XLSX.CellObject).v).length);
  return most;
}

describe('a 1 MB text cell copied by export, fill and sum is cut', () => {
  it('export --allow-errors: csv, json and html hold the cut text, xlsx no cell past it', () => {
    const before = hash(huge);
    for (const ext of ['csv', 'json', 'html', 'xlsx']) {
      const out = path.join(dir, `export.${ext}`);
      const r = xxgk(['export', huge, '-o', out, '--allow-errors']);
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(out).size, ext).toBeLessThan(100_000);
      if (ext === 'xlsx') expect(longestCell(out)).toBeLessThanOrEqual(MAX_SHOWN_TEXT + 1);
      else expect(readFileSync(out, 'utf8'), ext).toContain(cut);
    }
    expect(hash(huge)).toBe(before);
  });

  it('fill writes the cut text, not a cell Excel cannot hold', () => {
    const out = path.join(dir, 'filled.xlsx');
    const r = xxgk(['fill', huge, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(longestCell(out)).toBeLessThan(32_767);
    const wb = XLSX.read(readFileSync(out));
    const texts = Object.values(wb.Sheets[wb.SheetNames[0]]).map((c) => (c as XLSX.CellObject).v);
    expect(texts).toContain(cut);
  });

  it('sum: the refusal quotes the cut text on lines of their own; with --allow-errors the note is cut too', () => {
    const refused = xxgk(['sum', huge, plain, '-o', path.join(dir, 'sum.xlsx')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.length).toBeLessThan(2_000);
    expect(refused.stderr).not.toContain('\\x0A'); // its line breaks are line breaks
    expect(refused.stderr).toMatch(
      /^以下报告有错误，未汇总.*\n {2}\S*huge\.xlsx：1 个错误\n {4}2024年报!D6 表二 规章·本年制发件数：填写了 1000000 个字符的文本“(若干){20}…”，不是数字\n未写出任何文件。\n$/,
    );
    const summed = xxgk(['sum', huge, plain, '-o', path.join(dir, 'sum2.xlsx'), '--allow-errors']);
    expect(summed.status, summed.stderr).toBe(0);
    expect(summed.stdout).toMatch(new RegExp(`未计入（不是数字）：\\S*huge\\.xlsx 2024年报!D6：“${cut}”`));
    expect(summed.stdout.length).toBeLessThan(2_000);
    expect(longestCell(path.join(dir, 'sum2.xlsx'))).toBeLessThan(32_767);
  });
});
