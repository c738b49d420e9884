/**
 * Derived cells of a form (totals the template computes with formulas, and `fill` computes from
 * their parts), and their exact evaluation. The parts come from the rules marked `total` in the
 * form's rule texts.
 */
import type { FormSpec } from '../forms';
import { formCells } from '../forms';
import { Dec } from '../decimal';

export interface Part { cell: string; coef: number }

const partsCache = new WeakMap<FormSpec, Map<string, Part[]>>();

/**
 * Each derived cell's parts (cellId → parts), in an order where every part that is itself derived
 * comes before the cells that use it.
 */
export function derivedParts(form: FormSpec): Map<string, Part[]> {
  let m = partsCache.get(form);
  if (!m) {
    m = topoOrder(totalsFromRuleTexts(form));
    partsCache.set(form, m);
  }
  return m;
}

function topoOrder(defs: Map<string, Part[]>): Map<string, Part[]> {
  const out = new Map<string, Part[]>();
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id) || !defs.has(id)) return;
    if (visiting.has(id)) throw new Error(`合计关系有循环 / cycle among totals at ${id}`);
    visiting.add(id);
    for (const p of defs.get(id)!) visit(p.cell);
    visiting.delete(id);
    out.set(id, defs.get(id)!);
  };
  for (const id of defs.keys()) visit(id);
  return out;
}

/**
 * Reads the `total` rule families of the form ("ID [error, total]: for each column|row|group of T: LHS == a + b + sum(p.*)")
 * and expands them into one definition per derived cell. The first rule that defines a cell wins.
 */
function totalsFromRuleTexts(form: FormSpec): Map<string, Part[]> {
  const cells = formCells(form);
  const defs = new Map<string, Part[]>();
  for (const rule of form.rules) {
    const m = /^\s*([\w.]+)\s*\[([^\]]*)\]\s*:\s*for each (column|row|group) of (T\d)(?:\s+in\s*\(([^)]*)\))?\s*:\s*(.+?)\s*==\s*(.+)$/.exec(rule.text);
    if (!m) continue;
    const flags = m[2].split(',').map((s) => s.trim());
    if (!flags.includes('total')) continue;
    const [, , , over, table, only, lhs, rhs] = m;
    if (/prior\s*\(/.test(rule.text)) continue;
    const onlyKeys = only ? only.split(',').map((s) => s.trim()) : null;
    const terms: { sign: number; key: string; wildcard: boolean }[] = [];
    for (const t of rhs.match(/[+-]?\s*(?:sum\(\s*[\w.]+\.\*\s*\)|[\w.]+)/g) ?? []) {
      const sign = t.trim().startsWith('-') ? -1 : 1;
      const body = t.replace(/^[+-]\s*/, '').trim();
      const w = /^sum\(\s*([\w.]+)\.\*\s*\)$/.exec(body);
      terms.push(w ? { sign, key: w[1], wildcard: true } : { sign, key: body, wildcard: false });
    }
    const tableCells = [...cells.values()].filter((c) => c.table.key === table);
    const rows = [...new Set(tableCells.map((c) => c.row.key))];
    const cols = [...new Set(tableCells.map((c) => c.column.key))];
    const matchKeys = (keys: string[], term: { key: string; wildcard: boolean }) =>
      keys.filter((k) => (term.wildcard ? k === term.key || k.startsWith(term.key + '.') : k === term.key));
    const add = (target: string, parts: Part[]) => {
      if (!cells.has(target) || defs.has(target)) return;
      if (parts.some((p) => !cells.has(p.cell))) return;
      defs.set(target, parts);
    };
    if (over === 'column') {
      for (const col of cols) {
        if (onlyKeys && !onlyKeys.includes(col)) continue;
        add(`${table}:${lhs.trim()}:${col}`, terms.flatMap((t) => matchKeys(rows, t).map((r) => ({ cell: `${table}:${r}:${col}`, coef: t.sign }))));
      }
    } else if (over === 'row') {
      for (const row of rows) {
        if (onlyKeys && !onlyKeys.includes(row)) continue;
        add(`${table}:${row}:${lhs.trim()}`, terms.flatMap((t) => matchKeys(cols, t).map((c) => ({ cell: `${table}:${row}:${c}`, coef: t.sign }))));
      }
    } else {
      const groups = [...new Set(cols.filter((c) => c.includes('.')).map((c) => c.slice(0, c.lastIndexOf('.'))))];
      for (const g of groups) {
        if (onlyKeys && !onlyKeys.includes(g)) continue;
        const inGroup = cols.filter((c) => c.startsWith(g + '.')).map((c) => c.slice(g.length + 1));
        for (const row of rows)
          add(`${table}:${row}:${g}.${lhs.trim()}`, terms.flatMap((t) => matchKeys(inGroup, t).map((c) => ({ cell: `${table}:${row}:${g}.${c}`, coef: t.sign }))));
      }
    }
  }
  return defs;
}

/** Is this cell derived (a total) in the form? */
export const isDerived = (form: FormSpec, id: string) => derivedParts(form).has(id);

/**
 * Evaluates every derived cell from the given values (blank = null). A derived cell gets a value
 * only when all its parts have one; `given` values of derived cells are used as they are when
 * `keepGiven` says so (a filled workbook's own totals), otherwise recomputed.
 */
export function evaluateDerived(form: FormSpec, values: Map<string, Dec | null>, keepGiven = false): Map<string, Dec | null> {
  const out = new Map(values);
  for (const [id, parts] of derivedParts(form)) {
    if (keepGiven && out.get(id) != null) continue;
    let acc: Dec | null = Dec.ZERO;
    for (const p of parts) {
      const v = out.get(p.cell);
      if (v == null) { acc = null; break; }
      acc = acc.add(p.coef === 1 ? v : v.mul(Dec.of(p.coef)));
    }
    out.set(id, acc);
  }
  return out;
}
