/**
 * A published report as an HTML page turned into a Book: the page read as a tree (html-tree.ts),
 * flattened into text lines and data tables (html-page.ts), and each table expanded with rowspan
 * and colspan into Grid merges. Text outside tables is kept as text lines; every ref is `line N`
 * of the source (for a cell: the line of its start tag). Linear time in the size of the input.
 */
import type { Book, Merge } from '../read/grid';
import {
  MAX_COLS,
  MAX_SPAN,
  cellValue,
  isTextSection,
  linesGrid,
  sectionHeading,
  type RowOut,
  type SourceLine,
  type TextLine,
} from './common';
import { buildTree } from './html-tree';
import { flatten, type TableItem, type TextItem } from './html-page';
import { parseLines, type ParsedText } from './text';
import { htmlPageFacts } from './page-facts';

export { decodeEntities } from './html-entities';

/** Largest number of grid cells one HTML table may expand to (spans beyond are clamped to 1). */
const MAX_TABLE_AREA = 1_000_000;

export function htmlToBook(html: string, name: string): Book {
  return parseHtml(html, name).book;
}

export function parseHtml(html: string, name: string): ParsedText {
  const root = buildTree(html.charCodeAt(0) === 0xfeff ? html.slice(1) : html);
  const items = flatten(root);
  const tables = items.filter((x): x is TableItem => x.kind === 'table');
  const texts = items.filter((x): x is TextItem => x.kind === 'text');
  const facts = htmlPageFacts(root, texts);
  const page = facts.title || facts.published ? { page: facts } : {};
  if (!tables.length) {
    // A page with no <table>: its text may still hold tables (one cell per paragraph, tabs, spaces).
    const lines: SourceLine[] = items.map((x) => ({ line: x.line, text: (x as TextItem).text }));
    return { ...parseLines(lines, name, 'text'), ...page };
  }
  const hasSections = items.some((x) => x.kind === 'text' && sectionHeading(x.text) > 0);
  const rows: RowOut[] = [];
  const merges: Merge[] = [];
  const textLines: TextLine[] = [];
  let section = 0;
  for (const item of items) {
    if (item.kind === 'text') {
      const n = sectionHeading(item.text);
      if (n > section) section = n;
      const inText = !hasSections || isTextSection(section);
      if (inText) textLines.push({ ref: `line ${item.line}`, text: item.text });
      if (!hasSections || !isTextSection(section) || (section === 0 && item.text.length <= 60))
        rows.push({ cells: [item.text], lines: [item.line] });
      continue;
    }
    placeTable(item, rows, merges);
  }
  return { book: { name, grids: [linesGrid(name, 'sheet', rows, merges)] }, textLines, ...page };
}

/** The HTML table algorithm: each cell goes to the next free slot of its row; spans occupy slots below and right. */
function placeTable(t: TableItem, rows: RowOut[], merges: Merge[]): void {
  const r0 = rows.length;
  const taken: Uint8Array[] = [];
  const slot = (r: number) => (taken[r] ??= new Uint8Array(MAX_COLS));
  let area = 0;
  for (const row of t.rows) area += row.cells.reduce((a, c) => a + c.rowSpan * c.colSpan, 0);
  const clamp = area > MAX_TABLE_AREA;
  const out: RowOut[] = [];
  const ensure = (r: number) => {
    while (out.length <= r) out.push({ cells: [], lines: [] });
    return out[r];
  };
  t.rows.forEach((row, r) => {
    ensure(r);
    let c = 0;
    for (const cell of row.cells) {
      const s = slot(r);
      while (c < MAX_COLS && s[c]) c++;
      if (c >= MAX_COLS) break;
      const rs = clamp ? 1 : Math.min(cell.rowSpan, MAX_SPAN);
      const cs = clamp ? 1 : Math.min(cell.colSpan, MAX_COLS - c);
      // A rowspan never reaches past the table's last row.
      const rEnd = Math.min(r + rs - 1, Math.max(t.rows.length - 1, r));
      for (let y = r; y <= rEnd; y++) {
        const sy = slot(y);
        for (let x = c; x < c + cs; x++) sy[x] = 1;
      }
      const o = ensure(r);
      while (o.cells.length < c) {
        o.cells.push(null);
        o.lines.push(cell.line);
      }
      o.cells[c] = cellValue(cell.text);
      o.lines[c] = cell.line;
      if (rEnd > r || cs > 1) merges.push({ r0: r0 + r, c0: c, r1: r0 + rEnd, c1: c + cs - 1 });
      // Covered slots carry the cell's line too (refs of merged areas).
      for (let y = r; y <= rEnd; y++) {
        const oy = ensure(y);
        for (let x = y === r ? c + 1 : c; x < c + cs; x++) {
          while (oy.cells.length < x) {
            oy.cells.push(null);
            oy.lines.push(cell.line);
          }
          if (oy.cells.length === x) {
            oy.cells.push(null);
            oy.lines.push(cell.line);
          } else oy.lines[x] = cell.line;
        }
      }
      c += cs;
    }
  });
  for (const o of out) {
    while (o.cells.length && o.cells[o.cells.length - 1] === null) {
      o.cells.pop();
      o.lines.pop();
    }
    if (!o.lines.length) o.lines.push(t.line);
    rows.push(o);
  }
}
