/**
 * addin/host-wps.ts against the fake ET object model (test/browser/fake-wps*.js) run in Node (a vm
 * context standing in for the page's window): merged areas found exactly on random layouts, values
 * and formulas from one Value2 and one Formula call, BGR colours, 1-based collections, errors
 * where WPS raises them, exact restores.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { CELLS_PER_CALL, explainWps, WpsHost, type WpsApp } from '../addin/host-wps';
import { HostError, undoWrites } from '../addin/host';
import { formForYear } from '../core/forms';
import { templateLayout } from '../core/template/layout';
import { toDraw as toDrawLayout } from '../addin/pane';
import { bgr, hexOf } from '../addin/wps/colour';
import { findWpsApplication } from '../addin/wps/detect';
import { a1 } from '../core/read/grid';
import { FAKE_WPS } from './browser/harness';

interface Fake {
  state: { callLog: string[]; calls: number };
  calls: number;
  type(sheet: string, addr: string, v: unknown): void;
  error(sheet: string, addr: string, code: number): void;
  comment(sheet: string, addr: string, text: string): void;
  snapshot(sheet: string): string;
  fills(sheet: string): Record<string, number>;
  comments(sheet: string): Record<string, string>;
  selection: { sheet: string; address: string } | null;
}

const FAKE = FAKE_WPS.map((f) => fs.readFileSync(path.join(__dirname, 'browser', f), 'utf8'));

function load(config: Record<string, unknown> = {}): { app: WpsApp; fake: Fake; window: Record<string, unknown> } {
  const window: Record<string, unknown> = { __fakeWpsConfig: config };
  const context = vm.createContext({ window, setTimeout, Proxy, JSON, Math, Number, String, Object, Array, Error });
  for (const part of FAKE) vm.runInContext(part, context);
  return { app: window.Application as WpsApp, fake: window.__fakeWps as Fake, window };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('WPS host over the fake ET model', () => {
  it('finds the WPS application and not an unrelated window', () => {
    const { app, window } = load();
    expect(findWpsApplication(window)).toBe(app);
    expect(findWpsApplication({ Application: { Documents: {} } })).toBeNull(); // WPS 文字
    expect(findWpsApplication({})).toBeNull();
  });

  it('converts colours to and from BGR integers', () => {
    expect(bgr('#FFC7CE')).toBe(0xcec7ff);
    expect(hexOf(0xcec7ff)).toBe('#FFC7CE');
    for (const hex of ['#000000', '#FFFFFF', '#123456', '#F2F2F2']) expect(hexOf(bgr(hex))).toBe(hex);
  });

  it('reads merged areas exactly, on 200 random layouts, with Value2 and Formula read once', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { app, fake, window } = load();
      const rnd = random(seed);
      const ws = app.ActiveSheet as Et.Worksheet;
      const rows = 4 + Math.floor(rnd() * 12),
        cols = 3 + Math.floor(rnd() * 10);
      const taken = new Set<string>();
      const merges: { r0: number; c0: number; r1: number; c1: number }[] = [];
      for (let i = 0; i < 12; i++) {
        const r0 = Math.floor(rnd() * rows),
          c0 = Math.floor(rnd() * cols);
        const r1 = Math.min(rows - 1, r0 + Math.floor(rnd() * 3)),
          c1 = Math.min(cols - 1, c0 + Math.floor(rnd() * 4));
        if (r0 === r1 && c0 === c1) continue;
        let free = true;
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (taken.has(`${r},${c}`)) free = false;
        if (!free) continue;
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) taken.add(`${r},${c}`);
        merges.push({ r0, c0, r1, c1 });
      }
      // Values: most free cells filled, some empty; merged areas hold a value in their first cell or none.
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++)
          if (!taken.has(`${r},${c}`) && rnd() < 0.7) fake.type('Sheet1', a1(r, c), rnd() < 0.5 ? r * 10 + c : `t${r}`);
      for (const m of merges) {
        if (rnd() < 0.6) fake.type('Sheet1', a1(m.r0, m.c0), '标题');
        ws.Range(`${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`).Merge();
      }
      // The block reaches the last row and column; where that cell is a merged area's hidden cell, it holds a hidden value.
      fake.type('Sheet1', a1(rows - 1, cols - 1), 1);
      const before = fake.calls;
      const { book, sheets } = await new WpsHost(app).read('active');
      const log = fake.state.callLog.slice(before - fake.calls);
      const key = (m: { r0: number; c0: number; r1: number; c1: number }) => `${m.r0},${m.c0}:${m.r1},${m.c1}`;
      const top = sheets[0].top,
        left = sheets[0].left;
      const got = book.grids[0].merges.map((m) => key({ r0: m.r0 + top, c0: m.c0 + left, r1: m.r1 + top, c1: m.c1 + left }));
      expect(got.sort(), `seed ${seed}`).toEqual(merges.map(key).sort());
      expect(log.filter((x) => x === 'Range.Value2').length).toBe(1);
      expect(log.filter((x) => x === 'Range.Formula').length).toBe(1);
      void window;
    }
  });

  it('reads values, formulas and CVErr error values; marks with BGR fills and restores exactly', async () => {
    const { app, fake } = load();
    fake.type('Sheet1', 'B2', 3);
    fake.type('Sheet1', 'B3', '4'); // typed text that is a number is stored as a number
    fake.type('Sheet1', 'B4', '=SUM(B2:B3)');
    fake.error('Sheet1', 'C4', 2007);
    const host = new WpsHost(app);
    const { book, sheets } = await host.read('active');
    expect(sheets[0]).toEqual({ name: 'Sheet1', top: 1, left: 1 });
    const g = book.grids[0];
    expect(g.cell(0, 0)).toEqual({ raw: 3 });
    expect(g.cell(1, 0)).toEqual({ raw: 4 });
    expect(g.cell(2, 0)).toEqual({ raw: 7, formula: 'SUM(B2:B3)' });
    expect(g.cell(2, 1)).toEqual({ raw: '#DIV/0!' });
    expect(g.ref(2, 0)).toBe('Sheet1!B4');

    const ws = app.ActiveSheet as Et.Worksheet;
    ws.Range('B3').Interior.Color = bgr('#00FF00');
    const before = fake.snapshot('Sheet1');
    expect(
      await host.mark([
        { sheet: 'Sheet1', r: 1, c: 1, color: '#FFC7CE', text: '不对' },
        { sheet: 'Sheet1', r: 2, c: 1, color: '#FFEB9C' },
      ]),
    ).toBe(2);
    expect(fake.fills('Sheet1')).toEqual({ B2: 0xcec7ff, B3: 0x9cebff });
    expect(fake.comments('Sheet1')).toEqual({ B2: '不对' });
    await host.clearMarks();
    expect(fake.snapshot('Sheet1')).toBe(before);
    expect(host.markCount()).toBe(0);
  });

  it('writes values and formulas, reporting what was there; selects on the right sheet', async () => {
    const { app, fake } = load();
    fake.type('Sheet1', 'A1', 5);
    const host = new WpsHost(app);
    await host.read('active');
    const rec = await host.writeValues([
      { sheet: 'Sheet1', r: 0, c: 0, value: 6 },
      { sheet: 'Sheet1', r: 1, c: 0, value: null, formula: 'A1*2' },
      { sheet: 'Sheet1', r: 0, c: 0, value: null },
    ]);
    expect(rec.map((w) => w.before)).toEqual([
      { value: 5, formula: null, numberFormat: 'General' },
      { value: null, formula: null, numberFormat: 'General' },
      { value: 6, formula: null, numberFormat: 'General' },
    ]);
    const name = await host.addSheet('2024年报', { cells: [{ r: 0, c: 0, text: '标题', role: 'title', colSpan: 3 }] });
    expect(await host.sheetNames()).toEqual(['Sheet1', '2024年报']);
    await host.select([
      { sheet: 'Sheet1', r: 1, c: 0 },
      { sheet: 'Sheet1', r: 3, c: 2 },
    ]);
    expect(fake.selection).toEqual({ sheet: 'Sheet1', address: 'A2,C4' });
    expect(name).toBe('2024年报');
  });

  it('opens an exported workbook from the temp folder, with Windows separators on Windows', async () => {
    const { app, fake } = load({ temp: 'C:\\Users\\u\\AppData\\Local\\Temp\\' });
    const bytes = Buffer.from([0x50, 0x4b, 3, 4, 0, 255, 128]);
    expect(await new WpsHost(app).openWorkbook(bytes.toString('base64'))).toBe(true);
    const [opened] = (fake as unknown as { opened(): string[] }).opened();
    expect(opened).toMatch(/^C:\\Users\\u\\AppData\\Local\\Temp\\xxgk-\d+\.xlsx$/);
    const written = (fake as unknown as { files(): Record<string, string> }).files()[opened];
    expect(Buffer.from(written, 'latin1')).toEqual(bytes); // a binary string: one character per byte
    expect(app.ActiveWorkbook.Name).toBe(opened.replace(/^.*\\/, '')); // opened in front
  });

  it('raises where WPS raises: 0-based or unknown sheet, a second comment, Select on an inactive sheet, text as a colour, a protected cell', () => {
    const { app } = load();
    const sheets = app.Worksheets;
    expect(() => sheets.Item(0)).toThrow(/下标越界/);
    expect(() => sheets.Item('没有')).toThrow(/下标越界/);
    const ws = sheets.Item(1) as Et.Worksheet;
    ws.Range('A1').AddComment('一');
    expect(() => ws.Range('A1').AddComment('二')).toThrow(/已有批注/);
    expect(() => (ws.Range('A1').Interior.Color = '#FFC7CE' as unknown as number)).toThrow(/Interior\.Color/);
    const other = sheets.Add(undefined, ws) as Et.Worksheet; // becomes the active sheet
    expect(() => ws.Range('B2').Select()).toThrow(/Select/);
    other.Range('A1').Locked = false;
    other.Protect(undefined, true, true);
    other.Range('A1').Value2 = 1 as unknown as string; // unlocked: editable
    expect(() => (other.Range('B1').Value2 = 1 as unknown as string)).toThrow(/受保护/);
    expect(() => other.Range('A1').AddComment('x')).toThrow(/受保护/);
    expect(() => ws.Range('A1:B2').MergeArea).toThrow(/单个单元格/);
  });
});

interface Fake19 extends Fake {
  rename(sheet: string, name: string): void;
  deleteSheet(sheet: string): void;
  rows(sheet: string, at: number, n: number): void;
  formatColumns(sheet: string, cols: number): void;
  protect(sheet: string, opts?: Record<string, boolean>): void;
  names(): Record<string, unknown>;
  cell(sheet: string, addr: string): { value?: unknown; fmt?: Record<string, unknown> } | null;
  cellsRead: number;
}

/** A block of numbers, rows 1-8, columns A-D, on each sheet named. */
function sheetsOf(app: WpsApp, fake: Fake, names: string[]): void {
  const sheets = app.ActiveWorkbook.Worksheets;
  names.forEach((name, i) => {
    const ws = (i === 0 ? sheets.Item(1) : sheets.Add(undefined, sheets.Item(sheets.Count))) as Et.Worksheet;
    ws.Name = name;
    for (let r = 0; r < 8; r++) for (let c = 0; c < 4; c++) fake.type(name, a1(r, c), (i + 1) * 100 + r * 10 + c);
  });
  (sheets.Item(1) as Et.Worksheet).Activate();
}

const marksOn = (sheet: string, cells: [number, number][]) =>
  cells.map(([r, c]) => ({ sheet, r, c, color: '#FFC7CE', text: `${sheet} 第 ${r + 1} 行有误` }));

describe('issue 19: WPS marks and edits as a real user meets them', () => {
  it('6: a renamed or deleted marked sheet stops neither 清除标记 nor the next check', async () => {
    const { app, fake } = load();
    const f = fake as Fake19;
    sheetsOf(app, fake, ['Sheet1', 'Sheet2']);
    const before = fake.snapshot('Sheet1');
    const host = new WpsHost(app);
    await host.read('all');
    await host.mark([
      ...marksOn('Sheet1', [
        [1, 1],
        [2, 2],
      ]),
      ...marksOn('Sheet2', [[1, 1]]),
    ]);
    f.rename('Sheet1', '2023年报');
    (app.ActiveWorkbook.Worksheets.Item('Sheet2') as Et.Worksheet).Delete(); // as the user's 删除工作表 does
    await host.clearMarks();
    expect(fake.snapshot('2023年报')).toBe(before.replace('Sheet1', '2023年报'));
    await host.read('all');
    expect(await host.mark(marksOn('2023年报', [[3, 3]]))).toBe(1);
    await host.clearMarks();
    expect(fake.snapshot('2023年报')).toBe(before);
    expect(f.names()).toEqual({});
  });

  it('7: marks are kept in the workbook: a pane opened again clears them exactly; 3: after rows were inserted', async () => {
    const { app, fake } = load();
    const f = fake as Fake19;
    sheetsOf(app, fake, ['Sheet1']);
    (app.ActiveSheet as Et.Worksheet).Range('C3').Interior.Color = bgr('#00FF00');
    const before = fake.snapshot('Sheet1');
    const first = new WpsHost(app);
    await first.read('active');
    await first.mark(
      marksOn('Sheet1', [
        [1, 1],
        [2, 2],
        [5, 3],
      ]),
    );
    expect(Object.keys(fake.comments('Sheet1'))).toHaveLength(3);
    f.rows('Sheet1', 1, 2); // two rows inserted above the marks
    const reopened = new WpsHost(app); // the pane closed and opened again: nothing in memory
    expect(reopened.markCount()).toBe(3);
    // Its first check replaces the old marks, comments included (they are the pane's, not the user's).
    await reopened.read('active');
    await reopened.mark(
      marksOn('Sheet1', [
        [3, 1],
        [4, 2],
        [7, 3],
      ]),
    );
    expect(Object.keys(fake.comments('Sheet1'))).toHaveLength(3);
    await reopened.clearMarks();
    expect(reopened.markCount()).toBe(0);
    f.rows('Sheet1', 1, -2);
    expect(fake.snapshot('Sheet1')).toBe(before);
  });

  it('1: a sheet protected without "format cells" is left unmarked and named; the rest is marked and cleared', async () => {
    const { app, fake } = load();
    const f = fake as Fake19;
    sheetsOf(app, fake, ['Sheet1', 'Sheet2']);
    f.protect('Sheet2');
    const before = [fake.snapshot('Sheet1'), fake.snapshot('Sheet2')];
    const host = new WpsHost(app);
    await host.read('all');
    const err = await host.mark([...marksOn('Sheet1', [[1, 1]]), ...marksOn('Sheet2', [[1, 1]])]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'protected', sheet: 'Sheet2', app: 'wps' });
    expect(Object.keys(fake.fills('Sheet1'))).toEqual(['B2']);
    expect(host.markCount()).toBe(1);
    await host.clearMarks();
    expect([fake.snapshot('Sheet1'), fake.snapshot('Sheet2')]).toEqual(before);
  });

  it('9: undo writes text back as text ("12", "-") with its number format', async () => {
    const { app, fake } = load();
    const f = fake as Fake19;
    const ws = app.ActiveSheet as Et.Worksheet;
    fake.type('Sheet1', 'B2', "'12"); // typed as text
    ws.Range('B2').NumberFormat = '0.0';
    fake.type('Sheet1', 'B3', "'-");
    const before = fake.snapshot('Sheet1');
    const host = new WpsHost(app);
    const recs = await host.writeValues([
      { sheet: 'Sheet1', r: 1, c: 1, value: 5, numberFormat: '0' },
      { sheet: 'Sheet1', r: 2, c: 1, value: 0 },
    ]);
    expect(f.cell('Sheet1', 'B2')?.value).toBe(5);
    // The pane's own undo (addin/host.ts), not a copy of it.
    await host.writeValues(undoWrites(recs));
    expect(fake.snapshot('Sheet1')).toBe(before);
    expect(f.cell('Sheet1', 'B2')).toMatchObject({ value: '12', fmt: { numberFormat: '0.0' } });
  });

  it("8: a sheet formatted down whole columns is read within bounds; 5: WPS errors in the pane's words", async () => {
    const { app, fake } = load({ budget: { cells: CELLS_PER_CALL } });
    const f = fake as Fake19;
    sheetsOf(app, fake, ['Sheet1']);
    f.formatColumns('Sheet1', 8); // UsedRange now reaches row 1,048,576
    const host = new WpsHost(app);
    const calls0 = fake.calls;
    const { book } = await host.read('active');
    expect(book.grids[0].rows).toBe(8);
    expect(fake.calls - calls0).toBeLessThan(200);
    expect(f.cellsRead).toBeLessThan(CELLS_PER_CALL);
    // A sheet deleted under the pane: "subscript out of range" becomes the pane's sentence.
    await host.read('all');
    const err = await host.select([{ sheet: '没有', r: 0, c: 0 }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'missing', app: 'wps' });
    expect(explainWps(new Error('工作表受保护'))).toMatchObject({ code: 'protected' });
  });

  it("issue 19: the book's name is ActiveWorkbook.Name: the file's, or 工作簿1 for a new book", async () => {
    const unsaved = new WpsHost(load().app);
    expect((await unsaved.read('active')).book.name).toBe('工作簿1');
    const { app } = load({ bookName: '某某县民政局2024年报.xlsx' });
    const host = new WpsHost(app);
    expect((await host.read('active')).book.name).toBe('某某县民政局2024年报.xlsx');
    expect((await host.read('all')).book.name).toBe('某某县民政局2024年报.xlsx');
  });

  it('the calls a check of a full 2024 template makes (read, then marks), reported', async () => {
    const { app, fake } = load();
    const host = new WpsHost(app);
    const layout = templateLayout(formForYear(2024), { year: 2024 });
    const name = await host.addSheet(layout.sheetName, toDrawLayout(layout));
    for (const c of layout.cells) if (c.role === 'input') fake.type(name, a1(c.r, c.c), 1);
    const c0 = fake.calls;
    await host.read('active');
    const readCalls = fake.calls - c0;
    const c1 = fake.calls;
    const inputs = layout.cells.filter((c) => c.role === 'input').slice(0, 10);
    await host.mark(inputs.map((c) => ({ sheet: name, r: c.r, c: c.c, color: '#FFC7CE', text: '有误' })));
    const markCalls = fake.calls - c1;
    const c2 = fake.calls;
    await host.clearMarks();
    const clearCalls = fake.calls - c2;
    console.log(`WPS calls for a full 2024 template: read ${readCalls}, 10 marks ${markCalls}, clear ${clearCalls}`);
    expect(readCalls).toBeLessThan(1000);
  });
});
