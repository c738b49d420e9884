import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingsDoc } from '../core/model/findings';
import { encryptedBytes, randomBytes } from './helpers/workbooks';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], opts: { cwd?: string } = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, encoding: 'utf8', maxBuffer: 64 << 20 });
const json = (args: string[]) => {
  const r = xxgk([...args, '--json']);
  return { status: r.status, doc: JSON.parse(r.stdout) as FindingsDoc, stderr: r.stderr };
};

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
});

describe('xxgk check on the bundled examples', () => {
  it('finds the planted errors, passes the rest, exits 1', () => {
    const { status, doc } = json(['check', 'examples']);
    expect(status).toBe(1);
    const by = Object.fromEntries(doc.files.map((f) => [path.basename(f.path), f]));
    for (const name of [
      '某某县财政局-2024.xlsx',
      '某某县卫健委-2025-WPS.xlsx',
      '某某县民政局-2020.xls',
      '顺河回族区政数局-2020.xlsx',
      'shunhe-2020-report.txt',
    ]) {
      expect(by[name].status, name).toBe('checked');
      expect(
        by[name].reports[0].findings.filter((f) => f.severity === 'error'),
        name,
      ).toEqual([]);
    }
    const real = by['顺河回族区政数局-2020.xlsx'].reports[0];
    expect([real.format, real.year, real.agency]).toEqual(['2019', 2020, '政务服务和大数据管理局']);
    const bad = by['某某县教育局-2024-有错误.xlsx'].reports[0];
    const rules = bad.findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.rule)
      .sort();
    // Its blank 上年结转 总计 (parts written) is an omitted total: a warning, no imbalance error.
    expect(rules).toEqual(['T3.applicant_total', 'T3.results_total', 'cell.not_number']);
    expect(bad.findings.filter((f) => f.rule === 'cell.total_blank').map((f) => f.cells.map((c) => `${c.row}:${c.column}`))).toEqual([
      ['R2:total'],
    ]);
    const inner = bad.findings.find((f) => f.rule === 'T3.results_total')!;
    expect(inner.suspects.map((s) => [s.row, s.column])).toEqual([['R3.3.4', 'natural']]);
    expect(inner.suspects[0].ref).toMatch(/^2024年报![A-Z]+\d+$/);
    expect(doc.summary).toEqual({ files: 6, reports: 6, clean: 5, with_errors: 1, unreadable: 0 });
  });

  it('prints a readable Chinese summary by default and English with --lang en', () => {
    const zh = xxgk(['check', 'examples']);
    expect(zh.stdout).toContain(
      // The 顺河 report twice (a workbook and its text) with the same figures: one counts, the other is 重复.
      '合计：6 个文件，6 份报告。有错误，需退回 1；年度或格式不符 0；未填写 0；无法读取 0；不是报表 0；重复 1；通过 4',
    );
    expect(zh.stdout).toContain('报告的数字完全相同');
    expect(zh.stdout).not.toContain('需选定');
    expect(zh.stdout).toMatch(/疑为 2024年报!D\d+ = 12，应为 2/);
    const en = xxgk(['check', 'examples', '--lang', 'en']);
    expect(en.stdout).toContain(
      'Total: 6 files, 6 reports. has errors, send back 1; wrong year or format 0; not filled in 0; unreadable 0; not a report 0; duplicate 1; passed 4',
    );
  });

  it('exits 0 when every file is clean', () => {
    expect(xxgk(['check', 'examples/某某县财政局-2024.xlsx']).status).toBe(0);
  });

  it('--jobs 2 gives the same results as --jobs 1', () => {
    const one = json(['check', 'examples', '--jobs', '1']).doc;
    const two = json(['check', 'examples', '--jobs', '2']).doc;
    expect(two).toEqual(one);
  });
});

describe('unreadable files never stop the batch', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'xxgk-cli-'));
    copyFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'), path.join(dir, 'good.xlsx'));
    writeFileSync(path.join(dir, 'random.xlsx'), randomBytes(3000));
    writeFileSync(path.join(dir, 'notes.xls'), '这不是工作簿，只是一段文字。\n');
    writeFileSync(path.join(dir, 'locked.xlsx'), encryptedBytes());
    const good = readFileSync(path.join(dir, 'good.xlsx'));
    writeFileSync(path.join(dir, 'cut.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(path.join(dir, 'empty.xlsx'), '');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['hello', 1]]), 'S');
    writeFileSync(path.join(dir, 'other.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  });

  it('reports each with its reason and checks the good one', () => {
    const { status, doc } = json(['check', dir]);
    expect(status).toBe(1);
    const code = Object.fromEntries(doc.files.map((f) => [path.basename(f.path), f.error?.code ?? f.status]));
    expect(code).toEqual({
      'good.xlsx': 'checked',
      'random.xlsx': 'not_zip',
      'notes.xls': 'not_workbook',
      'locked.xlsx': 'encrypted',
      'cut.xlsx': 'truncated',
      'empty.xlsx': 'empty',
      'other.xlsx': 'no_tables',
    });
    for (const f of doc.files) if (f.error) expect(f.error.message).toContain(path.basename(f.path));
    expect(doc.summary.unreadable).toBe(6);
  });
});

/** A valid .xlsx with one big sheet (rows × 10 numbers): far beyond any report. */
async function bigWorkbook(rows: number): Promise<Buffer> {
  const JSZip = require('jszip');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'S');
  const zip = await JSZip.loadAsync(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 10; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r}</v></c>`;
    parts.push(row + '</row>');
  }
  parts.push('</sheetData></worksheet>');
  zip.file('xl/worksheets/sheet1.xml', parts.join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('published reports as Chinese offices save them', () => {
  it('a text saved in GB18030 (GBK) reads as well as UTF-8', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-gbk-'));
    const utf8 = readFileSync(path.join(root, 'examples', 'shunhe-2020-report.txt'));
    // iconv ships with Debian's libc; Node cannot encode GBK by itself.
    writeFileSync(path.join(dir, 'gbk.txt'), execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: utf8 }));
    expect(readFileSync(path.join(dir, 'gbk.txt')).equals(utf8)).toBe(false);
    const { status, doc } = json(['check', path.join(dir, 'gbk.txt')]);
    expect(status).toBe(0);
    expect(doc.files[0].reports[0]).toMatchObject({ format: '2019', year: 2020, agency: '政务服务和大数据管理局' });
  });
});

describe('hostile files', () => {
  it('a decompression bomb is refused before it is inflated', async () => {
    const { readWorkbook } = await import('../core/read/xlsx');
    const data = new Uint8Array(await bigWorkbook(20000));
    expect(data.length).toBeLessThan(1 << 20);
    expect(() => readWorkbook(data, 'bomb.xlsx', { maxUnpackedBytes: 1 << 20 })).toThrow(/bomb\.xlsx.*太大（解压后/);
    try {
      readWorkbook(data, 'bomb.xlsx', { maxUnpackedBytes: 1 << 20 });
    } catch (e) {
      expect((e as { code: string }).code).toBe('too_large');
    }
  });

  it("a file that exhausts a worker's memory is reported and the batch goes on", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-oom-'));
    writeFileSync(path.join(dir, 'big.xlsx'), await bigWorkbook(30000));
    for (const f of ['某某县财政局-2024.xlsx', '某某县民政局-2020.xls']) copyFileSync(path.join(root, 'examples', f), path.join(dir, f));
    const r = spawnSync(process.execPath, [bin, 'check', dir, '--jobs', '2', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, XXGK_WORKER_HEAP_MB: '32' },
    });
    const doc = JSON.parse(r.stdout) as FindingsDoc;
    const by = Object.fromEntries(doc.files.map((f) => [path.basename(f.path), f]));
    expect(by['big.xlsx']).toMatchObject({ status: 'unreadable', error: { code: 'too_large' } });
    expect(by['big.xlsx'].error!.message).toMatch(/big\.xlsx.*内存/);
    expect(by['某某县财政局-2024.xlsx'].status).toBe('checked');
    expect(by['某某县民政局-2020.xls'].status).toBe('checked');
    expect(r.status).toBe(1);
  });
});

describe('bulk report and command line errors', () => {
  it.each(['csv', 'html', 'xlsx'])('--report out.%s is written whole: every file with its verdict, then what to change', (ext) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-rep-'));
    const out = path.join(dir, `out.${ext}`);
    const r = xxgk(['check', 'examples', '--report', out]);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual([`out.${ext}`]); // no temporary file left behind
    if (ext === 'csv') {
      const text = readFileSync(out, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = text.slice(1).trim().split('\r\n');
      // The rule id stands last, apart from the words a person reads (issue 21).
      expect(rows[0].split(',').slice(0, 6)).toEqual(['结论', '单位', '文件', '工作表', '单元格', '规则']);
      expect(rows[0].split(',').at(-1)).toBe('规则编号');
      expect(text).toContain('T3.results_total');
      expect(rows.filter((l) => l.startsWith('通过,'))).toHaveLength(4); // clean files listed too
    } else if (ext === 'xlsx') {
      const wb = XLSX.read(readFileSync(out));
      expect(wb.SheetNames).toEqual(['各文件结论', '需修改之处']);
      const files = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['各文件结论'], { header: 1 });
      const head = files.findIndex((row) => row[0] === '结论');
      const body = files.slice(head + 1);
      expect(body).toHaveLength(6);
      expect(body.filter((row) => row[0] === '通过')).toHaveLength(4);
      expect(body.find((row) => String(row[2]).includes('教育局'))!.slice(0, 2)).toEqual(['有错误，需退回', '某某县教育局']);
      expect(body.find((row) => String(row[2]).includes('教育局'))!.slice(6, 9)).toEqual([3, 1, 0]); // numbers, not text
    } else {
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('<h2>各文件结论</h2>');
      expect(text).toContain('<h2>需修改之处</h2>');
      expect(text).not.toMatch(/<script/i);
    }
  });

  it('a bad local rule is a command-line error with line and column, and nothing is checked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-rules-'));
    writeFileSync(
      path.join(dir, 'extra.txt'),
      '# ok\nlocal.a [warning]: T3:R1:total <= 500\nlocal.b: for each column of T3: R1 + R99 == R2\n',
    );
    const r = xxgk(['check', 'examples', '--rules', path.join(dir, 'extra.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/extra\.txt:3:38: 规则有误：应为 T3 的行/);
    expect(r.stdout).toBe('');
  });

  it('local rules apply and show up as findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-rules-'));
    writeFileSync(path.join(dir, 'extra.txt'), 'local.cap [warning]: T3:R1:total <= 10\n');
    const { doc } = json(['check', 'examples/某某县财政局-2024.xlsx', '--rules', path.join(dir, 'extra.txt')]);
    expect(doc.files[0].reports[0].findings.map((f) => f.rule)).toEqual(['local.cap']);
  });

  it('bad options exit 2', () => {
    expect(xxgk(['check']).status).toBe(2);
    expect(xxgk(['check', 'examples', '--jobs', 'zero']).status).toBe(2);
    expect(xxgk(['check', 'examples', '--lang', 'fr']).status).toBe(2);
    expect(xxgk(['check', 'examples', '--report', 'x.pdf']).status).toBe(2);
    expect(xxgk(['nonsense']).status).toBe(2);
  });

  it('xxgk rules lists every family with its instances', () => {
    const r = xxgk(['rules', '--format', '2019']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/T3\.balance\s+\[错误，7 处\]/);
    expect(r.stdout).toMatch(/T3\.applicant_total\s+\[错误，合计，23 处\]/);
    expect(r.stdout).toContain('for each column of T3: R1 + R2 == R3.7 + R4');
    expect(r.stdout).toContain('cell.decimals');
  });

  it("--prior DIR matches last year's report by agency", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-prior-'));
    for (const f of ['某某县教育局-2024-有错误.xlsx', '某某县财政局-2024.xlsx', '某某县民政局-2020.xls'])
      copyFileSync(path.join(root, 'examples', f), path.join(dir, f));
    const { doc } = json(['check', 'examples/某某县财政局-2024.xlsx', 'examples/某某县卫健委-2025-WPS.xlsx', '--prior', dir]);
    const cross = (name: string) =>
      doc.files.find((f) => f.path.includes(name))!.reports[0].findings.filter((x) => x.rule.startsWith('X.'));
    const finance = cross('财政局'),
      health = cross('卫健委');
    expect(finance.length).toBeGreaterThan(0);
    for (const f of finance) expect(f.cells.some((c) => c.ref.includes('某某县财政局-2024.xlsx]'))).toBe(true);
    expect(health).toEqual([]); // no report of that agency last year: nothing to compare
  });

  it('--prior compares with last year and names cells in both files', () => {
    const { doc } = json(['check', 'examples/某某县财政局-2024.xlsx', '--prior', 'examples/某某县教育局-2024-有错误.xlsx']);
    const carry = doc.files[0].reports[0].findings.filter((f) => f.rule === 'X.carry_over');
    expect(carry.length).toBeGreaterThan(0);
    expect(carry[0].cells.map((c) => c.ref)).toEqual([
      expect.stringMatching(/^2024年报!/),
      expect.stringMatching(/^\[examples\/某某县教育局-2024-有错误\.xlsx\]2024年报!/),
    ]);
  });
});
