/**
 * Whole commands as a user runs them (issue 22), against a script that only opens and reads each
 * workbook with SheetJS (`XLSX.read(bytes, { dense: true })`, nothing else), measured as whole
 * processes in the same run, alternating, medians of several pairs, in wall time and in CPU time
 * (user + system of the process and its children, from GNU time where it is installed):
 *   a. `xxgk check DIR --json --jobs 1` vs the bare read of DIR (target ≤ 1.0×)
 *   b. `xxgk check FILE` vs the bare read of FILE (target ≤ 1.3×)
 *   c. `--jobs 2` vs `--jobs 1`, against two bare-read processes on halves vs one (target ≥ 0.9 of it)
 * The folder mixes the example workbooks and a blank template (BENCH_COMMAND_FILES, default 600).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';

const TIME = '/usr/bin/time';

interface Run {
  wall: number;
  cpu: number | null;
}

/** One process: its wall time and, with GNU time, its CPU time with its children's. */
function run(args: string[], cwd: string): Run {
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(timed ? TIME : process.execPath, timed ? ['-f', '%U %S', process.execPath, ...args] : args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = timed ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr ?? '') : null;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-300)}`);
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : null };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of `rounds` alternating runs of each command. */
function pairs(commands: Record<string, string[]>, cwd: string, rounds: number): Record<string, { wall: number; cpu: number | null }> {
  const got: Record<string, Run[]> = {};
  for (let i = 0; i < rounds; i++) for (const [k, args] of Object.entries(commands)) (got[k] ??= []).push(run(args, cwd));
  return Object.fromEntries(
    Object.entries(got).map(([k, rs]) => [
      k,
      { wall: median(rs.map((r) => r.wall)), cpu: rs[0].cpu === null ? null : median(rs.map((r) => r.cpu!)) },
    ]),
  );
}

const BARE = `const fs = require('fs'), path = require('path'), XLSX = require('@e965/xlsx');
const walk = (p) => fs.statSync(p).isDirectory() ? fs.readdirSync(p).sort().flatMap((f) => walk(path.join(p, f))) : [p];
for (const a of process.argv.slice(1)) for (const f of walk(a)) XLSX.read(fs.readFileSync(f), { dense: true });`;

export interface CommandsBench {
  files: number;
  folder: { check: Run; bare: Run; wallRatio: number; cpuRatio: number | null };
  oneFile: { check: Run; bare: Run; wallRatio: number; cpuRatio: number | null };
  jobs: { speedup: number; bareHalvesSpeedup: number; share: number };
}

/** The mixed folder: the example workbooks and a template, copied round-robin into two halves. */
async function mixedFolder(root: string, dir: string, n: number): Promise<string[]> {
  const examples = path.join(root, 'examples');
  const sources = readdirSync(examples)
    .filter((f) => /\.(xlsx|xls)$/.test(f))
    .map((f) => path.join(examples, f));
  // The project's own template (exceljs), as departments receive it: the sixth layout.
  const p = path.join(dir, 'template-2025.xlsx');
  writeFileSync(p, await writeTemplate(getForm('2021'), { year: 2025, agency: '某某县水利局' }));
  sources.push(p);
  const out = path.join(dir, 'folder');
  mkdirSync(out);
  const halves = [path.join(out, 'a'), path.join(out, 'b')];
  halves.forEach((h) => mkdirSync(h));
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    copyFileSync(src, path.join(halves[i % 2], `${String(i).padStart(5, '0')}-${path.basename(src)}`));
  }
  return sources;
}

export async function benchCommands(root: string, n = Number(process.env.BENCH_COMMAND_FILES ?? 600), rounds = 5): Promise<CommandsBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-bench-commands-'));
  try {
    const sources = await mixedFolder(root, dir, n);
    const bare = path.join(dir, 'bare.js');
    writeFileSync(bare, BARE);
    const bin = path.join(root, 'bin', 'xxgk.js');
    const folder = path.join(dir, 'folder');
    const one = sources[0];
    // Run from the project, so that the bare script finds SheetJS as the project does.
    const cwd = root;
    const bareArgs = (...p: string[]) => ['-e', BARE, '--', ...p];
    const f = pairs({ check: [bin, 'check', folder, '--json', '--jobs', '1'], bare: bareArgs(folder) }, cwd, rounds);
    const o = pairs({ check: [bin, 'check', one], bare: bareArgs(one) }, cwd, rounds);
    const j = pairs(
      { jobs2: [bin, 'check', folder, '--json', '--jobs', '2'], jobs1: [bin, 'check', folder, '--json', '--jobs', '1'] },
      cwd,
      rounds,
    );
    // Two bare processes on the halves at once, against one on the whole folder.
    const halves: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = process.hrtime.bigint();
      const { spawn } = require('child_process') as typeof import('child_process');
      await Promise.all(
        ['a', 'b'].map(
          (h) =>
            new Promise((resolve) => spawn(process.execPath, bareArgs(path.join(folder, h)), { cwd, stdio: 'ignore' }).on('exit', resolve)),
        ),
      );
      halves.push(Number(process.hrtime.bigint() - t0) / 1e9);
      whole.push(run(bareArgs(folder), cwd).wall);
    }
    const bareHalvesSpeedup = median(whole) / median(halves);
    const speedup = j.jobs1.wall / j.jobs2.wall;
    const ratio = (a: Run, b: Run) => (a.cpu !== null && b.cpu !== null ? a.cpu / b.cpu : null);
    return {
      files: n,
      folder: { check: f.check, bare: f.bare, wallRatio: f.check.wall / f.bare.wall, cpuRatio: ratio(f.check, f.bare) },
      oneFile: { check: o.check, bare: o.bare, wallRatio: o.check.wall / o.bare.wall, cpuRatio: ratio(o.check, o.bare) },
      jobs: { speedup, bareHalvesSpeedup, share: speedup / bareHalvesSpeedup },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function commandLines(b: CommandsBench): string[] {
  const cpu = (r: number | null) => (r === null ? 'CPU not measured (no GNU time)' : `${r.toFixed(2)}× CPU`);
  return [
    `8a. xxgk check DIR --json --jobs 1 on ${b.files} workbooks vs only reading them with SheetJS: ${b.folder.check.wall.toFixed(2)} s vs ${b.folder.bare.wall.toFixed(2)} s → ${b.folder.wallRatio.toFixed(2)}× wall, ${cpu(b.folder.cpuRatio)} (target ≤ 1.0×)`,
    `8b. xxgk check FILE vs reading it: ${b.oneFile.check.wall.toFixed(2)} s vs ${b.oneFile.bare.wall.toFixed(2)} s → ${b.oneFile.wallRatio.toFixed(2)}× wall, ${cpu(b.oneFile.cpuRatio)} (target ≤ 1.3×)`,
    `8c. --jobs 2 vs --jobs 1: ${b.jobs.speedup.toFixed(2)}×; two bare-read processes on halves vs one: ${b.jobs.bareHalvesSpeedup.toFixed(2)}× → ${b.jobs.share.toFixed(2)} of what this machine gives (target ≥ 0.9)`,
  ];
}
