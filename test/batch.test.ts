/**
 * Issue 10: a batch as the office handles it, on a generated folder of 49 files for 42 listed
 * departments (test/helpers/batch-folder.ts): every file a verdict and a reason, the summary,
 * the bulk report, the send-back notices, --prior naming departments without last year's report.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_REPORTS, OFFICES, REGION, SILENT, writeBatchFolder, type BatchFolder } from './helpers/batch-folder';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

interface BatchJson {
  summary: { files: number };
  batch: {
    verdicts: Record<string, number>;
    missing: string[];
    no_prior: string[] | null;
    files: { path: string | null; department: string | null; verdict: string; reason: string }[];
  };
}

let work: string;
let folder: BatchFolder;
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  work = mkdtempSync(path.join(tmpdir(), 'xxgk-batch-'));
  folder = await writeBatchFolder(work);
});

const args = () => ['check', path.basename(folder.dir), '--year', '2025', '--agencies', path.basename(folder.list)];

describe('xxgk check DIR --year --agencies on a county batch', () => {
  it('gives every file (and every listed department that sent nothing) its verdict', () => {
    const r = xxgk([...args(), '--json'], work);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as BatchJson;
    const got: Record<string, string> = {};
    for (const f of doc.batch.files) got[f.path ? path.basename(f.path) : f.department!] = f.verdict;
    expect(got).toEqual(folder.expected);
    // Every report: the side-by-side and stacked files give a row per department.
    expect(doc.batch.files.filter((f) => f.path)).toHaveLength(readdirSync(folder.dir).length + EXTRA_REPORTS);
    expect(doc.summary.files).toBe(readdirSync(folder.dir).length); // nothing skipped
    // 交通运输局's only file holds 商务局's report: counted as 商务局's (the content decides), 交通运输局 sent none.
    expect(doc.batch.missing.sort()).toEqual([...SILENT, '交通运输局'].map((s) => `${REGION}${s}`).sort());
    expect(doc.batch.verdicts).toEqual({
      send_back: 4,
      year_format: 2,
      unfilled: 1,
      unreadable: 3,
      not_report: 5,
      missing: 3,
      duplicate: 1,
      pass: 34,
    });
  });

  it('says why: another department, another year, the wrong format, not on the list, which duplicate is kept', () => {
    const doc = JSON.parse(xxgk([...args(), '--json'], work).stdout) as BatchJson;
    const why = (name: string) => doc.batch.files.find((f) => f.path && path.basename(f.path) === name)!.reason;
    expect(why('县林业局2025年报.xlsx')).toBe('报告年度是 2024 年，本批收集的是 2025 年度的报告');
    expect(why('某某县水利局.xlsx')).toBe('2025 年度的报告应使用 2021 版格式，此报告是 2019 版格式');
    expect(why('某某县交通运输局2025.xlsx')).toBe(
      '文件名写的是「某某县交通运输局」，报告中的单位却是「某某县商务局」：按报告中的单位计，请核对是否报错了文件',
    );
    expect(why('某某县气象局2025.xlsx')).toBe('单位「某某县气象局」不在单位名单中');
    expect(why('某某县统计局2025.xlsx')).toBe(
      '「某某县统计局」另有文件「某某县统计局2025（修改后）.xlsx」，以那份为准（文件名表明那份是修改后的版本），此文件不计入',
    );
    expect(why('某某县统计局2025（修改后）.xlsx')).toBe(
      '「某某县统计局」还报送了「某某县统计局2025.xlsx」，以此文件为准（文件名表明此文件是修改后的版本）',
    );
    expect(why('某某县审计局2025年报.xlsx')).toMatch(/^报告未填写：\d+ 个数据单元格都是空白/);
    expect(why('某某县商务局年报.doc')).toContain('是 Word 文档（.doc 格式），读不出其中的表格');
    expect(why('某某县商务局年报说明.docx')).toContain('中没有找到年度报告的统计表');
    expect(why('统计表截图.jpg')).toContain('是图片');
    // Another county's 财政局 is another department; 科学技术局 without its county is matched, and the guess said.
    expect(why('另一县财政局2025.xlsx')).toBe('单位「另一县财政局」不在单位名单中');
    expect(why('某某县科学技术局.xlsx')).toBe('报告中的单位「科学技术局」没有写地区，按名单中的「某某县科学技术局」计，请核对');
    expect(why('某某县机关事务管理局2025.xlsx')).toContain('“15件”是文本，表格的求和公式不计入文本，所以 3 个合计都少算了 15');
    // The file of 交通运输局 holding 商务局's report counts for 商务局, and 交通运输局 is 未报送, saying where its name is.
    const transport = doc.batch.files.find((f) => f.path && path.basename(f.path) === '某某县交通运输局2025.xlsx')!;
    expect(transport.department).toBe('某某县商务局');
    expect(doc.batch.files.find((f) => !f.path && f.department === '某某县交通运输局')!.reason).toBe(
      '名单中的「某某县交通运输局」没有报送文件；文件「某某县交通运输局2025.xlsx」以该单位命名，但其中是「某某县商务局」的报告，已按「某某县商务局」计',
    );
    const both = doc.batch.files.filter((f) => f.path && path.basename(f.path) === '两单位合报.xlsx').map((f) => f.department);
    expect(both).toEqual(['某某县地震局', '某某县融媒体中心']);
  });

  it('prints every verdict under its heading and the summary counting each', () => {
    const r = xxgk(args(), work);
    const out = r.stdout;
    for (const h of [
      '【有错误，需退回】4',
      '【年度或格式不符】2',
      '【未填写】1',
      '【无法读取】3',
      '【不是报表】5',
      '【未报送】3',
      '【重复】1',
      '【通过】34',
    ])
      expect(out).toContain(h);
    expect(out).toContain(
      '合计：47 个文件，42 份报告。有错误，需退回 4；年度或格式不符 2；未填写 1；无法读取 3；不是报表 5；未报送 3；重复 1；通过 34\n名单 42 个单位，已报送 39 个\n' +
        '有 1 处文字被当作数字读取，请核对：\n  2025年报/某某县档案局2025.xlsx 2025年报!D25：表三 予以公开·自然人：文本“4件”按数字 4 读取\n',
    );
    // Failures come before the clean files.
    expect(out.indexOf('【有错误，需退回】')).toBeLessThan(out.indexOf('【通过】'));
    const en = xxgk([...args(), '--lang', 'en'], work).stdout;
    expect(en).toContain(
      'Total: 47 files, 42 reports. has errors, send back 4; wrong year or format 2; not filled in 1; unreadable 3; not a report 5; not submitted 3; duplicate 1; passed 34\n42 departments on the list, 39 submitted\n1 text was read as a number: please verify:\n  2025年报/某某县档案局2025.xlsx 2025年报!D25: ',
    );
  });

  it('without --agencies, two files of one department are still 重复 by agency name', () => {
    const doc = JSON.parse(xxgk(['check', path.basename(folder.dir), '--json'], work).stdout) as BatchJson;
    const dup = doc.batch.files.filter((f) => f.verdict === 'duplicate').map((f) => path.basename(f.path!));
    expect(dup).toContain('某某县统计局2025.xlsx');
    // The 2024 report in 林业局's 2025 file: without --year nothing in its content is wrong, and a file
    // name is never the ground for an error (issue 18): 财政局's, passing, with the name's disagreement noted.
    const forestry = doc.batch.files.find((f) => f.path && path.basename(f.path) === '县林业局2025年报.xlsx')!;
    expect(forestry).toMatchObject({ verdict: 'pass', department: '某某县财政局' });
    expect(forestry.reason).toBe('文件名写的是「县林业局」，报告中的单位却是「某某县财政局」：按报告中的单位计，请核对是否报错了文件');
  });

  it('--prior DIR names every department it found no last-year report for', () => {
    const r = xxgk([...args(), '--prior', path.basename(folder.priorDir), '--json'], work);
    const doc = JSON.parse(r.stdout) as BatchJson;
    expect(doc.batch.no_prior).not.toContain(`${REGION}民政局`);
    expect(doc.batch.no_prior).toContain(`${REGION}教育局`);
    const text = xxgk([...args(), '--prior', path.basename(folder.priorDir)], work).stdout;
    expect(text).toMatch(/\d+ 个单位没有找到上年报告（跨年度核对未做）：.*某某县教育局/);
  });
});

describe('bulk report of the batch', () => {
  it('.xlsx: grouped by verdict, failures first, a colour per verdict, counts as numbers, a 单位 column', async () => {
    const out = path.join(work, '汇总.xlsx');
    xxgk([...args(), '--report', out], work);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('各文件结论')!;
    let head = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '结论') head = n;
    });
    expect(ws.getRow(head).values).toEqual([undefined, '结论', '单位', '文件', '工作表', '年度', '格式', '错误', '警告', '提示', '原因']);
    const verdicts: string[] = [];
    const fills = new Map<string, string>();
    for (let n = head + 1; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      const v = String(row.getCell(1).value);
      verdicts.push(v);
      const fill = row.getCell(1).fill as { fgColor?: { argb?: string } };
      fills.set(v, fill.fgColor!.argb!);
      if (v === '通过') expect(typeof row.getCell(7).value).toBe('number');
    }
    expect(verdicts).toHaveLength(53);
    const order = ['有错误，需退回', '年度或格式不符', '未填写', '无法读取', '不是报表', '未报送', '重复', '通过'];
    expect([...new Set(verdicts)]).toEqual(order); // grouped, failures first
    expect(new Set(fills.values()).size).toBe(8); // one colour each
    const changes = wb.getWorksheet('需修改之处')!;
    const texts: string[] = [];
    changes.eachRow((row) => texts.push((row.values as unknown[]).map(String).join('|')));
    // The planted wrong cell: its suggestion on its own line with its reason, the rule by name and by id.
    expect(texts.some((t) => t.includes('T3.results_total') && t.includes('表三每列：（七）总计等于（一）至（六）各项之和'))).toBe(true);
  });

  it('.html: the same tables, coloured rows', () => {
    const out = path.join(work, '汇总.html');
    xxgk([...args(), '--report', out], work);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>各文件结论</h2>');
    expect(html).toContain('style="background:#C6EFCE"');
    expect(html).toContain('未报送');
  });
});

describe('send-back notices', () => {
  it('one per department that must change something, with cells, values, suggestions and the rule in words', () => {
    const out = path.join(work, '退回通知');
    const r = xxgk([...args(), '--notices', out], work);
    expect(r.stderr).toContain('份退回通知');
    const files = readdirSync(out).sort();
    expect(files).toContain('某某县教育局-退回通知.html');
    expect(files).toContain('某某县审计局-退回通知.html');
    expect(files).toContain('某某县水利局-退回通知.html');
    expect(files).toContain('某某县商务局-退回通知.html'); // its Word, PDF and zip files
    expect(files).not.toContain('某某县交通运输局-退回通知.html'); // its file holds 商务局's tables, which pass
    expect(files.some((f) => f.startsWith('某某县统计局'))).toBe(false); // the newer file passes
    expect(files.some((f) => f.startsWith('某某县民政局'))).toBe(false);
    const edu = readFileSync(path.join(out, '某某县教育局-退回通知.html'), 'utf8');
    expect(edu).toContain('<p>某某县教育局：</p>\n<p class="i">你单位报送的「某某县教育局2025.xlsx」经检查，有以下 2 处问题');
    expect(edu).toContain(
      '<th>工作表</th><th>单元格</th><th>表</th><th>行</th><th>列</th><th>现填</th><th>改为此值即平衡</th><th>说明</th>',
    );
    expect(edu).toMatch(
      /2025年报<\/td><td>D\d+<\/td><td>表三<\/td><td>[^<]+<\/td><td>自然人<\/td><td class="n">12<\/td><td class="n">2<\/td><td>疑为多打了一位数字/,
    );
    expect(edu).not.toMatch(/T3\.|cell\.|R3\.|natural/); // no internal keys where a person reads
    const xlsxDir = path.join(work, '退回通知xlsx');
    xxgk([...args(), '--notices', xlsxDir, '--notices-format', 'xlsx'], work);
    const wb = XLSX.read(readFileSync(path.join(xlsxDir, '某某县教育局-退回通知.xlsx')));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(String(rows[0][0])).toBe('关于「某某县教育局」政府信息公开工作年度报告统计表的退回修改通知');
  });
});

describe('every file in a folder is listed (issue 10, item 2)', () => {
  it('named one by one, a Word file gets the same message as in the folder', () => {
    const r = xxgk(['check', path.join(path.basename(folder.dir), '某某县商务局年报说明.docx')], work);
    expect(r.stdout).toContain('文件「2025年报/某某县商务局年报说明.docx」中没有找到年度报告的统计表');
    expect(r.stdout).toContain('【不是报表】1');
    expect(r.stdout).not.toMatch(/Could not find workbook|ENOENT/);
    expect(r.stdout).toContain('合计：1 个文件，0 份报告');
    const missing = xxgk(['check', '没有这个文件.xlsx'], work);
    expect(missing.stdout).toContain('无法读取「没有这个文件.xlsx」：不存在');
    expect(missing.stdout).not.toContain('ENOENT');
  });
});

describe('the whole batch in one run (issue 10, done when)', () => {
  it('--year --agencies --notices --report: the summary, one notice per department to write to, the report', async () => {
    const notices = path.join(work, '一次退回');
    const out = path.join(work, '一次汇总.xlsx');
    const r = xxgk([...args(), '--notices', notices, '--report', out], work);
    expect(r.status).toBe(1);
    expect(r.stdout.slice(r.stdout.indexOf('\n合计：') + 1)).toBe(
      '合计：47 个文件，42 份报告。有错误，需退回 4；年度或格式不符 2；未填写 1；无法读取 3；不是报表 5；未报送 3；重复 1；通过 34\n' +
        '名单 42 个单位，已报送 39 个\n' +
        '有 1 处文字被当作数字读取，请核对：\n' +
        '  2025年报/某某县档案局2025.xlsx 2025年报!D25：表三 予以公开·自然人：文本“4件”按数字 4 读取\n',
    );
    expect(r.stdout).not.toMatch(/\b(natural|undefined|NaN|ENOENT)\b/);
    expect(readdirSync(notices).sort()).toEqual(
      [
        '另一县财政局',
        '某某县财政局', // 财政局's 2024 report, in a file named for 林业局
        '某某县商务局',
        '某某县审计局',
        '某某县教育局',
        '某某县机关事务管理局',
        '某某县林业局',
        '某某县气象局',
        '某某县水利局',
        '统计表截图.jpg',
      ]
        .map((d) => `${d}-退回通知.html`)
        .sort(),
    );
    const wb = XLSX.read(readFileSync(out));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['各文件结论'], { header: 1 });
    const head = rows.findIndex((x) => x[0] === '结论');
    const verdicts = rows.slice(head + 1).map((x) => String(x[0]));
    const tally = (v: string) => verdicts.filter((x) => x === v).length;
    expect([4, 2, 1, 3, 5, 3, 1, 34]).toEqual(
      ['有错误，需退回', '年度或格式不符', '未填写', '无法读取', '不是报表', '未报送', '重复', '通过'].map(tally),
    );
  });
});

it('OFFICES lists 42 departments', () => expect(OFFICES).toHaveLength(42));
