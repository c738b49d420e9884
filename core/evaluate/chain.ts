/**
 * The multi-year chain of one agency, column by column (evaluation.md, "carry-over"): 表三 上年结转
 * (R2) = last year's 结转下年度 (R4); 表二 现行有效件数 = last year's + 本年制发 − 本年废止. The year
 * that breaks the chain is named with both figures and both cells. A table identical to last year's
 * (every figure the same, not all zero) is flagged as copied.
 *
 * Only consecutive years are chained: across a missing year nothing is compared (the gap is said).
 * Across the 2020→2021 change of format (2019 format → 2021 format) only rows that truly correspond
 * are compared: 表三 keeps its rows 上年结转 (R2) and 结转下年度 (R4) and its columns in both formats,
 * so the carry-over is chained; the 2019 表二 has no 现行有效件数 (its 规章/规范性文件 columns are
 * 本年新制作, 本年新公开, 对外公开总数量), so 现行有效 is not chained across the bridge, and said so;
 * of the copied tables only 表四, the same cells in both, is compared across it.
 */
import type { CellRead } from '../model/report';
import type { Placed } from './place';

export interface ChainCell {
  file: string;
  year: number;
  ref: string;
  cell: string;
  value: number;
}

/** A year that breaks the chain: what last year's figures say it should be, and what it is. */
export interface ChainBreak {
  kind: 'carry_over' | 'in_force';
  year: number;
  /** The cell of this year that breaks the chain (R2 of 表三, 现行有效件数 of 表二). */
  cell: ChainCell;
  /** Last year's cells it is figured from. */
  from: ChainCell[];
  expected: number;
  actual: number;
}

export interface IdenticalTable {
  table: string;
  year: number;
  priorYear: number;
  file: string;
  priorFile: string;
}

export interface ChainResult {
  breaks: ChainBreak[];
  identical: IdenticalTable[];
  /**
   * What was not compared with the year before, with why: `gap` (the year before is missing: no
   * comparison across it, `priorYear` is the last year there is), `in_force` (表二 现行有效件数: the
   * 2019 format has none, so not across the bridge nor between two 2019-format years).
   */
  notCompared: NotCompared[];
}

export interface NotCompared {
  year: number;
  priorYear: number;
  why: 'gap' | 'in_force';
  /** The years missing between them (`gap`). */
  missing?: number[];
}

/** A figure as written: a number, or text that is a plain number; anything else is not compared. */
export function figure(c: CellRead | undefined): number | null {
  if (!c) return null;
  if (typeof c.raw === 'number') return c.raw;
  if (typeof c.raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(c.raw)) return Number(c.raw);
  return null;
}

const T3_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const T2_ROWS = ['rules', 'normative'];

function at(p: Placed, id: string): ChainCell | null {
  const c = p.report.cells[id];
  const value = figure(c);
  return value === null ? null : { file: p.file, year: p.year, ref: c.ref, cell: id, value };
}

/** The chain of one agency's reports (any order; one per year). */
export function chainOf(reports: readonly Placed[]): ChainResult {
  const byYear = [...reports].sort((a, b) => a.year - b.year);
  const out: ChainResult = { breaks: [], identical: [], notCompared: [] };
  for (let i = 1; i < byYear.length; i++) {
    const prior = byYear[i - 1],
      cur = byYear[i];
    if (cur.year !== prior.year + 1) {
      const missing = Array.from({ length: cur.year - prior.year - 1 }, (_, k) => prior.year + 1 + k);
      out.notCompared.push({ year: cur.year, priorYear: prior.year, why: 'gap', missing });
      continue;
    }
    const both2021 = cur.report.format === '2021' && prior.report.format === '2021';
    const sameFormat = cur.report.format === prior.report.format;
    for (const col of T3_COLUMNS) {
      const r2 = at(cur, `T3:R2:${col}`),
        r4 = at(prior, `T3:R4:${col}`);
      if (r2 && r4 && r2.value !== r4.value)
        out.breaks.push({ kind: 'carry_over', year: cur.year, cell: r2, from: [r4], expected: r4.value, actual: r2.value });
    }
    if (!both2021) out.notCompared.push({ year: cur.year, priorYear: prior.year, why: 'in_force' });
    else
      for (const row of T2_ROWS) {
        const now = at(cur, `T2:${row}:in_force`),
          before = at(prior, `T2:${row}:in_force`),
          issued = at(cur, `T2:${row}:issued`),
          repealed = at(cur, `T2:${row}:repealed`);
        if (!now || !before || !issued || !repealed) continue;
        const expected = before.value + issued.value - repealed.value;
        if (expected !== now.value)
          out.breaks.push({ kind: 'in_force', year: cur.year, cell: now, from: [before], expected, actual: now.value });
      }
    for (const table of sameFormat ? ['T2', 'T3', 'T4'] : ['T4'])
      if (sameTable(cur, prior, table))
        out.identical.push({ table, year: cur.year, priorYear: prior.year, file: cur.file, priorFile: prior.file });
  }
  return out;
}

/** Every figure of the table the same in both years, and at least one of them not zero. */
function sameTable(a: Placed, b: Placed, table: string): boolean {
  const ids = Object.keys(a.report.cells).filter((id) => id.startsWith(`${table}:`));
  if (!ids.length || !a.report.tables.includes(table) || !b.report.tables.includes(table)) return false;
  let nonzero = false;
  for (const id of ids) {
    const x = figure(a.report.cells[id]),
      y = figure(b.report.cells[id]);
    if (x !== y) return false;
    if (x) nonzero = true;
  }
  return nonzero;
}
