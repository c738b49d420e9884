/**
 * Issue 20, items 11 and 12, in the task pane's file mode (dist/taskpane.html in Chromium): picked
 * files are read and checked in a worker (addin/read-off-page.ts), so that the page keeps
 * responding while a long text or a hostile PDF is read, and a file that takes longer than the
 * time `xxgk check` gives it is stopped, said as check says it. Responsiveness is a ticker's
 * longest gap while the files are read, with a generous bound: on the page (no Worker, the
 * fallback, as the pane read files before) one file held the page for seconds.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './browser/harness';
import { paneSuite } from './browser/suite';
import { manyTextItemsPdf, nestedSavesPdf } from '../bench/hostile-pdf';

const pane = paneSuite();
const root = path.join(__dirname, '..');

/** A published report's text with one line of 1.7 MB of label words among its tables. */
function longLabelLine(): Buffer {
  const words = ['本年新收政府信息公开申请数量', '予以公开', '部分公开', '自然人', '商业企业', '办理结果总计'];
  const line: string[] = [];
  for (let n = 0, i = 0; n < (1.7 * 1024 * 1024) / 3; i++) n += line[line.push(words[i % words.length]) - 1].length + 1;
  const lines = readFileSync(path.join(root, 'examples', 'shunhe-2020-report.txt'), 'utf8').split('\n');
  lines.splice(30, 0, line.join(' '));
  return Buffer.from(lines.join('\n'));
}

const FILES = [
  { name: '长行.txt', mimeType: 'text/plain', buffer: longLabelLine() },
  { name: '嵌套.pdf', mimeType: 'application/pdf', buffer: nestedSavesPdf(100_000) },
  // Within the PDF guard's limits, but pdf.js and the layout take seconds over it.
  { name: '碎字.pdf', mimeType: 'application/pdf', buffer: manyTextItemsPdf(45_000) },
  {
    name: '财政局.xlsx',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx')),
  },
];

/** Starts a ticker on the page that keeps its longest gap (ms) in window.__gap. */
async function startTicker(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number };
    w.__gap = 0;
    let last = performance.now();
    setInterval(() => {
      const t = performance.now();
      w.__gap = Math.max(w.__gap, t - last);
      last = t;
    }, 10);
  });
}

/** Picks the files with `seconds` a file; the rows of the bulk table by file and the ticker's longest gap so far. */
async function pick(page: Page, files: typeof FILES, seconds: number) {
  await page.evaluate((s) => {
    (window as unknown as { __xxgkFileSeconds: number }).__xxgkFileSeconds = s;
  }, seconds);
  await page.setInputFiles('[data-testid=file-input]', files);
  // From the files' arrival on: Playwright's own handing over of the files' bytes is no part of the pane.
  await page.evaluate(() => {
    (window as unknown as { __gap: number }).__gap = 0;
  });
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=bulk-row]').length === n && !document.querySelector('[data-busy="1"]'),
    files.length,
    {
      timeout: 240_000,
    },
  );
  const gap = await page.evaluate(() => (window as unknown as { __gap: number }).__gap);
  const rows = await page.$$eval('[data-testid=bulk-row]', (els) =>
    els.map((e) => ({
      file: e.getAttribute('data-file'),
      reason: e.querySelector('[data-testid=bulk-reason]')?.textContent ?? '',
    })),
  );
  return { gap, rows: Object.fromEntries(rows.map((r) => [r.file, r])) };
}

describe('the pane reads files off its page (items 11, 12)', { timeout: 300_000 }, () => {
  it('keeps the page responsive, stops a file at its time and says so, then reads the next', async () => {
    const page = await pane.open({ width: 1200 });
    await startTicker(page);
    const { gap, rows } = await pick(page, FILES, 120);
    expect(rows['嵌套.pdf'].reason).toContain('文件「嵌套.pdf」是损坏的 PDF 文件（其中的图形状态嵌套超过 128 层）');
    expect(rows['长行.txt'].reason).not.toMatch(/内部错误/);
    expect(rows['碎字.pdf'].reason).not.toMatch(/内部错误/);
    expect(rows['财政局.xlsx'].reason).toBe('');
    console.log(`longest gap with the worker: ${Math.round(gap)} ms`);
    expect(gap).toBeLessThan(1500);
    // Past its time a file is stopped (its worker ended) and said so; the workbook after it gets a new worker.
    const stopped = await pick(page, [FILES[0]], 0.05);
    expect(stopped.rows['长行.txt'].reason).toBe(
      '文件「长行.txt」无法读取：读取 0.05 秒仍未完成（正常报表不到一秒），文件可能已损坏或为恶意构造',
    );
    const next = await pick(page, [FILES[3], FILES[1]], 120);
    expect(next.rows['财政局.xlsx'].reason).toBe('');
    expect(next.gap).toBeLessThan(1500);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('reads on the page where no Worker can be made, with the same verdicts', async () => {
    const page = await pane.open({ width: 1200 });
    await page.evaluate(() => {
      (window as unknown as { Worker: unknown }).Worker = undefined;
    });
    await startTicker(page);
    const { gap, rows } = await pick(page, FILES, 120);
    expect(rows['嵌套.pdf'].reason).toContain('文件「嵌套.pdf」是损坏的 PDF 文件（其中的图形状态嵌套超过 128 层）');
    expect(rows['财政局.xlsx'].reason).toBe('');
    expect(rows['碎字.pdf'].reason).not.toMatch(/内部错误/);
    console.log(`longest gap on the page: ${Math.round(gap)} ms`);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
