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
  // Tests expect the CLI's default language (Chinese): an English locale on the machine would switch it (cli/args.ts envLang).
  const locale = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  if (/^en/i.test(locale.LC_ALL || locale.LC_MESSAGES || locale.LANG || '')) {
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = 'C.UTF-8';
  }
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    for (const [k, v] of Object.entries(locale))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  };
}
