/**
 * Suites that need a system program in part only: describeWith runs a block when the programs are
 * there; otherwise it is skipped with the reason printed, or, under XXGK_REQUIRE_ALL=1 (.ci/run),
 * the run fails with it, so CI can never pass by skipping (test/helpers/tools.ts finds them).
 */
import { describe } from 'vitest';
import { missing, type Tool } from './tools';

export { CHROMIUM, SOFFICE, missing, type Tool } from './tools';

/**
 * A describe block that runs only when the tools are installed; otherwise it is skipped with the
 * reason printed, or, under XXGK_REQUIRE_ALL=1, the run fails with it.
 */
export function describeWith(tools: Tool[], name: string, body: () => void): void {
  const why = missing(...tools);
  if (why && process.env.XXGK_REQUIRE_ALL === '1') throw new Error(`${name}: ${why} (XXGK_REQUIRE_ALL=1 allows no skipping)`);
  if (why) console.warn(`[skipped] ${name} — ${why}`);
  describe.skipIf(!!why)(name, body);
}
