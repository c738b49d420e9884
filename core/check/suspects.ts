/**
 * Pointing at the wrong cells: the smallest explanations of the violated equations
 * (core/localise.ts) turned into suspects with suggested values, and a text cell's suggested
 * number where its equations determine one.
 */
import type { Dec } from '../model/decimal';
import type { Finding, Lang, Suspect } from '../model/findings';
import { explain, solveFree } from '../localise';
import { assembleSystem } from '../localise-system';
import { addToDecimal, isWhole, qeq, rationalToNumber } from '../rational';
import type { RuleInstance, RuleSet } from '../rules';
import { findingCell, valueOf, type Cell } from './cell';
import type { FormulaLinks } from './formulas';
import { say } from '../messages';
import { reasonFor, slip } from './wording';

/**
 * Builds the linear system of every same-year equation (error severity, '=='), with formula
 * cells following their inputs, finds the smallest explanations, and attaches suspects to the
 * equation findings and suggested values to cell.not_number findings.
 */
export function pointAtSuspects(
  rules: RuleSet,
  cells: Map<string, Cell>,
  links: FormulaLinks,
  eqFindings: { finding: Finding; inst: RuleInstance }[],
  all: Finding[],
  lang: Lang,
) {
  const textCells = [...cells.values()].filter((c) => c.value.kind === 'text');
  if (!eqFindings.some((f) => f.finding.severity === 'error') && !textCells.length) return;
  const insts = rules.instances.filter(
    (i) => !i.cross && i.op === '==' && i.family.severity === 'error' && i.cells.every((id) => cells.has(id)),
  );
  const blankTotal = (id: string) => rules.derived.has(id) && cells.get(id)!.value.kind === 'blank';
  const { sys, ids, index } = assembleSystem(insts, cells, links, blankTotal);
  const equations = sys.equations;
  const explanations = explain(sys);
  // A typing slip ranks first only when that one cell explains everything: in an explanation of
  // several cells, digits that happen to look swapped are no evidence of a slip.
  const rank = (c: Cell, suggested: Dec, size: number) =>
    size === 1 && slip(valueOf(c), suggested, lang) ? 0 : rules.derived.has(c.id) ? 1 : 2;
  for (const { finding, inst } of eqFindings) {
    if (finding.severity !== 'error' || inst.op !== '==') continue;
    const eq = insts.indexOf(inst);
    const suspects: (Suspect & { _rank: number })[] = [];
    // A cell with its value once, by the cell: the cells of a table row on a page, in a text, Word or PDF report share one ref (line N).
    const named = new Set<string>();
    const first = (id: string, suggested: number): boolean => {
      const key = `${id}=${suggested}`;
      if (named.has(key)) return false;
      named.add(key);
      return true;
    };
    for (const ex of explanations)
      for (const [v, d] of ex.changes) {
        if (eq >= 0 && !equations[eq].coefs.has(v)) continue;
        const c = cells.get(ids[v])!;
        const suggested = addToDecimal(valueOf(c), d)!;
        if (!first(c.id, suggested.toNumber())) continue;
        suspects.push({
          ...findingCell(c),
          suggested: suggested.toNumber(),
          reason: reasonFor(c, suggested, ex.changes.size, explanations.length, lang),
          _rank: rank(c, suggested, ex.changes.size),
        });
      }
    // A blank total the equations determine: the value it should hold.
    for (const ex of explanations)
      for (const [v, x] of ex.freeValues) {
        const c = cells.get(ids[v])!;
        if (!blankTotal(c.id) || (eq >= 0 && !equations[eq].coefs.has(v)) || !isWhole(x)) continue;
        const suggested = rationalToNumber(x);
        if (!first(c.id, suggested)) continue;
        suspects.push({
          ...findingCell(c),
          suggested,
          reason: say(lang, 'check.blank_total', { value: suggested }),
          _rank: 1,
        });
      }
    suspects.sort((a, b) => a._rank - b._rank);
    finding.suspects = suspects.map(({ _rank, ...s }) => s);
  }
  // A text cell: the value that balances its equations, where they determine one.
  for (const f of all) {
    if (f.rule !== 'cell.not_number') continue;
    const id = f.instance!;
    const v = index.get(id);
    if (v === undefined) continue;
    // Every smallest explanation must agree on it (with none needed, its own equations decide).
    const options = explanations.length ? explanations.map((ex) => ex.freeValues.get(v)) : [solveFree(sys, v) ?? undefined];
    const val = options[0];
    if (val && isWhole(val) && options.every((o) => o && qeq(o, val))) {
      const c = cells.get(id)!;
      f.suspects = [
        {
          ...findingCell(c),
          suggested: rationalToNumber(val),
          reason: say(lang, 'check.text_value', { value: rationalToNumber(val) }),
        },
      ];
      f.expected = rationalToNumber(val);
    }
  }
}
