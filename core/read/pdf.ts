/**
 * PDF with a text layer (exported from Word or WPS) → blocks. pdfjs-dist gives the text with its
 * positions and the drawn paths; the tables are rebuilt from the ruling lines (stroked lines and
 * the thin filled rectangles Word draws as borders): columns and rows from their positions,
 * merged cells where a border is missing, a cell's wrapped lines joined. Page headers, footers and
 * page numbers are left out; paragraphs broken over lines are joined. Loaded only for a PDF.
 */
import type { Block, BlockCell } from './blocks';
import { ReadError } from './errors';
import { pdfResources } from './pdf-resources';
import { dropRepeatedHeaders } from './blocks';
import { alignColumns, joinBrokenRow, rulingTables, type Seg, type TextBit } from './pdf-tables';

/** Pages read at most: a report has a dozen; a hostile file may claim millions. */
export const MAX_PDF_PAGES = 200;

// The parts of pdfjs-dist used here (its own types are ESM-only declarations).
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
interface PdfPage {
  getTextContent(): Promise<{ items: (PdfTextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  getViewport(o: { scale: number }): { width: number; height: number };
  cleanup(): void;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
export interface PdfJs {
  getDocument(o: Record<string, unknown>): { promise: Promise<PdfDoc> };
  OPS: Record<string, number>;
}

let lib: Promise<PdfJs> | null = null;
/** pdfjs-dist, loaded once (exported for bench/documents.ts's baseline: the same library, text only). */
export function pdfjs(): Promise<PdfJs> {
  lib ??= (async () => {
    // The worker's code runs on this thread (pdfjs's "fake worker"): one file is read at a time anyway.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  })();
  return lib;
}

/** The CMaps and standard font data, where the host has said they are (core/read/pdf-resources.ts). */
function resources(): Record<string, unknown> {
  const r = pdfResources();
  return r
    ? {
        cMapUrl: r.cMapUrl,
        cMapPacked: true,
        standardFontDataUrl: r.standardFontDataUrl,
        ...(r.workerFetch ? { useWorkerFetch: true } : {}),
      }
    : {};
}

type M = [number, number, number, number, number, number];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The page's ruling segments: strokes, and thin filled rectangles (borders drawn as fills). */
function segments(ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>): Seg[] {
  const out: Seg[] = [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  const paint = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as M);
    else if (fn === OPS.constructPath) {
      const [op, data] = args as [number, (ArrayLike<number> | null)[]];
      if (!paint.has(op)) continue; // clipping paths are not borders
      const path = data?.[0];
      if (!path) continue;
      const pts: [number, number][][] = [];
      let cur: [number, number][] = [];
      for (let k = 0; k < path.length;) {
        const code = path[k];
        if (code === 0 || code === 1) {
          if (code === 0 && cur.length) {
            pts.push(cur);
            cur = [];
          }
          cur.push(apply(ctm, path[k + 1], path[k + 2]));
          k += 3;
        } else if (code === 2) k += 7;
        else if (code === 3) k += 5;
        else {
          if (cur.length) cur.push(cur[0]);
          k += 1;
        }
      }
      if (cur.length) pts.push(cur);
      for (const poly of pts) {
        if (fills.has(op)) {
          // A thin filled rectangle is a border line along its long side.
          // A loop, not a spread: a path may have more points than a call can take.
          let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
          for (const [x, y] of poly) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
          if (y1 - y0 <= 2.5 && x1 - x0 > 2) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
          else if (x1 - x0 <= 2.5 && y1 - y0 > 2) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
          continue;
        }
        for (let k = 1; k < poly.length; k++) {
          const [a, b] = [poly[k - 1], poly[k]];
          if (Math.abs(a[1] - b[1]) < 0.8 || Math.abs(a[0] - b[0]) < 0.8)
            out.push({ x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) });
        }
      }
    }
  }
  return out;
}

/** Text of a page as positioned bits (page space, y upwards). */
function textBits(items: (PdfTextItem | { type: string })[]): TextBit[] {
  const out: TextBit[] = [];
  for (const it of items) {
    if (!('str' in it) || !it.str.trim()) continue;
    const [a, b, , d, e, f] = it.transform;
    const size = Math.hypot(b, d) || it.height || Math.abs(a);
    out.push({ str: it.str, x: e, y: f, w: it.width, size });
  }
  return out;
}

interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

/** Bits outside the tables → lines, top to bottom. */
function toLines(bits: TextBit[]): Line[] {
  const sorted = [...bits].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { bits: TextBit[]; y: number }[] = [];
  for (const b of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - b.y) <= b.size * 0.4) last.bits.push(b);
    else lines.push({ bits: [b], y: b.y });
  }
  return lines.map((l) => {
    const bs = l.bits.sort((p, q) => p.x - q.x);
    let text = '';
    let end = -Infinity;
    for (const b of bs) {
      // A gap wider than a character is a space (or the column gap of a table without borders).
      if (text && b.x - end > b.size * 0.9) text += b.x - end > b.size * 2.5 ? '\t' : ' ';
      text += b.str;
      end = b.x + b.w;
    }
    return { y: l.y, x0: bs[0].x, x1: end, size: bs.reduce((m, b) => Math.max(m, b.size), -Infinity), text: text.trim() };
  });
}

const PAGE_NUMBER =
  /^([-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(\s*[，,/／]?\s*共\s*\d+\s*页)?|\d+\s*[/／]\s*\d+|page\s*\d+(\s*of\s*\d+)?)$/i;

/**
 * Lines in the top or bottom band of the page that are page numbers, or that repeat on several
 * pages once digits are ignored (running headers and footers).
 */
function dropHeadersFooters(pages: { lines: Line[]; height: number }[]): void {
  const key = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, '');
  const band = (l: Line, h: number) => l.y > h * 0.9 || l.y < h * 0.08;
  const seen = new Map<string, number>();
  for (const p of pages)
    for (const k of new Set(p.lines.filter((l) => band(l, p.height)).map((l) => key(l.text)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const p of pages)
    p.lines = p.lines.filter(
      (l) => !(band(l, p.height) && (PAGE_NUMBER.test(l.text.trim()) || (pages.length > 2 && (seen.get(key(l.text)) ?? 0) >= 2))),
    );
}

/** A line outside the drawn tables that reads as a table row: three or more pieces apart, two or more of them figures. */
function borderlessRow(l: Line): boolean {
  const parts = l.text.split('\t').map((t) => t.trim());
  return parts.length >= 3 && parts.filter((t) => /^[-+]?\d[\d,]*(\.\d+)?%?$/.test(t)).length >= 2;
}

const cjk = (ch: string | undefined) => !!ch && /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch);

/**
 * Lines → paragraphs: a line that reaches the right edge of the text continues on the next line.
 * A paragraph's lines are gathered and joined once (reading the last character of a string built
 * by joining copies it whole: a page of thousands of joined lines took the square of its length).
 */
function paragraphs(lines: Line[], right: number): string[] {
  const out: string[][] = [];
  let cur: Line | null = null;
  /** The last character of the paragraph so far. */
  let tail: string | undefined;
  for (const l of lines) {
    if (
      cur &&
      cur.x1 >= right - cur.size * 2 &&
      l.x0 <= cur.x0 + cur.size * 0.5 + 1 &&
      !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(l.text)
    ) {
      const join: string = cjk(tail) || cjk(l.text[0]) ? '' : ' ';
      out[out.length - 1].push(join, l.text);
      tail = l.text ? l.text[l.text.length - 1] : join || tail;
      cur = { ...l, x0: cur.x0 };
      continue;
    }
    cur = l;
    out.push([l.text]);
    tail = l.text[l.text.length - 1];
  }
  return out.map((parts) => parts.join(''));
}

/** A PDF's blocks: paragraphs and tables in reading order, page after page. Throws ReadError. */
export async function readPdfBlocks(data: Uint8Array, name: string): Promise<Block[]> {
  const { getDocument, OPS } = await pdfjs();
  let doc: PdfDoc;
  try {
    // A copy: pdfjs takes ownership of (and may detach) the buffer it is given.
    doc = await getDocument({
      data: data.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      ...resources(),
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password/i.test(msg)) throw new ReadError('encrypted', name, '', { cause: e });
    throw new ReadError('not_pdf', name, '', { cause: e });
  }
  try {
    const pages: { lines: Line[]; tables: { top: number; bottom: number; rows: BlockCell[][] }[]; height: number }[] = [];
    let chars = 0;
    /** Text drawn (show-text operators): text whose characters no font could name is not a scan. */
    let shown = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES); n++) {
      const page = await doc.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const bits = textBits((await page.getTextContent()).items);
      for (const b of bits) chars += b.str.trim().length;
      const ops = await page.getOperatorList();
      for (const fn of ops.fnArray) if (fn === OPS.showText || fn === OPS.showSpacedText) shown++;
      const { tables, rest } = rulingTables(bits, segments(ops, OPS));
      pages.push({ lines: toLines(rest), tables, height });
      page.cleanup();
    }
    if (doc.numPages === 0) throw new ReadError('pdf', name);
    if (chars === 0) throw new ReadError(shown ? 'pdf_fonts' : 'scanned_pdf', name);
    dropHeadersFooters(pages);
    // Rows of a table drawn without borders: columns could only be guessed from positions, and a
    // blank cell leaves no trace, so figures would land in the wrong columns. Refused, not guessed.
    if (pages.reduce((n, p) => n + p.lines.filter(borderlessRow).length, 0) >= 3) throw new ReadError('pdf_no_borders', name);
    const right = pages.reduce((m, p) => p.lines.reduce((n, l) => Math.max(n, l.x1), m), 0);
    // A table that ends one page and starts the next is one table: one column grid for its parts.
    let chain: BlockCell[][][] = [];
    for (const p of pages) {
      const first = [...p.tables.map((t) => ({ top: t.top, t })), ...p.lines.map((l) => ({ top: l.y, t: null }))].sort(
        (a, b) => b.top - a.top,
      );
      const lastIsTable = first.length > 0 && first[first.length - 1].t !== null;
      if (first[0]?.t && chain.length) chain.push(first[0].t.rows);
      else {
        if (chain.length > 1) alignColumns(chain);
        chain = first[0]?.t ? [first[0].t.rows] : [];
      }
      if (!lastIsTable) {
        if (chain.length > 1) alignColumns(chain);
        chain = [];
      }
      if (lastIsTable && first.length > 1) {
        if (chain.length > 1) alignColumns(chain);
        chain = [first[first.length - 1].t!.rows];
      }
    }
    if (chain.length > 1) alignColumns(chain);
    const blocks: Block[] = [];
    /** The table that ended the previous page with nothing below it, which this page's first table may continue. */
    let open: BlockCell[][] | null = null;
    /** The first part of that table, whose header a continuation repeats. */
    let head: BlockCell[][] | null = null;
    for (const p of pages) {
      // Paragraphs and tables in the order they stand on the page (top first).
      const items = [
        ...p.tables.map((t) => ({ top: t.top, block: { kind: 'table', rows: t.rows } as Block })),
        ...p.lines.map((l) => ({ top: l.y, line: l })),
      ].sort((a, b) => b.top - a.top);
      let run: Line[] = [];
      const flush = () => {
        for (const text of paragraphs(run, right)) blocks.push({ kind: 'text', text });
        run = [];
      };
      items.forEach((it, k) => {
        if ('line' in it) {
          run.push(it.line);
          open = null;
          return;
        }
        flush();
        let rows = (it.block as Extract<Block, { kind: 'table' }>).rows;
        if (k === 0 && open) {
          // Continued from the previous page: its repeated header goes, a row broken by the page is joined.
          const [, cont] = dropRepeatedHeaders([
            { kind: 'table', rows: head ?? open },
            { kind: 'table', rows },
          ]) as Extract<Block, { kind: 'table' }>[];
          rows = joinBrokenRow(open, cont.rows);
        }
        if (!(k === 0 && open)) head = rows;
        blocks.push({ kind: 'table', rows });
        open = k === items.length - 1 ? rows : null;
      });
      flush();
    }
    return blocks;
  } finally {
    await doc.destroy();
  }
}
