/**
 * One Chromium and one server of dist/ for a browser test file, started before its tests and
 * closed after them; `open` opens the pane in a fresh page. (harness.ts stays free of vitest:
 * bench/ uses it too.)
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPane, serveDist, type OpenOptions } from './harness';

export function paneSuite(dir?: string): { open: (opts?: OpenOptions) => Promise<Page> } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveDist(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { open: (opts = {}) => openPane(browser!, server!.url, opts) };
}
