/** A rule's name in words, for a person reading a report or a send-back notice (its id stays in its own column). */
import type { Lang } from '../model/findings';
import { FORMS } from '../forms';
import { compileRules } from '../rules';
import { say, type MessageKey } from '../messages';

let families: Map<string, Record<Lang, string>> | null = null;

export function ruleName(rule: string, lang: Lang): string {
  if (!families) {
    families = new Map();
    for (const f of FORMS) for (const fam of compileRules(f).families) if (fam.description) families.set(fam.id, fam.description);
  }
  const d = families.get(rule);
  if (d) return d[lang];
  const key = `batch.rule.${rule}` as MessageKey;
  if (rule.startsWith('cell.') || rule === 'batch.unfilled') {
    try {
      return say(lang, key as 'batch.rule.other');
    } catch {
      return say(lang, 'batch.rule.other');
    }
  }
  if (rule.startsWith('batch.')) return say(lang, 'batch.rule.batch');
  return say(lang, 'batch.rule.other');
}
