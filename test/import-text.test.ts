import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import type { Finding } from '../core/model/findings';
import { exportHtml } from '../core/export';
import { importHtml, importText, readPublished, splitCells, textToBook } from '../core/import';
import { parseText } from '../core/import/text';
import { readReports } from '../core/read';
import type { ReportData } from '../core/model/report';
import { quotesOf, textFindings } from '../core/rules/text';
import { cellIds, fullValues, LAYOUTS, publishedText, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { noteText } from '../core/read/notes';

const root = path.join(__dirname, '..');
const SHUNHE = path.join(__dirname, '..', 'examples', 'shunhe-2020-report.txt');
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const check = (r: ReportData) => confront(r, { textRules: textFindings });
const yearOf = (format: string) => (format === '2019' ? 2020 : 2022);

/** Every value cell read back equals what the text says, and its ref is a line holding that value. */
function expectSameValues(r: ReportData, format: string, values: Record<string, Raw>, text: string) {
  const lines = text.split('\n');
  for (const id of cellIds(format)) {
    const cell = r.cells[id];
    expect(cell, id).toBeDefined();
    expect(String(cell.raw ?? ''), id).toBe(String(values[id] ?? ''));
    const m = /^line (\d+)$/.exec(cell.ref);
    expect(m, `${id} ref ${cell.ref}`).not.toBeNull();
    if (values[id] !== null && values[id] !== undefined)
      expect(lines[Number(m![1]) - 1], `${id} at ${cell.ref}`).toContain(String(values[id]));
  }
}

describe.each(['2019', '2021'])('format %s published as text', (format) => {
  const values = fullValues(format, balancedValues(format));

  it.each(LAYOUTS)('reads the tables laid out with %s', (layout) => {
    const text = publishedText(format, values, layout, { year: yearOf(format), agency: '某某县财政局' });
    const reports = importText(text, `report-${layout}.txt`);
    expect(reports).toHaveLength(1);
    const r = reports[0];
    expect([r.format, r.year, r.agency]).toEqual([format, yearOf(format), '某某县财政局']);
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
    expectSameValues(r, format, values, text);
    expect(errors(check(r).findings)).toEqual([]);
    // Sections 一、五、六 are kept as text with their lines.
    const texts = r.textLines!.map((t) => t.text);
    expect(texts).toContain('一、总体情况');
    expect(texts).toContain('六、其他需要报告的事项');
    expect(texts).not.toContain(values['T3:R1:natural']);
    for (const t of r.textLines!) expect(text.split('\n')[Number(t.ref.slice(5)) - 1].trim()).toBe(t.text);
  });

  it('reads label variants: Kangxi radicals, half-width punctuation, 1、 numbering, 社会组织, 合计', () => {
    const relabel = (s: string) => {
      if (s === '总计') return '合计';
      return s
        .replace(/社会公益组织/g, '社会组织')
        .replace(/^一、/, '⼀、')
        .replace(/行政/g, '⾏政')
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/^(\d)\./, '$1、');
    };
    const text = publishedText(format, values, 'tabs', { year: yearOf(format), agency: '某某县⼈⺠政府办公室', relabel });
    expect(text).toContain('⼀、本年新收');
    expect(text).toContain('⾏政复议');
    const [r] = importText(text, 'variants.txt');
    expect(r.format).toBe(format);
    expect(r.year).toBe(yearOf(format));
    expectSameValues(r, format, values, text);
    expect(errors(check(r).findings)).toEqual([]);
    expect(r.notes.map((n) => noteText('zh', n)).join('\n')).toMatch(/社会组织/);
  });
});

describe('figures quoted in the text (text.* rules)', () => {
  const format = '2021';
  const values = fullValues(format, balancedValues(format));
  const n = (id: string) => values[id] as number;
  const sum = (...ids: string[]) => ids.reduce((a, id) => a + n(id), 0);
  const withheld = sum(...Array.from({ length: 8 }, (_, i) => `T3:R3.3.${i + 1}:total`));
  const truth = {
    received: n('T3:R1:total'),
    carried_in: n('T3:R2:total'),
    handled: n('T3:R3.7:total'),
    disclosed: n('T3:R3.1:total'),
    partial: n('T3:R3.2:total'),
    withheld,
    carried_over: n('T3:R4:total'),
    review: n('T4:R1:review.total'),
    suit: sum('T4:R1:suit.total', 'T4:R1:suit_after_review.total'),
  };
  const intro = (f: typeof truth) => [
    `2022年，本机关共收到政府信息公开申请${f.received}件，上年结转${f.carried_in}件，全年办结${f.handled}件。`,
    `其中予以公开${f.disclosed}件，部分公开${f.partial}件，不予公开${f.withheld}件；结转下年度继续办理${f.carried_over}件。`,
    `全年发生政府信息公开行政复议${f.review}件，行政诉讼${f.suit}起。`,
  ];

  it('agreeing figures give no finding', () => {
    const [r] = importText(publishedText(format, values, 'tabs', { year: 2022, intro: intro(truth) }), 'ok.txt');
    expect(check(r).findings.filter((f) => f.rule.startsWith('text.'))).toEqual([]);
  });

  it('each rule family reports its wrong figure as a warning quoting the sentence and its line', () => {
    const wrong = Object.fromEntries(Object.entries(truth).map(([k, v]) => [k, v + 10])) as typeof truth;
    const text = publishedText(format, values, 'tabs', { year: 2022, intro: intro(wrong) });
    const [r] = importText(text, 'wrong.txt');
    const found = check(r).findings.filter((f) => f.rule.startsWith('text.'));
    const rules = [
      'text.received',
      'text.carried_in',
      'text.handled',
      'text.disclosed',
      'text.partial',
      'text.withheld',
      'text.carried_over',
      'text.review',
      'text.suit',
    ];
    expect(found.map((f) => f.rule).sort()).toEqual([...rules].sort());
    const lines = text.split('\n');
    for (const f of found) {
      expect(f.severity).toBe('warning');
      const key = f.rule.slice(5) as keyof typeof truth;
      expect(f.actual).toBe(wrong[key]);
      expect(f.expected).toBe(truth[key]);
      expect(f.cells[0].ref).toMatch(/^line \d+$/);
      const line = lines[Number(f.cells[0].ref.slice(5)) - 1];
      expect(line).toContain(String(wrong[key]));
      // The sentence is quoted in the message.
      const sentence = line.split(/(?<=[。；])/).find((s) => s.includes(String(wrong[key])))!;
      expect(f.message).toContain(sentence.trim());
      expect(f.cells.slice(1).every((c) => c.table === 'T3' || c.table === 'T4')).toBe(true);
    }
    expect(errors(check(r).findings)).toEqual([]);
    const en = confront(r, { lang: 'en', textRules: textFindings }).findings.find((f) => f.rule === 'text.received')!;
    expect(en.message).toMatch(/^line \d+: the text says/);
  });

  it('reads negations, Chinese numerals and shared figures', () => {
    expect(quotesOf('本年度未发生政府信息公开行政复议、行政诉讼案件。', 'line 1').map((q) => [q.rule.slice(5), q.value])).toEqual([
      ['review', 0],
      ['suit', 0],
    ]);
    expect(quotesOf('未收到政府信息公开申请。', 'line 1').map((q) => [q.rule.slice(5), q.value])).toEqual([['received', 0]]);
    expect(quotesOf('本年度新收申请十二件。', 'line 1').map((q) => [q.rule.slice(5), q.value])).toEqual([['received', 12]]);
    expect(quotesOf('行政复议、行政诉讼案件均为3件。', 'line 1').map((q) => [q.rule.slice(5), q.value])).toEqual([
      ['review', 3],
      ['suit', 3],
    ]);
    expect(quotesOf('收到行政复议申请3件。', 'line 1').map((q) => [q.rule.slice(5), q.value])).toEqual([['review', 3]]);
    // Figures about other things are not taken for the tables' figures.
    expect(quotesOf('政务服务大厅办理各类行政审批服务事项15738件，群众满意率达100%。', 'line 1')).toEqual([]);
    expect(quotesOf('2020年受理各类审批事项200件。', 'line 1')).toEqual([]);
  });
});

describe('splitting lines into cells', () => {
  it('splits on tabs (keeping empty cells), pipes, runs of spaces and single spaces before numbers', () => {
    expect(splitCells('\t\t2.重复申请\t0\t\t1\t')).toEqual(['', '', '2.重复申请', '0', '', '1']);
    expect(splitCells('| 规章 | 1 |  | 3 |')).toEqual(['规章', '1', '', '3']);
    expect(splitCells('|---|:---:|---|')).toEqual([]);
    expect(splitCells('  行政许可    12   3 ')).toEqual(['行政许可', '12', '3']);
    expect(splitCells('(一) 予以公开 0 1 2')).toEqual(['(一) 予以公开', '0', '1', '2']);
    expect(splitCells('结果维持 结果纠正 其他结果 尚未审结 总计')).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(splitCells('本机关认真贯彻落实 条例 精神')).toEqual(['本机关认真贯彻落实 条例 精神']);
  });

  it('joins one cell per line into rows and gives every cell its own line', () => {
    const book = textToBook('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n1\n\n2\n3\n', 'x.txt');
    const g = book.grids[0];
    expect(g.kind).toBe('text');
    const row = Array.from({ length: g.rows }, (_, r) => r).find((r) => g.cell(r, 0)?.raw === '一、本年新收政府信息公开申请数量')!;
    expect([1, 2, 3].map((c) => g.cell(row, c)?.raw)).toEqual([1, 2, 3]);
    expect([0, 1, 2, 3].map((c) => g.ref(row, c))).toEqual(['line 2', 'line 3', 'line 5', 'line 6']);
  });

  it('keeps numbers in disguise as text for the checker to note, plain numbers as numbers', () => {
    const g = textToBook('行政许可\t１２\t12件\t+3\t—\t7\t0.1234', 'x.txt').grids[0];
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => g.cell(0, c)?.raw)).toEqual(['行政许可', '１２', '12件', '+3', '—', 7, 0.1234]);
  });

  it('survives hostile input: huge, with very long lines and no structure', { timeout: 60_000 }, () => {
    const long = `${'0\t'.repeat(50_000)}\n${'x'.repeat(500_000)}\n${'| a '.repeat(20_000)}\n${'  '.repeat(200_000)}1\n${'收到申请'.repeat(20_000)}\n`;
    const p = parseText(long + '\n'.repeat(50_000), 'huge.txt');
    const g = p.book.grids[0];
    expect(g.cols).toBeLessThanOrEqual(256);
    expect(() => importText(long, 'huge.txt')).toThrow(/huge\.txt/);
  });
});

describe('the real report (shunhe-2020-report.txt)', () => {
  const text = readFileSync(SHUNHE, 'utf8');

  it('imports as format 2019, year 2020, agency 政务服务和大数据管理局, and checks clean', () => {
    const reports = readPublished(text, 'shunhe-2020-report.txt');
    expect(reports).toHaveLength(1);
    const r = reports[0];
    expect([r.format, r.year, r.agency]).toEqual(['2019', 2020, '政务服务和大数据管理局']);
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
    expect(r.cells['T2:normative:made']).toEqual({ ref: 'line 19', raw: 1 });
    expect(r.cells['T3:R2:natural'].ref).toBe('line 42');
    expect(r.cells['T4:R1:suit_after_review.total'].ref).toBe('line 70');
    expect(r.textLines!.find((t) => t.text === '五、存在的主要问题及改进情况')?.ref).toBe('line 72');
    expect(check(r).findings).toEqual([]);
  });

  it('keeps a table whose section heading is not recognised', () => {
    const [r] = importText(text.replace('二、主动公开政府信息情况', '二、政务公开表格'), 'renamed.txt');
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
    expect(r.cells['T2:normative:made'].raw).toBe(1);
  });

  it('exports to HTML that shows the same tables', () => {
    const [r] = importText(text, 'shunhe.txt');
    const html = exportHtml(r);
    const [back] = importHtml(html, 'shunhe.html');
    expect([back.format, back.year, back.agency]).toEqual(['2019', 2020, '政务服务和大数据管理局']);
    for (const id of cellIds('2019')) expect(back.cells[id]?.raw, id).toBe(r.cells[id].raw);
    expect(html).toContain('社会公益组织');
  });

  describe('through the command line', { timeout: 60_000 }, () => {
    const bin = path.join(root, 'bin', 'xxgk.js');
    const xxgk = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    beforeAll(() => {
      if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
    });

    it('xxgk import -o writes a workbook that reads back with the same values and checks clean', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-import-'));
      const out = path.join(dir, 'shunhe.xlsx');
      const res = xxgk(['import', SHUNHE, '-o', out]);
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      const [orig] = importText(text, 'shunhe.txt');
      const back = readReports(new Uint8Array(readFileSync(out)), out);
      expect(back).toHaveLength(1);
      expect([back[0].format, back[0].year, back[0].agency]).toEqual(['2019', 2020, '政务服务和大数据管理局']);
      for (const id of cellIds('2019')) expect(back[0].cells[id]?.raw, id).toBe(orig.cells[id].raw);
      const chk = xxgk(['check', out, '--json']);
      expect(chk.status).toBe(0);
      expect(JSON.parse(chk.stdout).summary).toMatchObject({ files: 1, clean: 1, with_errors: 0 });
    });

    it('xxgk import --json gives the tables by key, the text lines and the findings', () => {
      const res = xxgk(['import', SHUNHE, '--json']);
      expect(res.status).toBe(0);
      const doc = JSON.parse(res.stdout);
      expect(doc.format).toBe('2019');
      expect(doc.tables.T2.normative.made).toBe(1);
      expect(doc.textLines[0]).toEqual({ ref: 'line 3', text: '政务服务和大数据管理局2020年政府信息公开工作年度报告' });
      expect(doc.findings).toEqual([]);
    });

    it('xxgk import reports a text without tables clearly, and a bad command line with status 2', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-import-'));
      const f = path.join(dir, 'prose.txt');
      writeFileSync(f, '一、总体情况\n本机关扎实推进政务公开工作。\n');
      const res = xxgk(['import', f, '-o', path.join(dir, 'out.xlsx')]);
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('prose.txt');
      expect(existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
      expect(xxgk(['import', f, '-o', path.join(dir, 'out.pdf')]).status).toBe(2);
      expect(xxgk(['import']).status).toBe(2);
    });
  });
});
