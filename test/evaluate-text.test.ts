/**
 * xxgk evaluate's text and timeliness checks (issue 23 items 2 and 3) on saved web pages written by
 * the test, one 2023 report each, with planted faults — 乙局: 五 only "无", 六 denying any fee while
 * 表二 shows 行政事业性收费, last year's year in 一 and in the statistics period, published after
 * 1月31日; 县政府: 六 missing (the page ends on its date), published in March (on time for a
 * government); 丁局: a copy cut after the tables without a date (not judged, said); 戊局: the
 * content names no agency, its <title> does; 己局: listed, no report (未发布). 甲局 is clean though its
 * text mentions other years in context and 六 says "未收取信息处理费" beside 表二's fees: full marks.
 * Then the real whole reports (上海市人民政府办公厅 2019, 顺河 2020) and every cut real copy: no
 * accusation, and what cannot be judged is said.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { publishedHtml } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { CHECKS, DEFAULT_RULEBOOK } from '../core/evaluate';
import { deadlineOf } from '../core/evaluate/check-timely';
import { importHtml, importText, parseHtml, parseText } from '../core/import';
import type { Placed } from '../core/evaluate/place';
import type { AgencyReports, Evidence, Region } from '../core/evaluate/check';

interface PageOptions {
  intro?: string[];
  preamble?: string;
  five?: string;
  /** 六's text, or null for no 六 (then `ending` closes the page). */
  six?: string | null;
  ending?: string;
  date?: string;
  fees?: number;
  cut?: boolean;
  /** The <title> to print instead, and the h1 without an agency. */
  title?: string;
}

function page(agency: string, opts: PageOptions = {}): string {
  const values = { ...balancedValues('2021', 3), 'T2:fees:amount': opts.fees ?? 0 };
  let html = publishedHtml('2021', values, { year: 2023, agency, intro: opts.intro });
  const own = `${agency}2023年政府信息公开工作年度报告`;
  if (opts.title)
    html = html
      .replace(`<h1 class=title>${own}</h1>`, '<h1 class=title>2023年政府信息公开工作年度报告</h1>')
      .replace(`<TITLE>\n${own}\n</TITLE>`, `<TITLE>\n${opts.title}\n</TITLE>`);
  const head = [
    opts.date ? `<div>发布日期：${opts.date}\u3000来源：${agency}</div>` : '',
    opts.preamble ? `<p>${opts.preamble}</p>` : '',
  ].join('\n');
  html = html.replace('<p>一、总体情况</p>', `${head}\n<p>一、总体情况</p>`);
  if (opts.five !== undefined) html = html.replace('<p>信息公开的内容有待进一步完善&hellip;</p>', opts.five ? `<p>${opts.five}</p>` : '');
  if (opts.six !== undefined)
    html = html.replace(
      '<p>六、其他需要报告的事项</p><p>无</p>',
      opts.six === null ? (opts.ending ?? '') : `<p>六、其他需要报告的事项</p><p>${opts.six}</p>`,
    );
  if (opts.cut) html = html.slice(0, html.lastIndexOf('</TABLE>') + '</TABLE>'.length);
  return html;
}

function region(): string {
  const dir = tempDir('xxgk-evaluate-text-');
  const write = (name: string, html: string) => fs.writeFileSync(path.join(dir, name), html);
  write(
    '甲.html',
    page('某某县甲局', {
      date: '2024-01-30',
      fees: 2.5,
      preamble: '本报告所列数据统计期限为2023年1月1日至12月31日。',
      intro: [
        '2023年，我局扎实推进政务公开工作。',
        '2022年以来，我局持续完善公开制度。',
        '与2022年相比，主动公开信息增加10条。',
        '2024年，我局将继续深化政务公开。',
      ],
      six: '本机关未收取信息处理费。',
    }),
  );
  write(
    '乙.html',
    page('某某县乙局', {
      date: '2024-02-20',
      fees: 1.5,
      preamble: '本报告所列数据统计期限为2022年1月1日至12月31日。',
      intro: ['2022年，我局紧紧围绕中心工作推进政务公开。'],
      five: '无',
      six: '本年度未收取任何费用。',
    }),
  );
  write('县政府.html', page('某某县人民政府', { date: '2024-03-10', six: null, ending: '<p>某某县人民政府</p><p>2024年3月10日</p>' }));
  write('丁.html', page('某某县丁局', { cut: true }));
  write(
    '戊.html',
    page('某某县戊局', { title: '某某县戊局2023年政府信息公开工作年度报告_某某县人民政府门户网站_政府信息公开_年度报告栏目' }),
  );
  fs.writeFileSync(
    path.join(dir, '名单.txt'),
    ['某某县甲局', '某某县乙局', '某某县人民政府', '某某县丁局', '某某县戊局', '某某县己局'].join('\n'),
  );
  return dir;
}

interface Rec {
  agency: string;
  year: number;
  file: string;
  score: number;
  fromTitle?: { text: string; agency: boolean; year: boolean };
  checks: { check: string; result: string; count: number; warnings: number; points: number; notJudged?: string; evidence: Evidence[] }[];
}

describe('xxgk evaluate: text and timeliness', () => {
  const { out, capture } = outputCapture();
  const dir = region();
  const list = path.join(dir, '名单.txt');
  let doc: { records: Rec[] };
  const rec = (agency: string) => doc.records.find((r) => r.agency === agency)!;
  const check = (agency: string, k: string) => rec(agency).checks.find((c) => c.check === k)!;

  it('finds every planted fault, with the sentence or date as evidence', async () => {
    capture();
    expect(await run([dir, '--json', '--agencies', list, '--years', '2023'])).toBe(0);
    doc = JSON.parse(out.join('')) as { records: Rec[] };
    expect(doc.records.map((r) => r.agency).sort()).toEqual(
      ['某某县丁局', '某某县乙局', '某某县人民政府', '某某县己局', '某某县戊局', '某某县甲局'].sort(),
    );

    expect(check('某某县乙局', 'section_five')).toMatchObject({ result: 'fail', count: 1 });
    expect(check('某某县乙局', 'section_five').evidence[0].quote!.text).toContain('无');
    const fees = check('某某县乙局', 'fees');
    expect(fees).toMatchObject({ result: 'warn', warnings: 1 });
    expect(fees.evidence[0]).toMatchObject({ cell: 'T2:fees:amount', actual: 1.5 });
    expect(fees.evidence[0].quote!.text).toBe('本年度未收取任何费用。');
    const years = check('某某县乙局', 'text_year');
    expect(years.result).toBe('warn');
    expect(years.evidence.map((e) => [e.rule, e.actual]).sort()).toEqual([
      ['opening', 2022],
      ['period', 2022],
    ]);
    expect(years.evidence.every((e) => /^line \d+$/.test(e.quote!.ref))).toBe(true);
    const late = check('某某县乙局', 'timely');
    expect(late.result).toBe('fail');
    expect(late.evidence[0]).toMatchObject({ date: '2024-02-20', deadline: '2024-01-31', rule: 'department' });
    // 五 and the late date lose their points; the warnings none (other checks, e.g. copying of these
    // template pages' text, may deduct too: the score is full marks less every check's points).
    expect([check('某某县乙局', 'section_five').points, late.points, fees.points, years.points]).toEqual([0.5, 0.5, 0, 0]);
    expect(rec('某某县乙局').score).toBe(DEFAULT_RULEBOOK.full - rec('某某县乙局').checks.reduce((a, c) => a + c.points, 0));

    // A government has to 3月31日; its page ends on its date without 六: the section is said missing, a warning.
    expect(check('某某县人民政府', 'timely').result).toBe('pass');
    const sections = check('某某县人民政府', 'sections');
    expect(sections.result).toBe('warn');
    expect(sections.evidence.map((e) => e.rule)).toEqual(['section_6']);
    expect(sections.evidence[0].quote!.text).toBe('2024年3月10日');
    expect(check('某某县人民政府', 'section_five').result).toBe('pass');
    expect(rec('某某县人民政府').score).toBe(DEFAULT_RULEBOOK.full);

    // A copy cut after the tables, without a date: not judged, never accused.
    for (const k of ['sections', 'section_five'])
      expect(check('某某县丁局', k)).toMatchObject({ result: 'not_judged', notJudged: 'not_whole' });
    expect(check('某某县丁局', 'timely')).toMatchObject({ result: 'not_judged', notJudged: 'no_date' });
    expect(rec('某某县丁局').score).toBe(DEFAULT_RULEBOOK.full);

    expect(rec('某某县戊局').fromTitle).toMatchObject({ agency: true, year: false });
    expect(rec('某某县戊局').fromTitle!.text).toContain('某某县戊局2023年');
    expect(path.basename(rec('某某县戊局').file)).toBe('戊.html');

    // Listed, no report: a record of its own, 未发布, the other checks not judged.
    expect(rec('某某县己局').file).toBe('');
    expect(check('某某县己局', 'published')).toMatchObject({ result: 'fail', count: 1 });
    expect(
      rec('某某县己局')
        .checks.filter((c) => c.check !== 'published')
        .every((c) => c.notJudged === 'no_report'),
    ).toBe(true);
    expect(rec('某某县己局').score).toBe(DEFAULT_RULEBOOK.full - 0.5);
  });

  it('leaves the clean report alone: other years in context, 信息处理费 beside 表二 fees', () => {
    expect(rec('某某县甲局').checks.filter((c) => c.result !== 'pass')).toEqual([]);
    expect(rec('某某县甲局').score).toBe(DEFAULT_RULEBOOK.full);
  });

  it('says each finding in Chinese without English, and in English', async () => {
    capture();
    await run([dir, '--agencies', list, '--years', '2023', '--lang', 'zh']);
    const zh = out.join('');
    for (const words of [
      '只写了“无”',
      '未收取任何费用',
      '统计期限写的是2022年',
      '晚于条例第四十九条的期限 2024-01-31',
      '没有找到第六部分的标题',
      '按网页标题认定',
      '未发布',
      '未评',
    ])
      expect(zh).toContain(words);
    expect(zh.replace(/[A-Z]+\d+|\.html|\.txt|--[a-z]+|\/[^\s」]*/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    out.length = 0;
    await run([dir, '--agencies', list, '--years', '2023', '--lang', 'en']);
    const en = out.join('');
    expect(en).toContain('after the deadline of article 49');
    expect(en).toContain("taken from the page's title");
  });
});

describe('deadline of 条例第四十九条 from the agency name', () => {
  it.each([
    ['某某县人民政府', 'government', '2024-03-31'],
    ['某某区政府', 'government', '2024-03-31'],
    ['某某县人民政府办公室', 'department', '2024-01-31'],
    ['上海市人民政府办公厅', 'department', '2024-01-31'],
    ['某某市民政局', 'department', '2024-01-31'],
    ['某某县发展和改革委员会', 'department', '2024-01-31'],
    ['某某镇人民政府', 'other', '2024-03-31'],
    ['某某街道办事处', 'other', '2024-03-31'],
    ['某某经济开发区管理委员会', 'other', '2024-03-31'],
  ])('%s: %s by %s', (agency, kind, date) => {
    expect(deadlineOf(agency, 2023)).toEqual({ kind, date });
  });
});

/** Every evaluator check run on one report alone (as a region of one agency). */
function judge(file: string, report: Placed['report']) {
  const p = { agency: report.agency ?? '某单位', year: report.year ?? 0, file, report, result: { findings: [] } } as unknown as Placed;
  const agency: AgencyReports = { agency: p.agency, reports: [p] };
  const region: Region = { agencies: [agency], lang: 'zh', rulebook: DEFAULT_RULEBOOK };
  return Object.fromEntries(
    CHECKS.map((c) => [c.key, { notJudged: c.notJudged?.(agency, region)[0] ?? null, evidence: c.run(agency, region)[0] }]),
  );
}

describe('real published reports', () => {
  const real = (f: string) => path.join(__dirname, 'fixtures', 'real', f);

  it('上海市人民政府办公厅 2019 (whole page): its 发布日期 read, on time for a department, every section found', () => {
    const [r] = importHtml(fs.readFileSync(real('shanghai-bgt-2019.html'), 'utf8'), 'shanghai-bgt-2019.html');
    expect(r.published).toEqual({ date: '2020-01-31', ref: 'line 3' });
    expect(r.title?.text).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
    const j = judge('shanghai-bgt-2019.html', r);
    for (const k of ['sections', 'section_five', 'fees', 'text_year', 'timely'])
      expect([k, j[k]]).toEqual([k, { notJudged: null, evidence: [] }]);
  });

  it("沭阳县发展和改革局 2023 (whole page): 公开日期 read from the page's header table, on time", () => {
    const [r] = importHtml(fs.readFileSync(real('shuyang-fgj-2023.html'), 'utf8'), 'shuyang-fgj-2023.html');
    expect(r.published?.date).toBe('2024-01-17');
    const j = judge('shuyang-fgj-2023.html', { ...r, agency: '沭阳县发展和改革局' });
    for (const k of ['sections', 'section_five', 'fees', 'text_year', 'timely'])
      expect([k, j[k]]).toEqual([k, { notJudged: null, evidence: [] }]);
  });

  it('平潭综合实验区 2020–2025 (six whole pages): dated, whole, no text finding; 表三 chained across 2020→2021', async () => {
    const { out, capture } = outputCapture();
    capture();
    const files = [2020, 2021, 2022, 2023, 2024, 2025].map((y) => real(`pingtan-${y}.html`));
    await run([...files, '--json']);
    const records = (JSON.parse(out.join('')) as { records: (Rec & { notCompared: unknown[] })[] }).records;
    expect(records.map((r) => r.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    for (const r of records) {
      for (const k of ['sections', 'section_five', 'fees', 'text_year', 'timely'])
        expect([r.year, k, r.checks.find((c) => c.check === k)!.result]).toEqual([r.year, k, 'pass']);
    }
    // 2021's 上年结转 is 2020's 结转下年度, column by column; 现行有效 is not compared across the change of format.
    const y2021 = records.find((r) => r.year === 2021)!;
    expect(y2021.checks.find((c) => c.check === 'chain')!.result).toBe('pass');
    expect(y2021.notCompared).toEqual([{ year: 2021, priorYear: 2020, why: 'in_force' }]);
  });

  it('顺河 2020 (whole text): every section found, 五 has its content; no date, timeliness not judged', () => {
    const [r] = importText(fs.readFileSync(path.join(__dirname, '..', 'examples', 'shunhe-2020-report.txt'), 'utf8'), 'shunhe.txt');
    const j = judge('shunhe.txt', r);
    for (const k of ['sections', 'section_five', 'fees', 'text_year']) expect([k, j[k]]).toEqual([k, { notJudged: null, evidence: [] }]);
    expect(j.timely.notJudged).toBe('no_date');
  });

  it("a year in the text: none flagged in the real texts as published, most when read as next year's copy", () => {
    const texts = [
      ...fs
        .readdirSync(path.dirname(real('x')))
        .filter((f) => /\.(txt|html)$/.test(f))
        .map((f) => real(f)),
      path.join(__dirname, '..', 'examples', 'shunhe-2020-report.txt'),
    ];
    let copiesFlagged = 0;
    for (const f of texts) {
      const source = fs.readFileSync(f, 'utf8');
      const textLines = (f.endsWith('.html') ? parseHtml(source, f) : parseText(source, f)).textLines;
      const year = Number(/(20\d{2})/.exec(path.basename(f))![1]);
      const flagged = (y: number) => {
        const report = { format: '2021', year: y, agency: null, sheet: null, cells: {}, notes: [], tables: [], textLines };
        return judge(f, report).text_year.evidence.length;
      };
      expect([path.basename(f), flagged(year)]).toEqual([path.basename(f), 0]);
      if (flagged(year + 1)) copiesFlagged++;
    }
    // Measured: 30 of 35 (the others state their year only in the title or in sentences with context).
    expect(copiesFlagged / texts.length).toBeGreaterThanOrEqual(0.8);
  });

  it('the cut copies: never accused; their dates read where the page shows one', () => {
    const dates: Record<string, string> = {};
    for (const f of fs.readdirSync(path.dirname(real('x'))).filter((x) => x.endsWith('.txt'))) {
      let reports: Placed['report'][];
      try {
        reports = importText(fs.readFileSync(real(f), 'utf8'), f);
      } catch {
        continue; // a copy that ends before the tables: no report to judge (the reader says so)
      }
      for (const r of reports) {
        const j = judge(f, r);
        expect([f, j.sections.notJudged, j.section_five.notJudged]).toEqual([f, 'not_whole', 'not_whole']);
        for (const k of ['fees', 'text_year', 'timely']) expect([f, k, j[k].evidence]).toEqual([f, k, []]);
        if (r.published) dates[f] = r.published.date;
      }
    }
    expect(dates).toEqual({ 'changchun-xinqu-2025.txt': '2026-02-03', 'tuanjie-2020.txt': '2021-01-29' });
  });
});
