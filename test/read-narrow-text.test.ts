/**
 * 表三 as `pdftotext -layout` prints a narrow table (issue 18, item 8), written here line by line
 * the way pdftotext places it (one character a column): header words cut over lines, figures of
 * more than four digits continued on the next line under their first four. Read whole when the
 * places are clear; where a continued piece stands between two figures it could continue, the
 * reading is a doubt: cell.uncertain warnings at the row's line (第 N 行), and no error.
 * test/read-narrow-columns.test.ts has the same from Word, LibreOffice and pdftotext themselves.
 */
import { describe, expect, it } from 'vitest';
import { checkData } from '../core/checkfile';
import { getForm } from '../core/forms';
import { readInputSync, reportsOf } from '../core/read/input';
import { placeInOrder } from '../core/import/narrow-columns';
import { cellIds, fullValues, publishedText, type Raw } from './helpers/published';
import { longFigures } from './helpers/synthetic';

const X = 50;
const PITCH = 7;
const FITS = 4;
/** Text at character columns, as pdftotext places it. */
const at = (parts: [number, string][]) => {
  let s = '';
  for (const [x, t] of parts) s += ' '.repeat(Math.max(x - Array.from(s).length, s ? 1 : 0)) + t;
  return s;
};
const HEADER = [
  at([
    [0, '（本列数据的勾稽关系为：第一项加第二'],
    [X, '申请人情况'],
  ]),
  at([
    [0, '项之和，等于第三项加第四项之和）'],
    [X, '自然'],
    [X + PITCH, '法人或其他组织'],
    [X + 6 * PITCH, '总计'],
  ]),
  at([[X, '人'], ...['商业', '科研', '社会', '法律', '其他'].map((w, j): [number, string] => [X + (j + 1) * PITCH, w])]),
  at(['企业', '机构', '公益', '服务'].map((w, j): [number, string] => [X + (j + 1) * PITCH, w])),
  at([
    [X + 3 * PITCH, '组织'],
    [X + 4 * PITCH, '机构'],
  ]),
];
const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];

/** 表三 in narrow columns; `shift` moves the continued pieces of one row that many characters. */
function narrowT3(format: string, values: Record<string, Raw>, shift?: { row: string; by: number }): string[] {
  const lines = [...HEADER];
  for (const r of getForm(format).tables.find((t) => t.key === 'T3')!.blocks[0].rows) {
    const figures = COLS.map((c) => String(values[`T3:${r.key}:${c}`] ?? ''));
    lines.push(
      at([
        [0, r.label[r.label.length - 1]],
        ...figures.flatMap((f, j): [number, string][] => (f ? [[X + j * PITCH, f.slice(0, FITS)]] : [])),
      ]),
    );
    const by = shift?.row === r.key ? shift.by : 0;
    const rest = figures.flatMap((f, j): [number, string][] => (f.length > FITS ? [[X + j * PITCH + by, f.slice(FITS)]] : []));
    if (rest.length) lines.push(at(rest));
  }
  return lines;
}

const rowOf = (row: string, figures: (number | null)[]) => Object.fromEntries(figures.map((v, j) => [`T3:${row}:${COLS[j]}`, v]));

/** 表三's totals made again from its parts: （七）总计, 本年新收 (the carried-over rows kept), the 总计 column. */
function balanced(format: string, v: Record<string, Raw>): Record<string, Raw> {
  const rows = getForm(format)
    .tables.find((t) => t.key === 'T3')!
    .blocks[0].rows.map((r) => r.key);
  const n = (id: string) => (v[id] as number | null) ?? 0;
  for (const c of COLS.slice(0, -1)) {
    v[`T3:R3.7:${c}`] = rows.filter((k) => /^R3\.[1-6]/.test(k)).reduce((s, k) => s + n(`T3:${k}:${c}`), 0);
    v[`T3:R1:${c}`] = n(`T3:R3.7:${c}`) + n(`T3:R4:${c}`) - n(`T3:R2:${c}`);
  }
  for (const k of rows) v[`T3:${k}:total`] = COLS.slice(0, -1).reduce((s, c) => s + n(`T3:${k}:${c}`), 0);
  return v;
}

/** A whole report: 表二 and 表四 with tabs, 表三 narrow. */
function report(format: string, values: Record<string, Raw>, shift?: { row: string; by: number }): string {
  const lines = publishedText(format, values, 'tabs', { year: 2023 }).split('\n');
  const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  return [...lines.slice(0, from + 1), ...narrowT3(format, values, shift), '', ...lines.slice(to)].join('\n');
}

describe('表三 in narrow columns as pdftotext prints it', () => {
  const format = '2021';
  // One row where one figure is continued (12345 as 1234 over 5) beside another that fills its column (6789).
  const row = 'R3.3.2';
  // Its 科研机构 left blank, as reports leave zeros.
  const values = fullValues(format, balanced(format, { ...longFigures(format, 5), ...rowOf(row, [12345, 6789, null, 0, 0, 0]) }));

  it('reads every figure whole, and the report clean', () => {
    const data = new TextEncoder().encode(report(format, values));
    const [r] = reportsOf(readInputSync(data, 'narrow.txt'), 'narrow.txt');
    for (const id of cellIds(format)) expect(r.cells[id]?.raw, id).toBe(values[id]);
    const found = checkData(data, 'narrow.txt').reports[0].findings.filter((f) => f.severity !== 'notice');
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.instance}`)).toEqual([`warning cell.blank T3:${row}:research`]);
  });

  it.each([3, 5])('a continued piece between two figures (%i characters off): a doubt at its line, never an error', (by) => {
    const data = new TextEncoder().encode(report(format, values, { row, by }));
    const found = checkData(data, 'narrow.txt').reports[0].findings.filter((f) => f.severity !== 'notice');
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    const uncertain = found.filter((f) => f.rule === 'cell.uncertain');
    expect(uncertain.length).toBeGreaterThan(0);
    expect(new Set(uncertain.map((f) => f.instance?.split(':')[1]))).toEqual(new Set([row]));
    // The blank beside them too: a piece may belong there.
    expect(uncertain.find((f) => f.instance === `T3:${row}:research`)?.message).toMatch(/读作 空白.*可能属于此格/);
    expect(uncertain[0].message).toMatch(/(折行|所在的列).*请对照原文件核对/);
    expect(uncertain[0].message).not.toMatch(/line/);
    expect(uncertain[0].cells[0].ref).toMatch(/^line \d+$/);
  });
});

describe('placeInOrder', () => {
  it('pairs as many pieces as places in order; fewer by the nearest places, clear or not', () => {
    expect(placeInOrder([3, 9], [1, 8])).toEqual({ at: [0, 1], sure: true });
    expect(placeInOrder([28, 65], [28, 33, 38, 65])).toEqual({ at: [0, 3], sure: true });
    expect(placeInOrder([31], [28, 33])!.sure).toBe(false);
    expect(placeInOrder([1, 2, 3], [1, 2])).toBeNull();
  });
});
