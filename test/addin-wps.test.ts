/**
 * The WPS 加载项 (dist-wps/, `npm run build:wps`) in Debian's Chromium inside a fake of WPS 表格's
 * object model (test/browser/fake-wps.js):
 *  (a) the built pane: insert the template, type numbers and one wrong number, check, click a
 *      finding (the fake sees the selection), clear marks (the sheet exactly as before), apply
 *      suggestions (then it checks clean), export (a workbook opened in WPS);
 *  (b) the entry page: ribbon.xml is well-formed, every callback it names is a function of the
 *      entry page, each button opens the task pane and hands the pane its command;
 *  (c) packaging: WPS_ADDIN_URL reaches jsplugins.xml and publish.html, the offline .7z holds the
 *      add-in; the pane's first load stays under 350 KB gzipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { Browser, Page } from 'playwright-core';
import { act, DIST_WPS, launchChromium, openPane, pageErrors, ROOT, serveDist } from './browser/harness';
import { balancedValues } from './helpers/synthetic';
import { reportSheets } from './helpers/workbooks';
import { readWorkbook } from '../core/read/xlsx';
import { locateReports } from '../core/read/locate';
import { confront } from '../core/check';
import { formForYear } from '../core/forms';
import { templateLayout } from '../core/template/layout';
import { a1 } from '../core/read/grid';
import { bundleSizes } from '../bench/bundle';
import { sheetBesidePane } from './helpers/pictures';
import { path7za } from '7zip-bin';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serveDist(DIST_WPS);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fakeOf =
  (page: Page) =>
  <T>(fn: string, ...args: unknown[]) =>
    page.evaluate(
      ([f, a]) => {
        const fx = (window as unknown as { __fakeWps: Record<string, unknown> }).__fakeWps;
        const v = fx[f as string];
        return typeof v === 'function' ? (v as (...x: unknown[]) => unknown)(...(a as unknown[])) : v;
      },
      [fn, args] as const,
    ) as Promise<T>;

/** The pane beside the fake program's sheet, for docs/addin-wps.png. */
const wpsShot = (page: Page, sheet: string) =>
  sheetBesidePane(page, sheet, {
    global: '__fakeWps',
    tableClass: 'et',
    colour: '#1e9c5a',
    title: 'WPS 表格（测试用模拟）',
    file: 'addin-wps.png',
  });

const errorCount = (page: Page) => page.$$eval('[data-testid=finding][data-severity=error]', (els) => els.length);

describe('task pane inside a fake WPS 表格', () => {
  it('inserts the template, checks, selects, clears marks exactly, applies suggestions, exports', async () => {
    const page = await openPane(browser, server.url, { fakeWps: true });
    const fake = fakeOf(page);
    expect(await page.evaluate(() => (window as unknown as { __xxgkReady: { mode: string } }).__xxgkReady.mode)).toBe('wps');
    expect(await page.getAttribute('[data-testid=pane]', 'data-mode')).toBe('office'); // the workspace on the open workbook

    // Insert the 2024 template: drawn from the same layout as the Excel host's.
    await page.click('[data-testid=tab-insert]');
    await page.fill('input[data-testid=insert-year], [data-testid=insert-year] input', '2024');
    await page.fill('input[data-testid=insert-agency], [data-testid=insert-agency] input', '某某县财政局');
    await act(page, '[data-testid=insert-go]');
    const sheet = '2024年报';
    expect(await fake<string[]>('sheetNames')).toEqual(['Sheet1', sheet]); // added after the last sheet
    expect(await fake<string>('activeSheet')).toBe(sheet);
    const layout = templateLayout(formForYear(2024), { year: 2024, agency: '某某县财政局' });
    const grid = await fake<(string | number | null)[][]>('grid', sheet);
    expect(grid[0][0]).toBe('某某县财政局2024年政府信息公开工作年度报告');
    for (const c of layout.cells.filter((x) => x.formula)) expect(grid[c.r][c.c], c.cellId).toBe(`=${c.formula}`);
    const spans = layout.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length;
    expect((await fake<unknown[]>('merges', sheet)).length).toBe(spans);
    const input = layout.address.get('T3:R1:natural')!;
    const inputCell = await fake<{ locked?: boolean; validation?: { type: number; formula1: string } }>(
      'cell',
      sheet,
      a1(input.r, input.c),
    );
    expect(inputCell.locked).toBe(false);
    expect(inputCell.validation).toMatchObject({ type: 1, formula1: '0' }); // xlValidateWholeNumber, ≥ 0

    // The user types the numbers (balanced), then one wrong number.
    const values = balancedValues('2021', 3);
    for (const c of layout.cells) {
      if (c.role !== 'input' || !c.cellId) continue;
      await fake('type', sheet, a1(c.r, c.c), c.cellId in values ? values[c.cellId] : 1);
    }
    const wrong = layout.address.get('T3:R3.2:natural')!;
    await fake('type', sheet, a1(wrong.r, wrong.c), (values['T3:R3.2:natural'] as number) + 3);
    const before = await fake<string>('snapshot', sheet);

    // Check: values and formulas of the block in one call each; merges and marks in a bounded number more.
    await page.click('[data-testid=tab-check]');
    const calls0 = await fake<number>('calls');
    await act(page, '[data-testid=check]');
    await page.waitForSelector('[data-testid=results]');
    const readCalls = (await fake<number>('calls')) - calls0;
    const log = await page.evaluate(() => (window as unknown as { __fakeWps: { state: { callLog: string[] } } }).__fakeWps.state.callLog);
    expect(log.slice(-readCalls).filter((x) => x === 'Range.Value2' || x === 'Range.Formula')).toEqual(['Range.Value2', 'Range.Formula']);
    // Measured: 422 calls for the 2024 template (50 merged areas, found with MergeCells/MergeArea) and 12 marks.
    console.log(`check in WPS: ${readCalls} object-model calls`);
    expect(readCalls).toBeLessThan(500);
    expect(await errorCount(page)).toBeGreaterThan(0);
    const fills = await fake<Record<string, number>>('fills', sheet);
    expect(fills[a1(wrong.r, wrong.c)]).toBe(0xcec7ff); // #FFC7CE as BGR
    expect(await fake<Record<string, string>>('comments', sheet)).toEqual({}); // protected sheet: fills only

    // Clicking a finding selects its cells in WPS.
    const target = await page.$$eval('[data-testid=finding][data-severity=error]', (els) =>
      els.map((e) => e.getAttribute('data-suspects')).find((s) => !!s),
    );
    await act(page, `[data-testid=finding][data-suspects="${target}"] >> nth=0`, { position: { x: 4, y: 4 } });
    expect(await fake<{ sheet: string; address: string }>('selection')).toEqual({
      sheet,
      address: target!
        .split(' ')
        .map((r) => r.split('!')[1])
        .join(','),
    });

    await wpsShot(page, sheet);

    // Clear marks: every cell exactly as before the check.
    await act(page, '[data-testid=clear-marks]');
    expect(await fake<string>('snapshot', sheet)).toBe(before);

    // Apply every suggestion: the sheet then checks clean.
    await page.click('[data-testid=tab-fix]');
    await act(page, '[data-testid=apply-all]');
    expect(await page.$$eval('[data-testid=change]', (els) => els.length)).toBeGreaterThan(0);
    await page.click('[data-testid=tab-check]');
    await act(page, '[data-testid=check]');
    expect(await errorCount(page)).toBe(0);

    // Export: the workbook is written to the temp folder and opened in WPS.
    await page.click('[data-testid=tab-export]');
    await act(page, '[data-testid=export-xlsx]');
    const opened = await fake<string[]>('opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^\/tmp\/wps-fake\/xxgk-\d+\.xlsx$/);
    const binary = await page.evaluate(
      (p) => (window as unknown as { __fakeWps: { files(): Record<string, string> } }).__fakeWps.files()[p],
      opened[0],
    );
    const exported = locateReports(readWorkbook(new Uint8Array(Buffer.from(binary, 'latin1')), 'export.xlsx'));
    expect(exported[0].year).toBe(2024);
    expect(confront(exported[0]).findings.filter((f) => f.severity === 'error')).toEqual([]);

    // Back in the user's workbook: undo all brings the wrong number back.
    await fake('activateWorkbook', 0);
    await page.click('[data-testid=tab-fix]');
    await act(page, '[data-testid=undo-all]');
    expect((await fake<{ value: number }>('cell', sheet, a1(wrong.r, wrong.c))).value).toBe((values['T3:R3.2:natural'] as number) + 3);

    // Re-check while editing, through ApiEvent 'SheetChange': the user corrects the cell, the pane re-checks by itself.
    await page.click('[data-testid=tab-check]');
    await act(page, '[data-testid=check]');
    expect(await errorCount(page)).toBeGreaterThan(0);
    await page.click('[data-testid=auto]');
    const done = Number(await page.getAttribute('[data-testid=workspace]', 'data-done'));
    await page.waitForTimeout(300); // the listener is registered
    await fake('type', sheet, a1(wrong.r, wrong.c), values['T3:R3.2:natural']);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid=workspace]')?.getAttribute('data-done')) > n &&
        !document.querySelector('[data-busy="1"]'),
      done,
      { timeout: 30_000 },
    );
    expect(await errorCount(page)).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('marks a sheet the user typed with comments and removes them exactly; error cells are not numbers', async () => {
    const page = await openPane(browser, server.url, { fakeWps: true });
    const fake = fakeOf(page);
    const values = { ...balancedValues('2021', 5), 'T4:R1:suit.total': 99 };
    const { sheets, where } = reportSheets({ format: '2021', year: 2023, agency: '某某县水利局', values, sheetName: 'Sheet1' });
    for (const [r, row] of sheets[0].aoa.entries())
      for (const [c, v] of row.entries()) if (v !== null && v !== undefined && v !== '') await fake('type', 'Sheet1', a1(r, c), v);
    const before = await fake<string>('snapshot', 'Sheet1');
    await act(page, '[data-testid=check]');
    const total = where.get('T4:R1:suit.total')!;
    const comments = await fake<Record<string, string>>('comments', 'Sheet1');
    expect(comments[a1(total.r, total.c)]).toContain('表四');
    await act(page, '[data-testid=clear-marks]');
    expect(await fake<string>('snapshot', 'Sheet1')).toBe(before);

    // A comment of the user's own: marks are fills only, and the user's comment stays.
    await fake('comment', 'Sheet1', 'A1', '请核对');
    const withOwn = await fake<string>('snapshot', 'Sheet1');
    await act(page, '[data-testid=check]');
    expect(await fake<Record<string, string>>('comments', 'Sheet1')).toEqual({ A1: '请核对' });
    await act(page, '[data-testid=clear-marks]');
    expect(await fake<string>('snapshot', 'Sheet1')).toBe(withOwn);

    // #DIV/0! in a cell (Value2 gives CVErr 2007): reported, never read as a number.
    const cell = where.get('T4:R1:suit.upheld')!;
    await fake('error', 'Sheet1', a1(cell.r, cell.c), 2007);
    await act(page, '[data-testid=check]');
    const refs = await page.$$eval('[data-testid=finding]', (els) =>
      els.map((e) => `${e.getAttribute('data-rule')} ${e.getAttribute('data-refs')}`),
    );
    expect(refs).toContain(`cell.not_number Sheet1!${a1(cell.r, cell.c)}`);
    expect(await page.textContent('[data-testid=results]')).toContain('#DIV/0!');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the WPS entry page and ribbon', () => {
  it('ribbon.xml is well-formed and every callback it names is a function of the entry page; buttons reach the pane', async () => {
    const xml = fs.readFileSync(path.join(DIST_WPS, 'ribbon.xml'), 'utf8');
    const page = await openPane(browser, server.url, { fakeWps: true, page: 'index.html' });
    await page.waitForFunction(() => typeof (window as unknown as { OnAction?: unknown }).OnAction === 'function');
    const ribbon = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror').length > 0;
      const callbacks = new Set<string>();
      const buttons: { id: string; label: string }[] = [];
      for (const el of Array.from(doc.getElementsByTagName('*'))) {
        for (const a of Array.from(el.attributes)) if (/^(on[A-Z]|get[A-Z])/.test(a.name) || a.name === 'onLoad') callbacks.add(a.value);
        if (el.localName === 'button') buttons.push({ id: el.getAttribute('id')!, label: el.getAttribute('label')! });
      }
      const tab = doc.getElementsByTagName('tab')[0]?.getAttribute('label');
      const w = window as unknown as Record<string, unknown>;
      return { error, tab, buttons, missing: [...callbacks].filter((c) => typeof w[c] !== 'function'), callbacks: [...callbacks] };
    }, xml);
    expect(ribbon.error).toBe(false);
    expect(ribbon.tab).toBe('政务公开年报');
    expect(ribbon.buttons.map((b) => b.label)).toEqual(['插入模板', '检查', '清除标记', '修正', '导出', '打开任务窗格']);
    expect(ribbon.callbacks).toEqual(expect.arrayContaining(['OnAddinLoad', 'OnAction', 'GetImage']));
    expect(ribbon.missing).toEqual([]);

    // Each button: its image exists; the pane opens once (docked right) and gets the command.
    const result = await page.evaluate(
      (ids) => {
        const w = window as unknown as Record<string, (x: unknown) => unknown>;
        const loaded = w.OnAddinLoad({ Invalidate() {} });
        const out = ids.map((id) => {
          const image = w.GetImage({ Id: id });
          w.OnAction({ Id: id });
          const fx = (window as unknown as { __fakeWps: { storage(): Record<string, string> } }).__fakeWps;
          return { id, image, command: fx.storage()['xxgk.command'] };
        });
        return { loaded, out };
      },
      ribbon.buttons.map((b) => b.id),
    );
    expect(result.loaded).toBe(true);
    for (const b of result.out) expect(fs.existsSync(path.join(DIST_WPS, String(b.image))), String(b.image)).toBe(true);
    const commands = result.out.map((b) => JSON.parse(b.command).action);
    expect(commands).toEqual(['insert', 'check', 'clear', 'fix', 'export', 'export']); // 打开任务窗格 leaves the last command alone
    const panes = await fakeOf(page)<{ url: string; DockPosition: number; Visible: boolean }[]>('panes');
    expect(panes).toHaveLength(1);
    expect(panes[0].url).toBe(`${server.url}/taskpane.html`);
    expect(panes[0].DockPosition).toBe(2);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('the pane carries out a ribbon command left in PluginStorage (检查)', async () => {
    const page = await openPane(browser, server.url, { fakeWps: true });
    const fake = fakeOf(page);
    const { sheets } = reportSheets({
      format: '2021',
      year: 2023,
      agency: '某某县',
      values: balancedValues('2021', 2),
      sheetName: 'Sheet1',
    });
    for (const [r, row] of sheets[0].aoa.entries())
      for (const [c, v] of row.entries()) if (v !== null && v !== undefined && v !== '') await fake('type', 'Sheet1', a1(r, c), v);
    await page.evaluate(() =>
      (window as unknown as { Application: { PluginStorage: { setItem(k: string, v: string): void } } }).Application.PluginStorage.setItem(
        'xxgk.command',
        JSON.stringify({ action: 'check', seq: 'x1' }),
      ),
    );
    await page.waitForSelector('[data-testid=results]', { timeout: 20_000 });
    expect((await fake<Record<string, string>>('storage'))['xxgk.command.done']).toBe('x1');
    await page.context().close();
  });
});

describe('WPS packaging', () => {
  it('writes WPS_ADDIN_URL into jsplugins.xml and publish.html, and an offline .7z with the add-in', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-build-'));
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'addin', 'wps', 'build.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, WPS_ADDIN_URL: 'https://oa.example.gov.cn/addins/xxgk', WPS_OUT: out },
        stdio: 'pipe',
      },
    );
    const jsplugins = fs.readFileSync(path.join(out, 'jsplugins.xml'), 'utf8');
    expect(jsplugins).toContain('<jspluginonline name="xxgk" type="et" url="https://oa.example.gov.cn/addins/xxgk/"/>');
    expect(fs.readFileSync(path.join(out, 'publish.html'), 'utf8')).toContain('"url":"https://oa.example.gov.cn/addins/xxgk/"');
    const pkg = JSON.parse(fs.readFileSync(path.join(out, 'xxgk', 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'xxgk', addonType: 'et' });
    expect(fs.readFileSync(path.join(out, 'xxgk', 'taskpane.html'), 'utf8')).not.toContain('appsforoffice');
    const listing = execFileSync(path7za, ['l', path.join(out, 'offline', 'xxgk.7z')], { encoding: 'utf8' });
    for (const f of ['ribbon.xml', 'index.html', 'taskpane.html']) expect(listing).toContain(`xxgk_${pkg.version}/${f}`);
    expect(fs.readFileSync(path.join(out, 'offline', 'publish.xml'), 'utf8')).toContain(`url="xxgk_${pkg.version}"`);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('the pane first loads under 350 KB gzipped inside WPS as in Excel', () => {
    const wps = bundleSizes(DIST_WPS);
    const excel = bundleSizes();
    console.log(`first load gzipped: WPS ${(wps.firstLoadGzip / 1024).toFixed(1)} KB, Excel ${(excel.firstLoadGzip / 1024).toFixed(1)} KB`);
    expect(wps.firstLoadGzip).toBeLessThan(350 * 1024);
    expect(wps.initial.map((x) => x.file)).toEqual(excel.initial.map((x) => x.file)); // one pane, the same bundles
  });
});
