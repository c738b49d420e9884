/**
 * The task pane's weight and speed:
 *  - first-load JavaScript of dist/taskpane.html, gzipped: the initial chunks its <script> tags
 *    load (lazy chunks — readers, exceljs, the checker — are listed separately), target < 350 KB;
 *  - script time of checking one report in the pane (locate + check, measured in the page by the
 *    pane itself around the synchronous core calls), on Debian's Chromium, target < 50 ms.
 * `benchBundle()` is called by bench/run.ts; `node dist/node/bench/bundle.js` prints it alone.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { gzipSync } from 'zlib';
import type { AddressInfo } from 'net';

function findRoot(): string {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, 'package.json')) || !fs.existsSync(path.join(d, 'manifest.xml'))) {
    const up = path.dirname(d);
    if (up === d) throw new Error('project root not found');
    d = up;
  }
  return d;
}

export interface BundleReport {
  /** Sum of the initial chunks of taskpane.html, gzipped (bytes). */
  firstLoadGzip: number;
  firstLoadRaw: number;
  initial: { file: string; raw: number; gzip: number }[];
  lazy: { file: string; raw: number; gzip: number }[];
  targetGzip: number;
  /** Script time of one check in the pane: first (cold) and the median of the next runs (ms). */
  checkMs?: { first: number; median: number; runs: number; file: string };
  targetCheckMs: number;
  /** Why checkMs is missing (no Chromium, no example file). */
  note?: string;
  /** The WPS add-in (dist-wps/xxgk): the pane's first load there and the ribbon's entry page script, gzipped (bytes). */
  wps?: { firstLoadGzip: number; entryGzip: number };
}

/** First load of the WPS add-in built by `npm run build:wps`, where it exists. */
export function wpsSizes(dir = path.join(findRoot(), 'dist-wps', 'xxgk')): BundleReport['wps'] {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return undefined;
  const entry = /<script[^>]*src="([^"]+)"/.exec(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'))?.[1];
  const entryGzip = entry ? gzipSync(fs.readFileSync(path.join(dir, entry)), { level: 9 }).length : 0;
  return { firstLoadGzip: bundleSizes(dir).firstLoadGzip, entryGzip };
}

/** Sizes of the initial and lazy chunks of dist/taskpane.html. */
export function bundleSizes(dist = path.join(findRoot(), 'dist')): Omit<BundleReport, 'checkMs' | 'targetCheckMs'> {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const local = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  const size = (file: string) => {
    const buf = fs.readFileSync(path.join(dist, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const initial = local.map(size);
  const all = fs
    .readdirSync(path.join(dist, 'js'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `js/${f}`);
  const lazy = all
    .filter((f) => !local.includes(f) && !/^js\/commands\./.test(f))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip);
  return {
    firstLoadGzip: initial.reduce((s, x) => s + x.gzip, 0),
    firstLoadRaw: initial.reduce((s, x) => s + x.raw, 0),
    initial,
    lazy,
    targetGzip: 350 * 1024,
  };
}

async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.normalize(path.join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': file.endsWith('.html')
        ? 'text/html; charset=utf-8'
        : file.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Checks one workbook in the pane (outside Office) `runs` times; the pane records each check's script time. */
export async function paneCheckMs(file: string, runs = 7): Promise<{ first: number; median: number; runs: number; file: string }> {
  const root = findRoot();
  const dist = path.join(root, 'dist');
  const { chromium } = await import('playwright-core');
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
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
  try {
    const page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(() => (window as unknown as { __xxgkReady?: unknown }).__xxgkReady);
    await page.setInputFiles('input[type=file]', {
      name: path.basename(file),
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(file),
    });
    await page.waitForSelector('[data-testid=workspace]');
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const done = Number(await page.getAttribute('[data-testid=workspace]', 'data-done'));
      await page.click('[data-testid=check]');
      await page.waitForFunction(
        (n) =>
          Number(document.querySelector('[data-testid=workspace]')?.getAttribute('data-done')) > n &&
          !document.querySelector('[data-busy="1"]'),
        done,
      );
      times.push(await page.evaluate(() => (window as unknown as { __xxgkLastCheckMs: number }).__xxgkLastCheckMs));
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    return { first: round(times[0]), median: round(rest[Math.floor(rest.length / 2)] ?? times[0]), runs, file: path.relative(root, file) };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function benchBundle(): Promise<BundleReport> {
  const root = findRoot();
  const report: BundleReport = { ...bundleSizes(path.join(root, 'dist')), targetCheckMs: 50, wps: wpsSizes() };
  const example = ['某某县教育局-2024-有错误.xlsx', '某某县财政局-2024.xlsx']
    .map((f) => path.join(root, 'examples', f))
    .find((f) => fs.existsSync(f));
  if (!example) report.note = 'no example workbook to check';
  else if (!fs.existsSync('/usr/bin/chromium')) report.note = 'no /usr/bin/chromium: check time not measured';
  else report.checkMs = await paneCheckMs(example);
  return report;
}

if (require.main === module) {
  benchBundle().then(
    (r) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      process.stdout.write(
        `task pane first load: ${kb(r.firstLoadGzip)} gzipped (${kb(r.firstLoadRaw)} raw; target < ${kb(r.targetGzip)})\n`,
      );
      for (const c of r.lazy) process.stdout.write(`  lazy ${c.file}: ${kb(c.gzip)} gzipped\n`);
      if (r.wps)
        process.stdout.write(`WPS add-in first load: ${kb(r.wps.firstLoadGzip)} gzipped; ribbon entry page ${kb(r.wps.entryGzip)}\n`);
      if (r.checkMs)
        process.stdout.write(
          `check one report in the pane: ${r.checkMs.median} ms script time (first ${r.checkMs.first} ms; target < ${r.targetCheckMs} ms)\n`,
        );
      if (r.note) process.stdout.write(`${r.note}\n`);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
      process.exitCode = 1;
    },
  );
}
