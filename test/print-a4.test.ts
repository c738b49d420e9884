/**
 * Issue 21, "Printing": every workbook the product writes prints as people print tables — A4
 * landscape, fitted to the page width (type of 8 pt or more), the header row repeated and the
 * title in the page header on every page. Rendered through LibreOffice; measured with poppler.
 * (Before: the template and the export on one portrait page at about 5 pt, the report on Letter.)
 * The notices' page is tested in test/notices-letter.test.ts.
 */
import { execFileSync } from 'child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, expect, it } from 'vitest';
import { printToPdf } from './helpers/pdf';
import { pdfPages, smallestType } from './helpers/print';
import { describeWith } from './helpers/system';
import { tempDir } from './helpers/temp';

const CLI = path.resolve(__dirname, '../dist/node/cli/main.js');
const EXAMPLES = path.resolve(__dirname, '../examples');
const run = (args: string[]) => {
  try {
    execFileSync('node', [CLI, ...args], { stdio: 'pipe' });
  } catch {
    // check exits 1 on the bundled example with errors: its report is written all the same
  }
};
const work = tempDir('xxgk-print-');
const books = {
  template: path.join(work, 'template.xlsx'),
  export: path.join(work, 'export.xlsx'),
  report: path.join(work, 'report.xlsx'),
};
const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });

beforeAll(() => {
  run(['template', '--year', '2025', '--agency', '某某县财政局', '-o', books.template]);
  run(['export', path.join(EXAMPLES, '某某县财政局-2024.xlsx'), '--to', 'xlsx', '-o', books.export]);
  run(['check', EXAMPLES, '--report', books.report]);
});

it('each sheet is set up for A4 landscape, one page wide, with print titles (the file itself)', () => {
  for (const file of Object.values(books)) {
    const zip = unzipSync(readFileSync(file));
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(sheet).toMatch(/<oddHeader>&amp;C[^<]+<\/oddHeader>/);
    expect(strFromU8(zip['xl/workbook.xml'])).toContain('_xlnm.Print_Titles');
  }
});

describeWith(['libreoffice', 'poppler', 'cjk-fonts'], 'printed through LibreOffice', () => {
  let pdfs: Record<keyof typeof books, string>;
  beforeAll(() => {
    const out = printToPdf(Object.values(books), work);
    pdfs = { template: out[0], export: out[1], report: out[2] };
  });

  it.each(['template', 'export', 'report'] as const)('%s: A4 landscape, type of 8 pt or more, the title on every page', (which) => {
    const pdf = pdfs[which];
    const { pages, width, height } = pdfPages(pdf);
    expect([width, height]).toEqual([842, 595]);
    expect(pages).toBeGreaterThan(1); // fitted to the width, running on down: not squeezed onto one page
    expect(smallestType(pdf)).toBeGreaterThanOrEqual(8);
    const title = which === 'report' ? '批量检查结果' : '某某县财政局';
    for (let p = 1; p <= pages; p++) expect(pageText(pdf, p)).toContain(title);
  });

  it('the template repeats its title row on the second page (print titles)', () => {
    const second = pageText(pdfs.template, 2);
    expect(second.match(/某某县财政局2025年政府信息公开工作年度报告/g)!.length).toBeGreaterThanOrEqual(2); // page header and title row
  });
});
