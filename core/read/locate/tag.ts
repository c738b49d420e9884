/**
 * The tag a generated template carries (a hidden sheet naming the format and every cell's
 * address): a tagged book is read by its tag, with no locating at all.
 */
import { FORMS } from '../../forms';
import type { CellRead, ReportData } from '../../model/report';
import { parseA1, type Book } from '../grid';
import { cellRead } from './scan';

export const TAG_SHEET = 'xxgk_tag';
export const TAG_MAGIC = 'xxgk-template';

export function readTag(book: Book): ReportData | null {
  const tag = book.grids.find((g) => g.name === TAG_SHEET);
  if (!tag) return null;
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < Math.min(tag.rows, 5000); r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 0; c < Math.min(tag.cols, 4); c++) row.push(tag.cell(r, c)?.raw ?? null);
    rows.push(row);
  }
  if (rows[0]?.[0] !== TAG_MAGIC) return null;
  const get = (k: string) => rows.find((r) => r[0] === k)?.[1] ?? null;
  const formKey = String(get('format') ?? '');
  if (!FORMS.some((f) => f.key === formKey)) return null;
  const sheetName = String(get('sheet') ?? '');
  const grid = book.grids.find((g) => g.name === sheetName);
  if (!grid) return null;
  const yearRaw = get('year');
  const year = yearRaw === null || yearRaw === '' ? null : Number(yearRaw);
  const agencyRaw = get('agency');
  const variants = String(get('variants') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const cells: Record<string, CellRead> = {};
  const tables = new Set<string>();
  const add = (id: string, addr: string) => {
    const at = parseA1(addr);
    if (!at) return;
    cells[id] = cellRead(grid, at.r, at.c, grid.cell(at.r, at.c));
    const colon = id.indexOf(':');
    tables.add(colon < 0 ? id : id.slice(0, colon));
  };
  // Addresses come packed ("cells", "id=A1;id=A1…") or one per row ("cell", id, A1).
  for (const row of rows) {
    const packed = row[1];
    if (row[0] === 'cells' && typeof packed === 'string')
      // Walked in place, item by item, as split(';') would cut them.
      for (let from = 0; from <= packed.length;) {
        let to = packed.indexOf(';', from);
        if (to < 0) to = packed.length;
        const k = packed.lastIndexOf('=', to - 1);
        if (k > from) add(packed.slice(from, k), packed.slice(k + 1, to));
        from = to + 1;
      }
    else if (row[0] === 'cell' && typeof row[1] === 'string' && typeof row[2] === 'string') add(row[1], row[2]);
  }
  return {
    format: formKey,
    ...(variants.length ? { variants } : {}),
    year: year !== null && Number.isFinite(year) ? year : null,
    agency: agencyRaw === null || agencyRaw === '' ? null : String(agencyRaw),
    sheet: grid.name,
    cells,
    notes: [],
    tables: ['T2', 'T3', 'T4'].filter((t) => tables.has(t)),
  };
}
