/**
 * Text tables laid out with runs of spaces (text copied from a PDF, `pdftotext -layout`): the one
 * layout where an empty cell leaves no mark, so a value's column is inferred from where it stands.
 * Column places are the character columns of the header row's cells (CJK and full-width
 * characters two wide); a value goes to the header column whose centre is nearest. Where the
 * values do not stand under distinct header columns, the line is left to the reader's other
 * layouts (cells in order), as before.
 */
import { isColumnHeaderWord, isValueText } from './common';

export interface Span {
  text: string;
  /** Display columns [x0, x1). */
  x0: number;
  x1: number;
  /** Set apart from the span before by two or more spaces. */
  wide: boolean;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const width = (ch: string) => (WIDE.test(ch) ? 2 : 1);
/** Longer than any text isValueText accepts (40 digits and separators, a sign, a space, a unit). */
const MAX_VALUE_LENGTH = 64;
const isSpace = (ch: string) => ch === ' ' || ch === '\u00a0' || ch === '\u3000';

/**
 * The words of a line with their display columns; a run of spaces two or more wide separates cells.
 * `unit`: every character one column, as `pdftotext -layout` places text (its columns count
 * characters, so CJK labels of different lengths leave the figures after them aligned by count).
 */
export function spansOf(raw: string, unit = false): Span[] {
  const out: Span[] = [];
  /** Where each span's text begins and ends in `raw`: cut once at the end, never built a character at a time (item 12). */
  const from: number[] = [];
  const to: number[] = [];
  const textOf = (k: number) => raw.slice(from[k], to[k]).replace(/\u00a0/g, ' ');
  let x = 0;
  let cur: Span | null = null;
  let gap = 0;
  for (let i = 0; i < raw.length;) {
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    const at = i;
    i += ch.length;
    const w = unit ? 1 : width(ch);
    if (isSpace(ch)) {
      gap += w;
      x += w;
      continue;
    }
    const k = out.length - 1;
    if (cur && gap === 0) {
      to[k] = i;
      cur.x1 = x + w;
    } else {
      // A single space inside a label ("商业 企业") joins words; before a value it separates.
      // A label longer than any value is no value, known from its length: asking isValueText of it at
      // each word read the growing string whole each time (one long line: quadratic, issue 20 item 12).
      if (
        cur &&
        gap === 1 &&
        (to[k] - from[k] > MAX_VALUE_LENGTH || !isValueText(textOf(k))) &&
        !/^[0-9０-９]/.test(ch) &&
        !isValueText(ch)
      ) {
        to[k] = i;
        cur.x1 = x + w;
      } else {
        cur = { text: '', x0: x, x1: x + w, wide: out.length > 0 && gap >= 2 };
        out.push(cur);
        from.push(at);
        to.push(i);
      }
    }
    gap = 0;
    x += w;
  }
  out.forEach((s, k) => (s.text = textOf(k)));
  return out;
}

const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/** Columns of a block of header lines: the cells with no header below them (the leaves), left to right. */
function leavesOf(headers: Span[][]): Span[] {
  const leaves: Span[] = [];
  headers.forEach((line, i) => {
    for (const s of line) {
      const below = headers.slice(i + 1).some((l) => l.some((t) => t.x0 < s.x1 && t.x1 > s.x0));
      if (!below) leaves.push(s);
    }
  });
  return leaves.sort((a, b) => centre(a) - centre(b));
}

/** Reads one table section's lines laid out with runs of spaces, remembering the last header block. */
export class SpacedColumns {
  private headers: Span[][] = [];
  private leaves: Span[] | null = null;
  private afterData = false;

  reset(): void {
    this.headers = [];
    this.leaves = null;
    this.afterData = false;
  }

  /** The row's cells with empty ones in their places, or null when the line is no aligned data row. */
  cells(raw: string): string[] | null {
    if (raw.includes('\t') || raw.includes('|')) return null;
    const spans = spansOf(raw);
    if (!spans.length) return null;
    if (spans.every((s) => isColumnHeaderWord(s.text))) {
      if (this.afterData) this.reset();
      this.headers.push(spans);
      this.leaves = null;
      return null;
    }
    if (!this.headers.some((h) => h.some((s) => s.wide)) || !spans.some((s) => s.wide)) return null;
    let k = 0;
    while (k < spans.length && !isValueText(spans[k].text)) k++;
    const labels = spans.slice(0, k);
    const values = spans.slice(k);
    if (!values.length || values.some((v) => !isValueText(v.text))) return null;
    this.leaves ??= leavesOf(this.headers);
    const labelEnd = labels.length ? labels[labels.length - 1].x1 : -1;
    // Header cells over the labels (the corner) are no value columns.
    const columns = this.leaves.filter((c) => c.x0 >= labelEnd - 1);
    if (values.length > columns.length) return null;
    const placed: (string | undefined)[] = new Array(columns.length).fill(undefined);
    for (const v of values) {
      let best = 0;
      for (let j = 1; j < columns.length; j++)
        if (Math.abs(centre(columns[j]) - centre(v)) < Math.abs(centre(columns[best]) - centre(v))) best = j;
      if (placed[best] !== undefined) return null;
      placed[best] = v.text;
    }
    this.afterData = true;
    return [...labels.map((l) => l.text), ...placed.map((p) => p ?? '')];
  }
}
