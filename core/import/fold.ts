/**
 * Text folding used by the importers and the text.* rules to recognise words: NFKC (full-width
 * forms, Kangxi radicals) plus the CJK Radicals Supplement that NFKC leaves alone but PDF text
 * extraction produces (⺠ for 民; the map is the reader's, core/read/labels.ts). Never applied to
 * stored values.
 */
import { mapRadicals } from '../read/labels';

/** NFKC plus the radical supplement. */
export const foldChars = (s: string): string => mapRadicals(s.normalize('NFKC'));

/** foldChars without any whitespace: for comparing labels and headings. */
export function fold(s: string): string {
  return foldChars(s).replace(/[\s\u3000\u00a0]+/g, '');
}
