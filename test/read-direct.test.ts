/**
 * The direct .xlsx reader (core/read/xlsx-direct.ts) against SheetJS: every workbook the project
 * can make or holds is read both ways and must give the same cells, formulas, merges and names.
 * Kinds of writer: SheetJS (the test helpers), exceljs (the project's templates), LibreOffice
 * (a template converted), WPS-style prefixed XML (handed over), and parts written by hand for what
 * Excel writes that the others do not (shared formulas, rich text with phonetic runs, inline
 * strings, errors, dates by built-in and custom formats, cells and rows without addresses).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { readWorkbook } from '../core/read/xlsx';
import type { Book } from '../core/read/grid';
import { writeTemplate } from '../core/template/xlsx';
import { getForm } from '../core/forms';
import { balancedValues } from './helpers/synthetic';
import { bookBytes, prefixXml, reportSheets } from './helpers/workbooks';
import { deflatedPart, xlsxParts, zipBytes, type ZipPart } from './helpers/hostile';
import { tempDir } from './helpers/temp';

/** Everything a reader hands on, as plain data. */
function plain(book: Book) {
  return {
    grids: book.grids.map((g) => {
      const cells: Record<string, unknown> = {};
      for (let r = 0; r < g.rows; r++)
        for (let c = 0; c < g.cols; c++) {
          const cell = g.cell(r, c);
          if (cell) cells[g.ref(r, c)] = cell;
        }
      return { name: g.name, rows: g.rows, cols: g.cols, merges: g.merges, cells };
    }),
    definedNames: book.definedNames,
  };
}

function bothWays(bytes: Uint8Array, name: string) {
  const direct = readWorkbook(bytes, name);
  const sheetjs = readWorkbook(bytes, name, { viaSheetJS: true });
  expect(plain(direct), name).toEqual(plain(sheetjs));
  return direct;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook as Excel writes it, with a styles part (dates) and the given sheet and strings. */
function excelLike(sheetData: string, strings: string[], extra = ''): Buffer {
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><dimension ref="A1:H20"/><sheetData>${sheetData}</sheetData>${extra}</worksheet>`;
  const parts: ZipPart[] = xlsxParts(sheet, sst);
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="#,##0.0000_ "/></numFmts><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="49"/><xf numFmtId="4"/><xf numFmtId="31"/><xf numFmtId="57"/></cellXfs></styleSheet>`;
  const i = parts.findIndex((p) => p.name === 'xl/_rels/workbook.xml.rels');
  const rels = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>`,
  );
  parts[i] = deflatedPart('xl/_rels/workbook.xml.rels', rels);
  const types = parts.findIndex((p) => p.name === '[Content_Types].xml');
  const declared = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  parts[types] = deflatedPart('[Content_Types].xml', declared);
  return zipBytes([...parts, deflatedPart('xl/styles.xml', styles)]);
}

describe('the direct .xlsx reader reads what SheetJS reads', () => {
  it('the bundled examples', () => {
    const dir = path.join(__dirname, '..', 'examples');
    const files = readdirSync(dir).filter((f) => /\.xlsx$/.test(f));
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) bothWays(readFileSync(path.join(dir, f)), f);
  });

  it('every layout the test helpers write, both formats, with formulas and merges', () => {
    for (const format of ['2019', '2021'] as const)
      for (const opts of [
        { format, year: format === '2019' ? 2020 : 2024, agency: '某某县财政局' },
        { format, year: 2024, agency: '某某县民政局', split: true },
        { format, year: 2023, agency: '某某县教育局', origin: { r: 3, c: 2 }, gap: 2, merges: false },
      ]) {
        const { sheets } = reportSheets(opts);
        bothWays(bookBytes(sheets), `${opts.agency}.xlsx`);
      }
  });

  it("the project's own templates (exceljs), blank and filled from last year", async () => {
    for (const year of [2020, 2024]) {
      const form = getForm(year < 2021 ? '2019' : '2021');
      bothWays(await writeTemplate(form, { year, agency: '某某县财政局' }), `模板-${year}.xlsx`);
      const values = new Map(Object.entries(balancedValues(form.key, 3)).filter(([, v]) => v != null)) as never;
      bothWays(await writeTemplate(form, { year, agency: '某某县财政局', values }), `已填-${year}.xlsx`);
    }
  });

  it('what Excel writes: shared formulas, rich text, phonetic runs, inline strings, errors, dates, escapes', () => {
    const strings = [
      '<t>表三</t>',
      '<r><rPr><b/></rPr><t>一、本年</t></r><r><t xml:space="preserve">新收 </t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh>',
      '<t>A&amp;B &lt;1&gt; _x000D_line</t>',
      '<t/>',
      '<t>12件</t>',
    ];
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><f t="shared" ref="C2:C5" si="0">A2+B2</f><v>3</v></c></row>',
      '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><v>5</v></c><c r="C3"><f t="shared" si="0"/><v>9</v></c><c r="D3"><f>SUM($A$2:A3)</f><v>5</v></c></row>',
      // Cells and a row without addresses, as some generators write them.
      '<row><c><v>7</v></c><c t="s"><v>4</v></c><c t="inlineStr"><is><t>内联</t></is></c><c t="b"><v>1</v></c></row>',
      '<row r="6"><c r="A6" t="e"><v>#DIV/0!</v></c><c r="B6" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="C6"><f>A2*2</f></c><c r="D6" t="str"><f>B6</f></c></row>',
      '<row r="7"><c r="A7" s="1"><v>45296</v></c><c r="B7" s="2"><v>45296.5</v></c><c r="C7" s="3"><v>73802895.9</v></c><c r="D7" s="4"><v>15</v></c><c r="E7" s="5"><v>1.5E-3</v></c><c r="F7" s="1"><v>60</v></c><c r="G7" s="6"><v>45296</v></c><c r="H7" s="7"><v>12</v></c></row>',
      '<row r="9" spans="1:3"><c r="A9" t="n"><v></v></c><c r="B9"><f>_xlfn.IFS(A2&gt;0,1)</f><v>1</v></c><c r="C9" t="e"><v>#WTF?</v></c></row>',
    ];
    const merges = '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="E1:F3"/></mergeCells>';
    const book = bothWays(excelLike(rows.join(''), strings, merges), 'excel.xlsx');
    const g = book.grids[0];
    expect(g.cell(2, 2)).toEqual({ raw: 9, formula: 'A3+B3' });
    expect(g.cell(0, 1)?.raw).toBe('一、本年新收 ');
    expect(g.cell(6, 0)?.raw).toBe('2024-01-05');
    // 31 and 57: the Chinese built-in date formats, on which SheetJS alone lost the whole sheet (已损坏).
    expect(g.cell(6, 6)?.raw).toBe('2024-01-05');
    expect(g.cell(6, 7)?.raw).toBe('1900-01-12');
  });

  it('values and addresses the quick paths meet: <v> with attributes, a second <v>, zero-led rows, odd addresses', () => {
    const rows = [
      '<row r="1"><c r="A1"><v xml:space="preserve">5</v></c><c r="B1"><vx>1</vx><v>6</v></c><c r="C01"><v>7</v></c><c r="D1"><v>8</v><v>9</v></c></row>',
      '<row r="2"><c r="AB2"><f>A1+B1</f><v>11</v></c><c r="XFD2"><v>1</v></c></row>',
    ];
    const book = bothWays(excelLike(rows.join(''), []), 'quick.xlsx');
    expect([0, 1, 2, 3].map((c) => book.grids[0].cell(0, c)?.raw)).toEqual([5, 6, 7, 8]);
    expect(book.grids[0].cell(1, 27)).toEqual({ raw: 11, formula: 'A1+B1' });
    // An address not of the form A1 leaves the sheet to SheetJS: read the same either way.
    for (const ref of ['d3', 'D', '3', 'D3x', '$D$3'])
      bothWays(excelLike(`<row r="3"><c r="${ref}"><v>1</v></c></row>`, []), `ref-${ref}.xlsx`);
  });

  it('prefixed XML as WPS writes it (<x:workbook>, <x:c>)', async () => {
    const { sheets } = reportSheets({ format: '2021', year: 2024, agency: '某某县财政局' });
    const plainBytes = bookBytes(sheets);
    const prefixed = await prefixXml(plainBytes);
    expect(plain(bothWays(prefixed, 'wps.xlsx'))).toEqual(plain(readWorkbook(plainBytes, 'plain.xlsx')));
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('a template saved again by LibreOffice', async () => {
    const dir = tempDir('xxgk-direct-');
    const src = path.join(dir, 'in.xlsx');
    require('fs').writeFileSync(src, await writeTemplate(getForm('2021'), { year: 2024, agency: '某某县财政局' }));
    const out = path.join(dir, 'out');
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, src],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    bothWays(readFileSync(path.join(out, 'in.xlsx')), 'libreoffice.xlsx');
  });
});
