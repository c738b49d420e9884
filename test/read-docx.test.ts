import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { printToPdf, soffice } from './helpers/pdf';
import { tempDir } from './helpers/temp';
import { checkData, checkInput } from '../core/checkfile';
import type { FileResult } from '../core/model/findings';
import { documentBlocks } from '../core/read/docx';
import { readInputSync, reportsOf } from '../core/read/input';
import { docxBytes, reportDocx, type DocxOptions } from './helpers/docx';
import { cellIds, fullValues, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { writeFile, writeReportWorkbook } from './helpers/workbooks';

/** What a finding says, without where (refs differ between a workbook and a document). */
const said = (r: FileResult) =>
  r.reports.flatMap((rep) => rep.findings.map((f) => `${f.severity} ${f.rule} ${f.expected ?? ''} ${f.actual ?? ''}`)).sort();

describe.each(['2019', '2021'] as const)('a Word report, format %s', (format) => {
  const year = format === '2019' ? 2020 : 2023;
  const values: Record<string, Raw> = fullValues(format, balancedValues(format));
  // One wrong figure, so that the findings compared are not empty.
  const wrong = { ...values, 'T3:R1:natural': (values['T3:R1:natural'] as number) + 5 };
  const workbook = checkData(
    new Uint8Array(fs.readFileSync(writeReportWorkbook(`wb-${format}.xlsx`, { format, year, agency: '某某县财政局', values: wrong }))),
    `wb-${format}.xlsx`,
  );
  const cases: [string, DocxOptions][] = [
    ['plain', {}],
    ['labels wrapped in narrow columns', { labelWidth: 600 }],
    ['表三 split into two tables, header repeated', { split: { table: 'T3', after: 12, repeatHeader: true } }],
    ['表三 split into two tables, no header repeated', { split: { table: 'T3', after: 9 } }],
    ['表三 split by a page break, header repeated', { split: { table: 'T3', after: 14, repeatHeader: true, pageBreak: true } }],
    ['headers repeated on each page, a table nested in a cell', { repeatHeaders: true, nested: true }],
  ];

  it.each(cases)('reads every value in place: %s', (_, opts) => {
    const data = reportDocx(format, values, { year, agency: '某某县财政局', ...opts });
    const read = readInputSync(data, 'report.docx');
    expect(read.kind).toBe('docx');
    const [r] = reportsOf(read, 'report.docx');
    expect([r.format, r.year, r.agency, r.tables]).toEqual([format, year, '某某县财政局', ['T2', 'T3', 'T4']]);
    for (const id of cellIds(format)) expect(r.cells[id]?.raw, id).toBe(values[id]);
    expect(read.textLines!.map((t) => t.text)).toContain('信息公开的内容有待进一步完善。');
  });

  it.each(cases)('gives the findings of the same report as a workbook: %s', async (_, opts) => {
    const file = writeFile(`r-${format}.docx`, reportDocx(format, wrong, { year, agency: '某某县财政局', ...opts }));
    const res = await checkInput(new Uint8Array(fs.readFileSync(file)), file);
    expect(res.status).toBe('checked');
    expect(said(res).length).toBeGreaterThan(0);
    expect(said(res)).toEqual(said(workbook));
  });

  it('checks the text sections against the tables (text.* rules)', async () => {
    const total = values['T3:R1:total'] as number;
    const data = reportDocx(format, values, { year, intro: [`本年度共收到政府信息公开申请${total + 3}件。`] });
    const res = await checkInput(data, 'report.docx');
    const text = res.reports[0].findings.filter((f) => f.rule.startsWith('text.'));
    expect(text.map((f) => [f.rule, f.actual, f.expected])).toEqual([['text.received', total + 3, total]]);
  });
});

describe('document.xml details', () => {
  const xml = (body: string) => `<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`;
  const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('turns vMerge into row spans and gridBefore into a leading blank cell', () => {
    const b = documentBlocks(
      xml(
        `<w:tbl><w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>` +
          `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2')}</w:tr>` +
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('3')}${tc('4')}</w:tr></w:tbl>`,
      ),
    );
    expect(b).toEqual([
      {
        kind: 'table',
        rows: [
          [
            { text: 'A', rowSpan: 2, colSpan: 1 },
            { text: 'B', rowSpan: 1, colSpan: 2 },
          ],
          [
            { text: '1', rowSpan: 1, colSpan: 1 },
            { text: '2', rowSpan: 1, colSpan: 1 },
          ],
          [
            { text: '', rowSpan: 1, colSpan: 1 },
            { text: '3', rowSpan: 1, colSpan: 1 },
            { text: '4', rowSpan: 1, colSpan: 1 },
          ],
        ],
      },
    ]);
  });

  it('leaves out tracked deletions, field codes and tab stops; keeps insertions and line breaks', () => {
    const b = documentBlocks(
      xml(
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>收到</w:t></w:r>' +
          '<w:del><w:r><w:delText>99</w:delText></w:r></w:del><w:ins><w:r><w:t>17</w:t></w:r></w:ins>' +
          '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>件</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>',
      ),
    );
    expect(b).toEqual([{ kind: 'text', text: '收到17件\n下一行' }]);
  });

  it('refuses a damaged or oversized package with a message naming the file', () => {
    const good = docxBytes(xml('<w:p><w:r><w:t>x</w:t></w:r></w:p>'));
    expect(() => readInputSync(good.subarray(0, good.length - 30), '坏.docx')).toThrow(/坏\.docx/);
    const big = docxBytes(xml(`<w:p><w:r><w:t>${'0'.repeat(3 << 20)}</w:t></w:r></w:p>`));
    expect(() => readInputSync(big, 'big.docx', { maxUnpackedBytes: 1 << 20 })).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(() => readInputSync(docxBytes('<w:document><w:body><w:p>'), 'cut.docx')).toThrow(expect.objectContaining({ code: 'not_docx' }));
  });
});

describe('binary Word (.doc) as Word and LibreOffice save it', () => {
  it('names the format and says to save as .docx or .xlsx', async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice（soffice）未安装，跳过 / LibreOffice (soffice) is not installed: skipped');
    const dir = tempDir();
    const src = path.join(dir, 'report.docx');
    fs.writeFileSync(src, reportDocx('2021', fullValues('2021', balancedValues('2021')), { year: 2023 }));
    // "MS Word 97": the binary .doc format (a WordDocument stream in a compound file, MS-DOC).
    const [doc] = printToPdf([src], dir, 'doc:MS Word 97');
    for (const name of [doc, path.join(dir, 'renamed.docx')]) {
      if (name !== doc) fs.copyFileSync(doc, name);
      const res = await checkInput(new Uint8Array(fs.readFileSync(name)), name);
      expect(res.error).toMatchObject({ code: 'word_binary' });
      expect(res.error!.message).toMatch(/是 Word 文档（\.doc 格式），读不出其中的表格；请在 Word 或 WPS 中另存为 \.docx 或 \.xlsx/);
      expect((await checkInput(new Uint8Array(fs.readFileSync(name)), name, { lang: 'en' })).error!.message).toMatch(
        /Word document in the \.doc format.*save it as \.docx or \.xlsx/,
      );
    }
  });
});
