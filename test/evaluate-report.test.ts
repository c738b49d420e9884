/**
 * xxgk evaluate --report out.html / out.xlsx and --notices (issue 23): on the synthetic region, the
 * page parses in Chromium, its table equals --json's records, a header click sorts it, the text box
 * and the per-check toggles filter it, nothing from a file runs as markup (hostile file names, and
 * evidence of every kind — a quote, shared passages, a date, a share — with markup in it), it loads
 * nothing and its Chinese has no English; the workbook read back with exceljs holds the same
 * records, the evidence and the files, set up for A4; the notices name each problem and, for a
 * balance error, the value that balances. The screenshot in the README is taken here
 * (`npm run docs:screenshots` writes docs/evaluate-report.png).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { region, writeAgency } from './helpers/evaluate-region';
import { outputCapture } from './helpers/output';
import { describeWith } from './helpers/system';
import { launchChromium } from './browser/harness';
import { picturePath } from './helpers/pictures';
import { tempDir } from './helpers/temp';
import { run } from '../cli/commands/evaluate';
import { CHECKS, type Evaluation } from '../core/evaluate';
import { evaluationHtml } from '../core/evaluate/report-html';
import { say } from '../core/messages';

interface Rec {
  agency: string;
  year: number;
  score: number;
  file: string;
  checks: { check: string; count: number; points: number; evidence: unknown[] }[];
}
type Doc = Evaluation & { records: Rec[] };

const HOSTILE = '<img src=x onerror="window.__x=1">&amp;\'';
const { out, capture } = outputCapture();

/** The region, one agency's files renamed with markup in their names, and a balance error planted in a fifth agency. */
function hostileRegion(): string {
  const dir = region();
  for (const f of fs.readdirSync(dir))
    if (f.startsWith('某某县丙局')) fs.renameSync(path.join(dir, f), path.join(dir, f.replace('丙局', `丙局${HOSTILE}`)));
  // 戊 2024: one more 本年新收 in 自然人 than the column balances (a balance error, the value that balances known).
  writeAgency(dir, '某某县戊局', 5, (year, v) => (year === 2024 ? { ...v, 'T3:R1:natural': Number(v['T3:R1:natural']) + 1 } : v));
  return dir;
}

async function evaluateTo(dir: string, ...args: string[]): Promise<{ code: number; doc: Doc; said: string }> {
  capture();
  const code = await run([dir, '--json', '--lang', 'zh', ...args]);
  const text = out.join('');
  const json = text.slice(text.indexOf('{\n'), text.lastIndexOf('}') + 1);
  const doc = JSON.parse(json) as Doc;
  out.length = 0;
  return { code, doc, said: text };
}

/** The records as the page's and the workbook's tables lay them out. */
/** The records as the reports' table shows them; a check not judged (no text, no date…) as `notJudged` shows it. */
const rowsOf = (doc: Doc, notJudged: unknown) =>
  doc.records.map((r) => [
    r.agency,
    r.year,
    ...CHECKS.flatMap((c) => {
      const x = r.checks.find((k) => k.check === c.key)!;
      return x.result === 'not_judged' ? [notJudged, notJudged] : [x.count, x.points];
    }),
    r.score,
    r.file,
  ]);

describeWith(['chromium'], 'the evaluation report', () => {
  let browser: Browser;
  const work = tempDir('xxgk-evaluate-report-');
  const dir = hostileRegion();
  const html = path.join(work, '评估.html'),
    xlsx = path.join(work, '评估.xlsx'),
    notices = path.join(work, '整改');
  let doc: Doc;

  beforeAll(async () => {
    browser = await launchChromium();
    const r = await evaluateTo(dir, '--report', html, '--report', xlsx, '--notices', notices);
    expect(r.code).toBe(0);
    doc = r.doc;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on('request', (q) => {
      if (!q.url().startsWith('file:') && !q.url().startsWith('data:')) requests.push(q.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    return page;
  }

  const table = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('#records tbody tr'))
        .filter((tr) => !(tr as HTMLElement).hidden)
        .map((tr) =>
          Array.from((tr as HTMLTableRowElement).cells).map(
            (td) => td.getAttribute('data-v') ?? td.getAttribute('data-path') ?? td.textContent,
          ),
        ),
    );

  it('parses in Chromium with a table equal to --json’s records, and runs nothing from a file', async () => {
    const page = await open(html);
    const rows = await table(page);
    expect(rows.map((r) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c : Number(c))))).toEqual(rowsOf(doc, -1));
    expect(doc.records.some((r) => r.file.includes(HOSTILE))).toBe(true);
    const seen = await page.evaluate(() => ({
      x: (window as unknown as { __x?: number }).__x,
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      external: document.querySelectorAll('link,script[src],iframe,object,embed').length,
      text: document.body.innerText,
      anchors: Array.from(document.querySelectorAll('#records a')).map((a) => a.getAttribute('href')),
      sections: Array.from(document.querySelectorAll('section.agency')).map((s) => s.id),
      charts: document.querySelectorAll('section.agency svg.chart').length,
      breaks: Array.from(document.querySelectorAll('section.agency g.break')).map((g) => g.getAttribute('data-year')),
    }));
    expect(seen).toMatchObject({ imgs: 0, scripts: 1, external: 0 });
    expect(seen.x).toBeUndefined();
    expect(seen.text).toContain(HOSTILE);
    // Each agency has its anchor, and three charts (表三 上年结转, 表二 规章 and 规范性文件 现行有效件数).
    expect(new Set(seen.anchors)).toEqual(new Set(seen.sections.map((s) => `#${s}`)));
    expect(seen.charts).toBe(3 * seen.sections.length);
    expect(seen.breaks.length).toBeGreaterThanOrEqual(3);
    // Chinese without English: letters only in file names, cell addresses and the file column.
    const words = seen.text
      .split(HOSTILE)
      .join('')
      .replace(/\/[^\s」）]*|[A-Z]+\d+|\.xlsx|\.txt/g, '');
    expect(words.match(/.{0,20}[A-Za-z]{2,}.{0,20}/g)).toBeNull();
    await page.close();
  });

  it('sorts by a header click (again: the other way) and filters by the text box and by a check', async () => {
    const page = await open(html);
    const scoreAt = 2 + 2 * CHECKS.length;
    const scores = async () => (await table(page)).map((r) => Number(r[scoreAt]));
    await page.click(`#records th:nth-child(${scoreAt + 1})`);
    const up = await scores();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBeLessThan(up[up.length - 1]);
    await page.click(`#records th:nth-child(${scoreAt + 1})`);
    expect(await scores()).toEqual([...up].sort((a, b) => b - a));
    await page.fill('#q', '乙局');
    expect((await table(page)).map((r) => r[0])).toEqual(['某某县乙局', '某某县乙局', '某某县乙局']);
    expect(await page.textContent('#shown')).toBe('3');
    await page.fill('#q', '');
    await page.check('input[data-check="identical"]');
    expect((await table(page)).map((r) => `${r[0]}${r[1]}`)).toEqual(['某某县丁局2024']);
    await page.check('input[data-check="balance"]');
    expect((await table(page)).map((r) => `${r[0]}${r[1]}`).sort()).toEqual(['某某县丁局2024', '某某县戊局2024']);
    await page.close();
  });

  it('escapes every kind of evidence and shows shared passages side by side', async () => {
    // Evidence of the checks to come (copying, timeliness): a quote, shared passages, a date and a share, each with markup.
    const ev = JSON.parse(JSON.stringify(doc)) as Doc;
    const rec = ev.records.find((r) => r.agency === '某某县甲局' && r.year === 2024)!;
    rec.agency = `某某县甲局${HOSTILE}`;
    rec.checks[0].evidence.push({
      file: rec.file,
      year: 2024,
      cell: null,
      ref: 'line 3',
      percent: 62.5,
      date: '2025-02-03',
      quote: { ref: 'line 3', text: `<script>window.__q=1</script>` },
      other: { agency: '某某县乙局', file: `乙${HOSTILE}.html`, year: 2024 },
      passages: [{ ref: 'line 3', otherRef: 'line 9', text: `一、总体情况<svg onload="window.__p=1">`, chars: 20 }],
      message: `<b>${HOSTILE}</b>`,
    });
    const page = await browser.newPage();
    await page.setContent(evaluationHtml(ev as unknown as Evaluation, 'zh', { date: '2025-03-01' }), { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      flags: ['__x', '__q', '__p'].map((k) => (window as unknown as Record<string, unknown>)[k]),
      sbs: Array.from(document.querySelectorAll('table.sbs tbody td')).map((td) => td.textContent),
      svgs: document.querySelectorAll('svg:not(.chart)').length,
      text: document.body.innerText,
    }));
    expect(seen.flags).toEqual([undefined, undefined, undefined]);
    expect(seen.svgs).toBe(0);
    expect(seen.sbs).toEqual(['第 3 行一、总体情况<svg onload="window.__p=1">', '第 9 行一、总体情况<svg onload="window.__p=1">']);
    expect(seen.text).toContain(`某某县甲局${HOSTILE}`);
    expect(seen.text).toContain('重复 62.5%');
    expect(seen.text).toContain('日期 2025-02-03');
    await page.close();
  });

  it('reads back with exceljs: the same records, the evidence and every file, set for A4', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(xlsx) as unknown as ArrayBuffer);
    const [records, evidence, files] = wb.worksheets;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评估结果', '问题及依据', '文件清单'].map((n) => n));
    const values = (ws: ExcelJS.Worksheet, from: number) => {
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        if (n > from) rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    // The title and the rulebook line, a blank row, then the header.
    const head = records.getRow(4).values as unknown[];
    expect(head[1]).toBe(say('zh', 'evaluate.col.agency'));
    expect(values(records, 4)).toEqual(rowsOf(doc, undefined));
    const all = doc.records.flatMap((r) => r.checks.flatMap((c) => c.evidence.map(() => `${r.agency}${r.year}${c.check}`)));
    expect(values(evidence, 1)).toHaveLength(all.length);
    expect(values(files, 1).map((r) => r[0])).toEqual(expect.arrayContaining(doc.files.map((f) => f.file)));
    for (const ws of wb.worksheets) expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(wb.definedNames.model.some((d) => d.name === 'XXGK_OUTPUT_REPORT')).toBe(true);
  });

  it('writes a notice to each agency with problems, a balance error with the value that balances', async () => {
    const names = fs.readdirSync(notices).sort();
    expect(names).toEqual(
      ['某某县丁局-整改通知.html', '某某县乙局-整改通知.html', `某某县丙局-整改通知.html`, '某某县戊局-整改通知.html'].sort(),
    );
    const wu = fs.readFileSync(path.join(notices, '某某县戊局-整改通知.html'), 'utf8');
    const rec = doc.records.find((r) => r.agency === '某某县戊局' && r.year === 2024)!;
    expect(rec.checks.find((c) => c.check === 'balance')!.count).toBeGreaterThan(0);
    expect(wu).toContain(say('zh', 'notice.col.balance'));
    expect(wu).toContain('2024');
    const ding = fs.readFileSync(path.join(notices, '某某县丁局-整改通知.html'), 'utf8');
    expect(ding).toContain('表四与上年（2023年）完全相同');
    const page = await open(path.join(notices, '某某县丙局-整改通知.html'));
    expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    await page.close();
  });

  it('a listed agency with a year not published gets a notice saying so; Chinese notices hold no English', async () => {
    const list = path.join(work, '名单.txt');
    fs.writeFileSync(list, '某某县甲局\n某某县己局\n');
    const folder = path.join(work, '未发布通知');
    const r = await evaluateTo(dir, '--agencies', list, '--years', '2022-2024', '--notices', folder);
    expect(r.doc.missing.filter((m) => m.agency === '某某县己局')).toHaveLength(3);
    expect(fs.readdirSync(folder)).toEqual(['某某县己局-整改通知.html']);
    const page = await open(path.join(folder, '某某县己局-整改通知.html'));
    const text = await page.evaluate(() => document.body.innerText);
    await page.close();
    for (const year of [2022, 2023, 2024])
      expect(text).toContain(`某某县己局${year}年：名单上有这个单位，但没有找到这一年度的报告（未发布）`);
    for (const name of fs.readdirSync(notices)) {
      const p = await open(path.join(notices, name));
      const words = (await p.evaluate(() => document.body.innerText))
        .split(HOSTILE)
        .join('')
        .replace(/\/[^\s」）]*|[A-Z]+\d+|\.xlsx|\.html/g, '');
      await p.close();
      expect(words.match(/.{0,20}[A-Za-z]{2,}.{0,20}/g), name).toBeNull();
    }
  });

  it('never writes over an input: --report naming one of the files is refused before the work', async () => {
    const input = path.join(
      dir,
      fs.readdirSync(dir).find((f) => f.endsWith('.xlsx'))!,
    );
    const before = fs.readFileSync(input);
    capture();
    expect(await run([dir, '--report', input, '--lang', 'zh'])).toBe(2);
    expect(fs.readFileSync(input)).toEqual(before);
    out.length = 0;
    expect(await run([dir, '--report', path.join(work, 'x.pdf'), '--lang', 'zh'])).toBe(2);
  });

  it('a report that cannot be written is said and the status is 1; the others are still written', async () => {
    const full = path.join(work, 'full.html');
    fs.symlinkSync('/dev/full', full);
    const xlsx2 = path.join(work, '另一份.xlsx');
    const r = await evaluateTo(dir, '--report', full, '--report', xlsx2);
    expect(r.code).toBe(1);
    expect(r.said).toContain('评估报告「');
    expect(r.said).toContain('未能写出');
    expect(fs.statSync(xlsx2).size).toBeGreaterThan(1000);
  });

  it('its own outputs in the folder are left out of the next run, said, not read as reports', async () => {
    const again = region();
    fs.copyFileSync(html, path.join(again, '评估.html'));
    fs.copyFileSync(xlsx, path.join(again, '评估.xlsx'));
    const names = fs.readdirSync(notices);
    fs.copyFileSync(path.join(notices, names[0]), path.join(again, names[0]));
    const r = await evaluateTo(again);
    expect(r.doc.records).toHaveLength(12);
    expect(r.doc.files.map((f) => path.basename(f.file))).not.toContain('评估.html');
    expect(r.said).toContain('评估.xlsx');
  });

  it('the README picture: the page on the synthetic region', async () => {
    const clean = region();
    const file = path.join(tempDir('xxgk-evaluate-shot-'), '评估.html');
    await evaluateTo(clean, '--report', file);
    const page = await open(file, 1100);
    // The rows that break the chain, then the first agency's page: the table, the toggles and a chart at once.
    await page.check('input[data-check="chain"]');
    await page.setViewportSize({ width: 1100, height: 820 });
    await page.screenshot({ path: picturePath('evaluate-report.png') });
    await page.close();
    expect(fs.statSync(picturePath('evaluate-report.png')).size).toBeGreaterThan(10_000);
  });
});
