/**
 * The same report in two kinds of file (the bundled 顺河 report as a workbook and as its published
 * text): the same figures, so one counts without asking, and the listing says why. One figure
 * changed in the text makes them two reports, decided as any two files of one department are.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const examples = path.join(root, 'examples');
const check = (dir: string) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), 'check', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });

function folder(text: string): string {
  const dir = path.join(tempDir('xxgk-same-'), 'in');
  mkdirSync(dir);
  copyFileSync(path.join(examples, '顺河回族区政数局-2020.xlsx'), path.join(dir, '顺河回族区政数局-2020.xlsx'));
  writeFileSync(path.join(dir, 'shunhe-2020-report.txt'), text);
  return dir;
}

describe('the same report as a workbook and as text', () => {
  const text = readFileSync(path.join(examples, 'shunhe-2020-report.txt'), 'utf8');

  it('is one report: one counts, the other is 重复 because the figures are the same', () => {
    const out = check(folder(text));
    const doc = JSON.parse(out.stdout);
    const rules = doc.files.flatMap((f: { reports: { findings: { rule: string; message: string }[] }[] }) =>
      f.reports.flatMap((r) => r.findings.map((x) => `${x.rule} ${x.message}`)),
    );
    expect(rules.filter((r: string) => r.startsWith('batch.duplicate '))).toHaveLength(1);
    expect(rules.join('\n')).toMatch(/数字完全相同/);
    expect(doc.batch.choose).toEqual([]);
  });

  it('with one figure changed they are two reports, decided by what else tells them apart', () => {
    const changed = text.replace(/(本年新收[^\n]*?)(\d+)/, (_, a: string, n: string) => `${a}${Number(n) + 1}`);
    expect(changed).not.toBe(text);
    const out = check(folder(changed));
    expect(out.stdout).not.toMatch(/数字完全相同/);
  });
});
