/**
 * Names made from text the product does not control (a department's name from the list or a
 * report, a file's name): file names within the file system's 255-byte limit and legal on
 * Windows, sheet names Excel accepts, and text for documents with its invisible controls shown.
 */

/** The longest file name most file systems take, in bytes (UTF-8). */
export const NAME_MAX_BYTES = 255;

/**
 * Characters that are invisible or reorder a line: C0 and C1 controls, DEL, the bidirectional
 * marks, overrides and isolates (U+202E turns "exe.txt" into "txt.exe" on screen), line and
 * paragraph separators, zero-width characters and the byte order mark.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2028\u2029\ufeff]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE_BUT_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2028\u2029\ufeff]/g;

const escaped = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Text for a document (a notice, the bulk report): invisible characters shown as \uXXXX, line breaks kept. */
export const visibleText = (s: string): string => s.replace(INVISIBLE_BUT_LINES, escaped);

/** `s` cut to at most `bytes` bytes of UTF-8, never inside a character. */
export function cutToBytes(s: string, bytes: number): string {
  if (new TextEncoder().encode(s).length <= bytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = new TextEncoder().encode(ch).length;
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

const bytesOf = (s: string) => new TextEncoder().encode(s).length;

/** The part of a file name made from `name`: no separators, controls or characters Windows refuses. */
export function nameStem(name: string, fallback: string): string {
  let s = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s)) s = `_${s}`;
  return s || fallback;
}

/**
 * A file name `stem + tail` (tail: "-退回通知.html", ".xlsx") within NAME_MAX_BYTES, the stem cut
 * by bytes, room kept for a "(n)" that tells two departments of the same name apart. Names are
 * compared without case (Windows and macOS do not tell 局.XLSX from 局.xlsx): `used` holds them.
 */
export function uniqueFileName(name: string, tail: string, fallback: string, used: Set<string>): string {
  const stem = cutToBytes(nameStem(name, fallback), NAME_MAX_BYTES - bytesOf(tail) - 8)
    .trim()
    .replace(/[.\s]+$/, '');
  const base = stem || fallback;
  let file = `${base}${tail}`;
  for (let i = 2; used.has(file.toLowerCase()); i++) file = `${base}(${i})${tail}`;
  used.add(file.toLowerCase());
  return file;
}

/** Excel's longest sheet name, in UTF-16 units. */
const SHEET_MAX = 31;

/**
 * A sheet name Excel accepts, unique in `used` (compared without case): at most 31 characters, no
 * []:*?/\ and no invisible characters, not starting or ending with an apostrophe, not "History".
 */
export function sheetName(name: string, used: Set<string>, fallback = 'Sheet'): string {
  const clean = name
    .replace(INVISIBLE, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const fit = (s: string, n: number) => {
    let out = '';
    for (const ch of s) {
      if (out.length + ch.length > n) break;
      out += ch;
    }
    return out.replace(/^['\s]+|['\s]+$/g, '');
  };
  let base = fit(clean, SHEET_MAX) || fallback;
  if (base.toLowerCase() === 'history') base = `${base}_`;
  let sheet = base;
  for (let i = 2; used.has(sheet.toLowerCase()); i++) sheet = `${fit(base, SHEET_MAX - String(i).length - 2) || fallback}(${i})`;
  used.add(sheet.toLowerCase());
  return sheet;
}
