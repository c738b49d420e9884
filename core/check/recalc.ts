/**
 * The report's formulas recalculated from its cells (core/formula-eval.ts), as a spreadsheet
 * does on F9, so that no total is judged by a result that is missing or out of date:
 * - saved without a result (exceljs, scripts, web forms): computed (`cell.formula_computed`);
 * - saved with a result that its cells no longer give (a program that does not recalculate
 *   changed an input): stale, said once for the report (`cell.formula_stale`), and the rules
 *   judge the recomputed values, which are what the sheet shows once recalculated;
 * - not computable (a function not computed here, another sheet, a cell outside the report, a
 *   circular reference): with a saved result, that result is used and the formula named
 *   (`cell.formula_unchecked`); without one, the cell is unknown: said
 *   (`cell.formula_unevaluated`) and every rule on it withheld, never judged as blank.
 */
import { Dec } from '../model/decimal';
import { cellKey } from '../formula';
import { cellPlaces } from './formulas';
import { evaluateFormula, FormulaUnknown, type SheetValue, type Unknowable } from '../formula-eval';
import type { CellRead } from '../model/report';
import { isFormulaError, readValue, type CellValue } from '../model/values';
import type { Cell } from './cell';

export interface StaleFormula {
  id: string;
  saved: CellRead['raw'];
  computed: CellValue;
}

export interface Recalculation {
  /** Formulas saved without a result, computed. */
  computed: Set<string>;
  /** Formulas whose saved result differs from what their cells give (the cell now holds the computed value). */
  stale: StaleFormula[];
  /** Formulas saved without a result that could not be computed: no value is known. */
  unknown: Map<string, Unknowable>;
  /** Formulas with a saved result that could not be computed: the saved result is used. */
  unchecked: Map<string, Unknowable>;
}

/** A cell's stored content as a spreadsheet value (a text that is an error code is that error). */
export function storedValue(raw: CellRead['raw']): SheetValue {
  if (raw === null) return { t: 'blank' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { t: 'num', v: Dec.of(raw) } : { t: 'err', v: '#NUM!' };
  if (typeof raw === 'boolean') return { t: 'bool', v: raw };
  return isFormulaError(raw.trim()) ? { t: 'err', v: raw.trim() } : { t: 'text', v: raw };
}

/** What the checker reads in a computed value, as it would read the same value saved. */
function asCellValue(v: SheetValue, cell: Cell): CellValue {
  if (v.t === 'num') return { kind: 'number', value: v.v };
  return readValue(v.t === 'blank' ? null : v.t === 'bool' ? v.v : v.v, cell.spec.kind);
}

/** A saved result and a computed one agree: numbers to a double's precision (what the file stores), others exactly. */
function agrees(saved: SheetValue, computed: SheetValue): boolean {
  if (saved.t === 'num' && computed.t === 'num') {
    const a = saved.v.toNumber(),
      b = computed.v.toNumber();
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  }
  if (saved.t === 'text' && computed.t === 'text') return saved.v === computed.v;
  if (saved.t === 'bool' && computed.t === 'bool') return saved.v === computed.v;
  if (saved.t === 'err' && computed.t === 'err') return saved.v === computed.v;
  return false;
}

/** A saved result the reader turned into a date's text (a total formatted as a date): not comparable with a number. */
const dateText = (raw: CellRead['raw']) => typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw);

/** `places`: cellPlaces(cells) (formulas.ts), asked only when a cell holds a formula. */
export function recalculate(cells: Map<string, Cell>, places = () => cellPlaces(cells)): Recalculation {
  const out: Recalculation = { computed: new Set(), stale: [], unknown: new Map(), unchecked: new Map() };
  const formulaCells = [...cells.values()].filter((c) => c.read.formula);
  if (!formulaCells.length) return out;
  const { byAddr, home } = places();
  const sheets = new Set(home.values());
  const done = new Map<string, SheetValue | Unknowable>();
  const visiting = new Set<string>();

  /** The formula's value, or why it cannot be known (remembered per cell). */
  const valueOf = (c: Cell): SheetValue | Unknowable => {
    const known = done.get(c.id);
    if (known) return known;
    const sheet = home.get(c.id);
    if (!sheet) return { why: 'syntax' };
    visiting.add(c.id);
    let v: SheetValue | Unknowable;
    try {
      v = evaluateFormula(c.read.formula!, sheet, (sh, r, col) => {
        const at = byAddr.get(cellKey(sh, r, col));
        if (!at) throw new FormulaUnknown(sheets.has(sh) ? { why: 'outside', ref: cellKey(sh, r, col) } : { why: 'sheet', sheet: sh });
        if (!at.read.formula) return storedValue(at.read.raw);
        if (visiting.has(at.id)) throw new FormulaUnknown({ why: 'circular', ref: at.read.ref });
        const inner = valueOf(at);
        if ('t' in inner) return inner;
        // A formula not computed here but saved with its result: the result is what the sheet shows.
        if (at.read.raw !== null) return storedValue(at.read.raw);
        throw new FormulaUnknown(inner);
      });
    } catch (e) {
      if (!(e instanceof FormulaUnknown)) throw e;
      v = e.reason;
    }
    visiting.delete(c.id);
    done.set(c.id, v);
    return v;
  };

  for (const c of formulaCells) {
    const v = valueOf(c);
    const saved = c.read.raw;
    if (!('t' in v)) {
      if (saved === null) out.unknown.set(c.id, v);
      // A saved error value is a finding of its own (cell.not_number naming the formula).
      else if (storedValue(saved).t !== 'err') out.unchecked.set(c.id, v);
      continue;
    }
    if (saved === null) {
      c.value = asCellValue(v, c);
      out.computed.add(c.id);
    } else if (!dateText(saved) && !agrees(storedValue(saved), v)) {
      c.value = asCellValue(v, c);
      out.stale.push({ id: c.id, saved, computed: c.value });
    }
  }
  return out;
}
