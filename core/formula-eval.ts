/**
 * Computes a cell's formula the way a spreadsheet does, exactly (decimals, not floats), for the
 * formulas report templates use: numbers, cell references and ranges, + − * /, parentheses,
 * comparisons, and SUM, ROUND, ROUNDUP, ROUNDDOWN, INT, ABS, MAX, MIN, IF, AND, OR, NOT.
 * Anything else (another function, a defined name, a whole column, ^, &, %) is not guessed at:
 * evaluation stops with the reason (FormulaUnknown), which the checker says.
 *
 * Spreadsheet semantics that matter for reports (Excel and LibreOffice agree on them): SUM, MAX
 * and MIN over references skip text and booleans ("15件" under a SUM is left out); + − * / turn
 * text that is a plain number into it and fail (#VALUE!) on other text; a blank cell is 0; an
 * error value (#REF!, #DIV/0!) flows through to the result.
 */
import { Dec } from './model/decimal';
import { columnIndex } from './read/grid';

/** A spreadsheet value: what a cell holds or a formula gives. */
export type SheetValue =
  { t: 'num'; v: Dec } | { t: 'text'; v: string } | { t: 'bool'; v: boolean } | { t: 'blank' } | { t: 'err'; v: string };

/** Why a formula was not computed. */
export type Unknowable =
  | { why: 'function'; name: string }
  | { why: 'sheet'; sheet: string }
  | { why: 'outside'; ref: string }
  | { why: 'circular'; ref: string }
  | { why: 'syntax' };

export class FormulaUnknown extends Error {
  constructor(readonly reason: Unknowable) {
    super(reason.why);
  }
}

/** The value of the cell at (sheet, r, c) (0-based), or a FormulaUnknown thrown when it cannot be known. */
export type CellLookup = (sheet: string, r: number, c: number) => SheetValue;

const SUPPORTED = new Set(['SUM', 'ROUND', 'ROUNDUP', 'ROUNDDOWN', 'INT', 'ABS', 'MAX', 'MIN', 'IF', 'AND', 'OR', 'NOT']);
/** A range a formula names, at most this many cells (a report's table is a few hundred). */
const MAX_RANGE = 10_000;

type Arg = SheetValue | { t: 'range'; cells: SheetValue[] } | { t: 'ref'; v: SheetValue };

const VALUE = (): SheetValue => ({ t: 'err', v: '#VALUE!' });
const num = (v: Dec): SheetValue => ({ t: 'num', v });

/** A reference read as a value in an expression (a range there is not supported). */
function scalar(a: Arg): SheetValue {
  if (a.t === 'range') throw new FormulaUnknown({ why: 'syntax' });
  return a.t === 'ref' ? a.v : a;
}

/** A value as a number for arithmetic, or the error it gives. */
function toNum(v: SheetValue): Dec | SheetValue {
  switch (v.t) {
    case 'num':
      return v.v;
    case 'blank':
      return Dec.ZERO;
    case 'bool':
      return Dec.of(v.v ? 1 : 0);
    case 'text':
      return Dec.parse(v.v) ?? VALUE();
    case 'err':
      return v;
  }
}

function toBool(v: SheetValue): boolean | SheetValue {
  if (v.t === 'bool') return v.v;
  if (v.t === 'blank') return false;
  if (v.t === 'num') return !v.v.isZero();
  if (v.t === 'err') return v;
  const u = v.v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : VALUE();
}

/** Division as a spreadsheet does it: exact when the quotient has a short decimal, else to 15 significant digits. */
function divide(a: Dec, b: Dec): SheetValue {
  if (b.isZero()) return { t: 'err', v: '#DIV/0!' };
  const q = a.toNumber() / b.toNumber();
  return num(Dec.parse(q.toPrecision(15)) ?? Dec.ZERO);
}

/** ROUND / ROUNDUP / ROUNDDOWN to `digits` decimals (negative: tens, hundreds), halves away from zero. */
export function roundDec(d: Dec, digits: number, mode: 'half' | 'up' | 'down'): Dec {
  const [intText, frac = ''] = d.toString().replace('-', '').split('.');
  const neg = d.isNegative();
  const all = BigInt(intText + frac);
  const scale = frac.length;
  const drop = scale - digits;
  if (drop <= 0) return d;
  const unit = 10n ** BigInt(drop);
  let q = all / unit;
  const rest = all % unit;
  if (rest !== 0n && (mode === 'up' || (mode === 'half' && rest * 2n >= unit))) q += 1n;
  const signed = neg ? -q : q;
  return digits >= 0 ? Dec.of(signed, digits) : Dec.of(signed * 10n ** BigInt(-digits));
}

/** Compares two values as a spreadsheet does: numbers < text < booleans; text without case. */
function compare(a: SheetValue, b: SheetValue): number {
  const rank = (v: SheetValue) => (v.t === 'num' ? 0 : v.t === 'text' ? 1 : 2);
  // A blank takes the other side's kind: 0, "" or FALSE.
  const fill = (v: SheetValue, o: SheetValue): SheetValue =>
    v.t !== 'blank' ? v : o.t === 'text' ? { t: 'text', v: '' } : o.t === 'bool' ? { t: 'bool', v: false } : num(Dec.ZERO);
  const x = fill(a, b),
    y = fill(b, a);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (x.t === 'num' && y.t === 'num') return x.v.cmp(y.v);
  if (x.t === 'text' && y.t === 'text') {
    const p = x.v.toUpperCase(),
      q = y.v.toUpperCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number((x as { v: boolean }).v) - Number((y as { v: boolean }).v);
}

/**
 * Evaluates `formula` (with or without "=") as written in a cell of `sheet`. Throws
 * FormulaUnknown when the formula uses what is not computed here or a cell that cannot be known.
 */
export function evaluateFormula(formula: string, sheet: string, lookup: CellLookup): SheetValue {
  const src = formula.replace(/^\s*=/, '');
  let i = 0;
  const syntax = (): never => {
    throw new FormulaUnknown({ why: 'syntax' });
  };
  const skip = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const peek = (s: string) => {
    skip();
    return src.startsWith(s, i);
  };
  const eat = (s: string) => {
    if (!peek(s)) return false;
    i += s.length;
    return true;
  };
  const REF = /^(?:(?:'((?:[^']|'')+)'|([^\s'!(),:+\-*/<>=&^%"]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z0-9_(])/;
  const refAt = () => {
    const m = REF.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    const named = (m[1] ?? m[2])?.replace(/''/g, "'");
    return { sheet: named ?? sheet, named: named !== undefined, r: +m[4] - 1, c: columnIndex(m[3]) };
  };

  const primary = (): Arg => {
    skip();
    if (eat('(')) {
      const v = comparison();
      if (!eat(')')) syntax();
      return v;
    }
    const number = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (number) {
      i += number[0].length;
      return num(Dec.parse(number[0]) ?? syntax());
    }
    if (src[i] === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(src.slice(i)) ?? syntax();
      i += m[0].length;
      return { t: 'text', v: m[1].replace(/""/g, '"') };
    }
    const err = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/.exec(src.slice(i));
    if (err) {
      i += err[0].length;
      return { t: 'err', v: err[0] };
    }
    const fn = /^([A-Za-z_][A-Za-z0-9._]*)\s*\(/.exec(src.slice(i));
    if (fn) {
      const name = fn[1].toUpperCase().replace(/^_XLFN\./, '');
      if (!SUPPORTED.has(name)) throw new FormulaUnknown({ why: 'function', name });
      i += fn[0].length;
      const args: Arg[] = [];
      if (!eat(')')) {
        do args.push(comparison());
        while (eat(','));
        if (!eat(')')) syntax();
      }
      return call(name, args);
    }
    const at = refAt();
    if (at) {
      if (eat(':')) {
        const to = refAt() ?? syntax();
        if (to.named && to.sheet !== at.sheet) syntax();
        const rows = Math.abs(to.r - at.r) + 1,
          cols = Math.abs(to.c - at.c) + 1;
        if (rows * cols > MAX_RANGE) syntax();
        const cells: SheetValue[] = [];
        for (let r = Math.min(at.r, to.r); r <= Math.max(at.r, to.r); r++)
          for (let c = Math.min(at.c, to.c); c <= Math.max(at.c, to.c); c++) cells.push(lookup(at.sheet, r, c));
        return { t: 'range', cells };
      }
      return { t: 'ref', v: lookup(at.sheet, at.r, at.c) };
    }
    const word = /^(TRUE|FALSE)(?![A-Za-z0-9_(])/i.exec(src.slice(i));
    if (word) {
      i += word[0].length;
      return { t: 'bool', v: word[1].toUpperCase() === 'TRUE' };
    }
    const name = /^[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*/.exec(src.slice(i));
    // A defined name or a whole column (A:A) is not read here.
    if (name) throw new FormulaUnknown({ why: 'function', name: name[0] });
    return syntax();
  };

  const unary = (): Arg => {
    if (eat('-')) {
      const n = toNum(scalar(unary()));
      return n instanceof Dec ? num(n.neg()) : n;
    }
    if (eat('+')) return unary();
    return primary();
  };
  const arith = (a: SheetValue, op: string, b: SheetValue): SheetValue => {
    const x = toNum(a),
      y = toNum(b);
    if (!(x instanceof Dec)) return x;
    if (!(y instanceof Dec)) return y;
    return op === '+' ? num(x.add(y)) : op === '-' ? num(x.sub(y)) : op === '*' ? num(x.mul(y)) : divide(x, y);
  };
  const term = (): Arg => {
    let v = unary();
    for (;;) {
      if (peek('*') || peek('/')) {
        const op = src[i++];
        v = arith(scalar(v), op, scalar(unary()));
      } else return v;
    }
  };
  const additive = (): Arg => {
    let v = term();
    for (;;) {
      if (peek('+') || peek('-')) {
        const op = src[i++];
        v = arith(scalar(v), op, scalar(term()));
      } else return v;
    }
  };
  const comparison = (): Arg => {
    const v = additive();
    skip();
    const op = /^(<>|<=|>=|=|<|>)/.exec(src.slice(i));
    if (!op) return v;
    i += op[0].length;
    const a = scalar(v),
      b = scalar(additive());
    if (a.t === 'err') return a;
    if (b.t === 'err') return b;
    const d = compare(a, b);
    const res = { '=': d === 0, '<>': d !== 0, '<': d < 0, '>': d > 0, '<=': d <= 0, '>=': d >= 0 }[op[0]]!;
    return { t: 'bool', v: res };
  };

  const result = scalar(comparison());
  skip();
  if (i < src.length) {
    // An operator not computed here (^, &, %) is named as such; anything else is unreadable.
    if (/^[&^%]/.test(src.slice(i))) throw new FormulaUnknown({ why: 'function', name: src[i] });
    syntax();
  }
  // A formula that is just a reference to a blank cell shows 0.
  return result.t === 'blank' ? num(Dec.ZERO) : result;
}

/** The numbers of SUM/MAX/MIN arguments: references skip text and booleans, typed values count. */
function numbersOf(args: Arg[]): Dec[] | SheetValue {
  const out: Dec[] = [];
  for (const a of args) {
    const cells = a.t === 'range' ? a.cells : a.t === 'ref' ? [a.v] : null;
    if (cells) {
      for (const v of cells) {
        if (v.t === 'err') return v;
        if (v.t === 'num') out.push(v.v);
      }
      continue;
    }
    const n = toNum(a as SheetValue);
    if (!(n instanceof Dec)) return n;
    out.push(n);
  }
  return out;
}

function call(name: string, args: Arg[]): SheetValue {
  const arity = (lo: number, hi: number) => {
    if (args.length < lo || args.length > hi) throw new FormulaUnknown({ why: 'syntax' });
  };
  const numArg = (k: number): Dec | SheetValue => toNum(scalar(args[k]));
  switch (name) {
    case 'SUM':
    case 'MAX':
    case 'MIN': {
      const ns = numbersOf(args);
      if (!Array.isArray(ns)) return ns;
      if (name === 'SUM') return num(Dec.sum(ns));
      if (!ns.length) return num(Dec.ZERO);
      return num(ns.reduce((m, x) => ((name === 'MAX' ? x.cmp(m) > 0 : x.cmp(m) < 0) ? x : m)));
    }
    case 'ROUND':
    case 'ROUNDUP':
    case 'ROUNDDOWN': {
      arity(2, 2);
      const x = numArg(0),
        d = numArg(1);
      if (!(x instanceof Dec)) return x;
      if (!(d instanceof Dec)) return d;
      const digits = Math.trunc(d.toNumber());
      return num(roundDec(x, digits, name === 'ROUND' ? 'half' : name === 'ROUNDUP' ? 'up' : 'down'));
    }
    case 'INT':
    case 'ABS': {
      arity(1, 1);
      const x = numArg(0);
      if (!(x instanceof Dec)) return x;
      if (name === 'ABS') return num(x.isNegative() ? x.neg() : x);
      const t = roundDec(x, 0, 'down');
      return num(x.isNegative() && !t.eq(x) ? t.sub(Dec.of(1)) : t);
    }
    case 'IF': {
      arity(1, 3);
      const c = toBool(scalar(args[0]));
      if (typeof c !== 'boolean') return c;
      const pick = c ? args[1] : args[2];
      if (pick === undefined) return { t: 'bool', v: c };
      const v = scalar(pick);
      return v;
    }
    case 'AND':
    case 'OR': {
      let acc = name === 'AND';
      for (const a of args) {
        const vs = a.t === 'range' ? a.cells : [scalar(a)];
        for (const v of vs) {
          if (v.t === 'blank' || (a.t !== 'range' && a.t !== 'ref' ? false : v.t === 'text')) continue;
          const b = toBool(v);
          if (typeof b !== 'boolean') return b;
          acc = name === 'AND' ? acc && b : acc || b;
        }
      }
      return { t: 'bool', v: acc };
    }
    default: {
      // NOT
      arity(1, 1);
      const b = toBool(scalar(args[0]));
      return typeof b === 'boolean' ? { t: 'bool', v: !b } : b;
    }
  }
}
