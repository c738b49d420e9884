import { mkdirSync } from 'fs';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formOf } from '../core/check';
import { exportHtml, ExportRefused } from '../core/export';
import { importHtml } from '../core/import';
import type { ReportData } from '../core/model/report';
import { templateLayout } from '../core/template/layout';
import { cellIds, fullValues } from './helpers/published';
import { balancedValues, syntheticReport } from './helpers/synthetic';
import { picturePath } from './helpers/pictures';
import { CHROMIUM } from './helpers/tools';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

interface DomCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
  cellId: string | null;
  tag: string;
}
interface DomTable {
  key: string;
  section: string;
  cells: DomCell[];
}

/** The page's tables as the browser models them: every cell at its grid position (the HTML table algorithm over rowSpan/colSpan). */
async function domTables(html: string, screenshot?: string) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const model = await page.evaluate(() => {
      const tables = Array.from(document.querySelectorAll('table[data-table]')) as HTMLTableElement[];
      return {
        title: document.querySelector('h1')?.textContent ?? '',
        docTitle: document.title,
        scripts: document.querySelectorAll('script').length,
        external: Array.from(document.querySelectorAll('link,img,script[src],iframe')).length,
        tables: tables.map((t) => {
          const taken = new Set<string>();
          const cells: DomCell[] = [];
          Array.from(t.rows).forEach((tr, r) => {
            let c = 0;
            for (const cell of Array.from(tr.cells)) {
              while (taken.has(`${r},${c}`)) c++;
              for (let y = r; y < r + cell.rowSpan; y++) for (let x = c; x < c + cell.colSpan; x++) taken.add(`${y},${x}`);
              cells.push({
                r,
                c,
                rs: cell.rowSpan,
                cs: cell.colSpan,
                text: cell.textContent ?? '',
                cellId: cell.getAttribute('data-cell'),
                tag: cell.tagName,
              });
              c += cell.colSpan;
            }
          });
          const h2 = t.previousElementSibling;
          return { key: t.getAttribute('data-table')!, section: h2?.tagName === 'H2' ? (h2.textContent ?? '') : '', cells };
        }),
      };
    });
    if (screenshot) {
      mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return model as { title: string; docTitle: string; scripts: number; external: number; tables: DomTable[] };
  } finally {
    await page.close();
  }
}

function report(format: string, agency: string): ReportData {
  const year = format === '2019' ? 2020 : 2024;
  return { ...syntheticReport(format, fullValues(format, balancedValues(format, 2)), { year }), agency };
}

describe.each(['2019', '2021'])('HTML export, format %s', (format) => {
  it('parsed back by a browser: the same values in the same places and the same merges as the template layout', async () => {
    const r = report(format, '某某县<财政局>&"办公室"');
    const html = exportHtml(r);
    const shot = format === '2021' ? picturePath('export-html.png') : undefined;
    const dom = await domTables(exportHtml({ ...r, agency: format === '2021' ? '某某县财政局' : r.agency }), shot);
    const layout = templateLayout(formOf(r), { year: r.year, agency: r.agency });
    const page = await domTables(html);
    // Every text escaped: the agency's < > & " come back as text, no markup was injected.
    expect(page.title).toBe(`某某县<财政局>&"办公室"${r.year}年政府信息公开工作年度报告`);
    expect(page.docTitle).toBe(page.title);
    expect(page.scripts).toBe(0);
    expect(page.external).toBe(0);
    expect(dom.tables.map((t) => t.key)).toEqual(['T2', 'T3', 'T4']);
    for (const t of layout.tables) {
      const got = page.tables.find((x) => x.key === t.key)!;
      const section = layout.cells.find((c) => c.role === 'section' && c.r === t.r0 - 1)!.text;
      expect(got.section).toBe(section);
      const want = layout.cells
        .filter((c) => c.r >= t.r0 && c.r <= t.r1 && c.c >= t.c0 && c.c <= t.c1)
        .map((c) => ({
          r: c.r - t.r0,
          c: c.c - t.c0,
          rs: c.rowSpan,
          cs: c.colSpan,
          text: c.cellId ? String(r.cells[c.cellId].raw) : (c.text ?? '').replace(/\n/g, ''),
          cellId: c.cellId ?? null,
        }))
        .sort((a, b) => a.r - b.r || a.c - b.c);
      expect(got.cells.map(({ tag: _tag, ...rest }) => rest)).toEqual(want);
    }
    // The 勾稽关系 note sits in 表三's corner, over three rows and three columns.
    const corner = page.tables.find((t) => t.key === 'T3')!.cells[0];
    expect(corner).toMatchObject({
      r: 0,
      c: 0,
      rs: 3,
      cs: 3,
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    });
    // Every value cell of the form is in the page exactly once.
    const ids = page.tables.flatMap((t) => t.cells.map((c) => c.cellId).filter(Boolean));
    expect(ids.sort()).toEqual(cellIds(format).sort());
  });

  it('reads back through the HTML importer as the same report', () => {
    const r = report(format, '某某县财政局');
    const [back] = importHtml(exportHtml(r), 'export.html');
    expect([back.format, back.year, back.agency]).toEqual([format, r.year, '某某县财政局']);
    for (const id of cellIds(format)) expect(back.cells[id]?.raw, id).toBe(r.cells[id].raw);
  });

  it('is refused for a report with error findings unless errors are allowed, and escapes hostile cell text', async () => {
    const r = report(format, '某某县财政局');
    const bad = { ...r, cells: { ...r.cells, 'T3:R1:natural': { ref: 'S!A1', raw: '<img src=x onerror=alert(1)>' } } };
    expect(() => exportHtml(bad)).toThrow(ExportRefused);
    expect(() => exportHtml(bad, 'en')).toThrow(/not exported/);
    const html = exportHtml(bad, 'zh', { allowErrors: true });
    const page = await domTables(html);
    expect(page.external).toBe(0);
    const cell = page.tables.find((t) => t.key === 'T3')!.cells.find((c) => c.cellId === 'T3:R1:natural')!;
    expect(cell.text).toBe('<img src=x onerror=alert(1)>');
  });
});
