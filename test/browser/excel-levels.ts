/**
 * The pane at one ExcelApi version, against the fake Excel (test/browser/fake-excel.js): checks, marks,
 * selects a finding of several cells, re-checks while editing and then rests, clears. The versions are
 * spread over two test files (below and from ExcelApi 1.10, where comments begin) that run side by side,
 * and the versions of a file run at once, each in a page of its own: each waits 4.8 s on purpose (a
 * re-check must come to rest), 34 s of waiting one after another (two files: 34 s -> 15 s, issue 22).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { act, fakeOf, pageErrors, type OpenOptions } from './harness';
import { SHEET, doneCount, errorCount, pasteReport, waitDone } from './excel-report';
import { a1 } from '../../core/read/grid';

export const levelTitle = (api: string) =>
  `ExcelApi ${api}: checks, marks, selects a finding of several cells, re-checks while editing and then rests, clears`;

export async function checkAtLevel(pane: { open: (opts?: OpenOptions) => Promise<Page> }, api: string): Promise<void> {
  const page = await pane.open({ fakeExcel: true, api });
  const fake = fakeOf(page);
  const { where, good } = await pasteReport(page);
  const before = await fake<string>('snapshot', SHEET);
  await act(page, '[data-testid=check]');
  expect(await errorCount(page)).toBeGreaterThan(0);
  expect(Object.keys(await fake<Record<string, string>>('fills', SHEET)).length).toBeGreaterThan(0);
  // Comments need ExcelApi 1.10.
  expect(Object.keys(await fake<Record<string, string>>('comments', SHEET)).length > 0).toBe(Number(api.split('.')[1]) >= 10);

  // Defect 2: a finding with several cells selects them all from ExcelApi 1.18 (RangeAreas.select), else its first.
  const suspects = await page.$$eval('[data-testid=finding]', (els) => els.map((e) => e.getAttribute('data-suspects') ?? ''));
  const several = suspects.find((x) => x.includes(' '))!;
  expect(several, 'a finding with several suspects').toBeTruthy();
  await act(page, `[data-testid=finding][data-suspects="${several}"] >> nth=0`, { position: { x: 4, y: 4 } });
  const refs = several.split(' ').map((r) => r.split('!')[1]);
  expect((await fake<{ address: string }>('selection')).address).toBe(api === '1.18' ? refs.join(',') : refs[0]);
  expect(await page.$('[data-testid=message]')).toBeNull();

  // Defects 1 and 2: re-check while editing works at every version, and comes to rest (no re-check of its own marks).
  await page.click('[data-testid=auto]');
  // The handlers are registered in a batch of their own; below ExcelApi 1.8 (no enableEvents) the pane also ignores
  // changes for 0.5 s after its own writes, so the user's edit comes once both are past (slow under a loaded suite).
  await page.waitForFunction(
    () =>
      (window as unknown as { __fakeExcel: { handlers(): number } }).__fakeExcel.handlers() > 0 &&
      !document.querySelector('[data-busy="1"]'),
  );
  await page.waitForTimeout(800);
  const n = await doneCount(page);
  const wrong = where.get('T3:R3.2:natural')!;
  await fake('type', SHEET, a1(wrong.r, wrong.c), good['T3:R3.2:natural']);
  await waitDone(page, n);
  await page.waitForTimeout(1500);
  const syncs = await fake<number>('syncs');
  await page.waitForTimeout(2500);
  expect(await fake<number>('syncs'), 'no re-check triggered by the pane itself').toBe(syncs);
  expect(await page.$$eval('[data-testid=finding][data-rule^="T3"][data-severity=error]', (els) => els.length)).toBe(0);

  // Clearing leaves no fill and no comment of ours; switching off unsubscribes on the registering context.
  await act(page, '[data-testid=clear-marks]');
  expect(await fake<Record<string, string>>('fills', SHEET)).toEqual({});
  expect(await fake<Record<string, string>>('comments', SHEET)).toEqual({});
  await page.click('[data-testid=auto]');
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: { handlers(): number } }).__fakeExcel.handlers() === 0);
  expect(await fake<string[]>('failures'), 'nothing refused by Excel').toEqual([]);
  expect(before).toContain('cells');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
}
