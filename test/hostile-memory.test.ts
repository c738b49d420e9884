/**
 * Issue 8, the soak's flat memory: `check DIR` keeps per file only what the batch verdicts need
 * (core/batch/compact.ts) and spools the whole results to disk (cli/spool.ts) until they are
 * printed. What it prints is the same as when every result is kept: verdicts, reasons, counts,
 * batch findings in each file's findings, byte for byte. The memory itself is measured by the
 * soak in `npm run bench` (bench/soak.ts).
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseBatch, compactResult, omittedCounts, parseAgencyList, withBatchFindings, withOmitted } from '../core/batch';
import { checkInput } from '../core/checkfile';
import type { FileResult } from '../core/model/findings';
import { Spool } from '../cli/spool';
import { writeBatchFolder, type BatchFolder } from './helpers/batch-folder';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');

let folder: BatchFolder;
let files: string[];
let results: FileResult[];
beforeAll(async () => {
  folder = await writeBatchFolder(tempDir('xxgk-compact-'));
  files = readdirSync(folder.dir)
    .sort()
    .map((f) => path.join(folder.dir, f));
  results = [];
  for (const f of files) results.push(await checkInput(new Uint8Array(readFileSync(f)), f, { lang: 'zh' }));
}, 120_000);

describe('a batch judged on compacted results (item: flat memory)', () => {
  it('gives the same verdicts, reasons, counts and batch findings as on whole results', () => {
    const opts = { lang: 'zh' as const, year: 2025, agencies: parseAgencyList(readFileSync(folder.list, 'utf8')) };
    const mtime = (f: string) => statSync(f).mtimeMs;
    const whole = structuredClone(results);
    const fromWhole = analyseBatch(
      whole.map((result, i) => ({ result, mtime: mtime(files[i]) })),
      opts,
    );
    const compact = results.map(compactResult);
    const fromCompact = analyseBatch(
      compact.map((result, i) => ({ result, mtime: mtime(files[i]) })),
      opts,
    );
    const rows = (b: typeof fromWhole) => b.rows.map(({ report: _r, ...row }) => row);
    expect(rows(fromCompact)).toEqual(rows(fromWhole));
    expect({ ...fromCompact, rows: null }).toEqual({ ...fromWhole, rows: null });
    // Every verdict of the county folder is there, so every path of the batch was taken.
    expect(new Set(fromWhole.rows.map((r) => r.verdict)).size).toBeGreaterThanOrEqual(7);
    // The whole results get back exactly the findings the batch added to them.
    const restored = structuredClone(results).map((r, i) => withBatchFindings(r, compact[i]));
    expect(restored).toEqual(whole);
    // What is kept is small: no suspects, cells only of texts read as numbers, the batch findings and one error per report.
    const kept = compact.flatMap((f) => f.reports.flatMap((r) => r.findings));
    expect(kept.every((f) => f.suspects.length === 0 && (f.cells.length === 0 || f.rule === 'cell.text_number'))).toBe(true);
    expect(JSON.stringify(compact).length / compact.length).toBeLessThan(512);
    const most = results.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
    expect(JSON.stringify(compactResult(most)).length).toBeLessThan(JSON.stringify(most).length / 4);
  });

  it('the spool gives back each result as written, in order (NaN and all)', () => {
    const spool = new Spool<FileResult>();
    for (const r of results) spool.add(r);
    const odd = { ...results[0], reports: [] as never[], error: { code: 'x', message: `${NaN}` }, extra: [NaN, -0, Infinity] };
    spool.add(odd);
    expect(spool.length).toBe(results.length + 1);
    expect(Array.from({ length: results.length }, (_, i) => spool.get(i))).toEqual(results);
    expect(spool.get(results.length)).toEqual(odd);
    spool.close();
  });

  it('check DIR --json prints the same document with and without a report (which reads every whole result back from the spool)', () => {
    const out = tempDir('xxgk-compact-out-');
    const run = (extra: string[]) => {
      const r = spawnSync(process.execPath, [bin, 'check', folder.dir, '--year', '2025', '--agencies', folder.list, ...extra], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      expect(r.status, r.stderr).toBe(1);
      return r.stdout;
    };
    const spooled = run(['--json']);
    const kept = run(['--json', '--report', path.join(out, 'r.csv')]);
    expect(spooled).toBe(kept);
    expect(JSON.parse(spooled).files).toHaveLength(files.length);
  }, 300_000);
});

describe('compacted results from a checking process (cli/worker.ts writes the whole ones to its spool file)', () => {
  it('judge the batch as compacted results made here do', () => {
    const opts = { lang: 'zh' as const, year: 2025, agencies: parseAgencyList(readFileSync(folder.list, 'utf8')) };
    const mtime = (f: string) => statSync(f).mtimeMs;
    const here = results.map(compactResult);
    // What crosses: a structured clone (a symbol does not cross), and the counts beside it.
    const crossed = here.map((c) => withOmitted(structuredClone(c), omittedCounts(c)));
    const judge = (rs: FileResult[]) =>
      analyseBatch(
        rs.map((result, i) => ({ result, mtime: mtime(files[i]) })),
        opts,
      );
    const a = judge(here);
    const b = judge(crossed);
    const rows = (x: typeof a) => x.rows.map(({ report: _r, ...row }) => row);
    expect(rows(b)).toEqual(rows(a));
    expect(b.counts).toEqual(a.counts);
  });

  it('a department sent thousands of times keeps one message for its copies, and names five of them', () => {
    const one = results.find((r) => r.status === 'checked' && r.reports.length === 1 && r.reports[0].agency)!;
    const copies = Array.from({ length: 1200 }, (_, i) =>
      compactResult({ ...structuredClone(one), path: `copies/${i}-${path.basename(one.path)}` }),
    );
    for (const lang of ['zh', 'en'] as const) {
      const b = analyseBatch(
        copies.map((result) => ({ result: structuredClone(result), mtime: 0 })),
        // Copies of one file (the CLI compares their bytes): one counts, no choosing.
        { lang, digestOf: () => 'same' },
      );
      const older = b.rows.filter((r) => r.verdict === 'duplicate');
      expect(older).toHaveLength(1199);
      const first = (r: (typeof older)[number]) => r.report!.findings[0];
      expect(new Set(older.map(first)).size).toBe(1); // one finding shared, not 1,199 copies
      const kept = b.rows.find((r) => r.verdict !== 'duplicate')!;
      const said = kept.report!.findings.find((f) => f.rule === 'batch.duplicate_kept')!.message;
      expect(said.length).toBeLessThan(400);
      expect(said).toContain(lang === 'zh' ? '1199 份其他文件' : '1199 other files');
      expect(said).toContain(lang === 'zh' ? ' 等）' : ', …)');
    }
  });
});
