/**
 * addin/host-office.ts against the fake Excel (test/browser/fake-excel.js) run in Node (a vm context
 * standing in for the page's window), at every ExcelApi version the manifest admits (1.7 and up):
 * marks that survive real use (issue 19, part B, defects 1, 2, 3 and 5).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { OfficeHost } from '../addin/host-office';
import { HostError, type Mark } from '../addin/host';
import { PANE } from '../core/messages';

interface Fake {
  syncs: number;
  failures: string[];
  paste(sheet: string, aoa: unknown[][]): void;
  snapshot(sheet: string): string;
  fills(sheet: string): Record<string, string>;
  comments(sheet: string): Record<string, string>;
  cell(sheet: string, addr: string): { value?: unknown; numberFormat?: string } | null;
  protect(sheet: string, opts: Record<string, boolean>): void;
  comment(sheet: string, addr: string, text: string): void;
  rows(sheet: string, at: number, n: number): void;
  deleteSheet(sheet: string): void;
  rename(sheet: string, name: string): void;
  blur(on: boolean): void;
  names(): Record<string, unknown>;
  format(sheet: string, addr: string, fmt: Record<string, unknown>): void;
  type(sheet: string, addr: string, v: unknown): void;
  dump(): string;
}

const FAKE = fs.readFileSync(path.join(__dirname, 'browser', 'fake-excel.js'), 'utf8');
const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };

/** The fake loaded for one test; Excel and Office made global as the pane's page sees them. */
function load(api: string, extra: Record<string, unknown> = {}): Fake {
  const window: Record<string, unknown> = { __fakeExcelConfig: { api, platform: 'PC', ...extra } };
  const context = vm.createContext({
    window,
    setTimeout,
    clearTimeout,
    Promise,
    JSON,
    Math,
    Number,
    String,
    Object,
    Array,
    Error,
    isFinite,
    parseInt,
  });
  vm.runInContext(FAKE, context);
  g.Excel = window.Excel;
  g.Office = window.Office;
  return window.__fakeExcel as Fake;
}
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

/** A small sheet of numbers, rows 1-8, columns A-D. */
const block = (seed: number) => Array.from({ length: 8 }, (_, r) => Array.from({ length: 4 }, (_, c) => seed + r * 10 + c));

const marksOn = (sheet: string, cells: [number, number][]): Mark[] =>
  cells.map(([r, c]) => ({ sheet, r, c, color: '#FFC7CE', text: `${sheet} 第 ${r + 1} 行有误` }));

const minor = (api: string) => Number(api.split('.')[1]);

const APIS = ['1.7', '1.8', '1.9', '1.10', '1.13', '1.14', '1.18'];

describe.each(APIS)('ExcelApi %s', (api) => {
  it('defect 1: a sheet protected without "format cells" is left unmarked and named; the others are marked and cleared exactly', async () => {
    const fake = load(api);
    fake.paste('Sheet1', block(1));
    fake.paste('Sheet2', block(100));
    fake.protect('Sheet2', {}); // protected, formatting refused (the reproduction: the second sheet protected)
    const before = [fake.snapshot('Sheet1'), fake.snapshot('Sheet2')];
    const host = new OfficeHost();
    await host.read('all');
    const marks = [
      ...marksOn('Sheet1', [
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      ...marksOn('Sheet2', [
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ];
    const err = await host.mark(marks).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('protected');
    expect((err as HostError).sheet).toBe('Sheet2');
    expect(Object.keys(fake.fills('Sheet1'))).toHaveLength(3);
    expect(Object.keys(fake.comments('Sheet1'))).toHaveLength(minor(api) >= 10 ? 3 : 0);
    expect(host.markCount()).toBe(3);
    await host.clearMarks();
    expect([fake.snapshot('Sheet1'), fake.snapshot('Sheet2')]).toEqual(before);
    expect(fake.names()).toEqual({});
  });

  it('defect 1: a batch that fails part-way (the sheet protected between read and mark) leaves no orphan mark', async () => {
    const fake = load(api);
    fake.paste('Sheet1', block(1));
    fake.paste('Sheet2', block(100));
    const before = [fake.snapshot('Sheet1'), fake.snapshot('Sheet2')];
    const host = new OfficeHost();
    await host.read('all');
    fake.protect('Sheet2', {}); // after the read: Excel refuses the fills on Sheet2 in the middle of the batch
    const marks = [
      ...marksOn('Sheet1', [
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      ...marksOn('Sheet2', [
        [1, 1],
        [2, 2],
      ]),
    ];
    await expect(host.mark(marks)).rejects.toBeInstanceOf(HostError);
    expect(fake.failures).toContain('AccessDenied');
    // What ran before the failure stayed (OfficeExtension.Error): Sheet1's marks are there, and recorded.
    expect(Object.keys(fake.fills('Sheet1'))).toHaveLength(3);
    expect(host.markCount()).toBeGreaterThanOrEqual(3);
    fake.protect('Sheet2', { allowFormatCells: true }); // the user allows formatting again
    await host.clearMarks();
    const unprotected = (snap: string) => JSON.stringify({ ...JSON.parse(snap), protected: null });
    expect([fake.snapshot('Sheet1'), unprotected(fake.snapshot('Sheet2'))]).toEqual(before);
    expect(fake.names()).toEqual({});
    expect(host.markCount()).toBe(0);
  });

  it('defect 3: marks follow their cells when rows are inserted or deleted above them, or the sheet is renamed', async () => {
    const fake = load(api);
    fake.paste('Sheet1', block(1));
    const before = fake.snapshot('Sheet1');
    const host = new OfficeHost();
    await host.read('active');
    await host.mark(
      marksOn('Sheet1', [
        [2, 1],
        [5, 2],
        [6, 3],
      ]),
    );
    fake.rows('Sheet1', 1, 2); // two rows inserted above the marks
    fake.rename('Sheet1', '2023年报');
    await host.clearMarks();
    expect(fake.fills('2023年报')).toEqual({});
    expect(fake.comments('2023年报')).toEqual({});
    fake.rows('2023年报', 1, -2);
    fake.rename('2023年报', 'Sheet1');
    expect(fake.snapshot('Sheet1')).toBe(before);

    // A marked row deleted: its mark goes with it, the others are cleared where they are now.
    await host.read('active');
    await host.mark(
      marksOn('Sheet1', [
        [2, 1],
        [5, 2],
      ]),
    );
    fake.rows('Sheet1', 2, -1);
    await host.clearMarks();
    expect(fake.fills('Sheet1')).toEqual({});
    expect(fake.names()).toEqual({});
    expect(host.markCount()).toBe(0);
  });

  it("issue 19: the book's name is Workbook.name, read in the round trips that read the cells", async () => {
    /** The name each read gives, and the round trips it took. */
    const reads = async (extra: Record<string, unknown>) => {
      const fake = load(api, extra);
      fake.paste('Sheet1', block(1));
      fake.paste('Sheet2', block(100));
      const host = new OfficeHost();
      const out: [string, number][] = [];
      for (const scope of ['active', 'all'] as const) {
        const s = fake.syncs;
        const { book } = await host.read(scope);
        out.push([book.name, fake.syncs - s]);
      }
      return out;
    };
    const unsaved = await reads({});
    expect(unsaved.map(([name]) => name)).toEqual(['Book1', 'Book1']); // never saved: no year to take from it
    expect(unsaved[0][1], 'the active sheet: one round trip').toBe(1);
    const named = await reads({ name: '某某县民政局2024年报.xlsx' });
    expect(named).toEqual(unsaved.map(([, syncs]) => ['某某县民政局2024年报.xlsx', syncs]));
  });

  it('defect 3: a deleted marked sheet does not stop 清除标记 or the next check', async () => {
    const fake = load(api);
    fake.paste('Sheet1', block(1));
    fake.paste('Sheet2', block(100));
    const before = fake.snapshot('Sheet1');
    const host = new OfficeHost();
    await host.read('all');
    await host.mark([...marksOn('Sheet1', [[1, 1]]), ...marksOn('Sheet2', [[1, 1]])]);
    fake.deleteSheet('Sheet2');
    await host.read('all');
    await host.mark(marksOn('Sheet1', [[2, 2]]));
    await host.clearMarks();
    expect(fake.snapshot('Sheet1')).toBe(before);
    expect(fake.names()).toEqual({});
  });

  it('defect 2: undo on a sheet protected without "format cells" writes text as text, and a locked cell changes nothing', async () => {
    const fake = load(api);
    fake.paste('Sheet1', block(1));
    const unlocked = await new OfficeHost().writeValues([]); // nothing to do: no round trip
    expect(unlocked).toEqual([]);
    // Unlock B2:B3 as a template's input cells are, then protect without formatting.
    (fake as unknown as { state: { sheets: { cells: Record<string, { locked?: boolean }> }[] } }).state.sheets[0].cells['1,1'].locked =
      false;
    (fake as unknown as { state: { sheets: { cells: Record<string, { locked?: boolean }> }[] } }).state.sheets[0].cells['2,1'].locked =
      false;
    fake.format('Sheet1', 'B2', { numberFormat: '0_ ' });
    fake.protect('Sheet1', {});
    const host = new OfficeHost();
    const recs = await host.writeValues([
      { sheet: 'Sheet1', r: 1, c: 1, value: '12', numberFormat: '0_ ' },
      { sheet: 'Sheet1', r: 2, c: 1, value: '-' },
    ]);
    expect(fake.cell('Sheet1', 'B2')).toMatchObject({ value: '12', numberFormat: '0_ ' }); // text, format kept
    expect(fake.cell('Sheet1', 'B3')).toMatchObject({ value: '-' });
    expect(recs.map((r) => r.before.value)).toEqual([12, 22]);
    // A locked cell among the writes: refused before anything is written.
    const snap = fake.snapshot('Sheet1');
    const err = await host
      .writeValues([
        { sheet: 'Sheet1', r: 1, c: 1, value: 5 },
        { sheet: 'Sheet1', r: 4, c: 2, value: 5 },
      ])
      .catch((e: unknown) => e);
    expect((err as HostError).code).toBe('protected');
    expect(fake.snapshot('Sheet1')).toBe(snap);
    expect(fake.failures).toEqual([]);
  });
});

describe('defect 5: each Excel refusal has its own sentence, in both languages', () => {
  it('an inactive workbook, a range over the cell limit, a missing item', async () => {
    const fake = load('1.18', { limits: { cells: 20 } });
    fake.paste('Sheet1', block(1)); // 32 cells: over the (lowered) five-million-cell limit of one read
    const host = new OfficeHost();
    const { book } = await host.read('active'); // RangeExceedsLimit: read again in smaller pieces, not a failure
    expect(book.grids[0].rows).toBe(8);
    expect(fake.failures).toContain('RangeExceedsLimit');
    fake.blur(true);
    const inactive = await host.read('active').catch((e: unknown) => e);
    expect((inactive as HostError).code).toBe('inactive');
    fake.blur(false);
    const missing = await host.writeValues([{ sheet: '没有', r: 0, c: 0, value: 1 }]).catch((e: unknown) => e);
    expect((missing as HostError).code).toBe('missing');
    for (const code of ['protected', 'refused', 'missing', 'inactive', 'too-large', 'host']) {
      const zh = PANE.zh.hostErrors[code]('Sheet1', PANE.zh.hostApp.excel);
      const en = PANE.en.hostErrors[code]('Sheet1', PANE.en.hostApp.excel);
      expect(zh.replace(/Excel|Sheet1/g, ''), code).not.toMatch(/[A-Za-z]/);
      expect(en, code).not.toMatch(/[\u4e00-\u9fff]/);
      if (code !== 'host') expect(zh, code).not.toBe(PANE.zh.hostErrors.host('', PANE.zh.hostApp.excel));
    }
  });
});
