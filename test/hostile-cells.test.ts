/**
 * Issue 8 items 6, 10-13: what a count cell holds when it is no number — text in 表二 (merged or
 * not), formula error values, dates, NaN/Infinity/1e-300, a 10 MB string of digits (the probe's was 50 MB) — is a finding
 * on that cell, export refuses it, and the same file gets the same verdict alone and in a batch.
 * Workbooks are written here and read back; inputs are hashed before and after.
 */
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../core/checkfile';
import { ExportRefused, guardExport } from '../core/export';
import type { FileResult, Finding, FindingsDoc } from '../core/model/findings';
import { readReportsFrom } from '../core/checkfile';
import { withHugeText, xlsxParts, zipBytes } from './helpers/hostile';
import { bookBytes, reportSheets, writeFile, writeSheets, type Raw } from './helpers/workbooks';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Check a workbook file in-process, asserting it is not modified. */
function checkFile(file: string, lang: 'zh' | 'en' = 'zh'): FileResult {
  const before = hash(file);
  const data = readFileSync(file);
  const r = checkData(new Uint8Array(data), path.basename(file), { lang });
  expect(hash(file)).toBe(before);
  return r;
}

const cellFindings = (r: FileResult): Finding[] =>
  r.reports[0].findings.filter((f) => f.rule.startsWith('cell.') && f.rule !== 'cell.blank');
const brief = (f: Finding) => [f.rule, f.cells[0].ref, f.cells[0].value, f.message];

function workbook(
  name: string,
  values: Record<string, Raw | Date>,
  extraMerges: { r0: number; c0: number; r1: number; c1: number }[] = [],
) {
  const { sheets } = reportSheets({ format: '2021', year: 2023, values: values as Record<string, Raw> });
  sheets[0].merges.push(...extraMerges);
  return writeSheets(name, sheets);
}

describe('表二 count cells holding text (item 10)', () => {
  it('若干 and abc are cell.not_number errors on their cells, and export refuses the report', () => {
    const file = workbook('t2-text.xlsx', { 'T2:rules:issued': '若干', 'T2:normative:issued': 'abc' });
    const r = checkFile(file);
    expect(cellFindings(r).map(brief)).toEqual([
      ['cell.not_number', '2023年报!D6', '若干', '表二 规章·本年制发件数：“若干”不是数字'],
      ['cell.not_number', '2023年报!D7', 'abc', '表二 行政规范性文件·本年制发件数：“abc”不是数字'],
    ]);
    expect(r.reports[0].findings.filter((f) => f.rule === 'format.missing_cells')).toEqual([]);
    const [report] = readReportsFrom(new Uint8Array(readFileSync(file)), 't2-text.xlsx');
    // The valid values beside them are still read.
    expect([report.cells['T2:rules:repealed'].raw, report.cells['T2:normative:in_force'].raw]).toEqual([2, 6]);
    expect(() => guardExport(report)).toThrow(ExportRefused);
    try {
      guardExport(report);
    } catch (e) {
      expect((e as ExportRefused).findings.filter((f) => f.rule === 'cell.not_number').map((f) => f.cells[0].value)).toEqual([
        '若干',
        'abc',
      ]);
    }
  });

  it('a merged single-column 表二 cell holding text is read from the merge’s top-left cell', () => {
    // 行政许可 / 行政处罚 rows (sheet rows 10 and 13) with their header and value cells merged over D:F.
    const merges = [8, 9, 11, 12, 13].map((r) => ({ r0: r, c0: 3, r1: r, c1: 5 }));
    const r = checkFile(workbook('t2-merged.xlsx', { 'T2:licensing:decisions': '若干', 'T2:penalty:decisions': 'abc' }, merges));
    expect(cellFindings(r).map(brief)).toEqual([
      ['cell.not_number', '2023年报!D10', '若干', '表二 行政许可·本年处理决定数量：“若干”不是数字'],
      ['cell.not_number', '2023年报!D13', 'abc', '表二 行政处罚·本年处理决定数量：“abc”不是数字'],
    ]);
  });
});

describe('special numbers, dates and formula errors in count cells (items 11-13)', () => {
  it('1e-61 and 1e-300 are findings on their cells, not an unreadable file', () => {
    const r = checkFile(workbook('tiny.xlsx', { 'T3:R1:natural': 1e-61, 'T3:R2:natural': 1e-300 }));
    expect(r.status).toBe('checked');
    expect(cellFindings(r).map(brief)).toEqual([
      ['cell.not_number', '2023年报!D23', '1e-61', '表三 本年新收·自然人：1e-61 的小数超过 60 位，不是有效的件数或金额'],
      ['cell.not_number', '2023年报!D24', '1e-300', '表三 上年结转·自然人：1e-300 的小数超过 60 位，不是有效的件数或金额'],
    ]);
  });

  it('NaN and Infinity (stored by SheetJS as #VALUE! and #DIV/0!) are findings on their cells', () => {
    const r = checkFile(workbook('nan.xlsx', { 'T3:R1:natural': NaN, 'T2:rules:issued': Infinity }));
    expect(cellFindings(r).map(brief)).toEqual([
      ['cell.not_number', '2023年报!D6', '#DIV/0!', '表二 规章·本年制发件数：是错误值 #DIV/0!，没有可用的数值；请填写数字'],
      ['cell.not_number', '2023年报!D23', '#VALUE!', '表三 本年新收·自然人：是错误值 #VALUE!，没有可用的数值；请填写数字'],
    ]);
  });

  it('a date typed in a count cell (stored as 45296) is a finding, in either language', () => {
    const day = new Date(Date.UTC(2024, 0, 5));
    const file = workbook('date.xlsx', { 'T3:R1:natural': day, 'T2:rules:issued': day });
    const zh = checkFile(file);
    expect(cellFindings(zh).map(brief)).toEqual([
      [
        'cell.not_number',
        '2023年报!D6',
        '2024-01-05',
        '表二 规章·本年制发件数：填写的是日期 2024-01-05，不是数字；若本想填数字，请把单元格格式改为“常规”或“数值”后重新填写',
      ],
      [
        'cell.not_number',
        '2023年报!D23',
        '2024-01-05',
        '表三 本年新收·自然人：填写的是日期 2024-01-05，不是数字；若本想填数字，请把单元格格式改为“常规”或“数值”后重新填写',
      ],
    ]);
    const en = checkFile(file, 'en');
    expect(cellFindings(en)[0].message).toMatch(/holds the date 2024-01-05, not a number/);
  });

  it('#REF!, #N/A and #DIV/0! from formulas are findings on their cells, naming the formula', () => {
    // Error cells as Excel stores them: t="e" with the formula and its cached error value (ECMA-376 18.3.1.4).
    const wb = XLSX.read(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets), { type: 'buffer', cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    ws.D6 = { t: 'e', v: 0x2a, f: 'VLOOKUP(1,Z1:Z2,2,FALSE)' };
    ws.D23 = { t: 'e', v: 0x17, f: '#REF!+1' };
    ws.D24 = { t: 'e', v: 0x07, f: '1/0' };
    const file = writeFile('formula-errors.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = checkFile(file);
    expect(cellFindings(r).map((f) => [f.cells[0].ref, f.cells[0].value, f.message])).toEqual([
      [
        '2023年报!D6',
        '#N/A',
        '表二 规章·本年制发件数：公式 =VLOOKUP(1,Z1:Z2,2,FALSE) 出错（#N/A），没有可用的数值；请检查公式引用的单元格',
      ],
      ['2023年报!D23', '#REF!', '表三 本年新收·自然人：公式 =#REF!+1 出错（#REF!），没有可用的数值；请检查公式引用的单元格'],
      ['2023年报!D24', '#DIV/0!', '表三 上年结转·自然人：公式 =1/0 出错（#DIV/0!），没有可用的数值；请检查公式引用的单元格'],
    ]);
    expect(r.reports[0].findings.filter((f) => f.rule.startsWith('format.missing'))).toEqual([]);
  });
});

describe('a count cell holding 10 MB of digits (item 6)', () => {
  const bin = path.join(__dirname, '..', 'bin', 'xxgk.js');
  const run = (files: string[], jobs: number) => {
    const r = spawnSync(process.execPath, [bin, 'check', ...files, '--jobs', String(jobs), '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 4 << 20,
    });
    expect(r.signal, r.stderr).toBeNull();
    return JSON.parse(r.stdout) as FindingsDoc;
  };

  it('is a cell.not_number finding with the text cut short, the same alone and in a batch of every --jobs', async () => {
    const bytes = await withHugeText(
      bookBytes(reportSheets({ format: '2021', year: 2023, values: { 'T3:R1:natural': 'HUGE_DIGITS' } }).sheets),
      'HUGE_DIGITS',
      '1',
      10_000_000,
    );
    expect(bytes.length).toBeLessThan(100_000);
    const digits = writeFile('digits.xlsx', bytes);
    const fine = writeFile('fine.xlsx', bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
    const fine2 = writeFile('fine2.xlsx', bookBytes(reportSheets({ format: '2021', year: 2024 }).sheets));
    const before = [hash(digits), hash(fine)];
    const verdict = (doc: FindingsDoc) => {
      const f = doc.files.find((x) => x.path.endsWith('digits.xlsx'))!;
      return [f.status, ...f.reports[0].findings.filter((x) => x.rule === 'cell.not_number').map((x) => [x.cells[0].value, x.message])];
    };
    const alone = run([digits], 1);
    const expected = [
      'checked',
      [`${'1'.repeat(120)}…`, `表三 本年新收·自然人：填写了 10000000 个字符的文本“${'1'.repeat(40)}…”，不是数字`],
    ];
    expect(verdict(alone)).toEqual(expected);
    for (const jobs of [1, 2]) {
      const doc = run([fine, digits, fine2], jobs);
      expect(verdict(doc), `--jobs ${jobs}`).toEqual(expected);
      expect(doc.summary).toMatchObject({ files: 3, unreadable: 0 });
    }
    expect([hash(digits), hash(fine)]).toEqual(before);
    // export refuses it: the huge number is never published.
    const [report] = readReportsFrom(new Uint8Array(bytes), 'digits.xlsx');
    expect(() => guardExport(report)).toThrow(ExportRefused);
  });
});

describe('a file that exhausts its worker (item 6)', () => {
  const bin = path.join(__dirname, '..', 'bin', 'xxgk.js');
  /** A sheet of rows × 10 numbers, small once deflated, that needs far more than a 32 MB heap. */
  const manyNumbers = (rows: number) =>
    zipBytes(
      xlsxParts(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from(
          { length: rows },
          (_, r) =>
            `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r}</v></c>`).join('')}</row>`,
        ).join('')}</sheetData></worksheet>`,
      ),
    );

  // --jobs 2 is covered by cli-check.test.ts ("a file that exhausts a worker's memory").
  it('costs only that file, with the same verdict alone and with --jobs 1', () => {
    const heavy = writeFile('heavy.xlsx', manyNumbers(20_000));
    const a = writeFile('a.xlsx', bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
    const b = writeFile('b.xlsx', bookBytes(reportSheets({ format: '2021', year: 2024 }).sheets));
    const before = [heavy, a, b].map(hash);
    const run = (files: string[], jobs: number) => {
      const r = spawnSync(process.execPath, [bin, 'check', ...files, '--jobs', String(jobs), '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, XXGK_WORKER_HEAP_MB: '32' },
      });
      expect(r.signal, r.stderr).toBeNull();
      return JSON.parse(r.stdout) as FindingsDoc;
    };
    const heavyOf = (doc: FindingsDoc) => {
      const f = doc.files.find((x) => x.path.endsWith('heavy.xlsx'))!;
      return [f.status, f.error?.code];
    };
    expect(heavyOf(run([heavy], 1))).toEqual(['unreadable', 'too_large']);
    for (const jobs of [1]) {
      const doc = run([a, heavy, b], jobs);
      expect(heavyOf(doc), `--jobs ${jobs}`).toEqual(['unreadable', 'too_large']);
      expect(doc.summary, `--jobs ${jobs}`).toMatchObject({ files: 3, reports: 2, unreadable: 1 });
    }
    expect([heavy, a, b].map(hash)).toEqual(before);
  });
});
