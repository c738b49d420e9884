/**
 * Equation evaluation: each rule instance computed exactly from the cells' values, a finding
 * when it does not hold (blank cells count as 0, as in the spreadsheet; a total left blank with
 * its parts written as their sum, check/blank-totals.ts).
 */
import { recalculate } from './recalc';
import { omittedTotals, withOmittedTotals } from './blank-totals';
import type { Dec } from '../model/decimal';
import type { Finding, Lang } from '../model/findings';
import type { ReportData } from '../model/report';
import { compileRules, type RuleInstance, type RuleSet, type Side } from '../rules';
import { findingCell, readCells, valueOf, type Cell } from './cell';
import { say } from '../messages';
import { describeSide, instanceName } from './wording';
import type { FormSpec } from '../forms';

function sideValue(side: Side, get: (id: string, prior: boolean) => Cell): Dec {
  let acc = side.constant;
  for (const t of side.terms) {
    const v = valueOf(get(t.cell, t.prior));
    // Blank cells count 0 and nearly every coefficient is 1: no product and no sum made for them (the same value).
    if (v.isZero()) continue;
    acc = acc.add(t.coef.isOne() ? v : t.coef.mul(v));
  }
  return acc;
}

function holds(op: RuleInstance['op'], l: Dec, r: Dec) {
  const c = l.cmp(r);
  return op === '==' ? c === 0 : op === '<=' ? c <= 0 : c >= 0;
}

/** One instance evaluated; a finding when it does not hold. */
export function evaluate(
  inst: RuleInstance,
  cur: (id: string) => Cell,
  prior: ((id: string) => Cell) | null,
  lang: Lang,
  priorRef?: (c: Cell) => string,
): Finding | null {
  const get = (id: string, p: boolean) => (p ? prior!(id) : cur(id));
  const l = sideValue(inst.lhs, get),
    r = sideValue(inst.rhs, get);
  if (holds(inst.op, l, r)) return null;
  const fam = inst.family;
  const terms = [...inst.lhs.terms, ...inst.rhs.terms];
  const cells = terms.map((t) => (t.prior ? findingCell(prior!(t.cell), priorRef!(prior!(t.cell))) : findingCell(cur(t.cell))));
  const blanks = terms.some((t) => get(t.cell, t.prior).value.kind === 'blank');
  const where = instanceName(inst, cur, lang);
  const side = (s: Side, v: Dec) =>
    describeSide(s, get, fam.scope.kind, lang) + (s.terms.length > 1 || !s.constant.isZero() ? ` = ${v}` : '');
  const message = say(lang, 'check.equation', {
    where,
    lhs: side(inst.lhs, l),
    rhs: side(inst.rhs, r),
    op: inst.op === '==' ? null : inst.op,
    blanks,
  });
  // For a total, the expected value is the sum of its parts; otherwise the left side as printed.
  const [expected, actual] = fam.total ? [r, l] : [l, r];
  // A cell whose number may be rounded (past 2^53, its digits unknown: cell.inexact) makes no error, only a warning.
  const inexact = terms.some((t) => {
    const v = get(t.cell, t.prior).value;
    return v.kind === 'number' && v.inexact;
  });
  // So does a figure the reader was not sure of (cell.uncertain says why): a doubt is never an accusation.
  const doubtful = terms.some((t) => !!get(t.cell, t.prior).read?.doubt);
  return {
    rule: fam.id,
    instance: inst.instance,
    severity: (inexact || doubtful) && fam.severity === 'error' ? 'warning' : fam.severity,
    message,
    cells,
    expected: expected.toNumber(),
    actual: actual.toNumber(),
    suspects: [],
  };
}

/** The cross-year (X.*) instances, evaluated against last year's report. */
export function crossYear(
  rules: RuleSet,
  cells: Map<string, Cell>,
  pform: FormSpec,
  prior: ReportData,
  priorName: string | null,
  lang: Lang,
  evaluated: Set<RuleInstance>,
  unknown: { has(id: string): boolean } = new Set<string>(),
): Finding[] {
  const read = readCells(pform, prior);
  // Last year's formulas recalculated too: a total saved without its result is not read as blank,
  // nor one left blank with its parts written (check/blank-totals.ts).
  const punknown = recalculate(read).unknown;
  const pcells = withOmittedTotals(read, omittedTotals(compileRules(pform), read, punknown));
  const out: Finding[] = [];
  const pref = (c: Cell) => (priorName ? `[${priorName}]${c.read.ref}` : c.read.ref);
  for (const inst of rules.instances) {
    if (!inst.cross) continue;
    const terms = [...inst.lhs.terms, ...inst.rhs.terms];
    if (!terms.every((t) => (t.prior ? pcells.has(t.cell) : cells.has(t.cell)))) continue;
    if (terms.some((t) => (t.prior ? punknown : unknown).has(t.cell))) continue;
    if (terms.some((t) => (t.prior ? pcells.get(t.cell)! : cells.get(t.cell)!).value.kind === 'text')) continue;
    evaluated.add(inst);
    const f = evaluate(
      inst,
      (id) => cells.get(id)!,
      (id) => pcells.get(id)!,
      lang,
      pref,
    );
    if (f) out.push(f);
  }
  return out;
}
