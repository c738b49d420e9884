/**
 * Issue 21: government networks often cannot reach Microsoft's CDN, so Office.js is a pinned
 * devDependency: an OFFICE_JS=local build works straight after `npm ci` (webpack copies the
 * package's dist/ into dist/office-js/). The package's files are never copied into the repository.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

it('@microsoft/office-js is pinned to one version, in the lockfile too', () => {
  const v = pkg.devDependencies['@microsoft/office-js'];
  expect(v).toMatch(/^\d+\.\d+\.\d+$/); // exact: no ^ or ~
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  expect(lock.packages['node_modules/@microsoft/office-js'].version).toBe(v);
});

it('after npm ci the files webpack copies for OFFICE_JS=local are there, and none is in the repository', () => {
  const dir = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json', { paths: [root] })), 'dist');
  expect(fs.existsSync(path.join(dir, 'office.js'))).toBe(true);
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' });
  expect(tracked).not.toMatch(/(^|\/)office(-js)?\/(office|excel-web-16\.00)\.js$/m);
  expect(fs.readFileSync(path.join(root, 'webpack.config.ts'), 'utf8')).toContain("{ from: officeJsFolder(), to: 'office-js' }");
});
