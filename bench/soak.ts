/**
 * The soak (issue 8): 20,000 files, 2 % of them hostile (bombs that lie, a nested bomb, huge digit
 * strings, truncated, encrypted, damaged and garbage files), checked by `xxgk check` with --jobs 1
 * and --jobs 2. Reports resident memory of the process with its workers (highest in the first and
 * the second half of the run: flat means equal) and exact counts: every file has a result, files =
 * checked + unreadable, and every hostile file is unreadable or has an error finding.
 * Ordinary files are hard links to the examples, so the soak costs no disk; BENCH_SOAK_FILES
 * changes the count.
 */
import { spawn } from 'child_process';
import { closeSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import type { FindingsDoc } from '../core/model/findings';
import { bombPart, deflatedPart, lyingBombXlsx, shortStringsXlsx, xlsxParts, zipBytes } from './hostile';

/** Made once (3,000,000 strings take a second to write): unreadable files are never compared as duplicates. */
let shortStrings: Buffer | null = null;

const ORDINARY = [
  '某某县财政局-2024.xlsx',
  '某某县教育局-2024-有错误.xlsx',
  '某某县卫健委-2025-WPS.xlsx',
  '某某县民政局-2020.xls',
  '顺河回族区政数局-2020.xlsx',
];

/** One hostile file of each kind, by name; `k` varies the bytes so that no two are duplicates. */
function hostileFiles(examples: string, k: number): Record<string, Uint8Array> {
  const good = readFileSync(path.join(examples, ORDINARY[0]));
  const digits = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'1'.repeat(1_000_000 + k)}</t></is></c></row></sheetData></worksheet>`;
  const damaged = Buffer.from(good);
  const eocd = damaged.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  damaged.writeUInt32LE(5 + k, eocd + 16); // the directory's offset points into the first part
  const garbage = Buffer.alloc(20_000 + k);
  for (let i = 0, x = k + 1; i < garbage.length; i++) garbage[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  // What Excel writes for a password-protected workbook: a CFB file with EncryptionInfo and EncryptedPackage ([MS-OFFCRYPTO] 2.3.4.10).
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096 + k, 7));
  const encrypted = Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
  return {
    'bomb-declares-0.xlsx': lyingBombXlsx(200, 0, true),
    'bomb-declares-1000.xlsx': lyingBombXlsx(200, 1000 + k),
    'bomb-nested.xlsx': zipBytes([
      ...xlsxParts('<worksheet/>'),
      deflatedPart('Index.zip', zipBytes([bombPart('Index/Document.iwa', 100, (100 << 20) + k)])),
    ]),
    'digits.xlsx': zipBytes(xlsxParts(digits)),
    // k is the file's place (up to 20,000): kept under half the workbook so the file stays truncated.
    'truncated.xlsx': good.subarray(0, Math.floor(good.length / 2) + (k % 997)),
    'damaged.xlsx': damaged,
    'encrypted.xlsx': encrypted,
    'garbage.xlsx': garbage,
    // A 48.6 MB string table of one-letter strings in a 125 KB package (issue 8 item 15: too large, not empty).
    'short-strings.xlsx': (shortStrings ??= shortStringsXlsx(3_000_000)),
  };
}

export interface SoakRun {
  jobs: number;
  seconds: number;
  peakMB: number;
  firstHalfMB: number;
  secondHalfMB: number;
  /** The main process alone: what it keeps per file. */
  mainFirstHalfMB: number;
  mainSecondHalfMB: number;
  files: number;
  checked: number;
  unreadable: number;
  hostile: number;
  hostileCaught: number;
  /** How the hostile files were answered: error code, or 'flagged' for an error finding. */
  hostileAnswers: Record<string, number>;
  missing: number;
}

/** Fills `dir` with `n` files, every 50th hostile (2 %), cycling through the kinds; returns the hostile ones. */
export function makeSoakFolder(examples: string, n: number, dir: string): Set<string> {
  const hostileNames = new Set<string>();
  let kinds: [string, Uint8Array][] = [];
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(sub);
    if (i % 50 === 49) {
      if (!kinds.length) kinds = Object.entries(hostileFiles(examples, i));
      const [name, data] = kinds.shift()!;
      const file = path.join(sub, `${i}-hostile-${name}`);
      writeFileSync(file, data);
      hostileNames.add(file);
    } else {
      const src = ORDINARY[i % ORDINARY.length];
      linkSync(path.join(examples, src), path.join(sub, `${i}-${src}`));
    }
  }
  return hostileNames;
}

export async function benchSoak(root: string, n = Number(process.env.BENCH_SOAK_FILES ?? 20000)): Promise<SoakRun[]> {
  const examples = path.join(root, 'examples');
  const bin = path.join(root, 'bin', 'xxgk.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-soak-'));
  try {
    const hostileNames = makeSoakFolder(examples, n, dir);
    const runs: SoakRun[] = [];
    for (const jobs of [1, 2]) {
      const out = `${dir}-out-${jobs}.json`; // beside the folder checked, not in it
      const fd = openSync(out, 'w');
      const t0 = Date.now();
      const child = spawn(process.execPath, [bin, 'check', dir, '--jobs', String(jobs), '--json'], { stdio: ['ignore', fd, 'ignore'] });
      closeSync(fd);
      // The main process alone (what it keeps per file) and with its checking processes.
      const samples: { t: number; mb: number; main: number }[] = [];
      const timer = setInterval(() => {
        const main = residentMB(child.pid!);
        if (main) samples.push({ t: Date.now() - t0, main, mb: main + descendants(child.pid!).reduce((n, p) => n + residentMB(p), 0) });
      }, 100);
      await new Promise((resolve) => child.on('exit', resolve));
      clearInterval(timer);
      const seconds = (Date.now() - t0) / 1000;
      const half = (seconds * 1000) / 2;
      const max = (xs: { mb: number }[]) => xs.reduce((m, x) => Math.max(m, x.mb), 0);
      const maxMain = (xs: { main: number }[]) => xs.reduce((m, x) => Math.max(m, x.main), 0);
      const doc = JSON.parse(readFileSync(out, 'utf8')) as FindingsDoc;
      let checked = 0;
      let unreadable = 0;
      let hostileCaught = 0;
      const hostileAnswers: Record<string, number> = {};
      const seen = new Set<string>();
      for (const f of doc.files) {
        seen.add(path.resolve(f.path));
        if (f.status === 'checked') checked++;
        else unreadable++;
        if (!hostileNames.has(path.resolve(f.path))) continue;
        const flagged = f.reports.some((r) => r.findings.some((x) => x.severity === 'error'));
        const answer = f.status === 'unreadable' ? (f.error?.code ?? 'unreadable') : flagged ? 'flagged' : 'clean';
        hostileAnswers[answer] = (hostileAnswers[answer] ?? 0) + 1;
        if (answer !== 'clean') hostileCaught++;
      }
      const missing = [...hostileNames].filter((h) => !seen.has(h)).length + Math.max(0, n - doc.files.length);
      runs.push({
        jobs,
        seconds,
        peakMB: max(samples),
        firstHalfMB: max(samples.filter((x) => x.t < half)),
        secondHalfMB: max(samples.filter((x) => x.t >= half)),
        mainFirstHalfMB: maxMain(samples.filter((x) => x.t < half)),
        mainSecondHalfMB: maxMain(samples.filter((x) => x.t >= half)),
        files: doc.summary.files,
        checked,
        unreadable,
        hostile: hostileNames.size,
        hostileCaught,
        hostileAnswers,
        missing,
      });
      rmSync(out, { force: true });
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process in MB (0 once it has exited). */
function residentMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every process started by `pid`, at any depth (from /proc/PID/stat's parent field). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent)
      if (pp === p) {
        out.push(c);
        walk(c);
      }
  };
  walk(pid);
  return out;
}

/** The soak's lines as `npm run bench` prints them, with a plain yes or no for flat memory and exact counts. */
export function soakLines(runs: SoakRun[]): string[] {
  // Flat: the second half's peak within 10 % (and 20 MB) of the first's.
  const flat = (a: number, b: number) => b <= a * 1.1 + 20;
  return runs.map((s) => {
    const exact = s.missing === 0 && s.checked + s.unreadable === s.files && s.hostileCaught === s.hostile;
    return `6. soak, ${s.files} files (${s.hostile} hostile), --jobs ${s.jobs}: ${s.seconds.toFixed(0)} s; memory of the main process: highest in the first half ${s.mainFirstHalfMB.toFixed(0)} MB, in the second ${s.mainSecondHalfMB.toFixed(0)} MB${flat(s.mainFirstHalfMB, s.mainSecondHalfMB) ? ' (flat)' : ' (NOT FLAT)'}; with its checking processes peak ${s.peakMB.toFixed(0)} MB, first half ${s.firstHalfMB.toFixed(0)} MB, second ${s.secondHalfMB.toFixed(0)} MB${flat(s.firstHalfMB, s.secondHalfMB) ? ' (flat)' : ' (NOT FLAT)'}; ${s.checked} checked + ${s.unreadable} unreadable = ${s.checked + s.unreadable}; hostile unreadable or flagged ${s.hostileCaught}/${s.hostile} ${JSON.stringify(s.hostileAnswers)}; without a result ${s.missing}; counts ${exact ? 'exact' : 'NOT EXACT'}`;
  });
}

// node dist/node/bench/soak.js (BENCH_SOAK_FILES=N): the soak alone.
if (require.main === module)
  benchSoak(path.join(__dirname, '..', '..', '..')).then(
    (runs) => {
      for (const l of soakLines(runs)) process.stdout.write(l + '\n');
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
