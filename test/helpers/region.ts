/**
 * A region for xxgk evaluate (issue 23, "Test data"): several agencies over 2020–2025 (the 2020
 * reports in the 2019 format, the others in the 2021 format: the change of format inside the
 * chain), each year's report published as an .xlsx workbook, a Word .docx, a saved web page
 * (.html, with its 发布日期) or the page's text (.txt), with text of its own in sections 一, 五 and
 * 六 — each year's figures following last year's (上年结转 = 结转下年度, 现行有效 = last year's +
 * 制发 − 废止), so that a clean region scores full marks. `faults` plants what an evaluator looks
 * for, each in one agency and year, and the region says where (`planted`):
 *  - chain: 上年结转 of one column one more than last year's 结转下年度 (the year kept balanced);
 *  - copiedYear: last year's figures published again;
 *  - late: a saved page whose 发布日期 is after 1月31日 (条例第四十九条: departments by 1月31日);
 *  - copiedText: another agency's text of the same year published as the agency's own;
 *  - unpublished: a listed agency with no report of a year (未发布).
 * Real published reports (test/fixtures/real) are copied in beside them; a note that is no report and a
 * truncated workbook make sure every file is accounted for.
 */
import * as fs from 'fs';
import * as path from 'path';
import { bookBytes, reportSheets, type Raw } from './workbooks';
import { balancedValues } from './synthetic';
import { carriedFrom, carryInto } from './carry';
import { publishedHtml, publishedText } from './published';
import { reportDocx } from './docx';
import { rng } from './temp';

export const REGION_YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
export const REGION_AGENCIES = ['某某县财政局', '某某县教育局', '某某县卫生健康局', '某某县自然资源局', '某某县司法局'];
export type Kind = 'xlsx' | 'docx' | 'html' | 'txt';
const KINDS: Kind[] = ['xlsx', 'docx', 'html', 'txt'];
/** Real reports copied in: a whole saved page and text copies of pages (test/fixtures/real/README.md). */
export const REAL_REPORTS = ['shanghai-bgt-2019.html', 'tongjiju-2023.txt', 'longgang-2024.txt', 'jiedao-2019.txt'];

export interface Planted {
  agency: string;
  year: number;
  file: string;
}

export interface RegionFaults {
  chain?: boolean;
  copiedYear?: boolean;
  late?: boolean;
  copiedText?: boolean;
  unpublished?: boolean;
}

export interface WrittenRegion {
  dir: string;
  /** Every file written, by name in the folder. */
  files: string[];
  /** Reports of the synthetic agencies: agency, year, file. */
  reports: Planted[];
  planted: Partial<Record<keyof RegionFaults, Planted>>;
  /** The list of agencies (--agencies), written in the folder beside the reports. */
  list: string;
}

/** A balanced 2021-format year following last year's (2021 or 2019 format), or, with none, starting fresh. */
export function chainedValues(seed: number, prior: Record<string, Raw> | null): Record<string, Raw> {
  const v = balancedValues('2021', seed);
  carryInto(v, prior ? carriedFrom(prior) : null);
  for (const [row, issued, repealed] of [
    ['rules', seed % 4, 0],
    ['normative', 2 + (seed % 5), 1],
  ] as const) {
    // A 2019-format year before has no 现行有效件数: the count starts afresh (it is not chained across the change).
    const before = prior?.[`T2:${row}:in_force`] != null ? Number(prior[`T2:${row}:in_force`]) : 20 + seed;
    Object.assign(v, {
      [`T2:${row}:issued`]: issued,
      [`T2:${row}:repealed`]: repealed,
      [`T2:${row}:in_force`]: before + issued - repealed,
    });
  }
  Object.assign(v, {
    'T2:licensing:decisions': 10 + seed,
    'T2:penalty:decisions': 5 + seed,
    'T2:enforcement:decisions': seed % 7,
    'T2:fees:amount': 0,
  });
  return v;
}

// Words to make each report's text its own: a clean region has no report copied from another.
const DOING = ['深化', '推进', '规范', '加强', '完善', '落实', '优化', '拓展', '健全', '强化', '细化', '统筹'];
const WHAT = [
  '主动公开目录编制',
  '依申请公开办理流程',
  '政策解读与回应关切',
  '政府网站专栏维护',
  '政务新媒体信息发布',
  '重大行政决策预公开',
  '公开属性源头认定',
  '保密审查工作机制',
  '办件答复文书质量',
  '政府信息管理台账',
  '基层政务公开标准化',
  '公共企事业单位信息公开',
];
const HOW = [
  '全年召开专题会议',
  '组织业务培训',
  '开展自查整改',
  '更新公开事项清单',
  '发布解读材料',
  '接受群众咨询',
  '修订内部制度',
  '完成栏目整合',
  '抽查答复文书',
  '编印工作手册',
];

/** Sections 一, 五 and 六 of one agency's year, in sentences of its own (numbers and choices drawn from the seed). */
export function reportText(agency: string, year: number, seed: number): { intro: string[]; closing: string[] } {
  const r = rng(seed * 7919 + year);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const n = () => 2 + Math.floor(r() * 97);
  const intro = Array.from(
    { length: 6 },
    (_, i) => `${year}年，${agency}${pick(DOING)}${pick(WHAT)}，${pick(HOW)}${n()}次，${pick(HOW)}${n()}项，第${i + 1}项工作按期完成。`,
  );
  const closing = [
    `${year}年存在的主要问题是${pick(WHAT)}仍不够及时，${agency}将于${year + 1}年${pick(DOING)}${pick(WHAT)}，${pick(HOW)}${n()}次。`,
    `${agency}${year}年未收取信息处理费。`,
  ];
  return { intro, closing };
}

/** The saved page's 发布日期, as a portal prints it under the title. */
function withDate(html: string, date: string, agency: string): string {
  return html
    .replace('</TITLE>', `</TITLE>\n<meta name="PubDate" content="${date}">`)
    .replace(/(<h1 class=title>[^<]*<\/h1>)/, `$1\n<div class="info">发布日期：${date}\u3000来源：${agency}</div>`);
}

export interface RegionShape {
  /** The agencies (default REGION_AGENCIES; the faults are planted in the first five). */
  agencies?: string[];
  /** The kinds of file, in turn (default all four). */
  kinds?: Kind[];
  /** Copy the real reports in (default true). */
  real?: boolean;
}

/** `n` agencies of a region's counties, for a region of any size (bench: the per-report cost). */
export function manyAgencies(n: number): string[] {
  const counties = ['东', '西', '南', '北', '中', '上', '下', '前', '后', '新'];
  const offices = ['财政局', '教育局', '卫生健康局', '自然资源局', '司法局', '民政局', '交通运输局', '水利局', '商务局', '审计局'];
  return Array.from(
    { length: n },
    (_, i) => `某某${counties[Math.floor(i / offices.length) % counties.length]}城县${offices[i % offices.length]}`,
  );
}

/** Writes the region into `dir` (made if missing). */
export function writeRegion(dir: string, faults: RegionFaults = {}, shape: RegionShape = {}): WrittenRegion {
  const agencies = shape.agencies ?? REGION_AGENCIES;
  const kinds = shape.kinds ?? KINDS;
  fs.mkdirSync(dir, { recursive: true });
  const out: WrittenRegion = { dir, files: [], reports: [], planted: {}, list: path.join(dir, '单位名单.txt') };
  const put = (name: string, data: Uint8Array | string) => {
    fs.writeFileSync(path.join(dir, name), data);
    out.files.push(name);
  };
  const texts = new Map<string, ReturnType<typeof reportText>>();
  agencies.forEach((agency, a) => {
    let prior: Record<string, Raw> | null = null;
    REGION_YEARS.forEach((year, y) => {
      const seed = a * 10 + y + 1;
      let values: Record<string, Raw> = year < 2021 ? balancedValues('2019', seed) : chainedValues(seed, prior);
      const is = (fault: keyof RegionFaults, ai: number, yr: number) => !!faults[fault] && a === ai && year === yr;
      let kind = kinds[(a + y) % kinds.length];
      // The late date is a saved page's; copied text needs a report with text (a workbook has none).
      if (is('late', 0, 2023) || (is('copiedText', 4, 2024) && kind === 'xlsx')) kind = 'html';
      const file = `${agency}-${year}.${kind}`;
      const at = { agency, year, file };
      let text = reportText(agency, year, seed);
      let date = `${year + 1}-01-${String(10 + a).padStart(2, '0')}`;
      if (is('chain', 1, 2023)) {
        // 上年结转 of 自然人 one more than 2022's 结转下年度; 本年新收 one less, so the year alone balances.
        out.planted.chain = at;
        values = { ...values };
        for (const [id, d] of [
          ['T3:R2:natural', 1],
          ['T3:R1:natural', -1],
          ['T3:R2:total', 1],
          ['T3:R1:total', -1],
        ] as const)
          values[id] = Number(values[id]) + d;
      }
      if (is('copiedYear', 2, 2024) && prior) {
        out.planted.copiedYear = at;
        values = { ...prior };
      }
      if (is('late', 0, 2023)) {
        out.planted.late = at;
        date = `${year + 1}-02-20`;
      }
      if (is('copiedText', 4, 2024)) {
        // 司法局 publishes 自然资源局's 2024 text as its own (the agency's name put in).
        out.planted.copiedText = at;
        const theirs = texts.get(`${agencies[3]}|${year}`)!;
        const own = (s: string) => s.split(agencies[3]).join(agency);
        text = { intro: theirs.intro.map(own), closing: theirs.closing.map(own) };
      }
      texts.set(`${agency}|${year}`, text);
      if (is('unpublished', 3, 2022)) {
        out.planted.unpublished = at;
        return; // no file: 未发布 (prior stays 2021's: the next year is not chained to a missing one)
      }
      const format = year < 2021 ? '2019' : '2021';
      const opts = { year, agency, intro: text.intro, closing: text.closing };
      if (kind === 'xlsx') put(at.file, bookBytes(reportSheets({ format, year, agency, values }).sheets));
      else if (kind === 'docx') put(at.file, reportDocx(format, values, opts));
      else if (kind === 'html') put(at.file, withDate(publishedHtml(format, values, opts), date, agency));
      else put(at.file, `${publishedText(format, values, 'tabs', opts).replace('\n', `\n发布日期：${date}\n`)}`);
      out.reports.push(at);
      // 2021 follows 2020 across the change of format: 表三's rows are the same in both (表二's are not, and start afresh).
      prior = values;
    });
  });
  put('报送说明.txt', '各单位：请于1月31日前报送年度报告。此文件是说明，不是报告。');
  // An attachment in a kind no reader takes (an old Word .doc saved by a portal): said, never passed over.
  put('某某县财政局-2024-附件.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  // A workbook cut short in transit: said unreadable, never dropped.
  const whole = bookBytes(reportSheets({ format: '2021', year: 2024, agency: '某某县残缺局', values: chainedValues(99, null) }).sheets);
  put('某某县残缺局-2024.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
  if (shape.real ?? true)
    for (const name of REAL_REPORTS) put(`真实-${name}`, fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'real', name)));
  put(path.basename(out.list), agencies.join('\n'));
  return out;
}
