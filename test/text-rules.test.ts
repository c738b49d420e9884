/**
 * Issue 12, "text that reads true": the text.* rules read the report as it is written. Combined
 * categories, numbers that are no counts, blank totals, wrapped lines, the wording of a warning,
 * targets in the rule language, and several reports in one file.
 */
import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import { getForm } from '../core/forms';
import type { Finding } from '../core/model/findings';
import type { ReportData } from '../core/model/report';
import { importHtml, importText } from '../core/import';
import { BUILTIN_RULES } from '../core/rules';
import { joinWrapped, quotesOf, textFindings } from '../core/rules/text';
import { textTargets } from '../core/rules/text/targets';
import { fullValues, publishedHtml, publishedText } from './helpers/published';
import { balancedValues, syntheticReport, type Raw } from './helpers/synthetic';

const FORMAT = '2021';
const base = balancedValues(FORMAT);
const n = (id: string) => base[id] as number;
const sumOf = (prefix: string) =>
  Object.keys(base)
    .filter((id) => id.startsWith(`T3:${prefix}.`) && id.endsWith(':total'))
    .reduce((a, id) => a + n(id), 0);

/** The text.* findings of a balanced 2021 report carrying these text lines. */
function textOf(lines: string[], values: Record<string, Raw> = {}, lang: 'zh' | 'en' = 'zh'): Finding[] {
  const report: ReportData = syntheticReport(FORMAT, { ...base, ...values });
  report.textLines = lines.map((text, i) => ({ ref: `line ${i + 1}`, text }));
  return confront(report, { textRules: textFindings, lang }).findings.filter((f) => f.rule.startsWith('text.'));
}
const brief = (fs: Finding[]) => fs.map((f) => [f.rule, f.actual, f.expected]);
const said = (s: string) => quotesOf(s, 'line 1').map((q) => [q.rule, q.value]);

describe('combined categories compare with the sum of their rows', () => {
  const both = n('T3:R3.1:total') + n('T3:R3.2:total');
  it('予以公开及部分公开 N 件 is 予以公开 + 部分公开 (the words real reports use)', () => {
    for (const words of ['予以公开及部分公开', '予以公开和部分公开', '全部或部分公开', '全部公开或部分公开'])
      expect(textOf([`本年度${words}${both}件，占33.9%。`]), words).toEqual([]);
    expect(brief(textOf([`予以公开及部分公开${both + 2}件。`]))).toEqual([['text.disclosed_partial', both + 2, both]]);
    expect(said(`予以公开和部分公开共${both}件`)).toEqual([['text.disclosed_partial', both]]);
    expect(said(`予以公开、部分公开共${both}件`)).toEqual([['text.disclosed_partial', both]]);
  });
  it('不予公开, 无法提供, 不予处理, 其他处理 compare with the sums of their items', () => {
    const text = `不予公开${sumOf('R3.3')}件，因本机关不掌握等原因无法提供${sumOf('R3.4')}件，不予处理${sumOf('R3.5')}件，其他处理${sumOf('R3.6')}件。`;
    expect(textOf([text])).toEqual([]);
    const wrong = `不予公开${sumOf('R3.3') + 1}件，无法提供${sumOf('R3.4') + 1}件，不予处理${sumOf('R3.5') + 1}件，其他处理${sumOf('R3.6') + 1}件。`;
    expect(textOf([wrong]).map((f) => f.rule)).toEqual([
      'text.withheld',
      'text.unavailable',
      'text.not_processed',
      'text.other_processing',
    ]);
  });
  it('本年新收和上年结转共 N 件; 行政复议和行政诉讼共 N 件', () => {
    const all = n('T3:R1:total') + n('T3:R2:total');
    expect(said(`本年新收和上年结转政府信息公开申请共${all}件`)).toEqual([['text.received_all', all]]);
    expect(textOf([`本年新收和上年结转政府信息公开申请共${all}件。`])).toEqual([]);
    const appeals = n('T4:R1:review.total') + n('T4:R1:suit.total') + n('T4:R1:suit_after_review.total');
    expect(textOf([`因政府信息公开被申请行政复议和提起行政诉讼共${appeals}件。`])).toEqual([]);
    expect(brief(textOf([`行政复议和行政诉讼共${appeals + 1}件。`]))).toEqual([['text.review_suit', appeals + 1, appeals]]);
    // Shared when each is said: 均 / 各.
    expect(said('行政复议、行政诉讼各1件')).toEqual([
      ['text.review', 1],
      ['text.suit', 1],
    ]);
  });
});

describe('numbers that are no counts', () => {
  it('slogans and ordinals: 办结一件申请、解决一个问题, 第一, 一是, 一站式, 一件事一次办', () => {
    for (const s of [
      '坚持办结一件申请、解决一个问题，做到件件有回应。',
      '一是及时答复，做到受理一件、办结一件。',
      '第一时间答复政府信息公开申请，受理后第3件起实行专人跟踪。',
      '推行一站式受理，实现“一件事一次办”。',
    ])
      expect(said(s), s).toEqual([]);
    // Figures written in digits, or totalled (共一件), are counts.
    expect(said('全年共办结1件申请。')).toEqual([['text.handled', 1]]);
    expect(said('全年共受理政府信息公开申请共一件。')).toEqual([['text.received', 1]]);
  });
  it('hotlines, years, percentages, spans of time, changes on last year', () => {
    for (const s of [
      '2023年，共办理政府12345热线47件，已全部办结，回复率和满意率均达100%。',
      '收到的政府信息公开申请均在15个工作日内答复。',
      '受理政府信息公开申请较上年减少12件。',
      '2020年受理各类审批事项200件。',
    ])
      expect(said(s), s).toEqual([]);
  });
});

describe('figures written before their keyword, in fixed phrasings only', () => {
  it('N 件结转下年度, 另有 N 件申请转结下年度, 其中 N 件为上年结转', () => {
    expect(said('另有5件申请结转下年度办理。')).toEqual([['text.carried_over', 5]]);
    expect(said('答复政府信息公开申请98件(含上年度转结申请8件,另有5件申请转结下年度继续办理)。')).toEqual([
      ['text.handled', 98],
      ['text.carried_in', 8],
      ['text.carried_over', 5],
    ]);
    expect(said('5件结转下年度继续办理。')).toEqual([['text.carried_over', 5]]);
    expect(said('全年共办结政府信息公开申请12件，3件结转下年度办理。')).toEqual([
      ['text.handled', 12],
      ['text.carried_over', 3],
    ]);
    expect(said('全年收到政府信息公开申请15件，其中2件为上年结转。')).toEqual([
      ['text.received', 15],
      ['text.carried_in', 2],
    ]);
    expect(said('新受理政府信息公开申请17件，办结17件，转下一年办理0件。')).toEqual([
      ['text.received', 17],
      ['text.handled', 17],
      ['text.carried_over', 0],
    ]);
  });
  it('发生 N 起行政复议案件; 行政复议 N 次 and 行政诉讼 N 次 (cases may be counted in 次)', () => {
    expect(said('本年度发生1起行政复议案件。')).toEqual([['text.review', 1]]);
    expect(said('被提起2件行政诉讼。')).toEqual([['text.suit', 2]]);
    expect(said('依申请公开3次,行政复议0次,行政诉讼0次;')).toEqual([
      ['text.review', 0],
      ['text.suit', 0],
    ]);
    expect(said('因政府信息公开被申请行政复议2次，均已审结。')).toEqual([['text.review', 2]]);
    expect(said('行政复议案件共1次。')).toEqual([['text.review', 1]]);
    const reviews = n('T4:R1:review.total');
    expect(textOf([`全年被申请行政复议${reviews}次。`])).toEqual([]);
    expect(brief(textOf([`全年被申请行政复议${reviews + 1}次。`]))).toEqual([['text.review', reviews + 1, reviews]]);
  });
  it('near misses: years, ordinals, percentages, changes, slogans, and 次 for anything but cases', () => {
    for (const s of [
      '2023年5件结转下年度。', // glued to a year
      '第5件结转下年度办理。', // an ordinal
      '同比增加5件结转下年度。', // a change
      '较上年减少3件结转下年度。',
      '结转率5%，较上年提高2个百分点。',
      '办结一件、结转一件，件件有着落。', // a slogan
      '收到政府信息公开申请3次。', // applications are never counted in 次
      '受理依申请公开3次。',
      '组织行政复议业务培训2次。', // sessions, not cases
      '开展2次行政复议培训。',
      '召开行政诉讼案例分析会3次。',
      '接待群众咨询200人次，涉及行政复议事项。',
      '发生1起行政复议、行政诉讼。', // which of the two: not guessed
      '本年度办理行政复议第2次听证。',
    ])
      expect(said(s), s).toEqual([]);
  });
  it('applications counted by channel are parts: no figure of such a sentence is read', () => {
    expect(said('全县受理线上信息公开申请65件，依法办结62件，结转下年度办理3件，受理线下信息公开申请9件，已全部依法办结。')).toEqual([]);
    expect(said('收到网上申请5件、信函申请3件。')).toEqual([]);
    // The channels named before the keyword, then the total: read.
    expect(said('通过线上、信函等渠道收到依申请公开信息16件，已全部按期限答复办结。')).toEqual([['text.received', 16]]);
  });
  it('办结 counts applications only where the sentence speaks of them', () => {
    expect(said('2024年共受理群众网上来访信件34件，办结34件，办结率100%。')).toEqual([]);
    expect(said('共收到依申请公开件32件，办结31件。')).toEqual([
      ['text.received', 32],
      ['text.handled', 31],
    ]);
  });
});

describe('a total left blank is the sum of its parts', () => {
  const r1 = n('T3:R1:total');
  it('compares with the row’s written parts and says so', () => {
    expect(textOf([`本年度共收到政府信息公开申请${r1}件。`], { 'T3:R1:total': null })).toEqual([]);
    const off = textOf([`本年度共收到政府信息公开申请${r1 + 1}件。`], { 'T3:R1:total': null });
    expect(brief(off)).toEqual([['text.received', r1 + 1, r1]]);
    expect(off[0].message).toContain('总计栏空白，按各项之和');
    expect(textOf([`行政复议${n('T4:R1:review.total')}件。`], { 'T4:R1:review.total': '/' })).toEqual([]);
  });
  it('a row left wholly blank says nothing to compare with', () => {
    const blank = Object.fromEntries(
      Object.keys(base)
        .filter((id) => id.startsWith('T3:R1:'))
        .map((id) => [id, null]),
    );
    expect(textOf([`本年度共收到政府信息公开申请${r1 + 5}件。`], blank)).toEqual([]);
  });
});

describe('wrapped lines are joined before the text is read', () => {
  const r1 = n('T3:R1:total');
  it('a sentence broken over lines (text copied from a PDF)', () => {
    const lines = ['2023年，我局严格按照条例要求办理依申请公开事项，本年度共受理政府', `信息公开申请${r1 + 4}件，均已按时答复。`];
    expect(joinWrapped(lines.map((text, i) => ({ ref: `line ${i + 1}`, text })))).toEqual([{ ref: 'line 1', text: lines.join('') }]);
    expect(textOf(lines).map((f) => [f.rule, f.actual, f.expected, f.instance])).toEqual([['text.received', r1 + 4, r1, 'line 1']]);
    expect(textOf(['2023年，我局严格按照条例要求办理依申请公开事项，本年度共受理政府', `信息公开申请${r1}件，均已按时答复。`])).toEqual([]);
  });
  it('a heading, an item or a short title is never joined to the line above', () => {
    const at = (a: string, b: string) =>
      joinWrapped([
        { ref: 'line 1', text: a },
        { ref: 'line 2', text: b },
      ]).length;
    expect(at('本机关认真贯彻落实条例的各项要求并扎实推进政务公开', '二、主动公开政府信息情况')).toBe(2);
    expect(at('本机关认真贯彻落实条例的各项要求并扎实推进政务公开', '（二）依申请公开情况')).toBe(2);
    expect(at('本机关认真贯彻落实条例的各项要求并扎实推进政务公开', '二是及时规范办理依申请公开')).toBe(2);
    expect(at('（一）主动公开情况', '本年度主动公开信息120条。')).toBe(2);
  });
  it('labels wrapped inside a text table are read as one label', () => {
    const values = fullValues(FORMAT, base);
    const text = publishedText(FORMAT, values, 'single-spaces', { year: 2022 }).replace(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（二）部分公开（区分处理的，只计这一\n情形，不计其他情形）',
    );
    expect(text).toContain('只计这一\n情形');
    const [r] = importText(text, 'wrapped.txt');
    expect(r.cells['T3:R3.2:total'].raw).toBe(values['T3:R3.2:total']);
  });
});

describe('a warning quotes the sentence and names the table cell by its label', () => {
  it('in Chinese by the labels of the report (no keys)', () => {
    const [f] = textOf(['本年度共收到政府信息公开申请999件。']);
    expect(f.message).toContain('表三「本年新收政府信息公开申请数量」「总计」');
    expect(f.message).toContain('“本年度共收到政府信息公开申请999件。”');
    expect(f.message.replace(/（S![A-Z]+[0-9]+）/g, '')).not.toMatch(/[A-Za-z]/);
    const [w] = textOf([`不予公开${sumOf('R3.3') + 1}件。`]);
    expect(w.message).toContain('表三「不予公开」8 项「总计」之和');
    const [s] = textOf(['行政诉讼99件。']);
    expect(s.message).toContain('表四「行政诉讼」「未经复议直接起诉」「总计」');
  });
  it('in English, quoting the labels', () => {
    const [f] = textOf(['本年度共收到政府信息公开申请999件。'], {}, 'en');
    expect(f.message).toMatch(
      /^line 1: the text says 999 applications received, but Table 3 row “本年新收政府信息公开申请数量”, column “总计” \(S!\w+\) is \d+: “/,
    );
    expect(f.message).not.toMatch(/T3|R1|total\b/);
  });
});

describe('the targets are written in the rule language (core/rules/builtin.ts)', () => {
  it('every text.* rule has a target that compiles against both formats', () => {
    const text = BUILTIN_RULES.filter((r) => r.id.startsWith('text.'));
    expect(text.every((r) => typeof r.target === 'string')).toBe(true);
    for (const format of ['2019', '2021']) {
      const targets = textTargets(getForm(format));
      for (const r of text) expect(targets.get(r.id)?.length, `${format} ${r.id}`).toBeGreaterThan(0);
      expect(targets.get('text.withheld')).toHaveLength(8);
      expect(targets.get('text.other_processing')).toEqual(
        format === '2019' ? ['T3:R3.6:total'] : ['T3:R3.6.1:total', 'T3:R3.6.2:total', 'T3:R3.6.3:total'],
      );
    }
  });
});

describe('several reports in one text are each judged on their own', () => {
  it('two departments’ reports one after another: each sentence against its own tables', () => {
    const values = fullValues(FORMAT, base);
    const other = fullValues(FORMAT, balancedValues(FORMAT, 7));
    const r1 = values['T3:R1:total'] as number;
    const o1 = other['T3:R1:total'] as number;
    expect(o1).not.toBe(r1);
    const a = publishedText(FORMAT, values, 'tabs', {
      year: 2022,
      agency: '某某县财政局',
      intro: [`本年度共收到政府信息公开申请${r1}件。`],
    });
    const b = publishedText(FORMAT, other, 'tabs', {
      year: 2022,
      agency: '某某县民政局',
      intro: [`本年度共收到政府信息公开申请${o1}件。`],
    });
    const reports = importText(`${a}\n\n${b}`, 'two.txt');
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      const own = r.textLines!.map((t) => t.text).join('\n');
      expect(own.match(/本年度共收到/g)).toHaveLength(1);
      expect(confront(r, { textRules: textFindings }).findings.filter((f) => f.rule.startsWith('text.'))).toEqual([]);
    }
  });

  it('a page listing two reports: each its own text and tables', () => {
    const values = fullValues(FORMAT, base);
    const other = fullValues(FORMAT, balancedValues(FORMAT, 7));
    const say = (v: Record<string, Raw>) => [`本年度共收到政府信息公开申请${v['T3:R1:total'] as number}件。`];
    const page =
      publishedHtml(FORMAT, values, { year: 2022, agency: '某某县财政局', intro: say(values) }) +
      publishedHtml(FORMAT, other, { year: 2022, agency: '某某县民政局', intro: say(other) });
    const reports = importHtml(page, 'two.html');
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      expect(r.textLines!.filter((t) => t.text.includes('本年度共收到'))).toHaveLength(1);
      expect(confront(r, { textRules: textFindings }).findings.filter((f) => f.rule.startsWith('text.'))).toEqual([]);
    }
  });
});
