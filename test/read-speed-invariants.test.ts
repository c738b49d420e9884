/**
 * The locator caches work by label text (the same template is filled by many departments). These
 * tests hold it to giving exactly what a fresh process gives: each book is located by its own
 * fresh copy of the modules (no cache), then all books by one copy in several orders, twice, so
 * that every book is located with caches filled by near-identical books (the same texts moved,
 * one label or merge changed, a label turned into a value, sheets split, text grids).
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { arrayGrid, type Book, type Merge } from '../core/read/grid';
import { bookBytes, reportSheets, type ReportLayoutOptions, type SheetSpec } from './helpers/workbooks';
import { publishedText, fullValues } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

type Source = { name: string; bytes?: Uint8Array; text?: string; book?: Book };

/**
 * 表四's header with five leaves that only their parent tells apart (结果维持 … 总计 are under
 * each of the three groups): under 行政复议's merge (X), with 行政复议 not merged over them (Y), or
 * in 行政复议's row (Z: the same texts in the same order with the same spans, other rows).
 */
function t4Header(variant: 'X' | 'Y' | 'Z'): Book {
  const rows: (string | number | null)[][] = Array.from({ length: 3 }, () => Array(8).fill(null));
  const merges: Merge[] = variant === 'Y' ? [] : [{ r0: 0, c0: 1, r1: 0, c1: 6 }];
  rows[0][1] = '行政复议';
  const leaves = variant === 'Z' ? 0 : 1;
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].forEach((t, k) => {
    rows[leaves][2 + k] = t;
    rows[2][2 + k] = k + 1;
  });
  return { name: `t4-${variant}.xlsx`, grids: [arrayGrid('Sheet1', rows, { merges })] };
}

const sheetsOf = (opts: ReportLayoutOptions | ReportLayoutOptions[]): SheetSpec[] =>
  (Array.isArray(opts) ? opts : [opts]).flatMap((o) => reportSheets(o).sheets);
const xlsx = (name: string, sheets: SheetSpec[]): Source => ({ name, bytes: new Uint8Array(bookBytes(sheets)) });

function sources(): Source[] {
  const out: Source[] = [];
  const ex = path.resolve(__dirname, '../examples');
  for (const n of readdirSync(ex).sort()) {
    if (/\.xlsx?$/.test(n)) out.push({ name: n, bytes: new Uint8Array(readFileSync(path.join(ex, n))) });
    if (/\.txt$/.test(n)) out.push({ name: n, text: readFileSync(path.join(ex, n), 'utf8') });
  }
  const base: ReportLayoutOptions = { format: '2021', year: 2024, agency: '某某县财政局' };
  out.push(xlsx('base.xlsx', sheetsOf(base)));
  // The same texts elsewhere in the sheet, and with other gaps.
  out.push(xlsx('moved.xlsx', sheetsOf({ ...base, origin: { r: 4, c: 2 } })));
  out.push(xlsx('gaps.xlsx', sheetsOf({ ...base, origin: { r: 1, c: 1 }, gap: 3 })));
  // One row label changed (loose match, and one found by position).
  out.push(xlsx('typo.xlsx', sheetsOf({ ...base, rowLabel: (t) => t.replace('保护第三方合法权益', '保护第三方合法权利') })));
  // A label after the first in a row changed (the first label of a group's first row is the same).
  out.push(
    xlsx('second-label.xlsx', sheetsOf({ ...base, rowLabel: (t) => (t === '1.本机关不掌握相关政府信息' ? '（此行标签缺失）' : t) })),
  );
  for (const v of ['X', 'Y', 'Z'] as const) out.push({ name: `t4-${v}`, book: t4Header(v) });
  out.push(xlsx('missing.xlsx', sheetsOf({ ...base, rowLabel: (t) => t.replace(/^2\.没有现成信息需要另行制作$/, '（此行标签缺失）') })));
  // One header changed.
  out.push(xlsx('header.xlsx', sheetsOf({ ...base, colLabel: (t) => (t === '社会公益组织' ? '社会组织' : t) })));
  // No merges (表四's groups told apart by merges).
  out.push(xlsx('no-merges.xlsx', sheetsOf({ ...base, merges: false })));
  // A label cell holding a value-like text instead: the row's labels end earlier.
  const { sheets } = reportSheets(base);
  const valued = sheets.map((s) => ({ ...s, aoa: s.aoa.map((row) => row.map((v) => (v === '3.其他' ? '3' : v))) }));
  out.push(xlsx('value-label.xlsx', valued));
  // One merge more: a header spanning two columns.
  const merged = sheets.map((s) => {
    const at = s.aoa.findIndex((row) => row.includes('科研机构'));
    if (at < 0) return s;
    const c = s.aoa[at].indexOf('科研机构');
    return { ...s, merges: [...s.merges, { r0: at, c0: c, r1: at, c1: c + 1 }] };
  });
  out.push(xlsx('merged.xlsx', merged));
  // Split sheets, old rows, 2019, two reports in one book, other sheet names.
  out.push(xlsx('split.xlsx', sheetsOf({ ...base, split: true })));
  out.push(xlsx('old-rows.xlsx', sheetsOf({ ...base, variants: ['old_rows'] })));
  out.push(xlsx('2019.xlsx', sheetsOf({ format: '2019', year: 2020, agency: '某某县民政局' })));
  out.push(xlsx('2019-no-year.xlsx', sheetsOf({ format: '2019', year: null, agency: null, title: null })));
  out.push(
    xlsx(
      'two.xlsx',
      sheetsOf([
        { ...base, sheetName: 'A' },
        { ...base, year: 2023, sheetName: 'B' },
      ]),
    ),
  );
  out.push(xlsx('renamed.xlsx', sheetsOf({ ...base, year: null, title: null, sheetName: '2022年报' })));
  // Two departments on one sheet: side by side, and one under another.
  const overlay = (list: ReportLayoutOptions[]): SheetSpec[] => {
    const one: SheetSpec = { name: '2024年报', aoa: [], merges: [] };
    for (const s of sheetsOf(list.map((o) => ({ ...o, sheetName: '2024年报' })))) {
      s.aoa.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && ((one.aoa[r] ??= [])[c] = v)));
      one.merges.push(...s.merges);
    }
    return [one];
  };
  out.push(xlsx('side.xlsx', overlay([base, { ...base, agency: '某某县民政局', origin: { r: 0, c: 17 } }])));
  out.push(xlsx('stacked.xlsx', overlay([base, { ...base, agency: '某某县民政局', origin: { r: 80, c: 0 } }])));
  // Published text: the same words in a text grid.
  const values = fullValues('2021', balancedValues('2021'));
  for (const layout of ['tabs', 'spaces', 'one-per-line'] as const)
    out.push({ name: `published-${layout}.txt`, text: publishedText('2021', values, layout, { year: 2023 }) });
  return out;
}

interface Modules {
  locateReports: (b: Book) => unknown[];
  readWorkbook: (d: Uint8Array, name: string) => Book;
  textToBook: (t: string, name: string) => Book;
}

async function freshModules(): Promise<Modules> {
  vi.resetModules();
  const locate = await import('../core/read/locate');
  const xlsxMod = await import('../core/read/xlsx');
  const text = await import('../core/import/text');
  return { locateReports: locate.locateReports, readWorkbook: xlsxMod.readWorkbook, textToBook: text.textToBook };
}

function located(m: Modules, s: Source): string {
  const book = s.book ?? (s.bytes ? m.readWorkbook(s.bytes, s.name) : m.textToBook(s.text!, s.name));
  try {
    return JSON.stringify(m.locateReports(book));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('cached locating gives what a fresh process gives', () => {
  it('every book, in every order, twice', async () => {
    const list = sources();
    expect(list.length).toBeGreaterThan(20);
    const fresh: string[] = [];
    for (const s of list) fresh.push(located(await freshModules(), s));
    // Sanity: the fixtures are read (a report each, or more), not all errors.
    expect(fresh.filter((r) => r.startsWith('[{')).length).toBeGreaterThan(20);
    // Books that differ only in what a careless cache key would leave out are read differently.
    const at = (n: string) => fresh[list.findIndex((x) => x.name === n)];
    expect(at('second-label.xlsx')).not.toBe(at('base.xlsx'));
    expect(at('t4-X')).not.toBe(at('t4-Y'));
    expect(at('t4-X')).not.toBe(at('t4-Z'));
    expect(JSON.parse(at('side.xlsx'))).toHaveLength(2);
    expect(JSON.parse(at('stacked.xlsx'))).toHaveLength(2);

    const warm = await freshModules();
    const idx = list.map((_, i) => i);
    const orders = [idx, [...idx].reverse(), idx.map((_, k) => (k * 7) % idx.length), idx];
    const wrong: string[] = [];
    for (const order of orders)
      for (const i of order) {
        const got = located(warm, list[i]);
        if (got !== fresh[i]) wrong.push(list[i].name);
      }
    expect(wrong).toEqual([]);
  });

  it('a book located twice gives equal, unshared results (callers may change them)', async () => {
    const m = await freshModules();
    const s = sources().find((x) => x.name === 'typo.xlsx')!;
    const book = m.readWorkbook(s.bytes!, s.name);
    const a = m.locateReports(book) as { notes: string[]; variants?: string[]; cells: Record<string, unknown> }[];
    const before = JSON.stringify(a);
    a[0].notes.push('changed by the caller');
    for (const k of Object.keys(a[0].cells)) delete a[0].cells[k];
    const b = m.locateReports(m.readWorkbook(s.bytes!, s.name));
    expect(JSON.stringify(b)).toBe(before);
  });
});
