/**
 * The official layout of a form as one sheet, computed from the form data alone (no row or column
 * of a particular year is named here). Host-agnostic: the xlsx writer and the add-in draw from it.
 *
 * Columns: the label area (as wide as the widest block's labelWidth) then the value columns.
 * 表二 and 表三 share the label area; 表四 has no labels and starts at the first column.
 */
import type { BlockSpec, FormSpec, TableSpec, ValueKind } from '../forms';
import { cellId, formCells } from '../forms';
import { a1 } from '../read/grid';
import { derivedParts, type Part } from './derive';

export type CellRole = 'title' | 'section' | 'caption' | 'corner' | 'header' | 'label' | 'input' | 'derived' | 'note';

export interface LayoutCell {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
  text?: string;
  role: CellRole;
  cellId?: string;
  kind?: ValueKind;
  /** A1 formula without '=' (derived cells). */
  formula?: string;
}

export interface SheetLayout {
  sheetName: string;
  cells: LayoutCell[];
  /** Width of each column in Excel character units. */
  columnWidths: number[];
  /** Suggested height of each row in points. */
  rowHeights: number[];
  rows: number;
  cols: number;
  tables: { key: string; r0: number; c0: number; r1: number; c1: number }[];
  /** cellId → position. */
  address: Map<string, { r: number; c: number }>;
  /** Row index of the title (print titles). */
  titleRow: number;
}

export interface LayoutOptions {
  year?: number | null;
  agency?: string | null;
  sheetName?: string;
}

export const BLANK_AGENCY = '＿＿＿＿＿＿';
export const BLANK_YEAR = '＿＿＿＿';

export function templateTitle(opts: LayoutOptions): string {
  return `${opts.agency?.trim() || BLANK_AGENCY}${opts.year ?? BLANK_YEAR}年政府信息公开工作年度报告`;
}

export function defaultSheetName(year?: number | null): string {
  return year ? `${year}年报` : '年报';
}

/** Display width of a text in Excel character units (CJK and full-width characters count two). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const cache = new WeakMap<FormSpec, Map<string, SheetLayout>>();

export function templateLayout(form: FormSpec, opts: LayoutOptions = {}): SheetLayout {
  const key = JSON.stringify([opts.year ?? null, opts.agency ?? null, opts.sheetName ?? null]);
  let m = cache.get(form);
  if (!m) cache.set(form, (m = new Map()));
  let hit = m.get(key);
  if (!hit) {
    // The layout does not depend on the agency except for the title: computed once per year.
    const baseKey = JSON.stringify([opts.year ?? null, null, opts.sheetName ?? null]);
    let base = m.get(baseKey);
    if (!base) m.set(baseKey, (base = computeLayout(form, { ...opts, agency: null })));
    if (!opts.agency) hit = base;
    else {
      const title = templateTitle(opts);
      hit = { ...base, cells: base.cells.map((c) => (c.role === 'title' ? { ...c, text: title } : c)) };
    }
    if (m.size > 200) m.clear(); // many agencies: keep memory flat
    m.set(key, hit);
  }
  return hit;
}

function computeLayout(form: FormSpec, opts: LayoutOptions): SheetLayout {
  const cells: LayoutCell[] = [];
  const tables: SheetLayout['tables'] = [];
  const address = new Map<string, { r: number; c: number }>();
  const kinds = formCells(form);
  const derived = derivedParts(form);

  const labelArea = Math.max(0, ...form.tables.flatMap((t) => t.blocks.map((b) => b.labelWidth)));
  const tableWidth = (t: TableSpec) => {
    const lw = t.blocks.some((b) => b.labelWidth > 0) ? labelArea : 0;
    return lw + Math.max(...t.blocks.map((b) => b.columns.length));
  };
  const cols = Math.max(...form.tables.map(tableWidth));

  let r = 0;
  const titleRow = r;
  cells.push({ r: r++, c: 0, rowSpan: 1, colSpan: cols, text: templateTitle(opts), role: 'title' });
  r++; // a blank row under the title

  for (const table of form.tables) {
    const width = tableWidth(table);
    cells.push({ r: r++, c: 0, rowSpan: 1, colSpan: width, text: table.title, role: 'section' });
    const r0 = r;
    for (const block of table.blocks) r = layoutBlock(table, block, r, width, table.blocks.some((b) => b.labelWidth > 0) ? labelArea : 0);
    tables.push({ key: table.key, r0, c0: 0, r1: r - 1, c1: width - 1 });
    r++; // blank row between tables
  }
  const rows = r - 1;

  // Value cells: positions first (formulas refer to them), then roles and formulas.
  for (const cell of cells) if (cell.cellId) address.set(cell.cellId, { r: cell.r, c: cell.c });
  for (const cell of cells) {
    if (!cell.cellId) continue;
    cell.kind = kinds.get(cell.cellId)!.kind;
    const parts = derived.get(cell.cellId);
    if (parts && parts.every((p) => address.has(p.cell))) {
      cell.role = 'derived';
      cell.formula = sumFormula(parts.map((p) => ({ ...address.get(p.cell)!, coef: p.coef })));
    }
  }

  const { columnWidths, rowHeights } = measure(cells, rows, cols);
  return {
    sheetName: opts.sheetName ?? defaultSheetName(opts.year),
    cells,
    columnWidths,
    rowHeights,
    rows,
    cols,
    tables,
    address,
    titleRow,
  };

  function layoutBlock(table: TableSpec, block: BlockSpec, r: number, width: number, lw: number): number {
    if (block.caption) cells.push({ r: r++, c: 0, rowSpan: 1, colSpan: width, text: block.caption, role: 'caption' });
    // Header tree.
    const depth = Math.max(1, ...block.columns.map((c) => c.header.length));
    if (lw > 0) cells.push({ r, c: 0, rowSpan: depth, colSpan: lw, text: block.corner ?? '', role: 'corner' });
    const n = block.columns.length;
    const lastSpan = width - lw - n + 1; // the last column of a narrow block spans the rest
    const colSpanOf = (j: number) => (j === n - 1 ? lastSpan : 1);
    for (let level = 0; level < depth; level++) {
      for (let j = 0; j < n;) {
        const path = block.columns[j].header;
        if (level >= path.length) {
          j++;
          continue;
        }
        const prefix = path.slice(0, level + 1).join('\u0000');
        let k = j + 1;
        if (level < path.length - 1)
          while (
            k < n &&
            block.columns[k].header.length > level + 1 &&
            block.columns[k].header.slice(0, level + 1).join('\u0000') === prefix
          )
            k++;
        let span = 0;
        for (let x = j; x < k; x++) span += colSpanOf(x);
        const leaf = level === path.length - 1;
        cells.push({ r: r + level, c: lw + j, rowSpan: leaf ? depth - level : 1, colSpan: span, text: path[level], role: 'header' });
        j = k;
      }
    }
    r += depth;
    // Row labels.
    const rows = block.rows;
    const labelDepth = lw > 0 ? lw : 0;
    for (let i = 0; i < rows.length; i++) {
      const path = rows[i].label;
      for (let level = 0; level < Math.min(path.length, Math.max(labelDepth, 1)) && labelDepth > 0; level++) {
        const prefix = path.slice(0, level + 1).join('\u0000');
        const leaf = level === path.length - 1 || level === labelDepth - 1;
        // Only the first row of a run of rows sharing this prefix draws the merged label.
        if (i > 0 && !leaf && rows[i - 1].label.length > level + 1 && rows[i - 1].label.slice(0, level + 1).join('\u0000') === prefix)
          continue;
        let k = i + 1;
        if (!leaf)
          while (k < rows.length && rows[k].label.length > level + 1 && rows[k].label.slice(0, level + 1).join('\u0000') === prefix) k++;
        const text = leaf ? path.slice(level).join('') : path[level];
        cells.push({ r: r + i, c: level, rowSpan: k - i, colSpan: leaf ? labelDepth - level : 1, text, role: 'label' });
      }
      if (labelDepth > 0 && path.length === 0) cells.push({ r: r + i, c: 0, rowSpan: 1, colSpan: labelDepth, text: '', role: 'label' });
      for (let j = 0; j < n; j++) {
        const id = cellId(table.key, rows[i].key, block.columns[j].key);
        cells.push({ r: r + i, c: lw + j, rowSpan: 1, colSpan: colSpanOf(j), role: 'input', cellId: id });
      }
    }
    return r + rows.length;
  }
}

/** "SUM(D8:D30)+D31-E5": consecutive positions in one column or row with the same sign become ranges. */
export function sumFormula(parts: { r: number; c: number; coef: number }[]): string {
  const terms: string[] = [];
  let i = 0;
  while (i < parts.length) {
    const p = parts[i];
    let k = i + 1;
    const dr = k < parts.length ? parts[k].r - p.r : 0;
    const dc = k < parts.length ? parts[k].c - p.c : 0;
    if ((dr === 1 && dc === 0) || (dr === 0 && dc === 1))
      while (k < parts.length && parts[k].coef === p.coef && parts[k].r - parts[k - 1].r === dr && parts[k].c - parts[k - 1].c === dc) k++;
    else k = i + 1;
    const ref = k - i > 1 ? `SUM(${a1(p.r, p.c)}:${a1(parts[k - 1].r, parts[k - 1].c)})` : a1(p.r, p.c);
    const sign = p.coef < 0 ? '-' : terms.length ? '+' : '';
    const mult = Math.abs(p.coef) !== 1 ? `${Math.abs(p.coef)}*` : '';
    terms.push(`${sign}${mult}${ref}`);
    i = k;
  }
  return terms.join('') || '0';
}

/** Column widths that show the labels (wrapped where long) and row heights for wrapped text. */
function measure(cells: LayoutCell[], rows: number, cols: number): { columnWidths: number[]; rowHeights: number[] } {
  const widths = new Array<number>(cols).fill(8);
  const cap = (cell: LayoutCell) => {
    switch (cell.role) {
      case 'label':
        return cell.rowSpan > 1 ? 8 : 22;
      case 'header':
        return 9;
      case 'corner':
        return 12;
      default:
        return 10;
    }
  };
  // Single-column cells set their column's width; titles and captions span and need nothing.
  for (const cell of cells) {
    if (
      cell.colSpan !== 1 ||
      !cell.text ||
      cell.role === 'title' ||
      cell.role === 'section' ||
      cell.role === 'caption' ||
      cell.role === 'note'
    )
      continue;
    widths[cell.c] = Math.max(widths[cell.c], Math.min(textWidth(cell.text) + 2, cap(cell)));
  }
  // Multi-column labels: widen the last column they cover if they would need more than 2 lines.
  for (const cell of cells) {
    if (cell.role !== 'label' || cell.colSpan <= 1 || !cell.text) continue;
    const have = widths.slice(cell.c, cell.c + cell.colSpan).reduce((a, b) => a + b, 0);
    const need = Math.min(textWidth(cell.text) + 2, 22 + (cell.colSpan - 1) * 8);
    if (need > have) widths[cell.c + cell.colSpan - 1] += need - have;
  }
  const heights = new Array<number>(rows).fill(18);
  for (const cell of cells) {
    if (!cell.text || cell.role === 'title') continue;
    const w = widths.slice(cell.c, cell.c + cell.colSpan).reduce((a, b) => a + b, 0);
    const lines = Math.ceil(textWidth(cell.text) / Math.max(1, w - 1));
    const need = lines * 14 + 4;
    // Spread over the rows the cell spans.
    const per = need / cell.rowSpan;
    for (let r = cell.r; r < cell.r + cell.rowSpan; r++) heights[r] = Math.max(heights[r], Math.ceil(per));
  }
  for (const cell of cells) if (cell.role === 'title') heights[cell.r] = 30;
  return { columnWidths: widths, rowHeights: heights };
}

export type { Part };
