/**
 * Issue 8 items 5, 7 and 15, the parts the workbook parser holds whole: a shared string table, a
 * sheet or an .ods's content.xml made of millions of the shortest strings, cells or rows fits
 * within the package's 64 MB yet takes the parser's memory past a checking process's 256 MB; an
 * .ods repeating one cell a billion times does it from 3 KB. Such a file is too large, naming the
 * part and its size, in `check` and in `export`; one within the limit is read; a sheet the parser
 * drops is damaged, never "empty"; the parser's English stays off the terminal. Inputs are built
 * here and read back unchanged.
 */
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import type { FindingsDoc } from '../core/model/findings';
import { readWorkbook } from '../core/read/xlsx';
import { manyRowsXlsx, shortSharedStrings, shortStringsXlsx, xlsxParts, zipBytes } from './helpers/hostile';
import { bookBytes, reportSheets } from './helpers/workbooks';
import { tempDir } from './helpers/temp';

const bin = path.join(__dirname, '..', 'bin', 'xxgk.js');
const dir = tempDir('xxgk-parts-');
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** `xxgk check NAME --json --lang LANG` in the folder, with a 200 MB heap and a time limit; the input is unchanged. */
function check(name: string, lang: 'zh' | 'en', timeout = 30_000): { doc: FindingsDoc; ms: number } {
  const file = path.join(dir, name);
  const before = hash(file);
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=200', bin, 'check', name, '--json', '--lang', lang], {
    cwd: dir,
    encoding: 'utf8',
    timeout,
  });
  const ms = Date.now() - t;
  expect(r.signal, r.stderr).toBeNull();
  expect(hash(file)).toBe(before);
  return { doc: JSON.parse(r.stdout) as FindingsDoc, ms };
}

/** Both languages' messages for an unreadable file, each checked by the real command. */
function refusal(name: string, bytes: Uint8Array, langs: ('zh' | 'en')[] = ['zh', 'en']): { zh: string; en: string; ms: number } {
  writeFileSync(path.join(dir, name), bytes);
  const out = { zh: '', en: '', ms: 0 };
  for (const lang of langs) {
    const { doc, ms } = check(name, lang);
    expect(doc.files[0]).toMatchObject({ status: 'unreadable', error: { code: 'too_large' } });
    out[lang] = doc.files[0].error!.message;
    out.ms = Math.max(out.ms, ms);
  }
  return out;
}

/** An .ods (written by SheetJS) whose content.xml gets `megabytes` MB of two-number rows after its one cell. */
function bigOds(megabytes: number): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['MARK']]), 'S');
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { bookType: 'ods', type: 'buffer' }) as Buffer));
  // OpenDocument 1.2 Part 1, 9.1.3 <table:table-row>, 9.1.4 <table:table-cell>.
  const row =
    '<table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>' +
    '<table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell></table:table-row>';
  const rows = row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length));
  const content = strFromU8(parts['content.xml']).replace(
    /(<table:table-row>\s*<table:table-cell[^>]*><text:p>MARK<\/text:p><\/table:table-cell>\s*<\/table:table-row>)/,
    `$1${rows}`,
  );
  expect(content.length).toBeGreaterThan(megabytes * 1024 * 1024);
  parts['content.xml'] = strToU8(content);
  return zipSync(parts);
}

describe('a part made of millions of the shortest items is too large, named with its size', () => {
  it('3,000,000 one-letter shared strings (a 48.6 MB part in a 125 KB file)', () => {
    const data = shortStringsXlsx(3_000_000);
    expect(data.length).toBeLessThan(200 * 1024);
    const { zh, en, ms } = refusal('strings.xlsx', data);
    expect(zh).toBe(
      '文件「strings.xlsx」太大（其中的部件「xl/sharedStrings.xml」解压后 48.6 MB，超过单个部件的上限 16.0 MB），为避免耗尽内存未读取',
    );
    expect(en).toBe(
      'strings.xlsx is too large (its part xl/sharedStrings.xml unpacks to 48.6 MB, over the 16.0 MB allowed for one part); not read to avoid running out of memory',
    );
    // Counting the inflated bytes is all it costs; parsing the part took 13–18 s and then ran out of memory.
    expect(ms).toBeLessThan(10_000);
  });

  it('a sheet of 20 MB of short inline strings, and one of 20 MB of rows', () => {
    const inline = manyRowsXlsx(
      20,
      (r) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>a</t></is></c><c r="B${r}" t="inlineStr"><is><t>b</t></is></c></row>`,
    );
    const { zh, en, ms } = refusal('inline.xlsx', inline);
    expect(zh).toBe(
      '文件「inline.xlsx」太大（其中的部件「xl/worksheets/sheet1.xml」解压后 20.0 MB，超过单个部件的上限 16.0 MB），为避免耗尽内存未读取',
    );
    expect(en).toBe(
      'inline.xlsx is too large (its part xl/worksheets/sheet1.xml unpacks to 20.0 MB, over the 16.0 MB allowed for one part); not read to avoid running out of memory',
    );
    expect(ms).toBeLessThan(10_000);
    const rows = refusal(
      'rows.xlsx',
      manyRowsXlsx(20, (r) => `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`),
      ['zh'],
    );
    expect(rows.zh).toBe(
      '文件「rows.xlsx」太大（其中的部件「xl/worksheets/sheet1.xml」解压后 20.0 MB，超过单个部件的上限 16.0 MB），为避免耗尽内存未读取',
    );
    expect(rows.ms).toBeLessThan(10_000);
  });

  it('three sheets of 12 MB of rows each: the parts to parse together', () => {
    const data = manyRowsXlsx(12, (r) => `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`, 3);
    const { zh, en, ms } = refusal('sheets.xlsx', data);
    expect(zh).toBe('文件「sheets.xlsx」太大（其中的工作表等需解析的部件解压后共 36.0 MB，超过上限 32.0 MB），为避免耗尽内存未读取');
    expect(en).toBe(
      'sheets.xlsx is too large (its sheets and other parts to parse unpack to 36.0 MB together, over the 32.0 MB allowed); not read to avoid running out of memory',
    );
    expect(ms).toBeLessThan(10_000);
  });

  it('an .ods whose content.xml is 20 MB of rows', () => {
    const { zh, en } = refusal('rows.ods', bigOds(20));
    expect(zh).toBe('文件「rows.ods」太大（其中的部件「content.xml」解压后 20.0 MB，超过单个部件的上限 16.0 MB），为避免耗尽内存未读取');
    expect(en).toBe(
      'rows.ods is too large (its part content.xml unpacks to 20.0 MB, over the 16.0 MB allowed for one part); not read to avoid running out of memory',
    );
  });

  it('.xls: the Workbook stream holds every cell and string, and is held to the same limit', () => {
    const xls = bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets, 'xls');
    expect(readWorkbook(new Uint8Array(xls), 'r.xls').grids.length).toBe(1);
    let e: { code?: string; zh?: string; en?: string } = {};
    try {
      readWorkbook(new Uint8Array(xls), 'r.xls', { maxPartBytes: 4 * 1024 });
    } catch (err) {
      e = err as typeof e;
    }
    expect(e.code).toBe('too_large');
    expect(e.zh).toMatch(/^文件「r\.xls」太大（其中的数据流「Workbook」有 \d+ KB，超过单个部件的上限 4 KB），为避免耗尽内存未读取$/);
    expect(e.en).toMatch(/^r\.xls is too large \(its stream Workbook holds \d+ KB, over the 4 KB allowed for one part\); not read/);
  });
});

/** A cell holding a value (OpenDocument 1.2 Part 1, 19.675, 19.676: repeated columns and rows). */
const repeatedRow = (rows: number, cols: number) =>
  `<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${cols}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`;

/** A one-sheet workbook written by SheetJS as .ods or flat .fods, with `extra` XML after the row of its marker cell. */
function odsWith(bookType: 'ods' | 'fods', extra: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['MARK']]), 'S');
  const add = (xml: string) =>
    xml.replace(/(<table:table-cell[^>]*><text:p>MARK<\/text:p><\/table:table-cell>\s*<\/table:table-row>)/, `$1${extra}`);
  if (bookType === 'fods') return strToU8(add(XLSX.write(wb, { bookType, type: 'string' }) as string));
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer));
  parts['content.xml'] = strToU8(add(strFromU8(parts['content.xml'])));
  return zipSync(parts);
}

describe('an .ods that repeats a cell a billion times is too large, in every command', () => {
  it('1,000 columns × 1,000,000 rows of one number in a 3 KB .ods: check and export', () => {
    const data = odsWith('ods', repeatedRow(1_000_000, 1000));
    expect(data.length).toBeLessThan(8 * 1024);
    const { zh, en, ms } = refusal('repeat.ods', data);
    expect(zh).toBe('文件「repeat.ods」太大（其中的部件「content.xml」用重复属性展开后超过 1,000,000 个单元格），为避免耗尽内存未读取');
    expect(en).toBe(
      'repeat.ods is too large (its part content.xml repeats cells into more than 1,000,000 cells); not read to avoid running out of memory',
    );
    expect(ms).toBeLessThan(10_000);
    // `export` reads in its own process, with no checking process to stop it: it ran past 120 s.
    const t = Date.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=200', bin, 'export', 'repeat.ods', '-o', 'out.csv', '--lang', 'en'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal).toBeNull();
    expect(r.stderr.trim()).toBe(`xxgk: ${en}`);
    expect(r.status).toBe(1);
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  it('the same in a flat .fods, and repeats of empty cells (as LibreOffice writes them) cost nothing', () => {
    const flat = odsWith('fods', repeatedRow(1_000_000, 1000));
    expect(refusal('repeat.fods', flat, ['zh']).zh).toBe(
      '文件「repeat.fods」太大（用重复属性展开后超过 1,000,000 个单元格），为避免耗尽内存未读取',
    );
    // Every empty cell to the end of the sheet, and a number repeated three times in a row.
    const empty = `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`;
    const book = readWorkbook(odsWith('ods', repeatedRow(1, 3) + empty), 'lo.ods');
    expect([book.grids[0].rows, book.grids[0].cols]).toEqual([2, 3]);
    expect(book.grids[0].cell(1, 2)).toEqual({ raw: 1 });
  });

  it("the parser's own English never reaches the terminal", () => {
    // A conditional number format it does not know (OpenDocument 1.2 Part 1, 16.3 <style:map>),
    // as LibreOffice writes for currencies: SheetJS prints "ODS number format may be incorrect".
    const style =
      '<number:number-style style:name="N1"><number:number/></number:number-style><number:number-style style:name="N2"><number:number/><style:map style:condition="value()&gt;0" style:apply-style-name="N1"/></number:number-style>';
    const report = XLSX.read(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
    const fods = (XLSX.write(report, { bookType: 'fods', type: 'string' }) as string).replace(
      /(<office:body>)/,
      `<office:styles>${style}</office:styles>$1`,
    );
    expect(fods).toContain('style:map');
    writeFileSync(path.join(dir, 'styled.fods'), fods);
    const r = spawnSync(process.execPath, [bin, 'export', 'styled.fods', '-o', 'styled.csv'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toMatch(/^xxgk: styled\.fods: /);
    expect(r.stderr).not.toMatch(/ODS|number format|incorrect/);
  });
});

describe('within the limits a part of short strings is read, whole', () => {
  it('a report whose shared string table also holds 900,000 one-letter strings (14.6 MB) checks as without them', () => {
    const wb = XLSX.read(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
    const plain = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', bookSST: true, type: 'buffer' }) as Buffer);
    const parts = unzipSync(plain);
    const sst = strFromU8(parts['xl/sharedStrings.xml']);
    expect(sst).toMatch(/<\/sst>$/);
    parts['xl/sharedStrings.xml'] = strToU8(sst.replace(/<\/sst>$/, '<si><t>a</t></si>'.repeat(900_000) + '</sst>'));
    expect(parts['xl/sharedStrings.xml'].length).toBeGreaterThan(14 * 1024 * 1024);
    writeFileSync(path.join(dir, 'plain.xlsx'), plain);
    writeFileSync(path.join(dir, 'padded.xlsx'), zipSync(parts));
    const base = check('plain.xlsx', 'zh').doc.files[0];
    const { doc, ms } = check('padded.xlsx', 'zh', 90_000);
    expect(base.status).toBe('checked');
    expect(doc.files[0].status).toBe('checked');
    expect(doc.files[0].reports).toEqual(base.reports);
    // Measured 4–8 s on 2 busy cores; a checking process stops at 120 s.
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});

describe('a sheet the parser drops is damaged, never empty', () => {
  it('cells pointing into a shared string table the package does not declare', () => {
    // The table is there, but neither [Content_Types].xml nor the relationships name it (ECMA-376
    // Part 2, 10.1.2: a part without a content type is not part of the package). SheetJS fails
    // on the sheet's first such cell and leaves the sheet out without a word.
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    const parts = xlsxParts(sheet);
    const [undeclared] = xlsxParts(sheet, shortSharedStrings(10)).slice(-1);
    const data = new Uint8Array(zipBytes([...parts, undeclared]));
    let e: { code?: string; zh?: string; en?: string } = {};
    try {
      readWorkbook(data, 'u.xlsx');
    } catch (err) {
      e = err as typeof e;
    }
    expect(e.code).toBe('damaged');
    expect(e.zh).toBe('文件「u.xlsx」已损坏（压缩包的目录或其中的部件无法读取），无法读取；请用 Excel 或 WPS 打开后重新保存再检查');
    expect(e.en).not.toMatch(/empty/);
    // Declared, the same table is read.
    const declared = readWorkbook(new Uint8Array(zipBytes(xlsxParts(sheet, shortSharedStrings(10)))), 'd.xlsx');
    expect(declared.grids[0].cell(0, 0)).toEqual({ raw: 'a' });
  });
});
