/**
 * The linear system error localisation works on (core/localise.ts), assembled from a report's
 * same-year equations: one variable per cell, formula cells following their inputs, every
 * coefficient and value scaled to integers so that the search is exact.
 */
import { Dec } from './model/decimal';
import type { ValueKind } from './forms';
import type { LinearSystem } from './localise';
import type { CellValue } from './model/values';
import { addToDecimal } from './rational';
import type { RuleInstance } from './rules';

/** What the system needs of a cell: its value and the kind of value it must hold. */
export interface SystemCell {
  value: CellValue;
  spec: { kind: ValueKind };
}

/** Formula cells: the cells each one adds up, with weights; opaque ones are no plain sum. */
export interface SystemFormulas {
  follows: Map<string, Map<string, number>>;
  opaque: Set<string>;
}

export interface ReportSystem {
  sys: LinearSystem;
  /** Cell id of each variable. */
  ids: string[];
  /** Variable of each cell id. */
  index: Map<string, number>;
}

const valueOf = (c: SystemCell): Dec => (c.value.kind === 'number' ? c.value.value : Dec.ZERO);

/**
 * One equation per instance. Unknowns, solved for rather than counted: text cells, and the
 * `blankTotal` cells (a total left blank is what it should be, not a wrong number).
 */
export function assembleSystem(
  insts: RuleInstance[],
  cells: Map<string, SystemCell>,
  links: SystemFormulas,
  blankTotal: (id: string) => boolean,
): ReportSystem {
  const ids = [...new Set(insts.flatMap((i) => i.cells))];
  const index = new Map(ids.map((id, k) => [id, k]));
  const { follows, opaque } = links;
  // The formulas each cell is an input of, with its weight, in the order of `follows`.
  const followers = new Map<string, [string, number][]>();
  for (const [f, inputs] of follows)
    for (const [id, w] of inputs) {
      if (!w) continue;
      let l = followers.get(id);
      if (!l) followers.set(id, (l = []));
      l.push([f, w]);
    }
  // Effect of changing a cell on every cell (itself plus the formulas that follow it, transitively).
  const effectCache = new Map<string, Map<string, number>>();
  const effect = (id: string, depth = 0): Map<string, number> => {
    const hit = effectCache.get(id);
    if (hit) return hit;
    const m = new Map<string, number>([[id, 1]]);
    if (depth < 8)
      for (const [f, w] of followers.get(id) ?? []) {
        for (const [k, x] of effect(f, depth + 1)) m.set(k, (m.get(k) ?? 0) + w * x);
      }
    effectCache.set(id, m);
    return m;
  };
  // Scale everything to integers.
  let scale = 0;
  for (const id of ids) scale = Math.max(scale, valueOf(cells.get(id)!).decimals);
  for (const i of insts) for (const t of [...i.lhs.terms, ...i.rhs.terms]) scale = Math.max(scale, t.coef.decimals);
  const toInt = (d: Dec) => d.n * 10n ** BigInt(scale - d.scale);
  // Each equation's direct coefficients, and which equations each cell is in.
  const directs = insts.map((inst) => {
    const direct = new Map<string, Dec>();
    for (const t of inst.lhs.terms) direct.set(t.cell, (direct.get(t.cell) ?? Dec.ZERO).add(t.coef));
    for (const t of inst.rhs.terms) direct.set(t.cell, (direct.get(t.cell) ?? Dec.ZERO).sub(t.coef));
    return direct;
  });
  const inEquations = new Map<string, { e: number; a: number }[]>();
  directs.forEach((direct, e) => {
    for (const [id, a] of direct) {
      let l = inEquations.get(id);
      if (!l) inEquations.set(id, (l = []));
      l.push({ e, a: a.toNumber() });
    }
  });
  const coefs = insts.map(() => new Map<number, number>());
  for (const id of ids) {
    // Changing a cell moves it and every formula that follows it: its column is the sum of their coefficients.
    const v = index.get(id)!;
    for (const [k, w] of effect(id)) for (const { e, a } of inEquations.get(k) ?? []) coefs[e].set(v, (coefs[e].get(v) ?? 0) + w * a);
  }
  const equations = insts.map((inst, e) => {
    let residual = inst.lhs.constant.neg().add(inst.rhs.constant);
    for (const [id, a] of directs[e]) if (cells.get(id)!.value.kind !== 'text') residual = residual.add(a.mul(valueOf(cells.get(id)!)));
    const ints = new Map<number, bigint>();
    for (const [v, a] of coefs[e]) if (a !== 0) ints.set(v, toInt(Dec.of(a)));
    return { coefs: ints, residual: toInt(residual) };
  });
  const sys: LinearSystem = {
    equations,
    candidates: new Set(
      ids
        .filter((id) => !follows.has(id) && !opaque.has(id) && cells.get(id)!.value.kind !== 'text' && !blankTotal(id))
        .map((id) => index.get(id)!),
    ),
    free: new Set(ids.filter((id) => cells.get(id)!.value.kind === 'text' || blankTotal(id)).map((id) => index.get(id)!)),
    // A change is acceptable when the new value is one the cell may hold (docs/formats.md, "Values").
    acceptable: (v, d) => {
      const c = cells.get(ids[v])!;
      const next = addToDecimal(valueOf(c), d);
      if (c.spec.kind === 'money') return next !== null && !next.isNegative() && next.decimals <= 4;
      return next !== null && next.isInteger() && (c.spec.kind === 'signed' || !next.isNegative());
    },
  };
  return { sys, ids, index };
}
