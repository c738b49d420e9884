import { readdirSync, readFileSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { defineConfig } from 'vitest/config';
import { missing, toolsOf } from './helpers/tools';

/**
 * Suites that need a system program not installed (Chromium, LibreOffice, poppler, CJK fonts) are
 * left out, each saying in one line what is missing and the command that installs it; under
 * XXGK_REQUIRE_ALL=1 (.ci/run, which installs them) a missing program fails the run instead.
 * A suite that needs one in part only says so itself (describeWith, test/helpers/system.ts).
 */
function suitesThatCannotRun(): string[] {
  const out: string[] = [];
  const lines: string[] = [];
  for (const f of readdirSync(__dirname)
    .filter((n) => n.endsWith('.test.ts'))
    .sort()) {
    const source = readFileSync(path.join(__dirname, f), 'utf8');
    if (source.includes('describeWith(')) continue;
    const why = missing(...toolsOf(source));
    if (!why) continue;
    out.push(`test/${f}`);
    lines.push(`[skipped] test/${f} — ${why}`);
  }
  if (lines.length && process.env.XXGK_REQUIRE_ALL === '1')
    throw new Error(`${lines.join('\n')}\nXXGK_REQUIRE_ALL=1: every suite must run (install the programs above)`);
  for (const l of lines) console.warn(l);
  return out;
}

// Lives in test/ to keep the top level as agreed; package.json's test script points here.
/** Files that replace a module for themselves (vi.mock): run in a process of their own. */
const ISOLATED = ['test/spool-full-disk.test.ts'];

const exclude = ['**/node_modules/**', ...suitesThatCannotRun()];
const common = { testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  root: path.resolve(__dirname, '..'),
  test: {
    // Every other file shares its worker's process with the files before it: the modules they import
    // (the checker, the readers, exceljs) are loaded once per worker, not once per file (issue 22).
    projects: [
      { test: { ...common, name: 'isolated', include: ISOLATED, exclude } },
      { test: { ...common, name: 'shared', include: ['test/**/*.test.ts'], exclude: [...exclude, ...ISOLATED], isolate: false } },
    ],
    // Every suite left out above may be all that was asked for: that is said, not an error.
    passWithNoTests: true,
    globalSetup: ['test/global-setup.ts'],
    // A worker per core, at least two (Vitest's default, one fewer than the cores, is one worker on two
    // cores: the files ran one after another). Most files wait on what they start (the CLI, Chromium,
    // LibreOffice) or pause on purpose, so a second file runs meanwhile: 512 s -> 319 s (issue 22).
    // VITEST_MAX_WORKERS overrides it.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
