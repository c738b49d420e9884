/**
 * Real published reports (issue 18's closing note, issue 23's region): each file with what its own
 * numbers justify. Figures, findings and verdicts were checked by reading each report (sources in
 * test/fixtures/real/README.md); the published figures are in test/fixtures/real/figures.json.
 * test/real-reports.test.ts holds the readers to them and scripts/real-tally.ts counts them by kind.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Severity } from '../../core/model/findings';
import type { ReportData } from '../../core/model/report';

export type Kind = 'xlsx/xls/et' | 'docx' | 'pdf' | 'html' | 'text';
export const KINDS: Kind[] = ['xlsx/xls/et', 'docx', 'pdf', 'html', 'text'];

export interface Expected {
  rule: string;
  severity: Severity;
  count: number;
  /** Why, from the report's own numbers (a true finding), or the diagnosis (a false one). */
  why: string;
}

export interface RealReport {
  file: string;
  kind: Kind;
  /**
   * Data taken out of a public repository's snapshot stays out of this repository's commits: such
   * a file is read from $XXGK_REAL_DIR when it is there (its source to fetch it from), else its
   * tests say they were not run.
   */
  local?: { repo: string; path: string; commit: string; blob: string; sha256: string };
  format: string;
  year: number;
  agency: string;
  /** Findings the report's own numbers justify, every one expected. */
  true: Expected[];
  /** Findings that are wrong, while they last (none may appear beyond these). */
  false?: Expected[];
  /** Rows of figures.json read otherwise than published, while they are. */
  misread?: string[];
}

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'real');

const decimals = (v: string): Expected => ({
  rule: 'cell.decimals',
  severity: 'warning',
  count: 1,
  why: `本年收费金额 ${v} 万元 has 6 decimals, exact to the fen: the 2021 national format sets no places, so a warning, never an error`,
});

export const REAL: RealReport[] = [
  {
    file: 'pingtan-2019.html',
    kind: 'html',
    format: '2019',
    year: 2019,
    agency: '平潭综合实验区',
    true: [{ rule: 'cell.text_number', severity: 'notice', count: 1, why: '采购总金额 written 75394432.52元' }],
  },
  {
    file: 'pingtan-2020.html',
    kind: 'html',
    format: '2019',
    year: 2020,
    agency: '平潭综合实验区',
    true: [
      {
        rule: 'T3.results_total',
        severity: 'error',
        count: 2,
        why: '办理结果 items 6+6+4+3+3+4 = 26 (自然人) and 27 (总计) against totals 20 and 21',
      },
      {
        rule: 'cell.text_number',
        severity: 'notice',
        count: 1,
        why: '采购总金额 written 73802895.90元, read as 万元 with no decimals finding',
      },
    ],
  },
  { file: 'pingtan-2021.html', kind: 'html', format: '2021', year: 2021, agency: '平潭综合实验区', true: [decimals('24252.311082')] },
  {
    file: 'pingtan-2022.html',
    kind: 'html',
    format: '2021',
    year: 2022,
    agency: '平潭综合实验区',
    true: [{ rule: 'text.received', severity: 'warning', count: 1, why: 'the text says 收到 75 (新收 74 + 上年结转 1), 表三 新收 74' }],
  },
  { file: 'pingtan-2023.html', kind: 'html', format: '2021', year: 2023, agency: '平潭综合实验区', true: [decimals('5949.088667')] },
  { file: 'pingtan-2024.html', kind: 'html', format: '2021', year: 2024, agency: '平潭综合实验区', true: [] },
  { file: 'pingtan-2025.html', kind: 'html', format: '2021', year: 2025, agency: '平潭综合实验区', true: [decimals('4166.241619')] },
  {
    file: 'shuyang-fgj-2023.html',
    kind: 'html',
    format: '2021',
    year: 2023,
    agency: '沭阳县发展和改革局',
    true: [{ rule: 'cell.blank', severity: 'warning', count: 125, why: 'the page leaves the five 法人或其他组织 columns of 表三 blank' }],
  },
  {
    file: 'shanghai-bgt-2019.html',
    kind: 'html',
    format: '2019',
    year: 2019,
    agency: '上海市人民政府办公厅',
    true: [
      {
        rule: 'cell.blank',
        severity: 'warning',
        count: 124,
        why: 'cells the page leaves blank (&nbsp;) in 表三 and 表四 (its 11 blank 总计 with parts printed are cell.total_blank)',
      },
      {
        rule: 'cell.total_blank',
        severity: 'warning',
        count: 1,
        why: '表三 总计 column left blank on 11 item rows whose parts are printed: omitted totals, each taken as the sum of its parts',
      },
      { rule: 'cell.text_number', severity: 'notice', count: 1, why: '采购总金额 written 251000元' },
      { rule: 'text.disclosed_partial', severity: 'warning', count: 1, why: 'text 258; 表三 予以公开 272 + 部分公开 3' },
      { rule: 'text.unavailable', severity: 'warning', count: 1, why: 'text 265; 表三 无法提供 252+12+1 + 47 + 25 = 337' },
    ],
  },
  { file: 'shunhe-2020-report.txt', kind: 'text', format: '2019', year: 2020, agency: '政务服务和大数据管理局', true: [] },
  {
    file: 'hzq2023.pdf',
    kind: 'pdf',
    local: {
      repo: 'zxj6827111-blip/KIROGOVCOMPARE',
      path: 'sample_pdfs_v1/hzq2023_working.pdf',
      commit: 'ed9cb5d7de4e4dcd72191c8e12e7ec3e2b4749a6',
      blob: 'bdf072277112025ddaad6098840bff3698c4c3ab',
      sha256: '94a211353fb046b7c869cbb236078deb4d1f7085bd0c2b0dbf85051ec831698c',
    },
    format: '2021',
    year: 2023,
    agency: '洪泽区人民政府',
    true: [
      { rule: 'format.old_rows', severity: 'warning', count: 1, why: '表三 prints （六）其他处理 as one row, the 2019 layout' },
      {
        rule: 'T4.total',
        severity: 'error',
        count: 2,
        why: '表四 prints 总计 0 beside 行政复议 维持 10 + 纠正 1, and beside 复议后起诉 维持 5',
      },
    ],
  },
  {
    file: 'hzq2024.pdf',
    kind: 'pdf',
    local: {
      repo: 'zxj6827111-blip/KIROGOVCOMPARE',
      path: 'sample_pdfs_v1/hzq2024_working.pdf',
      commit: 'ed9cb5d7de4e4dcd72191c8e12e7ec3e2b4749a6',
      blob: '9efdd2dd586d0e647467a5c2e1657d509c6205eb',
      sha256: '82ba40ade55a93100236c9d5c9d89416a5a4d3fd3affc4c5d80994917179b83a',
    },
    format: '2021',
    year: 2024,
    agency: '淮安市洪泽区人民政府',
    true: [
      { rule: 'format.old_rows', severity: 'warning', count: 1, why: '表三 prints （六）其他处理 as one row, the 2019 layout' },
      { rule: 'text.received', severity: 'warning', count: 1, why: 'the text says 区政府办 受理 17; 表三 新收 95' },
    ],
  },
  {
    file: 'huaian-2024.pdf',
    kind: 'pdf',
    local: {
      repo: 'zxj6827111-blip/govnianbao',
      path: 'szfgs2024.pdf',
      commit: 'b2fbe3f5b912be2379852eac907e85657da8f238',
      blob: '00d98a7e49cf452086238d4d3cc9d8356fdf94d6',
      sha256: 'fed22baafaab82a239ca15020fc37f819e7cb62bc96659bf8f3f81c6421e0a92',
    },
    format: '2021',
    year: 2024,
    agency: '淮安市人民政府',
    true: [],
  },
];

/** Where a report's file is, or null when it is kept out of the repository and $XXGK_REAL_DIR lacks it. */
export function realFile(r: RealReport): string | null {
  if (r.local) {
    const dir = process.env.XXGK_REAL_DIR;
    const p = dir ? path.join(dir, r.file) : '';
    return p && existsSync(p) ? p : null;
  }
  const p = path.join(r.file.startsWith('shunhe') ? path.join(ROOT, 'examples') : FIXTURES, r.file);
  return existsSync(p) ? p : null;
}

/** The published figures: "T3:R1" → "217 1 0 0 0 0 218" (blank "_"), in the form's column order. */
export const FIGURES: Record<string, Record<string, string>> = JSON.parse(readFileSync(path.join(FIXTURES, 'figures.json'), 'utf8'));

/** The rows of a report read otherwise than published, each with both (blank cells as "_"). */
export function misreadRows(file: string, r: ReportData): { row: string; read: string; published: string }[] {
  const out: { row: string; read: string; published: string }[] = [];
  for (const [row, published] of Object.entries(FIGURES[file] ?? {})) {
    const read = Object.entries(r.cells)
      .filter(([id]) => id.startsWith(`${row}:`))
      // A cell holding only spaces (a page's &nbsp; pasted into a workbook) is blank, as the checker reads it.
      .map(([, c]) => (c.raw === null || (typeof c.raw === 'string' && !c.raw.trim()) ? '_' : String(c.raw)))
      .join(' ');
    if (read !== published) out.push({ row, read, published });
  }
  return out;
}

/** Findings by "rule severity", counted. */
export function tally(found: { rule: string; severity: Severity }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of found) m.set(`${f.rule} ${f.severity}`, (m.get(`${f.rule} ${f.severity}`) ?? 0) + 1);
  return m;
}

/** How many findings are beyond the true ones (the false findings), and how many true ones are missing. */
export function judge(r: RealReport, found: Map<string, number>): { falseCount: number; missing: number } {
  const want = tally(r.true.flatMap((e) => Array<{ rule: string; severity: Severity }>(e.count).fill(e)));
  let falseCount = 0;
  let missing = 0;
  for (const [k, n] of found) falseCount += Math.max(0, n - (want.get(k) ?? 0));
  for (const [k, n] of want) missing += Math.max(0, n - (found.get(k) ?? 0));
  return { falseCount, missing };
}
