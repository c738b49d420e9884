import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { checkInput } from '../core/checkfile';
import { decodeBytes } from '../core/read/decode';
import { INPUT_KINDS, recogniseKind, REPORT_EXTENSIONS } from '../core/read/kinds';
import { docxBytes } from './helpers/docx';
import { fullValues, publishedHtml, publishedText } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { bookBytes, reportSheets } from './helpers/workbooks';

const u8 = (b: Uint8Array | Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const values = fullValues('2021', balancedValues('2021'));
const xlsx = u8(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
const html = publishedHtml('2021', values, { year: 2023 });
const docx = docxBytes('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>');

/** A compound (OLE) file with the given streams, as Word 97-2003 and WPS write them (MS-CFB). */
function cfb(streams: string[]): Uint8Array {
  const c = XLSX.CFB.utils.cfb_new();
  for (const s of streams) XLSX.CFB.utils.cfb_add(c, s, new Uint8Array(600).fill(7));
  return u8(XLSX.CFB.write(c, { type: 'buffer' }) as Buffer);
}

describe('the input registry recognises a file by its bytes', () => {
  it.each([
    ['a workbook', xlsx, 'a.xlsx', 'workbook'],
    ['a Word document named .xlsx', docx, 'a.xlsx', 'docx'],
    ['a workbook named .docx', xlsx, 'a.docx', 'workbook'],
    ['an HTML page named .xlsx', strToU8(html), 'a.xlsx', 'html'],
    ['an .xhtml page', strToU8(html), 'a.xhtml', 'html'],
    ['a page without extension', strToU8(html), 'report', 'html'],
    ['a text without extension', strToU8(publishedText('2021', values, 'tabs')), 'report', 'text'],
    ['a PDF', strToU8('%PDF-1.7\n%âãÏÓ\n'), 'x.bin', 'pdf'],
    ['a .doc renamed .docx', cfb(['WordDocument', '1Table']), 'a.docx', 'word_binary'],
    ['a WPS 文字 file', cfb(['WordDocument']), 'a.wps', 'word_binary'],
    ['a WPS 表格 .et file', cfb(['Workbook']), 'a.et', 'workbook'],
    ['a PNG named .xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]), 'a.xlsx', 'image'],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'scan.jpg', 'image'],
    ['a zip of reports', zipSync({ 'a/b.xlsx': xlsx, 'readme.txt': strToU8('hi') }), 'all.zip', 'archive'],
    ['an RTF', strToU8('{\\rtf1\\ansi hello}'), 'a.doc', 'word_binary'],
  ])('%s', (_, data, name, kind) => {
    expect(recogniseKind(data, name)).toBe(kind);
  });

  it.each([
    ['a .doc renamed .docx', cfb(['WordDocument']), 'a.docx', 'word_binary', /是 Word 文档（\.doc 格式）.*另存为 \.docx 或 \.xlsx/],
    ['a WPS 文字 file', cfb(['WordDocument']), 'a.wps', 'word_binary', /是 Word 文档（\.wps 格式）/],
    ['an RTF renamed .docx', strToU8('{\\rtf1\\ansi 表三}'), 'a.docx', 'word_binary', /是 Word 文档（\.rtf 格式）/],
    ['a Word letter without the tables', docx, 'letter.docx', 'docx', /中没有找到年度报告的统计表.*这份 Word 文档不是统计表/],
    ['a picture', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'scan.jpg', 'image', /是图片/],
    ['an archive', zipSync({ 'a/b.xlsx': xlsx }), 'all.zip', 'archive', /是压缩包；请先解压/],
  ])('refuses %s with a message of its own, not "not a workbook"', async (_, data, name, code, zh) => {
    const zhRes = await checkInput(data, name);
    expect(zhRes.error).toMatchObject({ code });
    expect(zhRes.error!.message).toMatch(zh);
    expect(zhRes.error!.message).toContain(name);
    // Product names (Word, Excel, WPS, PDF) are how Chinese offices name them too.
    expect(zhRes.error!.message.replace(name, '').replace(/Word|Excel|WPS|PDF|\.[a-z]+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    const en = (await checkInput(data, name, { lang: 'en' })).error!.message;
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).toContain(name);
  });

  it('reads a page named .xhtml or .xlsx as a page, with its text (text.* rules run)', async () => {
    for (const name of ['r.xhtml', 'r.xlsx', 'r']) {
      const res = await checkInput(strToU8(html), name);
      expect(res.status, name).toBe('checked');
      expect(
        res.reports[0].findings.filter((f) => f.severity !== 'notice'),
        name,
      ).toEqual([]);
    }
  });

  it('lists each extension once, and only here', () => {
    const all = INPUT_KINDS.flatMap((k) => k.extensions);
    expect(new Set(all).size).toBe(all.length);
    expect(REPORT_EXTENSIONS).toEqual(expect.arrayContaining(['.xlsx', '.xls', '.et', '.docx', '.pdf', '.html', '.xhtml', '.txt']));
    // No other source file spells out a list of input extensions.
    const root = path.join(__dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !p.endsWith(path.join('read', 'kinds.ts'))) {
          const src = readFileSync(p, 'utf8');
          // A list of input extensions, or a decision on an input kind by its extension (outputs may name theirs).
          if (
            /['"]\.(xlsx|docx|txt)['"]\s*,\s*['"]\.[a-z]+['"]|\.\((xlsx|txt)\|[a-z|?]*\b(ods|et|txt|docx)\b/.test(src) ||
            /\bext\w*\s*===?\s*['"]\.?(docx?|pdf|txt|md|xhtml|mht|wps|et|ods|xls)['"]/.test(src)
          )
            offenders.push(p);
        }
      }
    };
    for (const d of ['core', 'cli', 'addin']) walk(path.join(root, d));
    expect(offenders.map((p) => path.relative(root, p).split(path.sep).join('/'))).toEqual([]);
  });
});

describe('text encodings (decided on the whole file)', () => {
  const text = publishedText('2021', values, 'tabs', { year: 2023 });
  it('decodes UTF-16 by its byte-order mark, both byte orders', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    expect(decodeBytes(le)).toMatchObject({ encoding: 'utf-16le', text, invalid: 0 });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(decodeBytes(be)).toMatchObject({ encoding: 'utf-16be', text });
    expect((await checkInput(le, 'utf16.txt')).status).toBe('checked');
    // Without the mark too (Windows Notepad's "Unicode" in some versions).
    expect(decodeBytes(le.subarray(2))).toMatchObject({ encoding: 'utf-16le', text });
    expect((await checkInput(le.subarray(2), 'utf16-nobom.txt')).status).toBe('checked');
  });

  it('keeps a UTF-8 file with one stray byte as UTF-8', async () => {
    const bytes = strToU8(text);
    const stray = new Uint8Array([...bytes.subarray(0, 200), 0xb0, ...bytes.subarray(200)]);
    const d = decodeBytes(stray);
    expect(d.encoding).toBe('utf-8');
    expect(d.invalid).toBe(1);
    const res = await checkInput(stray, 'stray.txt');
    expect(res.status).toBe('checked');
    expect(res.reports[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('says so when the encoding is why no table is found', async () => {
    // Bytes valid neither as UTF-8 nor as GB18030 (0xFF leads nothing in either).
    const garbage = new Uint8Array(4000).map((_, i) => (i % 4 === 3 ? 0x20 : i % 2 ? 0xff : 0xc8));
    const res = await checkInput(garbage, 'garbled.txt');
    expect(res.status).toBe('unreadable');
    expect(res.error!.code).toBe('encoding');
    expect(res.error!.message).toMatch(/编码无法识别/);
  });
});
