import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { formCells, formForYear, getForm } from '../core/forms';
import { readReports } from '../core/read';
import { derivedCells } from '../core/rules';
import { templateLayout } from '../core/template/layout';
import { writeTemplate } from '../core/template/xlsx';
import { recalc, tagAddresses, tagRows } from './template-helpers';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

describe.each([
  { year: 2020, format: '2019' },
  { year: 2021, format: '2021' },
  { year: 2025, format: '2021' },
])('template $year (format $format)', ({ year, format }) => {
  const form = formForYear(year);
  const agency = '某某县财政局';

  test('the year picks the format', () => {
    expect(form.key).toBe(format);
  });

  test('filled in its input cells only (exceljs), it reads back exactly, checks clean and its formulas give the checker’s sums', async () => {
    const dir = tempDir();
    const file = path.join(dir, `t${year}.xlsx`);
    fs.writeFileSync(file, await writeTemplate(form, { year, agency }));

    // A user with a spreadsheet program: types numbers into the unlocked cells only.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(wb.getWorksheet('xxgk_tag')!.state).toBe('veryHidden');
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    // Issue 19, defect 2: formatting allowed, so that the pane's marks (fills) and undo (number formats) work on it.
    expect(protection?.formatCells).toBe(true);
    const addr = tagAddresses(wb);
    const byAddr = new Map([...addr].map(([id, a]) => [a, id]));
    const inputs = consistentInputs(form, year);
    const unlocked: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false && cell.master === cell) unlocked.push(cell.address);
      }),
    );
    expect(new Set(unlocked)).toEqual(new Set([...inputs.keys()].map((id) => addr.get(id)!)));
    for (const a of unlocked) {
      const id = byAddr.get(a)!;
      ws.getCell(a).value = inputs.get(id)!.toNumber();
      expect(ws.getCell(a).dataValidation?.type, a).toBeTruthy();
    }
    // Formula cells are the derived ones, locked, without validation.
    const derived = derivedCells(form);
    for (const id of derived.keys()) {
      const cell = ws.getCell(addr.get(id)!);
      expect(cell.formula, id).toBeTruthy();
      expect(cell.dataValidation?.type, id).toBeFalsy();
    }
    // The spreadsheet program computes the formulas.
    expect(recalc(ws)).toBe(derived.size);
    await wb.xlsx.writeFile(file);

    const [report, ...more] = readReports(u8(fs.readFileSync(file)), file);
    expect(more).toHaveLength(0);
    expect(report.format).toBe(format);
    expect(report.year).toBe(year);
    expect(report.agency).toBe(agency);
    expect(report.notes).toEqual([]);
    expect(report.tables).toEqual(['T2', 'T3', 'T4']);
    expect(Object.keys(report.cells).sort()).toEqual([...formCells(form).keys()].sort());
    for (const [id, v] of inputs) expect(Dec.of(report.cells[id].raw as number).eq(v), id).toBe(true);

    const result = confront(report);
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
    // Cached results (what any reader sees before recalculation) equal the checker's sums of the parts.
    for (const [id, terms] of derived) {
      const sum = Dec.sum(terms.map((t) => Dec.of(report.cells[t.cell].raw as number).mul(t.coef)));
      expect(report.cells[id].formula, id).toBeTruthy();
      expect(Dec.of(report.cells[id].raw as number).eq(sum), `${id}: ${report.cells[id].raw} vs ${sum}`).toBe(true);
    }
  });

  test('a blank template reads back by its tag: every value cell, the defined names, print setup', async () => {
    const data = await writeTemplate(form, { year });
    const [report] = readReports(data, 'blank.xlsx');
    expect(report.format).toBe(format);
    expect(report.year).toBe(year);
    expect(report.agency).toBeNull();
    expect(Object.keys(report.cells)).toHaveLength(formCells(form).size);
    for (const [id, c] of Object.entries(report.cells)) if (!derivedCells(form).has(id)) expect(c.raw, id).toBeNull();
    expect(confront(report).findings.filter((f) => f.severity === 'error')).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const layout = templateLayout(form, { year });
    expect(ws.name).toBe(layout.sheetName);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBeTruthy();
    const tag = tagRows(wb);
    expect(tag.slice(0, 6)).toEqual([
      ['xxgk-template', 1],
      ['format', format],
      ['year', year],
      ['agency', ''],
      ['sheet', layout.sheetName],
      ['variants', ''],
    ]);
    for (const t of layout.tables) expect(wb.definedNames.getRanges(`XXGK_${t.key}`).ranges.length, t.key).toBe(1);
    // Merges as the layout says, and the title.
    expect(String(ws.getCell('A1').value)).toContain(`${year}年政府信息公开工作年度报告`);
    const merges = layout.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length;
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toHaveLength(merges);
  });
});

describe('layout', () => {
  test('表三 corner note spans the label columns over the header rows; headers merge where columns share a prefix', () => {
    const form = getForm('2021');
    const layout = templateLayout(form, { year: 2025 });
    const t3 = form.tables.find((t) => t.key === 'T3')!;
    const corner = layout.cells.find((c) => c.role === 'corner' && c.text === t3.blocks[0].corner)!;
    expect(corner.colSpan).toBe(t3.blocks[0].labelWidth);
    expect(corner.rowSpan).toBe(Math.max(...t3.blocks[0].columns.map((c) => c.header.length)));
    const top = layout.cells.find((c) => c.role === 'header' && c.text === t3.blocks[0].columns[0].header[0])!;
    expect(top.colSpan).toBe(t3.blocks[0].columns.length);
    // Cached per (form, year, agency).
    expect(templateLayout(form, { year: 2025 })).toBe(layout);
    expect(templateLayout(form, { year: 2024 })).not.toBe(layout);
  });

  test('every 表二 block has its caption merged across the table and its own header row', () => {
    for (const key of ['2019', '2021']) {
      const form = getForm(key);
      const layout = templateLayout(form, {});
      const t2 = layout.tables.find((t) => t.key === 'T2')!;
      const blocks = form.tables.find((t) => t.key === 'T2')!.blocks;
      const captions = layout.cells.filter((c) => c.role === 'caption');
      expect(captions.map((c) => c.text)).toEqual(blocks.map((b) => b.caption));
      for (const c of captions) expect(c.colSpan).toBe(t2.c1 - t2.c0 + 1);
      // Each data row covers the full table width.
      for (const b of blocks)
        for (const r of b.rows) {
          const row = layout.cells.filter((c) => c.cellId?.startsWith(`T2:${r.key}:`));
          const right = Math.max(...row.map((c) => c.c + c.colSpan - 1));
          expect(right).toBe(t2.c1);
        }
    }
  });
});
