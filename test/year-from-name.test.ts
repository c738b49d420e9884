/**
 * Issue 19, "every face gives the same answer", and the house rule that a file name is never the
 * ground for an error: a report whose title and sheets state no year takes the year from its
 * file's name ("某某县民政局2020年报.xlsx" → 2020) on every face alike (the pane's hosts pass the
 * workbook's own name: test/host-office, test/host-wps, test/one-check-browser), says so in a note
 * and in `yearFrom`, and what follows from it is a warning or a notice, never an error nor 年度或格式不符.
 * A new book's name ("Book1", "工作簿1") or a folder's gives none. Real files written by exceljs.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../core/checkfile';
import { readWorkbook } from '../core/read/xlsx';
import { noYearReport } from './helpers/no-year';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

let bytes: Uint8Array;
let work: string;
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  bytes = await noYearReport('某某县民政局');
  work = mkdtempSync(path.join(tmpdir(), 'xxgk-yearname-'));
});

const errorsOf = (r: { findings: { severity: string }[] }) => r.findings.filter((f) => f.severity === 'error');

describe('the year from the file name', () => {
  it('is taken, said in a note and in yearFrom, and its format mismatch is a warning', async () => {
    const res = await checkFile({ name: '某某县民政局2020年报.xlsx', bytes }, { lang: 'zh' });
    const [rep] = res.reports;
    expect(rep).toMatchObject({ year: 2020, yearFrom: 'file_name', format: '2021' });
    expect(rep.notes).toContain('报告中未写明年度，年度 2020 取自文件名（仅作提示，不据此判错）');
    expect(rep.findings.filter((f) => f.rule === 'format.year_mismatch').map((f) => f.severity)).toEqual(['warning']);
    expect(errorsOf(rep)).toEqual([]);
    const en = await checkFile({ name: '某某县民政局2020年报.xlsx', bytes }, { lang: 'en' });
    expect(en.reports[0].notes).toContain(
      'the report does not state its year; 2020 is taken from the file name (for notes and warnings only)',
    );
  });

  it("the same from the bytes and from a host's book of the same name (the pane's path)", async () => {
    const name = '某某县民政局2024年报.xlsx';
    const fromBytes = await checkFile({ name, bytes }, { lang: 'zh' });
    const fromBook = await checkFile({ name, book: readWorkbook(bytes, name) }, { lang: 'zh' });
    expect(fromBook).toEqual(fromBytes);
    expect(fromBook.reports[0]).toMatchObject({ year: 2024, yearFrom: 'file_name' });
  });

  it.each(['Book1', 'Book1.xlsx', '工作簿1', '工作簿1.xlsx', '2020年报送/某某县民政局.xlsx', 'C:\\2020年\\某某县民政局.xlsx'])(
    'is not taken from %s (a new book, a folder)',
    async (name) => {
      const [rep] = (await checkFile({ name, bytes }, { lang: 'zh' })).reports;
      expect(rep.year).toBeNull();
      expect(rep.yearFrom).toBeUndefined();
      expect(rep.findings.map((f) => f.rule)).not.toContain('format.year_mismatch');
    },
  );

  it('a batch judges it as a report stating no year: no error, never 年度或格式不符', () => {
    const dir = path.join(work, 'batch');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '某某县民政局2020年报.xlsx'), bytes);
    type Doc = {
      files: { reports: { year: number | null; yearFrom?: string; findings: { rule: string; severity: string; message: string }[] }[] }[];
      batch: { files: { verdict: string }[] };
    };
    const run = (extra: string[]) => JSON.parse(xxgk(['check', 'batch', '--json', ...extra], work).stdout) as Doc;
    const findings = (d: Doc) => d.files[0].reports[0].findings.map((f) => `${f.rule} ${f.severity}`);

    const plain = run([]); // no --year: the name's 2020 wants the 2019 layout, a warning of the check (was batch.format, an error)
    expect(plain.files[0].reports[0]).toMatchObject({ year: 2020, yearFrom: 'file_name' });
    expect(findings(plain)).toContain('format.year_mismatch warning');
    expect(errorsOf(plain.files[0].reports[0])).toEqual([]);
    expect(plain.batch.files[0].verdict).not.toBe('year_format');

    const other = run(['--year', '2021']); // the name says 2020, the batch collects 2021: unconfirmed, not "another year" (was batch.year, an error)
    expect(errorsOf(other.files[0].reports[0])).toEqual([]);
    expect(findings(other)).toEqual(expect.arrayContaining(['batch.year_unknown warning', 'batch.year_name notice']));
    expect(other.batch.files[0].verdict).not.toBe('year_format');

    // The name gives the batch's year: nothing to say about the year (the layout against --year is the batch's own business).
    const same = run(['--year', '2020']);
    expect(findings(same).filter((f) => f.startsWith('batch.year'))).toEqual([]);
  });
});
