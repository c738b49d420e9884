/**
 * The cells each text.* rule compares a quoted figure with: its `target` in core/rules/builtin.ts,
 * an expression of the rule language compiled against the report's form (so that `sum(T3:R3.3.*:total)`
 * takes the rows the form has, eight in both formats, and R3.6 in 2019 or R3.6.1–3 in 2021).
 */
import type { FormSpec } from '../../forms';
import { BUILTIN_RULES } from '../builtin';
import { compileRules } from '../compile';

const cache = new WeakMap<FormSpec, Map<string, string[]>>();

/** The text.* rules' targets as rules of the language (parsed at build time with the forms' rules). */
export const TARGETS = {
  name: 'core/rules/builtin.ts',
  text: BUILTIN_RULES.filter((r) => r.target)
    .map((r) => `${r.id} [warning]: ${r.target} == 0`)
    .join('\n'),
};

/** Rule id → the cells its figure is the sum of, in this form; a rule whose cells the form lacks is absent. */
export function textTargets(form: FormSpec): Map<string, string[]> {
  const hit = cache.get(form);
  if (hit) return hit;
  const out = new Map<string, string[]>();
  const set = compileRules(form, [TARGETS]);
  for (const f of set.families) {
    if (!f.id.startsWith('text.') || f.source.file !== 'core/rules/builtin.ts') continue;
    const inst = f.instances[0];
    if (inst && inst.lhs.terms.length)
      out.set(
        f.id,
        inst.lhs.terms.map((t) => t.cell),
      );
  }
  cache.set(form, out);
  return out;
}
