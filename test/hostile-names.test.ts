/**
 * Outputs that cannot be turned against their owner, and inputs listed by one rule (issue 20,
 * Outputs 1-6, Matching 8-10, 15, and its "Also" line). Each case runs the built command line on
 * workbooks written here and looks at what it wrote, what it left alone and what it said.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { consistentInputs } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

// Each case starts the command line several times: minutes on a loaded machine.
vi.setConfig({ testTimeout: 600_000 });

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');

function xxgk(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, ...env },
  });
  expect(r.error, `xxgk ${args.join(' ')}: ${String(r.error)}`).toBeUndefined();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000\u202e]/;

let dir: string;
/** A report that passes (某某县财政局) and one to send back (某某县教育局: a cell that is not a number). */
let good: Uint8Array;
let bad: Uint8Array;
/** 某某县教育局's report once corrected. */
let fixedBad: Uint8Array;

/** A report of `agency` that is sent back: one count written as words. */
async function failing(agency: string): Promise<Uint8Array> {
  const form = getForm('2021');
  const values = new Map<string, string | import('../core/model/decimal').Dec>(consistentInputs(form, 7));
  const first = [...values.keys()].find((k) => k.startsWith('T3'))!;
  values.set(first, '若干');
  return writeTemplate(form, { year: 2024, agency, values });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  dir = tempDir('xxgk-names-');
  const form = getForm('2021');
  good = await writeTemplate(form, { year: 2024, agency: '某某县财政局', values: consistentInputs(form, 3) });
  bad = await failing('某某县教育局');
  fixedBad = await writeTemplate(form, { year: 2024, agency: '某某县教育局', values: consistentInputs(form, 4) });
});

/** A fresh folder `name` holding the two reports (in `sub` of it when given). */
function work(name: string, sub = '') {
  const d = path.join(dir, name);
  fs.mkdirSync(path.join(d, sub), { recursive: true });
  fs.writeFileSync(path.join(d, sub, '财政局.xlsx'), good);
  fs.writeFileSync(path.join(d, sub, '教育局.xlsx'), bad);
  return d;
}

describe('1. a generated name is never written through a link', () => {
  it('check --notices and template --agencies leave the file a planted link points to', () => {
    const d = work('links', 'in');
    const victim = path.join(d, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    fs.mkdirSync(path.join(d, '退回'));
    fs.symlinkSync(victim, path.join(d, '退回', '某某县教育局-退回通知.html'));
    const c = xxgk(['check', 'in', '--notices', '退回'], d);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('退回通知文件夹「退回」中有不是本程序生成的退回通知的文件「某某县教育局-退回通知.html」');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');

    fs.writeFileSync(path.join(d, 'list.txt'), '某某县财政局\n某某县民政局\n');
    fs.mkdirSync(path.join(d, 'out'));
    fs.symlinkSync(victim, path.join(d, 'out', '某某县财政局.xlsx'));
    const t = xxgk(['template', '--year', '2025', '--agencies', 'list.txt', '-o', 'out'], d);
    expect(t.status).toBe(1);
    expect(t.stderr).toContain('单位「某某县财政局」的模板未能写出');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(d, 'out', '某某县财政局.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(d, 'out', '某某县民政局.xlsx'))).toBe(true);
  });
});

describe('2. template --agencies never replaces a file it did not just make', () => {
  it("keeps a department's filled-in report of the same name and says so", () => {
    const d = work('filled');
    fs.writeFileSync(path.join(d, 'list.txt'), '某某县财政局\n某某县教育局\n');
    fs.mkdirSync(path.join(d, 'out'));
    fs.writeFileSync(path.join(d, 'out', '某某县财政局.xlsx'), good);
    const before = sha(path.join(d, 'out', '某某县财政局.xlsx'));
    const r = xxgk(['template', '--year', '2025', '--agencies', 'list.txt', '-o', 'out'], d);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      '单位「某某县财政局」的模板未能写出：不能写到「out/某某县财政局.xlsx」：已有同名文件（不是本次生成的），未覆盖',
    );
    expect(sha(path.join(d, 'out', '某某县财政局.xlsx'))).toBe(before);
    expect(fs.existsSync(path.join(d, 'out', '某某县教育局.xlsx'))).toBe(true);
  });
});

describe("3. the product's own outputs are left out of a folder's inputs, a line each", () => {
  it('sum DIR -o DIR/汇总-v2.xlsx does not add the earlier total in again; check does not list it as a department', async () => {
    const d = work('totals');
    fs.writeFileSync(
      path.join(d, '教育局.xlsx'),
      await writeTemplate(getForm('2021'), { year: 2024, agency: '某某县教育局', values: consistentInputs(getForm('2021'), 4) }),
    );
    const first = xxgk(['sum', '.', '-o', '汇总.xlsx'], d);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('已汇总 2 份报告');
    const second = xxgk(['sum', '.', '-o', '汇总-v2.xlsx'], d);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('已汇总 2 份报告');
    expect(second.stderr).toContain('未读取「汇总.xlsx」：是本程序生成的汇总表');
    // The same totals: the earlier total was not summed in (its cells would be doubled).
    xxgk(['export', '汇总.xlsx', '-o', 'v1.json'], d);
    xxgk(['export', '汇总-v2.xlsx', '-o', 'v2.json'], d);
    expect(JSON.parse(fs.readFileSync(path.join(d, 'v2.json'), 'utf8')).tables).toEqual(
      JSON.parse(fs.readFileSync(path.join(d, 'v1.json'), 'utf8')).tables,
    );
    // A total made before the mark is known by its appendix sheet.
    const old = await writeTemplate(getForm('2021'), {
      year: 2024,
      values: consistentInputs(getForm('2021'), 5),
      extraSheets: [{ name: '汇总明细', rows: [['序号', '文件']] }],
    });
    fs.writeFileSync(path.join(d, '旧汇总.xlsx'), old);
    xxgk(['check', '财政局.xlsx', '--report', '报告.xlsx'], d);
    xxgk(['check', '财政局.xlsx', '--report', '报告.csv'], d);
    const c = xxgk(['check', '.'], d);
    expect(c.stdout).toContain('合计：2 个文件');
    for (const [f, kind] of [
      ['汇总.xlsx', '汇总表'],
      ['汇总-v2.xlsx', '汇总表'],
      ['旧汇总.xlsx', '汇总表'],
      ['报告.xlsx', '检查报告'],
      ['报告.csv', '检查报告'],
      ['v1.json', '导出的表格'],
    ])
      expect(c.stdout).toContain(`未读取「${f}」：是本程序生成的${kind}`);
    // Named on the command line, a total is read (a city sums its counties' totals).
    const named = xxgk(['sum', '汇总.xlsx', '财政局.xlsx', '-o', '市汇总.xlsx'], d);
    expect(named.stdout).toContain('已汇总 2 份报告');
  });
});

describe('4. the notices folder holds exactly this run’s notices', () => {
  it('inside the checked folder: reruns neither check the notices nor pile them up; a fixed department loses its notice', () => {
    const d = work('rerun');
    for (let i = 0; i < 2; i++) {
      const r = xxgk(['check', '.', '--notices', '退回'], d);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('合计：2 个文件');
      expect(fs.readdirSync(path.join(d, '退回'))).toEqual(['某某县教育局-退回通知.html']);
    }
    fs.writeFileSync(path.join(d, '教育局.xlsx'), fixedBad);
    const fixed = xxgk(['check', '教育局.xlsx', '--notices', '退回'], d);
    expect(fixed.status).toBe(0);
    expect(fs.readdirSync(path.join(d, '退回'))).toEqual([]);
    expect(fs.readdirSync(d).filter((n) => n.includes('xxgk-'))).toEqual([]);
  });

  it('a folder holding other files is refused before the work, and kept', () => {
    const d = work('foreign');
    fs.mkdirSync(path.join(d, 'n'));
    fs.writeFileSync(path.join(d, 'n', '说明.docx'), 'mine');
    const r = xxgk(['check', '财政局.xlsx', '--notices', 'n', '--lang', 'en'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the notices folder n holds 说明.docx, which is not a send-back notice made by xxgk');
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(d, 'n', '说明.docx'), 'utf8')).toBe('mine');
  });
});

describe('5. a destination that cannot be made is said before the work, with its real cause', () => {
  it('a notices folder, a templates folder and the temporary folder of check', () => {
    const d = work('cannot');
    // /sys refuses new folders even to root (a permission test alone would pass root).
    const n = xxgk(['check', '.', '--notices', '/sys/xxgk-notices'], d);
    expect(n.status).toBe(2);
    expect(n.stderr).toBe('xxgk: 无法建立文件夹「/sys/xxgk-notices」：没有访问权限；未做任何处理\n');
    expect(n.stdout).toBe('');
    fs.writeFileSync(path.join(d, 'list.txt'), '某某县财政局\n');
    const t = xxgk(['template', '--year', '2025', '--agencies', 'list.txt', '-o', '/sys/xxgk-out'], d);
    expect(t.status).toBe(2);
    expect(t.stderr).toBe('xxgk: 无法建立文件夹「/sys/xxgk-out」：没有访问权限；未做任何处理\n');
    for (const tmp of ['/nonexistent-xxgk', '/sys']) {
      const s = xxgk(['check', '.'], d, { TMPDIR: tmp });
      expect(s.status, tmp).toBe(2);
      expect(s.stderr, tmp).toMatch(
        new RegExp(`^xxgk: 无法在临时文件夹「${tmp}」中存放检查结果：(不存在|没有访问权限)（可用环境变量 TMPDIR`),
      );
      expect(s.stderr).not.toMatch(/内部错误|ENOENT|EACCES/);
    }
  });
});

describe('6. notice names within 255 bytes, sheet names Excel takes, no raw controls in reports', () => {
  it('an 80-character department, apostrophes, NUL and U+202E', async () => {
    const d = path.join(dir, 'names');
    fs.mkdirSync(d);
    const long = `${'某'.repeat(78)}县局`; // 240 bytes: with "-退回通知.html" 254, and "(2)" over
    fs.writeFileSync(path.join(d, 'long.xlsx'), await failing(long));
    fs.writeFileSync(path.join(d, 'long2.xlsx'), await failing(`${long}`));
    fs.writeFileSync(path.join(d, "'quoted.xlsx"), await failing("'某某县审计局"));
    fs.writeFileSync(path.join(d, `${'a'.repeat(27)}'b.xlsx`), await failing('某某县统计局'));
    fs.writeFileSync(path.join(d, 'rlo.xlsx'), await failing('某某县\u202e局'));
    fs.writeFileSync(path.join(dir, 'names-list.txt'), `${long}\n'某某县审计局\n某某县统计局\n某某县\u202e局\n某某县\u0000水利局\n`);
    for (const format of ['html', 'xlsx']) {
      const r = xxgk(
        [
          'check',
          '.',
          '--agencies',
          '../names-list.txt',
          '--notices',
          `n-${format}`,
          '--notices-format',
          format,
          '--report',
          `r.${format === 'html' ? 'csv' : 'html'}`,
        ],
        d,
      );
      expect(r.stderr, format).not.toMatch(/内部错误|未能写出/);
      const names = fs.readdirSync(path.join(d, `n-${format}`));
      expect(names.length, format).toBe(4);
      for (const n of names) {
        expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
        expect(n).not.toMatch(RAW);
      }
    }
    for (const f of ['r.csv', 'r.html', ...fs.readdirSync(path.join(d, 'n-html')).map((n) => path.join('n-html', n))])
      expect(fs.readFileSync(path.join(d, f), 'utf8'), f).not.toMatch(RAW);
    expect(fs.readFileSync(path.join(d, 'r.html'), 'utf8')).toContain('某某县\\u0000水利局');
  });
});

describe('8. names that are not UTF-8 are read by their bytes and shown decoded', () => {
  it('a GBK file name from a Windows archive is checked, summed and said', () => {
    const d = path.join(dir, 'gbk');
    fs.mkdirSync(d);
    const name = Buffer.from([0xb2, 0xc6, 0xd5, 0xfe, 0xbe, 0xd6, 0x2e, 0x78, 0x6c, 0x73, 0x78]); // 财政局.xlsx in GBK
    fs.writeFileSync(Buffer.concat([Buffer.from(`${d}/`), name]), good);
    const c = xxgk(['check', '.', '--notices', 'n'], d);
    expect(c.status, c.stdout).toBe(0);
    expect(c.stdout).toContain('✓ 财政局.xlsx');
    expect(c.stdout).toContain('文件名「财政局.xlsx」不是 UTF-8 编码，按 GBK 解码显示');
    expect(c.stdout).not.toContain('无法读取「');
    const s = xxgk(['sum', '.', '-o', 'total.xlsx'], d);
    expect(s.stdout).toContain('已汇总 1 份报告');
  });
});

describe('9. every entry of a folder gets a line', () => {
  it('a pipe and a socket are named, with what they are', async () => {
    const d = work('special');
    execFileSync('mkfifo', [path.join(d, 'pipe.xlsx')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(d, 'sock.xlsx'), resolve));
    try {
      const r = xxgk(['check', '.'], d);
      expect(r.stdout).toContain('合计：2 个文件');
      expect(r.stdout).toContain('未读取「pipe.xlsx」：是管道，不是普通文件');
      expect(r.stdout).toContain('未读取「sock.xlsx」：是套接字，不是普通文件');
    } finally {
      server.close();
    }
  });
});

describe('10. one rule for hidden and lock names: named on the command line, read; in a folder, left out and said', () => {
  it('.x.xlsx and ~$x.xlsx in every command', () => {
    const d = work('hidden');
    fs.writeFileSync(path.join(d, '.x.xlsx'), good);
    fs.writeFileSync(path.join(d, '~$x.xlsx'), good);
    for (const f of ['.x.xlsx', '~$x.xlsx']) {
      expect(xxgk(['export', f, '-o', `${f}.json`], d).status, f).toBe(0);
      expect(xxgk(['fill', f, '-o', `${f}-filled.xlsx`], d).status, f).toBe(0);
      expect(xxgk(['import', f], d).status, f).toBe(0);
      expect(xxgk(['sum', f, '-o', `${f}-sum.xlsx`], d).stdout, f).toContain('已汇总 1 份报告');
      const c = xxgk(['check', f], d);
      expect(c.status, f).toBe(0);
      expect(c.stdout, f).toContain('合计：1 个文件');
    }
    const s = xxgk(['sum', '.', '-o', 'all.xlsx', '--allow-errors', '--force'], d);
    expect(s.stderr).toContain('未读取「.x.xlsx」：隐藏文件');
    expect(s.stderr).toContain('未读取「~$x.xlsx」：Office 临时锁定文件');
  });
});

describe('15 and Also: a closed pipe ends the command quietly; a stopped run leaves no temporary folder', () => {
  it('xxgk import F | true and xxgk check DIR | true print no stack trace', () => {
    const d = work('pipe');
    fs.copyFileSync(path.join(root, 'examples', 'shunhe-2020-report.txt'), path.join(d, 'r.txt'));
    for (const cmd of [`import r.txt`, `check .`]) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${cmd} | true`], { cwd: d, encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr, cmd).toBe('');
    }
  });

  it('SIGTERM during check --notices removes the hidden folder the notices were being made in', async () => {
    const d = work('term');
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(d, `more${i}.xlsx`), good);
    const child = spawn(process.execPath, [bin, 'check', '.', '--notices', 'n', '--jobs', '1'], { cwd: d, stdio: 'ignore' });
    const ours = () => fs.readdirSync(d).filter((n) => n.includes('.xxgk-'));
    const started = Date.now();
    while (!ours().length && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    expect(ours().length).toBe(1);
    child.kill('SIGTERM');
    const code = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, sig) => resolve(sig)));
    expect(code).toBe('SIGTERM');
    expect(ours()).toEqual([]);
  });
});
