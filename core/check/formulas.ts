/**
 * The report's own formulas: which report cells each formula cell adds up, so that a total's
 * inputs rather than the total are suspected, and a number typed as text under a SUM is told
 * (their values are recalculated before, in recalc.ts).
 */
import { Dec } from '../model/decimal';
import { cellKey, linearFormula, splitRef } from '../formula';
import type { Cell } from './cell';

/** Formula cells: the report cells each one adds up (a plain sum), or opaque when it is anything else. */
export interface FormulaLinks {
  follows: Map<string, Map<string, number>>;
  opaque: Set<string>;
  /** Formulas all of whose inputs are report cells (their value can be computed from the report alone). */
  complete: Set<string>;
}

/** The report's cells by address (cellKey; the last cell of an address) and each cell's sheet, from their refs. */
export interface CellPlaces {
  byAddr: Map<string, Cell>;
  home: Map<string, string>;
}
export function cellPlaces(cells: Map<string, Cell>): CellPlaces {
  const byAddr = new Map<string, Cell>();
  const home = new Map<string, string>();
  for (const c of cells.values()) {
    const s = splitRef(c.read.ref);
    if (!s) continue;
    byAddr.set(cellKey(s.sheet, s.r, s.c), c);
    home.set(c.id, s.sheet);
  }
  return { byAddr, home };
}

/** `places`: cellPlaces(cells), asked only when a cell holds a formula (judgedCells reads them once for this and recalculate). */
export function formulaLinks(cells: Map<string, Cell>, places = () => cellPlaces(cells)): FormulaLinks {
  const follows = new Map<string, Map<string, number>>();
  const opaque = new Set<string>();
  const complete = new Set<string>();
  const withFormula = [...cells.values()].filter((c) => c.read.formula);
  if (!withFormula.length) return { follows, opaque, complete };
  const { byAddr, home } = places();
  for (const c of withFormula) {
    const sheet = home.get(c.id);
    const lin = sheet === undefined ? null : linearFormula(c.read.formula!, sheet);
    const inputs = new Map<string, number>();
    if (lin)
      for (const [k, w] of lin) {
        const id = byAddr.get(k)?.id;
        if (id) inputs.set(id, w);
      }
    if (lin && inputs.size) follows.set(c.id, inputs);
    else opaque.add(c.id);
    if (lin && inputs.size === lin.size) complete.add(c.id);
  }
  return { follows, opaque, complete };
}

/** A total the sheet saved without some numbers typed as text: what it holds, and what it would with them. */
export interface ShortTotal {
  id: string;
  saved: Dec;
  typed: Dec;
}

/**
 * A number typed as text ("15件") under a SUM: the spreadsheet's SUM skips text, so the total it
 * saved leaves the number out. Where a formula's saved value is the sum of its inputs with such
 * cells counted as 0, and not with them counted, the spreadsheet has left them out: the total
 * is taken as it would be with the numbers entered (so the equations are not blamed for it), and
 * each such text cell gets the totals it shortened, to be told to the person who typed it.
 */
export function textUnderSums(cells: Map<string, Cell>, links: FormulaLinks): Map<string, ShortTotal[]> {
  const byCause = new Map<string, ShortTotal[]>();
  const typedText = (c: Cell) => c.value.kind === 'number' && typeof c.read.raw === 'string';
  if (!links.follows.size || ![...cells.values()].some(typedText)) return byCause;
  const corrected = new Map<string, { typed: Dec; causes: Set<string> }>();
  for (let pass = 0, changed = true; changed && pass < 8; pass++) {
    changed = false;
    for (const [id, inputs] of links.follows) {
      const f = cells.get(id)!;
      if (corrected.has(id) || !links.complete.has(id) || f.value.kind !== 'number') continue;
      let sheet = Dec.ZERO,
        typed = Dec.ZERO;
      const causes = new Set<string>();
      let ok = true;
      for (const [k, w] of inputs) {
        const c = cells.get(k)!;
        if (c.value.kind === 'text') ok = false;
        if (!ok) break;
        const v = c.value.kind === 'number' ? c.value.value : Dec.ZERO;
        const fix = corrected.get(k);
        sheet = sheet.add((typedText(c) ? Dec.ZERO : v).mul(Dec.of(w)));
        typed = typed.add((fix ? fix.typed : v).mul(Dec.of(w)));
        if (typedText(c)) causes.add(k);
        for (const x of fix?.causes ?? []) causes.add(x);
      }
      if (!ok || !causes.size || sheet.cmp(f.value.value) !== 0 || typed.cmp(sheet) === 0) continue;
      corrected.set(id, { typed, causes });
      changed = true;
    }
  }
  for (const [id, { typed, causes }] of corrected) {
    const c = cells.get(id)!;
    const saved = (c.value as { value: Dec }).value;
    c.value = { kind: 'number', value: typed };
    for (const k of causes) {
      let l = byCause.get(k);
      if (!l) byCause.set(k, (l = []));
      l.push({ id, saved, typed });
    }
  }
  return byCause;
}
