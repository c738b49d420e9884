/**
 * A government's report covering its departments (全县) against the sum of their reports of the
 * same year (evaluation.md: KIROGOVCOMPARE's parent = Σ children, 下级缺报): 表三's total column
 * (R1, R2, every R3 row, R4) and every cell of 表四. A difference is named with both figures, the
 * departments missing from the sum, and the department cell most likely wrong when one department's
 * own table does not balance at that cell. Warnings, not failures, where the sum may rightly
 * differ: 表四's suits (国办公开办函〔2016〕201号: a suit naming the 复议机关 as co-defendant counts
 * for the original body only), and any sum with a department missing. When the government's
 * figures are exactly the sum without one department, that one warning is said instead.
 */
import { formCells, getForm, withVariants } from '../forms';
import { errorsOf } from '../model/findings';
import type { CellRead } from '../model/report';
import type { Placed } from './place';
import { figure } from './chain';

export interface Department {
  agency: string;
  /** Its report of the year, or null: missing from the sum (none, or of another format). */
  report: Placed | null;
}

export interface SumDifference {
  kind: 'sum' | 'sum_litigation' | 'left_out' | 'sum_incomplete';
  /** sum_incomplete: how many cells the government's figure is above the sum (the first is `cell`). */
  cells?: number;
  /** The government's cell (absent for left_out). */
  cell: string | null;
  ref: string | null;
  actual: number | null;
  /** The sum of the departments' cells. */
  expected: number | null;
  summed: string[];
  missing: string[];
  /** The department left out (left_out), or the department whose cell is most likely wrong. */
  suspect: { agency: string; file: string; ref: string | null; value: number | null } | null;
  warning: boolean;
}

/** A cell left blank or with a placeholder counts as 0 in a sum; other text cannot be summed. */
function summand(c: CellRead | undefined): number | null {
  const v = figure(c);
  if (v !== null) return v;
  if (!c || c.raw === null || (typeof c.raw === 'string' && /^\s*([/／\\\-－—–―]{1,3}|无)?\s*$/.test(c.raw))) return 0;
  return null;
}

/** The cells compared: 表三's total column and all of 表四, as the government's format has them. */
export function comparedCells(format: string, variants: string[] = []): string[] {
  return [...formCells(withVariants(getForm(format), variants)).keys()].filter(
    (id) => (id.startsWith('T3:') && id.endsWith(':total')) || id.startsWith('T4:'),
  );
}

const isSuit = (id: string) => /^T4:[^:]+:suit/.test(id);

/** Cells a department's own check found in error (its table does not balance there). */
function unbalanced(p: Placed): Set<string> {
  const out = new Set<string>();
  for (const f of errorsOf(p.result)) for (const c of f.cells) out.add(`${c.table}:${c.row}:${c.column}`);
  return out;
}

export function sumAgainst(gov: Placed, departments: readonly Department[]): SumDifference[] {
  const present = departments.filter((d) => d.report && d.report.report.format === gov.report.format) as {
    agency: string;
    report: Placed;
  }[];
  const missing = departments.filter((d) => !present.includes(d as never)).map((d) => d.agency);
  const summed = present.map((d) => d.agency);
  const rows: { id: string; ref: string; actual: number; expected: number; values: (number | null)[] }[] = [];
  for (const id of comparedCells(gov.report.format, gov.report.variants)) {
    const own = gov.report.cells[id];
    const actual = figure(own);
    if (actual === null || !present.length) continue;
    const values = present.map((d) => summand(d.report.report.cells[id]));
    if (values.some((v) => v === null)) continue;
    rows.push({ id, ref: own.ref, actual, expected: values.reduce<number>((s, v) => s + (v ?? 0), 0), values });
  }
  const differing = rows.filter((r) => r.actual !== r.expected);
  if (!differing.length) return [];
  // The government's figures are the sum of all but one department, in every cell compared.
  const leftOut = present.filter((_, k) => rows.every((r) => r.actual === r.expected - (r.values[k] ?? 0)));
  if (leftOut.length === 1) {
    const d = leftOut[0];
    return [
      {
        kind: 'left_out',
        cell: null,
        ref: null,
        actual: null,
        expected: null,
        summed,
        missing,
        suspect: { agency: d.agency, file: d.report.file, ref: null, value: null },
        warning: true,
      },
    ];
  }
  const wrong = present.map((d) => unbalanced(d.report));
  // With departments missing, a government's figure above the sum is what their reports would add:
  // one warning for all such cells; a figure below the sum of the others is said cell by cell.
  const above = missing.length ? differing.filter((r) => r.actual > r.expected) : [];
  const incomplete: SumDifference[] = above.length
    ? [
        {
          kind: 'sum_incomplete',
          cells: above.length,
          cell: above[0].id,
          ref: above[0].ref,
          actual: above[0].actual,
          expected: above[0].expected,
          summed,
          missing,
          suspect: null,
          warning: true,
        },
      ]
    : [];
  return incomplete.concat(
    differing
      .filter((r) => !above.includes(r))
      .map((r) => {
        const suspects = present.filter((_, k) => wrong[k].has(r.id));
        const s = suspects.length === 1 ? suspects[0] : null;
        const cell = s?.report.report.cells[r.id];
        return {
          kind: isSuit(r.id) ? 'sum_litigation' : 'sum',
          cell: r.id,
          ref: r.ref,
          actual: r.actual,
          expected: r.expected,
          summed,
          missing,
          suspect: s ? { agency: s.agency, file: s.report.file, ref: cell?.ref ?? null, value: figure(cell) } : null,
          warning: isSuit(r.id) || missing.length > 0,
        };
      }),
  );
}
