/**
 * A folder of submissions often holds Office lock files (~$…, left while a workbook is open) and
 * hidden files. They are not submissions and are not checked, but the batch says so: never a file
 * left out unsaid (issue 10).
 */
import { copyFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');

describe('check DIR names the lock files and hidden files it leaves out', () => {
  it('in Chinese and in English, and checks the rest', () => {
    const dir = tempDir('xxgk-left-out-');
    copyFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'), path.join(dir, '某某县财政局-2024.xlsx'));
    writeFileSync(path.join(dir, '~$某某县财政局-2024.xlsx'), Buffer.alloc(165, 0));
    writeFileSync(path.join(dir, '.DS_Store'), 'x');
    const zh = spawnSync(process.execPath, [bin, 'check', dir], { encoding: 'utf8' });
    expect(zh.stdout).toContain('合计：1 个文件');
    expect(zh.stdout).toContain('另有 2 个 Office 临时锁定文件（~$ 开头）或隐藏文件（. 开头）不是报送的文件，未检查：');
    expect(zh.stdout).toContain('~$某某县财政局-2024.xlsx');
    const en = spawnSync(process.execPath, [bin, 'check', dir, '--lang', 'en'], { encoding: 'utf8' });
    expect(en.stdout).toMatch(/2 Office lock files \(~\$…\) or hidden files \(\.…\) left out, not being submissions: .*\.DS_Store/);
  });
});
