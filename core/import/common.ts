/**
 * What the text and HTML importers share: the report's sections (一、…六、), numeric-looking cell
 * texts, and turning rows of cells that remember their source line into a Grid.
 */
import type { Grid, Merge } from '../read/grid';
import { FORMS } from '../forms';
import { fold } from './fold';

/** Most cells a grid row keeps: published tables have at most 20 columns; hostile input may have millions. */
export const MAX_COLS = 256;
/** Largest row or column span honoured in an HTML table. */
export const MAX_SPAN = 1000;

export interface SourceLine {
  /** 1-based line of the source. */
  line: number;
  text: string;
}

export interface TextLine {
  ref: string;
  text: string;
}

/** A row on its way into a grid: cells with the source line of each. */
export interface RowOut {
  cells: (string | number | null)[];
  lines: number[];
}

/**
 * The six sections of the report (docs/formats.md "The report's six sections"): 1, 5 and 6 are free text, 2–4 hold the tables.
 * A heading is a short line starting with a numeral (一、) or not, carrying its section's words.
 */
const SECTION_WORDS: { n: number; all: string[]; numbered?: boolean }[] = [
  { n: 1, all: ['总体情况'] },
  { n: 2, all: ['主动公开政府信息'] },
  { n: 2, all: ['主动公开'], numbered: true },
  { n: 3, all: ['收到和处理政府信息公开申请'] },
  { n: 3, all: ['依申请公开'], numbered: true },
  { n: 3, all: ['收到和处理'], numbered: true },
  { n: 4, all: ['行政复议', '行政诉讼'] },
  { n: 5, all: ['存在的主要问题'] },
  { n: 5, all: ['存在问题'], numbered: true },
  { n: 6, all: ['其他需要报告'] },
];

const NUMERALS = '一二三四五六';

/**
 * The section a line heads, or 0 when it is no heading. Headings are "二、…" (the numeral must be
 * the section's own) or unnumbered; "（二）…" is a sub-heading inside section 一, not a section.
 */
export function sectionHeading(text: string): number {
  const f = fold(text);
  if (!f || f.length > 40) return 0;
  const m = /^([一二三四五六七八九十]+)[、.．]/.exec(f);
  if (!m && /^[(（第0-9]/.test(f)) return 0;
  const body = m ? f.slice(m[0].length) : f;
  if (/[0-9]/.test(body)) return 0;
  for (const s of SECTION_WORDS) {
    if (!s.all.every((w) => body.includes(w)) || (s.numbered && !m)) continue;
    if (m && m[1] !== NUMERALS[s.n - 1]) continue;
    // 表四's own header row reads 行政复议 … 行政诉讼: a heading is numbered or ends with 情况.
    if (s.n === 4 && (body.length > 30 || !(m || body.endsWith('情况')))) return 0;
    return s.n;
  }
  return 0;
}

export const isTextSection = (n: number) => n === 0 || n === 1 || n === 5 || n === 6;

/** Cell text that stands for a value: a number (maybe with sign, unit, separators) or a placeholder. */
export function isValueText(s: string): boolean {
  const t = s.trim();
  if (!t) return false;
  if (/^[/／\\\-－—–―─、…×xX]{1,3}$/.test(t) || t === '无' || t === '無' || t === '暂无' || t === '空' || /^n\/?a$/i.test(t)) return true;
  return /^[+\-−－]?[0-9０-９][0-9０-９,，.．]{0,40}\s?(件次|件|个|项|項|条|次|宗|家|份|人次|人|万元|元|%)?$/.test(t);
}

/** What a grid stores for a cell's text: plain decimal numbers become numbers, anything else stays text (so that readers note disguises). */
export function cellValue(text: string): string | number | null {
  const t = text.trim();
  if (!t) return null;
  if (t.length <= 15 && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(t)) return Number(t);
  return t;
}

/** Every header word of every form (a line holding one of these is a column header, not a row label). */
let headerWords: Set<string> | null = null;
export function isColumnHeaderWord(text: string): boolean {
  if (!headerWords) {
    headerWords = new Set();
    for (const form of FORMS)
      for (const t of form.tables)
        for (const b of t.blocks) {
          if (b.corner) headerWords.add(fold(b.corner));
          for (const c of b.columns) for (const h of [...c.header, ...(c.aliases ?? [])]) headerWords.add(fold(h));
        }
    for (const w of ['信息内容', '申请人情况', '合计', '总计']) headerWords.add(w);
  }
  return headerWords.has(fold(text));
}

/** Whether the text begins some column header word (a header cut over lines: 社会 / 公益 / 组织). */
let headerPrefixes: Set<string> | null = null;
export function isColumnHeaderStart(text: string): boolean {
  if (!headerPrefixes) {
    isColumnHeaderWord('');
    headerPrefixes = new Set();
    for (const w of headerWords!) for (let k = 1; k <= w.length; k++) headerPrefixes.add(w.slice(0, k));
  }
  const f = fold(text);
  return f !== '' && headerPrefixes.has(f);
}

/** Every row label part of every form ("行政事业性收费", "（一）予以公开"): a line starting so is a row of its own. */
let rowWords: Set<string> | null = null;
export function isRowLabel(text: string): boolean {
  if (!rowWords) {
    rowWords = new Set();
    for (const form of FORMS)
      for (const t of form.tables)
        for (const b of t.blocks) {
          if (b.caption) rowWords.add(fold(b.caption));
          for (const r of b.rows) for (const part of [...r.label, ...(r.aliases ?? [])]) rowWords.add(fold(part));
        }
  }
  return rowWords.has(fold(text));
}

/** A grid over rows that remember the source line of every cell; refs are `line N`. */
export function linesGrid(name: string, kind: 'sheet' | 'text', rows: RowOut[], merges: Merge[] = []): Grid {
  const cols = rows.reduce((m, r) => Math.max(m, r.cells.length), 0);
  return {
    name,
    kind,
    rows: rows.length,
    cols,
    cell(r, c) {
      const v = rows[r]?.cells[c];
      return v === undefined || v === null || v === '' ? undefined : { raw: v };
    },
    ref(r, c) {
      const row = rows[r];
      if (!row) return `line ${r + 1}`;
      return `line ${row.lines[Math.min(c, row.lines.length - 1)] ?? row.lines[0] ?? r + 1}`;
    },
    merges,
  };
}
