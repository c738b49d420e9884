/**
 * Hostile PDFs built by hand (issue 20, items 11 and 14): objects written one by one with a
 * cross-reference table of their byte offsets (PDF 32000-1:2008, 7.5: header, body, xref table,
 * trailer). Content streams may be deflated (7.4.4 FlateDecode) so that a few KB hold what
 * pdf.js would spend minutes or gigabytes on.
 */
import { deflateSync } from 'zlib';
import { bombStream } from './hostile';

/** A PDF of the objects given (object i + 1 is objs[i]; the catalogue must be object 1). Binary-safe. */
export function pdfOf(objs: (string | { dict: string; stream: Uint8Array })[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0].length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(at);
    const body =
      typeof o === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<<${o.dict}/Length ${o.stream.length}>>\nstream\n`, 'latin1'),
            Buffer.from(o.stream),
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(body);
    at += body.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const FONT = '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>';

/** One page whose content stream is `content` (deflated when `deflate`), with Helvetica as /F1. */
export function onePagePdf(content: Uint8Array | string, deflate = true, rawFilter = false): Buffer {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : Buffer.from(content);
  const stream = deflate && !rawFilter ? deflateSync(bytes) : bytes;
  return pdfOf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    { dict: deflate ? '/Filter/FlateDecode' : '', stream },
    FONT,
  ]);
}

/** `depth` nested saves (`q`), deflated: 100,000 take about 1 KB. */
export const nestedSavesPdf = (depth: number): Buffer => onePagePdf('q\n'.repeat(depth) + 'BT /F1 10 Tf 50 800 Td (x) Tj ET\n');

/**
 * A content stream that inflates to `megabytes` MB of spaces (zlib-wrapped, as FlateDecode
 * streams are: a two-byte header before the raw deflate data; no Adler-32 after it, which pdf.js
 * does not need).
 */
export function streamBombPdf(megabytes: number): Buffer {
  const raw = bombStream(megabytes, 0x20);
  return onePagePdf(Buffer.concat([Buffer.from([0x78, 0x9c]), raw]), true, true);
}

/** A page whose resources hold an array nested `depth` deep. */
export function nestedArraysPdf(depth: number): Buffer {
  return pdfOf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>/X ${'['.repeat(depth)}${']'.repeat(depth)}>>/Contents 4 0 R>>`,
    { dict: '', stream: Buffer.from('BT /F1 10 Tf 50 800 Td (x) Tj ET\n') },
    FONT,
  ]);
}

/** A page tree whose Pages node lists itself among its kids (a loop), claiming many pages. */
export function pageTreeLoopPdf(): Buffer {
  return pdfOf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[2 0 R 3 0 R]/Count 1000000>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    { dict: '', stream: Buffer.from('BT /F1 10 Tf 50 800 Td (x) Tj ET\n') },
    FONT,
  ]);
}

/** One page drawing `n` separate text items (one show-text each), deflated. */
export function manyTextItemsPdf(n: number): Buffer {
  const ops: string[] = ['BT /F1 4 Tf'];
  for (let i = 0; i < n; i++) ops.push(`1 0 0 1 ${20 + (i % 100) * 5} ${20 + (((i / 100) | 0) % 800)} Tm (${i % 10}) Tj`);
  ops.push('ET');
  return onePagePdf(ops.join('\n'));
}

/** One page whose content stream is `stream`, its dictionary naming `filter` (e.g. `/LZWDecode` or `[/AHx/Fl]`). */
export function filteredPagePdf(filter: string, stream: Uint8Array): Buffer {
  return pdfOf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    { dict: `/Filter${filter}`, stream },
    FONT,
  ]);
}

/**
 * LZW codes (PDF 32000-1:2008, 7.4.4; EarlyChange 1) that decode to at least `megabytes` MB of
 * spaces: 32 (a space), then 258, 259, … each the one before and a space more, then 4095 (3,839
 * spaces) again and again: some 2,500 bytes for every 1.5 bytes of codes.
 */
export function lzwBomb(megabytes: number): Buffer {
  const codes: number[] = [0x20];
  let made = 1;
  for (let c = 258; c < 4096; c++) {
    codes.push(c);
    made += c - 256;
  }
  for (; made < megabytes << 20; made += 4095 - 256) codes.push(4095);
  codes.push(257);
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let next = 258;
  let width = 9;
  codes.forEach((code, i) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) out.push((acc >>> (bits -= 8)) & 0xff);
    acc &= (1 << bits) - 1;
    // The decoder adds an entry after every code but the first, and widens as pdf.js does.
    if (i > 0 && code !== 257) {
      next++;
      const n = next + 1;
      if ((n & (n - 1)) === 0) width = Math.min(Math.log2(n) + 1, 12);
    }
  });
  if (bits) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/** A RunLength stream of `megabytes` MB of spaces: each two bytes (129, space) repeat a space 128 times. */
export const runLengthBomb = (megabytes: number): Buffer =>
  Buffer.concat([Buffer.alloc((megabytes << 20) / 64, Buffer.from([129, 0x20])), Buffer.from([128])]);
