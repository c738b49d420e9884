import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, statSync, mkdirSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { readWorkbook, readReports, ReadError } from '../core/read';
import { readBookFile, listInputFiles } from '../core/node/files';
import { bookBytes, encryptedBytes, prefixXml, randomBytes, reportSheets, writeFile, writeSheets } from './helpers/workbooks';
import { tempDir } from './helpers/temp';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    const err = e as ReadError;
    // One language at a time, each naming the file: no "中文 / English" pairs.
    expect(err.message).toMatch(/^[^A-Za-z]*文件「|^文件「|中没有|^[\u4e00-\u9fff]/);
    expect(err.message).not.toContain(' / ');
    expect(err.messageIn('en')).toContain(err.file);
    expect(err.messageIn('en').replace(err.file, '')).not.toMatch(/[\u4e00-\u9fff]/);
    return err.code;
  }
  throw new Error('expected a ReadError');
}

describe('readWorkbook: file kinds', () => {
  const sheets = reportSheets({ format: '2021', year: 2024, agency: '某某县财政局' }).sheets;

  it('reads .xlsx with values, formulas, merges and defined names', () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([['标题'], [1, 2], [3, { t: 'n', v: 4, f: 'A2+A3' }]] as unknown[][]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
    XLSX.utils.book_append_sheet(wb, ws, '数据');
    wb.Workbook = { Names: [{ Name: 'T3_R1', Ref: "'数据'!$A$2:$B$2" }] };
    const p = writeFile('plain.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const book = readWorkbook(readFileSync(p), 'plain.xlsx');
    const g = book.grids[0];
    expect(g.name).toBe('数据');
    expect(g.cell(0, 0)?.raw).toBe('标题');
    expect(g.cell(2, 1)).toEqual({ raw: 4, formula: 'A2+A3' });
    expect(g.cell(2, 2)).toBeUndefined();
    expect(g.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
    expect(g.ref(2, 1)).toBe('数据!B3');
    expect(book.definedNames?.T3_R1).toContain('$A$2:$B$2');
  });

  it('reads .xls (BIFF8) and .ods', () => {
    for (const bt of ['xls', 'ods'] as const) {
      const p = writeSheets(`report.${bt}`, sheets, bt);
      const reports = readReports(readFileSync(p), path.basename(p));
      expect(reports).toHaveLength(1);
      expect(reports[0].format).toBe('2021');
      expect(reports[0].year).toBe(2024);
      expect(Object.keys(reports[0].cells)).toHaveLength(200);
    }
  });

  it('reads a WPS-style xlsx with namespace-prefixed XML (<x:workbook>)', async () => {
    const prefixed = await prefixXml(bookBytes(sheets));
    // Really prefixed:

    const zip = await require('jszip').loadAsync(prefixed);
    expect(await zip.file('xl/workbook.xml').async('string')).toContain('<x:workbook');
    const p = writeFile('wps.xlsx', prefixed);
    const reports = readReports(readFileSync(p), 'wps.xlsx');
    expect(reports[0].format).toBe('2021');
    expect(reports[0].cells['T3:R1:natural'].raw).toBeTypeOf('number');
    expect(Object.keys(reports[0].cells)).toHaveLength(200);
  });

  /** An xlsx whose sheet XML claims A1:XFD1048576 (and optionally holds a cell there), patched with JSZip. */
  async function bigRange(farCell: boolean): Promise<Buffer> {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['a', 1],
        ['b', 2],
      ]),
      'S',
    );

    const zip = await require('jszip').loadAsync(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    let xml: string = await zip.file('xl/worksheets/sheet1.xml').async('string');
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    if (farCell) xml = xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    zip.file('xl/worksheets/sheet1.xml', xml);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('sizes a sheet by its real cells, not by a range claiming XFD1048576', async () => {
    const bytes = await bigRange(false);
    const book = readWorkbook(bytes, 'big-ref.xlsx');
    expect(book.grids[0].rows).toBe(2);
    expect(book.grids[0].cols).toBe(2);
    expect(() => readReports(bytes, 'big-ref.xlsx')).toThrow(ReadError);
  });

  it('a lone far cell costs one cell', async () => {
    const bytes = await bigRange(true);
    const book = readWorkbook(bytes, 'far.xlsx');
    expect(book.grids[0].cell(1048575, 16383)?.raw).toBe(1);
    expect(book.grids[0].rows).toBe(1048576);
    expect(() => readReports(bytes, 'far.xlsx')).toThrow(/没有找到/);
  });
});

function withOneSheet(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['表二', 1]]), 'S');
  return wb;
}

describe('readWorkbook: unreadable files are classified', () => {
  const good = bookBytes(reportSheets({ format: '2019', year: 2020 }).sheets);

  it('an .ods missing a part it needs → damaged, with no library English in the message', () => {
    const { unzipSync, zipSync } = require('fflate') as typeof import('fflate');
    const ods = XLSX.write(withOneSheet(), { bookType: 'ods', type: 'buffer' }) as Buffer;
    const parts = unzipSync(new Uint8Array(ods));
    delete parts['styles.xml'];
    const broken = zipSync(parts);
    try {
      readWorkbook(broken, 'no-styles.ods');
      throw new Error('expected a ReadError');
    } catch (e) {
      const err = e as ReadError;
      expect(err.code).toBe('damaged');
      expect(
        err
          .messageIn('zh')
          .replace('no-styles.ods', '')
          .replace(/Excel|WPS/g, ''),
      ).not.toMatch(/[A-Za-z]/);
    }
  });
  it('random bytes → not_zip', () => {
    expect(codeOf(() => readWorkbook(randomBytes(5000), 'random.xlsx'))).toBe('not_zip');
  });
  it('a text file renamed .xlsx → not_workbook', () => {
    expect(codeOf(() => readWorkbook(Buffer.from('这是一个文本文件\n不是工作簿\nhello\n'), 'notes.xlsx'))).toBe('not_workbook');
  });
  it('a zip that is not a workbook → not_workbook', async () => {
    const JSZip = require('jszip');
    const z = new JSZip();
    z.file('readme.txt', 'hello');
    const bytes = await z.generateAsync({ type: 'nodebuffer' });
    expect(codeOf(() => readWorkbook(bytes, 'other.xlsx'))).toBe('not_workbook');
  });
  it('a cut-off xlsx → truncated', () => {
    expect(codeOf(() => readWorkbook(good.subarray(0, Math.floor(good.length / 2)), 'cut.xlsx'))).toBe('truncated');
    expect(codeOf(() => readWorkbook(good.subarray(0, good.length - 10), 'cut2.xlsx'))).toBe('truncated');
  });
  it('a cut-off xls → truncated', () => {
    const xls = bookBytes(reportSheets({ format: '2019', year: 2020 }).sheets, 'xls');
    expect(codeOf(() => readWorkbook(xls.subarray(0, 1000), 'cut.xls'))).toBe('truncated');
  });
  it('a password-protected (encrypted) workbook → encrypted', () => {
    const p = writeFile('secret.xlsx', encryptedBytes());
    expect(codeOf(() => readWorkbook(readFileSync(p), 'secret.xlsx'))).toBe('encrypted');
  });
  it('too large → too_large, before parsing', () => {
    expect(codeOf(() => readWorkbook(good, 'big.xlsx', { maxBytes: 1000 }))).toBe('too_large');
  });
  it('an empty file → empty', () => {
    expect(codeOf(() => readWorkbook(new Uint8Array(0), 'zero.xlsx'))).toBe('empty');
  });
  it('a workbook without any cell → empty; one without tables → no_tables', () => {
    const blank = bookBytes([{ name: 'S', aoa: [], merges: [] }]);
    expect(codeOf(() => readReports(blank, 'blank.xlsx'))).toBe('empty');
    const other = bookBytes([{ name: 'S', aoa: [['工资表'], ['张三', 100]], merges: [] }]);
    expect(codeOf(() => readReports(other, 'salary.xlsx'))).toBe('no_tables');
  });
  it('messages name the file, in Chinese then English', () => {
    try {
      readWorkbook(randomBytes(100), '财政局.xlsx');
    } catch (e) {
      const err = e as ReadError;
      expect(err.file).toBe('财政局.xlsx');
      expect(err.message.indexOf('财政局.xlsx')).toBeGreaterThanOrEqual(0);
      expect(err.messageIn('zh')).toMatch(/文件「财政局.xlsx」/);
      expect(err.messageIn('en')).toMatch(/财政局.xlsx is not/);
      expect(err.message.indexOf(err.zh)).toBe(0);
    }
  });
});

describe('core/node/files', () => {
  it('readBookFile checks the size first and never modifies the input', async () => {
    const p = writeSheets('file.xlsx', reportSheets({ format: '2021', year: 2022 }).sheets);
    const before = readFileSync(p);
    const mtime = statSync(p).mtimeMs;
    const book = await readBookFile(p);
    expect(book.grids.length).toBeGreaterThan(0);
    expect(readFileSync(p).equals(before)).toBe(true);
    expect(statSync(p).mtimeMs).toBe(mtime);
    await expect(readBookFile(p, { maxBytes: 10 })).rejects.toMatchObject({ code: 'too_large' });
    // A file that is not there is the file system's answer (FileError), in the catalogue's words.
    await expect(readBookFile(path.join(tempDir(), 'missing.xlsx'))).rejects.toMatchObject({
      code: 'not_found',
      en: expect.stringMatching(/missing\.xlsx: it does not exist$/),
    });
  });

  it('listInputFiles walks folders, sorted, skipping lock and hidden files', () => {
    const root = path.join(tempDir(), 'inputs');
    mkdirSync(path.join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(path.join(root, '.hidden'), { recursive: true });
    for (const f of ['a.xlsx', 'b/c.xls', 'b/deep/d.ods', 'b/~$a.xlsx', '.x.xlsx', '.hidden/e.xlsx', 'b/notes.docx', 'b/r.txt', 'b/p.HTML'])
      writeFileSync(path.join(root, f), 'x');
    const list = listInputFiles([root]).map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(list).toEqual(['a.xlsx', 'b/c.xls', 'b/deep/d.ods', 'b/notes.docx', 'b/p.HTML', 'b/r.txt']);
    expect(listInputFiles([root], ['.xlsx'])).toEqual([path.join(root, 'a.xlsx')]);
    // A file named directly is kept.
    expect(listInputFiles([path.join(root, 'b/notes.docx')])).toEqual([path.join(root, 'b/notes.docx')]);
  });
});
