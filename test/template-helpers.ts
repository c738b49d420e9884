/** Shared by the template, fill and sum tests: consistent values, a tiny formula evaluator, temp dirs. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Dec } from '../core/model/decimal';
import { formCells, type FormSpec } from '../core/forms';
import { derivedParts } from '../core/template/derive';
import { CONSTANT, linearFormula, splitRef } from '../core/formula';

export function tempDir(prefix = 'xxgk-tpl-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A pseudo-random generator with a seed, so failures repeat. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Input values of a form that satisfy every rule: random counts, money with 4 decimals, signed
 * changes that may be negative, and 表三's R1 chosen so that R1 + R2 = R3.7 + R4 in each column.
 */
export function consistentInputs(form: FormSpec, seed = 1): Map<string, Dec> {
  const rand = rng(seed);
  const derived = derivedParts(form);
  const out = new Map<string, Dec>();
  for (const [id, spec] of formCells(form)) {
    if (derived.has(id)) continue;
    const n = Math.floor(rand() * 9);
    out.set(
      id,
      spec.kind === 'money'
        ? Dec.parse(`${n}.${String(Math.floor(rand() * 10000)).padStart(4, '0')}`)!
        : spec.kind === 'signed'
          ? Dec.of(n - 4)
          : Dec.of(n),
    );
  }
  const t3 = [...formCells(form).values()].filter((c) => c.table.key === 'T3');
  for (const col of new Set(t3.map((c) => c.column.key))) {
    if (derived.has(`T3:R1:${col}`)) continue;
    const results = t3
      .filter((c) => c.column.key === col && c.row.key.startsWith('R3.') && c.row.key !== 'R3.7')
      .map((c) => out.get(c.id)!);
    const r2 = out.get(`T3:R2:${col}`)!;
    const r4 = r2.add(Dec.of(Math.floor(rand() * 3)));
    out.set(`T3:R4:${col}`, r4);
    out.set(`T3:R1:${col}`, Dec.sum(results).add(r4).sub(r2));
  }
  return out;
}

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

export const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
