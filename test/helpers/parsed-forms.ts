import { FORMS } from '../../core/forms';
import { formRuleFile, parseKey, parseRulesFresh } from '../../core/rules/parse';
import { TARGETS } from '../../core/rules/text/targets';

/** The text of core/rules/parsed-forms.json as the built-in rule texts parse now. */
export function formRulesParsed(): string {
  const entries: Record<string, unknown> = {};
  for (const form of FORMS)
    form.rules.forEach((r, i) => {
      const file = formRuleFile(form, i);
      entries[parseKey(file, r.text)] = parseRulesFresh(r.text, file);
    });
  entries[parseKey(TARGETS.name, TARGETS.text)] = parseRulesFresh(TARGETS.text, TARGETS.name);
  return `${JSON.stringify(entries, null, 1)}\n`;
}
