/**
 * The task pane against a fake Excel as strict as Microsoft documents it (test/browser/fake-excel.js):
 * one test per defect of issue 11 and of issue 19's marks and export. The pane at every ExcelApi
 * version is in test/addin-excel-api-*.test.ts (files of their own, so they run side by side).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { act, fakeOf } from './browser/harness';
import { paneSuite } from './browser/suite';
import { SHEET, doneCount, errorCount, message, pasteReport, plantedReport, waitDone } from './browser/excel-report';
import { formForYear } from '../core/forms';
import { templateLayout } from '../core/template/layout';
import { a1 } from '../core/read/grid';

const pane = paneSuite();

describe('issue 11: each defect', () => {
  it('3: an automatic re-check waits while the user is typing in a cell', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    const { where, good } = await pasteReport(page);
    await act(page, '[data-testid=check]');
    await page.click('[data-testid=auto]');
    await page.waitForTimeout(300);
    const n = await doneCount(page);
    const wrong = where.get('T3:R3.2:natural')!;
    await fake('type', SHEET, a1(wrong.r, wrong.c), good['T3:R3.2:natural']);
    await fake('edit', true); // the user goes on typing in the next cell before the re-check runs
    await page.waitForTimeout(2000);
    expect(await fake<string[]>('failures')).toEqual([]);
    await fake('edit', false);
    await waitDone(page, n);
    expect(await message(page)).toBe('');
    expect(await page.$$eval('[data-testid=finding][data-rule^="T3"][data-severity=error]', (els) => els.length)).toBe(0);
    await page.context().close();
  });

  it('4 and 9: a deleted mark comment, a renamed sheet (2023年报, Sheet-2) lock nothing; clearing restores exactly', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    await pasteReport(page);
    const before = await fake<string>('snapshot', SHEET);
    await act(page, '[data-testid=check]');
    const comments = Object.keys(await fake<Record<string, string>>('comments', SHEET));
    expect(comments.length).toBeGreaterThan(0);
    await fake('deleteComment', SHEET, comments[0]); // the user deletes a mark's comment (or undoes it)
    await act(page, '[data-testid=clear-marks]');
    expect(await message(page)).toContain('已清除标记');
    expect(await fake<string>('snapshot', SHEET)).toBe(before);
    for (const name of ['2023年报', 'Sheet-2']) {
      await act(page, '[data-testid=check]');
      await fake('rename', (await fake<string[]>('sheetNames'))[0], name); // renamed while marked
      await act(page, '[data-testid=check]');
      expect(Object.keys(await fake<Record<string, string>>('comments', name)).length, `comments on ${name}`).toBeGreaterThan(0);
      await act(page, '[data-testid=clear-marks]');
      expect(await fake<string>('snapshot', name)).toBe(before);
    }
    expect(await fake<string[]>('failures')).toEqual([]);
    await page.context().close();
  });

  it('5: a marking that fails (a protected sheet) still shows the findings, and says why the cells are not marked', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    await pasteReport(page);
    await fake('protect', SHEET, {}); // protected without "format cells"
    await act(page, '[data-testid=check]');
    expect(await errorCount(page)).toBeGreaterThan(0);
    const text = await message(page);
    expect(text).toContain('未能在工作表中标出单元格');
    expect(text).toContain('受保护');
    expect(text).toContain(`「${SHEET}」`); // the sheet named (issue 19, defect 5)
    expect((text ?? '').replace(SHEET, '')).not.toMatch(/[A-Za-z]{3,}/); // no raw Excel error in the Chinese pane
    await page.context().close();
  });

  it('6: marks outlive the pane: reopened, 清除标记 restores the cells as they were before the marks', async () => {
    const first = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake1 = fakeOf(first);
    await pasteReport(first);
    const before = await fake1<string>('snapshot', SHEET);
    await act(first, '[data-testid=check]');
    const saved = await fake1<string>('dump');
    await first.context().close();
    for (const step of ['clear', 'check-then-clear']) {
      const page = await pane.open({ fakeExcel: true, api: '1.18', document: saved });
      if (step === 'check-then-clear') await act(page, '[data-testid=check]');
      expect(await page.isDisabled('[data-testid=clear-marks]')).toBe(false);
      await act(page, '[data-testid=clear-marks]');
      expect(await fakeOf(page)<string>('snapshot', SHEET), step).toBe(before);
      await page.context().close();
    }
  });

  it('7: white, patterned and tinted fills come back exactly (No Fill and white both read #FFFFFF)', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    await pasteReport(page);
    await act(page, '[data-testid=check]');
    const marked = Object.keys(await fake<Record<string, string>>('fills', SHEET));
    await act(page, '[data-testid=clear-marks]');
    await fake('format', SHEET, marked[0], { fill: { color: '#FFFFFF' } });
    await fake('format', SHEET, marked[1], { fill: { color: '#4472C4', tint: 0.6 } });
    await fake('format', SHEET, marked[2], { fill: { color: '#FF0000', pattern: 'Gray50' } });
    // What the user sees: each cell's colour (a tint read back flat) and pattern; No Fill stays No Fill.
    const seen = async () => ({
      fills: await fake<Record<string, string>>('fills', SHEET),
      patterns: await Promise.all(
        marked.slice(0, 4).map(async (a) => (await fake<{ fill?: { pattern: string } }>('cell', SHEET, a))?.fill?.pattern ?? 'None'),
      ),
    });
    const before = await seen();
    expect(before.patterns).toEqual(['Solid', 'Solid', 'Gray50', 'None']);
    await act(page, '[data-testid=check]');
    expect((await seen()).fills).not.toEqual(before.fills);
    await act(page, '[data-testid=clear-marks]');
    expect(await seen()).toEqual(before);
    await page.context().close();
  });

  it('8: undo writes text back as text ("-", "12") with its number format', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    const { where } = await pasteReport(page, { 'T4:R1:review.total': '-' });
    const total = where.get('T4:R1:suit.total')!;
    await fake('type', SHEET, a1(total.r, total.c), '12');
    await fake('format', SHEET, a1(total.r, total.c), { numberFormat: '0_ ' });
    const before = await fake<string>('snapshot', SHEET);
    await act(page, '[data-testid=check]');
    await page.click('[data-testid=tab-fix]');
    await act(page, '[data-testid=apply-all]');
    const changed = await page.$$eval('[data-testid=change]', (els) => els.map((e) => e.textContent ?? ''));
    const dash = where.get('T4:R1:review.total')!;
    expect(changed.join(' ')).toContain(a1(dash.r, dash.c));
    expect(changed.join(' ')).toContain(a1(total.r, total.c));
    await act(page, '[data-testid=undo-all]');
    await page.click('[data-testid=tab-check]');
    await act(page, '[data-testid=clear-marks]');
    expect(JSON.parse(await fake<string>('snapshot', SHEET))).toEqual(JSON.parse(before));
    expect(await fake<string[]>('failures')).toEqual([]);
    await page.context().close();
  });

  it('10: a sheet over the request limit is read in chunks; too many merged areas are said, not fatal', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18', limits: { payload: 6000, merges: 3 } });
    await pasteReport(page, {}, true);
    await act(page, '[data-testid=check]');
    expect(await errorCount(page)).toBeGreaterThan(0);
    expect(await message(page)).toContain('合并单元格过多');
    const fake = fakeOf(page);
    expect(Object.keys(await fake<Record<string, string>>('fills', SHEET)).length).toBeGreaterThan(0);
    await page.context().close();
  });

  for (const platform of ['Mac', 'iOS'])
    it(`11 (issue 19, 10): on Excel for ${platform} (no downloads in its webview) the HTML is given to copy, not reported as exported`, async () => {
      const page = await pane.open({ fakeExcel: true, api: '1.18', platform });
      const fake = fakeOf(page);
      const { where, good } = await pasteReport(page);
      for (const id of ['T3:R3.2:natural', 'T4:R1:suit.total']) await fake('type', SHEET, a1(where.get(id)!.r, where.get(id)!.c), good[id]);
      await act(page, '[data-testid=check]');
      expect(await errorCount(page)).toBe(0);
      await page.click('[data-testid=tab-export]');
      let downloads = 0;
      page.on('download', () => downloads++);
      await act(page, '[data-testid=export-html]');
      expect(await message(page)).not.toContain('已导出');
      expect(await page.inputValue('[data-testid=copy-text]')).toContain('<table');
      expect(downloads).toBe(0);
      await page.context().close();
    });

  it('13: template column widths are set in points (about 5.25 per character), not 7', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    await page.click('[data-testid=tab-insert]');
    await page.fill('input[data-testid=insert-year], [data-testid=insert-year] input', '2024');
    await act(page, '[data-testid=insert-go]');
    const widths = JSON.parse(await fakeOf(page)<string>('snapshot', '2024年报')).colWidths as Record<string, number>;
    const layout = templateLayout(formForYear(2024), { year: 2024 });
    layout.columnWidths.forEach((w, c) => {
      if (!w) return;
      expect(widths[c], `column ${c}`).toBe(Math.round(w * 7) * 0.75); // addin/office-draw.ts pointsForWidth
      expect(widths[c] / w).toBeGreaterThan(5);
      expect(widths[c] / w).toBeLessThan(6);
    });
    await page.context().close();
  });

  it('14: inside Office without Office.js (blocked CDN) the pane says so and offers a retry, instead of files mode', async () => {
    const page = await pane.open({
      query: '_host_Info=Excel|Web|16.00|zh-CN|00000000-0000-0000-0000-000000000000|isDialog|',
    });
    expect(await page.evaluate(() => (window as unknown as { __xxgkReady: { mode: string } }).__xxgkReady.mode)).toBe('office-missing');
    expect(await page.textContent('[data-testid=office-missing]')).toContain('未能连接 Excel');
    expect(await page.$('[data-testid=office-retry]')).not.toBeNull();
    expect(await page.$('[data-testid=files-mode]')).toBeNull();
    await page.context().close();
  });
});

describe('issue 19: marks as the user meets them in the pane', () => {
  it('1: all sheets checked, the second protected: the first marked, the second named, 清除标记 restores both', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    const r = plantedReport();
    await fake('paste', SHEET, r.sheet.aoa, []);
    await fake('paste', 'Sheet2', r.sheet.aoa, []);
    await fake('protect', 'Sheet2', {}); // without "format cells"
    const before = [await fake<string>('snapshot', SHEET), await fake<string>('snapshot', 'Sheet2')];
    await page.click('[data-testid=scope-all] input, [data-testid=scope-all]');
    await act(page, '[data-testid=check]');
    expect(await message(page)).toContain('「Sheet2」受保护');
    expect(Object.keys(await fake<Record<string, string>>('fills', SHEET)).length).toBeGreaterThan(0);
    expect(await fake<Record<string, string>>('fills', 'Sheet2')).toEqual({});
    expect(await page.isDisabled('[data-testid=clear-marks]')).toBe(false);
    await act(page, '[data-testid=clear-marks]');
    expect([await fake<string>('snapshot', SHEET), await fake<string>('snapshot', 'Sheet2')]).toEqual(before);
    await page.context().close();
  });

  it('3: rows inserted above the marks, then 清除标记: the marked cells are restored where they are now', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    const fake = fakeOf(page);
    await pasteReport(page);
    const before = await fake<string>('snapshot', SHEET);
    await act(page, '[data-testid=check]');
    await fake('rows', SHEET, 0, 3); // the user inserts three rows at the top
    await act(page, '[data-testid=clear-marks]');
    expect(await fake<Record<string, string>>('fills', SHEET)).toEqual({});
    expect(await fake<Record<string, string>>('comments', SHEET)).toEqual({});
    await fake('rows', SHEET, 0, -3);
    expect(await fake<string>('snapshot', SHEET)).toBe(before);
    await page.context().close();
  });
});

describe('issue 19: export where Excel cannot or will not open the workbook', () => {
  /** A clean report checked, on the export tab. */
  async function cleanReport(page: Page) {
    const fake = fakeOf(page);
    const { where, good } = await pasteReport(page);
    for (const id of ['T3:R3.2:natural', 'T4:R1:suit.total']) await fake('type', SHEET, a1(where.get(id)!.r, where.get(id)!.c), good[id]);
    await act(page, '[data-testid=check]');
    expect(await errorCount(page)).toBe(0);
    await page.click('[data-testid=tab-export]');
  }

  it('4: the prompt declined on Excel on the web: the workbook is downloaded instead, and said so', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18', createWorkbook: 'declined' });
    await cleanReport(page);
    const download = page.waitForEvent('download');
    await act(page, '[data-testid=export-xlsx]');
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await message(page)).toContain('已改为下载');
    await page.context().close();
  });

  it('4: opened in a new window, the download stays offered (the user may not see the window)', async () => {
    const page = await pane.open({ fakeExcel: true, api: '1.18' });
    await cleanReport(page);
    await act(page, '[data-testid=export-xlsx]');
    expect(await fakeOf(page)<string[]>('created')).toHaveLength(1);
    expect(await message(page)).toContain('下载工作簿');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=download-xlsx]');
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.context().close();
  });
});
