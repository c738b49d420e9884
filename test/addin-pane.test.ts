/**
 * The pane's logic on the in-memory host (the same code the task pane runs inside Excel through
 * the Office.js host): insert a template, type numbers, check, mark and clear exactly, apply
 * suggestions, fill blank totals, undo.
 */
import { describe, expect, it } from 'vitest';
import { MemoryHost, MemoryWorkbook } from '../addin/host-memory';
import { blankTotals, checkHost, insertTemplate, marksFor, suggestionsOf } from '../addin/pane';
import { parseRef, freeSheetName } from '../addin/host';
import { evalSimple } from '../addin/formula';
import { templateLayout } from '../core/template/layout';
import { formForYear } from '../core/forms';

const snapshot = (wb: MemoryWorkbook) =>
  JSON.stringify(wb.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()].sort(), merges: s.merges })));

/** Fill every input cell of the template consistently: T3 inner cells and T4 parts get small numbers, R2 = 0, and R4 set so that the balance holds. */
async function fillTemplate(host: MemoryHost, year: number) {
  const form = formForYear(year);
  const layout = templateLayout(form, { year });
  const sheet = (await host.sheetNames()).at(-1)!;
  const writes: { sheet: string; r: number; c: number; value: number }[] = [];
  let k = 1;
  for (const cell of layout.cells) {
    if (cell.role !== 'input' || !cell.cellId) continue;
    const [, row] = cell.cellId.split(':');
    const v = cell.cellId.startsWith('T3:') ? (row === 'R1' || row === 'R2' || row === 'R4' ? 0 : k++ % 3) : k++ % 4;
    writes.push({ sheet, r: cell.r, c: cell.c, value: v });
  }
  await host.writeValues(writes);
  // Make 表三 balance: R1 = R3.7 (R2 = R4 = 0), column by column.
  const r1: typeof writes = [];
  for (const [id, pos] of layout.address) {
    const m = /^T3:R1:(.+)$/.exec(id);
    if (!m || host.wb.get(sheet, pos.r, pos.c)?.formula) continue;
    const total = layout.address.get(`T3:R3.7:${m[1]}`)!;
    r1.push({ sheet, r: pos.r, c: pos.c, value: host.wb.get(sheet, total.r, total.c)!.value as number });
  }
  await host.writeValues(r1);
  return { form, layout, sheet };
}

describe('add-in pane logic (in-memory host)', () => {
  it('evaluates the formulas templates use', () => {
    const g = (r: number, c: number) => r * 10 + c;
    expect(evalSimple('SUM(A1:B2)+C3-2*A2', g)).toBe(0 + 1 + 10 + 11 + 22 - 20);
    expect(evalSimple('A1+B1', g)).toBe(1);
    expect(evalSimple('VLOOKUP(A1,B1)', g)).toBeUndefined();
    expect(freeSheetName('2024年报', ['2024年报', '2024年报 (2)'])).toBe('2024年报 (3)');
    expect(parseRef("'my sheet'!AB12")).toEqual({ sheet: 'my sheet', r: 11, c: 27 });
  });

  for (const year of [2020, 2024]) {
    it(`inserts the ${year} template, checks it, marks and clears exactly, applies suggestions until clean`, async () => {
      const host = new MemoryHost(new MemoryWorkbook());
      const name = await insertTemplate(host, { year, agency: '某某县财政局' });
      expect(name).toBe(`${year}年报`);
      const blank = await checkHost(host, 'active', 'zh');
      expect(blank.reports).toHaveLength(1);
      expect(blank.reports[0].format).toBe(formForYear(year).key);
      expect(blank.reports[0].year).toBe(year);

      const { sheet } = await fillTemplate(host, year);
      const clean = await checkHost(host, 'active', 'zh');
      expect(clean.reports[0].findings.filter((f) => f.severity === 'error')).toEqual([]);

      // A wrong number typed into an inner cell of 表三.
      const layout = templateLayout(formForYear(year), { year, agency: '某某县财政局' });
      const at = layout.address.get('T3:R3.1:natural')!;
      const before = host.wb.get(sheet, at.r, at.c)!.value as number;
      await host.writeValues([{ sheet, r: at.r, c: at.c, value: before + 7 }]);
      const bad = await checkHost(host, 'active', 'zh');
      const errors = bad.reports[0].findings.filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);

      // Marks, then clearing them restores every cell exactly.
      const snap = snapshot(host.wb);
      const marks = marksFor(bad.reports);
      expect(marks.length).toBeGreaterThan(0);
      expect(await host.mark(marks)).toBe(marks.length);
      expect(snapshot(host.wb)).not.toBe(snap);
      await host.mark(marks); // re-marking replaces, never stacks
      await host.clearMarks();
      expect(snapshot(host.wb)).toBe(snap);
      expect(host.markCount()).toBe(0);

      // Suggestions put the sheet right.
      const sugg = suggestionsOf(bad.reports);
      expect(sugg.length).toBeGreaterThan(0);
      const written = await host.writeValues(sugg.map((x) => ({ ...x.at, value: x.value })));
      const fixed = await checkHost(host, 'active', 'zh');
      expect(fixed.reports[0].findings.filter((f) => f.severity === 'error')).toEqual([]);

      // Undo restores the wrong value.
      await host.writeValues(written.map((w) => ({ sheet: w.sheet, r: w.r, c: w.c, value: w.before.value, formula: w.before.formula })));
      const undone = await checkHost(host, 'active', 'zh');
      expect(undone.reports[0].findings.filter((f) => f.severity === 'error').length).toBe(errors.length);
    });
  }

  it('fills blank totals from their parts', async () => {
    const host = new MemoryHost(new MemoryWorkbook());
    await insertTemplate(host, { year: 2024 });
    const { sheet } = await fillTemplate(host, 2024);
    // Turn the totals into blank values (as a hand-made sheet would have them).
    const s = host.wb.sheet(sheet);
    const totals = [...s.cells.entries()].filter(([, c]) => c.formula);
    expect(totals.length).toBeGreaterThan(10);
    const expected = new Map(totals.map(([k, c]) => [k, c.value]));
    for (const [, c] of totals) {
      c.formula = null;
      c.value = null;
    }
    const out = await checkHost(host, 'active', 'zh');
    const writes = await blankTotals(out.located);
    expect(writes.length).toBe(totals.length);
    await host.writeValues(writes);
    for (const [k, v] of expected) expect(s.cells.get(k)!.value, k).toBe(v);
    const after = await checkHost(host, 'active', 'zh');
    expect(after.reports[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
