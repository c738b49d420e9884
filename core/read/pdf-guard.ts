/**
 * A PDF looked over before pdf.js sees it (issue 20, items 11 and 14). pdf.js spends time or
 * memory out of all proportion on some small files, and a few make it throw what reads as an
 * internal error:
 * - nested saves (`q`): each save clones the graphics state with the previous one as its
 *   prototype (pdf.js StateManager.save, TextState.clone), so property lookups walk a chain as
 *   long as the nesting: 100,000 nested `q` (1 KB deflated) ran past 600 s;
 * - a stream that inflates to gigabytes (1 MB made 2.2 GB resident);
 * - arrays or dictionaries nested thousands deep (its parser recurses: stack overflow);
 * - a page of hundreds of thousands of text pieces.
 * The file's objects and the streams it can decode (none, or Flate, LZW, RunLength, ASCIIHex,
 * ASCII85 and chains of them: pdf-filters.ts) are scanned once, in slices, nothing decoded kept: the nesting of arrays and dictionaries everywhere, and in
 * content streams the nesting of saves and the number of text-showing operators. Past a limit
 * the file is refused as damaged (ReadError pdf_damaged) or too large, naming the limit.
 * PDF 32000-1:2008: 7.2 (lexical conventions), 7.3.8 (streams), 7.4.4 (FlateDecode), 7.5.7
 * (object streams), 8.4.2 (q/Q), 8.9.7 (inline images), 9.4.3 (text-showing operators); its
 * Annex C (PDF 1.7 reference, C.2) gives 28 as a viewer's limit for q nesting.
 */
import { say } from '../messages';
import type { Block } from './blocks';
import { ReadError } from './errors';
import { decodableFilters, decodeChain } from './pdf-filters';
import { sizeText } from './size';

export const PDF_LIMITS = {
  /** Arrays and dictionaries inside each other (a report's PDF: under 10). */
  nesting: 100,
  /** Saves inside each other in a content stream (viewers are asked to handle 28). */
  saves: 128,
  /** Text-showing operators in one content stream (a page of one show per character: a few thousand). */
  shows: 50_000,
  /** What one stream may inflate to (a page's content: well under 1 MB). */
  streamBytes: 64 * 1024 * 1024,
  /** What all of a file's streams may inflate to together. */
  totalBytes: 256 * 1024 * 1024,
};

class Refused extends Error {
  constructor(
    readonly why: 'damaged' | 'too_large',
    readonly detail: { zh: string; en: string },
  ) {
    super(detail.en);
  }
}

const detail = (f: (lang: 'zh' | 'en') => string) => ({ zh: f('zh'), en: f('en') });

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
/** ( ) < > [ ] { } / % */
const isDelimiter = (b: number) =>
  b === 0x28 || b === 0x29 || b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d || b === 0x2f || b === 0x25;

const enum Mode {
  Normal,
  String,
  Hex,
  Comment,
  /** An inline image's data, until whitespace, EI, whitespace. */
  Inline,
}

/**
 * PDF tokens, fed in slices: keeps the nesting of arrays and dictionaries and hands each keyword
 * (a run of regular characters) to `keyword`, which may return true to stop the feed there.
 */
class Lexer {
  depth = 0;
  /** Where the last dictionary at the top level began and ended (-1: not yet ended). */
  dictFrom = -1;
  dictTo = -1;
  private mode = Mode.Normal;
  private parens = 0;
  private escape = false;
  private lt = false;
  private gt = false;
  private tok = '';
  private inTok = false;
  private ei = 0;
  constructor(private readonly keyword: (k: string, end: number) => boolean) {}

  /** Scans bytes [from, to) of `b`; returns where it stopped (to, or just after a keyword that asked to stop). */
  feed(b: Uint8Array, from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const c = b[i];
      switch (this.mode) {
        case Mode.String:
          if (this.escape) this.escape = false;
          else if (c === 0x5c) this.escape = true;
          else if (c === 0x28) this.parens++;
          else if (c === 0x29 && --this.parens === 0) this.mode = Mode.Normal;
          continue;
        case Mode.Hex:
          if (c === 0x3e) this.mode = Mode.Normal;
          continue;
        case Mode.Comment:
          if (c === 0x0a || c === 0x0d) this.mode = Mode.Normal;
          continue;
        case Mode.Inline:
          // Whitespace, E, I, whitespace ends the data (8.9.7).
          if (this.ei === 3 && (isSpace(c) || isDelimiter(c))) this.mode = Mode.Normal;
          else if (isSpace(c)) this.ei = 1;
          else this.ei = this.ei === 1 && c === 0x45 ? 2 : this.ei === 2 && c === 0x49 ? 3 : 0;
          continue;
      }
      if (this.lt) {
        this.lt = false;
        if (c === 0x3c) {
          this.open(true, i - 1);
          continue;
        }
        this.mode = Mode.Hex;
        if (c === 0x3e) this.mode = Mode.Normal;
        continue;
      }
      if (this.gt) {
        this.gt = false;
        if (c === 0x3e) {
          this.depth = Math.max(0, this.depth - 1);
          if (this.depth === 0) this.dictTo = i + 1;
          continue;
        }
      }
      if (isSpace(c) || isDelimiter(c)) {
        if (this.inTok) {
          this.inTok = false;
          const stop = this.keyword(this.tok, i);
          this.tok = '';
          if (stop) return i;
        }
        if (c === 0x5b) this.open(false, i);
        else if (c === 0x5d) this.depth = Math.max(0, this.depth - 1);
        else if (c === 0x3c) this.lt = true;
        else if (c === 0x3e) this.gt = true;
        else if (c === 0x28) {
          this.mode = Mode.String;
          this.parens = 1;
        } else if (c === 0x25) this.mode = Mode.Comment;
        else if (c === 0x2f) {
          // A name: its characters are not a keyword (/q is no save).
          this.inTok = true;
          this.tok = '/';
        }
        continue;
      }
      this.inTok = true;
      if (this.tok.length < 16) this.tok += String.fromCharCode(c);
    }
    return to;
  }

  /** Inline image data follows (after ID and one whitespace character). */
  startInline(): void {
    this.mode = Mode.Inline;
    this.ei = 0;
  }

  private open(dict: boolean, at: number): void {
    if (dict && this.depth === 0) [this.dictFrom, this.dictTo] = [at, -1];
    if (++this.depth > PDF_LIMITS.nesting)
      throw new Refused(
        'damaged',
        detail((l) => say(l, 'limits.pdf.nesting', { depth: this.depth, limit: PDF_LIMITS.nesting })),
      );
  }
}

/** A content stream's tokens: saves nested and text shown. */
function contentLexer(): Lexer {
  let saves = 0;
  let shows = 0;
  const lexer: Lexer = new Lexer((k) => {
    if (k === 'q') {
      if (++saves > PDF_LIMITS.saves)
        throw new Refused(
          'damaged',
          detail((l) => say(l, 'limits.pdf.saves', { limit: PDF_LIMITS.saves })),
        );
    } else if (k === 'Q') saves = Math.max(0, saves - 1);
    else if (k === 'Tj' || k === 'TJ' || k === "'" || k === '"') {
      if (++shows > PDF_LIMITS.shows)
        throw new Refused(
          'too_large',
          detail((l) => say(l, 'limits.pdf.text_items', { limit: PDF_LIMITS.shows })),
        );
    } else if (k === 'ID') lexer.startInline();
    return false;
  });
  return lexer;
}

const latin1 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 4096)));
  return s;
};

/** What a stream's dictionary says about it: its filters, which of them are decoded here and what its content is. */
function streamKind(dict: string): { filters: string[]; decoded: string[]; content: boolean; objects: boolean } {
  const f = /\/Filter\s*(\/[^\s/[\]<>()]+|\[([^\]]*)\])/.exec(dict);
  const filters = f
    ? (f[2] ?? f[1])
        .split('/')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const objects = /\/Type\s*\/ObjStm/.test(dict);
  // Pictures, fonts, colour profiles, cross-reference and embedded files are binary, not operators.
  const binary =
    /\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType|XML)|\/Length[123]\b|\/Type\s*\/(XRef|EmbeddedFile|Metadata)|\/(Width|BitsPerSample|Alternate|Predictor|N)\b/.test(
      dict,
    );
  return { filters, decoded: decodableFilters(filters), content: !objects && !binary, objects };
}

/** Looks the PDF over (see above); throws ReadError pdf_damaged or too_large naming the limit. */
export function guardPdf(data: Uint8Array, name: string): void {
  try {
    scan(data);
  } catch (e) {
    if (e instanceof Refused) throw new ReadError(e.why === 'damaged' ? 'pdf_damaged' : 'too_large', name, e.detail);
    throw e;
  }
}

const ENDSTREAM = [0x65, 0x6e, 0x64, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d];

function indexOfBytes(b: Uint8Array, pat: number[], from: number): number {
  const first = pat[0];
  for (let i = b.indexOf(first, from); i >= 0 && i <= b.length - pat.length; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pat.length && b[i + k] === pat[k]) k++;
    if (k === pat.length) return i;
  }
  return -1;
}

function scan(data: Uint8Array): void {
  let total = 0;
  /** The last two keywords, and the number of the object being read ("12 0 obj"). */
  let before = ['', ''];
  let object = '?';
  let streamAt = -1;
  const lexer = new Lexer((k, end) => {
    if (k === 'obj' || k === 'endobj') {
      // Each object on its own: an unclosed bracket in one (a damaged file) does not count in the next.
      lexer.depth = 0;
      if (k === 'obj') object = before[0] || '?';
    } else if (k === 'stream') {
      streamAt = end;
      return true;
    }
    before = [before[1], k];
    return false;
  });
  for (let at = 0; at < data.length;) {
    lexer.feed(data, at, data.length);
    if (streamAt < 0) break;
    // The data begins after the keyword's end of line (CR LF, or LF; a lone CR is tolerated as pdf.js does).
    let s = streamAt;
    streamAt = -1;
    if (data[s] === 0x0d) s++;
    if (data[s] === 0x0a) s++;
    let e = indexOfBytes(data, ENDSTREAM, s);
    if (e < 0) e = data.length;
    const { dictFrom, dictTo } = lexer;
    const dict = dictFrom >= 0 && dictTo > dictFrom ? latin1(data.subarray(dictFrom, Math.min(dictTo, dictFrom + 4096))) : '';
    lexer.dictFrom = lexer.dictTo = -1;
    total += stream(data.subarray(s, e), dict, object, total);
    at = e;
    lexer.depth = 0;
  }
}

/**
 * One stream scanned, decoded in pieces through the filters that make more bytes than they are
 * given (Flate, LZW, RunLength, ASCIIHex, ASCII85, chains of them: pdf-filters.ts); the bytes its
 * stages decoded to, each stage counted (pdf.js keeps each stage's output while it reads).
 */
function stream(raw: Uint8Array, dict: string, object: string, before: number): number {
  const kind = streamKind(dict);
  const whole = kind.decoded.length === kind.filters.length;
  const lexer = !whole ? null : kind.content ? contentLexer() : kind.objects ? new Lexer(() => false) : null;
  if (!kind.filters.length) {
    lexer?.feed(raw, 0, raw.length);
    return 0;
  }
  // A picture's own filter first (DCT, JPX…): nothing here makes more bytes of it.
  if (!kind.decoded.length) return 0;
  let bytes = 0;
  const count = (chunk: Uint8Array) => {
    bytes += chunk.length;
    if (bytes > PDF_LIMITS.streamBytes)
      throw new Refused(
        'too_large',
        detail((l) => say(l, 'limits.pdf.stream', { object, limit: sizeText(PDF_LIMITS.streamBytes) })),
      );
    if (before + bytes > PDF_LIMITS.totalBytes)
      throw new Refused(
        'too_large',
        detail((l) => say(l, 'limits.pdf.streams', { limit: sizeText(PDF_LIMITS.totalBytes) })),
      );
  };
  decodeChain(raw, kind.decoded, dict, count, (chunk) => lexer?.feed(chunk, 0, chunk.length));
  return bytes;
}

/** What pdf.js throws across its worker boundary (BaseException's kinds), and a stack that ran out. */
const PDFJS_FAILURE = new Set(['UnknownErrorException', 'InvalidPDFException', 'FormatError', 'AbortException', 'ResponseException']);

/**
 * A PDF's blocks (core/read/pdf.ts), looked over first; what pdf.js cannot make of a file it
 * opened (a page tree that refers to itself, a stack run out on nesting) is a damaged file, said
 * as such, not an internal error. Throws ReadError.
 */
export async function readGuardedPdf(data: Uint8Array, name: string): Promise<Block[]> {
  guardPdf(data, name);
  const { readPdfBlocks } = await import('./pdf');
  try {
    return await readPdfBlocks(data, name);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    if (e instanceof RangeError || (e instanceof Error && PDFJS_FAILURE.has(e.name)))
      throw new ReadError(
        'pdf_damaged',
        name,
        detail((l) => say(l, 'limits.pdf.structure')),
        { cause: e },
      );
    throw e;
  }
}
