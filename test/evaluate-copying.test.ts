/**
 * Copied text (雷同, issue 23 item 4) on a synthetic region of published text reports: six agencies
 * over 2023–2024, each with its own prose and the standard opening every report carries. Planted:
 * 丙's 2024 text repeats three of its 2023 paragraphs (60 %), 丁's 2024 text repeats three of
 * 甲's 2023 paragraphs (75 %). Both are found with the share, the passages quoted and their lines
 * in both reports; the others (each repeating one paragraph of its own last year, 25 %) pass and
 * score full marks; the opening, carried by all, counts neither way. Then the scale: four times the
 * reports take no more than about four times as long (no comparison of every pair).
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { chainedValues } from './helpers/region';
import { publishedText } from './helpers/published';
import { openingOf, paragraphsOf } from './helpers/prose';
import { tempDir } from './helpers/temp';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { DEFAULT_RULEBOOK } from '../core/evaluate';
import { copyIndex } from '../core/evaluate/copying';
import type { AgencyReports, Region } from '../core/evaluate/check';
import type { Placed } from '../core/evaluate/place';

const AGENCIES = ['某某县甲局', '某某县乙局', '某某县丙局', '某某县丁局', '某某县戊局', '某某县己局'];

/** Each agency's paragraphs of a year: its own, but 2024 repeats 2023's first (a normal share). */
function prose(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  AGENCIES.forEach((a, i) => {
    const y23 = paragraphsOf(i * 100 + 23, 4);
    const fresh = paragraphsOf(i * 100 + 24, 4);
    m.set(`${a}2023`, y23);
    m.set(`${a}2024`, [y23[0], fresh[0], fresh[1], fresh[2]]);
  });
  const own = (a: string, y: number) => m.get(`${a}${y}`)!;
  const fresh = (i: number) => paragraphsOf(i * 100 + 99, 2);
  // 丙 2024: three of its 2023 paragraphs, apart, between two of its own (3 of 5).
  const c = own('某某县丙局', 2023);
  m.set('某某县丙局2024', [c[2], fresh(2)[0], c[0], fresh(2)[1], c[1]]);
  // 丁 2024: three of 甲's 2023 paragraphs and one of its own (3 of 4).
  const a = own('某某县甲局', 2023);
  m.set('某某县丁局2024', [a[3], fresh(3)[0], a[1], a[2]]);
  return m;
}

function region(): string {
  const dir = tempDir('xxgk-copying-');
  const texts = prose();
  AGENCIES.forEach((agency, i) => {
    let last: ReturnType<typeof chainedValues> | null = null;
    for (const year of [2023, 2024]) {
      const intro = [openingOf(year), ...texts.get(`${agency}${year}`)!];
      last = chainedValues(i + 1 + year - 2023, last);
      const text = publishedText('2021', last, 'tabs', { agency, year, intro });
      fs.writeFileSync(path.join(dir, `${agency}-${year}.txt`), text);
    }
  });
  return dir;
}

interface Ev {
  rule: string;
  percent: number;
  file: string;
  other: { agency: string; file: string; year: number };
  passages: { ref: string; otherRef: string; text: string }[];
}
interface Rec {
  agency: string;
  year: number;
  score: number;
  checks: { check: string; result: string; evidence: Ev[] }[];
}

describe('evaluate: copied text', () => {
  const { out, capture } = outputCapture();
  const dir = region();
  const texts = prose();

  it('finds a text repeating its own last year and another agency, with the passages and their lines', async () => {
    capture();
    expect(await run([dir, '--json', '--years', '2023-2024'])).toBe(0);
    const doc = JSON.parse(out.join('')) as { records: Rec[] };
    expect(doc.records).toHaveLength(12);
    const copying = (agency: string, year: number) =>
      doc.records.find((r) => r.agency === agency && r.year === year)!.checks.find((c) => c.check === 'copying')!;

    const own = copying('某某县丙局', 2024);
    expect(own.result).toBe('fail');
    expect(own.evidence).toHaveLength(1);
    expect(own.evidence[0].rule).toBe('own_prior');
    expect(own.evidence[0].other).toMatchObject({ agency: '某某县丙局', year: 2023 });
    expect(path.basename(own.evidence[0].other.file)).toBe('某某县丙局-2023.txt');
    expect(own.evidence[0].percent).toBeGreaterThan(55);
    expect(own.evidence[0].percent).toBeLessThan(65);
    // The three repeated paragraphs, each quoted as written, on its line here and there.
    expect(own.evidence[0].passages).toHaveLength(3);
    const c23 = texts.get('某某县丙局2023')!;
    const lines24 = fs.readFileSync(path.join(dir, '某某县丙局-2024.txt'), 'utf8').split('\n');
    const lines23 = fs.readFileSync(path.join(dir, '某某县丙局-2023.txt'), 'utf8').split('\n');
    for (const p of own.evidence[0].passages) {
      const para = c23.find((x) => x.startsWith(p.text.replace(/…$/, '')))!;
      expect(para).toBeDefined();
      expect(lines24[Number(p.ref.replace('line ', '')) - 1]).toBe(para);
      expect(lines23[Number(p.otherRef.replace('line ', '')) - 1]).toBe(para);
    }

    const other = copying('某某县丁局', 2024);
    expect(other.result).toBe('fail');
    expect(other.evidence.map((e) => [e.rule, e.other.agency, e.other.year])).toEqual([['other_agency', '某某县甲局', 2023]]);
    expect(other.evidence[0].percent).toBeGreaterThan(70);
    expect(other.evidence[0].percent).toBeLessThan(80);
    // The earlier report is not accused of repeating the later one.
    expect(copying('某某县甲局', 2023).result).toBe('pass');

    for (const agency of ['某某县甲局', '某某县乙局', '某某县戊局', '某某县己局'])
      for (const year of [2023, 2024]) {
        const r = doc.records.find((x) => x.agency === agency && x.year === year)!;
        expect(r.checks.find((c) => c.check === 'copying')!.result).toBe('pass');
        expect(r.score).toBe(DEFAULT_RULEBOOK.full);
      }
  });

  it('says the finding in Chinese without English, lines as 第 N 行', async () => {
    capture();
    await run([dir, '--lang', 'zh']);
    const zh = out.join('');
    expect(zh).toMatch(/某某县丙局2024年：正文有 [0-9.]+% 与本单位2023年的报告相同/);
    expect(zh).toMatch(/某某县丁局2024年：正文有 [0-9.]+% 与某某县甲局2023年的报告相同/);
    expect(zh).toMatch(/（本报告第 \d+ 行，对方第 \d+ 行）/);
    expect(zh.replace(/[A-Z]+\d+|\.xlsx|\.txt|\/[^\s」]*|--[a-z]+/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('counts the opening every report carries neither as copied nor as the report own text', () => {
    const r = regionOf(6, (i, year) => [openingOf(year), ...paragraphsOf(i * 10 + year, 4)]);
    const index = copyIndex(r);
    for (const d of index.docs) {
      const { ownPrior, others } = index.overlapsOf(d);
      expect(others).toEqual([]);
      if (ownPrior) expect(ownPrior.percent).toBe(0);
      // The opening's characters are no part of the report's own prose.
      expect(d.ownChars).toBeLessThan(d.prose.chars.length - 40);
    }
  });

  it('never holds one agency written two ways against itself', () => {
    const r = regionOf(2, (i, year) => [openingOf(year), ...paragraphsOf(year === 2024 ? 2023 : i * 10 + year, 4)]);
    // The same office in the same county, one year written in full, the other short.
    r.agencies[0].agency = '某某县财政局';
    r.agencies[1].agency = '县财政局';
    for (const a of r.agencies) for (const p of a.reports) p.agency = a.agency;
    const index = copyIndex(r);
    const found = index.docs.flatMap((d) => index.overlapsOf(d).others.map((o) => o.percent));
    expect(found).toEqual([]);
    // Names of two offices are: the same text is found between them.
    r.agencies[1].agency = '某某县教育局';
    const again = copyIndex(r);
    expect(again.docs.flatMap((d) => again.overlapsOf(d).others.filter((o) => o.percent > 50))).toHaveLength(2);
  });

  it('scales by the reports, not by their pairs', () => {
    // Each agency repeats one paragraph of last year; one in ten copies another agency's.
    const make = (n: number) =>
      regionOf(n, (i, year) => {
        const own = paragraphsOf(i * 10 + year, 5);
        if (year === 2024) own[0] = paragraphsOf(i * 10 + 2023, 5)[0];
        if (year === 2024 && i % 10 === 9) own.splice(1, 3, ...paragraphsOf((i - 1) * 10 + 2023, 5).slice(1, 4));
        return [openingOf(year), ...own];
      });
    const time = (n: number) => {
      const r = make(n);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        // CPU time of this process, not the wall clock: other work on a shared machine does not count.
        const t0 = process.cpuUsage();
        const index = copyIndex({ ...r });
        let flagged = 0;
        for (const d of index.docs) flagged += index.overlapsOf(d).others.filter((o) => o.percent > 50).length;
        const used = process.cpuUsage(t0);
        best = Math.min(best, used.user + used.system);
        expect(flagged).toBe(n / 10);
      }
      return best;
    };
    time(20); // warm up
    const small = time(100),
      large = time(400);
    expect(large / small).toBeLessThan(6);
  });
});

/** A region in memory: n agencies over 2023–2024, each report's text the lines given. */
function regionOf(n: number, text: (agency: number, year: number) => string[]): Region {
  const agencies: AgencyReports[] = [];
  for (let i = 0; i < n; i++) {
    const agency = `某某县第${i}局`;
    const reports = [2023, 2024].map(
      (year) =>
        ({
          agency,
          year,
          file: `${agency}-${year}.txt`,
          report: {
            format: '2021',
            year,
            agency,
            sheet: null,
            cells: {},
            notes: [],
            tables: [],
            textLines: text(i, year).map((t, k) => ({ ref: `line ${k + 1}`, text: t })),
          },
        }) as unknown as Placed,
    );
    agencies.push({ agency, reports });
  }
  return { agencies, lang: 'zh', rulebook: DEFAULT_RULEBOOK };
}

describe('a saved page’s furniture is no prose', () => {
  it('发布日期, 来源, 浏览次数 and the like, printed by the portal on every page, are left out; a sentence holding them is kept', async () => {
    const { proseLines } = await import('../core/evaluate/shingles');
    const lines = [
      '发布日期：2024-01-15 10:00 来源：某某县人民政府办公室 浏览次数：123',
      '索引号：001-2024-00017 发布机构：某某县统计局 主题分类：统计信息',
      '【字体：大 中 小】 打印本页 关闭窗口 分享到微信朋友圈和微博',
      '2024年，我局于1月15日在门户网站发布日期明确的公告共计三十余条，来源均为本局业务科室。',
    ].map((text, i) => ({ ref: `line ${i + 1}`, text }));
    // Before: the first three were prose, and two agencies of one portal shared them (58 % in a small region).
    expect(proseLines(lines).map((l) => l.ref)).toEqual(['line 4']);
  });
});
