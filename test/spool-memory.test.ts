/**
 * Issue 22, row 8a: `check DIR` keeps the whole results it makes itself in memory up to a budget
 * (cli/spool.ts Keeping, XXGK_SPOOL_MEMORY_MB) instead of writing each to disk and reading it
 * back; past the budget they go to disk as before (flat memory). Either way the same results come
 * back, each time a list of findings of their own (the batch's findings are put first in them),
 * and the command prints the same bytes.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../core/model/findings';
import { compactResult, withBatchFindings } from '../core/batch/compact';
import { Spool } from '../cli/spool';
import { openSpool } from '../cli/files';
import { writeBatchFolder, type BatchFolder } from './helpers/batch-folder';
import { tempDir } from './helpers/temp';

const bin = path.join(__dirname, '..', 'bin', 'xxgk.js');

/** A result with a report of `findings` findings, each with a cell. */
function result(n: number, findings: number): FileResult {
  return {
    path: `单位${n}.xlsx`,
    status: 'checked',
    reports: [
      {
        sheet: null,
        format: '2021',
        year: 2025,
        agency: `某某县第${n}局`,
        notes: [],
        findings: Array.from({ length: findings }, (_, k) => ({
          rule: 'T2.total',
          severity: 'error' as const,
          message: `合计不等于各项之和（第${k}行）`,
          cells: [{ ref: `B${k + 5}`, value: k, suggested: null }],
          suspects: [],
        })),
      },
    ],
  } as unknown as FileResult;
}

describe('the spool keeps results in memory up to its budget (issue 22)', () => {
  it('within the budget in memory, past it on disk, every record given back as it was', () => {
    const records = Array.from({ length: 40 }, (_, n) => result(n, 1 + (n % 7)));
    const sizes = records.map((r) => Spool.bytesOf(r));
    // A budget for the first ten records.
    const budget = sizes.slice(0, 10).reduce((a, b) => a + b, 0);
    const spool = new Spool<FileResult>({ budget, bytesOf: Spool.bytesOf, copy: (r) => structuredClone(r) });
    records.forEach((r, i) => spool.put(i, r));
    expect(spool.inMemory).toBe(10);
    expect(Array.from({ length: 40 }, (_, i) => spool.get(i))).toEqual(records);
    spool.close();
  });

  it("check's spool gives a kept result back with lists of its own: the batch's findings are added once each time", () => {
    // Only check's spool keeps results in memory (evaluate's are read back at once, with their reports' cells).
    const evaluates = openSpool('zh');
    evaluates.put(0, result(1, 3));
    expect(evaluates.inMemory).toBe(0);
    evaluates.close();
    const spool = openSpool('zh', true);
    const whole = result(1, 3);
    spool.put(0, whole);
    expect(spool.inMemory).toBe(1);
    const batchFinding = { ...whole.reports[0].findings[0], rule: 'batch.duplicate' };
    // As analyseBatch adds a finding to a compacted report.
    const compact = compactResult(whole);
    compact.reports[0].findings = [batchFinding, ...compact.reports[0].findings];
    for (let k = 0; k < 3; k++) {
      const back = withBatchFindings(spool.get(0), compact).reports[0].findings;
      expect(back.map((f) => f.rule)).toEqual(['batch.duplicate', 'T2.total', 'T2.total', 'T2.total']);
    }
    const a = spool.get(0);
    a.reports[0].findings.unshift(batchFinding);
    expect(spool.get(0).reports[0].findings).toHaveLength(3);
    expect(spool.get(0)).toEqual(result(1, 3));
    spool.close();
  });
});

describe('check DIR prints the same whatever the budget (issue 22)', () => {
  let folder: BatchFolder;
  beforeAll(async () => {
    folder = await writeBatchFolder(tempDir('xxgk-spool-memory-'));
  }, 120_000);

  it('all in memory, part, or none: the same JSON, text and bulk report', () => {
    const out = tempDir('xxgk-spool-memory-out-');
    const run = (mb: string, extra: string[]) => {
      const r = spawnSync(process.execPath, [bin, 'check', folder.dir, '--year', '2025', '--agencies', folder.list, ...extra], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        env: { ...process.env, XXGK_SPOOL_MEMORY_MB: mb },
      });
      expect(r.status, r.stderr).toBe(1);
      return r.stdout;
    };
    for (const extra of [['--json'], [], ['--json', '--lang', 'en']]) {
      const onDisk = run('0', extra);
      expect(run('16', extra)).toBe(onDisk);
      expect(run('0.02', extra)).toBe(onDisk);
    }
    // With a bulk report every kept result is given back twice (the report, then the listing).
    const reports = ['0', '16'].map((mb, k) => {
      const file = path.join(out, `r${k}.csv`);
      expect(run(mb, ['--json', '--report', file])).toBe(run('0', ['--json']));
      return readFileSync(file, 'utf8');
    });
    expect(reports[1]).toBe(reports[0]);
  }, 300_000);
});
