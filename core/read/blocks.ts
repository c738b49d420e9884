/**
 * What the document readers (Word, PDF) hand on: the document as paragraphs and tables in reading
 * order, cells with their spans. They are written out as a plain HTML page, one paragraph or cell
 * per line, and read by the same HTML reader as published pages (core/import/html.ts), so that a
 * report reads the same whichever way it came: the same sections, text lines, merges and table
 * placement. A ref `line N` then counts the document's paragraphs and cells in reading order.
 */
import { parseHtml } from '../import/html';
import type { ParsedText } from '../import/text';
import type { ReadNote } from '../model/report';

export interface BlockCell {
  /** The cell's paragraphs joined by newlines. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** The grid column the cell starts in, where the reader knows it (PDF). */
  col?: number;
  /** Left and right edges on the page (PDF). */
  x0?: number;
  x1?: number;
  /** Why the reader is not sure of the cell's text (a figure across a border, broken by a page): core/read/doubts.ts. */
  doubt?: ReadNote;
}

export type Block = { kind: 'text'; text: string } | { kind: 'table'; rows: BlockCell[][] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const oneLine = (s: string) => esc(s.replace(/\r?\n/g, '\u2028')).replace(/\u2028/g, '<br>');

/** The blocks as an HTML page: every paragraph and every cell on a line of its own (line N = the Nth). */
export function blocksToHtml(blocks: Block[], doubts?: Record<string, ReadNote>): string {
  const out: string[] = [];
  let open = '<html><body>';
  for (const b of blocks) {
    if (b.kind === 'text') {
      if (!b.text.trim()) continue;
      out.push(`${open}<p>${oneLine(b.text)}</p>`);
      open = '';
      continue;
    }
    const rows = b.rows.filter((r) => r.length);
    if (!rows.length) continue;
    rows.forEach((row, r) =>
      row.forEach((c, k) => {
        const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
        const before = k ? '' : r ? '</tr><tr>' : `${open}<table><tr>`;
        const after = r === rows.length - 1 && k === row.length - 1 ? '</tr></table>' : '';
        out.push(`${before}<td${span}>${oneLine(c.text)}</td>${after}`);
        if (c.doubt && doubts) doubts[`line ${out.length}`] = c.doubt;
        open = '';
      }),
    );
  }
  if (!out.length) out.push('<html><body>');
  out[out.length - 1] += '</body></html>';
  return out.join('\n');
}

const rowKey = (row: BlockCell[]) => row.map((c) => `${c.rowSpan}/${c.colSpan}/${c.text.replace(/\s+/g, '')}`).join('|');

/**
 * A table continued in a second table (split by hand, or across a page in a PDF) often repeats
 * its header rows: they are dropped from the continuation, which then reads as more rows of the
 * same table. Only rows equal to the first table's leading rows, texts and spans alike, go.
 */
export function dropRepeatedHeaders(blocks: Block[]): Block[] {
  // The first table of a run of tables with no text between them: the one whose header is repeated.
  let prev: Extract<Block, { kind: 'table' }> | null = null;
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'text') {
      if (b.text.trim()) prev = null;
      out.push(b);
      continue;
    }
    if (prev) {
      let k = 0;
      while (
        k < b.rows.length - 1 &&
        k < prev.rows.length &&
        rowKey(b.rows[k]) === rowKey(prev.rows[k]) &&
        /[^\d\s]/.test(rowKey(b.rows[k]))
      )
        k++;
      out.push(k ? { kind: 'table', rows: b.rows.slice(k) } : b);
    } else {
      out.push(b);
      prev = b;
    }
  }
  return out;
}

/** The blocks as a Book and text lines, through the HTML reader. */
export function blocksToBook(blocks: Block[], name: string): ParsedText {
  const doubts: Record<string, ReadNote> = {};
  const parsed = parseHtml(blocksToHtml(dropRepeatedHeaders(blocks), doubts), name);
  return Object.keys(doubts).length ? { ...parsed, doubts } : parsed;
}
