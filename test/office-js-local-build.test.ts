/**
 * Issue 21: government networks often cannot reach Microsoft's CDN. Built with OFFICE_JS=local
 * (into a folder of its own, so dist/ is left as the other browser tests built it), the pane
 * loads Office.js from the build's own office-js/ folder and its page names no Microsoft address.
 * Built in development mode: where Office.js comes from does not depend on the mode, and an
 * unminified build takes a fraction of the time (issue 22: the suite's slowest file).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect, it } from 'vitest';
import { launchChromium, openPane, pageErrors, ROOT, serveDist } from './browser/harness';
import { tempDir } from './helpers/temp';

it('an OFFICE_JS=local build serves Office.js from dist/ and the pane loads it from there', { timeout: 900_000 }, async () => {
  const out = path.join(tempDir('xxgk-office-js-'), 'dist');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'webpack'), ['--mode', 'development', '--output-path', out], {
    cwd: ROOT,
    env: { ...process.env, OFFICE_JS: 'local' },
    stdio: 'pipe',
    timeout: 800_000,
  });
  expect(fs.existsSync(path.join(out, 'office-js', 'office.js'))).toBe(true);
  const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
  expect(html).toContain('office-js/office.js');
  expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);

  const server = await serveDist(out);
  const browser = await launchChromium();
  try {
    const page = await openPane(browser, server.url);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded).toContain(`${server.url}/office-js/office.js`);
    expect(loaded.filter((u) => /microsoft\.com/.test(u))).toEqual([]);
    // Office.js itself ran: outside Office its Office object is there and the pane says it is on files.
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
    expect(pageErrors(page)).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
});
