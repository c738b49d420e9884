/**
 * Bytes of a published text → its characters. UTF-16 and UTF-8 by their byte-order mark; without
 * one the whole file decides between UTF-8 and GB18030 (what Chinese offices save): a UTF-8 file
 * with one stray byte stays UTF-8 (the byte becomes U+FFFD and is counted), a GB18030 file is
 * almost never valid UTF-8 beyond a few characters.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Bytes that are valid in neither reading (each became U+FFFD). */
  invalid: number;
}

/** Valid multi-byte sequences and invalid bytes of a UTF-8 reading, in one pass. */
function utf8Counts(d: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  for (let i = 0; i < d.length;) {
    const b = d[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) if (i + k >= d.length || (d[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multi++;
      i += n + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** UTF-16 written without a byte-order mark: zero bytes on one side of most pairs (CJK and ASCII text alike). */
export function utf16Order(d: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(d.length, 4096) & ~1;
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (d[i] === 0) even++;
    if (d[i + 1] === 0) odd++;
  }
  if (odd > n / 6 && even < n / 40) return 'utf-16le';
  if (even > n / 6 && odd < n / 40) return 'utf-16be';
  return null;
}

export function decodeBytes(d: Uint8Array): DecodedText {
  if (d.length >= 2 && d[0] === 0xff && d[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(d.subarray(2));
    return { text, encoding: 'utf-16le', invalid: countReplacement(text) };
  }
  if (d.length >= 2 && d[0] === 0xfe && d[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(d.subarray(2));
    return { text, encoding: 'utf-16be', invalid: countReplacement(text) };
  }
  const order = utf16Order(d);
  if (order) {
    const text = new TextDecoder(order).decode(d);
    return { text, encoding: order, invalid: countReplacement(text) };
  }
  const bom = d.length >= 3 && d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf;
  const { multi, invalid } = bom ? { multi: 1, invalid: 0 } : utf8Counts(d);
  // A real UTF-8 Chinese text has thousands of valid sequences; stray bytes are a handful.
  if (invalid === 0 || multi >= 4 * invalid) {
    const text = new TextDecoder('utf-8').decode(d);
    return { text: text.replace(/^\ufeff/, ''), encoding: 'utf-8', invalid };
  }
  const text = new TextDecoder('gb18030').decode(d);
  return { text, encoding: 'gb18030', invalid: countReplacement(text) };
}

/** Text as written by Chinese offices: by BOM, else UTF-8 or GB18030 decided on the whole file. */
export function decodeText(d: Uint8Array): string {
  return decodeBytes(d).text;
}
