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
  // Addresses come packed ("cells", "id=A1;id=A1…") or one per row ("cell", id, A1).
  const pairs: [string, string][] = [];
  for (const row of rows) {
    if (row[0] === 'cells' && typeof row[1] === 'string')
      for (const item of row[1].split(';')) {
        const k = item.lastIndexOf('=');
        if (k > 0) pairs.push([item.slice(0, k), item.slice(k + 1)]);
      }
    else if (row[0] === 'cell' && typeof row[1] === 'string' && typeof row[2] === 'string') pairs.push([row[1], row[2]]);
  }
  for (const [id, addr] of pairs) {
    const at = parseA1(addr);
    if (!at) continue;
    cells[id] = cellRead(grid, at.r, at.c, grid.cell(at.r, at.c));
    tables.add(id.split(':')[0]);
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
