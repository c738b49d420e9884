/**
 * Cells of published text share their ref: a row of a page or text file is one line (`line 72`),
 * and a saved page often holds a whole table on one source line (the real 平潭 pages as published,
 * changwu/pingtan-gov-zwgk-archive page.html, put every <tr> of 表三 on one line). A cell is then
 * known by its place in the form, never by its ref alone.
 *
 * 平潭 2020 (test/fixtures/real/pingtan-2020.html) prints 表三 items that add up to 26 and 27 against
 * totals 20 and 21: 予以公开 and 部分公开 both hold 6 (自然人) and 7 / 6 (总计).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { fileSummary } from '../cli/output';
import { problemsOf } from '../core/batch/problems';
import { checkFileRead } from '../core/check/file';
import '../core/node/read';
import { judge, misreadRows, realFile, REAL, tally } from './helpers/real-reports';

const page = readFileSync(path.join(__dirname, 'fixtures', 'real', 'pingtan-2020.html'), 'utf8');
// As the site published it: each table on one line.
const oneLine = page.replace(/<table[\s\S]*?<\/table>/g, (t) => t.replace(/\n\s*/g, ''));

const check = async (html: string) =>
  (await checkFileRead({ name: 'pingtan-2020.html', bytes: new TextEncoder().encode(html) }, {})).result;

describe.each(REAL.filter((r) => r.kind === 'html'))('$file as published, its tables on one line', (r) => {
  const rebuilt = readFileSync(realFile(r)!, 'utf8');
  it.each([
    ['each table on one line', rebuilt.replace(/<table[\s\S]*?<\/table>/g, (t) => t.replace(/\n\s*/g, ''))],
    ['the whole page on one line', rebuilt.replace(/\n\s*/g, '')],
  ])('%s: every figure, the same findings', async (_, html) => {
    const { result, located } = await checkFileRead({ name: r.file, bytes: new TextEncoder().encode(html) }, {});
    expect([located[0].format, located[0].year, located[0].agency]).toEqual([r.format, r.year, r.agency]);
    expect(misreadRows(r.file, located[0])).toEqual([]);
    const { falseCount, missing } = judge(r, tally(result.reports.flatMap((x) => x.findings)));
    expect([falseCount <= (r.false ?? []).reduce((n, e) => n + e.count, 0), missing]).toEqual([true, 0]);
  });
});

describe('published text: cells that share a line', () => {
  it('one problem per slip: the 自然人 and 总计 columns are two problems, each with both of its cells', async () => {
    const r = (await check(page)).reports[0];
    const problems = problemsOf(r, 'zh')
      .filter((p) => p.equations)
      .map((p) => p.alternatives.map((a) => `${a.place.row} ${a.place.column} ${a.found}→${a.balance}`));
    // Before: one problem (部分公开 自然人 and 部分公开 总计 are both `line 73` → 0), its 总计 cell left out.
    expect(problems).toEqual([
      ['予以公开 自然人 6→0', '部分公开 自然人 6→0'],
      ['予以公开 总计 7→1', '部分公开 总计 6→0'],
    ]);
  });

  it('the summary names each suspect of a one-line table by its row and column, not by the line alone', async () => {
    const text = fileSummary(await check(oneLine), 'zh', false);
    const suspects = text.split('\n').filter((l) => l.includes('→ 疑为'));
    expect(suspects.length).toBeGreaterThanOrEqual(3);
    expect(suspects.some((l) => /第 \d+ 行（表三 予以公开 总计） = 7，应为 1/.test(l))).toBe(true);
    expect(suspects.some((l) => /第 \d+ 行（表三 部分公开 总计） = 6，应为 0/.test(l))).toBe(true);
    expect(new Set(suspects).size).toBe(suspects.length);
    const en = fileSummary(await check(oneLine), 'en', false);
    expect(en).toMatch(/suspect line \d+ \(Table 3 “予以公开” “总计”\) = 7, should be 1/);
  });

  it('the summary lists the lines of blank cells once each (沭阳 2023: 125 blanks, five to a row)', async () => {
    const html = readFileSync(path.join(__dirname, 'fixtures', 'real', 'shuyang-fgj-2023.html'), 'utf8');
    const line = fileSummary(await check(html), 'zh', false)
      .split('\n')
      .find((l) => l.includes('空白单元格'))!;
    expect(line).toContain('空白单元格 125 个');
    const places = line.replace(/^.*：/, '').replace(/…$/, '').split('、');
    expect(places.length).toBe(12);
    expect(new Set(places).size).toBe(places.length);
  });

  // The same slip on a page whose rows are lines (any page, text, Word or PDF report): 平潭 2024 with
  // 属于国家秘密 商业企业 and 科研机构 written 5 where 0 is printed. As a workbook its row finding names
  // both cells (L33, N33); as the page both are `line 50 = 0`, and suspects were once told apart by ref (one kept).
  it('a row rule names both cells of its row that balance it', async () => {
    const twoSlips = readFileSync(path.join(__dirname, 'fixtures', 'real', 'pingtan-2024.html'), 'utf8').replace(
      /(1\.属于国家秘密<\/td><td>4<\/td>)<td>0<\/td><td>0<\/td>/,
      '$1<td>5</td><td>5</td>',
    );
    const row = (await check(twoSlips)).reports[0].findings.find((f) => f.rule === 'T3.applicant_total')!;
    expect(row.suspects.map((s) => `${s.column}=${s.suggested}`)).toEqual(['commercial=0', 'research=0']);
  });

  // Suspects told apart by (ref, suggested value) lost 部分公开 自然人 (6 → 0) on a one-line table, as if it
  // were 予以公开 自然人: they are told apart by cell.
  it('a one-line table keeps every suspect the multi-line page has', async () => {
    const suspects = async (html: string) =>
      (await check(html)).reports[0].findings
        .filter((f) => f.rule === 'T3.results_total')
        .map((f) => f.suspects.map((s) => `${s.row}:${s.column}`));
    expect(await suspects(oneLine)).toEqual(await suspects(page));
  });
});
