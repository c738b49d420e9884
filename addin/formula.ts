/**
 * Recalculation of the formulas templates use (SUM over ranges, + and − of cells, numbers and
 * factors), so that an in-memory sheet recalculates like a spreadsheet would. The formula is read
 * by core's linearFormula; anything else keeps its cached value.
 */
import { CONSTANT, linearFormula, splitRef } from '../core/formula';

export type Lookup = (r: number, c: number) => number;

const HERE = '\u0000here';

/** Returns the value, or undefined when the formula is not of the simple kind (or names another sheet). */
export function evalSimple(formula: string, get: Lookup): number | undefined {
  const terms = linearFormula(formula, HERE, { constants: true });
  if (!terms || !terms.size) return undefined;
  let total = 0;
  for (const [key, coef] of terms) {
    if (key === CONSTANT) {
      total += coef;
      continue;
    }
    const at = splitRef(key);
    if (!at || at.sheet !== HERE) return undefined;
    total += coef * get(at.r, at.c);
  }
  return Math.round(total * 1e6) / 1e6;
}
