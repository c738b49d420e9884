/**
 * A county's batch as it really arrives: 40 department workbooks for 2025 plus every odd case of
 * issue 10 (another year or format, a file name naming another department, an untouched template,
 * two files of one department, an agency not on the list, a text number, Word/PDF/picture/zip
 * files, an encrypted and a truncated workbook, reports side by side and stacked on one sheet, a
 * number typed as text under SUM totals, a department of another county, an agency without its
 * region), with the list of departments (two of which send nothing) and last year's reports of a
 * few. Written to real files; `expected` says each file's verdict (every report of a file has it).
 */
import { mkdirSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formForYear, getForm } from '../../core/forms';
import { Dec } from '../../core/model/decimal';
import { tagAddresses } from '../template-helpers';
import { writeTemplate } from '../../core/template/xlsx';
import type { Verdict } from '../../core/batch';
import { balancedValues, consistentInputs } from './synthetic';
import { sheetsTogether } from './sheets-together';
import { bookBytes, encryptedBytes, reportSheets, type Raw } from './workbooks';
import { docxBytes } from './docx';

/** The start of a binary Word file (.doc, WPS 文字 .wps): a compound file holding a WordDocument stream. */
export function wordBinary(): Uint8Array {
  const cfb = new Uint8Array(1536);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  cfb.set(
    Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0]),
    1024,
  );
  return cfb;
}

/** A Word letter with no tables: what a department sends instead of the tables. */
export function letterDocx(text: string): Uint8Array {
  return docxBytes(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
}

export const REGION = '某某县';
/** The offices of the county (the list file names them with the region). */
export const OFFICES = [
  '财政局',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '乡村振兴局',
  '发展和改革局',
  '科学技术局',
  '工业和信息化局',
  '民族宗教事务局',
  '人民政府办公室',
  '信访局',
  '城市管理局',
  '体育局',
  '档案局',
  '机关事务管理局',
  '政务服务和大数据管理局',
  '行政审批服务局',
  '粮食和物资储备局',
  '地震局',
  '住房公积金管理中心',
  '国防动员办公室',
  '融媒体中心',
  '疾病预防控制中心',
  '供水管理站',
];
/** Listed departments that send nothing. */
export const SILENT = ['疾病预防控制中心', '供水管理站'];

export interface BatchFolder {
  dir: string;
  list: string;
  priorDir: string;
  /** Expected verdict per file name (and per silent department, keyed by its name). */
  expected: Record<string, Verdict>;
}

const T = Date.UTC(2026, 0, 10, 8, 0, 0) / 1000;

/** Reports in files holding more than one (side by side: 2, stacked: 3): rows = files + this. */
export const EXTRA_REPORTS = 3;

/** Column letters to a number (A → 1). */
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The 2025 template (its totals are =SUM(…)) filled in with 15 typed as "15件" in 表三's first
 * result cell, saved with the totals Excel would cache: SUM skips text, so they are short by 15
 * (Microsoft, "SUM function": "text values … are ignored"). 新收 grows by 15, so the report balances as meant.
 */
export async function textUnderSum(agency: string, seed = 31): Promise<Uint8Array> {
  const form = formForYear(2025);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTemplate(form, { year: 2025, agency })) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const addr = tagAddresses(wb);
  const inputs = consistentInputs(form, seed);
  const text = 'T3:R3.1:natural';
  inputs.set('T3:R1:natural', inputs.get('T3:R1:natural')!.sub(inputs.get(text)!).add(Dec.of(15)));
  inputs.delete(text);
  for (const [id, v] of inputs) ws.getCell(addr.get(id)!).value = v.toNumber();
  ws.getCell(addr.get(text)!).value = '15件';
  const formulas = new Map<string, string>();
  ws.eachRow((row) => row.eachCell((c) => c.formula && formulas.set(c.address, c.formula)));
  const value = (a: string): number => {
    const f = formulas.get(a);
    if (!f) {
      const v = ws.getCell(a).value;
      return typeof v === 'number' ? v : 0;
    }
    const m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(f);
    if (!m) throw new Error(`unexpected formula ${f}`);
    let sum = 0;
    for (let r = Number(m[2]); r <= Number(m[4]); r++)
      for (let c = colNumber(m[1]); c <= colNumber(m[3]); c++) sum += value(ws.getCell(r, c).address);
    return Number(sum.toFixed(6));
  };
  for (const [a, formula] of formulas) ws.getCell(a).value = { formula, result: value(a) };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function writeBatchFolder(root: string): Promise<BatchFolder> {
  const dir = path.join(root, '2025年报');
  const priorDir = path.join(root, '2024年报');
  mkdirSync(dir, { recursive: true });
  mkdirSync(priorDir, { recursive: true });
  const expected: Record<string, Verdict> = {};
  const put = (name: string, data: Uint8Array | string, verdict: Verdict, at = T) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    utimesSync(file, at, at);
    expected[name] = verdict;
  };
  const report = (agency: string | null, values: Record<string, Raw>, year = 2025, format = '2021', title?: string | null) =>
    bookBytes(reportSheets({ format, year, agency, values, ...(title !== undefined ? { title } : {}) }).sheets);

  const odd = new Set([
    '财政局',
    '林业局',
    '教育局',
    '交通运输局',
    '水利局',
    '审计局',
    '统计局',
    '档案局',
    '信访局',
    '商务局',
    '地震局',
    '融媒体中心',
    '体育局',
    '国防动员办公室',
    '粮食和物资储备局',
    '机关事务管理局',
    '科学技术局',
    ...SILENT,
  ]);
  OFFICES.forEach((office, i) => {
    if (odd.has(office)) return;
    // Real file names: full names, short forms, with and without the year and the region.
    const name =
      office === '卫生健康委员会'
        ? '县卫健委2025年报.xlsx'
        : office === '人力资源和社会保障局'
          ? '某某县人社局-2025.xlsx'
          : i % 3 === 0
            ? `${REGION}${office}2025年政府信息公开工作年度报告统计表.xlsx`
            : i % 3 === 1
              ? `${office}.xlsx`
              : `${REGION}${office}-年报.xlsx`;
    put(name, report(`${REGION}${office}`, balancedValues('2021', (i % 5) + 1)), 'pass');
  });

  // 有错误，需退回: planted errors.
  const bad = { ...balancedValues('2021', 2) };
  bad['T3:R3.3.4:natural'] = (bad['T3:R3.3.4:natural'] as number) + 10;
  bad['T4:R1:review.pending'] = '若干';
  put('某某县教育局2025.xlsx', report(`${REGION}教育局`, bad), 'send_back');
  // 年度或格式不符: the file of 林业局 holds 财政局's report of 2024 (issue 10, item 3).
  put('县林业局2025年报.xlsx', report(`${REGION}财政局`, balancedValues('2021', 3), 2024), 'year_format');
  // 财政局's own file, right.
  put('某某县财政局2025.xlsx', report(`${REGION}财政局`, balancedValues('2021', 1)), 'pass');
  // 年度或格式不符: a 2025 report in the 2019 format.
  put('某某县水利局.xlsx', report(`${REGION}水利局`, balancedValues('2019', 2), 2025, '2019'), 'year_format');
  // 通过, counted as 商务局's: the file name names another department (交通运输局's file holds 商务局's
  // tables); the content decides, the name is a note, and 交通运输局 is 未报送 (issue 18).
  put('某某县交通运输局2025.xlsx', report(`${REGION}商务局`, balancedValues('2021', 4)), 'pass');
  // 未填写: an untouched template.
  put('某某县审计局2025年报.xlsx', await writeTemplate(getForm('2021'), { year: 2025, agency: `${REGION}审计局` }), 'unfilled');
  // 重复: two files of 统计局, the one named as a revision (and newer) counts.
  put('某某县统计局2025.xlsx', report(`${REGION}统计局`, balancedValues('2021', 2)), 'duplicate', T - 86400);
  put('某某县统计局2025（修改后）.xlsx', report(`${REGION}统计局`, balancedValues('2021', 3)), 'pass', T);
  // 有错误，需退回: an agency not on the list.
  put('某某县气象局2025.xlsx', report(`${REGION}气象局`, balancedValues('2021', 1)), 'send_back');
  // 通过 with a notice: a number typed as text ("3件"); the summary says so.
  const typed = { ...balancedValues('2021', 4) };
  typed['T3:R3.1:natural'] = `${typed['T3:R3.1:natural']}件`;
  put('某某县档案局2025.xlsx', report(`${REGION}档案局`, typed), 'pass');
  // 通过: a report that does not name its agency, known by its file name.
  put('某某县信访局2025.xlsx', report(null, balancedValues('2021', 5), 2025, '2021', '2025年政府信息公开工作年度报告'), 'pass');

  // 通过: two departments side by side on one sheet (column A and column R), and three one under another.
  const one = (office: string, seed: number) => ({
    format: '2021',
    year: 2025,
    agency: `${REGION}${office}`,
    values: balancedValues('2021', seed),
  });
  put(
    '两单位合报.xlsx',
    bookBytes([sheetsTogether('2025年报', [one('地震局', 1), { ...one('融媒体中心', 2), origin: { r: 0, c: 17 } }])]),
    'pass',
  );
  put(
    '三单位合报.xlsx',
    bookBytes([sheetsTogether('2025年报', [one('体育局', 3), one('国防动员办公室', 4), one('粮食和物资储备局', 5)], 'stacked')]),
    'pass',
  );
  // 有错误，需退回: "15件" typed under SUM totals (the cached totals are short by 15; the text cell is the cause).
  put('某某县机关事务管理局2025.xlsx', await textUnderSum(`${REGION}机关事务管理局`), 'send_back');
  // 通过, with the guess said: the report names 科学技术局 without the county.
  put('某某县科学技术局.xlsx', report('科学技术局', balancedValues('2021', 2)), 'pass');
  // 有错误，需退回: the same office of another county is another department (not on the list).
  put('另一县财政局2025.xlsx', report('另一县财政局', balancedValues('2021', 3)), 'send_back');

  // 不是报表: what departments send by mistake.
  put('某某县商务局年报说明.docx', letterDocx('关于报送2025年度政府信息公开工作年度报告的说明'), 'not_report');
  const cfb = new Uint8Array(1536);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  cfb.set(
    Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0]),
    1024,
  );
  put('某某县商务局年报.doc', cfb, 'not_report');
  put('某某县商务局年报.wps', cfb, 'not_report');
  // 无法读取: a PDF cut short (the reader says it is not a whole PDF).
  put('某某县商务局年报.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'unreadable');
  put(
    '统计表截图.jpg',
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, ...new Array(64).fill(0)]),
    'not_report',
  );
  const zip = new JSZip();
  zip.file('某某县商务局.xlsx', report(`${REGION}商务局`, balancedValues('2021', 1)));
  put('商务局材料.zip', await zip.generateAsync({ type: 'uint8array' }), 'not_report');
  // 无法读取: password-protected, and cut short.
  put('某某县林业局2025（加密）.xlsx', encryptedBytes(), 'unreadable');
  const whole = report(`${REGION}林业局`, balancedValues('2021', 2));
  put('某某县林业局2025年报.xlsx', whole.subarray(0, Math.floor(whole.length / 2)), 'unreadable');

  for (const s of SILENT) expected[`${REGION}${s}`] = 'missing';
  expected[`${REGION}交通运输局`] = 'missing';

  const list = path.join(root, '单位名单.txt');
  writeFileSync(list, OFFICES.map((o) => `${REGION}${o}`).join('\r\n') + '\r\n');
  // Last year's reports of a few departments (the others have none).
  for (const o of ['财政局', '民政局', '公安局'])
    writeFileSync(path.join(priorDir, `${REGION}${o}2024.xlsx`), report(`${REGION}${o}`, balancedValues('2021', 1), 2024));
  return { dir, list, priorDir, expected };
}
