/**
 * Issue 19 A in Chromium: every example and every fixture through the command line
 * (`xxgk check --json`) and through the built pane give the same verdicts and findings:
 *  - the pane on files (all picked at once: the bulk table's verdicts and reasons; each file
 *    opened: its findings);
 *  - the pane in the fake Excel and in the fake WPS 表格, for the files a spreadsheet opens (the
 *    workbooks): their cells put in the fake's document, checked with 检查 (all sheets).
 * And a report whose title states no year, on every face, takes it from the workbook's name (the
 * file's; Excel's Workbook.name, WPS's Workbook.Name), and none from a new book's ("Book1", "工作簿1").
 * A finding is compared by rule, severity, cells, suspects and message. The batch's own findings
 * (another year, a duplicate, …) belong to the bulk table, not to one file's list.
 * Needs `npm run build` (dist/ and dist-wps/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { Browser, Page } from 'playwright-core';
import { act, DIST_WPS, launchChromium, openPane, pageErrors, ROOT, serveDist } from './browser/harness';
import { readWorkbook } from '../core/read/xlsx';
import type { Book } from '../core/read/grid';
import type { FileResult, Finding } from '../core/model/findings';
import { SAMPLE_FILES } from './helpers/samples';
import { noYearReport } from './helpers/no-year';

interface CliDoc {
  files: FileResult[];
  batch: { files: { path: string | null; sheet: string | null; department: string | null; verdict: string; reason: string }[] };
}

/**
 * The command line's answer for the files, as a user runs it. It names each file as given (its
 * folder too), the pane as picked (its name): the folders are taken out of its sentences.
 */
function cliCheck(files: string[]): CliDoc {
  const out = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'check', ...files, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  let text = out.stdout;
  for (const dir of new Set(files.map((f) => path.dirname(f)))) text = text.split(JSON.stringify(`${dir}/`).slice(1, -1)).join('');
  return JSON.parse(text) as CliDoc;
}

/** A finding as the pane shows it (data attributes and its sentence). */
const key = (f: { rule: string; severity: string; refs: string; suspects: string; message: string }) =>
  [f.rule, f.severity, f.refs, f.suspects, f.message].join(' | ');
/** Findings a batch adds (judged over the files together): shown in the bulk table, not in one file's list. */
const ofTheBatch = (f: Finding) => f.rule.startsWith('batch.') && f.rule !== 'batch.unfilled';
const cliFindings = (r: FileResult) =>
  r.reports
    .flatMap((rep) => rep.findings)
    .filter((f) => !ofTheBatch(f))
    .map((f) =>
      key({
        rule: f.rule,
        severity: f.severity,
        refs: f.cells.map((c) => c.ref).join(' '),
        suspects: f.suspects.map((s) => s.ref).join(' '),
        message: f.message,
      }),
    )
    .sort();

async function paneFindings(page: Page): Promise<string[]> {
  const shown = await page.$$eval('[data-testid=finding]', (els) =>
    els.map((e) => ({
      rule: e.getAttribute('data-rule') ?? '',
      severity: e.getAttribute('data-severity') ?? '',
      refs: e.getAttribute('data-refs') ?? '',
      suspects: e.getAttribute('data-suspects') ?? '',
      message: e.firstElementChild?.textContent ?? '',
    })),
  );
  return shown.map(key).sort();
}

const base = (p: string) => path.basename(p);
const workbooks = SAMPLE_FILES.filter((f) => /\.(xlsx|xls)$/i.test(f));

/** A book's cells as a fake's sheets: values (a formula's cached value with it) and merges. */
function fakeSheets(book: Book, excel: boolean) {
  return book.grids.map((g, i) => {
    const cells: Record<string, { value?: unknown; formula?: string }> = {};
    for (let r = 0; r < g.rows; r++)
      for (let c = 0; c < g.cols; c++) {
        const x = g.cell(r, c);
        if (!x || (x.raw === null && !x.formula)) continue;
        cells[`${r},${c}`] = { value: x.raw, ...(x.formula ? { formula: x.formula } : {}) };
      }
    const merges = g.merges.map((m) => ({ r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 }));
    return excel
      ? {
          id: `{sheet-${i + 1}}`,
          name: g.name,
          cells,
          merges,
          comments: {},
          protected: null,
          colWidths: {},
          names: {},
          visibility: 'Visible',
        }
      : { name: g.name, cells, merges, comments: {}, protection: null, colWidths: {}, names: {} };
  });
}

/** The pane in the fake Excel or WPS 表格 with a book's sheets (and the book's name, as its host gives it), checked (all sheets). */
async function checkInFake(browser: Browser, host: 'excel' | 'wps', url: string, book: Book, name?: string): Promise<Page> {
  const sheets = fakeSheets(book, host === 'excel');
  const page =
    host === 'excel'
      ? await openPane(browser, url, {
          fakeExcel: true,
          document: JSON.stringify({ sheets, settings: {}, nextId: 100, active: 0, ...(name ? { name } : {}) }),
        })
      : await openPane(browser, url, { fakeWps: true });
  if (host === 'wps')
    await page.evaluate(
      ([s, n]) => {
        const wb = (window as unknown as { __fakeWps: { state: { workbooks: { sheets: unknown; name: string }[] } } }).__fakeWps.state
          .workbooks[0];
        wb.sheets = s;
        if (n) wb.name = n;
      },
      [sheets, name ?? null] as const,
    );
  await page.click('[data-testid=tab-check]');
  await page.click('[data-testid=scope-all]');
  await act(page, '[data-testid=check]');
  return page;
}

describe('one check: the command line and the built pane agree on every example and fixture', () => {
  let browser: Browser;
  let excel: { url: string; close: () => Promise<void> };
  let wps: { url: string; close: () => Promise<void> };
  let cli: CliDoc;
  beforeAll(async () => {
    excel = await serveDist();
    wps = await serveDist(DIST_WPS);
    browser = await launchChromium();
    cli = cliCheck(SAMPLE_FILES);
  });
  afterAll(async () => {
    await browser?.close();
    await excel?.close();
    await wps?.close();
  });
  const cliOf = (file: string) => cli.files.find((f) => f.path === base(file))!;

  it('the pane on files: the same verdicts and reasons, and each file the same findings', async () => {
    expect(cli.files).toHaveLength(SAMPLE_FILES.length);
    const page = await openPane(browser, excel.url, { width: 1280 });
    await page.setInputFiles('[data-testid=file-input]', SAMPLE_FILES);
    await page.waitForSelector('[data-testid=bulk-table]', { timeout: 120_000 });
    const rows = await page.$$eval('[data-testid=bulk-row]', (els) =>
      els.map(
        (e) =>
          `${e.getAttribute('data-file')} | ${e.getAttribute('data-department')} | ${e.getAttribute('data-verdict')} | ${e.querySelector('[data-testid=bulk-reason]')?.textContent ?? ''}`,
      ),
    );
    expect(rows.sort()).toEqual(cli.batch.files.map((r) => `${r.path ?? ''} | ${r.department ?? ''} | ${r.verdict} | ${r.reason}`).sort());
    let opened = 0;
    for (const file of SAMPLE_FILES) {
      const want = cliOf(file);
      if (!want.reports.length) continue;
      await page.click(`[data-testid=bulk-row][data-file="${base(file)}"] [data-testid=open] >> nth=0`);
      await page.waitForSelector('[data-testid=workspace]');
      await page.waitForFunction(() => !document.querySelector('[data-busy="1"]'));
      expect(await paneFindings(page), base(file)).toEqual(cliFindings(want));
      await page.click('[data-testid=back]');
      await page.waitForSelector('[data-testid=bulk-table]');
      opened++;
    }
    expect(opened).toBe(cli.files.filter((f) => f.reports.length).length);
    expect(opened).toBeGreaterThan(10);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 600_000);

  for (const host of ['excel', 'wps'] as const)
    it(`the pane in the fake ${host === 'excel' ? 'Excel' : 'WPS 表格'}: each workbook's findings as the command line gives them`, async () => {
      expect(workbooks.length).toBeGreaterThanOrEqual(4);
      for (const file of workbooks) {
        const book = readWorkbook(new Uint8Array(fs.readFileSync(file)), base(file));
        const page = await checkInFake(browser, host, host === 'excel' ? excel.url : wps.url, book, base(file));
        expect(await paneFindings(page), `${host}: ${base(file)}`).toEqual(cliFindings(cliOf(file)));
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      }
    }, 600_000);

  it("a title with no year: the year from the workbook's name on every face, none from a new book's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bookname-'));
    const named = '某某县民政局2020年报.xlsx'; // a 2021 layout: the name's 2020 wants the 2019 one (a warning)
    const files: string[] = [];
    for (const [i, name] of [named, 'Book1.xlsx', '工作簿1.xlsx'].entries()) {
      files.push(path.join(dir, name));
      fs.writeFileSync(files[i], await noYearReport('某某县民政局', '2021', i + 1));
    }
    const doc = cliCheck(files);
    const want = (name: string) => cliFindings(doc.files.find((f) => f.path === name)!);
    expect(want(named).filter((f) => f.startsWith('format.year_mismatch | warning'))).toHaveLength(1);
    for (const name of ['Book1.xlsx', '工作簿1.xlsx']) expect(want(name).filter((f) => f.startsWith('format.year_mismatch'))).toEqual([]);

    // The pane on files: the File's name.
    const page = await openPane(browser, excel.url, { width: 1280 });
    await page.setInputFiles('[data-testid=file-input]', files);
    await page.waitForSelector('[data-testid=bulk-table]', { timeout: 120_000 });
    const rows = await page.$$eval('[data-testid=bulk-row]', (els) =>
      els.map(
        (e) =>
          `${e.getAttribute('data-file')} | ${e.getAttribute('data-verdict')} | ${e.querySelector('[data-testid=bulk-reason]')?.textContent ?? ''}`,
      ),
    );
    expect(rows.sort()).toEqual(doc.batch.files.map((r) => `${r.path ?? ''} | ${r.verdict} | ${r.reason}`).sort());
    for (const file of files) {
      await page.click(`[data-testid=bulk-row][data-file="${base(file)}"] [data-testid=open] >> nth=0`);
      await page.waitForSelector('[data-testid=workspace]');
      await page.waitForFunction(() => !document.querySelector('[data-busy="1"]'));
      expect(await paneFindings(page), `files: ${base(file)}`).toEqual(want(base(file)));
      await page.click('[data-testid=back]');
      await page.waitForSelector('[data-testid=bulk-table]');
    }
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();

    // The pane in each host: the book's name as the host gives it, a new book's as it names one.
    const cases = [
      ['excel', named, named],
      ['excel', 'Book1', 'Book1.xlsx'],
      ['wps', named, named],
      ['wps', '工作簿1', '工作簿1.xlsx'],
    ] as const;
    for (const [host, name, file] of cases) {
      const book = readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, file))), file);
      const p = await checkInFake(browser, host, host === 'excel' ? excel.url : wps.url, book, name);
      expect(await paneFindings(p), `${host}: ${name}`).toEqual(want(file));
      expect(pageErrors(p)).toEqual([]);
      await p.context().close();
    }
  }, 600_000);
});
