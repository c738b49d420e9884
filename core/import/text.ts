/**
 * A published report as plain text (copied from a web page, or extracted from a PDF) turned into
 * a Grid of kind 'text': one grid row per table row, cells split on tabs, pipes (markdown tables),
 * runs of 2+ spaces, single spaces before trailing numbers, or laid out one cell per line (a label
 * line followed by its value lines, joined here into one row). Refs are `line N` of the source.
 *
 * Sections 一、五、六 (free text) are kept as text lines, not as grid rows, so that a sentence
 * mentioning 行政许可 is never taken for a table row. Linear time; no backtracking regexes.
 */
import type { Book } from '../read/grid';
import type { ReadNote } from '../model/report';
import { SpacedColumns } from './spaces';
import { joinLayoutRows } from './layout-rows';
import { readNarrowTables } from './narrow-columns';
import {
  MAX_COLS,
  cellValue,
  isColumnHeaderWord,
  isRowLabel,
  isTextSection,
  isValueText,
  linesGrid,
  sectionHeading,
  type RowOut,
  type SourceLine,
  type TextLine,
} from './common';
import { textPageFacts, type PageFacts } from './page-facts';

export interface ParsedText {
  book: Book;
  /** The free text (title, sections 一、五、六) with `line N` refs, for text.* rules. */
  textLines: TextLine[];
  /** Cells whose reading is uncertain, by ref (a PDF's figure drawn across a cell border…). */
  doubts?: Record<string, ReadNote>;
  /** The ref of the last row of a text cut off inside its tables: its empty cells are missing, not blank. */
  cutRow?: string;
  /** What the page says about itself (title, 发布日期), for the evaluator (core/import/page-facts.ts). */
  page?: PageFacts;
}

/** Source lines of a text (BOM dropped), 1-based. */
export function sourceLines(text: string): SourceLine[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.split(/\r\n|\r|\n/).map((s, i) => ({ line: i + 1, text: s }));
}

export function textToBook(text: string, name: string): Book {
  return parseText(text, name).book;
}

export function parseText(text: string, name: string): ParsedText {
  const narrow = readNarrowTables(sourceLines(text));
  const parsed = parseLines(joinLayoutRows(narrow.lines), name, 'text');
  return Object.keys(narrow.doubts).length ? { ...parsed, doubts: narrow.doubts } : parsed;
}

const SPACE = /[ \u00a0\u3000]/;

/** A markdown table rule line: |---|:--:|. */
function isRuleLine(t: string): boolean {
  if (!t.includes('-')) return false;
  for (const ch of t) if (ch !== '|' && ch !== '-' && ch !== ':' && ch !== ' ' && ch !== '\t' && ch !== '+' && ch !== '=') return false;
  return /-{3}|={3}/.test(t);
}

/** Tokens that read as CJK words with no numbering: a header row written with single spaces. */
function isPlainWord(t: string): boolean {
  return t.length >= 2 && !/[0-9０-９()（）、.．:：]/.test(t) && /^[\u2e80-\u9fff\uf900-\ufaff/／]+$/.test(t);
}

/** One line's cells, in order. Empty cells between tabs or pipes are kept (trailing ones dropped). */
export function splitCells(raw: string): string[] {
  const t = raw.trimEnd();
  const trimmed = t.trim();
  if (!trimmed || isRuleLine(trimmed)) return [];
  let cells: string[];
  let pipes = 0;
  for (let i = 0; i < t.length && pipes < 2; i++) if (t.charCodeAt(i) === 124) pipes++;
  if (trimmed.startsWith('|') || (!t.includes('\t') && pipes >= 2)) {
    cells = trimmed.split('|');
    if (trimmed.startsWith('|')) cells.shift();
    if (trimmed.endsWith('|') && cells.length > 1) cells.pop();
    cells = cells.map((c) => c.trim());
  } else if (t.includes('\t')) {
    cells = t.split('\t').map((c) => c.trim());
  } else {
    cells = [];
    // One at a time: a line of hundreds of thousands of numbers is too many for a spread (stack overflow).
    for (const part of trimmed.split(/[ \u00a0\u3000]{2,}/)) for (const c of splitSingleSpaces(part)) cells.push(c);
  }
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells.length > MAX_COLS ? cells.slice(0, MAX_COLS) : cells;
}

/** "（一）予以公开 0 0 0" → label and numbers; "结果维持 结果纠正 总计" → three header words; else one cell. */
function splitSingleSpaces(part: string): string[] {
  if (!SPACE.test(part)) return [part];
  const tokens = part.split(/[ \u00a0\u3000]+/).filter((x) => x);
  let k = tokens.length;
  while (k > 0 && isValueText(tokens[k - 1])) k--;
  if (k < tokens.length) return k > 0 ? [tokens.slice(0, k).join(' '), ...tokens.slice(k)] : tokens;
  // A header row written with single spaces: plain words, most of them known column headers.
  if (tokens.length >= 2 && tokens.every(isPlainWord) && tokens.filter(isColumnHeaderWord).length * 2 >= tokens.length) return tokens;
  return [part];
}

/**
 * Lines → grid rows and text lines. `kind` 'text': cells follow their labels in order. Used for
 * plain text and for HTML pages that carry no <table>.
 */
export function parseLines(lines: SourceLine[], name: string, kind: 'text' | 'sheet'): ParsedText {
  const hasSections = lines.some((l) => sectionHeading(l.text) > 0);
  const textLines: TextLine[] = [];
  const rows: { cells: string[]; line: number; table?: boolean; pipe?: boolean }[] = [];
  let section = 0;
  const spaced = new SpacedColumns();
  for (const l of lines) {
    const trimmed = l.text.trim();
    if (!trimmed) continue;
    const n = sectionHeading(l.text);
    if (n > section) section = n;
    if (n) spaced.reset();
    const pipeCell = pipeCellOf(l.text);
    const aligned = pipeCell || !hasSections || isTextSection(section) ? null : spaced.cells(l.text);
    const cells = pipeCell ?? aligned ?? splitCells(l.text);
    if (!hasSections) {
      if (cells.length === 1 && !isValueText(cells[0])) textLines.push({ ref: `line ${l.line}`, text: trimmed });
      if (cells.length) rows.push({ cells, line: l.line });
      continue;
    }
    if (isTextSection(section)) {
      textLines.push({ ref: `line ${l.line}`, text: trimmed });
      // The title and short preamble lines (year, agency) stay visible to the locator, and so do
      // rows of several cells: a table whose section heading was not recognised is not lost.
      if (cells.length > 1 || (section === 0 && trimmed.length <= 60 && cells.length)) rows.push({ cells, line: l.line });
      continue;
    }
    if (cells.length) rows.push({ cells, line: l.line, table: true, ...(pipeCell ? { pipe: true } : {}) });
  }
  const out = joinOneCellPerLine(joinWrappedLabels(rows));
  // A text that never reaches section 五 ends inside the tables (a stored copy cut off): its last row,
  // shorter than the row above it, was cut too. Its empty cells are missing (said so), not blank.
  const last = out[out.length - 1];
  const cut = hasSections && section > 1 && section < 5 && out.length >= 2 && valueCount(last) < valueCount(out[out.length - 2]);
  const page = textPageFacts(lines);
  return {
    book: { name, grids: [linesGrid(name, kind, out)] },
    textLines,
    ...(cut ? { cutRow: `line ${last.lines[0]}` } : {}),
    ...(page.published ? { page } : {}),
  };
}

const valueCount = (r: RowOut) => r.cells.filter((c) => typeof c === 'number' || (typeof c === 'string' && isValueText(c))).length;

/**
 * A page copied one cell per line with the cell's right border ("本年新收…数量 |", "0 |"), where
 * a line of pipes alone ("|", "||") is that many empty cells: the cells of the line, empty ones
 * kept (they hold the columns' places), or null for a line of another layout.
 */
function pipeCellOf(raw: string): string[] | null {
  const t = raw.trim();
  if (!t.endsWith('|')) return null;
  if (/^\|+$/.test(t)) return t.length > MAX_COLS ? null : Array<string>(t.length).fill('');
  const body = t.slice(0, -1);
  if (body.includes('|') || body.includes('\t')) return null;
  return [body.trim()];
}

/** How a row label starts: 一、 （一） 1. — a line starting so is a label of its own, never the rest of the one above. */
const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、](?![0-9]))/;

/** Brackets opened and not closed: "（二）部分公开（区分处理的，只计这一" is cut in the middle. */
function opensBracket(t: string): boolean {
  let depth = 0;
  for (const ch of t) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * A table label wrapped over lines (text copied from a PDF: "（二）部分公开（区分处理的，只计这一" /
 * "情形，不计其他情形） 16 1 0 …") joined into one before labels are matched: a line holding only
 * text joins the next when that one starts with no numbering, is no column header, and carries the
 * row's values or closes a bracket the first left open.
 */
function joinWrappedLabels<T extends { cells: string[]; line: number; table?: boolean }>(rows: T[]): T[] {
  const out: T[] = [];
  const lone = (r: T) =>
    r.table && r.cells.length === 1 && !isValueText(r.cells[0]) && !isColumnHeaderWord(r.cells[0]) && !sectionHeading(r.cells[0]);
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i];
    const b = rows[i + 1];
    if (b && b.table && lone(a)) {
      const head = b.cells[0] ?? '';
      const rest = b.cells.slice(1);
      const continues =
        head !== '' &&
        !isValueText(head) &&
        !NUMBERED.test(head.trim()) &&
        !isColumnHeaderWord(head) &&
        !isRowLabel(head) &&
        !sectionHeading(head) &&
        (opensBracket(a.cells[0]) || (rest.length > 0 && rest.every((c) => c === '' || isValueText(c))));
      if (continues) {
        out.push({ ...b, cells: [a.cells[0] + head.trim(), ...rest] });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "One cell per line": a label line followed by value lines becomes one row; consecutive column
 * header lines become one header row. A run of values after a column header (表四's value row
 * follows its last header, 总计) becomes a row of its own.
 */
function joinOneCellPerLine(rows: { cells: string[]; line: number; pipe?: boolean }[]): RowOut[] {
  const out: RowOut[] = [];
  const single = (i: number) => rows[i].cells.length === 1;
  // Empty cells of the one-cell-per-line pipe layout keep their places among the values.
  const valueAt = (i: number) =>
    (single(i) && isValueText(rows[i].cells[0])) || (!!rows[i].pipe && rows[i].cells.every((c) => c === '' || isValueText(c)));
  const cellsOf = (run: { cells: string[] }[]) => run.flatMap((x) => x.cells);
  const linesOf = (run: { cells: string[]; line: number }[]) => run.flatMap((x) => x.cells.map(() => x.line));
  const headerAt = (i: number) => single(i) && isColumnHeaderWord(rows[i].cells[0]);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    // Column headers one per line (信息内容 / 本年制发件数 / …) become one header row.
    if (headerAt(i) && i + 1 < rows.length && headerAt(i + 1)) {
      let k = i + 1;
      while (k < rows.length && headerAt(k)) k++;
      const run = rows.slice(i, k);
      out.push(
        toRow(
          run.map((x) => x.cells[0]),
          run.map((x) => x.line),
        ),
      );
      // Values right under the headers (表四's one data row) form their own row.
      let j = k;
      while (j < rows.length && valueAt(j)) j++;
      if (j > k) out.push(toRow(cellsOf(rows.slice(k, j)), linesOf(rows.slice(k, j))));
      i = j - 1;
      continue;
    }
    let j = i + 1;
    while (j < rows.length && valueAt(j)) j++;
    const isLabel = single(i) && !isValueText(row.cells[0]);
    if (j > i + 1 && (isLabel || valueAt(i))) {
      const values = rows.slice(i + 1, j);
      if (isLabel && (isColumnHeaderWord(row.cells[0]) || sectionHeading(row.cells[0]))) {
        out.push(toRow(row.cells, [row.line]));
        out.push(toRow(cellsOf(values), linesOf(values)));
      } else {
        out.push(toRow([row.cells[0], ...cellsOf(values)], [row.line, ...linesOf(values)]));
      }
      i = j - 1;
      continue;
    }
    out.push(
      toRow(
        row.cells,
        row.cells.map(() => row.line),
      ),
    );
  }
  return out;
}

function toRow(cells: string[], lines: number[]): RowOut {
  const capped = cells.length > MAX_COLS ? cells.slice(0, MAX_COLS) : cells;
  return {
    cells: capped.map(cellValue),
    lines: lines.length >= capped.length ? lines.slice(0, capped.length) : capped.map((_, k) => lines[k] ?? lines[0]),
  };
}
