import * as path from 'path';
import { defineConfig } from 'vitest/config';

// Lives in test/ to keep the top level as agreed; package.json's test script points here.
export default defineConfig({
  root: path.resolve(__dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
