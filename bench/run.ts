/**
 * npm run bench — speed and memory as ratios against a baseline measured in the same run.
 *   1. checking a workbook vs only opening and reading it with the reading library (target ≤ 1.5×)
 *   2. files per second with --jobs 2 vs --jobs 1 (target ≥ 1.6× on 2 cores)
 *   3. peak memory of `xxgk check` over 5,000 files (target flat, < 300 MB)
 *   4. writing 1,000 templates vs exceljs writing the same cells unstyled (target ≤ 2×)
 *   5. the task pane's first-load JavaScript, gzipped (target < 350 KB), where the add-in is built
 *   6. the soak: 20,000 files with 2 % hostile ones, --jobs 1 and 2: flat memory, exact counts (bench/soak.ts)
 *   7. reading and checking a Word and a PDF report vs only extracting their raw text (bench/documents.ts)
 *   8. whole commands vs a script that only reads the files: a folder, one file, --jobs 2 (bench/commands.ts)
 * Set BENCH_FILES to change the bulk size (default 5000).
 */
import { spawn } from 'child_process';
import { Worker } from 'worker_threads';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { checkData } from '../core/checkfile';

const root = path.join(__dirname, '..', '..', '..');
const examples = path.join(root, 'examples');
const line = (s: string) => process.stdout.write(s + '\n');

function timeIt(fn: () => void, reps: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / reps;
}

/** How much faster two threads of pure arithmetic finish than one here: the most --jobs 2 can give. */
async function parallelCeiling(): Promise<number> {
  const code = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("worker_threads").parentPort.postMessage(x);';
  const run = async (k: number) => {
    const t0 = Date.now();
    await Promise.all(Array.from({ length: k }, () => new Promise((r) => new Worker(code, { eval: true }).once('message', r))));
    return Date.now() - t0;
  };
  let one = Infinity,
    two = Infinity;
  for (let i = 0; i < 3; i++) {
    one = Math.min(one, await run(1));
    two = Math.min(two, await run(2));
  }
  return (2 * one) / two;
}

async function main() {
  const results: Record<string, unknown> = {};
  const workbooks = [
    '某某县财政局-2024.xlsx',
    '某某县教育局-2024-有错误.xlsx',
    '某某县卫健委-2025-WPS.xlsx',
    '某某县民政局-2020.xls',
    '顺河回族区政数局-2020.xlsx',
  ];
  const datas = workbooks.map((f) => ({ name: f, data: new Uint8Array(readFileSync(path.join(examples, f))) }));

  // 1. Per file: open and read alone vs open, read, locate and check. Warm up both first.
  const open = (f: string) => new Uint8Array(readFileSync(path.join(examples, f)));
  const readAlone = () => {
    for (const d of datas) XLSX.read(open(d.name), { type: 'array' });
  };
  const check = () => {
    for (const d of datas) checkData(open(d.name), d.name);
  };
  for (let i = 0; i < 20; i++) {
    readAlone();
    check();
  }
  let best = { read: Infinity, check: Infinity };
  for (let round = 0; round < 5; round++) {
    best = { read: Math.min(best.read, timeIt(readAlone, 20)), check: Math.min(best.check, timeIt(check, 20)) };
  }
  const perFile = { readMs: best.read / datas.length, checkMs: best.check / datas.length, ratio: best.check / best.read };
  results.checkVsRead = perFile;
  line(
    `1. check vs read alone, per file: read ${perFile.readMs.toFixed(2)} ms, check ${perFile.checkMs.toFixed(2)} ms → ${perFile.ratio.toFixed(2)}× (target ≤ 1.5×)`,
  );

  // 2 and 3. Bulk files on disk.
  const n = Number(process.env.BENCH_FILES ?? 5000);
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-bench-'));
  try {
    for (let i = 0; i < n; i++) {
      const src = workbooks[i % workbooks.length];
      const sub = path.join(dir, `d${Math.floor(i / 500)}`);
      if (i % 500 === 0) mkdirSync(sub);
      copyFileSync(path.join(examples, src), path.join(sub, `${i}-${src}`));
    }
    // Both as a statistician runs them: a fresh `xxgk check` process over the same files, its
    // resident memory sampled from /proc as it runs (so a plateau shows as equal halves).
    const bin = path.join(root, 'bin', 'xxgk.js');
    const cli = async (target: string, jobs: number) => {
      const t0 = Date.now();
      const child = spawn(process.execPath, [bin, 'check', target, '--jobs', String(jobs), '--quiet'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const samples: { t: number; mb: number }[] = [];
      const timer = setInterval(() => {
        try {
          const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) samples.push({ t: Date.now() - t0, mb: Number(m[1]) / 1024 });
        } catch {
          /* exited */
        }
      }, 100);
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearInterval(timer);
      if (status !== 1) throw new Error(`xxgk check exited ${status}`);
      const seconds = (Date.now() - t0) / 1000;
      const half = (seconds * 1000) / 2;
      const max = (xs: { mb: number }[]) => xs.reduce((m, x) => Math.max(m, x.mb), 0);
      return {
        seconds,
        peakMB: max(samples),
        firstHalfMB: max(samples.filter((x) => x.t < half)),
        secondHalfMB: max(samples.filter((x) => x.t >= half)),
      };
    };
    const j1 = await cli(dir, 1),
      j2 = await cli(dir, 2);
    // What this machine gives two workers at all: pure arithmetic on two threads, and two separate
    // `xxgk check --jobs 1` processes each taking half of the files (no shared anything).
    const ceiling = await parallelCeiling();
    const halves = [0, 1].map((h) => {
      const d = path.join(dir, `half${h}`);
      mkdirSync(d);
      return d;
    });
    readdirSync(dir)
      .filter((s) => s.startsWith('d'))
      .forEach((s, i) => renameSync(path.join(dir, s), path.join(halves[i % 2], s)));
    const t0 = Date.now();
    await Promise.all(halves.map((h) => cli(h, 1)));
    const twoProcesses = j1.seconds / ((Date.now() - t0) / 1000);
    results.jobs = {
      files: n,
      perSecond1: n / j1.seconds,
      perSecond2: n / j2.seconds,
      speedup: j1.seconds / j2.seconds,
      arithmeticCeiling: ceiling,
      twoProcessesCeiling: twoProcesses,
    };
    line(
      `2. ${n} files: --jobs 1 ${(n / j1.seconds).toFixed(0)} files/s, --jobs 2 ${(n / j2.seconds).toFixed(0)} files/s → ${(j1.seconds / j2.seconds).toFixed(2)}× (target ≥ 1.6×). This machine: two threads of pure arithmetic ${ceiling.toFixed(2)}× one; two separate --jobs 1 processes on half the files each ${twoProcesses.toFixed(2)}× one process`,
    );
    results.memory = { files: n, peakMB: j2.peakMB, firstHalfMB: j2.firstHalfMB, secondHalfMB: j2.secondHalfMB, peakMBJobs1: j1.peakMB };
    line(
      `3. memory of xxgk check over ${n} files (--jobs 2, the process with its workers): peak ${j2.peakMB.toFixed(0)} MB; highest in the first half ${j2.firstHalfMB.toFixed(0)} MB, in the second ${j2.secondHalfMB.toFixed(0)} MB (--jobs 1: ${j1.peakMB.toFixed(0)} MB) (target < 300 MB, flat)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // 4 and 5: the other engineers' benchmarks, where present.
  try {
    const { benchTemplates } = require('./templates') as typeof import('./templates');
    const t = await benchTemplates(Number(process.env.BENCH_TEMPLATES ?? 1000));
    results.templates = t;
    line(
      `4. ${t.count} templates: ${t.templateMs.toFixed(0)} ms vs exceljs unstyled ${t.baselineMs.toFixed(0)} ms → ${t.ratio.toFixed(2)}× (target ≤ 2×)`,
    );
  } catch (e) {
    line(`4. templates: not measured (${(e as Error).message})`);
  }
  try {
    const bundle = path.join(__dirname, 'bundle.js');
    if (existsSync(bundle)) {
      const mod = require(bundle);
      const fn = mod.benchBundle ?? mod.default ?? Object.values(mod).find((v) => typeof v === 'function');
      const b = await fn();
      results.bundle = b;
      line(`5. task pane: ${JSON.stringify(b)}`);
    } else line('5. task pane bundle: not measured (bench/bundle.ts not built)');
  } catch (e) {
    line(`5. task pane bundle: not measured (${(e as Error).message})`);
  }
  // 6. The soak: many files with hostile ones mixed in (BENCH_SOAK_FILES=0 skips it).
  if (Number(process.env.BENCH_SOAK_FILES ?? 20000) > 0) {
    const { benchSoak, soakLines } = require('./soak') as typeof import('./soak');
    const soak = await benchSoak(root);
    results.soak = soak;
    for (const l of soakLines(soak)) line(l);
  }
  // 7. Word and PDF reports against their raw text (BENCH_DOC_REPS calls per round).
  const { benchDocuments } = require('./documents') as typeof import('./documents');
  const docs = await benchDocuments();
  results.documents = docs;
  for (const d of docs)
    line(
      `7. ${d.kind} (${d.source}, ${(d.bytes / 1024).toFixed(0)} KB): raw text ${d.rawTextMs.toFixed(1)} ms, read ${d.readMs.toFixed(1)} ms → ${d.readRatio.toFixed(2)}×, check ${d.checkMs.toFixed(1)} ms → ${d.checkRatio.toFixed(2)}×`,
    );
  // 8. Whole commands as a user runs them, against only reading the files (BENCH_COMMAND_FILES=0 skips it).
  if (Number(process.env.BENCH_COMMAND_FILES ?? 600) > 0) {
    const { benchCommands, commandLines } = require('./commands') as typeof import('./commands');
    const c = await benchCommands(root);
    results.commands = c;
    for (const l of commandLines(c)) line(l);
  }
  line(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
