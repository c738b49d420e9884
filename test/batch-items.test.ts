/**
 * Issue 10, items 2–4, each on real files written and read back: files that are not workbooks
 * are listed (not skipped); a file holding another department's or year's report, an untouched
 * template and a second file of one department do not pass; last year's figures go to their own
 * department only. And `xxgk sum --only-clean`.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportsFrom } from '../core/checkfile';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { balancedValues } from './helpers/synthetic';
import { bookBytes, reportSheets } from './helpers/workbooks';
import { letterDocx, wordBinary } from './helpers/batch-folder';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
const report = (agency: string | null, year = 2025, seed = 1) =>
  bookBytes(reportSheets({ format: '2021', year, agency, values: balancedValues('2021', seed) }).sheets);
type Doc = { summary: { files: number }; batch: { files: { path: string; verdict: string; reason: string }[] } };
const verdicts = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout) as Doc).batch.files.map((f) => [path.basename(f.path), f.verdict]));

let work: string;
beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  work = mkdtempSync(path.join(tmpdir(), 'xxgk-items-'));
});

describe('item 2: every file in a folder is listed with what it is and what to do', () => {
  it('a folder of 8 is 8 files: 5 workbooks, two Word documents and a picture', () => {
    const dir = path.join(work, 'eight');
    mkdirSync(dir);
    for (const [i, a] of ['财政局', '教育局', '民政局', '公安局', '司法局'].entries())
      writeFileSync(path.join(dir, `某某县${a}.xlsx`), report(`某某县${a}`, 2025, i + 1));
    writeFileSync(path.join(dir, '某某县水利局.docx'), letterDocx('年报已另行报送'));
    writeFileSync(path.join(dir, '某某县水利局.doc'), wordBinary());
    writeFileSync(path.join(dir, '照片.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const r = xxgk(['check', 'eight'], work);
    expect(r.stdout).toContain('合计：8 个文件，5 份报告。');
    expect(r.stdout).toContain('不是报表 3');
    expect(r.stdout).toContain('文件「eight/某某县水利局.docx」中没有找到年度报告的统计表');
    expect(r.stdout).toContain('文件「eight/某某县水利局.doc」是 Word 文档（.doc 格式）');
    expect(r.stdout).toContain('文件「eight/照片.png」是图片');
    // Named one by one: the same message, no library error.
    const one = xxgk(['check', 'eight/某某县水利局.doc'], work);
    expect(one.stdout).toContain('文件「eight/某某县水利局.doc」是 Word 文档（.doc 格式）');
    expect(one.stdout).toContain('【不是报表】1');
    expect(one.stdout).not.toMatch(/Could not find workbook|不是工作簿/);
    expect(xxgk(['check', 'eight', '--lang', 'en'], work).stdout).toContain('eight/某某县水利局.doc is a Word document');
  });
});

describe('item 3: content of another department or year, a blank template, two files of one department', () => {
  it('县林业局….xlsx holding 某某县财政局 2024: the content decides (year_format with --year), the file name is a note', () => {
    const dir = path.join(work, 'forestry');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '县林业局政府信息公开年报.xlsx'), report('某某县财政局', 2024));
    writeFileSync(path.join(dir, '某某县财政局.xlsx'), report('某某县财政局', 2025, 2));
    const plain = JSON.parse(xxgk(['check', 'forestry', '--json'], work).stdout) as Doc;
    const f = plain.batch.files.find((x) => x.path.includes('林业局'))!;
    // Issue 18: a file name is never the ground for an error; without --year its content has nothing wrong.
    expect(f.verdict).toBe('pass');
    expect(f.reason).toBe('文件名写的是「县林业局」，报告中的单位却是「某某县财政局」：按报告中的单位计，请核对是否报错了文件');
    expect(verdicts(xxgk(['check', 'forestry', '--year', '2025', '--json'], work).stdout)['县林业局政府信息公开年报.xlsx']).toBe(
      'year_format',
    );
  });

  it('a report filed under another department’s name counts as its agency’s (the content decides), and the named one is 未报送, said', () => {
    const dir = path.join(work, 'misfiled');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '县林业局2025年报.xlsx'), report('某某县财政局', 2025, 3));
    writeFileSync(path.join(work, 'misfiled.txt'), '某某县财政局\n某某县林业局\n');
    type Row = { path: string | null; department: string | null; verdict: string; reason: string };
    const rows = (args: string[]) =>
      (JSON.parse(xxgk(['check', 'misfiled', ...args, '--json'], work).stdout) as { batch: { files: Row[] } }).batch.files;
    // With the list: the file is 财政局's (its content), passing with a note; 林业局 is 未报送, saying which file bears its name.
    const listed = rows(['--agencies', 'misfiled.txt']);
    expect(listed.map((r) => [r.department, r.verdict])).toEqual([
      ['某某县财政局', 'pass'],
      ['某某县林业局', 'missing'],
    ]);
    expect(listed[0].reason).toBe('文件名写的是「某某县林业局」，报告中的单位却是「某某县财政局」：按报告中的单位计，请核对是否报错了文件');
    expect(listed[1].reason).toBe(
      '名单中的「某某县林业局」没有报送文件；文件「县林业局2025年报.xlsx」以该单位命名，但其中是「某某县财政局」的报告，已按「某某县财政局」计',
    );
    // Without it: the same, under the report's own agency.
    const plain = rows([]);
    expect(plain.map((r) => [r.department, r.verdict])).toEqual([['某某县财政局', 'pass']]);
    const text = xxgk(['check', 'misfiled', '--agencies', 'misfiled.txt'], work).stdout;
    expect(text).toContain('名单 2 个单位，已报送 1 个');
    const en = xxgk(['check', 'misfiled', '--agencies', 'misfiled.txt', '--lang', 'en'], work).stdout;
    expect(en).toContain('is named for it but holds the report of 某某县财政局, and is counted as that');
  });

  it('the same office of another county is another department; one without its county is matched and the guess said', () => {
    const dir = path.join(work, 'regions');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '另一县财政局.xlsx'), report('另一县财政局', 2025, 1));
    writeFileSync(path.join(dir, '教育局.xlsx'), report('教育局', 2025, 2));
    writeFileSync(path.join(work, 'regions.txt'), '某某县财政局\n某某县教育局\n');
    const doc = JSON.parse(xxgk(['check', 'regions', '--agencies', 'regions.txt', '--json'], work).stdout) as {
      batch: { files: { path: string | null; department: string | null; verdict: string; reason: string }[] };
    };
    const by = Object.fromEntries(doc.batch.files.map((f) => [f.path ? path.basename(f.path) : f.department, f]));
    expect(by['另一县财政局.xlsx'].verdict).toBe('send_back');
    expect(by['另一县财政局.xlsx'].reason).toBe('单位「另一县财政局」不在单位名单中');
    expect(by['某某县财政局'].verdict).toBe('missing');
    expect(by['教育局.xlsx'].verdict).toBe('pass');
    expect(by['教育局.xlsx'].department).toBe('某某县教育局');
    expect(by['教育局.xlsx'].reason).toBe('报告中的单位「教育局」没有写地区，按名单中的「某某县教育局」计，请核对');
  });

  it('places written otherwise: matched to the listed name and said; two that fit, or another county, never chosen', () => {
    const dir = path.join(work, 'nested');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '财政局.xlsx'), report('某某省某某市某某县财政局', 2025, 1));
    writeFileSync(path.join(dir, '政府办.xlsx'), report('某某县政府办公室', 2025, 2));
    writeFileSync(path.join(dir, '民政局.xlsx'), report('某某区民政局', 2025, 3));
    writeFileSync(path.join(dir, '教育局.xlsx'), report('某某市另一县教育局', 2025, 4));
    writeFileSync(path.join(dir, '人民政府.xlsx'), report('某某县人民政府', 2025, 5));
    writeFileSync(path.join(dir, '税务局.xlsx'), report(null, 2025, 1));
    const list = ['某某县财政局', '某某县人民政府办公室', '某某县人民政府', '甲市某某区民政局', '乙市某某区民政局'];
    writeFileSync(path.join(work, 'nested.txt'), [...list, '某某县教育局', '某某县税务局', '另一县税务局'].join('\n'));
    type Row = { path: string | null; department: string | null; verdict: string; reason: string };
    const rows = (lang: string) =>
      (
        JSON.parse(xxgk(['check', 'nested', '--agencies', 'nested.txt', '--json', '--lang', lang], work).stdout) as {
          batch: { files: Row[] };
        }
      ).batch.files;
    const by = (lang: string) => Object.fromEntries(rows(lang).map((f) => [f.path ? path.basename(f.path) : f.department, f]));
    const zh = by('zh');
    expect(zh['财政局.xlsx']).toMatchObject({ department: '某某县财政局', verdict: 'pass' });
    expect(zh['财政局.xlsx'].reason).toBe('报告中的单位写作「某某省某某市某某县财政局」，与名单中的写法不同，按名单中的「某某县财政局」计');
    expect(zh['政府办.xlsx']).toMatchObject({ department: '某某县人民政府办公室', verdict: 'pass' });
    // The government is not its office: counted as itself, with nothing to say.
    expect(zh['人民政府.xlsx']).toMatchObject({ department: '某某县人民政府', verdict: 'pass', reason: '' });
    expect(zh['民政局.xlsx']).toMatchObject({ department: null, verdict: 'send_back' });
    expect(zh['民政局.xlsx'].reason).toBe(
      '报告中的单位「某某区民政局」与名单中的「甲市某某区民政局」、「乙市某某区民政局」都可能是同一单位，无法确定是哪一个，请在报告中写全单位名称',
    );
    expect(zh['教育局.xlsx'].reason).toBe('单位「某某市另一县教育局」不在单位名单中');
    expect(zh['某某县教育局'].verdict).toBe('missing');
    expect(zh['税务局.xlsx'].reason).toBe(
      '报告中没有写单位名称，文件名可能指名单中的「某某县税务局」、「另一县税务局」，无法确定是哪一个单位',
    );
    const en = by('en');
    expect(en['财政局.xlsx'].reason).toBe(
      'the report writes its agency as 某某省某某市某某县财政局, not as on the list; counted as 某某县财政局',
    );
    expect(en['民政局.xlsx'].reason).toBe(
      "the report's agency 某某区民政局 could be any of 甲市某某区民政局, 乙市某某区民政局 on the list: which department it is cannot be told; the report should name its agency in full",
    );
    expect(en['税务局.xlsx'].reason).toContain('its file name could mean any of 某某县税务局, 另一县税务局 on the list');
    // The plain listing says it too, under 通过.
    const text = xxgk(['check', 'nested', '--agencies', 'nested.txt'], work).stdout;
    expect(text).toContain('按名单中的「某某县财政局」计');
  });

  it('an untouched template is 未填写, not 通过 with a warning per blank cell', async () => {
    const dir = path.join(work, 'blank');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '某某县审计局.xlsx'), await writeTemplate(getForm('2021'), { year: 2025, agency: '某某县审计局' }));
    const r = xxgk(['check', 'blank', '--json'], work);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc & { files: { reports: { findings: { rule: string }[] }[] }[] };
    expect(doc.batch.files[0].verdict).toBe('unfilled');
    expect(doc.files[0].reports[0].findings.map((x) => x.rule)).toEqual(['batch.unfilled']); // not 166 blank-cell warnings
    expect(xxgk(['check', 'blank'], work).stdout).toContain('【未填写】1');
  });

  it('two files of one department: the one named as a revision counts over the newer, and says why', () => {
    const dir = path.join(work, 'twice');
    mkdirSync(dir);
    const older = path.join(dir, '统计局-第二版.xlsx'),
      newer = path.join(dir, '统计局.xlsx');
    writeFileSync(older, report('某某县统计局', 2025, 1));
    writeFileSync(newer, report('某某县统计局', 2025, 2));
    utimesSync(older, 1_700_000_000, 1_700_000_000);
    utimesSync(newer, 1_700_100_000, 1_700_100_000);
    const doc = JSON.parse(xxgk(['check', 'twice', '--json'], work).stdout) as Doc;
    expect(verdicts(JSON.stringify(doc))).toEqual({ '统计局-第二版.xlsx': 'pass', '统计局.xlsx': 'duplicate' });
    expect(doc.batch.files.find((f) => f.verdict === 'duplicate')!.reason).toBe(
      '「某某县统计局」另有文件「统计局-第二版.xlsx」，以那份为准（文件名表明那份是修改后的版本），此文件不计入',
    );
  });

  it('without a list, a report naming its department without the county is still a duplicate of the one with it', () => {
    const dir = path.join(work, 'twice-short');
    mkdirSync(dir);
    const older = path.join(dir, '统计局旧.xlsx'),
      newer = path.join(dir, '某某县统计局.xlsx');
    writeFileSync(older, report('统计局', 2025, 1));
    writeFileSync(newer, report('某某县统计局', 2025, 2));
    utimesSync(older, 1_700_000_000, 1_700_000_000);
    utimesSync(newer, 1_700_100_000, 1_700_100_000);
    const out = xxgk(['check', 'twice-short', '--json'], work).stdout;
    expect(verdicts(out)).toEqual({ '统计局旧.xlsx': 'duplicate', '某某县统计局.xlsx': 'pass' });
  });
});

describe("item 4: last year's figures go to their own department only", () => {
  it('template --agencies list --from DIR with one department’s report pre-fills that one and names the others', () => {
    const from = path.join(work, 'last-year');
    mkdirSync(from);
    writeFileSync(path.join(from, '财政局2024.xlsx'), report('某某县财政局', 2024, 3));
    writeFileSync(path.join(work, 'list.txt'), '某某县财政局\n某某县教育局\n某某县民政局\n');
    const r = xxgk(['template', '--year', '2025', '--agencies', 'list.txt', '--from', 'last-year', '-o', 'tpl'], work);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('注意：2 个单位在 --from 中没有找到上年报告，其模板未预填：某某县教育局、某某县民政局');
    const carried = (file: string) => {
      const [rep] = readReportsFrom(new Uint8Array(readFileSync(path.join(work, 'tpl', file))), file);
      return rep.cells['T3:R2:natural'].raw; // 上年结转, carried from last year's 结转下年度
    };
    expect(typeof carried('某某县财政局.xlsx')).toBe('number');
    expect(carried('某某县教育局.xlsx')).toBeNull();
    expect(carried('某某县民政局.xlsx')).toBeNull();
  });

  it('check --prior DIR compares only with the same agency and names those without', () => {
    const dir = path.join(work, 'this-year');
    mkdirSync(dir);
    copyFileSync(path.join(work, 'tpl', '某某县财政局.xlsx'), path.join(dir, '某某县财政局.xlsx'));
    writeFileSync(path.join(dir, '某某县教育局.xlsx'), report('某某县教育局', 2025, 2));
    const r = xxgk(['check', 'this-year', '--prior', 'last-year'], work);
    expect(r.stdout).toContain('1 个单位没有找到上年报告（跨年度核对未做）：某某县教育局');
  });
});

describe('xxgk sum --only-clean', () => {
  it('sums the reports that pass and lists those left out and why', () => {
    const dir = path.join(work, 'sum');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '财政局.xlsx'), report('某某县财政局', 2025, 1));
    writeFileSync(path.join(dir, '民政局.xlsx'), report('某某县民政局', 2025, 2));
    const bad = balancedValues('2021', 2);
    bad['T3:R3.3.4:natural'] = (bad['T3:R3.3.4:natural'] as number) + 10;
    writeFileSync(
      path.join(dir, '教育局.xlsx'),
      bookBytes(reportSheets({ format: '2021', year: 2025, agency: '某某县教育局', values: bad }).sheets),
    );
    writeFileSync(path.join(dir, '说明.docx'), letterDocx('说明'));
    const r = xxgk(['sum', 'sum', '--only-clean', '-o', 'total.xlsx'], work);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已汇总 2 份报告');
    expect(r.stderr).toContain('未计入：sum/教育局.xlsx（有错误，需退回：');
    expect(r.stderr).toContain('未计入：sum/说明.docx（不是报表：');
    const total = readReportsFrom(new Uint8Array(readFileSync(path.join(work, 'total.xlsx'))), 'total.xlsx')[0];
    const a = balancedValues('2021', 1)['T3:R1:total'] as number,
      b = balancedValues('2021', 2)['T3:R1:total'] as number;
    expect(Number(total.cells['T3:R1:total'].raw)).toBe(a + b);
  });
});
