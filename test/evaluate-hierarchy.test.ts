/**
 * Hierarchy (issue 23 item 5) on a synthetic region written as files, with its tree (--tree):
 * - 某某县人民政府 (全县, said in its text) over three departments: 2023 its 表三/表四 are their sum
 *   (passes); 2024 教育局 wrote 本年新收 总计 5 too many (its own table then does not balance), so
 *   the sum is 5 above the government's — a failure naming 教育局's cell — and the government
 *   counts one suit more (国办公开办函〔2016〕201号) — a warning, no points;
 * - 某某区人民政府 (全区): 2023 its figures are exactly the sum without 丙局 (left out: a warning);
 *   2024 丙局 published no report (the sum is short: warnings naming 丙局 missing);
 * - 某某镇人民政府: 2023 its text says its figures are 本级 (not compared); 2024 a workbook that
 *   says neither (a warning: not compared).
 * Without --tree nothing is compared and the command says so once; a tree with an agency under two
 * governments is a bad command line naming the line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { bookBytes, reportSheets, type Raw } from './helpers/workbooks';
import { chainedValues } from './helpers/region';
import { publishedText } from './helpers/published';
import { tempDir } from './helpers/temp';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { DEFAULT_RULEBOOK } from '../core/evaluate';
import { parseTree, TreeError } from '../core/evaluate/tree';
import { scopeOf } from '../core/evaluate/scope';
import { readReportsFrom } from '../core/checkfile';

type Values = Record<string, Raw>;
const YEARS = [2023, 2024];

/** The government's 表三 and 表四: every cell the sum of its departments'; 表二 its own. */
function sumOf(own: Values, departments: Values[]): Values {
  const v = { ...own };
  for (const id of Object.keys(own))
    if (id.startsWith('T3:') || id.startsWith('T4:')) v[id] = departments.reduce((s, d) => s + Number(d[id] ?? 0), 0);
  return v;
}

function writeRegion(dir: string) {
  const xlsx = (agency: string, year: number, values: Values) =>
    fs.writeFileSync(path.join(dir, `${agency}-${year}.xlsx`), bookBytes(reportSheets({ format: '2021', year, agency, values }).sheets));
  const txt = (agency: string, year: number, values: Values, intro: string[]) =>
    fs.writeFileSync(path.join(dir, `${agency}-${year}.txt`), publishedText('2021', values, 'tabs', { agency, year, intro }));
  const chained = (seed: number) => {
    const out: Values[] = [];
    for (const [i] of YEARS.entries()) out.push(chainedValues(seed + i, out[i - 1] ?? null));
    return out;
  };
  const whole = (area: string, year: number) => [`${year}年，全${area}共收到政府信息公开申请${12 + year - 2023}件，均按期答复。`];

  // 县: three departments.
  const county = ['某某县财政局', '某某县教育局', '某某县民政局'].map((a, i) => ({ agency: a, years: chained(10 + i * 3) }));
  const gov = chained(40);
  YEARS.forEach((year, y) => {
    const truth = county.map((d) => d.years[y]);
    const govValues = sumOf(gov[y], truth);
    if (year === 2024) {
      // One suit more than the departments count: the 复议机关 named as co-defendant (201号).
      govValues['T4:R1:suit.upheld'] = Number(govValues['T4:R1:suit.upheld']) + 1;
      govValues['T4:R1:suit.total'] = Number(govValues['T4:R1:suit.total']) + 1;
    }
    txt('某某县人民政府', year, govValues, whole('县', year));
    for (const d of county) {
      const v = { ...d.years[y] };
      if (year === 2024 && d.agency === '某某县教育局') v['T3:R1:total'] = Number(v['T3:R1:total']) + 5;
      xlsx(d.agency, year, v);
    }
  });

  // 区: 2023 figures without 丙局; 2024 丙局 unpublished.
  const district = ['某某区甲局', '某某区乙局', '某某区丙局'].map((a, i) => ({ agency: a, years: chained(60 + i * 3) }));
  const dgov = chained(80);
  YEARS.forEach((year, y) => {
    const counted = year === 2023 ? district.slice(0, 2) : district;
    txt(
      '某某区人民政府',
      year,
      sumOf(
        dgov[y],
        counted.map((d) => d.years[y]),
      ),
      whole('区', year),
    );
    for (const d of district) if (!(year === 2024 && d.agency === '某某区丙局')) xlsx(d.agency, year, d.years[y]);
  });

  // 镇: 2023 本级 (figures its own, not the sum); 2024 a workbook saying neither.
  const town = chained(90);
  const office = chained(95);
  txt('某某镇人民政府', 2023, town[0], ['2023年，本级共收到政府信息公开申请若干件。']);
  xlsx('某某镇人民政府', 2024, town[1]);
  YEARS.forEach((year, y) => xlsx('某某镇财政所', year, office[y]));

  const tree = path.join(dir, '区划.txt');
  fs.writeFileSync(
    tree,
    [
      '# 某某县的区划（测试）',
      '某某县人民政府',
      '  某某县财政局',
      '  某某县教育局',
      '  某某县民政局',
      '某某区人民政府 > 某某区甲局',
      '某某区人民政府 > 某某区乙局',
      '某某区人民政府 ＞ 某某区丙局',
      '某某镇人民政府',
      '\t某某镇财政所',
    ].join('\n'),
  );
  return tree;
}

interface Ev {
  rule: string;
  cell: string | null;
  ref: string | null;
  expected: number | null;
  actual: number | null;
  severity?: string;
  departments?: { summed: string[]; missing: string[] };
  suspect?: { agency: string; file: string; ref: string | null; value: number | null };
}
interface Rec {
  agency: string;
  year: number;
  score: number;
  checks: { check: string; result: string; count: number; warnings: number; points: number; evidence: Ev[] }[];
}

describe('evaluate: a government against the sum of its departments', () => {
  const { out, capture } = outputCapture();
  const dir = tempDir('xxgk-hierarchy-');
  const tree = writeRegion(dir);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f !== '区划.txt')
    .map((f) => path.join(dir, f));

  const evaluated = async (...more: string[]) => {
    capture();
    expect(await run([...files, '--json', ...more])).toBe(0);
    const doc = JSON.parse(out.join('')) as { records: Rec[] };
    return (agency: string, year: number) => {
      const r = doc.records.find((x) => x.agency === agency && x.year === year)!;
      expect(r).toBeDefined();
      return { score: r.score, ...r.checks.find((c) => c.check === 'hierarchy')! };
    };
  };

  it('finds a department off in the sum, names its cell, and only warns of 表四 suits', async () => {
    const h = await evaluated('--tree', tree);
    expect(h('某某县人民政府', 2023).result).toBe('pass');
    const y24 = h('某某县人民政府', 2024);
    expect(y24.result).toBe('fail');
    const failing = y24.evidence.filter((e) => e.severity !== 'warning');
    expect(failing.map((e) => [e.cell, e.actual! - e.expected!])).toEqual([['T3:R1:total', -5]]);
    expect(failing[0].ref).toMatch(/^line \d+$/);
    expect(failing[0].departments).toEqual({ summed: ['某某县财政局', '某某县教育局', '某某县民政局'], missing: [] });
    expect(failing[0].suspect).toMatchObject({ agency: '某某县教育局' });
    expect(path.basename(failing[0].suspect!.file)).toBe('某某县教育局-2024.xlsx');
    expect(failing[0].suspect!.ref).toMatch(/!/);
    const suits = y24.evidence.filter((e) => e.severity === 'warning');
    expect(suits.map((e) => [e.rule, e.cell, e.actual! - e.expected!]).sort()).toEqual([
      ['sum_litigation', 'T4:R1:suit.total', 1],
      ['sum_litigation', 'T4:R1:suit.upheld', 1],
    ]);
    expect(y24.count).toBe(1);
    expect(y24.points).toBe(DEFAULT_RULEBOOK.deductions.find((d) => d.check === 'hierarchy')!.each);
    for (const d of ['某某县财政局', '某某县教育局', '某某县民政局']) expect(h(d, 2024).evidence).toEqual([]);
  });

  it('warns of a department left out, and of a sum short of a department that did not publish', async () => {
    const h = await evaluated('--tree', tree);
    const left = h('某某区人民政府', 2023);
    expect(left.result).toBe('warn');
    expect(left.evidence.map((e) => [e.rule, e.suspect?.agency])).toEqual([['left_out', '某某区丙局']]);
    const short = h('某某区人民政府', 2024);
    expect(short.result).toBe('warn');
    // One warning for every cell the missing department's figures would make up.
    expect(short.evidence).toHaveLength(1);
    expect(short.evidence[0]).toMatchObject({
      rule: 'sum_incomplete',
      cell: 'T3:R1:total',
      severity: 'warning',
      departments: { summed: ['某某区甲局', '某某区乙局'], missing: ['某某区丙局'] },
    });
    expect((short.evidence[0] as { cells?: number }).cells).toBeGreaterThan(20);
    expect(short.points).toBe(0);
  });

  it('does not compare a report of the government itself (本级), and says one that tells neither', async () => {
    const h = await evaluated('--tree', tree);
    expect(h('某某镇人民政府', 2023).evidence).toEqual([]);
    expect(h('某某镇人民政府', 2024).evidence.map((e) => [e.rule, e.severity])).toEqual([['scope_unknown', 'warning']]);
    expect(h('某某镇人民政府', 2024).points).toBe(0);
  });

  it('says it in Chinese without English, 201号 given as the reason', async () => {
    capture();
    await run([...files, '--tree', tree, '--lang', 'zh']);
    const zh = out.join('');
    expect(zh).toMatch(
      /某某县人民政府2024年（汇总所属部门的报告）：表三「[^」]+」「总计」（第 \d+ 行）为 \d+，所属 3 个部门的报告合计为 \d+；最可能有误的是某某县教育局的这一格/,
    );
    expect(zh).toContain('国办公开办函〔2016〕201号');
    expect(zh).toContain('恰好等于除某某区丙局以外各部门之和');
    expect(zh).toContain('未计入：某某区丙局');
    expect(zh).not.toContain('未给出区划文件');
    expect(zh.replace(/[A-Z]+\d+|\.xlsx|\.txt|\/[^\s」]*|--[a-z]+/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('without a tree compares nothing and says so once', async () => {
    const h = await evaluated();
    for (const [a, y] of [
      ['某某县人民政府', 2024],
      ['某某区人民政府', 2023],
      ['某某镇人民政府', 2024],
    ] as const)
      expect(h(a, y).evidence).toEqual([]);
    capture();
    await run([...files, '--lang', 'zh']);
    expect(out.join('').split('未给出区划文件（--tree）').length - 1).toBe(1);
  });

  it('refuses a tree with an agency under two governments, naming the line', async () => {
    const bad = path.join(dir, '错区划.txt');
    fs.writeFileSync(bad, '某某县人民政府\n  某某县财政局\n某某区人民政府 > 某某县财政局\n');
    capture();
    expect(await run([...files, '--tree', bad, '--lang', 'zh'])).toBe(2);
    expect(out.join('')).toContain('第 3 行：「某某县财政局」已是「某某县人民政府」的下级');
    fs.rmSync(bad);
    expect(() => parseTree('甲 > 乙\n乙 > 甲\n')).toThrow(TreeError);
    expect(() => parseTree('# 只有注释\n某某县人民政府\n')).toThrow(TreeError);
    expect([...parseTree('甲\n  乙\n    丙\n  丁\n').departments]).toEqual([
      ['甲', ['乙', '丁']],
      ['乙', ['丙']],
    ]);
  });

  it('reads 全区/全县 from real reports, and not from a sentence about something else', () => {
    const scope = (f: string) => {
      const file = path.join(__dirname, 'fixtures', 'real', f);
      // A saved page read as xxgk reads it; a stored copy cut short before its tables, by its lines.
      if (f.endsWith('.html')) return scopeOf(readReportsFrom(new Uint8Array(fs.readFileSync(file)), f)[0]);
      const textLines = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((text, i) => ({ ref: `line ${i + 1}`, text }));
      return scopeOf({ textLines } as never);
    };
    // 平潭综合实验区 (the 区's own report, counting for the whole area), 进贤县, 富县.
    expect(scope('pingtan-2021.html')).toMatchObject({
      scope: 'whole',
      quote: { text: '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。' },
    });
    expect(scope('pingtan-2023.html').scope).toBe('whole');
    expect(scope('jinxian-2024.txt').scope).toBe('whole');
    // 上海市人民政府办公厅 "修订全市“依申请办理示范文书”": about the city's forms, not its figures.
    expect(scope('shanghai-bgt-2019.html').scope).toBe('unknown');
    expect(scope('changchun-bgt-2024.txt').scope).toBe('unknown');
  });
});
