/**
 * What the recalculation of the report's formulas (recalc.ts) tells the person: stale results
 * once for the report, a formula that could not be computed on its cell. Severities come from
 * core/rules/builtin.ts.
 */
import type { Finding, Lang } from '../model/findings';
import { say } from '../messages';
import { clipText, type CellValue } from '../model/values';
import { builtinRule } from '../rules/builtin';
import { findingCell, type Cell } from './cell';
import type { Recalculation } from './recalc';
import { cellName } from './wording';

/** Stale cells named in the sentence; all of them are in the finding's cells. */
const SHOWN = 6;

const a1Of = (ref: string) => ref.replace(/^.*!/, '');

/** One finding for every formula whose saved result its cells do not give: recalculate, not blame the totals. */
export function staleFinding(rc: Recalculation, cells: Map<string, Cell>, lang: Lang): Finding | null {
  if (!rc.stale.length) return null;
  const rule = 'cell.formula_stale';
  const shown = (v: unknown) => (v === null ? say(lang, 'check.blank_value') : clipText(String(v), 40));
  const shownComputed = (v: CellValue) => (v.kind === 'number' ? String(v.value) : v.kind === 'blank' ? shown(null) : shown(v.text));
  return {
    rule,
    instance: null,
    severity: builtinRule(rule).severity,
    message: say(lang, 'check.formula_stale', {
      count: rc.stale.length,
      formulas: rc.stale.slice(0, SHOWN).map((s) => {
        const c = cells.get(s.id)!;
        return {
          name: cellName(c.spec, lang),
          ref: a1Of(c.read.ref),
          saved: shown(s.saved),
          computed: shownComputed(s.computed),
        };
      }),
      more: Math.max(0, rc.stale.length - SHOWN),
    }),
    // Each cell with the result the file saved; the recalculated value is the one the rules judged.
    cells: rc.stale.map((s) => ({ ...findingCell(cells.get(s.id)!), value: typeof s.saved === 'boolean' ? String(s.saved) : s.saved })),
    suspects: [],
  };
}

/** A formula that was not computed: without a saved result its rules are withheld (warning); with one, that result is used (notice). */
export function uncomputedFindings(rc: Recalculation, cells: Map<string, Cell>, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const [rule, map] of [
    ['cell.formula_unevaluated', rc.unknown],
    ['cell.formula_unchecked', rc.unchecked],
  ] as const)
    for (const [id, why] of map) {
      const c = cells.get(id)!;
      const key = rule === 'cell.formula_unevaluated' ? 'check.formula_unevaluated' : 'check.formula_unchecked';
      out.push({
        rule,
        instance: id,
        severity: builtinRule(rule).severity,
        message: say(lang, 'check.at', {
          where: cellName(c.spec, lang),
          what: say(lang, key, { formula: clipText(c.read.formula!, 80), why: clipWhy(why) }),
        }),
        cells: [findingCell(c)],
        suspects: [],
      });
    }
  return out;
}

/** A name or sheet from the file, cut short (a hostile file may name a 1 MB sheet). */
function clipWhy<T extends { why: string }>(w: T): T {
  const o = { ...w } as Record<string, unknown>;
  for (const k of ['name', 'sheet', 'ref']) if (typeof o[k] === 'string') o[k] = clipText(o[k] as string, 40);
  return o as T;
}
