/**
 * Every test (and every process a test starts) writes its temporary files under one folder made
 * for this run, removed when the run ends, so a test run leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
