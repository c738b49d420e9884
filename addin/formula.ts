/**
 * A tiny evaluator for the formulas templates use (SUM over ranges, + and − of cells and
 * numbers), so that an in-memory sheet recalculates like a spreadsheet would. Anything else
 * keeps its cached value.
 */
export type Lookup = (r: number, c: number) => number;

function colNum(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Returns the value, or undefined when the formula is not of the simple kind. */
export function evalSimple(formula: string, get: Lookup): number | undefined {
  const f = formula.replace(/^=/, '').replace(/\s+/g, '').replace(/\$/g, '');
  const term =
    /^([+-]?)(?:(\d+(?:\.\d+)?)\*)?(?:SUM\(([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?((?:,[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)*)\)|([A-Z]{1,3})(\d+)|(\d+(?:\.\d+)?))/i;
  let rest = f;
  let total = 0;
  let first = true;
  while (rest.length) {
    const m = term.exec(rest);
    if (!m || (!first && !m[1])) return undefined;
    const sign = (m[1] === '-' ? -1 : 1) * (m[2] ? Number(m[2]) : 1);
    m.splice(1, 1); // the multiplier is consumed; groups below shift back
    let v = 0;
    if (m[2]) {
      const areas = [`${m[2]}${m[3]}${m[4] ? `:${m[4]}${m[5]}` : ''}`, ...(m[6] ? m[6].slice(1).split(',') : [])];
      for (const a of areas) {
        const [p, q] = a.split(':');
        const pm = /^([A-Z]+)(\d+)$/i.exec(p)!,
          qm = /^([A-Z]+)(\d+)$/i.exec(q ?? p)!;
        const r0 = Number(pm[2]) - 1,
          c0 = colNum(pm[1]),
          r1 = Number(qm[2]) - 1,
          c1 = colNum(qm[1]);
        for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++)
          for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) v += get(r, c);
      }
    } else if (m[7]) v = get(Number(m[8]) - 1, colNum(m[7]));
    else v = Number(m[9]);
    total += sign * v;
    rest = rest.slice(m[0].length);
    first = false;
  }
  return first ? undefined : Math.round(total * 1e6) / 1e6;
}
