/**
 * A typed report pasted into the fake Excel, and the pane's state as the tests read it: shared by
 * test/addin-excel.test.ts and the ExcelApi level files (test/browser/excel-levels.ts).
 */
import type { Page } from 'playwright-core';
import { fakeOf } from './harness';
import { reportSheets } from '../helpers/workbooks';
import { balancedValues } from '../helpers/synthetic';

export const SHEET = 'Sheet1';

/** A typed report (2021 format) with one wrong inner cell of 表三 and a wrong 表四 total; where each cell is. */
export function plantedReport(extra: Record<string, string | number> = {}) {
  const good = balancedValues('2021', 5);
  const values = { ...good, 'T3:R3.2:natural': (good['T3:R3.2:natural'] as number) + 3, 'T4:R1:suit.total': 99, ...extra };
  const { sheets, where } = reportSheets({ format: '2021', year: 2023, agency: '某某县水利局', values, sheetName: SHEET });
  return { sheet: sheets[0], where, good };
}

export async function pasteReport(page: Page, extra: Record<string, string | number> = {}, merges = false) {
  const r = plantedReport(extra);
  await fakeOf(page)('paste', SHEET, r.sheet.aoa, merges ? r.sheet.merges : []);
  return r;
}

export const doneCount = async (page: Page) => Number(await page.getAttribute('[data-testid=workspace]', 'data-done'));
export const waitDone = (page: Page, after: number, timeout = 30_000) =>
  page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid=workspace]')?.getAttribute('data-done')) > n &&
      !document.querySelector('[data-busy="1"]'),
    after,
    { timeout },
  );
export const errorCount = (page: Page) => page.$$eval('[data-testid=finding][data-severity=error]', (els) => els.length);
export const message = async (page: Page) =>
  (await page.$('[data-testid=message]')) ? await page.textContent('[data-testid=message]') : '';
