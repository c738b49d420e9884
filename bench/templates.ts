/**
 * Template bench: 1,000 agency templates written by writeTemplate, against exceljs writing the
 * same cells (same values, merges and formulas) with no styles, validation or tag, in the same run.
 * Target: at most 2× the baseline.
 */
import ExcelJS from 'exceljs';
import { getForm } from '../core/forms';
import { templateLayout } from '../core/template/layout';
import { writeTemplate } from '../core/template/xlsx';

export interface TemplateBench {
  count: number;
  templateMs: number;
  baselineMs: number;
  ratio: number;
  bytes: number;
}

async function baseline(year: number, agency: string): Promise<number> {
  const form = getForm('2021');
  const layout = templateLayout(form, { year, agency });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(layout.sheetName);
  for (const cell of layout.cells) {
    const x = ws.getCell(cell.r + 1, cell.c + 1);
    if (cell.formula) x.value = { formula: cell.formula, result: 0 } as ExcelJS.CellFormulaValue;
    else if (cell.text) x.value = cell.text;
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(cell.r + 1, cell.c + 1, cell.r + cell.rowSpan, cell.c + cell.colSpan);
  }
  const buf = await wb.xlsx.writeBuffer();
  return (buf as ArrayBuffer).byteLength;
}

export async function benchTemplates(count = 1000, year = 2025): Promise<TemplateBench> {
  const form = getForm('2021');
  const agencies = Array.from({ length: count }, (_, i) => `某某县第${i + 1}局`);
  // Warm up both paths (module loading, JIT) before timing.
  await writeTemplate(form, { year, agency: 'warm-up' });
  await baseline(year, 'warm-up');
  let bytes = 0;
  // Interleave in rounds so that machine noise hits both sides alike.
  let templateMs = 0;
  let baselineMs = 0;
  const round = 50;
  for (let i = 0; i < count; i += round) {
    const slice = agencies.slice(i, i + round);
    let t = performance.now();
    for (const agency of slice) bytes += (await writeTemplate(form, { year, agency })).byteLength;
    templateMs += performance.now() - t;
    t = performance.now();
    for (const agency of slice) await baseline(year, agency);
    baselineMs += performance.now() - t;
  }
  return { count, templateMs, baselineMs, ratio: templateMs / baselineMs, bytes };
}

if (require.main === module) {
  benchTemplates(Number(process.argv[2] ?? 1000)).then((r) => {
    process.stdout.write(
      `templates: ${r.count} written in ${(r.templateMs / 1000).toFixed(1)} s; exceljs without styles ${(r.baselineMs / 1000).toFixed(1)} s; ratio ${r.ratio.toFixed(2)}× (target ≤ 2×)\n`,
    );
  });
}
