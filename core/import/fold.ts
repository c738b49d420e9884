/**
 * Text folding used by the importers and the text.* rules to recognise words: NFKC (full-width
 * forms, Kangxi radicals) plus the CJK Radicals Supplement that NFKC leaves alone but PDF text
 * extraction produces (⺠ for 民; the map is the reader's, core/read/labels.ts). Never applied to
 * stored values.
 */
import { RADICAL_MAP } from '../read/labels';

/** NFKC plus the radical supplement. */
export function foldChars(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC')) out += RADICAL_MAP.get(ch) ?? ch;
  return out;
}

/** foldChars without any whitespace: for comparing labels and headings. */
export function fold(s: string): string {
  return foldChars(s).replace(/[\s\u3000\u00a0]+/g, '');
}
