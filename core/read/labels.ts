/**
 * Label normalisation and loose matching (docs/formats.md "Label variants"). Real tables write the
 * official labels with spaces and line breaks, half- or full-width punctuation, other numbering
 * styles, abbreviations, a typo, other words (社会组织, 合计) and CJK radical code points from PDF
 * text. Everything here is about text; which label belongs where is the locator's business.
 */
import { BoundedCache, PairCache } from './cache';

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) → the unified ideograph of the same shape. NFKC maps
 * the Kangxi radicals (U+2F00–U+2FDF, ⼀ → 一) but, except ⺟ and ⻳, not these (⺠ stays ⺠).
 */
const RADICALS =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇几⺈刀⺉刂⺊卜⺋卩⺌小⺍小⺎兀⺏尣⺐尢⺑尣⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民' +
  '⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮竹⺯糸⺰纟⺱网⺲罒⺳网⺴网⺵网⺶羊⺷羊⺸羊⺹老⺺肀⺻聿⺼月⺽臼' +
  '⺾艹⺿艹⻀艹⻁虎⻂衤⻃西⻄西⻅见⻆角⻇角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻕阝⻖阝⻗雨⻘青⻙韦⻚页' +
  '⻛风⻜飞⻝食⻞飠⻟饣⻠饣⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

export const RADICAL_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(RADICALS);
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i], chars[i + 1]);
  return m;
})();

/** Any character of the supplement (U+2E80–U+2EFF), mapped or not. */
const RADICAL_RANGE = /[\u2e80-\u2eff]/g;

/**
 * Radicals mapped to their ideographs by one replace, not a string built character by character:
 * on a line of megabytes that build left the collector a chain of a million pieces (issue 20, item 12).
 */
export const mapRadicals = (s: string): string => s.replace(RADICAL_RANGE, (ch) => RADICAL_MAP.get(ch) ?? ch);

/** Punctuation that NFKC leaves alone, unified with its ASCII or canonical form. */
const PUNCT: Record<string, string> = {
  '、': '、',
  '。': '.',
  '〔': '(',
  '〕': ')',
  '【': '(',
  '】': ')',
  '[': '(',
  ']': ')',
  '「': '',
  '」': '',
  '『': '',
  '』': '',
  '“': '',
  '”': '',
  '‘': '',
  '’': '',
  '"': '',
  "'": '',
  '〃': '',
  '—': '-',
  '–': '-',
  '−': '-',
  '─': '-',
  '·': '',
  '•': '',
  '・': '',
};
const PUNCT_CHARS = new RegExp(
  `[${Object.keys(PUNCT)
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'g',
);

/** Zero-width and other invisible characters, and every kind of whitespace (line breaks too). */
const INVISIBLE = /[\s\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]+/g;

/**
 * The canonical spelling of a label: NFKC, radicals mapped, whitespace and line breaks removed,
 * punctuation unified (full-width → half-width, quotes dropped), numbering style unified.
 */
export function normLabel(text: string): string {
  let s = mapRadicals(text.normalize('NFKC')).replace(PUNCT_CHARS, (ch) => PUNCT[ch]);
  s = s.replace(INVISIBLE, '');
  const { num, core } = splitNorm(s);
  return num + core;
}

const CN_NUM = '一二三四五六七八九十';

/** Split a normalised label into its numbering ("1.", "(三)", "三、") and the rest. */
function splitNorm(s: string): { num: string; core: string } {
  let m = /^\(([一二三四五六七八九十]{1,3})\)[、.,:]?/.exec(s);
  if (m) return { num: `(${m[1]})`, core: s.slice(m[0].length) };
  m = /^([一二三四五六七八九十]{1,3})[、.,:]/.exec(s);
  if (m) return { num: `${m[1]}、`, core: s.slice(m[0].length) };
  m = /^\((\d{1,2})\)[、.,:]?/.exec(s) ?? /^(\d{1,2})(?:[、.,:)]|(?=[^\d.,%]))/.exec(s);
  if (m && s.length > m[0].length) return { num: `${Number(m[1])}.`, core: s.slice(m[0].length) };
  return { num: '', core: s };
}

export interface LabelParts {
  /** normLabel(text). */
  norm: string;
  /** Numbering in canonical style ("1.", "(三)", "三、") or "". */
  num: string;
  /** The words without numbering. */
  core: string;
  /** The words without numbering and without parenthesised remarks (（区分处理的，…）). */
  bare: string;
}

const partsCache = new BoundedCache<string, LabelParts>(20000);
export function labelParts(text: string): LabelParts {
  return partsCache.through(text, () => {
    const norm = normLabel(text);
    const { num, core } = splitNorm(norm);
    const bare = core.replace(/\([^()]*\)/g, '').replace(/\([^()]*$/, '') || core;
    return { norm, num, core, bare };
  });
}

/** Chinese numeral → number (一 … 九十九), for numbering comparisons. */
export function cnNumber(s: string): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  let n = 0;
  let cur = 0;
  for (const ch of s) {
    const d = CN_NUM.indexOf(ch) + 1;
    if (d === 0) return null;
    if (d === 10) {
      n += (cur || 1) * 10;
      cur = 0;
    } else cur = d;
  }
  return n + cur;
}

export type MatchQuality = 'exact' | 'loose';
export type MatchHow = 'same' | 'alias' | 'typo' | 'abbrev' | 'similar' | 'numbering';

export interface LabelMatch {
  quality: MatchQuality;
  /** 0…1, higher is better; comparable across candidates. */
  score: number;
  how: MatchHow;
}

/** Length of the longest common subsequence (small strings). */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  const A = Array.from(a);
  const B = Array.from(b);
  let prev = new Uint16Array(B.length + 1);
  let cur = new Uint16Array(B.length + 1);
  for (let i = 1; i <= A.length; i++) {
    for (let j = 1; j <= B.length; j++) cur[j] = A[i - 1] === B[j - 1] ? prev[j - 1] + 1 : cur[j - 1] > prev[j] ? cur[j - 1] : prev[j];
    [prev, cur] = [cur, prev];
  }
  return prev[B.length];
}

/** Levenshtein distance, giving up (returning max + 1) beyond `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  const A = Array.from(a);
  const B = Array.from(b);
  if (Math.abs(A.length - B.length) > max) return max + 1;
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[B.length];
}

const isSubsequence = (short: string, long: string) => {
  let i = 0;
  for (const ch of long) if (i < short.length && ch === short[i]) i++;
  return i === short.length;
};

/** Characters two strings share, ignoring order (quick filter before LCS). */
function shared(a: string, b: string): number {
  let n = 0;
  for (const ch of a) if (b.includes(ch)) n++;
  return n;
}

/** How many times longer than an official label a written one may be and still be compared with it. */
const MAX_LABEL_RATIO = 8;

/** How well the core words of `a` (as written) match `b` (official or alias); 0 = not at all. */
function coreScore(a: string, b: string): { score: number; how: MatchHow } {
  if (a === b) return { score: 1, how: 'same' };
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return { score: 0, how: 'similar' };
  // Written far longer than any label (a paragraph, a hostile line of 3 MB): no label, known from the
  // lengths; comparing it character by character with every label made such a line cost minutes.
  if (la > MAX_LABEL_RATIO * lb && la > 200) return { score: 0, how: 'similar' };
  if (shared(a, b) < Math.min(la, lb) * 0.5) return { score: 0, how: 'similar' };
  // One wrong, missing or extra character in a long label.
  if (Math.min(la, lb) >= 4 && editDistance(a, b, 1) <= 1) return { score: 0.85, how: 'typo' };
  // Abbreviation: the written words are a subsequence of the official ones (部分公开, 逾期不补正).
  const short = la <= lb ? a : b;
  const long = la <= lb ? b : a;
  if (short.length >= 2 && isSubsequence(short, long)) {
    const contiguous = long.includes(short);
    const base = la <= lb ? 0.55 : 0.5; // written shorter than official: an abbreviation
    if (contiguous || short.length >= 3) return { score: base + 0.35 * (short.length / long.length), how: 'abbrev' };
  }
  const ratio = (2 * lcs(a, b)) / (la + lb);
  if (ratio >= 0.7) return { score: 0.85 * ratio, how: 'similar' };
  return { score: 0, how: 'similar' };
}

/** Results by official label (with its aliases) and the text as written. */
const matchCache = new PairCache<LabelMatch | null>(200000);

/**
 * Compare a label as written with an official label (and its aliases). Returns null when they
 * do not match. 'exact' means equal after normalisation (whitespace, width, numbering style,
 * radicals); every other match is 'loose' and should be noted.
 */
export function compareLabel(written: string, official: string, aliases: readonly string[] = []): LabelMatch | null {
  return compareLabelKeyed(written, official, aliases, aliases.length ? officialKey(official, aliases) : official);
}

/** The cache key of an official label with its aliases (callers comparing often compute it once). */
export function officialKey(official: string, aliases: readonly string[]): string {
  return aliases.length ? `${official}\u0001${aliases.join('\u0001')}` : official;
}

/** compareLabel with the key of (official, aliases) computed beforehand by officialKey. */
export function compareLabelKeyed(written: string, official: string, aliases: readonly string[], okey: string): LabelMatch | null {
  return matchCache.through(okey, written, () => compareUncached(written, official, aliases));
}

/** Scores at or above this count as a match. */
export const MATCH_THRESHOLD = 0.5;

function compareUncached(written: string, official: string, aliases: readonly string[]): LabelMatch | null {
  const w = labelParts(written);
  const o = labelParts(official);
  if (!w.core) return null;
  let best: LabelMatch | null = null;
  const consider = (m: LabelMatch) => {
    if (!best || m.score > best.score) best = m;
  };
  const numbersAgree = !w.num || !o.num || w.num === o.num;
  if (w.core === o.core) {
    consider(numbersAgree ? { quality: 'exact', score: 1, how: 'same' } : { quality: 'loose', score: 0.8, how: 'numbering' });
  } else {
    for (const [a, b, penalty] of [
      [w.core, o.core, 0],
      [w.bare, o.bare, 0.05],
    ] as const) {
      const { score, how } = coreScore(a, b);
      if (score <= 0) continue;
      let s = score - penalty;
      if (how === 'same') s = 0.9; // same words once remarks in parentheses are dropped
      if (w.num && o.num) s += w.num === o.num ? 0.05 : -0.15;
      consider({ quality: 'loose', score: Math.min(s, 0.95), how: how === 'same' ? 'abbrev' : how });
    }
  }
  for (const alias of aliases) {
    const a = labelParts(alias);
    if (a.core === w.core || a.core === w.bare) consider({ quality: 'loose', score: 0.9, how: 'alias' });
  }
  const b = best as LabelMatch | null;
  return b && b.score >= MATCH_THRESHOLD ? b : null;
}

/** True when the text holds the word (both normalised), e.g. a format's signature word. */
export function containsWord(text: string, word: string): boolean {
  return labelParts(text).norm.includes(labelParts(word).norm);
}

/** How a loose match is described in notes. */
export function describeHow(how: MatchHow): { zh: string; en: string } {
  switch (how) {
    case 'alias':
      return { zh: '别称', en: 'alias' };
    case 'typo':
      return { zh: '一字之差', en: 'one character differs' };
    case 'abbrev':
      return { zh: '简写', en: 'abbreviated' };
    case 'numbering':
      return { zh: '序号不同', en: 'different numbering' };
    case 'similar':
      return { zh: '相近', en: 'similar wording' };
    default:
      return { zh: '相同', en: 'same' };
  }
}
