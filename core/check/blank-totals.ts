/**
 * Totals a report leaves blank while their parts are written (published tables often print no
 * 总计 at all): an omitted total, not a figure of 0. Which cells are totals is the form's own
 * word, its `[total]` rules (total == sum of parts), never a label; a blank total that is itself
 * a part of a higher one is taken bottom-up. The equations judge each omitted total as the sum of
 * its parts (as recalc.ts's computed formulas are), so a blank total alone makes no imbalance, and
 * one warning (`cell.total_blank`) names them with the value each should hold. Only nothing
 * written is omitted: a total written as 0 is evidence and judged as written; a placeholder
 * ("/", "—") is someone's answer and stays `cell.blank`; a formula is recalc.ts's.
 */
import { Dec } from '../model/decimal';
import type { Finding, Lang } from '../model/findings';
import { placeName, say } from '../messages';
import { builtinRule } from '../rules/builtin';
import type { RuleSet, Side } from '../rules';
import { findingCell, type Cell } from './cell';
import { cellName } from './wording';

/** Omitted totals named in the sentence; all of them are in the finding's cells. */
const SHOWN = 6;

/**
 * What a part adds to its total: null when it cannot be known (text, an uncomputed formula, a cell
 * the report lacks). `unsure` when a figure in it may be rounded or was read with doubt: a sum of
 * such figures accuses no one either (its equations are warnings, as theirs are).
 */
type Summed = { value: Dec; written: boolean; unsure: boolean } | null;

/** An omitted total: the sum of its parts, and whether a figure in that sum is unsure. */
export interface OmittedTotal {
  value: Dec;
  unsure: boolean;
}

const ways = new WeakMap<RuleSet, Map<string, Side[]>>();

/** Each total's ways of being summed, from the form's `[total]` rules in their order (once per rule set). */
function totalRules(rules: RuleSet): Map<string, Side[]> {
  const hit = ways.get(rules);
  if (hit) return hit;
  const out = new Map<string, Side[]>();
  for (const inst of rules.instances) {
    const { lhs, rhs } = inst;
    if (!inst.family.total || inst.cross || inst.op !== '==' || lhs.terms.length !== 1 || !lhs.constant.isZero()) continue;
    if (!lhs.terms[0].coef.eq(Dec.of(1))) continue;
    const id = lhs.terms[0].cell;
    out.set(id, [...(out.get(id) ?? []), rhs]);
  }
  ways.set(rules, out);
  return out;
}

/**
 * The report's omitted totals with the sum each stands for (cell id → value), in the report's
 * cell order: blank (nothing written, no formula, read without doubt), with at least one part
 * written, directly or through a part that is itself an omitted total. Blank parts count as 0,
 * as everywhere in the equations.
 */
export function omittedTotals(rules: RuleSet, cells: Map<string, Cell>, unknown: { has(id: string): boolean }): Map<string, OmittedTotal> {
  const sums = totalRules(rules);
  const memo = new Map<string, Summed>();
  const visiting = new Set<string>();
  const omittable = (c: Cell) =>
    c.value.kind === 'blank' && !c.value.placeholder && !c.read.formula && !c.read.doubt && !unknown.has(c.id) && sums.has(c.id);

  const sideSum = (side: Side): Summed => {
    let value = side.constant;
    let written = false;
    let unsure = false;
    for (const t of side.terms) {
      const p = part(t.cell);
      if (!p) return null;
      value = value.add(t.coef.mul(p.value));
      written ||= p.written;
      unsure ||= p.unsure;
    }
    return { value, written, unsure };
  };
  /** A blank total's sum by its first rule whose parts are written; null when none is. */
  const total = (id: string): Summed => {
    if (memo.has(id)) return memo.get(id)!;
    visiting.add(id);
    let got: Summed = null;
    for (const side of sums.get(id)!) {
      const s = sideSum(side);
      if (s?.written) {
        got = s;
        break;
      }
    }
    visiting.delete(id);
    memo.set(id, got);
    return got;
  };
  const part = (id: string): Summed => {
    const c = cells.get(id);
    if (!c || unknown.has(id) || c.value.kind === 'text') return null;
    if (c.value.kind === 'number') return { value: c.value.value, written: true, unsure: !!c.value.inexact || !!c.read.doubt };
    const none = { value: Dec.ZERO, written: false, unsure: !!c.read.doubt };
    if (omittable(c) && !visiting.has(id)) return total(id) ?? none;
    return none;
  };

  const out = new Map<string, OmittedTotal>();
  for (const c of cells.values()) {
    if (!omittable(c)) continue;
    const s = total(c.id);
    if (s) out.set(c.id, { value: s.value, unsure: s.unsure });
  }
  return out;
}

/** The cells as the equations judge them: each omitted total holding the sum of its parts (said as blank where shown). */
export function withOmittedTotals(cells: Map<string, Cell>, omitted: Map<string, OmittedTotal>): Map<string, Cell> {
  if (!omitted.size) return cells;
  const out = new Map(cells);
  for (const [id, { value, unsure }] of omitted)
    // An unsure sum is marked as a number that may be rounded: the equations with it warn, never accuse.
    out.set(id, { ...cells.get(id)!, value: { kind: 'number', value, ...(unsure ? { inexact: true } : {}) }, omittedTotal: true });
  return out;
}

/** One warning for the report's omitted totals: each named, with the sum of its parts as the value to fill in. */
export function totalBlankFinding(omitted: Map<string, OmittedTotal>, cells: Map<string, Cell>, lang: Lang): Finding | null {
  if (!omitted.size) return null;
  const rule = 'cell.total_blank';
  const list = [...omitted].map(([id, { value }]) => ({ cell: cells.get(id)!, value }));
  return {
    rule,
    instance: null,
    severity: builtinRule(rule).severity,
    message: say(lang, 'check.total_blank', {
      count: list.length,
      totals: list.slice(0, SHOWN).map(({ cell, value }) => ({
        name: cellName(cell.spec, lang),
        ref: placeName(lang, cell.read.ref.replace(/^.*!/, '')),
        value: String(value),
      })),
      more: Math.max(0, list.length - SHOWN),
    }),
    // Each cell as read (blank); the sums are in the message. No suspects: they are alternatives, and every one of these is to be filled.
    cells: list.map(({ cell }) => findingCell(cell)),
    suspects: [],
  };
}
