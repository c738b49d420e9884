/**
 * Issue 21: a county IT person without Node installs the WPS add-in from a release folder — the
 * default jsplugins.xml names no developer's address, and docs/wps.md gives the minimum WPS
 * version, what to do when the add-in does not appear or the pane is blank, and how to uninstall.
 * (Before: jsplugins.xml pointed at http://127.0.0.1:3889/ without WPS_ADDIN_URL.)
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { expect, it } from 'vitest';
import { jspluginsXml, UNSET_URL } from '../addin/wps/deploy-files';

it('the default jsplugins.xml names no developer address, and says what to put there', () => {
  const xml = jspluginsXml();
  expect(xml).not.toMatch(/127\.0\.0\.1|localhost|3889/);
  expect(xml).toContain(`url="${UNSET_URL}"`);
  expect(xml).toContain('WPS_ADDIN_URL');
  expect(readFileSync(path.resolve(__dirname, '../addin/wps/build.ts'), 'utf8')).not.toMatch(/return 'http:\/\/127/);
});

it('docs/wps.md: the minimum version, troubleshooting and uninstalling, online and offline', () => {
  const doc = readFileSync(path.resolve(__dirname, '../docs/wps.md'), 'utf8');
  expect(doc).toMatch(/最低版本\*\*：WPS Office 2019 或更新（版本号 11\.1\.0 起/);
  expect(doc).toContain('不需要 Node');
  expect(doc).toContain('**加载项不出现');
  expect(doc).toContain('**任务窗格空白**');
  const uninstall = doc.slice(doc.indexOf('### 卸载'));
  expect(uninstall).toContain('**离线安装**');
  expect(uninstall).toContain('**在线安装');
});
