/**
 * Every refusal of every command (export, sum, fill, import, template, rules), in Chinese and in
 * English: what a person reads when a command will not do the work, or leaves files out. Each
 * finding on its own line, named by its cell and the form's labels as `check` names it; no rule id
 * (cell.not_number, T3.balance), no instance key (T3:R3.1:natural), no other language, and no
 * visible escape the program made of its own line breaks (a message of several lines passed whole
 * through shown()). A control character in a file's name or cell is shown as an escape where it
 * stands, and adds no line: the refusal of a hostile file has as many lines as that of a tame one.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { letterDocx } from './helpers/batch-folder';
import { defects, xxgk, type Lang } from './helpers/scan';
import { balancedValues, syntheticReport } from './helpers/synthetic';
import { sumReports } from '../core/template/sum';
import { sheetsTogether } from './helpers/sheets-together';
import { tempDir } from './helpers/temp';
import { bookBytes, reportSheets, type Raw } from './helpers/workbooks';

let work: string;
const f = (...p: string[]) => path.join(work, ...p);

const book = (agency: string, values: Record<string, Raw>, year = 2025) =>
  bookBytes(reportSheets({ format: '2021', year, agency, values }).sheets);

/** A report with errors: a result that breaks its column's balance and a text where a number belongs. */
const withErrors = (text: string) => {
  const bad = { ...balancedValues('2021', 2) };
  bad['T3:R3.3.4:natural'] = (bad['T3:R3.3.4:natural'] as number) + 10;
  bad['T4:R1:review.pending'] = text;
  return bad;
};

/** A file's name and a cell's text holding control characters (a line break, an escape sequence). */
const HOSTILE_NAME = '教育\n局\u001b[2J.xlsx';

beforeAll(() => {
  work = tempDir('xxgk-refusals-');
  writeFileSync(f('教育局.xlsx'), book('某某县教育局', withErrors('若干件')));
  writeFileSync(f(HOSTILE_NAME), book('某某县教育局', withErrors('若干\n件')));
  writeFileSync(f('财政局.xlsx'), book('某某县财政局', balancedValues('2021', 1)));
  writeFileSync(f('财政局2024.xlsx'), book('某某县财政局', balancedValues('2021', 3), 2024));
  const one = (agency: string, seed: number) => ({ format: '2021', year: 2025, agency, values: balancedValues('2021', seed) });
  writeFileSync(
    f('两单位合报.xlsx'),
    bookBytes([sheetsTogether('2025年报', [one('某某县地震局', 1), { ...one('某某县融媒体中心', 2), origin: { r: 0, c: 17 } }])]),
  );
  writeFileSync(f('说明.docx'), letterDocx('关于报送年度报告的说明'));
  mkdirSync(f('空文件夹'));
  mkdirSync(f('去年'));
  writeFileSync(f('去年', '甲.xlsx'), book('某某县甲局', balancedValues('2021', 1), 2024));
  writeFileSync(f('去年', '乙.xlsx'), book('某某县乙局', balancedValues('2021', 2), 2024));
  writeFileSync(f('名单.txt'), '某某县财政局\n某某县水利局\n');
  // A folder where one agency's template would go: that one cannot be written, the other is.
  mkdirSync(f('模板', '某某县水利局.xlsx'), { recursive: true });
});

/** Every refusal (and every run that leaves something out), by name: the command line after `xxgk`. */
function refusals(lang: Lang): Record<string, string[]> {
  const o = (name: string) => f(`输出-${lang}`, name);
  mkdirSync(o(''), { recursive: true });
  const bad = f('教育局.xlsx');
  return {
    'export: a report with errors': ['export', bad, '-o', o('甲.csv')],
    'export: a report with errors, as html': ['export', bad, '--to', 'html', '-o', o('甲.html')],
    'export: two reports on a sheet': ['export', f('两单位合报.xlsx'), '-o', o('乙.json')],
    'export: no such sheet': ['export', f('财政局.xlsx'), '--sheet', '没有这张表', '-o', o('丙.json')],
    'export: not a report': ['export', f('说明.docx'), '-o', o('丁.json')],
    'sum: a report with errors': ['sum', f('财政局.xlsx'), bad, '-o', o('汇总甲.xlsx')],
    'sum: two years': ['sum', f('财政局.xlsx'), f('财政局2024.xlsx'), '-o', o('汇总乙.xlsx')],
    'sum --only-clean: files left out': ['sum', f('财政局.xlsx'), bad, f('说明.docx'), '--only-clean', '-o', o('汇总丙.xlsx')],
    'sum --only-clean: none clean': ['sum', bad, f('说明.docx'), '--only-clean', '-o', o('汇总丁.xlsx')],
    'sum --allow-errors: a text not summed': ['sum', f('财政局.xlsx'), bad, '--allow-errors', '-o', o('汇总戊.xlsx')],
    'fill: a report with errors': ['fill', bad, '-o', o('填充甲.xlsx')],
    'fill: two reports on a sheet': ['fill', f('两单位合报.xlsx'), '-o', o('填充乙.xlsx')],
    'fill: several last-year reports': ['fill', f('财政局.xlsx'), '--prior', f('去年'), '-o', o('填充丙.xlsx')],
    'import: a report with errors': ['import', bad],
    'import: two reports to one workbook': ['import', f('两单位合报.xlsx'), '-o', o('导入.xlsx')],
    'template: nothing from last year': ['template', '--year', '2025', '--from', f('空文件夹'), '-o', o('模板甲.xlsx')],
    'template: an agency not written': ['template', '--year', '2025', '--agencies', f('名单.txt'), '-o', f('模板')],
    'template: an unknown format': ['template', '--format', '2099', '-o', o('模板乙.xlsx')],
    'rules: an unknown format': ['rules', '--format', '2099'],
  };
}

/** Names from the files, which may be in any language (the scan takes them out). */
const NAMES = [
  '某某县教育局',
  '某某县水利局',
  '某某县财政局',
  '某某县地震局',
  '某某县融媒体中心',
  '没有这张表',
  '2025年报',
  '2024年报',
  '若干件',
];

describe('every refusal: one finding a line, by cell and labels, no key, in one language', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const found: Record<string, string[]> = {};
      for (const [name, args] of Object.entries(refusals(lang))) {
        const { text } = await xxgk([...args, '--lang', lang]);
        if (process.env.XXGK_SCAN_DUMP)
          writeFileSync(path.join(process.env.XXGK_SCAN_DUMP, `${lang}-${name.replace(/\W+/g, '_')}.txt`), text);
        expect(text.trim(), name).not.toBe('');
        const d = defects(text, lang, NAMES, { work, refusal: true });
        if (d.length) found[name] = d;
      }
      expect(found).toEqual({});
    });

  it('export names each error on a line of its own, by its cell, in the words check uses', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const refusal = (await xxgk(['export', f('教育局.xlsx'), '-o', f(`甲-${lang}.csv`), '--lang', lang])).text;
      const check = (await xxgk(['check', f('教育局.xlsx'), '--lang', lang])).text;
      const lines = refusal.trimEnd().split('\n');
      expect(lines[0]).toContain(lang === 'zh' ? '未导出' : 'not exported');
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines.slice(1)) {
        // "  - D53 表四 …": the place and words check printed for that finding (without its rule id).
        const m = /^ {2}- ([A-Z]+\d+…?) (.+)$/.exec(line);
        expect(m, line).not.toBeNull();
        // check prints the same place and words on one line (rule ids are no longer shown there).
        expect(check).toContain(`${m![1]} ${m![2]}`);
      }
    }
  });
});

describe('sum of reports printed with different rows', () => {
  it('names a cell outside the sum by its address and words, never its key', () => {
    for (const lang of ['zh', 'en'] as const) {
      const inputs = [
        { name: '甲.xlsx', report: syntheticReport('2021') },
        { name: '乙.xlsx', report: syntheticReport('2021', {}, { variants: ['old_rows'] }) },
      ];
      const res = sumReports(inputs, { lang, allowErrors: true });
      expect(res.ok).toBe(true);
      const notes = res.ok ? res.notes : [];
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        expect(n).not.toMatch(/T[234]:/);
        expect(n).toMatch(lang === 'zh' ? /乙\.xlsx 的 S!\w+ 表三/ : /乙\.xlsx: S!\w+ Table 3/);
      }
    }
  });
});

describe('export of a sheet holding two reports', () => {
  it('names both and where they stand, and does not send the reader to --sheet, which cannot pick one', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = await xxgk(['export', f('两单位合报.xlsx'), '-o', f(`两单位-${lang}.json`), '--lang', lang]);
      expect(r.status).toBe(1);
      expect(r.text).toMatch(/某某县地震局.*A1:O53.*某某县融媒体中心.*R1:AF53/);
      expect(r.text).not.toContain('--sheet');
    }
  });
});

describe('a control character from a file is shown where it stands and adds no line', () => {
  const hostile = (args: (file: string) => string[]) => [args(f('教育局.xlsx')), args(f(HOSTILE_NAME))];
  const commands: Record<string, (file: string) => string[]> = {
    export: (file) => ['export', file, '-o', f('控制.csv')],
    sum: (file) => ['sum', f('财政局.xlsx'), file, '-o', f('控制.xlsx')],
    'sum --only-clean': (file) => ['sum', f('财政局.xlsx'), file, '--only-clean', '-o', f('控制二.xlsx')],
    'sum --allow-errors': (file) => ['sum', f('财政局.xlsx'), file, '--allow-errors', '-o', f('控制三.xlsx')],
    fill: (file) => ['fill', file, '-o', f('控制四.xlsx')],
    import: (file) => ['import', file],
  };
  for (const lang of ['zh', 'en'] as const)
    for (const [name, args] of Object.entries(commands))
      it(`${name} (${lang})`, async () => {
        const [tame, wild] = hostile(args);
        const a = (await xxgk([...tame, '--lang', lang])).text;
        const b = (await xxgk([...wild, '--lang', lang])).text;
        expect(b.split('\n').length).toBe(a.split('\n').length);
        // eslint-disable-next-line no-control-regex
        expect(b).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        if (b.includes('教育')) expect(b).toContain('教育\\x0A局\\x1B[2J');
        if (b.includes('若干')) expect(b).toContain('若干\\x0A件');
        expect(b.match(/\\x0A/g)?.length ?? 0, b).toBe((b.match(/教育\\x0A局|若干\\x0A件/g) ?? []).length);
      });
});
