/**
 * A report's own prose made ready for measuring copied text (雷同, docs/evaluate.md "copying"):
 * wrapped lines joined, lines that are no prose left out (the six section titles, the report's
 * title, a saved page's furniture, headings, table labels and "无": every line shorter than
 * MIN_PROSE characters), then
 * whitespace and punctuation dropped and every run of digits made one '#' — a text copied from last
 * year with this year's figures is still copied. Each character kept remembers its line and place,
 * so a shared passage is quoted as written and its line named.
 */
import { sectionHeading, type TextLine } from '../import/common';
import { joinWrapped } from '../rules/text/lines';

/** Characters of a shingle: about a clause of Chinese prose (a word is one to four characters). */
export const SHINGLE = 10;
/** A line shorter than this (after normalising) is a title, a heading, a table label or "无", not prose. */
export const MIN_PROSE = 16;

export interface ProseText {
  /** The normalised characters. */
  chars: string;
  /** For each character: the index of its line in `lines`, and its place in that line's text. */
  line: Int32Array;
  at: Int32Array;
  lines: TextLine[];
  /** The hash of the shingle starting at each place (chars.length − SHINGLE + 1 of them, or none). */
  hashes: Uint32Array;
}

const KEPT = /[\p{L}\p{N}]/u;
/** The report's title ("…2023年政府信息公开工作年度报告"): printed by every report, so no prose of its own. */
const TITLE = /年度报告|工作报告/;

/**
 * A saved page's own furniture (发布日期, 来源, 浏览次数, 索引号, 字号 大中小, 打印本页…): the portal prints it
 * on every page, so two agencies of one portal share it without copying anything. No prose when it
 * holds no sentence.
 */
const PAGE_FURNITURE =
  /发布日期|发布时间|公开日期|成文日期|信息来源|来源[:：]|浏览次数|阅读次数|访问次数|点击[数量率]|索引号|发文机关|发布机构|主题分类|字号[:：]|打印本页|关闭窗口|字体[:：]?\s*[【[]?\s*大/;

/** Marks a run of digits: one '#' for the whole run. */
const FIGURE = -1;

/**
 * Each character of `text` as kept: its code (lower-case, half-width), or FIGURE for a digit, with
 * its place in `text`; whitespace and punctuation left out. The common characters (CJK, ASCII,
 * full-width forms) are classified by their code, the rest by Unicode class.
 */
function eachKept(text: string, kept: (code: number, at: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) kept(c, i);
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) kept(FIGURE, i);
    else if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) kept(c | 0x20, i);
    } else if (c >= 0xff21 && c <= 0xff5a) {
      c -= 0xfee0;
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) kept(c | 0x20, i);
    } else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (KEPT.test(ch)) for (const k of ch.toLowerCase()) kept(k.charCodeAt(0), i);
      if (cp > 0xffff) i++;
    }
  }
}

/** The report's prose lines as kept (see above). */
export function proseLines(lines: readonly TextLine[]): TextLine[] {
  // Furniture first: joined to the next line as if wrapped, it would hide in a sentence.
  const own = lines.filter((l) => !(PAGE_FURNITURE.test(l.text) && !/[。；]/.test(l.text)));
  return joinWrapped(own.map((l) => ({ ...l }))).filter((l) => {
    if (sectionHeading(l.text)) return false;
    if (TITLE.test(l.text) && Array.from(l.text).length <= 60 && !/[。；]/.test(l.text)) return false;
    let n = 0;
    eachKept(l.text, () => n++);
    return n >= MIN_PROSE;
  });
}

/** The prose of a report, normalised and shingled. */
export function proseOf(textLines: readonly TextLine[] | undefined): ProseText {
  const lines = proseLines(textLines ?? []);
  const codes: number[] = [];
  const line: number[] = [];
  const at: number[] = [];
  lines.forEach((l, li) => {
    let digits = false;
    eachKept(l.text, (code, i) => {
      if (code === FIGURE && digits) return;
      digits = code === FIGURE;
      codes.push(code === FIGURE ? 0x23 : code);
      line.push(li);
      at.push(i);
    });
  });
  let chars = '';
  for (let i = 0; i < codes.length; i += 4096) chars += String.fromCharCode(...codes.slice(i, i + 4096));
  return { chars, line: Int32Array.from(line), at: Int32Array.from(at), lines, hashes: shingleHashes(chars) };
}

/** A 32-bit polynomial hash of every SHINGLE-character window, rolled along the text. */
export function shingleHashes(chars: string): Uint32Array {
  const n = chars.length - SHINGLE + 1;
  if (n <= 0) return new Uint32Array(0);
  const B = 0x01000193;
  let top = 1; // B^(SHINGLE-1)
  for (let i = 1; i < SHINGLE; i++) top = Math.imul(top, B);
  const out = new Uint32Array(n);
  let h = 0;
  for (let i = 0; i < chars.length; i++) {
    if (i >= SHINGLE) h = (h - Math.imul(chars.charCodeAt(i - SHINGLE), top)) | 0;
    h = (Math.imul(h, B) + chars.charCodeAt(i)) | 0;
    if (i >= SHINGLE - 1) out[i - SHINGLE + 1] = h >>> 0;
  }
  return out;
}

/** The text of a passage (normalised places from..to, end excluded) as the report writes it, with its first line's ref. */
export function passageText(p: ProseText, from: number, to: number, max = 80): { ref: string; text: string } {
  const first = p.line[from],
    last = p.line[to - 1];
  const parts: string[] = [];
  for (let li = first; li <= last; li++) {
    const text = p.lines[li].text;
    const a = li === first ? p.at[from] : 0;
    let b = li === last ? p.at[to - 1] + (text.codePointAt(p.at[to - 1])! > 0xffff ? 2 : 1) : text.length;
    // A passage ending on a figure ends after all its digits.
    if (li === last && p.chars[to - 1] === '#') while (b < text.length && /[0-9０-９.．,，]/.test(text[b])) b++;
    parts.push(text.slice(a, b));
  }
  const whole = Array.from(parts.join(''));
  return { ref: p.lines[first].ref, text: whole.length > max ? `${whole.slice(0, max - 1).join('')}…` : whole.join('') };
}
