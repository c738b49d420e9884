/**
 * Published reports read as they were written (issue 18, items 6 and 8): a figure is judged in the
 * unit the report wrote it in, and a text report's places read 第 N 行 in Chinese output.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../core/checkfile';
import type { Cell } from '../core/check/cell';
import { reasonFor, slip } from '../core/check/wording';
import { Dec } from '../core/model/decimal';
import { fullValues, publishedText, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const year = 2023;
const agency = '某某县财政局';
const text = (values: Record<string, Raw>) => new TextEncoder().encode(publishedText('2021', values, 'tabs', { year, agency }));
const rules = (values: Record<string, Raw>) =>
  checkData(text(values), '财政局.txt').reports[0].findings.map((f) => `${f.severity} ${f.rule}`);

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
});

describe('a fee written in 元 is judged as written', () => {
  const clean = fullValues('2021', balancedValues('2021'));
  it('73802895.90元 (two decimals of 元) is read as 7380.28959 万元 with a notice, never a decimals error', () => {
    expect(rules({ ...clean, 'T2:fees:amount': '73802895.90元' })).toEqual(['notice cell.text_number']);
    const r = checkData(text({ ...clean, 'T2:fees:amount': '73802895.90元' }), '财政局.txt').reports[0];
    expect(r.findings[0].cells[0].value).toBe(7380.28959);
  });
  it('more than four decimals as written is said, in 万元 or in 元 (a warning: the 2021 format sets no places)', () => {
    expect(rules({ ...clean, 'T2:fees:amount': '0.12345万元' })).toContain('warning cell.decimals');
    expect(rules({ ...clean, 'T2:fees:amount': '0.12345' })).toContain('warning cell.decimals');
    expect(rules({ ...clean, 'T2:fees:amount': '12.345678元' })).toContain('warning cell.decimals');
    expect(rules({ ...clean, 'T2:fees:amount': '1234.5678元' }).join()).not.toContain('cell.decimals');
  });
});

describe('places in a text report', () => {
  it('the suspect of a text report is 第 N 行 in Chinese, line N in English (xxgk check)', () => {
    const dir = tempDir();
    const v = fullValues('2021', balancedValues('2021'));
    const file = path.join(dir, '财政局.txt');
    fs.writeFileSync(file, text({ ...v, 'T3:R1:natural': 14 }));
    expect(v['T3:R1:natural']).toBe(41);
    const zh = spawnSync(process.execPath, [bin, 'check', file], { encoding: 'utf8' }).stdout;
    // Named by its line and its place in the form: a line holds a whole table row.
    expect(zh).toMatch(/疑为 第 \d+ 行（表三 本年新收 自然人） = 14，应为 41/);
    expect(zh).not.toMatch(/line \d/);
    const en = spawnSync(process.execPath, [bin, 'check', file, '--lang', 'en'], { encoding: 'utf8' }).stdout;
    expect(en).toMatch(/suspect line \d+ \(Table 3 “本年新收” “自然人”\) = 14, should be 41/);
  });
});

describe('a typing slip is named only from the digits of one cell', () => {
  const cell = (n: number) => ({ value: { kind: 'number', value: Dec.of(n) } }) as unknown as Cell;
  it('a swap keeps the sign; -12 for 21 is no swap', () => {
    expect(slip(Dec.of(21), Dec.of(12), 'zh')).toMatch(/两位数字颠倒/);
    expect(slip(Dec.of(-12), Dec.of(21), 'zh')).toBeNull();
  });
  it('in an explanation of several cells, digits that look swapped name no slip', () => {
    expect(reasonFor(cell(21), Dec.of(12), 1, 1, 'zh')).toMatch(/两位数字颠倒/);
    expect(reasonFor(cell(21), Dec.of(12), 2, 1, 'zh')).not.toMatch(/颠倒|多打|漏打/);
  });
});
