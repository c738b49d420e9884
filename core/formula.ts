/**
 * Reads the simple linear formulas that totals are written with (=SUM(D8:I8), =D8+E8-F8,
 * =SUM(D10:D31)) so that a formula's inputs, not the formula, are suspected. Anything else is
 * left opaque (null).
 */
import { a1, columnIndex, parseA1, plainA1 } from './read/grid';

/** "Sheet!D8" → sheet and 0-based position; sheet quotes removed. */
export function splitRef(ref: string): { sheet: string; r: number; c: number } | null {
  // The usual Sheet!D8, by indexOf and char codes; anything else (quotes, odd addresses) by the regex.
  if (ref.charCodeAt(0) !== 39) {
    const bang = ref.indexOf('!');
    const at = bang > 0 ? plainA1(ref, bang + 1, false) : null;
    if (at) {
      const sheet = ref.slice(0, bang);
      return { sheet: sheet.includes("''") ? sheet.replace(/''/g, "'") : sheet, ...at };
    }
  }
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]{1,3}\$?\d+)$/.exec(ref);
  const at = m && parseA1(m[3]);
  return at ? { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ...at } : null;
}

export const cellKey = (sheet: string, r: number, c: number) => `${sheet}!${a1(r, c)}`;

/** The key under which `linearFormula(…, { constants: true })` returns the formula's constant part. */
export const CONSTANT = '';

/**
 * Linear terms (cell key → coefficient) of a formula evaluated on `sheet`, or null when it is not a
 * plain sum. With `constants`, numbers (summed under CONSTANT) and factors (`2*D8`) are taken too:
 * what a spreadsheet needs to recalculate a template, where the checker wants plain sums only.
 */
export function linearFormula(formula: string, sheet: string, opts: { constants?: boolean } = {}): Map<string, number> | null {
  const src = formula.replace(/^=/, '').replace(/\s+/g, '');
  const out = new Map<string, number>();
  let i = 0;
  const add = (k: string, w: number) => out.set(k, (out.get(k) ?? 0) + w);
  const REF = /^(?:(?:'((?:[^']|'')+)'|([^'!(),:+-]+))!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/i;
  const refOrRange = (w: number): boolean => {
    const m = REF.exec(src.slice(i));
    if (!m) return false;
    const sh = (m[1] ?? m[2])?.replace(/''/g, "'") ?? sheet;
    const r0 = +m[4] - 1,
      c0 = columnIndex(m[3]);
    const r1 = m[6] ? +m[6] - 1 : r0,
      c1 = m[5] ? columnIndex(m[5]) : c0;
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > 10_000) return false;
    for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++)
      for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) add(cellKey(sh, r, c), w);
    i += m[0].length;
    return true;
  };
  let sign = 1;
  let first = true;
  while (i < src.length) {
    if (src[i] === '+' || src[i] === '-') {
      sign = src[i] === '-' ? -1 : 1;
      i++;
    } else if (!first) return null;
    first = false;
    const factor = opts.constants ? /^(\d+(?:\.\d+)?)\*/.exec(src.slice(i)) : null;
    if (factor) {
      sign *= Number(factor[1]);
      i += factor[0].length;
    }
    if (/^SUM\(/i.test(src.slice(i))) {
      i += 4;
      for (;;) {
        if (!refOrRange(sign)) return null;
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === ')') {
          i++;
          break;
        }
        return null;
      }
    } else if (/^\d/.test(src.slice(i))) {
      const m = /^\d+(\.\d+)?/.exec(src.slice(i))!;
      if (opts.constants) add(CONSTANT, sign * +m[0]);
      else if (+m[0] !== 0) return null; // a constant in a total is not a plain sum
      i += m[0].length;
    } else if (!refOrRange(sign)) return null;
    sign = 1;
  }
  return out;
}
