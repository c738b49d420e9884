/**
 * Word .docx → blocks (paragraphs and tables in reading order). The package is opened with fflate
 * (core/read/zip.ts) and word/document.xml streamed through saxes: no DOM, linear time. Tables keep
 * their merges (w:gridSpan across, w:vMerge down, w:gridBefore), a table nested in a cell follows
 * its outer table as a table of its own, tracked deletions and field codes are left out.
 * (ECMA-376 Part 1, §17.4: tables; §17.3.1: paragraphs; §17.3.3.31 w:t.)
 */
import { SaxesParser } from 'saxes';
import { ReadError } from './errors';
import type { Block, BlockCell } from './blocks';
import { inflateEntry, zipEntries, ZipEntryError } from './zip';

export const DEFAULT_MAX_DOCX_XML = 64 * 1024 * 1024;

interface RawCell {
  text: string[];
  col: number;
  span: number;
  /** 'restart' starts a vertical merge, 'continue' extends the one above. */
  vmerge: 'restart' | 'continue' | null;
}
interface TableCtx {
  rows: RawCell[][];
  row: RawCell[] | null;
  col: number;
  cell: RawCell | null;
  /** Tables nested in this one's cells, emitted after it. */
  nested: Block[];
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const intAttr = (v: string | undefined, dflt: number, max: number) => {
  const n = v === undefined ? dflt : parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : dflt;
};

/** Vertical merges → row spans: a restart cell spans the continue cells below it at the same column. */
function toBlockRows(rows: RawCell[][]): BlockCell[][] {
  const at = rows.map((row) => new Map(row.map((c) => [c.col, c])));
  return rows.map((row, r) => {
    const out: BlockCell[] = [];
    let next = 0;
    for (const c of row) {
      if (c.col > next) out.push({ text: '', rowSpan: 1, colSpan: c.col - next }); // w:gridBefore
      next = c.col + c.span;
      if (c.vmerge === 'continue' && r > 0 && at[r - 1].get(c.col)?.vmerge) continue;
      let span = 1;
      if (c.vmerge === 'restart') while (r + span < rows.length && at[r + span].get(c.col)?.vmerge === 'continue') span++;
      out.push({ text: c.text.join('\n'), rowSpan: span, colSpan: c.span });
    }
    return out;
  });
}

/**
 * A continue cell whose restart is missing (a damaged file) stays a cell of its own. The columns
 * merged down from each row are looked up in a set, not by reading the row above for every cell
 * (a row of 40,000 merged cells took 2 s).
 */
function markOrphans(rows: RawCell[][]): void {
  let above = new Set<number>();
  for (let r = 0; r < rows.length; r++) {
    for (const c of rows[r]) if (c.vmerge === 'continue' && (r === 0 || !above.has(c.col))) c.vmerge = null;
    above = new Set(rows[r].filter((a) => a.vmerge).map((a) => a.col));
  }
}

/** word/document.xml → blocks. */
export function documentBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableCtx[] = [];
  const paras: string[][] = []; // open paragraphs (a text box's paragraphs sit inside one)
  let inText = false;
  let skip = 0; // inside w:del, w:instrText…
  let runs = 0;
  const parser = new SaxesParser({ position: false });
  const top = () => tables[tables.length - 1];
  parser.on('opentag', (tag) => {
    const n = local(tag.name);
    const attr = (k: string) => (tag.attributes as Record<string, string>)[`w:${k}`] ?? (tag.attributes as Record<string, string>)[k];
    if (skip) {
      skip++; // saxes reports a close for self-closing tags too
      return;
    }
    switch (n) {
      case 'del':
      case 'instrText':
      case 'delText':
      case 'footnoteReference':
        if (!tag.isSelfClosing) skip = 1;
        return;
      case 'p':
        paras.push([]);
        return;
      case 't':
        inText = true;
        return;
      case 'r':
        runs++;
        return;
      case 'tab': // in a run; w:tabs/w:tab in paragraph properties are tab stops, not text
        if (runs && paras.length) paras[paras.length - 1].push('\t');
        return;
      case 'br':
      case 'cr':
        if (runs && paras.length) paras[paras.length - 1].push('\n');
        return;
      case 'tbl':
        tables.push({ rows: [], row: null, col: 0, cell: null, nested: [] });
        return;
      case 'tr':
        if (top()) {
          top().row = [];
          top().col = 0;
        }
        return;
      case 'gridBefore':
        if (top()?.row && !top().cell) top().col += intAttr(attr('val'), 0, 64);
        return;
      case 'tc':
        if (top()?.row) top().cell = { text: [], col: top().col, span: 1, vmerge: null };
        return;
      case 'gridSpan':
        if (top()?.cell) top().cell!.span = Math.max(1, intAttr(attr('val'), 1, 64));
        return;
      case 'vMerge':
        if (top()?.cell) top().cell!.vmerge = attr('val') === 'restart' ? 'restart' : 'continue';
        return;
    }
  });
  parser.on('text', (t) => {
    if (inText && !skip && paras.length) paras[paras.length - 1].push(t);
  });
  parser.on('closetag', (tag) => {
    const n = local(tag.name);
    if (skip) {
      skip--;
      return;
    }
    switch (n) {
      case 't':
        inText = false;
        return;
      case 'r':
        runs--;
        return;
      case 'p': {
        const text = (paras.pop() ?? []).join('');
        const t = top();
        if (t?.cell) t.cell.text.push(text);
        else if (paras.length) paras[paras.length - 1].push(text);
        else blocks.push({ kind: 'text', text });
        return;
      }
      case 'tc': {
        const t = top();
        if (t?.row && t.cell) {
          t.row.push(t.cell);
          t.col = t.cell.col + t.cell.span;
          t.cell = null;
        }
        return;
      }
      case 'tr': {
        const t = top();
        if (t?.row) t.rows.push(t.row);
        if (t) t.row = null;
        return;
      }
      case 'tbl': {
        const t = tables.pop()!;
        markOrphans(t.rows);
        const own: Block[] = [{ kind: 'table', rows: toBlockRows(t.rows) }, ...t.nested];
        const outer = top();
        // One at a time: a document may hold more tables than a spread can pass (stack overflow).
        for (const b of own) (outer ? outer.nested : blocks).push(b);
        return;
      }
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** A .docx file's blocks. Throws ReadError (damaged package, encrypted, too large). */
export function readDocxBlocks(data: Uint8Array, name: string, maxXml = DEFAULT_MAX_DOCX_XML): Block[] {
  const entries = zipEntries(data);
  if (!entries) throw new ReadError('truncated', name);
  const doc = entries.find((e) => e.name === 'word/document.xml') ?? entries.find((e) => /^word\/document\d*\.xml$/.test(e.name));
  if (!doc) throw new ReadError('not_docx', name);
  let bytes: Uint8Array;
  try {
    bytes = inflateEntry(data, doc, maxXml);
  } catch (e) {
    if (e instanceof ZipEntryError && e.why === 'too_large') throw new ReadError('too_large', name, `> ${maxXml >> 20} MB`);
    if (e instanceof ZipEntryError && e.why === 'encrypted') throw new ReadError('encrypted', name);
    throw new ReadError('not_docx', name, '', { cause: e });
  }
  try {
    return documentBlocks(new TextDecoder('utf-8').decode(bytes));
  } catch (e) {
    throw new ReadError('not_docx', name, 'XML', { cause: e });
  }
}
