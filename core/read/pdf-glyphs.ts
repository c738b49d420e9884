/**
 * A run of text drawn across a cell border is split where the border is: glyph positions decide
 * cells, not the run's centre. Some generators draw a row's label and its figure as one run
 * (`行政规范性文件      58`), and pdf.js joins runs drawn close together into one item, so a
 * label could swallow the figure beside it. pdf.js gives each item's width, not its glyphs'
 * widths: a CJK or full-width character is one em (so Chinese fonts draw them), and the other
 * characters share the rest of the width evenly (digits are of one width in every common font).
 * A word (a run of figures, or of other characters, between spaces) is never cut: it goes whole
 * to the cell holding most of it, and a figure that crosses a border is said to be uncertain (a
 * number too wide for its cell, clipped, as a spreadsheet prints it).
 */
import type { ReadNote } from '../model/report';

export interface GlyphBit {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  doubt?: ReadNote;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const FIGURE_CHAR = /[0-9.,+\-%]/;
const SPACE = /[\s\u3000]/;
/** A border counts as crossed when the run reaches past it by this share of an em on each side. */
const REACH = 0.25;

/** Each character's left edge and advance along the run (estimated, see the file comment). */
export function advances(b: Pick<GlyphBit, 'str' | 'w' | 'size'>): number[] {
  const chars = Array.from(b.str);
  const wide = chars.filter((c) => WIDE.test(c)).length;
  const narrow = chars.length - wide;
  let em = b.size;
  let other = narrow ? (b.w - wide * em) / narrow : 0;
  // A font whose wide characters are not one em: widths in proportion, wide twice narrow.
  if (narrow && (other <= 0 || other > em)) {
    other = b.w / (wide * 2 + narrow);
    em = other * 2;
  } else if (!narrow && wide) em = b.w / wide;
  return chars.map((c) => (WIDE.test(c) ? em : other));
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  figure: boolean;
  /** Spaces written before it, kept in the text of its cell. */
  space: string;
}

/** The run's words with their extents: runs of figures and runs of other characters, between spaces. */
function wordsOf(b: GlyphBit): Word[] {
  const chars = Array.from(b.str);
  const adv = advances(b);
  const out: Word[] = [];
  let x = b.x;
  let space = '';
  let cur: Word | null = null;
  chars.forEach((c, i) => {
    const a = adv[i];
    if (SPACE.test(c)) {
      space += c;
      cur = null;
    } else {
      const figure = FIGURE_CHAR.test(c);
      if (cur && cur.figure === figure) {
        cur.text += c;
        cur.x1 = x + a;
      } else {
        cur = { text: c, x0: x, x1: x + a, figure, space };
        out.push(cur);
        space = '';
      }
    }
    x += a;
  });
  return out;
}

/**
 * The run split at the borders in `cuts` (x of the vertical lines drawn across its row), as pieces
 * that each lie in one cell; the run itself when it crosses none.
 */
export function splitAtBorders(b: GlyphBit, cuts: number[]): GlyphBit[] {
  const reach = b.size * REACH;
  const crossed = cuts.filter((x) => x > b.x + reach && x < b.x + b.w - reach).sort((p, q) => p - q);
  if (!crossed.length) return [b];
  const words = wordsOf(b);
  const edges = [-Infinity, ...crossed, Infinity];
  const pieces = new Map<number, { words: Word[]; doubt?: ReadNote }>();
  for (const word of words) {
    // The cell holding most of the word.
    let best = 0;
    let most = -1;
    for (let k = 0; k + 1 < edges.length; k++) {
      const inside = Math.min(word.x1, edges[k + 1]) - Math.max(word.x0, edges[k]);
      if (inside > most) [best, most] = [k, inside];
    }
    const piece = pieces.get(best) ?? { words: [] };
    pieces.set(best, piece);
    piece.words.push(word);
    if (word.figure && crossed.some((x) => x > word.x0 + reach && x < word.x1 - reach))
      piece.doubt = { key: 'doubt.crossed', params: { text: word.text } };
  }
  return [...pieces.entries()].map(([k, p]) => {
    const text = p.words.map((w, i) => (i ? w.space : '') + w.text).join('');
    // Its extent kept inside its cell, so that its centre says which cell it is in.
    const x0 = Math.max(p.words[0].x0, edges[k]);
    const x1 = Math.min(p.words[p.words.length - 1].x1, edges[k + 1]);
    return { ...b, str: text, x: x0, w: x1 - x0, ...(p.doubt ? { doubt: p.doubt } : {}) };
  });
}
