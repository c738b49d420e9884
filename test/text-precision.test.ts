/**
 * Issue 12, precision first: the text.* rules on real published reports (test/fixtures/real/,
 * sources in its README). For each report: the figures its text quotes, as the rules read them
 * (each checked by reading the report), and the warnings raised, each a true disagreement of text
 * and table (checked by reading). The table of these is in test/fixtures/real/README.md.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import { ReadError } from '../core/read/errors';
import { readInputSync, reportsOf } from '../core/read/input';
import { joinWrapped, quotesOf, sentences, textFindings } from '../core/rules/text';

type Figure = [string, number];
interface Real {
  file: string;
  /** The format and tables read, or null when the stored copy ends before the tables. */
  read: string | null;
  figures: Figure[];
  /** [rule, said in the text, the table's value]: every one a true disagreement. */
  warnings: [string, number, number][];
}

const REAL: Real[] = [
  {
    file: 'test/fixtures/real/shanghai-bgt-2019.html',
    read: '2019 T2 T3 T4',
    figures: [
      ['received', 859],
      ['handled', 805],
      ['carried_in', 18],
      ['disclosed_partial', 258],
      ['withheld', 35],
      ['unavailable', 265],
      ['not_processed', 158],
      ['other_processing', 0],
      ['review', 7],
    ],
    // 表三 予以公开 272 + 部分公开 3 (their totals left blank); 258 is the 自然人 cell of 予以公开 alone.
    // 无法提供 252+12+1 + 47 + 25 = 337; 265 is its first item (本机关不掌握) alone.
    warnings: [
      ['disclosed_partial', 258, 275],
      ['unavailable', 265, 337],
    ],
  },
  { file: 'examples/shunhe-2020-report.txt', read: '2019 T2 T3 T4', figures: [], warnings: [] },
  {
    file: 'test/fixtures/real/changchun-bgt-2024.txt',
    read: null,
    figures: [
      ['received', 95],
      ['handled', 98],
      ['carried_in', 8],
      ['carried_over', 5], // 另有5件申请转结下年度继续办理: the figure before its keyword
      ['disclosed_partial', 42],
      ['withheld', 1],
      ['unavailable', 49],
      ['other_processing', 6],
      ['review', 2],
      ['suit', 1],
    ],
    warnings: [],
  },
  { file: 'test/fixtures/real/changchun-xinqu-2025.txt', read: '2021 T2', figures: [], warnings: [] },
  {
    file: 'test/fixtures/real/jianzhanglu-2022.txt',
    read: null,
    figures: [
      ['received', 0],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  { file: 'test/fixtures/real/jianzhanglu-2025.txt', read: null, figures: [['received', 0]], warnings: [] },
  { file: 'test/fixtures/real/jiarongli-2021.txt', read: '2021 T2', figures: [['received', 1]], warnings: [] },
  {
    file: 'test/fixtures/real/jiedao-2019.txt',
    read: '2019 T2 T3',
    figures: [
      ['received', 0],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  { file: 'test/fixtures/real/longgang-2024.txt', read: '2021 T2 T3', figures: [], warnings: [] },
  { file: 'test/fixtures/real/tongjiju-2023.txt', read: '2021 T2 T3', figures: [], warnings: [] },
  {
    file: 'test/fixtures/real/tuofenglu-2020.txt',
    read: '2019 T2',
    figures: [
      ['received', 0],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/yingbinlu-2021.txt',
    read: null,
    figures: [
      ['received', 5],
      ['review', 1],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/zhongcang-2025.txt',
    read: '2021 T2',
    // 依申请公开3次,行政复议0次,行政诉讼0次: cases counted in 次; applications in 次 are not read.
    figures: [
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/jinkeng-2025.txt',
    read: null,
    figures: [
      ['received', 0],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/tuanjie-2020.txt',
    read: '2019 T2',
    figures: [
      ['received', 0],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  { file: 'test/fixtures/real/liansheng-2025.txt', read: null, figures: [['received', 0]], warnings: [] },
  // County level, 2021 format, seven provinces (sources in test/fixtures/real/README.md).
  {
    file: 'test/fixtures/real/chunan-bgs-2024.txt',
    read: null,
    figures: [
      ['received', 32],
      ['handled', 31],
      ['review', 2], // 新发生行政复议案件2件(其中1件为2023年信息公开件)
      ['suit', 1],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/fuxian-2024.txt',
    read: null,
    figures: [
      ['received', 12],
      ['disclosed_partial', 6],
      ['unavailable', 6],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/gangu-bgs-2024.txt',
    read: null,
    // 未出现因答复不当引起的行政复议、行政诉讼等情况: none of either.
    figures: [
      ['received', 1],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  {
    file: 'test/fixtures/real/hejiang-2022.txt',
    read: null,
    // …上年转结政府信息公开申请0件,转下一年办理0件
    figures: [
      ['received', 17],
      ['handled', 17],
      ['carried_in', 0],
      ['carried_over', 0],
    ],
    warnings: [],
  },
  // 受理线上信息公开申请65件,依法办结62件,结转下年度办理3件,受理线下信息公开申请9件: parts by channel, not read.
  { file: 'test/fixtures/real/jinxian-2024.txt', read: null, figures: [], warnings: [] },
  { file: 'test/fixtures/real/tangyuan-bgs-2022.txt', read: '2021 T2', figures: [['received', 0]], warnings: [] },
  {
    file: 'test/fixtures/real/tongzi-2022.txt',
    read: null,
    figures: [
      ['received', 21],
      ['review', 1],
      ['suit', 1],
    ],
    warnings: [],
  },
  // 受理群众网上来访信件34件,办结34件: letters, not applications; not read.
  { file: 'test/fixtures/real/yongjing-2024.txt', read: null, figures: [], warnings: [] },
  // The copy ends inside 表三 (after its row 二): only 表二 is taken, so 受理…2件 is compared with nothing.
  { file: 'test/fixtures/real/changchun-tiyu-2023.txt', read: '2021 T2', figures: [['received', 2]], warnings: [] },
  { file: 'test/fixtures/real/qiaokou-bgs-2023.txt', read: null, figures: [['received', 24]], warnings: [] },
  {
    file: 'test/fixtures/real/xiangyang-bgs-2023.txt',
    read: null,
    figures: [
      ['received', 0],
      ['review', 0],
      ['suit', 0],
    ],
    warnings: [],
  },
  // 全年未接到信息公开申请 compared with 表三 本年新收 0: agrees (全年未收到行政许可申请 is not read).
  { file: 'test/fixtures/real/zhanjiang-dfz-2023.txt', read: '2021 T2 T3', figures: [['received', 0]], warnings: [] },
];

const ROOT = path.join(__dirname, '..');

describe('text.* rules on real published reports', () => {
  for (const real of REAL)
    it(path.basename(real.file), () => {
      const name = path.basename(real.file);
      const read = readInputSync(new Uint8Array(readFileSync(path.join(ROOT, real.file))), name);
      const figures = joinWrapped(read.textLines ?? []).flatMap((l) => sentences(l.text).flatMap((s) => quotesOf(s, l.ref)));
      expect(figures.map((q) => [q.rule.slice(5), q.value])).toEqual(real.figures);
      if (real.read === null) {
        // The stored copy ends before the tables: said so, never checked against nothing.
        expect(() => reportsOf(read, name)).toThrow(ReadError);
        expect(() => reportsOf(read, name)).toThrow(/没有找到年度报告的统计表/); // not "是空的": it has text
        return;
      }
      const reports = reportsOf(read, name);
      expect(reports.map((r) => `${r.format} ${r.tables.join(' ')}`)).toEqual([real.read]);
      // None prints the old single row （六）其他处理: a copy cut off before 表三's （六） rows is not told it does.
      expect(reports.flatMap((r) => r.variants ?? [])).toEqual([]);
      const warnings = reports.flatMap((r) => confront(r, { textRules: textFindings }).findings.filter((f) => f.rule.startsWith('text.')));
      expect(warnings.map((f) => [f.rule.slice(5), f.actual, f.expected])).toEqual(real.warnings);
      for (const f of warnings) expect(f.message).toMatch(/^第 \d+ 行文字称.+表三「.+」.+：“.+”$/);
    });

  it('the precision: every warning raised on them is a true disagreement', () => {
    const raised = REAL.flatMap((r) => r.warnings);
    expect(REAL.length).toBeGreaterThanOrEqual(28);
    expect(REAL.reduce((n, r) => n + r.figures.length, 0)).toBe(65);
    expect(new Set(REAL.map((r) => r.read?.slice(0, 4)).filter(Boolean))).toEqual(new Set(['2019', '2021']));
    expect(raised).toHaveLength(2);
  });
});

describe('a stored copy cut off inside 表三', () => {
  const read = (file: string) => {
    const name = path.basename(file);
    return reportsOf(readInputSync(new Uint8Array(readFileSync(path.join(ROOT, file))), name), name)[0];
  };
  it.each(['jiedao-2019.txt', 'longgang-2024.txt', 'zhanjiang-dfz-2023.txt'])(
    '%s: the row cut in the middle is missing (said so), never blank',
    (file) => {
      const r = read(`test/fixtures/real/${file}`);
      const found = confront(r).findings;
      expect(found.filter((f) => f.rule === 'cell.blank')).toEqual([]);
      expect(found.map((f) => f.rule)).toContain('format.missing_cells');
    },
  );
  it('a copy whose last row is whole keeps it', () => {
    const text = readFileSync(path.join(ROOT, 'test/fixtures/real/longgang-2024.txt'), 'utf8');
    const whole = text.slice(0, text.lastIndexOf('\n7.属于行政执法案卷'));
    const r = reportsOf(readInputSync(new TextEncoder().encode(whole), 'cut.txt'), 'cut.txt')[0];
    expect(r.cells['T3:R3.3.6:total']?.raw).toBeDefined();
    expect(confront(r).findings.filter((f) => f.rule === 'cell.blank')).toEqual([]);
  });
});
