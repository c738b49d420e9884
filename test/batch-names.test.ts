/**
 * Issue 18, items 3 and 5: a file name is never the ground for an error (year, format and
 * department come from the content and the command line), and two files of one department are
 * decided visibly (a revision's name or the one that passes over a modification time; when
 * nothing decides, both stay for the statistician to choose; --prefer and --keep choose ahead).
 * Real workbooks written and checked through the CLI.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balancedValues } from './helpers/synthetic';
import { bookBytes, reportSheets } from './helpers/workbooks';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
const report = (agency: string, seed = 1, year = 2025, wrong = false) => {
  const values = { ...balancedValues('2021', seed) };
  if (wrong) values['T3:R3.3.4:natural'] = (values['T3:R3.3.4:natural'] as number) + 10;
  return bookBytes(reportSheets({ format: '2021', year, agency, values }).sheets);
};
type Row = { path: string | null; department: string | null; verdict: string; reason: string };
type Doc = {
  files: { path: string; reports: { findings: { rule: string; severity: string; message: string }[] }[] }[];
  batch: { files: Row[]; choose: { department: string; files: string[] }[] };
};
const run = (args: string[]) => {
  const r = xxgk([...args, '--json'], work);
  const doc = JSON.parse(r.stdout) as Doc;
  const by: Record<string, Row> = Object.fromEntries(doc.batch.files.map((f) => [f.path ? path.basename(f.path) : f.department, f]));
  return { status: r.status, doc, by };
};

let work: string;
beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  work = mkdtempSync(path.join(tmpdir(), 'xxgk-names-'));
});

/** Writes files with their modification times (seconds), oldest first as given. */
function folder(name: string, files: [string, Uint8Array, number][]): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const [file, data, at] of files) {
    writeFileSync(path.join(dir, file), data);
    utimesSync(path.join(dir, file), at, at);
  }
  return name;
}

describe('issue 18, item 3: a file name is never the ground for an error', () => {
  it('names with a format year, a date or a version: clean 2025 reports pass, with --year and without', () => {
    const dir = folder('years', [
      ['某某县财政局-2021版.xlsx', report('某某县财政局', 1), 1_700_000_000],
      ['某某县民政局v2023.xlsx', report('某某县民政局', 2), 1_700_000_000],
      ['某某县教育局报表2024.xlsx', report('某某县教育局', 3), 1_700_000_000],
    ]);
    for (const extra of [[], ['--year', '2025']]) {
      const { status, doc, by } = run(['check', dir, ...extra]);
      expect(status, extra.join(' ')).toBe(0);
      expect(Object.values(by).map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass']);
      const findings = doc.files.flatMap((f) => f.reports.flatMap((r) => r.findings));
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      // The name's other year is a note, said in the findings.
      expect(findings.filter((f) => f.rule === 'batch.year_name').map((f) => [f.severity, f.message])).toContainEqual([
        'notice',
        '文件名写的是 2021 年，报告内容是 2025 年度：以报告内容为准，文件名仅作参考',
      ]);
    }
    // The content's year still decides: a 2024 report is 年度或格式不符 with --year 2025, whatever its name.
    folder('years-wrong', [['某某县财政局2025.xlsx', report('某某县财政局', 1, 2024), 1_700_000_000]]);
    expect(run(['check', 'years-wrong', '--year', '2025']).by['某某县财政局2025.xlsx'].reason).toBe(
      '报告年度是 2024 年，本批收集的是 2025 年度的报告',
    );
  });
});

describe('issue 18, item 5: duplicates are decided visibly', () => {
  it('an older 县民政局-修改后.xlsx that passes counts over a newer file with errors; summary, report and listing say why', () => {
    const dir = folder('revised', [
      ['县民政局-修改后.xlsx', report('某某县民政局', 1), 1_700_000_000],
      ['县民政局.xlsx', report('某某县民政局', 2, 2025, true), 1_700_100_000],
    ]);
    const { by } = run(['check', dir]);
    expect(by['县民政局-修改后.xlsx']).toMatchObject({ verdict: 'pass' });
    expect(by['县民政局-修改后.xlsx'].reason).toBe(
      '「某某县民政局」还报送了「县民政局.xlsx」，以此文件为准（文件名表明此文件是修改后的版本）',
    );
    expect(by['县民政局.xlsx'].verdict).toBe('duplicate');
    expect(by['县民政局.xlsx'].reason).toBe(
      '「某某县民政局」另有文件「县民政局-修改后.xlsx」，以那份为准（文件名表明那份是修改后的版本），此文件不计入',
    );
    const text = xxgk(['check', dir, '--report', 'revised.csv', '--notices', 'revised-notices'], work);
    expect(text.stdout).toContain('以此文件为准（文件名表明此文件是修改后的版本）');
    expect(readFileSync(path.join(work, 'revised.csv'), 'utf8')).toContain('以此文件为准（文件名表明此文件是修改后的版本）');
    expect(existsSync(path.join(work, 'revised-notices'))).toBe(false); // nothing to send back
    const en = run(['check', dir, '--lang', 'en']).by['县民政局.xlsx'].reason;
    expect(en).toBe(
      '某某县民政局 also sent 县民政局-修改后.xlsx, which counts (its file name says it is the revised version); this file does not',
    );
  });

  it('the one that passes counts over a newer one with errors, when no name tells', () => {
    const dir = folder('passing', [
      ['民政局甲.xlsx', report('某某县民政局', 1), 1_700_000_000],
      ['民政局乙.xlsx', report('某某县民政局', 2, 2025, true), 1_700_100_000],
    ]);
    const { by } = run(['check', dir]);
    expect([by['民政局甲.xlsx'].verdict, by['民政局乙.xlsx'].verdict]).toEqual(['pass', 'duplicate']);
    expect(by['民政局乙.xlsx'].reason).toContain('以那份为准（那份通过检查，此文件有错误）');
  });

  it('nothing decides: both stay, the department is named to choose, exit 1; --keep and --prefer newest choose ahead', () => {
    const dir = folder('undecided', [
      ['民政局甲.xlsx', report('某某县民政局', 1), 1_700_000_000],
      ['民政局乙.xlsx', report('某某县民政局', 2), 1_700_100_000],
    ]);
    const { status, doc, by } = run(['check', dir]);
    expect(status).toBe(1);
    expect([by['民政局甲.xlsx'].verdict, by['民政局乙.xlsx'].verdict]).toEqual(['pass', 'pass']);
    expect(by['民政局甲.xlsx'].reason).toMatch(
      /^「某某县民政局」报送了 2 份不同的报告：「民政局乙\.xlsx」（修改于 .*）、「民政局甲\.xlsx」（修改于 .*）。文件名都没有表明哪一份是修改后的版本，检查结果也分不出，无法判断以哪一份为准，都已保留，请选定一份$/,
    );
    expect(doc.batch.choose).toEqual([{ department: '某某县民政局', files: ['undecided/民政局乙.xlsx', 'undecided/民政局甲.xlsx'] }]);
    const text = xxgk(['check', dir], work).stdout;
    expect(text).toContain('1 个单位报送了多份不同的报告，需选定以哪一份为准：某某县民政局（民政局乙.xlsx、民政局甲.xlsx）');
    expect(text).toContain('--keep 文件名');
    // Summed with neither, said.
    const sum = xxgk(['sum', dir, '--only-clean', '-o', 'undecided-sum.xlsx'], work);
    expect(sum.stderr).toContain('未计入：undecided/民政局甲.xlsx');
    expect(sum.stderr).toContain('未计入：undecided/民政局乙.xlsx');

    const kept = run(['check', dir, '--keep', '民政局甲.xlsx']);
    expect(kept.status).toBe(0);
    expect([kept.by['民政局甲.xlsx'].verdict, kept.by['民政局乙.xlsx'].verdict]).toEqual(['pass', 'duplicate']);
    expect(kept.by['民政局乙.xlsx'].reason).toContain('（已指定保留那份）');
    const newest = run(['check', dir, '--prefer', 'newest']);
    expect([newest.by['民政局甲.xlsx'].verdict, newest.by['民政局乙.xlsx'].verdict]).toEqual(['duplicate', 'pass']);
    expect(newest.by['民政局甲.xlsx'].reason).toMatch(/（那份修改时间较新，修改于 \d{4}-\d\d-\d\d \d\d:\d\d）/);
    expect(xxgk(['check', dir, '--keep', '没有这个.xlsx'], work).status).toBe(2);
    expect(xxgk(['check', dir, '--prefer', 'oldest'], work).status).toBe(2);
  });

  it('a revision with errors against an original that passes: both stay; --prefer revision sends the revision back saying why', () => {
    const dir = folder('conflict', [
      ['某某县民政局.xlsx', report('某某县民政局', 1), 1_700_000_000],
      ['某某县民政局（最终）.xlsx', report('某某县民政局', 2, 2025, true), 1_700_100_000],
    ]);
    const { doc, by } = run(['check', dir]);
    expect([by['某某县民政局.xlsx'].verdict, by['某某县民政局（最终）.xlsx'].verdict]).toEqual(['pass', 'send_back']);
    expect(by['某某县民政局.xlsx'].reason).toContain(
      '文件名表明「某某县民政局（最终）.xlsx」是修改后的版本，但通过检查的是「某某县民政局.xlsx」',
    );
    expect(doc.batch.choose).toHaveLength(1);
    const passing = run(['check', dir, '--prefer', 'passing']).by;
    expect([passing['某某县民政局.xlsx'].verdict, passing['某某县民政局（最终）.xlsx'].verdict]).toEqual(['pass', 'duplicate']);
    const r = xxgk(['check', dir, '--prefer', 'revision', '--notices', 'conflict-notices'], work);
    expect(r.stdout).toContain('【重复】1');
    const notice = readFileSync(path.join(work, 'conflict-notices', '某某县民政局-退回通知.html'), 'utf8');
    expect(notice).toContain('「某某县民政局」还报送了「某某县民政局.xlsx」，以此文件为准（文件名表明此文件是修改后的版本）');
  });

  it('copies of one file need no choosing: one counts, said', () => {
    const dir = folder('copies', [['财政局.xlsx', report('某某县财政局', 1), 1_700_000_000]]);
    copyFileSync(path.join(work, dir, '财政局.xlsx'), path.join(work, dir, '财政局 - 副本.xlsx'));
    const { status, by } = run(['check', dir]);
    expect(status).toBe(0);
    expect(
      Object.values(by)
        .map((r) => r.verdict)
        .sort(),
    ).toEqual(['duplicate', 'pass']);
    expect(Object.values(by).find((r) => r.verdict === 'duplicate')!.reason).toContain('（两份文件内容完全相同）');
    expect(readdirSync(path.join(work, dir))).toHaveLength(2);
  });
});
