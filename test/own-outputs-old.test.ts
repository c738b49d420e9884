/**
 * Issue 20, item 3: the product's own outputs written before they carried its mark (a defined
 * name XXGK_OUTPUT_*, a generator meta) are known by their content and left out of a folder's
 * inputs with a line each: a bulk report (.xlsx by its two sheets, .html by its title) and a
 * send-back notice (.html by its title, .xlsx by its one sheet), in either language. Before, each
 * was read as a department's file, "不是报表" in check's verdicts. (A total before the mark is
 * known by its appendix: test/hostile-names.test.ts.) The old files are today's with the mark
 * taken out, which is all that told them apart.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

/** The file as it was written before the mark: no generator meta, no XXGK_OUTPUT_ defined name. */
function unmark(file: string): void {
  if (file.endsWith('.html')) {
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toMatch(/<meta name="generator"/);
    fs.writeFileSync(file, html.replace(/<meta name="generator" content="[^"]*">/, ''));
    return;
  }
  const parts = unzipSync(fs.readFileSync(file));
  const wb = strFromU8(parts['xl/workbook.xml']);
  expect(wb).toMatch(/XXGK_OUTPUT_/);
  parts['xl/workbook.xml'] = strToU8(wb.replace(/<definedName\b[^>]*name="XXGK_OUTPUT_[A-Z]+"[^>]*>[^<]*<\/definedName>/g, ''));
  fs.writeFileSync(file, zipSync(parts));
}

describe("the product's outputs from before the mark are known by their content (item 3)", () => {
  for (const lang of ['zh', 'en'] as const)
    it(`bulk reports and notices, written in ${lang}, are left out of check DIR, a line each`, () => {
      const d = tempDir('xxgk-old-own-');
      fs.copyFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'), path.join(d, '财政局.xlsx'));
      fs.copyFileSync(path.join(root, 'examples', '某某县教育局-2024-有错误.xlsx'), path.join(d, '教育局.xlsx'));
      const out = tempDir('xxgk-old-own-out-');
      for (const r of ['报告.xlsx', '报告.html']) xxgk(['check', '.', '--lang', lang, '--report', path.join(out, r)], d);
      xxgk(['check', '.', '--lang', lang, '--notices', path.join(out, '退回')], d);
      xxgk(['check', '.', '--lang', lang, '--notices', path.join(out, '退回x'), '--notices-format', 'xlsx'], d);
      const made = [
        '报告.xlsx',
        '报告.html',
        ...fs.readdirSync(path.join(out, '退回')).map((f) => path.join('退回', f)),
        ...(fs.existsSync(path.join(out, '退回x')) ? fs.readdirSync(path.join(out, '退回x')).map((f) => path.join('退回x', f)) : []),
      ];
      expect(made.length).toBeGreaterThanOrEqual(3);
      const names = made.map((f) => (f.startsWith('退回x') ? `x-${path.basename(f)}` : path.basename(f)));
      made.forEach((f, i) => {
        fs.copyFileSync(path.join(out, f), path.join(d, names[i]));
        unmark(path.join(d, names[i]));
      });
      const c = xxgk(['check', '.', '--lang', 'zh'], d);
      expect(c.stdout).toContain('合计：2 个文件');
      expect(c.stdout).not.toContain('不是报表 1');
      for (const n of names)
        expect(c.stdout).toMatch(new RegExp(`未读取「${n.replace(/[.$]/g, '\\$&')}」：是本程序生成的(检查报告|退回通知)`));
    }, 120_000);
});
