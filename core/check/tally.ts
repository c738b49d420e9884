/**
 * How many instances of each rule a check had, and how many it could evaluate: what
 * summariseFindings needs to say, like R validate's summary, passed, failed and skipped.
 */
import type { FormSpec } from '../forms';
import { formCells } from '../forms';
import type { RuleCount } from '../model/findings';
import type { ValueKind } from '../model/values';
import type { RuleInstance, RuleSet } from '../rules';
import { builtinRule } from '../rules/builtin';
import type { Cell } from './cell';

/** The cells each cell rule applies to (by value kind; all when absent), and whether it needs a number to be checked. */
const CELL_RULE_SCOPE: Record<string, { kinds?: ValueKind[]; needsNumber: boolean }> = {
  'cell.blank': { needsNumber: false },
  'cell.not_number': { needsNumber: false },
  'cell.text_number': { needsNumber: false },
  'cell.text_under_sum': { needsNumber: false },
  'cell.uncertain': { needsNumber: false },
  'cell.integer': { kinds: ['count', 'signed'], needsNumber: true },
  'cell.nonnegative': { kinds: ['count', 'money'], needsNumber: true },
  'cell.decimals': { kinds: ['money'], needsNumber: true },
};

export function countRules(rules: RuleSet, form: FormSpec, cells: Map<string, Cell>, evaluated: Set<RuleInstance>): RuleCount[] {
  // One pass over the form's cells, by kind: how many there are, how many were read, how many read as numbers.
  const of = new Map<ValueKind, { all: number; read: number; numbers: number }>();
  for (const spec of formCells(form).values()) {
    let k = of.get(spec.kind);
    if (!k) of.set(spec.kind, (k = { all: 0, read: 0, numbers: 0 }));
    k.all++;
    const c = cells.get(spec.id);
    if (c) {
      k.read++;
      if (c.value.kind === 'number') k.numbers++;
    }
  }
  const out: RuleCount[] = [];
  for (const [rule, scope] of Object.entries(CELL_RULE_SCOPE)) {
    let instances = 0,
      checked = 0;
    for (const [kind, k] of of) {
      if (scope.kinds && !scope.kinds.includes(kind)) continue;
      instances += k.all;
      checked += scope.needsNumber ? k.numbers : k.read;
    }
    out.push({ rule, severity: builtinRule(rule).severity, instances, checked });
  }
  for (const f of rules.families)
    out.push({
      rule: f.id,
      severity: f.severity,
      instances: f.instances.length,
      checked: f.instances.filter((i) => evaluated.has(i)).length,
    });
  return out;
}
