/**
 * Parts inflated once (core/read/zip-stored.ts): the guard's inflated parts, written back stored,
 * read by the parser exactly as the original package; a package the parser might read otherwise
 * is left as it is. Packages are written here by SheetJS and exceljs and read back.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unpackedSize } from '../core/read/zip-guard';
import { storedPackage } from '../core/read/zip-stored';
import { readWorkbook } from '../core/read/xlsx';
import { bookBytes, reportSheets } from './helpers/workbooks';

/** The options core/read/xlsx.ts parses with. */
const PARSE: XLSX.ParsingOptions = { type: 'array', dense: true, cellFormula: true, cellDates: true, cellNF: false, cellText: false };
const parsed = (d: Uint8Array) => {
  const wb = XLSX.read(d, PARSE);
  return JSON.stringify({ names: wb.SheetNames, book: wb.Workbook, sheets: wb.SheetNames.map((n) => wb.Sheets[n]) });
};

function rewrite(d: Uint8Array): Uint8Array | null {
  const u = unpackedSize(d, 64 << 20, 16 << 20);
  if (!u.ok || !u.contents) return null;
  return storedPackage(d, u.contents.entries, u.contents.parts);
}

async function exceljsBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年报');
  ws.getCell('A1').value = '政府信息公开工作年度报告';
  ws.getCell('B2').value = new Date(Date.UTC(2024, 0, 5));
  ws.getCell('C3').value = { formula: 'SUM(D3:E3)', result: 7.25 };
  ws.getCell('D3').value = 3;
  ws.getCell('E3').value = 4.25;
  ws.mergeCells('A5:C6');
  wb.addWorksheet('第二页').getCell('A1').value = '二';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a package inflated once reads as the original', () => {
  const examples = path.join(__dirname, '..', 'examples');
  const packages: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['examples/某某县财政局-2024.xlsx', () => new Uint8Array(readFileSync(path.join(examples, '某某县财政局-2024.xlsx')))],
    [
      'examples/某某县卫健委-2025-WPS.xlsx (prefixed XML)',
      () => new Uint8Array(readFileSync(path.join(examples, '某某县卫健委-2025-WPS.xlsx'))),
    ],
    ['format 2021 as .ods', () => new Uint8Array(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets, 'ods'))],
    ['format 2019 as .xlsb', () => new Uint8Array(bookBytes(reportSheets({ format: '2019', year: 2020 }).sheets, 'xlsb' as never))],
    ['exceljs: a date, a formula, a merge, two sheets', exceljsBook],
  ];
  for (const [what, make] of packages)
    it(what, async () => {
      const d = await make();
      const stored = rewrite(d);
      expect(stored).not.toBeNull();
      expect(parsed(stored!)).toBe(parsed(d));
    });
});

describe('a package the parser might read otherwise is left as it is', () => {
  const good = new Uint8Array(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
  const u = unpackedSize(good, 64 << 20, 16 << 20);
  if (!u.ok || !u.contents) throw new Error('an ordinary workbook is kept whole');
  const { entries, parts } = u.contents;
  const first = entries[0].localOffset;

  it('a local header whose sizes or name disagree with the directory', () => {
    for (const at of [18, 22, 30]) {
      const d = good.slice();
      d[first + at] ^= 0x01;
      expect(storedPackage(d, entries, parts), `byte ${at}`).toBeNull();
    }
  });

  it('a data descriptor or an encryption flag', () => {
    for (const flag of [0x08, 0x01]) {
      const d = good.slice();
      d[first + 6] |= flag;
      expect(storedPackage(d, entries, parts)).toBeNull();
    }
  });

  it('a part that inflated to other than its declared size', () => {
    expect(storedPackage(good, entries, [parts[0].subarray(1), ...parts.slice(1)])).toBeNull();
  });

  it('parts past what is kept are inflated by the parser, and the book reads the same', () => {
    expect(unpackedSize(good, 64 << 20, 100)).not.toHaveProperty('contents');
    expect(unpackedSize(good, 64 << 20)).not.toHaveProperty('contents');
    expect(readWorkbook(good, 'good.xlsx').grids[0].rows).toBeGreaterThan(20);
  });
});
