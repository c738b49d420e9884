/**
 * Issue 10, "Messages": everything a person reads, in each language, scanned for the other one.
 * Every command (check on a folder with every odd case, its JSON, its bulk report in .xlsx, .html
 * and .csv read back, its send-back notices; import, export, fill, sum, template, rules; every
 * --help; the error paths) runs in-process in Chinese and in English, and so does a scan of the
 * message catalogue itself (the pane's words included).
 *
 * Chinese output holds no English word except the short list below; English output no Chinese
 * except what is quoted from the report (agency, file, sheet and label names, cell texts); neither
 * holds an internal key, a raw Node or library error, a stack trace or a "中文 / English" pair.
 * XXGK_SCAN_DUMP=DIR writes each text scanned to DIR, to read what a failure points at.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh } from '../core/messages/zh';
import { en } from '../core/messages/en';
import { PANE } from '../core/messages';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { writeBatchFolder, letterDocx, type BatchFolder } from './helpers/batch-folder';
import { balancedValues, consistentInputs } from './helpers/synthetic';
import { publishedText } from './helpers/published';
import { tempDir } from './helpers/temp';
import { defects, xxgk, type Lang } from './helpers/scan';

/** The sheets a person sees (a template's hidden sheet of cell keys is for programs). */
const xlsxText = (file: string) => {
  const wb = XLSX.read(readFileSync(file));
  const hidden = (i: number) => !!wb.Workbook?.Sheets?.[i]?.Hidden;
  return wb.SheetNames.filter((_, i) => !hidden(i))
    .map((n) => `${n}\n${XLSX.utils.sheet_to_csv(wb.Sheets[n])}`)
    .join('\n');
};

/** The sentences of a JSON document: every string value but those of fields that are codes by contract. */
function jsonSentences(json: string): string {
  const codes = new Set([
    'rule',
    'instance',
    'code',
    'verdict',
    'severity',
    'ref',
    'row',
    'column',
    'path',
    'status',
    'format',
    'kind',
    'key',
    'table',
    // A digest of a report's figures (hexadecimal): its letters are no words.
    'figures',
  ]);
  const fromFile = new Set(['sheet', 'agency', 'department', 'value', 'name', 'file', 'title', 'label', 'header', 'textLines', 'text']);
  const out: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (!codes.has(key) && !fromFile.has(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(JSON.parse(json));
  return out.join('\n');
}

let work: string;
let folder: BatchFolder;
let names: string[];
const f = (...p: string[]) => path.join(work, ...p);

beforeAll(async () => {
  work = tempDir('xxgk-scan-');
  folder = await writeBatchFolder(work);
  const form = getForm('2021');
  // Small inputs of their own for the one-file commands.
  writeFileSync(f('财政局.xlsx'), await writeTemplate(form, { year: 2025, agency: '某某县财政局', values: consistentInputs(form, 3) }));
  const blanks = consistentInputs(form, 2);
  for (const k of [...blanks.keys()].filter((k) => /:total$/.test(k)).slice(0, 4)) blanks.delete(k);
  writeFileSync(f('合计空白.xlsx'), await writeTemplate(form, { year: 2025, agency: '某某县教育局', values: blanks }));
  writeFileSync(f('民政局.txt'), publishedText('2021', balancedValues('2021', 2), 'tabs', { agency: '某某县民政局', year: 2025 }));
  writeFileSync(f('说明.docx'), letterDocx('关于报送年度报告的说明'));
  writeFileSync(f('不是工作簿.xlsx'), 'PK\u0003\u0004 this is no zip at all');
  mkdirSync(f('文件夹.xlsx'));
  symlinkSync(f('没有了.xlsx'), f('断开的链接.xlsx'));
  writeFileSync(f('空名单.txt'), '\n');
  writeFileSync(f('坏规则.txt'), 'local.a: for each column of T3: R1 + R9 == R2\n');
  writeFileSync(f('坏规则二.txt'), 'local.b: T3:R1:total == 1 +\n');
  const list = readFileSync(folder.list, 'utf8').split(/\r?\n/).filter(Boolean);
  names = [
    work,
    ...readdirSync(folder.dir).map((n) => n.replace(/\.[a-z]+$/, '')),
    ...list,
    ...list.map((n) => n.replace('某某县', '')),
    '某某县气象局',
    '另一县财政局', // another county's department
    '15件', // typed under SUM totals
    '2025年报', // sheet names
    '2024年报',
    'soon', // a bad --year, quoted back
    '若干', // texts typed into cells, shown in the report's "value found" column
    `${balancedValues('2021', 4)['T3:R3.1:natural']}件`,
  ].sort((a, b) => b.length - a.length);
}, 120_000);

/** The export's CSV without its key columns (表, 行键, 列键: keys in columns of their own, docs/formats.md "Keys"). */
const withoutKeyColumns = (csv: string, lang: Lang) =>
  csv
    .split(/\r?\n/)
    .map((line, n) =>
      line
        .split(',')
        // The labels (行标签, 列标签) are the form's own words, quoted in either language.
        .filter((_, i) => ![0, 2, 3].includes(i) && (n === 0 || lang === 'zh' || ![4, 5].includes(i)))
        .join(','),
    )
    .join('\n');

/** A page's text as a browser shows it: quoted labels ("上年结转") are quotes again, not &quot;. */
const unescaped = (html: string) =>
  html.replace(/&(#\d+|quot|amp|lt|gt|#39);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[e],
  );

/** Every command of the CLI in `lang`, by name: the text a person reads from it. */
async function outputs(lang: Lang): Promise<Record<string, string>> {
  const L = ['--lang', lang];
  const o = (name: string) => f(OUT[lang], name); // outputs under a folder of their own, named in Chinese
  mkdirSync(o(''), { recursive: true });
  const t: Record<string, string> = {};
  const run = async (name: string, args: string[]) => (t[name] = (await xxgk([...args, ...L])).text);
  const batch = ['check', folder.dir, '--year', '2025', '--agencies', folder.list];
  const bad = f('2025年报', '某某县教育局2025.xlsx');

  await run('help', ['--help']);
  for (const c of ['check', 'rules', 'template', 'fill', 'sum', 'export', 'import', 'evaluate']) await run(`${c} --help`, [c, '--help']);
  await run('rules', ['rules']);

  await run('check folder', [...batch, '--prior', folder.priorDir, '--report', o('结果.xlsx'), '--notices', o('通知')]);
  t['report.xlsx'] = xlsxText(o('结果.xlsx'));
  t.notices = readdirSync(o('通知'))
    .map((n) => `${n}\n${readFileSync(path.join(o('通知'), n), 'utf8')}`)
    .join('\n');
  await run('check html', [...batch, '--report', o('结果.html'), '--notices', o('通知表'), '--notices-format', 'xlsx']);
  t['report.html'] = readFileSync(o('结果.html'), 'utf8');
  t['notices.xlsx'] = readdirSync(o('通知表'))
    .map((n) => `${n}\n${xlsxText(path.join(o('通知表'), n))}`)
    .join('\n');
  await run('check csv', [...batch, '--report', o('结果.csv'), '-q']);
  t['report.csv'] = readFileSync(o('结果.csv'), 'utf8');
  t['check --json'] = jsonSentences((await xxgk(['check', bad, f('说明.docx'), '--json', ...L])).text);
  await run('check files', ['check', f('财政局.xlsx'), f('合计空白.xlsx'), f('民政局.txt'), '--report', o('各文件.xlsx')]);
  t['check files report'] = xlsxText(o('各文件.xlsx'));

  // The evaluator's page (its one script left out: code, not words), workbook and notices.
  await run('evaluate', [
    'evaluate',
    folder.dir,
    folder.priorDir,
    '--report',
    o('评估.html'),
    '--report',
    o('评估.xlsx'),
    '--notices',
    o('整改'),
  ]);
  t['evaluate.html'] = unescaped(readFileSync(o('评估.html'), 'utf8').replace(/<script>[\s\S]*?<\/script>/, ''));
  t['evaluate.xlsx'] = xlsxText(o('评估.xlsx'));
  t['evaluate notices'] = readdirSync(o('整改'))
    .map((n) => `${n}\n${unescaped(readFileSync(path.join(o('整改'), n), 'utf8'))}`)
    .join('\n');
  await run('bad rulebook', ['evaluate', folder.dir, '--rules', f('坏规则.txt')]);
  await run('import', ['import', f('民政局.txt'), '-o', o('导入.xlsx')]);
  t['import file'] = xlsxText(o('导入.xlsx'));
  t['import --json'] = jsonSentences((await xxgk(['import', f('民政局.txt'), '--json', ...L])).text);
  for (const to of ['html', 'csv', 'json', 'xlsx']) {
    const out = o(`导出.${to}`);
    await run(`export ${to}`, ['export', f('财政局.xlsx'), '-o', out]);
    const text = to === 'xlsx' ? xlsxText(out) : readFileSync(out, 'utf8');
    t[`export ${to} file`] = to === 'json' ? jsonSentences(text) : to === 'csv' ? withoutKeyColumns(text, lang) : text;
  }
  await run('export refused', ['export', bad, '-o', o('拒绝.html')]);
  await run('fill', ['fill', f('合计空白.xlsx'), '-o', o('填充.xlsx')]);
  t['fill file'] = xlsxText(o('填充.xlsx'));
  await run('sum', ['sum', folder.dir, '--only-clean', '--year', '2025', '-o', o('汇总.xlsx')]);
  t['sum file'] = xlsxText(o('汇总.xlsx'));
  await run('sum with errors', ['sum', f('财政局.xlsx'), bad, '-o', o('汇总二.xlsx')]);
  await run('template', ['template', '--year', '2025', '--agency', '某某县财政局', '--from', folder.priorDir, '-o', o('模板.xlsx')]);
  t['template file'] = xlsxText(o('模板.xlsx'));
  await run('template agencies', ['template', '--year', '2025', '--agencies', folder.list, '--from', folder.priorDir, '-o', o('模板')]);

  // Error paths: each one line, in the asked language.
  await run('missing file', ['check', f('不存在.xlsx')]);
  await run('export missing', ['export', f('不存在.xlsx'), '-o', o('甲.json')]);
  await run('bad option', ['check', f('财政局.xlsx'), '--bogus']);
  await run('bad value', ['sum', f('财政局.xlsx'), '-o']);
  await run('bad year', ['check', f('财政局.xlsx'), '--year', 'soon']);
  await run('unknown command', ['nonsense']);
  await run('not a workbook', ['check', f('不是工作簿.xlsx')]);
  await run('fill not a workbook', ['fill', f('不是工作簿.xlsx'), '-o', o('乙.xlsx')]);
  await run('a .docx', ['check', f('说明.docx')]);
  await run('import a .docx', ['import', f('说明.docx')]);
  await run('a folder as a file', ['export', f('文件夹.xlsx'), '-o', o('丙.json')]);
  await run('a link to nothing', ['check', f('断开的链接.xlsx')]);
  await run('empty list', ['check', folder.dir, '--agencies', f('空名单.txt')]);
  await run('bad report type', ['check', f('财政局.xlsx'), '--report', o('结果.pdf')]);
  await run('bad rule', ['check', f('财政局.xlsx'), '--rules', f('坏规则.txt')]);
  await run('bad rule end', ['check', f('财政局.xlsx'), '--rules', f('坏规则二.txt')]);
  return t;
}

const OUT: Record<Lang, string> = { zh: '中文输出', en: '英文输出' };
/** What a command prints when it will not do the work (or leaves files out): no rule id either (test/messages-refusals.test.ts has more). */
const REFUSALS = new Set([
  'export refused',
  'sum',
  'sum with errors',
  'missing file',
  'export missing',
  'bad option',
  'bad value',
  'bad year',
  'unknown command',
  'not a workbook',
  'fill not a workbook',
  'a .docx',
  'import a .docx',
  'a folder as a file',
  'a link to nothing',
  'empty list',
  'bad report type',
  'bad rule',
  'bad rule end',
  'bad rulebook',
]);
/** Outputs that are the report's own tables in the official (Chinese) form, whatever the language asked. */
const FORM_DOCUMENTS = ['export html file', 'export xlsx file', 'import file', 'fill file', 'sum file', 'template file'];

describe('no other language, no internal key, no raw error in what a person reads', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`every command, report and notice in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const found: Record<string, string[]> = {};
      for (const [name, text] of Object.entries(await outputs(lang))) {
        if (process.env.XXGK_SCAN_DUMP)
          writeFileSync(path.join(process.env.XXGK_SCAN_DUMP, `${lang}-${name.replace(/\W+/g, '_')}.txt`), text);
        if (!/json/.test(name)) expect(text.trim(), name).not.toBe(''); // a JSON document may hold no sentence
        // The report itself (the official form, published or to fill in) is Chinese in either language.
        const d = defects(text, lang === 'en' && FORM_DOCUMENTS.includes(name) ? 'form' : lang, names, {
          work,
          refusal: REFUSALS.has(name),
        });
        if (d.length) found[name] = d;
      }
      expect(found).toEqual({});
    });

  it('the catalogue: every Chinese entry without English, every English entry without Chinese', () => {
    // Each entry is called with a parameter that answers any question with a marker (names come from
    // files), lists with one such parameter; the few choices among fixed words are given.
    const X = 'ⓧ';
    const choices: Record<string, Record<string, unknown>> = {
      'cli.one_input': { what: 'fill' },
      'template.sum_mixed': { what: 'year' },
      'template.sum_column': { column: 'file' },
      'check.form_invalid': { problem: { kind: 'missing', key: X } },
      'check.unknown_format': { known: [X] },
      'rules.expect.key_of': { kind: 'row' },
    };
    const param = (key: string): unknown =>
      new Proxy(
        {},
        {
          get: (_, k): unknown =>
            k === Symbol.toPrimitive
              ? () => X
              : typeof k === 'string' && choices[key]?.[k] !== undefined
                ? choices[key][k]
                : k === 'severity'
                  ? 'error'
                  : (/s$/.test(String(k)) || k === 'missing') &&
                      !['cells', 'parts', 'others', 'alternatives', 'seconds'].includes(String(k))
                    ? [param(key)]
                    : k === 'cells' && key !== 'check.missing_cells' && key !== 'batch.unfilled' && key !== 'cli.filled'
                      ? [X]
                      : X,
        },
      );
    /** Catalogue entries take one object of named parameters; the pane's take positional ones (given 1s). */
    const scan = (cat: Record<string, unknown>, lang: Lang, positional = false) => {
      const found: string[] = [];
      for (const [key, entry] of Object.entries(cat)) {
        if (key === 'lang' && positional) continue; // the pane's switch names the other language in its own words
        const call = entry as (...p: unknown[]) => unknown;
        const texts = typeof entry === 'function' ? [positional ? call(1, 1, 1) : call(param(key))] : [entry];
        for (const text of texts.flatMap((v) => (typeof v === 'object' && v ? Object.values(v) : [v])))
          for (const d of defects(String(typeof text === 'function' ? text(1, 1, 1) : text), lang, [X])) found.push(`${key}: ${d}`);
      }
      return found;
    };
    expect(scan(zh, 'zh')).toEqual([]);
    expect(scan(en, 'en')).toEqual([]);
    expect(scan(PANE.zh as unknown as Record<string, unknown>, 'zh', true)).toEqual([]);
    expect(scan(PANE.en as unknown as Record<string, unknown>, 'en', true)).toEqual([]);
  });

  it('English counts agree with their nouns', async () => {
    const r = await xxgk(['check', f('2025年报', '某某县教育局2025.xlsx'), '--lang', 'en']);
    expect(r.text).not.toMatch(/\b1 (?:errors|warnings|notices|files|reports|cells)\b/);
    expect(r.text).not.toMatch(/\b(?:[02-9]|\d\d+) (?:error|warning|notice|file|report|cell)\b(?!s)/);
  });
});
