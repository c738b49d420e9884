/**
 * Careless and hostile outputs and inputs, in every command (issue 8, items 1-4, 7, 9, 15, 16).
 * Each case builds its own input (workbooks written here, device nodes, pipes, links, long names),
 * runs the built command line with a time limit, and hashes every input before and after.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { bookBytes, reportSheets } from './helpers/workbooks';
import { consistentInputs } from './helpers/synthetic';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');

/** The built command line, never longer than 60 s (a pipe that blocks would show as a timeout). */
function xxgk(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  expect(r.error, `xxgk ${args.join(' ')}: ${String(r.error)}`).toBeUndefined();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const hashes = (files: string[]) => Object.fromEntries(files.map((f) => [f, sha(f)]));

/** One line on stderr (plus nothing but the usage after it), no stack trace, no raw Node error code. */
function oneLine(stderr: string): string {
  const first = stderr.split('\n')[0];
  expect(stderr).not.toMatch(/\n\s+at |Error:|E[A-Z]{3,}\b/);
  expect(first).toMatch(/^xxgk: /);
  return first;
}

let dir: string;
let clean: string; // a clean report workbook
let clean2: string;
let text: string; // a published report as text

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  dir = fs.mkdtempSync(path.join(tmpdir(), 'xxgk-hostile-'));
  const form = getForm('2021');
  clean = path.join(dir, 'a.xlsx');
  fs.writeFileSync(clean, await writeTemplate(form, { year: 2024, agency: '某某县财政局', values: consistentInputs(form, 3) }));
  clean2 = path.join(dir, 'b.xlsx');
  fs.writeFileSync(clean2, await writeTemplate(form, { year: 2024, agency: '某某县教育局', values: consistentInputs(form, 4) }));
  text = path.join(dir, 'r.txt');
  fs.copyFileSync(path.join(root, 'examples', 'shunhe-2020-report.txt'), text);
});

/** A fresh folder holding copies of the clean inputs, and their hashes. */
function work(name: string) {
  const d = path.join(dir, name);
  fs.mkdirSync(d);
  const a = path.join(d, 'a.xlsx');
  const b = path.join(d, 'b.xlsx');
  const t = path.join(d, 'r.txt');
  fs.copyFileSync(clean, a);
  fs.copyFileSync(clean2, b);
  fs.copyFileSync(text, t);
  return { d, a, b, t, before: hashes([a, b, t]) };
}

describe('1. an output never replaces an input (by device and inode, whatever the spelling)', () => {
  it('is refused with status 2 and one line, in every command, the inputs unchanged', () => {
    const w = work('same');
    fs.symlinkSync(w.a, path.join(w.d, 'link-to-a.xlsx'));
    fs.linkSync(w.b, path.join(w.d, 'hard-b.xlsx'));
    fs.symlinkSync(w.t, path.join(w.d, 'link-to-t.xlsx'));
    fs.writeFileSync(path.join(w.d, 'list.txt'), '某某县财政局\n');
    const cases: string[][] = [
      ['check', 'a.xlsx', '--report', 'a.xlsx'],
      ['check', '.', '--report', 'link-to-a.xlsx'],
      ['check', 'b.xlsx', '--report', './hard-b.xlsx'],
      ['export', 'a.xlsx', '--to', 'json', '-o', 'a.xlsx'],
      ['export', 'a.xlsx', '--to', 'xlsx', '-o', 'link-to-a.xlsx'],
      ['fill', 'a.xlsx', '-o', `${w.d}/a.xlsx`],
      ['fill', 'a.xlsx', '--prior', 'b.xlsx', '-o', 'hard-b.xlsx'],
      ['sum', 'a.xlsx', 'b.xlsx', '-o', 'b.xlsx'],
      ['sum', '.', '-o', 'link-to-a.xlsx'],
      ['template', '--year', '2025', '--from', 'a.xlsx', '-o', 'a.xlsx'],
      ['import', 'r.txt', '-o', 'link-to-t.xlsx'],
    ];
    for (const args of cases) {
      const r = xxgk([...args, '--lang', 'en'], w.d);
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr), args.join(' ')).toMatch(/is the input file .*nothing done$/);
    }
    // --agencies into the folder of --from: 某某县财政局.xlsx would replace last year's file.
    fs.copyFileSync(w.a, path.join(w.d, '某某县财政局.xlsx'));
    const prior = path.join(w.d, '某某县财政局.xlsx');
    const priorHash = sha(prior);
    const r = xxgk(['template', '--year', '2025', '--agencies', 'list.txt', '--from', '.', '-o', '.'], w.d);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toContain('就是输入文件');
    expect(sha(prior)).toBe(priorHash);
    expect(hashes([w.a, w.b, w.t])).toEqual(w.before);
    expect(fs.lstatSync(path.join(w.d, 'link-to-a.xlsx')).isSymbolicLink()).toBe(true);
  });
});

describe('2. never rename over something that is not a regular file', () => {
  it('writes through /dev/null, reports /dev/full as a full disk, and leaves both devices', () => {
    const w = work('devices');
    const ok = xxgk(['export', 'a.xlsx', '--to', 'json', '-o', '/dev/null'], w.d);
    expect(ok.status).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    const full = xxgk(['export', 'a.xlsx', '--to', 'json', '-o', '/dev/full', '--lang', 'en'], w.d);
    expect(full.status).toBe(1);
    expect(oneLine(full.stderr)).toBe('xxgk: cannot write /dev/full: the disk is full');
    for (const args of [
      ['fill', 'a.xlsx', '-o', '/dev/full'],
      ['sum', 'a.xlsx', 'b.xlsx', '-o', '/dev/full'],
      ['template', '--year', '2025', '-o', '/dev/full'],
    ]) {
      const r = xxgk(args, w.d);
      expect(r.status, args.join(' ')).toBe(1);
      expect(oneLine(r.stderr), args.join(' ')).toBe('xxgk: 无法写出「/dev/full」：磁盘空间已满');
    }
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(hashes([w.a, w.b, w.t])).toEqual(w.before);
  });

  it('refuses a pipe (without waiting on it), a link to nothing and a folder; follows a link to a file, keeping the link', () => {
    const w = work('special');
    execFileSync('mkfifo', [path.join(w.d, 'pipe.json')]);
    const pipe = xxgk(['export', 'a.xlsx', '-o', 'pipe.json', '--lang', 'en'], w.d);
    expect(pipe.status).toBe(2);
    expect(oneLine(pipe.stderr)).toBe('xxgk: will not write to pipe.json: it is a pipe, not a regular file; nothing done');
    fs.symlinkSync(path.join(w.d, 'nowhere', 'x.json'), path.join(w.d, 'dangling.json'));
    const dangling = xxgk(['export', 'a.xlsx', '-o', 'dangling.json', '--lang', 'en'], w.d);
    expect(dangling.status).toBe(2);
    expect(oneLine(dangling.stderr)).toContain('a symbolic link to nothing');
    fs.mkdirSync(path.join(w.d, 'folder.json'));
    expect(xxgk(['export', 'a.xlsx', '-o', 'folder.json'], w.d).status).toBe(2);

    const real = path.join(w.d, 'real.json');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, path.join(w.d, 'via-link.json'));
    expect(xxgk(['export', 'a.xlsx', '-o', 'via-link.json'], w.d).status).toBe(0);
    expect(fs.lstatSync(path.join(w.d, 'via-link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, 'utf8')).agency).toBe('某某县财政局');
    expect(hashes([w.a, w.b, w.t])).toEqual(w.before);
  });

  it("keeps the replaced file's mode (0600 stays 0600) in every command that writes", () => {
    const w = work('modes');
    const outs: [string, string[]][] = [
      ['e.json', ['export', 'a.xlsx', '-o', 'e.json']],
      ['f.xlsx', ['fill', 'a.xlsx', '-o', 'f.xlsx']],
      ['s.xlsx', ['sum', 'a.xlsx', 'b.xlsx', '-o', 's.xlsx']],
      ['t.xlsx', ['template', '--year', '2025', '-o', 't.xlsx']],
      ['i.xlsx', ['import', 'r.txt', '-o', 'i.xlsx']],
      ['c.csv', ['check', 'a.xlsx', '--report', 'c.csv']],
    ];
    for (const [name, args] of outs) {
      const p = path.join(w.d, name);
      fs.writeFileSync(p, 'secret');
      fs.chmodSync(p, 0o600);
      const r = xxgk(args, w.d);
      expect(r.status === 0 || (args[0] === 'import' && r.status === 1), `${args.join(' ')}: ${r.stderr}`).toBe(true);
      expect(fs.readFileSync(p, 'utf8')).not.toBe('secret');
      expect(fs.statSync(p).mode & 0o777, name).toBe(0o600);
    }
    expect(hashes([w.a, w.b, w.t])).toEqual(w.before);
  });
});

describe('3. a report that cannot be written loses nothing', () => {
  it('checks the destination before the work: missing folder, a folder standing there, a file as folder', () => {
    const w = work('dest');
    fs.mkdirSync(path.join(w.d, 'r.xlsx'));
    for (const [report, why] of [
      ['missing/r.xlsx', /its folder .*missing does not exist/],
      ['r.xlsx', /it is a folder, not a file/],
      ['a.xlsx/r.csv', /a part of the path is not a folder/],
    ] as const) {
      const r = xxgk(['check', 'a.xlsx', '--report', report, '--lang', 'en'], w.d);
      expect(r.status, report).toBe(2);
      expect(oneLine(r.stderr), report).toMatch(why);
    }
    expect(hashes([w.a, w.b, w.t])).toEqual(w.before);
  });

  it('prints the results when the report still cannot be written (a full disk), says why in one line, status 1', () => {
    const w = work('full');
    fs.symlinkSync('/dev/full', path.join(w.d, 'report.csv'));
    const r = xxgk(['check', 'a.xlsx', 'b.xlsx', '--report', 'report.csv'], w.d);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/合计：2 个文件，2 份报告。.*通过 2/);
    expect(oneLine(r.stderr)).toBe('xxgk: 检查结果见上，但报告「report.csv」未能写出：磁盘空间已满');
    const j = xxgk(['check', 'a.xlsx', '--report', 'report.csv', '--json'], w.d);
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout).summary.clean).toBe(1);
    // A run that fails to import writes nothing but still shows what it read.
    fs.symlinkSync('/dev/full', path.join(w.d, 'full.xlsx'));
    const i = xxgk(['import', 'r.txt', '-o', 'full.xlsx'], w.d);
    expect(i.stdout).toContain('格式 2019');
    expect(i.status).toBe(1);
    expect(hashes([w.a, w.b, w.t])).toEqual(w.before);
  });

  it("removes its own temporary files left by a killed run, and nobody else's", () => {
    const w = work('stale');
    // A process id that is surely gone: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = path.join(w.d, `.report.csv.xxgk-${dead}-0badf00d.tmp`);
    const foreign = path.join(w.d, '.report.csv.something.tmp');
    fs.writeFileSync(stale, 'half a report');
    fs.writeFileSync(foreign, 'not ours');
    expect(xxgk(['check', 'a.xlsx', '--report', 'report.csv'], w.d).status).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readFileSync(foreign, 'utf8')).toBe('not ours');
    expect(fs.readdirSync(w.d).filter((n) => n.includes('xxgk-'))).toEqual([]);
  });
});

describe('4. long names', () => {
  it('writes a legal 253-byte output name (the temporary name is shortened by bytes)', () => {
    const w = work('long');
    const name = `${'报'.repeat(83)}.csv`; // 249 + 4 bytes
    expect(Buffer.byteLength(name)).toBe(253);
    const r = xxgk(['check', 'a.xlsx', '--report', name], w.d);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(w.d, name), 'utf8')).toContain('文件');
    const tooLong = xxgk(['export', 'a.xlsx', '-o', `${'报'.repeat(90)}.json`, '--lang', 'en'], w.d);
    expect(tooLong.status).toBe(2);
    expect(oneLine(tooLong.stderr)).toContain('the file name or path is too long');
  });

  it('template --agencies: a name that cannot be written is reported, the others are written, status 1', () => {
    const w = work('agencies');
    const emoji = '🏛'.repeat(100); // 400 bytes: cut to a legal file name
    fs.writeFileSync(path.join(w.d, 'list.txt'), `某某县财政局\n${emoji}\n某某县教育局\n某某县民政局\n`);
    fs.mkdirSync(path.join(w.d, 'out', '某某县教育局.xlsx'), { recursive: true }); // a folder where a file goes
    const r = xxgk(['template', '--year', '2025', '--agencies', 'list.txt', '-o', 'out'], w.d);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('单位「某某县教育局」的模板未能写出');
    expect(r.stdout).toContain('已生成 3 个模板');
    const files = fs.readdirSync(path.join(w.d, 'out')).sort();
    expect(files).toContain('某某县财政局.xlsx');
    expect(files).toContain('某某县民政局.xlsx');
    const long = files.find((f) => f.startsWith('🏛'))!;
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
  });
});

describe('7. every command reads only regular files, within the same limits as check', () => {
  it('refuses devices, pipes and links to them quickly, naming the file, in every command', () => {
    const w = work('inputs');
    fs.symlinkSync('/dev/zero', path.join(w.d, 'zero.xlsx'));
    fs.symlinkSync('/dev/zero', path.join(w.d, 'zero.txt'));
    execFileSync('mkfifo', [path.join(w.d, 'fifo.xlsx')]);
    const started = Date.now();
    const cases: [string[], RegExp][] = [
      [['check', '/dev/zero', '--lang', 'en'], /cannot read \/dev\/zero: it is a device, not a regular file/],
      [['check', 'fifo.xlsx', '--lang', 'en'], /cannot read fifo.xlsx: it is a pipe, not a regular file/],
      [['export', 'zero.xlsx', '-o', 'x.json', '--lang', 'en'], /cannot read zero.xlsx: it is a device/],
      [['fill', 'zero.xlsx', '-o', 'x.xlsx', '--lang', 'en'], /cannot read zero.xlsx: it is a device/],
      [['sum', 'a.xlsx', 'zero.xlsx', '-o', 'x.xlsx', '--lang', 'en'], /cannot read zero.xlsx: it is a device/],
      [['import', 'zero.txt', '--lang', 'en'], /cannot read zero.txt: it is a device/],
      [['import', 'fifo.xlsx', '--lang', 'en'], /cannot read fifo.xlsx: it is a pipe/],
      [['template', '--year', '2025', '--from', 'zero.xlsx', '-o', 'x.xlsx', '--lang', 'en'], /cannot read zero.xlsx: it is a device/],
    ];
    for (const [args, why] of cases) {
      const r = xxgk(args, w.d);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(why);
      expect(r.stdout + r.stderr).not.toMatch(/EISDIR|ENOENT/);
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(fs.existsSync(path.join(w.d, 'x.json'))).toBe(false);
    const j = JSON.parse(xxgk(['check', 'zero.xlsx', '--json'], w.d).stdout);
    expect(j.files[0].error.code).toBe('not_regular');
  });

  it('import of a 200 MB text is refused by its size before it is read', () => {
    const w = work('huge');
    const big = path.join(w.d, 'big.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: no disk used
    const started = Date.now();
    const r = xxgk(['import', 'big.txt', '--lang', 'en'], w.d);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/big.txt is too large/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('9. --jobs is bounded by the machine', () => {
  it('says so when --jobs 1000 is clamped, and checks every file', () => {
    const w = work('jobs');
    const r = xxgk(['check', 'a.xlsx', 'b.xlsx', '--jobs', '1000', '--lang', 'en'], w.d);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /--jobs 1000 is more than this machine can run \(\d+ processors, memory for \d+ checking processes\): running \d+/,
    );
    expect(r.stdout).toMatch(/Total: 2 files, 2 reports\..*passed 2/);
  });
});

describe('15. messages name the real cause', () => {
  it('export of a folder, --rules of a folder, rules --format 1999, and --help of check and rules', () => {
    const w = work('causes');
    const exp = xxgk(['export', '.', '-o', 'x.json', '--lang', 'en'], w.d);
    expect(exp.status).toBe(2);
    expect(oneLine(exp.stderr)).toBe('xxgk: . is a folder: give one file in it');
    expect(exp.stderr).not.toContain('--sheet');
    const rules = xxgk(['check', 'a.xlsx', '--rules', '.', '--lang', 'en'], w.d);
    expect(rules.status).toBe(2);
    expect(oneLine(rules.stderr)).toBe('xxgk: cannot read .: it is a folder, not a file');
    const fmt = xxgk(['rules', '--format', '1999'], w.d);
    expect(fmt.status).toBe(2);
    expect(oneLine(fmt.stderr)).toBe('xxgk: 没有「1999」格式（可用：2019, 2021）');
    for (const cmd of ['check', 'rules', 'export', 'fill', 'sum', 'template', 'import']) {
      const h = xxgk([cmd, '--help'], w.d);
      expect(h.status, cmd).toBe(0);
      expect(h.stdout, cmd).toMatch(new RegExp(`^用法：xxgk ${cmd} `));
    }
  });
});

describe('16. control characters from files never reach the terminal raw', () => {
  // ESC c resets a terminal, ESC ]0; retitles it, CSI (0x9B) 2J clears it, U+202E reverses the line.
  const agency = '某某县\u001b]0;pwn\u0007财政\u009b2J局\u202e';
  const sheet = '年报\u001bc\u0007';
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('in cells, sheet names and file names, in every command, text and JSON', async () => {
    const w = work('controls');
    const hostile = `x\u001b[2J\u009b31m\n✓ clean.xlsx`;
    fs.writeFileSync(path.join(w.d, hostile), bookBytes(reportSheets({ format: '2021', year: 2024, agency, sheetName: sheet }).sheets));
    const form = getForm('2021');
    fs.writeFileSync(path.join(w.d, 'c.xlsx'), await writeTemplate(form, { year: 2024, agency, values: consistentInputs(form, 5) }));
    fs.writeFileSync(path.join(w.d, 't.txt'), fs.readFileSync(w.t, 'utf8').replace('政务服务和大数据管理局', agency));
    const runs: string[][] = [
      ['check', '.'],
      ['check', '.', '--lang', 'en'],
      ['export', hostile, '--to', 'json', '-o', `${hostile}.json`, '--allow-errors'],
      ['export', 'c.xlsx', '--to', 'json', '-o', `out\u001b[2J.json`],
      ['fill', hostile, '-o', `${hostile}-filled.xlsx`],
      ['fill', 'c.xlsx', '-o', 'f.xlsx', '--json'],
      ['sum', 'c.xlsx', hostile, '-o', 's.xlsx', '--allow-errors', '--force'],
      ['template', '--year', '2025', '--agency', agency, '-o', `t\u001b[2J.xlsx`],
      ['import', 't.txt'],
      ['import', 't.txt', '--json'],
      ['\u001b[2Jnope'],
      ['check', `missing\u001b[2J.xlsx`],
      ['export', 'c.xlsx', `--to\u001b[2J`],
    ];
    for (const args of runs) {
      const r = xxgk(args, w.d);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW);
      expect(r.stderr, args.join(' ')).not.toMatch(RAW);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/^✓ clean\.xlsx/m); // a name cannot fake a line
    }
    const text = xxgk(['check', 'c.xlsx'], w.d).stdout;
    expect(text).toContain('财政\\x9B2J局\\u202E'); // (the workbook writer drops ESC and BEL itself)
    const doc = JSON.parse(xxgk(['check', hostile, '--json'], w.d).stdout);
    expect(doc.files[0].path).toBe(hostile); // JSON keeps the exact text, escaped
    expect(doc.files[0].reports[0].sheet).toBe(sheet);
    expect(doc.files[0].reports[0].agency).toBe(agency);
  });
});
