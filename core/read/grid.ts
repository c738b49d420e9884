/**
 * A sheet-like grid of cells: what every source (a workbook sheet, a published text, an HTML
 * table, a range read through Office.js) is turned into before tables are located in it.
 */
export interface GridCell {
  /** Stored value: number, text, boolean; null for an empty cell. */
  raw: string | number | boolean | null;
  /** Formula without "=", when the cell holds one. */
  formula?: string;
  /** A number's digits as the file writes them, when the JS number `raw` rounds them (past 2^53: core/read/xlsx-exact.ts). */
  exact?: string;
}

export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
} // inclusive, 0-based

export interface Grid {
  /** Sheet name, or the file name for text and HTML sources. */
  name: string;
  /** 'sheet': columns line up under their headers. 'text': a published text, where cells of a row are in order but not aligned to the header's columns. */
  kind: 'sheet' | 'text';
  rows: number;
  cols: number;
  /** 0-based; undefined or raw null when empty. */
  cell(r: number, c: number): GridCell | undefined;
  /** The address people see: "Sheet1!D8" for sheets, "line 12" for text. */
  ref(r: number, c: number): string;
  merges: Merge[];
}

/** A workbook (or any source) as grids, plus the hidden tag a generated template carries. */
export interface Book {
  /** File name or label, for messages. */
  name: string;
  grids: Grid[];
  /** Workbook-level defined names (name → formula text like "'Sheet'!$D$8:$J$33"), if any. */
  definedNames?: Record<string, string>;
}

/** A0-style column letters (kept for the first columns: every cell read and every finding names its column). */
const LETTERS: string[] = [];
export function columnLetters(c: number): string {
  if (c >= 0 && c < 1024 && Number.isInteger(c)) return (LETTERS[c] ??= lettersOf(c));
  return lettersOf(c);
}
function lettersOf(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

/** Column letters (A, Z, AA; any case) → 0-based column. */
export function columnIndex(letters: string): number {
  let n = 0;
  // Char codes, upper-casing a-z by hand: no upper-cased copy and no iterator per reference.
  for (let i = 0; i < letters.length; i++) {
    const ch = letters.charCodeAt(i);
    if (ch > 127) return columnIndexSlow(letters);
    n = n * 26 + ((ch >= 97 && ch <= 122 ? ch - 32 : ch) - 64);
  }
  return n - 1;
}
/** Past ASCII, as before: toUpperCase may change the length ("ß" is "SS"), by code points. */
function columnIndexSlow(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "D8", "$D$8" → 0-based row and column; null when it is no A1 address. The A1 parser for addresses people and formulas write (a sheet's own r="D8" attributes: xlsx-direct.ts cellAt, stricter and allocation-free). */
export function parseA1(ref: string): { r: number; c: number } | null {
  const plain = plainA1(ref, 0, true);
  if (plain) return plain;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  return m ? { r: Number(m[2]) - 1, c: columnIndex(m[1]) } : null;
}

/**
 * ref from `from` to its end as $?[A-Z]{1,3}$?\d+ (a-z too when anyCase), by char codes; null
 * when it is anything else, past 15 digits included: the callers' regexes decide those.
 */
export function plainA1(ref: string, from: number, anyCase: boolean): { r: number; c: number } | null {
  let i = from;
  if (ref.charCodeAt(i) === 36) i++;
  const letters = i;
  let c = 0;
  for (; i < ref.length && i - letters < 3; i++) {
    let ch = ref.charCodeAt(i);
    if (anyCase && ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  if (i === letters) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const digits = i;
  let r = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    r = r * 10 + (ch - 48);
  }
  if (i === digits || i !== ref.length || i - digits > 15) return null;
  return { r: r - 1, c: c - 1 };
}

/** Quote a sheet name for a reference when it needs quotes. */
export function sheetRef(sheet: string, r: number, c: number): string {
  // Quoted only where a reader would stumble (spaces, punctuation): "2024年报!D8" stays as people write it.
  const q = /^[^\s!'"[\]:*?/\\,;()]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${a1(r, c)}`;
}

/** A grid over a dense array of rows (used by text imports, tests and in-memory hosts). */
export function arrayGrid(
  name: string,
  rows: (string | number | boolean | null | undefined)[][],
  opts: { kind?: 'sheet' | 'text'; merges?: Merge[]; formulas?: (string | undefined)[][]; ref?: (r: number, c: number) => string } = {},
): Grid {
  const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    name,
    kind: opts.kind ?? 'sheet',
    rows: rows.length,
    cols,
    cell(r, c) {
      const v = rows[r]?.[c];
      const f = opts.formulas?.[r]?.[c];
      if ((v === undefined || v === null || v === '') && !f) return undefined;
      return { raw: v === undefined || v === '' ? null : v, ...(f ? { formula: f } : {}) };
    },
    ref: opts.ref ?? ((r, c) => sheetRef(name, r, c)),
    merges: opts.merges ?? [],
  };
}
