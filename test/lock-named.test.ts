/**
 * Issue 20 ("Also"): an Office lock file (~$name, a few hundred bytes holding the user's name)
 * named on the command line is said to be a lock file and left out, as it is in a folder; before,
 * it was read as a broken workbook ("不是有效的电子表格") or, alone, gave only "没有找到可检查的文件".
 * A real workbook named ~$… is still read when named (one rule for every command, item 10).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

/** What Excel writes beside an open workbook: the user's name, short then in UTF-16, padded to 165 bytes. */
function lockFile(user: string): Buffer {
  const b = Buffer.alloc(165);
  b[0] = user.length;
  b.write(user, 1, 'latin1');
  b.writeUInt16LE(user.length, 55);
  b.write(user, 57, 'utf16le');
  return b;
}

describe('a lock file named on the command line', () => {
  const d = tempDir('xxgk-lock-');
  fs.writeFileSync(path.join(d, '~$财政局.xlsx'), lockFile('zhang'));
  fs.copyFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'), path.join(d, '~$教育局.xlsx'));
  const LINE = '未读取「~$财政局.xlsx」：Office 临时锁定文件（~$ 开头），不是报送的文件';

  it('check: said to be a lock file and left out; a workbook named ~$ is read', () => {
    const alone = xxgk(['check', '~$财政局.xlsx'], d);
    expect(alone.stdout + alone.stderr).toContain(LINE);
    expect(alone.stdout).not.toContain('不是有效的电子表格');
    const both = xxgk(['check', '~$财政局.xlsx', '~$教育局.xlsx'], d);
    expect(both.stdout).toContain('合计：1 个文件，1 份报告');
    expect(both.stdout + both.stderr).toMatch(/~\$财政局\.xlsx/);
    expect(both.status).toBe(0);
  });

  it('sum: said, and the workbook summed', () => {
    const s = xxgk(['sum', '~$财政局.xlsx', '~$教育局.xlsx', '-o', path.join(tempDir('xxgk-lock-out-'), 's.xlsx')], d);
    expect(s.stderr).toContain(LINE);
    expect(s.stdout).toContain('已汇总 1 份报告');
  });
});
