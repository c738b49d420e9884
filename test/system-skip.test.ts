/**
 * Issue 21, "A newcomer's first hour": on a machine without Chromium or LibreOffice the suites that
 * need them are left out, each saying in one line what is missing and the command that installs
 * it, and the rest pass; under XXGK_REQUIRE_ALL=1 (.ci/run) a missing program fails the run.
 * Run here with XXGK_CHROMIUM and XXGK_SOFFICE pointing nowhere, so both look missing. (Before:
 * five suites failed with Playwright's "Executable doesn't exist" in English.)
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const vitest = (env: Record<string, string>) =>
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'test/vitest.config.ts',
      'test/export-html.test.ts',
      'test/rules.test.ts',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', XXGK_CHROMIUM: '', XXGK_SOFFICE: '/nonexistent/soffice', ...env },
      timeout: 300_000,
    },
  );

it('without Chromium and LibreOffice: their suites skipped with one line each, the rest run and pass', () => {
  const r = vitest({ XXGK_REQUIRE_ALL: '' });
  const out = r.stdout + r.stderr;
  expect(out).toContain('[skipped] test/export-html.test.ts — missing Chromium: sudo apt-get install --no-install-recommends chromium');
  expect(out).toMatch(
    /\[skipped\] test\/read-pdf\.test\.ts — missing LibreOffice \(soffice\): sudo apt-get install --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui\n/,
  );
  expect(out).not.toMatch(/Executable doesn't exist|browserType\.launch/);
  expect(out).toMatch(/Test Files\s+1 passed/); // rules.test.ts ran
  expect(r.status).toBe(0);
});

it('XXGK_REQUIRE_ALL=1 turns a skip into a failure', () => {
  const r = vitest({ XXGK_REQUIRE_ALL: '1' });
  expect(r.status).not.toBe(0);
  expect(r.stdout + r.stderr).toContain('XXGK_REQUIRE_ALL=1: every suite must run');
});
