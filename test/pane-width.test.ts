/**
 * Issue 19 C: the pane at task-pane width (350 px) and on a wide screen (1280 px), checked by
 * geometry, with pictures to look at (docs/addin-width-*.png when refreshed, else the run's
 * temporary folder):
 *  - 单位名单… takes the click at its centre (the 收集年度 input covered it at every width);
 *  - in the bulk table every row's verdict, department and reason lie within the view, without
 *    scrolling the table or the pane (the reason hid behind a sideways scroll).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageErrors } from './browser/harness';
import { paneSuite } from './browser/suite';
import { bookBytes, randomBytes, reportSheets } from './helpers/workbooks';
import { balancedValues } from './helpers/synthetic';
import { docxBytes } from './helpers/docx';
import { picturePath } from './helpers/pictures';

const pane = paneSuite();

const workbook = (agency: string, format: '2019' | '2021', year: number, change: Record<string, number | string> = {}) =>
  bookBytes(reportSheets({ format, year, agency, values: { ...balancedValues(format, 3), ...change } }).sheets, 'xlsx');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const LETTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body><w:p><w:r><w:t>关于报送年度报告的函</w:t></w:r></w:p></w:body></w:document>`;

/** Files whose reasons are long: an error to correct, the wrong format, a file that cannot be read, a letter. */
const FILES = [
  { name: '某某县财政局2024.xlsx', buffer: workbook('某某县财政局', '2021', 2024, { 'T3:R3.2:natural': 999 }) },
  { name: '某某县民政局2024.xlsx', buffer: workbook('某某县民政局', '2019', 2024) },
  { name: '某某县交通运输局2024.xlsx', buffer: workbook('某某县交通运输局', '2021', 2024) },
  { name: '损坏的文件.xlsx', buffer: randomBytes(4000, 7) },
  { name: '报送函.docx', buffer: Buffer.from(docxBytes(LETTER)) },
];

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where things are: the list button and what takes a click at its centre, every row's three cells, the view. */
function geometry(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const input = document.querySelector('[data-testid=agencies-input]')!;
    const button = input.parentElement!.querySelector('a,button')!;
    const b = button.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    const rows = [...document.querySelectorAll('[data-testid=bulk-row]')].map((tr) => ({
      file: tr.getAttribute('data-file'),
      verdict_: tr.getAttribute('data-verdict'),
      verdict: box(tr.querySelector('[data-testid=bulk-verdict]')!),
      department: box(tr.querySelector('[data-testid=bulk-department]')!),
      reason: box(tr.querySelector('[data-testid=bulk-reason]')!),
      reasonText: tr.querySelector('[data-testid=bulk-reason]')!.textContent,
    }));
    const scroll = document.querySelector('[data-testid=bulk-scroll]')!;
    return {
      listButtonHit: !!hit && button.contains(hit),
      hit: hit?.outerHTML.slice(0, 60) ?? null,
      rows,
      view: document.documentElement.clientWidth,
      pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tableScrollLeft: scroll.scrollLeft,
    };
  });
}

describe('the pane at task-pane width and on a wide screen', () => {
  for (const width of [350, 1280])
    it(`${width} px: 单位名单… takes its click; verdict, department and reason are in view`, async () => {
      const page = await pane.open({ width, height: 900 });
      await page.setInputFiles(
        '[data-testid=file-input]',
        FILES.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })),
      );
      await page.waitForSelector('[data-testid=bulk-table]', { timeout: 60_000 });
      const g = await geometry(page);
      await page.screenshot({ path: picturePath(`addin-width-${width}.png`), fullPage: true });
      expect(g.listButtonHit, `a click at the button's centre lands on ${g.hit}`).toBe(true);
      expect(g.rows).toHaveLength(FILES.length);
      expect(g.pageScroll).toBeLessThanOrEqual(0);
      expect(g.tableScrollLeft).toBe(0);
      for (const r of g.rows) {
        if (r.verdict_ !== 'pass') expect(r.reasonText!.length, r.file!).toBeGreaterThan(4);
        for (const part of ['verdict', 'department', 'reason'] as const) {
          expect(r[part].left, `${r.file} ${part}`).toBeGreaterThanOrEqual(0);
          expect(r[part].right, `${r.file} ${part}`).toBeLessThanOrEqual(g.view);
        }
      }
      // The list button works: it opens the file chooser (the click reaches the input behind it).
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 5000 }),
        page.mouse.click(
          ...(await page.$eval('[data-testid=agencies-input]', (el) => {
            const b = el.parentElement!.querySelector('a,button')!.getBoundingClientRect();
            return [b.left + b.width / 2, b.top + b.height / 2] as [number, number];
          })),
        ),
      ]);
      expect(chooser.isMultiple()).toBe(false);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
});
