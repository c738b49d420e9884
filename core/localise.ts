/**
 * Error localisation: the smallest sets of cells whose change satisfies every violated equation
 * without breaking a satisfied one, each cell with the value that would do it.
 *
 * The search is a bounded hitting-set search: every explanation must touch each violated
 * equation, so branching is only over the cells of the first equation not yet touched (or, once
 * all are touched, over cells sharing an equation with the chosen ones). Each candidate set is
 * solved exactly over the rationals.
 */

import { qdiv, qmul, qsub, qzero, rational, ZERO, type Rational } from './rational';

type Q = Rational;

export interface LinearSystem {
  /** Equations as sparse rows: variable index → coefficient (scaled to integers), and the current residual (Σ a·x − b). */
  equations: { coefs: Map<number, bigint>; residual: bigint }[];
  /** Variables that may be suspects. */
  candidates: Set<number>;
  /** Variables whose value is unknown (text cells): solved for, never counted. */
  free: Set<number>;
  /** Whether a change d of variable v is acceptable (whole counts ≥ 0 …). */
  acceptable?: (v: number, change: Q) => boolean;
}

export interface Explanation {
  /** Variable → change that, applied together, satisfies every equation. */
  changes: Map<number, Q>;
  /** Values the free variables take then, where determined. */
  freeValues: Map<number, Q>;
}

/** All smallest explanations with at most maxSize cells (empty when none is that small). */
export function explain(sys: LinearSystem, maxSize = 3, maxNodes = 200_000): Explanation[] {
  const violated = sys.equations.map((e, i) => (e.residual !== 0n ? i : -1)).filter((i) => i >= 0);
  if (!violated.length) return [];
  // The unknowns alone (text cells, blank totals) may balance everything: nothing else need change.
  const base = sys.free.size ? solve(sys, []) : null;
  if (base) return [base];
  const eqsOf = new Map<number, number[]>();
  sys.equations.forEach((e, i) => {
    for (const v of e.coefs.keys()) {
      let l = eqsOf.get(v);
      if (!l) eqsOf.set(v, (l = []));
      l.push(i);
    }
  });
  const touches = (set: Iterable<number>) => {
    const s = new Set<number>();
    for (const v of set) for (const e of eqsOf.get(v) ?? []) s.add(e);
    return s;
  };
  const freeTouch = touches(sys.free);
  let nodes = 0;
  for (let k = 1; k <= maxSize; k++) {
    const found = new Map<string, Explanation>();
    const seen = new Set<string>();
    const visit = (chosen: number[]) => {
      if (++nodes > maxNodes) return;
      const key = [...chosen].sort((a, b) => a - b).join(',');
      if (seen.has(key)) return;
      seen.add(key);
      const touched = touches(chosen);
      // Branch on the violated equation with the fewest cells not yet hit: every explanation must hit it too.
      let unhit: number | undefined;
      for (const e of violated) {
        if (touched.has(e) || freeTouch.has(e)) continue;
        if (unhit === undefined || sys.equations[e].coefs.size < sys.equations[unhit].coefs.size) unhit = e;
      }
      if (chosen.length === k) {
        if (unhit !== undefined) return;
        const sol = solve(sys, chosen);
        if (sol && [...sol.changes].every(([v, d]) => !qzero(d) && (!sys.acceptable || sys.acceptable(v, d)))) found.set(key, sol);
        return;
      }
      // Any explanation containing `chosen` must hit the first unhit violated equation; if all are hit, it must share an equation with what is chosen.
      const pool =
        unhit !== undefined
          ? [...sys.equations[unhit].coefs.keys()]
          : [...new Set([...touched, ...freeTouch].flatMap((e) => [...sys.equations[e].coefs.keys()]))];
      for (const v of pool) if (sys.candidates.has(v) && !chosen.includes(v)) visit([...chosen, v]);
    };
    visit([]);
    if (found.size) return [...found.values()];
    if (nodes > maxNodes) break;
  }
  return [];
}

/** Solve A·d = −r for the chosen variables (and the free ones); null when inconsistent or the chosen changes are not determined. */
function solve(sys: LinearSystem, chosen: number[]): Explanation | null {
  const vars = [...chosen, ...sys.free];
  const col = new Map(vars.map((v, i) => [v, i]));
  const n = vars.length;
  const rows: Q[][] = [];
  // Only equations the chosen or free cells appear in can change; any other must already hold.
  for (const e of sys.equations) {
    let any = false;
    for (const v of e.coefs.keys())
      if (col.has(v)) {
        any = true;
        break;
      }
    if (!any) {
      if (e.residual !== 0n) return null;
      continue;
    }
    const row: Q[] = Array.from({ length: n + 1 }, () => ZERO);
    for (const [v, a] of e.coefs) {
      const j = col.get(v);
      if (j !== undefined) row[j] = [a, 1n];
    }
    row[n] = [-e.residual, 1n];
    rows.push(row);
  }
  // Gauss–Jordan elimination.
  const pivotOf: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && !qzero(row[c]));
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    const piv = rows[r][c];
    rows[r] = rows[r].map((x) => qdiv(x, piv));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || qzero(rows[i][c])) continue;
      const f = rows[i][c];
      rows[i] = rows[i].map((x, j) => qsub(x, qmul(f, rows[r][j])));
    }
    pivotOf[c] = r;
    r++;
  }
  for (let i = r; i < rows.length; i++) if (!qzero(rows[i][n])) return null;
  const changes = new Map<number, Q>();
  const freeValues = new Map<number, Q>();
  for (let c = 0; c < n; c++) {
    const pr = pivotOf[c];
    const determined = pr !== undefined && rows[pr].every((x, j) => j === c || j === n || qzero(x));
    if (c < chosen.length) {
      if (!determined) return null;
      changes.set(vars[c], rows[pr][n]);
    } else if (determined) freeValues.set(vars[c], rows[pr][n]);
  }
  return { changes, freeValues };
}

/**
 * The value of free variable v when nothing else changes: the equations holding v as their only
 * free variable each give one; null when none does or two disagree.
 */
export function solveFree(sys: LinearSystem, v: number): Rational | null {
  let val: Rational | null = null;
  for (const e of sys.equations) {
    const a = e.coefs.get(v);
    if (!a || [...e.coefs.keys()].some((k) => k !== v && sys.free.has(k))) continue;
    const x = rational(-e.residual, a);
    if (val && (val[0] !== x[0] || val[1] !== x[1])) return null;
    val = x;
  }
  return val;
}
