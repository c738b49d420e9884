/**
 * Several reports on one sheet (issue 10, item 1): departments side by side (one from column A,
 * another from column R) or one under another, written to real .xlsx files and read back. Every
 * report is found, every value lands in its own report, and a sum counts each once.
 */
import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { main } from '../cli/main';
import { formCells } from '../core/forms';
import { readReports } from '../core/read';
import { a1 } from '../core/read/grid';
import { isReadError } from '../core/read/errors';
import type { ReportData } from '../core/model/report';
import { noteText } from '../core/read/notes';
import { sumReports } from '../core/template/sum';
import { defaultValues, layoutForm, reportSheets, writeSheets, type ReportLayoutOptions, type SheetSpec } from './helpers/workbooks';

type Placed = { opts: ReportLayoutOptions; where: Map<string, { sheet: string; r: number; c: number }> };

/** The reports' sheets laid over one another into one sheet (each at its own origin). */
function oneSheet(name: string, list: ReportLayoutOptions[]): { sheet: SheetSpec; placed: Placed[] } {
  const sheet: SheetSpec = { name, aoa: [], merges: [] };
  const placed: Placed[] = [];
  for (const opts of list) {
    const { sheets, where } = reportSheets({ ...opts, sheetName: name });
    for (const s of sheets) {
      s.aoa.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          while (sheet.aoa.length <= r) sheet.aoa.push([]);
          expect(sheet.aoa[r][c] ?? null, `${name} ${r},${c} written twice`).toBeNull();
          sheet.aoa[r][c] = v;
        }),
      );
      sheet.merges.push(...s.merges);
    }
    placed.push({ opts, where });
  }
  return { sheet, placed };
}

/** Distinct values per department, so a value read into the wrong report shows. */
const valuesFor = (opts: ReportLayoutOptions, offset: number) =>
  Object.fromEntries(Object.entries(defaultValues(layoutForm(opts))).map(([id, v]) => [id, v + offset]));

const rowsOf = (opts: ReportLayoutOptions) => reportSheets(opts).sheets[0].aoa.length;

/** Every value cell of the report at its own address with its own value, and nothing else. */
function expectReport(got: ReportData, { opts, where }: Placed) {
  const form = layoutForm(opts);
  const values = { ...defaultValues(form), ...(opts.values ?? {}) };
  const wrong: string[] = [];
  for (const id of formCells(form).keys()) {
    const w = where.get(id)!;
    const ref = `${w.sheet}!${a1(w.r, w.c)}`;
    const cell = got.cells[id];
    if (!cell || cell.ref !== ref || cell.raw !== values[id]) wrong.push(`${id}: ${JSON.stringify(cell)} want ${ref}=${values[id]}`);
  }
  expect(wrong).toEqual([]);
  expect(got.agency).toBe(opts.agency);
  expect(got.year).toBe(opts.year);
  expect(got.format).toBe(opts.format);
}

const read = (file: string) => readReports(readFileSync(file), file);

describe('several reports on one sheet', () => {
  for (const [format, year] of [
    ['2019', 2020],
    ['2021', 2024],
  ] as const) {
    const a: ReportLayoutOptions = { format, year, agency: '某某县甲局' };
    const b: ReportLayoutOptions = { format, year, agency: '某某县乙局' };

    it(`format ${format}: side by side (column A and column R), each read whole and apart`, () => {
      const list = [
        { ...a, values: valuesFor(a, 0) },
        { ...b, origin: { r: 0, c: 17 }, values: valuesFor(b, 1000) },
      ];
      const { sheet, placed } = oneSheet(`${year}年报`, list);
      const reports = read(writeSheets(`side-${format}.xlsx`, [sheet]));
      expect(reports.map((r) => r.agency)).toEqual(['某某县甲局', '某某县乙局']);
      reports.forEach((r, k) => expectReport(r, placed[k]));
      expect(reports[1].area).toMatch(/^R1:/);
      expect(reports.map((r) => r.notes.map((n) => noteText('zh', n))[0])).toEqual([
        `工作表「${year}年报」上有 2 份报告，本报告在 ${reports[0].area}`,
        `工作表「${year}年报」上有 2 份报告，本报告在 ${reports[1].area}`,
      ]);
    });

    it(`format ${format}: one under another, three departments`, () => {
      const c: ReportLayoutOptions = { format, year, agency: '某某县丙局' };
      const h = rowsOf(a);
      const list = [
        { ...a, values: valuesFor(a, 0) },
        { ...b, origin: { r: h + 2, c: 0 }, values: valuesFor(b, 1000) },
        { ...c, origin: { r: 2 * h + 3, c: 0 }, values: valuesFor(c, 5000) },
      ];
      const { sheet, placed } = oneSheet(`${year}年报`, list);
      const reports = read(writeSheets(`stacked-${format}.xlsx`, [sheet]));
      expect(reports.map((r) => r.agency)).toEqual(['某某县甲局', '某某县乙局', '某某县丙局']);
      reports.forEach((r, k) => expectReport(r, placed[k]));
    });

    it(`format ${format}: a sum of the workbook counts each department once`, () => {
      const list = [
        { ...a, values: valuesFor(a, 0) },
        { ...b, origin: { r: 0, c: 17 }, values: valuesFor(b, 1000) },
      ];
      const { sheet } = oneSheet(`${year}年报`, list);
      const file = writeSheets(`sum-${format}.xlsx`, [sheet]);
      const reports = read(file);
      const out = sumReports(
        reports.map((report, k) => ({ name: `${file}#${k}`, report })),
        { allowErrors: true },
      );
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const first = [...formCells(layoutForm(a)).keys()].find((id) => out.values.has(id) && !id.startsWith('T4'))!;
      const want = Number(list[0].values[first]) + Number(list[1].values[first]);
      expect(Number(String(out.values.get(first)))).toBe(want);
    });
  }

  it('a report beside tables of one report (表二 left, 表三 and 表四 right) stays one report', () => {
    const opts: ReportLayoutOptions = { format: '2021', year: 2024, agency: '某某县甲局' };
    const left = oneSheet('2024年报', [{ ...opts, tables: ['T2'] }]);
    const right = oneSheet('2024年报', [{ ...opts, title: null, tables: ['T3', 'T4'], origin: { r: 0, c: 12 } }]);
    const sheet: SheetSpec = { name: '2024年报', aoa: left.sheet.aoa.map((r) => [...r]), merges: [...left.sheet.merges] };
    right.sheet.aoa.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        while (sheet.aoa.length <= r) sheet.aoa.push([]);
        sheet.aoa[r][c] = v;
      }),
    );
    sheet.merges.push(...right.sheet.merges);
    const reports = read(writeSheets('one-beside.xlsx', [sheet]));
    expect(reports).toHaveLength(1);
    expect(reports[0].tables).toEqual(['T2', 'T3', 'T4']);
    expect(reports[0].area).toBeUndefined();
  });

  it('reports that cannot be told apart are an error naming the sheet and rows, not a mix', () => {
    const a: ReportLayoutOptions = { format: '2021', year: 2024, agency: '某某县甲局', tables: ['T3'], sectionTitles: false, title: null };
    // 表三 twice, its rows interleaved: one copy's row 1 under the other's.
    const { sheet } = oneSheet('2024年报', [a]);
    const copy = sheet.aoa.map((row) => [...row]);
    const aoa = sheet.aoa.flatMap((row, r) => [row, copy[r]]);
    let err: unknown;
    try {
      read(writeSheets('interleaved.xlsx', [{ name: '2024年报', aoa, merges: [] }]));
    } catch (e) {
      err = e;
    }
    expect(isReadError(err)).toBe(true);
    if (!isReadError(err)) return;
    expect(err.code).toBe('mixed_reports');
    expect(err.messageIn('zh')).toMatch(/工作表「2024年报」第 \d+、\d+ 行都有「/);
    expect(err.messageIn('zh').replace(err.file, '')).not.toMatch(/[A-Za-z]/);
    expect(err.messageIn('en')).toMatch(/put each report on a sheet of its own/);
  });

  it('fill says which reports share the sheet and what to do, and writes nothing', async () => {
    const a: ReportLayoutOptions = { format: '2021', year: 2024, agency: '某某县甲局' };
    const b: ReportLayoutOptions = { format: '2021', year: 2024, agency: '某某县乙局', origin: { r: 0, c: 17 } };
    const file = writeSheets('fill-two.xlsx', [oneSheet('2024年报', [a, b]).sheet]);
    const outFile = path.join(path.dirname(file), 'filled.xlsx');
    for (const lang of ['zh', 'en']) {
      const said: string[] = [];
      const keep = (s: unknown) => (said.push(String(s)), true);
      vi.spyOn(process.stdout, 'write').mockImplementation(keep);
      vi.spyOn(process.stderr, 'write').mockImplementation(keep);
      expect(await main(['fill', file, '-o', outFile, '--lang', lang])).toBe(1);
      vi.restoreAllMocks();
      const text = said
        .join('')
        .replace(file, '')
        .replace(/^xxgk: /, '');
      if (lang === 'zh') {
        expect(text).toMatch(/工作表「2024年报」上有 2 份报告（某某县甲局在 A1:\w+\d+、某某县乙局在 R1:\w+\d+），一次只能填充一份/);
        expect(text.replace(/[A-Z]+\d+/g, '')).not.toMatch(/[A-Za-z]/);
      } else
        expect(text).toMatch(/sheet 2024年报 holds 2 reports \(某某县甲局 at A1:\w+, 某某县乙局 at R1:\w+\); fill takes one at a time/);
    }
    expect(existsSync(outFile)).toBe(false);
  });
});
