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
  'cell.integer': { kinds: ['count', 'signed'], needsNumber: true },
  'cell.nonnegative': { kinds: ['count', 'money'], needsNumber: true },
  'cell.decimals': { kinds: ['money'], needsNumber: true },
};

export function countRules(rules: RuleSet, form: FormSpec, cells: Map<string, Cell>, evaluated: Set<RuleInstance>): RuleCount[] {
  const out: RuleCount[] = [];
  for (const [rule, scope] of Object.entries(CELL_RULE_SCOPE)) {
    let instances = 0,
      checked = 0;
    for (const spec of formCells(form).values()) {
      if (scope.kinds && !scope.kinds.includes(spec.kind)) continue;
      instances++;
      const c = cells.get(spec.id);
      if (c && (!scope.needsNumber || c.value.kind === 'number')) checked++;
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
