import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkData, checkInput } from '../core/checkfile';
import type { FileResult } from '../core/model/findings';
import { readInput, reportsOf } from '../core/read/input';
import { printToPdf, soffice } from './helpers/pdf';
import { reportPdfCid } from './helpers/pdf-writer';
import { readInputFile } from '../core/node/read';
import { pdfResources, setPdfResources } from '../core/read/pdf-resources';
import { reportDocx } from './helpers/docx';
import { cellIds, fullValues, publishedHtml, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { writeReportWorkbook } from './helpers/workbooks';

const said = (r: FileResult) =>
  r.reports.flatMap((rep) => rep.findings.map((f) => `${f.severity} ${f.rule} ${f.expected ?? ''} ${f.actual ?? ''}`)).sort();

/**
 * The test page made printable: LibreOffice Writer/Web lets tables inside a layout table run off
 * the page and loses a page's first paragraph, so the tables fit the page's width (as CMS
 * templates set them) and the title follows an empty paragraph; script and comment go.
 */
const printablePage = (html: string) =>
  html
    .replace(/<script>[\s\S]*?<\/script>/, '')
    .replace(/<!--[\s\S]*?-->/, '')
    .replace('<table width="100%"><tr><td>', '<p>&nbsp;</p>')
    .replace('</td></tr></table></BODY>', '</BODY>')
    .replace(/<h1 class=title>([\s\S]*?)<\/h1>/, '<p>$1</p>')
    .replace(/<TABLE border=1/g, '<TABLE width="100%" border=1');

describe.each(['2019', '2021'] as const)('a PDF report printed by LibreOffice, format %s', { timeout: 300_000 }, (format) => {
  const year = format === '2019' ? 2020 : 2023;
  const agency = '某某县财政局';
  const values: Record<string, Raw> = fullValues(format, balancedValues(format));
  const wrong: Record<string, Raw> = { ...values, 'T3:R1:natural': (values['T3:R1:natural'] as number) + 5 };
  let pdfs: { name: string; file: string }[] | null = null;
  const made = () => {
    if (pdfs) return pdfs;
    const dir = tempDir();
    const sources = [
      // Labels wrapped over two or three lines in narrow columns; 表三 runs over pages (its rows may break); a footer with page numbers.
      ['word', path.join(dir, `word-${format}.docx`), reportDocx(format, wrong, { year, agency, labelWidth: 560, footer: true })],
      [
        'word, 表三 split by hand, header repeated on each page',
        path.join(dir, `split-${format}.docx`),
        reportDocx(format, wrong, {
          year,
          agency,
          split: { table: 'T3', after: 10, repeatHeader: true },
          repeatHeaders: true,
          footer: true,
        }),
      ],
      ['web page', path.join(dir, `page-${format}.html`), printablePage(publishedHtml(format, wrong, { year, agency }))],
      // The same page with its tables drawn without borders (border=0), 表三 with one blank cell.
      [
        'web page, tables without borders',
        path.join(dir, `borderless-${format}.html`),
        printablePage(publishedHtml(format, { ...wrong, 'T3:R1:social': null }, { year, agency })).replace(
          /<TABLE width="100%" border=1/g,
          '<TABLE width="100%" border=0',
        ),
      ],
    ] as const;
    for (const [, file, data] of sources) fs.writeFileSync(file, data);
    const out = printToPdf(
      sources.map((s) => s[1]),
      dir,
    );
    pdfs = sources.map((s, i) => ({ name: s[0], file: out[i] }));
    return pdfs;
  };
  const workbook = () =>
    checkData(
      new Uint8Array(fs.readFileSync(writeReportWorkbook(`wb-${format}.xlsx`, { format, year, agency, values: wrong }))),
      `wb-${format}.xlsx`,
    );

  it("reads every value in place and gives the workbook's findings", async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice（soffice）未安装，跳过 / LibreOffice (soffice) is not installed: skipped');
    const expected = said(workbook());
    expect(expected.length).toBeGreaterThan(0);
    for (const { name, file } of made().filter((p) => !p.name.includes('without borders'))) {
      const data = new Uint8Array(fs.readFileSync(file));
      const read = await readInput(data, file);
      expect(read.kind, name).toBe('pdf');
      const [r] = reportsOf(read, file);
      expect([r.format, r.year, r.agency, r.tables], name).toEqual([format, year, agency, ['T2', 'T3', 'T4']]);
      for (const id of cellIds(format)) expect(r.cells[id]?.raw, `${name}: ${id}`).toBe(wrong[id]);
      const texts = read.textLines!.map((t) => t.text);
      expect(
        texts.some((t) => t.startsWith('信息公开的内容有待进一步完善')),
        name,
      ).toBe(true);
      // The page numbers of the footer are not text of the report.
      expect(
        texts.filter((t) => /第\s*\d+\s*页/.test(t)),
        name,
      ).toEqual([]);
      expect(said(await checkInput(data, file)), name).toEqual(expected);
    }
  });

  it('refuses tables drawn without borders, rather than guess their columns', async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice（soffice）未安装，跳过 / LibreOffice (soffice) is not installed: skipped');
    const { file } = made().find((p) => p.name.includes('without borders'))!;
    const data = new Uint8Array(fs.readFileSync(file));
    const res = await checkInput(data, file);
    expect(res.status).toBe('unreadable');
    expect(res.error!.code).toBe('pdf_no_borders');
    expect(res.error!.message).toMatch(/没有画出表格线，无法可靠地还原其中的行和列/);
    expect((await checkInput(data, file, { lang: 'en' })).error!.message).toMatch(/have no drawn borders/);
  });
});

describe.each(['2019', '2021'] as const)('a PDF whose Chinese font is not embedded (STSong-Light, UniGB-UCS2-H), format %s', (format) => {
  const year = format === '2019' ? 2020 : 2023;
  const agency = '某某县财政局';
  const wrong: Record<string, Raw> = fullValues(format, balancedValues(format, 4));
  wrong['T3:R1:natural'] = (wrong['T3:R1:natural'] as number) + 5;
  wrong['T4:R1:review.total'] = (wrong['T4:R1:review.total'] as number) + 1;

  it("reads through pdfjs's CMaps and gives the workbook's findings", async () => {
    const file = path.join(tempDir(), `cid-${format}.pdf`);
    fs.writeFileSync(file, reportPdfCid(format, wrong, { year, agency }));
    // Read as the command line reads it: core/node/read.ts says where pdfjs-dist's CMaps are.
    const data = readInputFile(file);
    expect(pdfResources()?.cMapUrl).toMatch(/pdfjs-dist[\\/]cmaps[\\/]$/);
    const [r] = reportsOf(await readInput(data, file), file);
    expect([r.format, r.year, r.agency, r.tables]).toEqual([format, year, agency, ['T2', 'T3', 'T4']]);
    for (const id of cellIds(format)) expect(r.cells[id]?.raw, id).toBe(wrong[id]);
    const workbook = checkData(
      new Uint8Array(fs.readFileSync(writeReportWorkbook(`wb-cid-${format}.xlsx`, { format, year, agency, values: wrong }))),
      `wb-cid-${format}.xlsx`,
    );
    expect(said(workbook).filter((f) => f.startsWith('error')).length).toBeGreaterThan(1);
    expect(said(await checkInput(data, file))).toEqual(said(workbook));
  });

  it('without the CMaps, says the fonts cannot be read (not "a scan")', async () => {
    const saved = pdfResources();
    setPdfResources(null);
    try {
      const res = await checkInput(reportPdfCid(format, wrong, { year, agency }), 'cid.pdf');
      expect(res.error).toMatchObject({ code: 'pdf_fonts' });
      expect(res.error!.message).toMatch(/有文字层.*字体的编码无法识别/);
    } finally {
      setPdfResources(saved);
    }
  });
});

describe('PDFs that cannot be read', () => {
  /** A one-page PDF that draws a rectangle and holds no text, as a scanner's file holds only a picture. */
  const noText = () => {
    const body = '0 0 0 rg 50 50 200 200 re f';
    return new TextEncoder().encode(
      `%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj\n4 0 obj <</Length ${body.length}>> stream\n${body}\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    );
  };

  it('a scan (no text layer) says so, in each language', async () => {
    const zh = await checkInput(noText(), '扫描.pdf');
    expect(zh.error).toMatchObject({ code: 'scanned_pdf' });
    expect(zh.error!.message).toContain('扫描件，无文字层');
    expect((await checkInput(noText(), 'scan.pdf', { lang: 'en' })).error!.message).toMatch(/scanned PDF with no text layer/);
  });

  it('a damaged PDF is named, not a crash', async () => {
    const res = await checkInput(new TextEncoder().encode('%PDF-1.7\n garbage'), '坏.pdf');
    expect(res.status).toBe('unreadable');
    expect(res.error!.message).toContain('坏.pdf');
  });
});
