/**
 * Browser test harness: serves dist/ over http on 127.0.0.1 (random port) and drives Debian's
 * Chromium through playwright-core. Office.js's CDN is unreachable here: requests to it are
 * aborted, so the page runs as outside Office unless a test injects the fake Excel first.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../helpers/tools';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The fake WPS object model, in the order its parts are loaded. */
export const FAKE_WPS = ['fake-wps.js', 'fake-wps-range.js', 'fake-wps-app.js'];

/** The WPS add-in folder that build:wps writes (served as the add-in's root). */
export const DIST_WPS = path.join(ROOT, 'dist-wps', 'xxgk');

export async function serveDist(dir = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(dir, 'taskpane.html')))
    throw new Error(`${path.relative(ROOT, dir)}/taskpane.html is missing: run \`npm run build\` first`);
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.normalize(path.join(dir, p));
    if (
      !file.startsWith(dir + path.sep) ||
      file.startsWith(path.join(dir, 'node')) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenOptions {
  /** Inject test/browser/fake-excel.js before the page's scripts (inside "Excel"). */
  fakeExcel?: boolean;
  /** Highest ExcelApi set the fake supports. */
  api?: string;
  /** Inject test/browser/fake-wps.js (WPS 表格's window.Application) before the page's scripts. */
  fakeWps?: boolean;
  /** Page to open (default taskpane.html). */
  page?: string;
  /** Office.context.platform in the fake ('OfficeOnline', 'PC', 'Mac'). */
  platform?: string;
  /** The fake's resource limits, lowered to exercise them on small sheets. */
  limits?: { payload?: number; cells?: number; merges?: number };
  /** Excel.createWorkbook in the fake: 'declined' (the user says No to Excel on the web's prompt) rejects. */
  createWorkbook?: 'declined';
  /** A document saved by an earlier page (__fakeExcel.dump()): the pane reopened on it. */
  document?: string;
  /** Query string for taskpane.html (e.g. "_host_Info=Excel|Web|16.00|zh-CN" as Office adds it). */
  query?: string;
  width?: number;
  height?: number;
}

export async function openPane(browser: Browser, base: string, opts: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 380, height: opts.height ?? 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as unknown as { pageErrors: string[] }).pageErrors = errors;
  await page.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => route.abort());
  await page.route(
    (url) => !url.toString().startsWith(base) && !url.toString().startsWith('data:') && !url.toString().startsWith('blob:'),
    (route) => route.abort(),
  );
  if (opts.fakeExcel) {
    const config = {
      api: opts.api ?? '1.13',
      platform: opts.platform,
      limits: opts.limits,
      document: opts.document,
      createWorkbook: opts.createWorkbook,
    };
    await page.addInitScript({ content: `window.__fakeExcelConfig = ${JSON.stringify(config)};` });
    await page.addInitScript({ path: path.join(__dirname, 'fake-excel.js') });
  }
  if (opts.fakeWps) {
    await page.addInitScript({ content: 'window.__fakeWpsConfig = {};' });
    for (const part of FAKE_WPS) await page.addInitScript({ path: path.join(__dirname, part) });
  }
  await page.goto(`${base}/${opts.page ?? 'taskpane.html'}${opts.query ? `?${opts.query}` : ''}`);
  if (opts.page && opts.page !== 'taskpane.html') return page;
  await page.waitForFunction(() => (window as unknown as { __xxgkReady?: unknown }).__xxgkReady, null, { timeout: 30_000 });
  return page;
}

export const pageErrors = (page: Page): string[] => (page as unknown as { pageErrors: string[] }).pageErrors;

/** Waits until the pane is not busy (every action sets data-busy while it runs). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-busy="1"]'), null, { timeout: 60_000 });
}

/** Clicks a workspace action and waits until it has finished (the workspace counts finished actions in data-done). */
export async function act(page: Page, selector: string, opts: { position?: { x: number; y: number } } = {}): Promise<void> {
  const done = Number(await page.getAttribute('[data-testid=workspace]', 'data-done'));
  await page.click(selector, opts);
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid=workspace]')?.getAttribute('data-done')) > n &&
      !document.querySelector('[data-busy="1"]'),
    done,
    { timeout: 60_000 },
  );
}

/** Calls the fake Excel's test handle: a function with arguments, or a property. */
export function fakeOf(page: Page) {
  return <T>(fn: string, ...args: unknown[]) =>
    page.evaluate(
      ([f, a]) => {
        const fx = (window as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> }).__fakeExcel;
        return typeof fx[f as string] === 'function' ? fx[f as string](...(a as unknown[])) : fx[f as string];
      },
      [fn, args] as const,
    ) as Promise<T>;
}
