/**
 * Issue 19 A in Chromium: every example and every fixture through the command line
 * (`xxgk check --json`) and through the built pane give the same verdicts and findings:
 *  - the pane on files (all picked at once: the bulk table's verdicts and reasons; each file
 *    opened: its findings);
 *  - the pane in the fake Excel and in the fake WPS 表格, for the files a spreadsheet opens (the
 *    workbooks): their cells put in the fake's document, checked with 检查 (all sheets).
 * A finding is compared by rule, severity, cells, suspects and message. The batch's own findings
 * (another year, a duplicate, …) belong to the bulk table, not to one file's list.
 * Needs `npm run build` (dist/ and dist-wps/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { Browser, Page } from 'playwright-core';
import { act, DIST_WPS, launchChromium, openPane, pageErrors, ROOT, serveDist } from './browser/harness';
import { readWorkbook } from '../core/read/xlsx';
import type { Book } from '../core/read/grid';
import type { FileResult, Finding } from '../core/model/findings';
import { SAMPLE_FILES } from './helpers/samples';

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
        const sheets = fakeSheets(book, host === 'excel');
        const page =
          host === 'excel'
            ? await openPane(browser, excel.url, {
                fakeExcel: true,
                document: JSON.stringify({ sheets, settings: {}, nextId: 100, active: 0 }),
              })
            : await openPane(browser, wps.url, { fakeWps: true });
        if (host === 'wps')
          await page.evaluate((s) => {
            (
              window as unknown as { __fakeWps: { state: { workbooks: { sheets: unknown[]; active: number }[] } } }
            ).__fakeWps.state.workbooks[0].sheets = s;
          }, sheets);
        await page.click('[data-testid=tab-check]');
        await page.click('[data-testid=scope-all]');
        await act(page, '[data-testid=check]');
        expect(await paneFindings(page), `${host}: ${base(file)}`).toEqual(cliFindings(cliOf(file)));
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      }
    }, 600_000);
});
