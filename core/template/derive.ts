/**
 * Derived cells of a form (totals the template computes with formulas, and `fill` computes from
 * their parts), and their exact evaluation. The parts come from the rules marked `total` in the
 * form's rule texts.
 */
import type { FormSpec } from '../forms';
import { compileRules, derivedCells } from '../rules';
import { Dec } from '../model/decimal';
import { FormError } from '../forms/validate';
import { sayBoth } from '../messages';

export interface Part {
  cell: string;
  coef: number;
}

const partsCache = new WeakMap<FormSpec, Map<string, Part[]>>();

/**
 * Each derived cell's parts (cellId → parts), in an order where every part that is itself derived
 * comes before the cells that use it.
 */
export function derivedParts(form: FormSpec): Map<string, Part[]> {
  let m = partsCache.get(form);
  if (!m) {
    const defs = new Map<string, Part[]>();
    for (const [id, terms] of derivedCells(form))
      defs.set(
        id,
        terms.filter((t) => !t.prior).map((t) => ({ cell: t.cell, coef: t.coef.toNumber() })),
      );
    m = topoOrder(defs);
    partsCache.set(form, m);
  }
  return m;
}

function topoOrder(defs: Map<string, Part[]>): Map<string, Part[]> {
  const out = new Map<string, Part[]>();
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id) || !defs.has(id)) return;
    if (visiting.has(id)) throw new FormError(sayBoth('check.total_cycle', { cell: id }));
    visiting.add(id);
    for (const p of defs.get(id)!) visit(p.cell);
    visiting.delete(id);
    out.set(id, defs.get(id)!);
  };
  for (const id of defs.keys()) visit(id);
  return out;
}

/** Is this cell derived (a total) in the form? */
export const isDerived = (form: FormSpec, id: string) => derivedParts(form).has(id);

/**
 * Evaluates every derived cell from the given values (blank = null). A derived cell gets a value
 * only when all its parts have one; `given` values of derived cells are used as they are when
 * `keepGiven` says so (a filled workbook's own totals), otherwise recomputed.
 */
export function evaluateDerived(form: FormSpec, values: Map<string, Dec | null>, keepGiven = false): Map<string, Dec | null> {
  const out = new Map(values);
  for (const [id, parts] of derivedParts(form)) {
    if (keepGiven && out.get(id) != null) continue;
    let acc: Dec | null = Dec.ZERO;
    for (const p of parts) {
      const v = out.get(p.cell);
      if (v == null) {
        acc = null;
        break;
      }
      acc = acc.add(p.coef === 1 ? v : v.mul(Dec.of(p.coef)));
    }
    out.set(id, acc);
  }
  return out;
}

/** A cross-year relation of the form (rules using prior(...)), one per instance: target == Σ coef·term. */
export interface PriorRelation {
  rule: string;
  /** The current-year cell on the left-hand side. */
  target: string;
  terms: { cell: string; coef: Dec; prior: boolean }[];
}

export function priorRelations(form: FormSpec): PriorRelation[] {
  const out: PriorRelation[] = [];
  for (const inst of compileRules(form).instances) {
    if (!inst.cross || inst.op !== '==' || inst.lhs.terms.length !== 1 || inst.lhs.terms[0].prior) continue;
    if (!inst.lhs.constant.isZero() || !inst.rhs.constant.isZero()) continue;
    out.push({ rule: inst.family.id, target: inst.lhs.terms[0].cell, terms: inst.rhs.terms });
  }
  return out;
}

/** A value to write: exact decimal, plain number, text as written, or blank. */
export type WriteValue = Dec | number | string | null;

export const toDec = (v: WriteValue | undefined): Dec | null =>
  v instanceof Dec ? v : typeof v === 'number' && Number.isFinite(v) ? Dec.of(v) : null;

/** What a derived cell becomes when a report is written. */
export interface DerivedPlan {
  /** 'formula': written as its formula, `value` is the cached result; 'kept': the written total disagrees with its parts (or its parts are unknown) and is kept as written; 'blank': no value can be known. */
  status: 'formula' | 'kept' | 'blank';
  value: Dec | string | null;
  /** The sum of the parts, when every part is a number. */
  sum: Dec | null;
  /** Parts that are blank or not numbers (why the sum is unknown). */
  missing: string[];
}

/**
 * Plans every derived cell of the form from the given values, in dependency order. A derived cell
 * that holds a value keeps it; otherwise it is computed only when all its parts are numbers, or,
 * with blankAsZero (a spreadsheet's view of a blank template), with blanks and text as 0.
 */
export function planDerived(form: FormSpec, given: ReadonlyMap<string, WriteValue>, blankAsZero: boolean): Map<string, DerivedPlan> {
  const derived = derivedParts(form);
  const plans = new Map<string, DerivedPlan>();
  const valueOf = (id: string): Dec | null => {
    const plan = plans.get(id);
    if (plan) return plan.value instanceof Dec ? plan.value : null;
    return toDec(given.get(id) ?? null) ?? (blankAsZero ? Dec.ZERO : null);
  };
  for (const [id, parts] of derived) {
    const missing: string[] = [];
    let sum: Dec | null = Dec.ZERO;
    for (const p of parts) {
      const v = valueOf(p.cell);
      if (v == null) {
        missing.push(p.cell);
        sum = null;
        continue;
      }
      if (sum) sum = sum.add(p.coef === 1 ? v : v.mul(Dec.of(p.coef)));
    }
    const ownRaw = given.get(id) ?? null;
    const own = ownRaw instanceof Dec || typeof ownRaw === 'number' ? toDec(ownRaw) : ownRaw;
    if (own != null && own !== '') {
      if (sum && own instanceof Dec && own.eq(sum)) plans.set(id, { status: 'formula', value: sum, sum, missing });
      else plans.set(id, { status: 'kept', value: own, sum, missing });
    } else if (sum) plans.set(id, { status: 'formula', value: sum, sum, missing });
    else plans.set(id, { status: 'blank', value: null, sum: null, missing });
  }
  return plans;
}
