/**
 * 表三 and 表四 from a report whose tables are set to the page's width (Word, WPS) as
 * `pdftotext -layout` prints them (issue 18, item 8): header words cut over lines (自然 / 人,
 * 社会 / 公益 / 组织), labels wrapped in their cells, and figures too long for a narrow column
 * wrapped inside it (145424 printed as 1454 over 24). pdftotext places text by character count,
 * so columns are measured in characters; its places drift a few characters between parts of a
 * table, so a figure's column is read from the figures around it, not from the header alone.
 *
 * A table is rewritten (as tab-separated rows the text reader reads as any other) only when it is
 * narrow: a header word cut over lines or a figure continued on the next line. A continued piece
 * joins the figure above it in its cell: when the pieces on a line are as many as the figures
 * that may continue (a figure continues only when its piece fills its column), they pair in order;
 * otherwise by place, and a place not clear is a doubt (cell.uncertain, a warning). The totals'
 * balance is never used to decide a reading.
 */
import type { ReadNote } from '../model/report';
import { fold } from './fold';
import { spansOf, type Span } from './spaces';
import { MAX_COLS, isColumnHeaderStart, isColumnHeaderWord, isValueText, sectionHeading, type SourceLine } from './common';

/** A header cell, its pieces joined top to bottom. */
interface Stack {
  text: string;
  x0: number;
  x1: number;
  top: number;
  last: number;
}

/** A figure of a row: its pieces top to bottom, its column once placed. */
interface Figure {
  pieces: Span[];
  line: number;
  col: number;
  doubt?: 'doubt.wrapped' | 'doubt.column';
}

interface Row {
  label: string[];
  ownX: number;
  line: number;
  figures: Figure[];
  /** Index of the source line where the row's figures were last continued. */
  lastAt: number;
  /** Where the label pieces of the row's first line stand (its own label, a group's). */
  labelXs: number[];
}

/** The shift from the nearest of `xs` to `x`. */
const nearestShift = (x: number, xs: number[]) => xs.reduce((d, y) => (Math.abs(x - y) < Math.abs(d) ? x - y : d), Infinity);

/** A row label's numbering followed by its words: 一、… （一）… 1.… */
const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、](?![0-9]))[^\s0-9]/;
const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }, slack = 1) => a.x0 < b.x1 + slack && b.x0 < a.x1 + slack;
const textOf = (f: Figure) => f.pieces.map((p) => p.text).join('');
/** Most monotone placements tried when a place is read from positions. */
const MAX_TRIES = 20000;

/** A span's words (one space apart in it) with their own columns: 结 结 其 尚 are four header cells. */
function wordsOf(s: Span): { text: string; x0: number; x1: number }[] {
  const out: { text: string; x0: number; x1: number }[] = [];
  let x = s.x0;
  for (const w of s.text.split(' ')) {
    const len = Array.from(w).length;
    if (len) out.push({ text: w, x0: x, x1: x + len });
    x += len + 1;
  }
  return out;
}

/** Header pieces stacked into cells; null when a piece belongs to no header word. */
function headerStacks(lines: { spans: Span[]; at: number }[]): Stack[] | null {
  const stacks: Stack[] = [];
  let words = 0;
  for (const { spans, at } of lines)
    for (const s of spans)
      for (const piece of wordsOf(s)) {
        // A header has a few dozen words; a line of thousands is none (and is not compared pairwise).
        if (++words > MAX_COLS) return null;
        // Within two characters (pdftotext's places drift); the words decide between neighbours.
        const above = stacks.filter((k) => k.last < at && overlaps(k, piece, 2) && isColumnHeaderStart(k.text + piece.text));
        if (above.length === 1) {
          const k = above[0];
          k.text += piece.text;
          k.x0 = Math.min(k.x0, piece.x0);
          k.x1 = Math.max(k.x1, piece.x1);
          k.last = at;
        } else if (isColumnHeaderStart(piece.text)) stacks.push({ ...piece, top: at, last: at });
        else return null;
      }
  // Every cell a whole header word: a piece cut off (自然 with no 人 under it) is no header.
  return stacks.every((k) => isColumnHeaderWord(k.text)) ? stacks : null;
}

/** The header cells with no header cell under them, left to right. */
function leavesOf(stacks: Stack[]): Stack[] {
  return stacks.filter((s) => !stacks.some((t) => t !== s && t.top > s.top && overlaps(s, t))).sort((a, b) => a.x0 - b.x0);
}

/**
 * The monotone placement of pieces at `xs` among places `refs` nearest in all (each piece a
 * place of its own, order kept), and whether it is clear (each piece d characters from its place
 * and at least 2d + 3 from any other, no other placement near in all); null past MAX_TRIES.
 */
export function placeInOrder(xs: number[], refs: number[]): { at: number[]; sure: boolean } | null {
  const k = xs.length;
  const n = refs.length;
  if (k > n) return null;
  if (k === n) return { at: refs.map((_, j) => j), sure: true };
  let best: { at: number[]; cost: number } | null = null;
  let second = Infinity;
  let tries = 0;
  const at: number[] = [];
  const walk = (i: number, from: number, cost: number): boolean => {
    if (++tries > MAX_TRIES) return false;
    if (i === k) {
      if (!best || cost < best.cost) {
        if (best) second = Math.min(second, best.cost);
        best = { at: [...at], cost };
      } else second = Math.min(second, cost);
      return true;
    }
    for (let j = from; j <= n - (k - i); j++) {
      at.push(j);
      const ok = walk(i + 1, j + 1, cost + Math.abs(xs[i] - refs[j]));
      at.pop();
      if (!ok) return false;
    }
    return true;
  };
  if (!walk(0, 0, 0) || !best) return null;
  const found = best as { at: number[]; cost: number };
  // Clear when no other placement comes near, and each piece stands clearly nearest its own place.
  const clear = xs.every((x, i) => {
    const d = Math.abs(x - refs[found.at[i]]);
    return refs.every((r, j) => j === found.at[i] || Math.abs(x - r) >= 2 * d + 3);
  });
  return { at: found.at, sure: clear && second - found.cost >= 3 };
}

/** One table's lines (a section's, after its heading) read, or null when it is no narrow table. */
function readTable(region: SourceLine[], doubts: Record<string, ReadNote>): SourceLine[] | null {
  const lines = region.map((l, i) => ({ l, i, spans: spansOf(l.text.replace(/\f/g, ''), true) }));
  // No table has more cells on a line than a grid keeps (hostile input may: never read one quadratically).
  if (lines.some((x) => x.spans.length > MAX_COLS)) return null;
  const firstData = lines.findIndex((x) => x.spans.some((s) => isValueText(s.text)));
  if (firstData < 1) return null;
  // The header block: the lines just above the first figures, every piece a header word's.
  const block = (from: number) => lines.slice(from, firstData).filter((x) => x.spans.length);
  let h = Math.max(0, firstData - 16);
  while (h < firstData && !headerStacks(block(h).map((x) => ({ spans: x.spans, at: x.i })))) h++;
  const headerLines = block(h);
  if (!headerLines.length) return null;
  h = headerLines[0].i;
  const stacks = headerStacks(headerLines.map((x) => ({ spans: x.spans, at: x.i })))!;
  const leaves = leavesOf(stacks);
  // Columns side by side, or no column layout at all (headers one per line).
  if (leaves.length < 2 || leaves.some((a, k) => k > 0 && overlaps(leaves[k - 1], a, 0))) return null;

  const rows: Row[] = [];
  let end = lines.length;
  let continued = false;
  for (let i = firstData; i < lines.length; i++) {
    const { spans, l } = lines[i];
    if (!spans.length) continue;
    const figs = spans.filter((s) => isValueText(s.text));
    const labels = spans.filter((s) => !isValueText(s.text));
    // A header repeated on a new page.
    if (!figs.length && labels.every((s) => s.text.split(/\s+/).every((w) => isColumnHeaderStart(w)))) continue;
    if (figs.length && labels.some((s) => s.x0 > figs[0].x0)) {
      end = i;
      break;
    }
    const own = labels[labels.length - 1];
    const cur = rows[rows.length - 1];
    const numbered = own && NUMBERED.test(fold(own.text));
    // A group label down the left (（三）不予公开) on a line of its own starts no row.
    const starts = numbered && !(cur && !figs.length && own.x0 < cur.ownX - 1);
    if (starts || !cur) {
      if (!starts && labels.length) {
        end = i;
        break;
      }
      rows.push({
        label: own && starts ? [own.text] : [],
        ownX: own && starts ? own.x0 : -1,
        line: l.line,
        figures: [],
        lastAt: -1,
        labelXs: labels.map((x) => x.x0),
      });
    } else {
      const valueStart = Math.min(...leaves.map((x) => x.x0).filter((x) => x > cur.ownX), Infinity);
      for (const s of labels) {
        if (s.x1 > valueStart + 1) {
          end = i;
          break;
        }
        if (s.x0 >= cur.ownX - 1 && cur.ownX >= 0) cur.label.push(s.text);
      }
      if (end === i) {
        // A line of text across the table (a page's footer) is no part of it; a row with figures is.
        if (!figs.length) {
          end = lines.length;
          continue;
        }
        break;
      }
    }
    const row = rows[rows.length - 1];
    if (!figs.length) continue;
    if (!row.figures.length) {
      row.figures = figs.map((s) => ({ pieces: [s], line: l.line, col: -1 }));
      row.line = l.line;
    } else {
      continued = true;
      // The line's drift, from its first label piece and the nearest label piece of the row's first line.
      const drift = labels.length && row.labelXs.length ? nearestShift(labels[0].x0, row.labelXs) : 0;
      if (!continueFigures(row, figs, Math.abs(drift) <= 8 ? drift : 0)) return null;
    }
    row.lastAt = i;
  }
  const wrappedHeader = stacks.some((s) => s.last > s.top);
  if (!rows.length || (!continued && !wrappedHeader)) return null;
  // Rows set apart by empty lines (cell padding, a web page printed) are joined by core/import/layout-rows.ts.
  const blanks = lines.slice(firstData, end).filter((x) => !x.spans.length).length;
  if (blanks * 2 >= rows.length) return null;

  const hasLabels = rows.some((r) => r.label.length);
  const firstFigure = Math.min(...rows.flatMap((r) => r.figures.map((f) => f.pieces[0].x0)));
  const labelLeaf = hasLabels && leaves.length && leaves[0].x0 < firstFigure - 1 ? leaves[0] : null;
  const columns = leaves.filter((x) => x !== labelLeaf);
  const n = columns.length;
  if (!n) return null;
  // More figures on a row's first line than columns: misread lines, kept in doubt (the first n, in order).
  for (const r of rows)
    if (r.figures.length > n) {
      r.figures = r.figures.slice(0, n);
      for (const f of r.figures) f.doubt = 'doubt.column';
    }
  placeColumns(rows, columns);

  const out: SourceLine[] = region.slice(0, h);
  const lead = labelLeaf ? 1 : 0;
  const tops = [...new Set(stacks.map((s) => s.top))].sort((a, b) => a - b);
  for (const top of tops) {
    const cells = new Array<string>(n + lead).fill('');
    for (const s of stacks.filter((x) => x.top === top)) {
      const j = columns.findIndex((c) => overlaps(c, s));
      if (s === labelLeaf || j < 0) cells[0] = lead ? s.text : cells[0];
      else cells[j + lead] = s.text;
    }
    out.push({ line: region[top].line, text: cells.join('\t') });
  }
  for (const r of rows) {
    // One doubt in a row puts its other figures in doubt too: a piece joined to the wrong figure changes two.
    const doubt = r.figures.find((f) => f.doubt)?.doubt;
    if (doubt) for (const f of r.figures) f.doubt ??= doubt;
    const cells = new Array<string>(n).fill('');
    for (const f of r.figures) {
      const text = textOf(f);
      cells[f.col] = text;
      if (f.doubt) doubts[`line ${r.line}=${text}`] = { key: f.doubt, params: { text: f.pieces.map((p) => p.text).join(' / ') } };
    }
    // A blank beside figures in doubt may be where one of them belongs.
    if (doubt && cells.includes('')) doubts[`line ${r.line}=`] = { key: 'doubt.blank', params: {} };
    out.push({ line: r.line, text: [...(lead ? [r.label.join('')] : []), ...cells].join('\t') });
  }
  return [...out, ...region.slice(end)];
}

/**
 * Pieces on a line under a row's figures continue them: a figure continues only when its last
 * piece fills its column (as long as the longest piece of the row); as many pieces as such
 * figures pair in order, fewer go by place (a doubt when the place is not clear).
 */
function continueFigures(row: Row, figs: Span[], drift: number): boolean {
  const open = row.figures.filter((f) => f.pieces.length && f.line >= 0);
  const full = Math.max(...open.map((f) => f.pieces[f.pieces.length - 1].text.length));
  let cands = open.filter((f) => f.pieces[f.pieces.length - 1].text.length >= full);
  if (figs.length > cands.length) cands = open;
  if (figs.length > cands.length) {
    // More pieces than figures: the lines are not what they seem; each joins the nearest, all in doubt.
    for (const s of figs) {
      const f = open.reduce((b, g) => (Math.abs(g.pieces[0].x0 - s.x0 + drift) < Math.abs(b.pieces[0].x0 - s.x0 + drift) ? g : b));
      f.pieces.push(s);
    }
    for (const f of open) f.doubt = 'doubt.wrapped';
    return true;
  }
  const placed = placeInOrder(
    figs.map((s) => s.x0 - drift),
    cands.map((f) => f.pieces[f.pieces.length - 1].x0),
  );
  figs.forEach((s, i) => {
    const f = cands[placed ? placed.at[i] : i];
    f.pieces.push(s);
    if (!placed || !placed.sure) f.doubt = 'doubt.wrapped';
  });
  return true;
}

/**
 * Each row's figures to their columns: a row with a figure in every column in order; a row with
 * fewer by place, measured against the nearest row that fills every column (pdftotext's places
 * drift between parts of a table), else against the header; a doubt when the place is not clear.
 */
function placeColumns(rows: Row[], columns: Stack[]): void {
  const n = columns.length;
  // The nearest full row before and after each row, in two passes (a table may have many rows).
  const before: number[] = [];
  const after: number[] = new Array<number>(rows.length).fill(-1);
  rows.forEach((r, i) => before.push(r.figures.length === n ? i : i > 0 ? before[i - 1] : -1));
  for (let i = rows.length - 1; i >= 0; i--) after[i] = rows[i].figures.length === n ? i : i + 1 < rows.length ? after[i + 1] : -1;
  rows.forEach((r, i) => {
    if (r.figures.length === n) {
      r.figures.forEach((f, j) => (f.col = j));
      return;
    }
    const near = before[i] < 0 ? after[i] : after[i] < 0 || i - before[i] <= after[i] - i ? before[i] : after[i];
    const refs = near >= 0 ? rows[near].figures.map((f) => f.pieces[0].x0) : columns.map((c) => c.x0);
    const placed = placeInOrder(
      r.figures.map((f) => f.pieces[0].x0),
      refs,
    );
    r.figures.forEach((f, k) => {
      f.col = placed ? placed.at[k] : k;
      if (!placed || !placed.sure) f.doubt ??= 'doubt.column';
    });
  });
}

/**
 * The lines of a text with the narrow tables of sections 三 and 四 rewritten as tab-separated rows
 * (header rows, then one row per table row: its label, its figures each whole in its column), and
 * the doubts of their reading by `line N=figure`; every other line as it was.
 */
export function readNarrowTables(lines: SourceLine[]): { lines: SourceLine[]; doubts: Record<string, ReadNote> } {
  const out: SourceLine[] = [];
  const doubts: Record<string, ReadNote> = {};
  const heading = (l: SourceLine) => sectionHeading(l.text.replace(/\f/g, ''));
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    const n = heading(lines[i]);
    if (n !== 3 && n !== 4) continue;
    let j = i + 1;
    while (j < lines.length && !heading(lines[j])) j++;
    const region = lines.slice(i + 1, j);
    // Only where the table is narrow; the rest is read as before (core/import/layout-rows.ts, spaces.ts).
    const read = region.some((l) => l.text.includes('\t') || l.text.includes('|')) ? null : readTable(region, doubts);
    for (const l of read ?? region) out.push(l);
    i = j - 1;
  }
  return { lines: out, doubts };
}
