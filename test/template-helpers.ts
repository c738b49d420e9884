/** Shared by the template, fill and sum tests: recalculation like a spreadsheet's, the template's tag. */
import ExcelJS from 'exceljs';
import { Dec } from '../core/model/decimal';
import { CONSTANT, linearFormula, splitRef } from '../core/formula';

/**
 * Evaluates the formulas a template writes over a worksheet, exactly, with the same reading of a
 * formula as the checker's (core/formula.ts), and stores each result as the cached value, as a
 * spreadsheet program would.
 */
export function recalc(ws: ExcelJS.Worksheet): number {
  const formulas: ExcelJS.Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) formulas.push(cell);
    }),
  );
  const value = (r: number, c: number): Dec => {
    const v = ws.getCell(r + 1, c + 1).value as unknown;
    if (typeof v === 'number') return Dec.of(v);
    if (v && typeof v === 'object' && 'result' in (v as object)) return Dec.of(Number((v as { result: number }).result ?? 0));
    return Dec.ZERO;
  };
  const evalFormula = (f: string): Dec => {
    const terms = linearFormula(f, ws.name, { constants: true });
    if (!terms) throw new Error(`not a template formula: ${f}`);
    let acc = Dec.ZERO;
    for (const [key, coef] of terms) {
      const at = key === CONSTANT ? null : splitRef(key);
      acc = acc.add((at ? value(at.r, at.c) : Dec.of(1)).mul(Dec.of(coef)));
    }
    return acc;
  };
  // Totals of totals: repeat until nothing changes (the formulas have no cycles).
  for (let pass = 0; pass < 5; pass++)
    for (const cell of formulas)
      cell.value = { formula: cell.formula, result: evalFormula(cell.formula).toNumber() } as ExcelJS.CellFormulaValue;
  return formulas.length;
}

/** The tag sheet as rows. */
export function tagRows(wb: ExcelJS.Workbook): (string | number | null)[][] {
  const tag = wb.getWorksheet('xxgk_tag')!;
  const rows: (string | number | null)[][] = [];
  tag.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

export function tagAddresses(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of tagRows(wb)) {
    if (r[0] === 'cell') out.set(String(r[1]), String(r[2]));
    if (r[0] === 'cells')
      for (const item of String(r[1]).split(';')) {
        const [id, addr] = item.split('=');
        out.set(id, addr);
      }
  }
  return out;
}
