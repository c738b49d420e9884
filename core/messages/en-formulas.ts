/** The report's formulas recalculated (core/check/recalc.ts) and fill's self-check, in English: the keys of zh-formulas.ts. */
import type { FormulaWhy, zhFormulas } from './zh-formulas';
import { count } from './plural';

const why = (w: FormulaWhy) =>
  w.why === 'function'
    ? `uses ${w.name}, a function or name this tool does not compute`
    : w.why === 'sheet'
      ? `refers to another sheet (${w.sheet})`
      : w.why === 'outside'
        ? `refers to ${w.ref}, outside the report's tables`
        : w.why === 'circular'
          ? `is a circular reference (through ${w.ref})`
          : 'cannot be read';

export const enFormulas: { [K in keyof typeof zhFormulas]: (typeof zhFormulas)[K] } = {
  'check.formula_stale': (p) =>
    `${count(p.count, 'formula')} saved a result that its cells do not give: ${p.formulas
      .map((c) => `${c.name} (${c.ref}) saved ${c.saved}, computes ${c.computed}`)
      .join(
        '; ',
      )}${p.more ? `; ${p.more} more` : ''}. A program that does not recalculate changed the file. Press F9 in Excel or WPS to recalculate (or open and save it again) before sending it; every check used the recalculated values`,
  'check.formula_unevaluated': (p) =>
    `the formula =${p.formula} was saved without its result and ${why(p.why)}: it cannot be computed, and the equations with this cell are not checked; open and save the file in Excel or WPS so that formulas keep their results`,
  'check.formula_unchecked': (p) => `the formula =${p.formula} ${why(p.why)}: not recalculated, its saved result is checked`,
  'cli.summary.formulas_computed': (p) =>
    `${count(p.n, 'formula')} saved without results, computed: ${p.cells.join(', ')}${p.more ? '…' : ''}`,
  'template.fill_formula_differs': (p) =>
    `the formula =${p.formula} gives ${p.own} but the parts sum to ${p.sum}: written as the value ${p.own}, unchanged (check the formula)`,
  'template.fill_text_number': (p) => `the text "${p.raw}" written as the number ${p.value}`,
  'template.fill_formula_value': (p) =>
    `the formula =${p.formula} written as its result ${p.value} (the official layout does not sum this cell from parts)`,
  'template.fill_formula_replaced': (p) =>
    `the formula =${p.formula} has no saved result and cannot be computed: filled with the sum of its parts, ${p.value} (written as a sum formula)`,
  'cli.fill_not_filled': (p) => `${count(p.n, 'cell')} could not be filled (see below)`,
  'cli.fill_refused': (p) =>
    `${p.file} not written: the filled report would have ${count(p.after, 'error')}, more than the ${p.before} of the input, and fill never makes a report worse. New errors: ${p.errors.join('; ')}`,
  'batch.rule.cell.formula_stale': () => "a formula's saved result agrees with its cells (recalculate before saving)",
  'batch.rule.cell.formula_unevaluated': () => 'a formula is saved with its result',
  'batch.rule.cell.formula_unchecked': () => 'a formula uses a function or reference this tool does not compute',
};
