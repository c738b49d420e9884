/**
 * The PDF stream filters that make more bytes than they are given, decoded in pieces for the
 * guard (pdf-guard.ts) to count what a stream decodes to and stop a bomb within one piece's
 * output, nothing kept (issue 20, item 11). A stream may chain filters (PDF 32000-1:2008, 7.3.8:
 * /Filter [/ASCIIHexDecode /FlateDecode]); each stage's input is cut into pieces too, so that a
 * deflated bomb deflated again is stopped within one piece as well. The decoding follows pdf.js's
 * (src/core/{flate,lzw,ascii_hex,ascii_85,run_length}_stream.js), which reads the file afterwards.
 * 7.4.2 ASCIIHexDecode, 7.4.3 ASCII85Decode, 7.4.4 LZWDecode and FlateDecode, 7.4.5 RunLengthDecode.
 * Image filters (DCT, JPX, JBIG2, CCITTFax) are not decoded to read text and end a chain here.
 */
import { Inflate, Unzlib } from 'fflate';

/** A filter fed its input in pieces; what it decodes goes to its output as it comes. */
interface Decoder {
  push(chunk: Uint8Array): void;
}

type Out = (chunk: Uint8Array) => void;

/** Input pieces of this many bytes: a piece of a bomb makes at most some megabytes. */
const SLICE = 1024;

const FILTERS: Record<string, (out: Out, dict: string) => Decoder> = {
  FlateDecode: flate,
  Fl: flate,
  LZWDecode: lzw,
  LZW: lzw,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
  RunLengthDecode: runLength,
  RL: runLength,
};

/** The leading filters of a chain decoded here (all of them for a content stream). */
export function decodableFilters(filters: readonly string[]): string[] {
  const n = filters.findIndex((f) => !(f in FILTERS));
  return n < 0 ? [...filters] : filters.slice(0, n);
}

/**
 * Decodes `raw` through `filters` (as decodableFilters gives them), handing each stage's output
 * to `stage` (to count it) and the last stage's to `out`. Data that does not decode (cut short,
 * damaged) ends its stage quietly, as pdf.js reads what it can; what `stage` or `out` throws is thrown.
 */
export function decodeChain(raw: Uint8Array, filters: readonly string[], dict: string, stage: Out, out: Out): void {
  let thrown: unknown = undefined;
  const guarded =
    (f: Out): Out =>
    (chunk) => {
      try {
        f(chunk);
      } catch (e) {
        thrown = e;
        throw e;
      }
    };
  let next: Out = guarded((chunk) => {
    stage(chunk);
    out(chunk);
  });
  for (let i = filters.length - 1; i >= 0; i--) {
    const decoder = FILTERS[filters[i]](next, dict);
    let dead = false;
    next = (chunk) => {
      for (let k = 0; k < chunk.length && !dead; k += SLICE) {
        try {
          decoder.push(chunk.subarray(k, Math.min(chunk.length, k + SLICE)));
        } catch (e) {
          if (e === thrown) throw e;
          dead = true;
        }
      }
    };
    if (i > 0) {
      const feed = next;
      next = guarded((chunk) => {
        stage(chunk);
        feed(chunk);
      });
    }
  }
  next(raw);
}

/** zlib-wrapped as the filter says (two header bytes, RFC 1950); some writers leave the header out. */
function flate(out: Out): Decoder {
  let inflater: Inflate | Unzlib | null = null;
  let head: Uint8Array | null = null;
  return {
    push(chunk) {
      if (!inflater) {
        if (head) chunk = Uint8Array.from([...head, ...chunk]);
        if (chunk.length < 2) {
          head = chunk;
          return;
        }
        const wrapped = (chunk[0] & 0x0f) === 8 && ((chunk[0] << 8) | chunk[1]) % 31 === 0;
        inflater = wrapped ? new Unzlib(out) : new Inflate(out);
      }
      inflater.push(chunk);
    },
  };
}

/** LZW as pdf.js decodes it: 9 to 12 bit codes, 256 clears, 257 ends; EarlyChange 1 unless the dictionary says 0. */
function lzw(out: Out, dict: string): Decoder {
  const early = /\/EarlyChange\s+0\b/.test(dict) ? 0 : 1;
  const values = new Uint8Array(4096);
  const lengths = new Uint16Array(4096);
  const prevs = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) [values[i], lengths[i]] = [i, 1];
  const seq = new Uint8Array(4096);
  let seqLength = 0;
  let codeLength = 9;
  let nextCode = 258;
  let prev = 0;
  let bits = 0;
  let cached = 0;
  let ended = false;
  return {
    push(chunk) {
      const buf: Uint8Array[] = [];
      for (let k = 0; k < chunk.length && !ended; k++) {
        cached = ((cached << 8) | chunk[k]) & 0xffffff;
        bits += 8;
        while (bits >= codeLength && !ended) {
          bits -= codeLength;
          const code = (cached >>> bits) & ((1 << codeLength) - 1);
          const hasPrev = seqLength > 0;
          if (code < 256) [seq[0], seqLength] = [code, 1];
          else if (code >= 258) {
            if (code < nextCode) {
              seqLength = lengths[code];
              for (let j = seqLength - 1, q = code; j >= 0; j--, q = prevs[q]) seq[j] = values[q];
            } else if (seqLength < seq.length) seq[seqLength++] = seq[0];
          } else if (code === 256) {
            [codeLength, nextCode, seqLength] = [9, 258, 0];
            continue;
          } else {
            ended = true;
            break;
          }
          if (hasPrev) {
            if (nextCode < 4096) [prevs[nextCode], lengths[nextCode], values[nextCode]] = [prev, lengths[prev] + 1, seq[0]];
            nextCode++;
            const n = nextCode + early;
            if ((n & (n - 1)) === 0) codeLength = Math.min(Math.log2(n) + 1, 12) | 0;
          }
          prev = code;
          buf.push(seq.slice(0, seqLength));
        }
      }
      for (const b of buf) out(b);
    },
  };
}

const hexValue = (c: number) =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;

/** Pairs of hex digits, white space between them ignored, ended by '>'. */
function asciiHex(out: Out): Decoder {
  let half = -1;
  let ended = false;
  return {
    push(chunk) {
      const o: number[] = [];
      for (let k = 0; k < chunk.length && !ended; k++) {
        if (chunk[k] === 0x3e) ended = true;
        const v = hexValue(chunk[k]);
        if (v < 0) continue;
        if (half < 0) half = v;
        else {
          o.push((half << 4) | v);
          half = -1;
        }
      }
      if (o.length) out(Uint8Array.from(o));
    },
  };
}

/** Groups of five characters '!'..'u' make four bytes, 'z' four zeros, '~' ends. */
function ascii85(out: Out): Decoder {
  const group: number[] = [];
  let ended = false;
  const flush = (o: number[]) => {
    if (group.length < 2) return;
    const n = group.length;
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (i < n ? group[i] : 84);
    for (let i = 0; i < n - 1; i++) o.push((v >>> (24 - 8 * i)) & 0xff);
  };
  return {
    push(chunk) {
      const o: number[] = [];
      for (let k = 0; k < chunk.length && !ended; k++) {
        const c = chunk[k];
        if (c === 0x7e) {
          flush(o);
          ended = true;
        } else if (c === 0x7a && group.length === 0) o.push(0, 0, 0, 0);
        else if (c >= 0x21 && c <= 0x75) {
          group.push(c - 0x21);
          if (group.length === 5) {
            flush(o);
            group.length = 0;
          }
        }
      }
      if (o.length) out(Uint8Array.from(o));
    },
  };
}

/** A length byte: 0..127 copies that many plus one bytes, 129..255 repeats the next byte 257 minus it times, 128 ends. */
function runLength(out: Out): Decoder {
  let copy = 0;
  let repeat = 0;
  let ended = false;
  return {
    push(chunk) {
      const o: Uint8Array[] = [];
      for (let k = 0; k < chunk.length && !ended; k++) {
        const c = chunk[k];
        if (copy > 0) {
          const n = Math.min(copy, chunk.length - k);
          o.push(chunk.slice(k, k + n));
          copy -= n;
          k += n - 1;
        } else if (repeat > 0) {
          o.push(new Uint8Array(repeat).fill(c));
          repeat = 0;
        } else if (c < 128) copy = c + 1;
        else if (c > 128) repeat = 257 - c;
        else ended = true;
      }
      for (const b of o) out(b);
    },
  };
}
