/**
 * Issue 21, "Notices a department can act on": one slip is one problem — the equations it breaks
 * in words, its explanations as alternatives with the typing slip first, each cell as the
 * department sees it — in a letter with the office's deadline, contact and name, that prints on
 * one A4 page (html through Chromium, xlsx through LibreOffice).
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemsOf } from '../core/batch/problems';
import type { ReportResult } from '../core/model/findings';
import { slipWorkbook } from './helpers/slip';
import { CHROMIUM, describeWith } from './helpers/system';
import { printToPdf } from './helpers/pdf';
import { pdfPages, smallestType } from './helpers/print';
import { tempDir } from './helpers/temp';

const CLI = path.resolve(__dirname, '../dist/node/cli/main.js');
const xxgk = (args: string[]) => {
  try {
    return { status: 0, stdout: execFileSync('node', [CLI, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const x = e as { status: number; stdout: string };
    return { status: x.status, stdout: x.stdout };
  }
};

const work = tempDir('xxgk-notice-');
const inbox = path.join(work, '收到');
const office = ['--deadline', '2026-01-25', '--contact', '张三 0371-12345678', '--office', '某某县人民政府办公室'];
let html = '';
let xlsxFile = '';
let htmlFile = '';

beforeAll(() => {
  mkdirSync(inbox);
  copyFileSync(slipWorkbook('某某县水利局-2024.xlsx', '某某县水利局'), path.join(inbox, '某某县水利局-2024.xlsx'));
  xxgk(['check', inbox, '--notices', path.join(work, 'html'), ...office]);
  xxgk(['check', inbox, '--notices', path.join(work, 'xlsx'), '--notices-format', 'xlsx', ...office]);
  htmlFile = path.join(work, 'html', readdirSync(path.join(work, 'html'))[0]);
  xlsxFile = path.join(work, 'xlsx', readdirSync(path.join(work, 'xlsx'))[0]);
  html = readFileSync(htmlFile, 'utf8');
});

describe('one slip, one problem', () => {
  it('the two broken equations in words, three alternatives, the digit swap first, each cell once', () => {
    expect(html.match(/问题 \d/g)).toEqual(['问题 1']);
    expect(html).toContain('以下 2 个等式不成立');
    expect(html).toContain('表三 自然人 列：本年新收 50 + 上年结转 3 = 53，但 办理结果总计 71 + 结转下年度 0 = 71');
    expect(html).toContain('以下任一处有误，请核实（共 3 种可能，最可能的在前）');
    const rows = [
      ...html.matchAll(
        /<tr><td class="n">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td>([^<]*)/g,
      ),
    ].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['1', '2024年报', 'D25', '表三', '予以公开', '自然人', '31', '13', '疑为两位数字颠倒（31 → 13）'],
      ['2', '2024年报', 'D23', '表三', '本年新收', '自然人', '50', '68', '改为此值后各等式均成立'],
      ['3', '2024年报', 'D24', '表三', '上年结转', '自然人', '3', '21', '改为此值后各等式均成立'],
    ]);
    expect(html).not.toMatch(/\bT[234]\.|\bcell\.|for each|\[T/); // no rule codes or formulas
  });

  it("the office's details: deadline, contact, sender and date", () => {
    expect(html).toContain('请逐项核实修改后于 2026年1月25日前重新报送');
    expect(html).toContain('如有疑问，请联系：张三 0371-12345678。');
    expect(html.match(/某某县人民政府办公室/g)).toHaveLength(2); // above the title and in the signature
    expect(html).toMatch(/\d{4}年\d{1,2}月\d{1,2}日<\/p><\/div>/);
    const bad = xxgk(['check', inbox, '--notices', path.join(work, 'x'), '--deadline', '2026-02-30']);
    expect(bad.status).toBe(2);
  });

  it('the xlsx says the same', () => {
    const wb = XLSX.read(readFileSync(xlsxFile));
    const text = XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0]]);
    expect(text).toContain('以下任一处有误');
    expect(text).toContain('疑为两位数字颠倒（31 → 13）');
    expect(text.match(/D25/g)).toHaveLength(1);
    expect(text).not.toMatch(/\bT[234]\./);
  });
});

describe('a suggestion that changes nothing is no suggestion', () => {
  it('"15 → 15" never appears', () => {
    const cell = { table: 'T3', row: 'R1', column: 'natural' };
    const r: ReportResult = {
      sheet: 'S',
      format: '2021',
      year: 2024,
      agency: null,
      notes: [],
      findings: [
        {
          rule: 'T3.balance',
          instance: 'natural',
          severity: 'error',
          message: 'm',
          cells: [{ ref: 'S!D23', ...cell, value: 15 }],
          suspects: [
            { ref: 'S!D23', ...cell, value: 15, suggested: 15, reason: 'r' },
            { ref: 'S!D24', ...cell, row: 'R2', value: 3, suggested: 4, reason: 'r' },
          ],
        },
      ],
    };
    const [p] = problemsOf(r, 'zh');
    expect(p.alternatives.map((a) => [a.place.address, a.found, a.balance])).toEqual([['D24', 3, 4]]);
  });
});

describeWith(['chromium', 'libreoffice', 'poppler', 'cjk-fonts'], 'the notice prints on one A4 page', () => {
  it('html through Chromium: one A4 portrait page', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${htmlFile}`);
      const pdf = path.join(work, 'notice-html.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      expect(pdfPages(pdf)).toEqual({ pages: 1, width: 595, height: 842 });
      expect(smallestType(pdf)).toBeGreaterThanOrEqual(8);
    } finally {
      await browser.close();
    }
  });

  it('xlsx through LibreOffice: one A4 landscape page, type of 8 pt or more', () => {
    const [pdf] = printToPdf([xlsxFile], work);
    expect(pdfPages(pdf)).toEqual({ pages: 1, width: 842, height: 595 });
    expect(smallestType(pdf)).toBeGreaterThanOrEqual(8);
  });
});
