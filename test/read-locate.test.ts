import { describe, expect, it } from 'vitest';
import { readFileSync } from 'fs';
import { readReports, locateReports } from '../core/read';
import { arrayGrid } from '../core/read/grid';
import { formCells, getForm, withVariants } from '../core/forms';
import type { ReportData } from '../core/model/report';
import { noteText } from '../core/read/notes';
import { defaultValues, layoutForm, reportSheets, writeReportWorkbook, writeSheets, type ReportLayoutOptions } from './helpers/workbooks';

function read(file: string): ReportData[] {
  return readReports(readFileSync(file), file);
}

/** Every value cell of the layout is found, at the address it was written to, with its value. */
function expectAllCells(report: ReportData, opts: ReportLayoutOptions) {
  const form = layoutForm(opts);
  const values = { ...defaultValues(form), ...(opts.values ?? {}) };
  const { where } = reportSheets(opts);
  const ids = [...formCells(form).keys()];
  const wrong: string[] = [];
  for (const id of ids) {
    const got = report.cells[id];
    const w = where.get(id)!;
    const ref = `${/^[^\s!'"[\]:*?/\\,;()]+$/.test(w.sheet) ? w.sheet : `'${w.sheet}'`}!${String.fromCharCode(65 + w.c)}${w.r + 1}`;
    const want = values[id] ?? null;
    if (!got || got.raw !== want || got.ref !== ref) wrong.push(`${id}: got ${JSON.stringify(got)} want ${ref}=${want}`);
  }
  expect(wrong).toEqual([]);
  expect(Object.keys(report.cells).sort()).toEqual([...ids].sort());
}

/** The report's notes in words, in one language. */
const said = (r: ReportData, lang: 'zh' | 'en' = 'zh') => r.notes.map((n) => noteText(lang, n));
/** Notes of labels read loosely ("表三 列「社会组织」按「社会公益组织」读取"). */
const loose = (r: ReportData) =>
  r.notes.filter((n) => n.key === 'locate.row_loose' || n.key === 'locate.column_loose').map((n) => noteText('zh', n));

describe('official layout', () => {
  for (const [format, year] of [
    ['2019', 2020],
    ['2021', 2024],
  ] as const) {
    it(`format ${format}: every cell, format, year, agency`, () => {
      const opts = { format, year, agency: '某某县财政局' };
      const [r, ...rest] = read(writeReportWorkbook(`official-${format}.xlsx`, opts));
      expect(rest).toHaveLength(0);
      expect(r.format).toBe(format);
      expect(r.variants ?? []).toEqual([]);
      expect(r.year).toBe(year);
      expect(r.agency).toBe('某某县财政局');
      expect(r.sheet).toBe(`${year}年报`);
      expect(r.tables).toEqual(['T2', 'T3', 'T4']);
      expect(loose(r)).toEqual([]);
      expectAllCells(r, opts);
    });
  }

  it('refs look like "2024年报!D8" and formulas come with their cached values', () => {
    const opts = {
      format: '2021',
      year: 2024,
      agency: '某某县财政局',
      values: { 'T3:R1:total': 28 },
      formulas: { 'T3:R1:total': 'SUM(D8:I8)' },
    };
    const [r] = read(writeReportWorkbook('formula.xlsx', opts));
    expect(r.cells['T3:R1:total']).toMatchObject({ raw: 28, formula: 'SUM(D8:I8)' });
    expect(r.cells['T3:R1:natural'].ref).toMatch(/^2024年报![A-Z]+\d+$/);
  });

  it('raw values are passed on uninterpreted: text, units, placeholders, blanks', () => {
    const values = {
      'T3:R1:natural': '12件',
      'T3:R1:commercial': '１２',
      'T3:R2:natural': '/',
      'T3:R2:commercial': null,
      'T2:fees:amount': '160.5964万元',
      'T4:R1:review.total': '—',
    };
    const opts = { format: '2021', year: 2023, values };
    const [r] = read(writeReportWorkbook('raw.xlsx', opts));
    for (const [id, v] of Object.entries(values)) expect(r.cells[id].raw).toBe(v);
  });
});

describe('where the tables sit', () => {
  it('offset position with title rows above', () => {
    const opts = { format: '2021', year: 2022, agency: '某某市生态环境局', origin: { r: 5, c: 3 }, gap: 2 };
    const [r] = read(writeReportWorkbook('offset.xlsx', opts));
    expect(r.year).toBe(2022);
    expect(r.agency).toBe('某某市生态环境局');
    expectAllCells(r, opts);
  });

  it('without merges', () => {
    const opts = { format: '2019', year: 2019, merges: false };
    const [r] = read(writeReportWorkbook('nomerge.xlsx', opts));
    expect(r.format).toBe('2019');
    expectAllCells(r, opts);
  });

  it('tables on separate sheets make one report', () => {
    const opts = { format: '2021', year: 2024, agency: '某某区教育局', split: true };
    const reports = read(writeReportWorkbook('split.xlsx', opts));
    expect(reports).toHaveLength(1);
    expect(reports[0].tables).toEqual(['T2', 'T3', 'T4']);
    expect(reports[0].agency).toBe('某某区教育局');
    expectAllCells(reports[0], opts);
  });

  it('two reports in one workbook, one per sheet', () => {
    const a = { format: '2021', year: 2024, agency: '甲局', sheetName: '甲局' };
    const b = { format: '2021', year: 2024, agency: '乙局', sheetName: '乙局', values: { 'T3:R1:natural': 999 } };
    const reports = read(writeReportWorkbook('two.xlsx', [a, b]));
    expect(reports.map((r) => [r.sheet, r.agency])).toEqual([
      ['甲局', '甲局'],
      ['乙局', '乙局'],
    ]);
    expectAllCells(reports[0], a);
    expectAllCells(reports[1], b);
  });

  it('a missing table is noted and the others are read', () => {
    const opts = { format: '2021', year: 2024, tables: ['T3', 'T4'] };
    const [r] = read(writeReportWorkbook('no-t2.xlsx', opts));
    expect(r.tables).toEqual(['T3', 'T4']);
    expect(said(r).join('\n')).toMatch(/未找到表二/);
    expect(said(r, 'en').join('\n')).toMatch(/Table 2 not found/);
    expect(r.cells['T3:R4:total'].raw).toBe(defaultValues(getForm('2021'))['T3:R4:total']);
  });

  it('year from the sheet name, agency unknown', () => {
    const opts = { format: '2021', year: null, title: null, sheetName: '2023年度' };
    const [r] = read(writeReportWorkbook('noyear.xlsx', opts));
    expect(r.year).toBe(2023);
    expect(r.agency).toBeNull();
  });

  it('"2024年度某某局政府信息公开工作年度报告" titles', () => {
    const opts = { format: '2021', year: 2024, title: '2024年度某某县审计局政府信息公开工作年度报告' };
    const [r] = read(writeReportWorkbook('title2.xlsx', opts));
    expect(r.year).toBe(2024);
    expect(r.agency).toBe('某某县审计局');
  });
});

describe('formats and old rows', () => {
  it('a 2021 表二 with the single （六） row in 表三 → 2021 with old_rows', () => {
    const opts = { format: '2021', variants: ['old_rows'], year: 2023 };
    const [r] = read(writeReportWorkbook('old-rows.xlsx', opts));
    expect(r.format).toBe('2021');
    expect(r.variants).toEqual(['old_rows']);
    expect(r.cells['T3:R3.6:natural']).toBeDefined();
    expect(r.cells['T3:R3.6.1:natural']).toBeUndefined();
    expect(said(r).join('\n')).toMatch(/使用了旧版行「（六）/);
    expectAllCells(r, opts);
  });

  it('format follows the headers, not the year (a 2019 layout in 2023 is noted)', () => {
    const opts = { format: '2019', year: 2023 };
    const [r] = read(writeReportWorkbook('mismatch.xlsx', opts));
    expect(r.format).toBe('2019');
    expect(said(r)).toContain('2023 年应使用 2021 格式，表格为 2019 格式');
    expect(said(r, 'en')).toContain('the 2023 report uses format 2019, not 2021');
    expectAllCells(r, opts);
  });
});

describe('label variants (docs/formats.md)', () => {
  const F = '2021';
  const cases: { name: string; opts: Partial<ReportLayoutOptions>; loose: RegExp[]; format?: string }[] = [
    {
      name: 'whitespace and line breaks inside labels',
      opts: {
        rowLabel: (t) => (t.length > 4 ? `${t.slice(0, 2)} ${t.slice(2, 4)}\n${t.slice(4)}` : t),
        colLabel: (t) => (t.length >= 4 ? `${t.slice(0, 2)} ${t.slice(2)}` : t),
      },
      loose: [],
    },
    {
      name: 'half-width punctuation and other numbering styles',
      opts: {
        rowLabel: (t) =>
          t
            .replace(/（/g, '(')
            .replace(/）/g, ')')
            .replace(/^(\d)\./, (_m, d) => (Number(d) % 2 ? `${d}、` : `${d}．`)),
      },
      loose: [],
    },
    {
      name: 'abbreviated labels',
      opts: {
        rowLabel: (t) =>
          t
            .replace(/（区分处理的，只计这一情形，不计其他情形）/, '')
            .replace(/^1\.申请人无正当理由逾期不补正.*/, '1.逾期不补正')
            .replace(/^2\.申请人逾期未按收费通知.*/, '2.逾期未按收费通知缴费'),
      },
      loose: [/行「[^」]*部分公开」按「/, /逾期不补正」按「/],
    },
    {
      name: 'one wrong or missing character',
      opts: {
        rowLabel: (t) =>
          t
            .replace('保护第三方合法权益', '保护第三方合法权利')
            .replace('属于三类内部事务信息', '属于三类内部事物信息')
            .replace('本机关不掌握相关政府信息', '本机关不掌握相关信息'),
      },
      loose: [/合法权利」按「/, /内部事物信息」按「/],
    },
    {
      name: '社会组织, 合计',
      opts: { colLabel: (t) => (t === '社会公益组织' ? '社会组织' : t === '总计' ? '合计' : t) },
      loose: [/^表三 列「社会组织」按「社会公益组织」读取$/, /列「合计」按「总计」读取/],
    },
    {
      name: '公益组织',
      opts: { colLabel: (t) => (t === '社会公益组织' ? '公益组织' : t) },
      loose: [/列「公益组织」按「社会公益组织」读取/],
    },
    {
      name: 'CJK radical code points from PDF text',
      opts: {
        rowLabel: (t) => t.replace(/一/g, '⼀').replace(/人/g, '⼈').replace(/行/g, '⾏'),
        colLabel: (t) => t.replace(/人/g, '⼈').replace(/行/g, '⾏'),
      },
      loose: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const opts: ReportLayoutOptions = { format: F, year: 2024, agency: '某某县财政局', ...c.opts };
      const [r] = read(writeReportWorkbook(`variant-${c.name.replace(/\W+/g, '_')}.xlsx`, opts));
      expect(r.format).toBe(c.format ?? F);
      expectAllCells(r, opts);
      const notes = loose(r);
      for (const re of c.loose)
        expect(
          notes.some((n) => re.test(n)),
          `${re} in ${JSON.stringify(notes)}`,
        ).toBe(true);
      if (!c.loose.length) expect(notes).toEqual([]);
    });
  }

  it('2019 labels too: (三) half-width, 1、 numbering, 其他法律法规禁止公开', () => {
    const opts: ReportLayoutOptions = {
      format: '2019',
      year: 2020,
      rowLabel: (t) =>
        t
          .replace(/（/g, '(')
          .replace(/）/g, ')')
          .replace(/^(\d)\./, '$1、')
          .replace('其他法律行政法规禁止公开', '其他法律法规禁止公开'),
    };
    const [r] = read(writeReportWorkbook('variant-2019.xlsx', opts));
    expect(r.format).toBe('2019');
    expectAllCells(r, opts);
  });
});

describe('rows and columns found by context', () => {
  it('a label that matches nothing is found by its position between matched neighbours', () => {
    const opts: ReportLayoutOptions = {
      format: '2021',
      year: 2024,
      rowLabel: (t) => t.replace(/^3\.其他$/, '3.其它').replace(/^2\.没有现成信息需要另行制作$/, '（此行标签缺失）'),
    };
    const [r] = read(writeReportWorkbook('by-position.xlsx', opts));
    expectAllCells(r, opts);
    expect(said(r).join('\n')).toMatch(/行「[^」]+」按位置确定/);
  });

  it('a header cell that matches nothing: its column is found by position', () => {
    const opts: ReportLayoutOptions = {
      format: '2021',
      year: 2024,
      colLabel: (t, table) => (table.key === 'T3' && t === '科研机构' ? '（空）' : t),
    };
    const [r] = read(writeReportWorkbook('col-position.xlsx', opts));
    expectAllCells(r, opts);
    expect(said(r)).toContain('表三 列「科研机构」按位置确定');
    expect(said(r, 'en')).toContain('Table 3: columns found by their position: “科研机构”');
  });
});

describe('the template tag', () => {
  it('reads exactly by the tag (no loose matching)', () => {
    // A sheet whose labels are garbage, with a tag saying where the cells are.
    const form = withVariants(getForm('2021'), []);
    const ids = [...formCells(form).keys()];
    const aoa: (string | number | null)[][] = [['乱写的标题']];
    const tag: (string | number)[][] = [
      ['xxgk-template', 1],
      ['format', '2021'],
      ['year', 2025],
      ['agency', '某某县财政局'],
      ['sheet', '2025年报'],
      ['variants', ''],
    ];
    ids.forEach((id, k) => {
      const r = 2 + Math.floor(k / 10);
      const c = 1 + (k % 10);
      (aoa[r] ??= [])[c] = k + 1;
      tag.push(['cell', id, `${String.fromCharCode(65 + c)}${r + 1}`]);
    });
    const p = writeSheets('tagged.xlsx', [
      { name: '2025年报', aoa, merges: [] },
      { name: 'xxgk_tag', aoa: tag, merges: [], hidden: true },
    ]);
    const [r, ...rest] = read(p);
    expect(rest).toHaveLength(0);
    expect(r).toMatchObject({
      format: '2021',
      year: 2025,
      agency: '某某县财政局',
      sheet: '2025年报',
      tables: ['T2', 'T3', 'T4'],
      notes: [],
    });
    ids.forEach((id, k) => expect(r.cells[id].raw).toBe(k + 1));
    expect(r.cells[ids[0]].ref).toBe('2025年报!B3');
  });
});

describe('the template tag, packed', () => {
  it('reads each "id=A1" item as split(";") cuts them: odd items skipped, odd addresses as parseA1 reads them', () => {
    const ids = [...formCells(withVariants(getForm('2021'), [])).keys()];
    const sheet = arrayGrid('2025年报', [[], [], [null, 1, 2, 3, 4, 5, 6]]);
    const packed = `${ids[0]}=B3;;=C3;${ids[1]}=$C$3;${ids[2]}= d3 ;junk;${ids[3]}=;${ids[4]}=ZZZZ3;${ids[5]}=E3x;${ids[6]}=G3;`;
    const tag = arrayGrid('xxgk_tag', [
      ['xxgk-template', 1],
      ['format', '2021'],
      ['year', 2025],
      ['agency', null],
      ['sheet', '2025年报'],
      ['cells', packed],
      ['cell', ids[7], 'F3'],
    ]);
    const [r] = locateReports({ name: 'tagged', grids: [sheet, tag] });
    expect(Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, [c.ref, c.raw]]))).toEqual({
      [ids[0]]: ['2025年报!B3', 1],
      [ids[1]]: ['2025年报!C3', 2],
      [ids[2]]: ['2025年报!D3', 3],
      [ids[6]]: ['2025年报!G3', 6],
      [ids[7]]: ['2025年报!F3', 5],
    });
  });
});

describe('published text grids', () => {
  it('the shunhe 2020 report as a text grid: cells in order, not under their headers', () => {
    const text = readFileSync(`${__dirname}/../examples/shunhe-2020-report.txt`, 'utf8');
    const lines = text.split('\n');
    const rows = lines.map((l) => l.split('\t').map((c) => (c.trim() === '' ? null : c.trim())));
    const grid = arrayGrid('shunhe-2020-report.txt', rows, { kind: 'text', ref: (r) => `line ${r + 1}` });
    const [r] = locateReports({ name: 'shunhe-2020-report.txt', grids: [grid] });
    expect(r.format).toBe('2019');
    expect(r.year).toBe(2020);
    expect(r.agency).toBe('政务服务和大数据管理局');
    const ids = [...formCells(getForm('2019')).keys()];
    const missing = ids.filter((id) => !r.cells[id] || r.cells[id].raw === null);
    expect(missing).toEqual([]);
    expect(r.cells['T2:normative:made'].raw).toBe('1');
    expect(r.cells['T3:R3.5.5:natural']).toMatchObject({ raw: '0', ref: expect.stringMatching(/^line \d+$/) });
    expect(said(r)).toContain('表三 列「社会组织」按「社会公益组织」读取');
  });
});

describe('notes in the reader’s language', () => {
  it('Chinese notes hold no English, English notes no Chinese outside quoted labels', () => {
    const books: [string, ReportLayoutOptions][] = [
      ['notes-a.xlsx', { format: '2019', year: 2023, tables: ['T3', 'T4'], colLabel: (t) => (t === '社会公益组织' ? '社会组织' : t) }],
      [
        'notes-b.xlsx',
        {
          format: '2021',
          variants: ['old_rows'],
          year: 2024,
          rowLabel: (t) => t.replace(/^2\.没有现成信息需要另行制作$/, '（此行标签缺失）'),
          colLabel: (t, table) => (table.key === 'T3' && t === '科研机构' ? '（空）' : t),
        },
      ],
      ['notes-c.xlsx', { format: '2019', year: 2023 }],
    ];
    const kinds = new Set<string>();
    for (const [name, opts] of books) {
      const [r] = read(writeReportWorkbook(name, opts));
      for (const n of r.notes) kinds.add(n.key);
      for (const zh of said(r, 'zh')) expect(zh, zh).not.toMatch(/[A-Za-z]/);
      for (const en of said(r, 'en')) expect(en.replace(/“[^”]*”/g, ''), en).not.toMatch(/[\u3400-\u9fff]/);
    }
    expect([...kinds].sort()).toEqual([
      'locate.column_loose',
      'locate.columns_by_position',
      'locate.format_by_headers',
      'locate.format_by_year',
      'locate.format_not_of_year',
      'locate.old_rows',
      'locate.row_by_position',
      'locate.table_missing',
    ]);
  });
});
