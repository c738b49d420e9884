/**
 * `xxgk check … --json` run as a user runs it, counting the node processes and worker threads it
 * took: a preload (NODE_OPTIONS reaches children and worker threads too) notes each one.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { expect } from 'vitest';
import type { FindingsDoc } from '../../core/model/findings';
import { tempDir } from './temp';

const bin = path.join(__dirname, '..', '..', 'bin', 'xxgk.js');

export function countedCheck(args: string[], env: Record<string, string> = {}): { doc: FindingsDoc; processes: number; threads: number } {
  const dir = tempDir('xxgk-counted-');
  const log = path.join(dir, 'log');
  const preload = path.join(dir, 'count.js');
  writeFileSync(log, '');
  writeFileSync(
    preload,
    `require('fs').appendFileSync(${JSON.stringify(log)}, (require('worker_threads').isMainThread ? 'process' : 'thread') + '\\n');`,
  );
  const r = spawnSync(process.execPath, [bin, 'check', ...args, '--json'], {
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, ...env, NODE_OPTIONS: `--require ${preload}` },
  });
  expect(r.signal, r.stderr).toBeNull();
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  return {
    doc: JSON.parse(r.stdout) as FindingsDoc,
    processes: lines.filter((l) => l === 'process').length,
    threads: lines.filter((l) => l === 'thread').length,
  };
}
