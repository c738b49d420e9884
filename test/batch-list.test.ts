/**
 * Issue 18 item 2 and issue 20 items 7 and 13: a department list forgives a slip of one or two
 * characters (said, never a silent pick), a line of punctuation names no department, and matching
 * takes time near-linear in the list.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseBatch, parseAgencyList } from '../core/batch';
import type { FileResult } from '../core/model/findings';
import { balancedValues } from './helpers/synthetic';
import { bookBytes, reportSheets } from './helpers/workbooks';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20 });
const report = (agency: string | null, seed = 1) =>
  bookBytes(reportSheets({ format: '2021', year: 2025, agency, values: balancedValues('2021', seed) }).sheets);
type Row = { path: string | null; department: string | null; verdict: string; reason: string };
const rows = (args: string[]) => {
  const r = xxgk([...args, '--json']);
  return { status: r.status, stderr: r.stderr, rows: (JSON.parse(r.stdout) as { batch: { files: Row[] } }).batch.files };
};

let work: string;
beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  work = mkdtempSync(path.join(tmpdir(), 'xxgk-list-'));
});

describe('issue 18, item 2: department lists forgive typing', () => {
  it('市场监督管里局 on the list: the clean report of 市场监督管理局 passes, matched, with a warning naming both', () => {
    mkdirSync(path.join(work, 'typo'));
    writeFileSync(path.join(work, 'typo', '某某县市场监督管理局.xlsx'), report('某某县市场监督管理局'));
    writeFileSync(path.join(work, 'typo.txt'), '某某县市场监督管里局\n某某县财政局\n');
    const { rows: got } = rows(['check', 'typo', '--agencies', 'typo.txt', '--notices', 'typo-notices']);
    expect(got.map((r) => [r.department, r.verdict])).toEqual([
      ['某某县市场监督管里局', 'pass'],
      ['某某县财政局', 'missing'],
    ]);
    expect(got[0].reason).toBe(
      '报告中的单位「某某县市场监督管理局」与名单中的「某某县市场监督管里局」相差一两个字，按「某某县市场监督管里局」计；请核对：若名单写错，请将名单中的「某某县市场监督管里局」改为「某某县市场监督管理局」',
    );
    expect(existsSync(path.join(work, 'typo-notices'))).toBe(false); // nothing sent back
  });

  it('two listed names one character away: a question, never a pick; 财政局 is never 民政局', () => {
    mkdirSync(path.join(work, 'two'));
    writeFileSync(path.join(work, 'two', '市场监督管理局.xlsx'), report('某某县市场监督管理局'));
    writeFileSync(path.join(work, 'two', '财政局.xlsx'), report('某某县财政局', 2));
    writeFileSync(path.join(work, 'two.txt'), '某某县市场监督管里局\n某某县市场监督官理局\n某某县民政局\n');
    const { rows: got } = rows(['check', 'two', '--agencies', 'two.txt']);
    const by = Object.fromEntries(got.map((r) => [r.path ? path.basename(r.path) : r.department, r]));
    expect(by['市场监督管理局.xlsx']).toMatchObject({ department: null, verdict: 'pass' });
    expect(by['市场监督管理局.xlsx'].reason).toContain('都只差一两个字，无法确定是哪一个单位');
    expect(by['某某县市场监督管里局'].reason).toContain('可能就是该单位，请核对');
    expect(by['财政局.xlsx']).toMatchObject({ department: null, verdict: 'send_back', reason: '单位「某某县财政局」不在单位名单中' });
  });
});

describe('issue 20, item 7: a list line of punctuation only names no department', () => {
  it('ignored with a warning; reports naming no department are not gathered under it', () => {
    mkdirSync(path.join(work, 'dash'));
    writeFileSync(path.join(work, 'dash', '年报甲.xlsx'), report(null, 1));
    writeFileSync(path.join(work, 'dash', '年报乙.xlsx'), report(null, 2));
    writeFileSync(path.join(work, 'dash.txt'), '某某县财政局\n—\n..\n某某县教育局\n');
    const r = rows(['check', 'dash', '--agencies', 'dash.txt', '--notices', 'dash-notices']);
    expect(r.stderr).toContain('单位名单第 2 行「—」不是单位名称（只有标点），已忽略');
    expect(r.stderr).toContain('单位名单第 3 行「..」不是单位名称（只有标点），已忽略');
    expect(r.rows.map((x) => x.department)).not.toContain('—');
    // One notice per file, never one holding both files' findings under "—".
    expect(readdirSync(path.join(work, 'dash-notices')).sort()).toEqual(['年报乙.xlsx-退回通知.html', '年报甲.xlsx-退回通知.html']);
    expect(parseAgencyList('—\n-\n.\n..\n…\n某某县财政局\n')).toEqual(['某某县财政局']);
  });
});

describe('issue 20, item 13: matching is near-linear in the list', () => {
  /** A list of n names and n/4 reports of them (a few unlisted, one a slip), judged: the time taken. */
  function judge(n: number): number {
    const names = Array.from({ length: n }, (_, i) => `某某县第${i}号管理服务中心`);
    const text = names.join('\n') + '\n';
    const results: FileResult[] = Array.from({ length: n / 4 }, (_, i) => ({
      path: `报表/${i}.xlsx`,
      status: 'checked',
      error: null,
      reports: [
        { sheet: 'S', format: '2021', year: 2025, agency: i % 50 ? names[i * 4] : `某某县第${i}号管理服务中新`, notes: [], findings: [] },
      ],
    }));
    const start = performance.now();
    const b = analyseBatch(
      results.map((result) => ({ result, mtime: 0 })),
      { lang: 'zh', year: 2025, agencies: parseAgencyList(text) },
    );
    const took = performance.now() - start;
    expect(b.listed).toBe(n);
    return took;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  it('8 times the names take well under 64 times as long (a quadratic match would)', () => {
    judge(500); // warm up
    const small = median([1, 2, 3].map(() => judge(500)));
    const large = median([1, 2, 3].map(() => judge(4000)));
    expect(large / small).toBeLessThan(24);
  });
});
