/** Reports made in memory from a form and values (for rule and checker tests; readers have real files). */
import { formCells, getForm, withVariants } from '../../core/forms';
import type { CellRead, ReportData } from '../../core/model/report';
import { a1 } from '../../core/read/grid';
import { Dec } from '../../core/model/decimal';
import type { FormSpec } from '../../core/forms';
import { derivedParts } from '../../core/template/derive';
import { rng } from './temp';

export type Raw = CellRead['raw'];

/**
 * A report of the given format with every value cell present. Cells get distinct addresses on
 * sheet "S" (one row per form row, one column per column), zeros unless given.
 */
export function syntheticReport(
  format: string,
  values: Record<string, Raw> = {},
  opts: { variants?: string[]; year?: number | null; fill?: Raw; formulas?: Record<string, string> } = {},
): ReportData {
  const form = withVariants(getForm(format), opts.variants ?? []);
  const cells: Record<string, CellRead> = {};
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  for (const [id, spec] of formCells(form)) {
    const rk = `${spec.table.key}:${spec.row.key}`;
    if (!rowIndex.has(rk)) rowIndex.set(rk, rowIndex.size);
    const ck = `${spec.table.key}:${spec.column.key}`;
    if (!colIndex.has(ck)) colIndex.set(ck, colIndex.size % 20);
    const raw = id in values ? values[id] : opts.fill === undefined ? 0 : opts.fill;
    cells[id] = {
      ref: `S!${a1(rowIndex.get(rk)!, colIndex.get(ck)!)}`,
      raw,
      ...(opts.formulas?.[id] ? { formula: opts.formulas[id] } : {}),
    };
  }
  return {
    format,
    variants: opts.variants,
    year: opts.year === undefined ? null : opts.year,
    agency: null,
    sheet: 'S',
    cells,
    notes: [],
    tables: ['T2', 'T3', 'T4'],
  };
}

/** 表三's one balance between rows: new (R1) + carried over (R2) = results (R3.7) + carried forward (R4). */
function newApplications(results: Dec, carriedOver: Dec, carriedForward: Dec): Dec {
  return results.add(carriedForward).sub(carriedOver);
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
    out.set(`T3:R1:${col}`, newApplications(Dec.sum(results), r2, r4));
  }
  return out;
}

/**
 * A balanced 表三/表四 with a fixed pattern of small numbers (表二 left to the caller): the values
 * the checker's and readers' tests are written against. consistentInputs above gives random
 * inputs for every table.
 */
export function balancedValues(format: string, seed = 1): Record<string, Raw> {
  const form = getForm(format);
  const t3 = form.tables.find((t) => t.key === 'T3')!.blocks[0];
  const v: Record<string, Raw> = {};
  const cols = t3.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  const results = t3.rows.map((r) => r.key).filter((k) => /^R3\.[1-6]/.test(k));
  const rowTotal = new Map<string, number>();
  cols.forEach((c, ci) => {
    let sum = 0;
    results.forEach((r, ri) => {
      const x = (ri * 7 + ci * 3 + seed) % 5;
      v[`T3:${r}:${c}`] = x;
      sum += x;
    });
    const r4 = (ci + seed) % 3;
    const r2 = (ci * 2 + seed) % 4;
    const r1 = newApplications(Dec.of(sum), Dec.of(r2), Dec.of(r4)).toNumber();
    Object.assign(v, { [`T3:R3.7:${c}`]: sum, [`T3:R4:${c}`]: r4, [`T3:R2:${c}`]: r2, [`T3:R1:${c}`]: r1 });
  });
  for (const r of t3.rows)
    rowTotal.set(
      r.key,
      cols.reduce((s, c) => s + (v[`T3:${r.key}:${c}`] as number), 0),
    );
  for (const [r, t] of rowTotal) v[`T3:${r}:total`] = t;
  for (const g of ['review', 'suit', 'suit_after_review']) {
    const parts = [1 + seed, 2, 0, 1];
    ['upheld', 'corrected', 'other', 'pending'].forEach((k, i) => (v[`T4:R1:${g}.${k}`] = parts[i]));
    v[`T4:R1:${g}.total`] = parts.reduce((a, b) => a + b, 0);
  }
  return v;
}

/**
 * A balanced report with the long figures of a big city's 表三 (about a third of the parts 0,
 * the rest of 1–2, 4 and 5 digits; totals of 6 and 7), 表四 as balancedValues gives it (表二 to
 * fullValues): in a table set to the page's width these wrap inside their cells.
 */
export function longFigures(format: string, seed = 1): Record<string, Raw> {
  const v: Record<string, Raw> = balancedValues(format, seed);
  const t3 = getForm(format).tables.find((t) => t.key === 'T3')!.blocks[0];
  const cols = t3.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  const rand = rng(seed);
  const part = () => {
    const r = rand();
    if (r < 0.3) return 0;
    if (r < 0.5) return 1 + Math.floor(rand() * 90);
    return r < 0.8 ? 1000 + Math.floor(rand() * 9000) : 10000 + Math.floor(rand() * 90000);
  };
  for (const c of cols) {
    let sum = 0;
    for (const r of t3.rows.map((x) => x.key).filter((k) => /^R3\.[1-6]/.test(k))) {
      const x = part();
      v[`T3:${r}:${c}`] = x;
      sum += x;
    }
    const r2 = Math.floor(rand() * 300);
    const r4 = Math.floor(rand() * 3000);
    Object.assign(v, { [`T3:R3.7:${c}`]: sum, [`T3:R2:${c}`]: r2, [`T3:R4:${c}`]: r4, [`T3:R1:${c}`]: sum + r4 - r2 });
  }
  for (const r of t3.rows) v[`T3:${r.key}:total`] = cols.reduce((s, c) => s + (v[`T3:${r.key}:${c}`] as number), 0);
  return v;
}
