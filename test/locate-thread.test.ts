/**
 * Issue 22: with `--jobs 2` and no second process to share the batch with (two processors), a
 * thread reads and locates each file ahead of the main process, which checks it
 * (cli/locate-thread.ts). The verdicts and findings are those of one thread alone, for every kind
 * of file a batch holds (good, wrong, unreadable, needing limits, named in GBK), and a file the
 * thread spends too long on is stopped and reported as without it. Threads are counted by a
 * preload (NODE_OPTIONS reaches worker threads and children too).
 */
import { copyFileSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'fs';
import { besideThread } from '../cli/pool';
import { checkData, checkReports, locateDataRead } from '../core/checkfile';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { countedCheck } from './helpers/counted-check';
import { bookBytes, reportSheets } from './helpers/workbooks';

const root = path.join(__dirname, '..');

/** Runs check; the processes and worker threads it took. */
const run = (args: string[], env: Record<string, string> = {}) => countedCheck(args, env);

/** A batch with every kind of outcome: good and wrong workbooks, the examples, garbage, an empty file, a file needing limits, a GBK name. */
function batch(): string {
  const dir = tempDir('xxgk-thread-batch-');
  for (let i = 0; i < 12; i++) {
    const values = balancedValues('2021', i + 1);
    // Every fourth one wrong: a figure of 表三 off by 7, which its totals no longer add up to.
    if (i % 4 === 1) {
      const id = Object.keys(values).find((k) => k.startsWith('T3:R3.1:') && !k.endsWith(':total'))!;
      values[id] = Number(values[id]) + 7;
    }
    writeFileSync(
      path.join(dir, `r${String(i).padStart(2, '0')}.xlsx`),
      bookBytes(reportSheets({ format: '2021', year: 2024, agency: `某某县第${i + 1}局`, values }).sheets),
    );
  }
  const examples = path.join(root, 'examples');
  for (const f of ['某某县教育局-2024-有错误.xlsx', '某某县民政局-2020.xls', '某某县卫健委-2025-WPS.xlsx', 'shunhe-2020-report.txt'])
    copyFileSync(path.join(examples, f), path.join(dir, `x-${f}`));
  writeFileSync(path.join(dir, 'garbage.xlsx'), Buffer.from('PK\u0003\u0004 not really a zip'));
  writeFileSync(path.join(dir, 'empty.xls'), '');
  writeFileSync(path.join(dir, 'notes.txt'), '这不是报表，只是一段说明。\n');
  writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(1_100_000, '1,2,3,4\n'));
  // A name written in GBK bytes (as unzip leaves a Windows archive): opened by its bytes in the thread too.
  writeFileSync(
    Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('.xlsx')]),
    readFileSync(path.join(dir, 'r00.xlsx')),
  );
  return dir;
}

describe('a locating thread beside the checking process (issue 22)', () => {
  it('gives the verdicts and findings of one thread alone, for every kind of file', () => {
    const dir = batch();
    const alone = run([dir, '--jobs', '1']);
    const beside = run([dir, '--jobs', '2'], { XXGK_LOCATE_THREAD: '1' });
    // Where the machine has two processors or more (jobs is never more than the processors).
    if (beside.threads === 0) expect(alone.doc.files.length).toBeGreaterThan(0);
    else expect(beside.threads).toBe(1);
    expect(alone.threads).toBe(0);
    // The file needing limits went to a child either way.
    expect(alone.processes).toBe(2);
    expect(beside.processes).toBe(2);
    expect(beside.doc.files).toEqual(alone.doc.files);
    expect(beside.doc.summary).toEqual(alone.doc.summary);
    const statuses = new Set(alone.doc.files.map((f) => f.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['checked', 'unreadable']));
    expect(alone.doc.files.some((f) => f.reports.some((r) => r.findings.some((x) => x.severity === 'error')))).toBe(true);
    expect(
      alone.doc.files.filter((f) => f.reports.some((r) => r.findings.some((x) => x.severity === 'error'))).length,
    ).toBeGreaterThanOrEqual(4);
    expect(alone.doc.files.find((f) => f.path.endsWith('测试.xlsx'))?.status).toBe('checked');
  }, 300_000);

  it('finishes a batch with no checking process beside it, every time', () => {
    const dir = batch();
    unlinkSync(path.join(dir, 'big.txt'));
    const alone = run([dir, '--jobs', '1']);
    for (let round = 0; round < 3; round++) {
      const beside = run([dir, '--jobs', '2'], { XXGK_LOCATE_THREAD: '1' });
      expect(beside.processes).toBe(1);
      expect(beside.doc.files).toEqual(alone.doc.files);
    }
  }, 300_000);

  it('stops a file the thread spends too long on, reports it as too slow and checks the rest without the thread', () => {
    const dir = batch();
    const usual = run([dir, '--jobs', '1']);
    // A limit no workbook is read within: what the thread is found on past it is stopped (a file done sooner keeps its result).
    const beside = run([dir, '--jobs', '2'], { XXGK_FILE_SECONDS: '0.0001', XXGK_LOCATE_THREAD: '1' });
    expect(beside.doc.files.map((f) => f.path)).toEqual(usual.doc.files.map((f) => f.path));
    beside.doc.files.forEach((f, i) => {
      if (f.error?.code === 'too_slow') expect(f.error.message).toContain(f.path);
      else expect(f).toEqual(usual.doc.files[i]);
    });
    expect(beside.doc.files.filter((f) => f.error?.code === 'too_slow').length).toBeGreaterThan(10);
  }, 300_000);

  it("splits core's synchronous check in two halves that give its result", () => {
    const dir = batch();
    for (const name of readdirSync(dir).filter((n) => !n.startsWith('big') && !n.includes('\uFFFD'))) {
      const bytes = readFileSync(path.join(dir, name));
      const halves = locateDataRead(bytes, name, { lang: 'en' });
      const joined = 'result' in halves ? halves.result : checkReports(halves.reports, name, { lang: 'en' });
      expect(joined, name).toEqual(checkData(bytes, name, { lang: 'en' }));
    }
  });

  it('is used for batches large enough to pay for its start, unless told', () => {
    const was = process.env.XXGK_LOCATE_THREAD;
    delete process.env.XXGK_LOCATE_THREAD;
    try {
      expect(besideThread(10)).toBe(false);
      expect(besideThread(600)).toBe(true);
      process.env.XXGK_LOCATE_THREAD = '0';
      expect(besideThread(600)).toBe(false);
      process.env.XXGK_LOCATE_THREAD = '1';
      expect(besideThread(1)).toBe(true);
    } finally {
      if (was === undefined) delete process.env.XXGK_LOCATE_THREAD;
      else process.env.XXGK_LOCATE_THREAD = was;
    }
  });
});
