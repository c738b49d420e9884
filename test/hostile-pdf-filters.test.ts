/**
 * Issue 20, item 11: the PDF guard (core/read/pdf-guard.ts) bounds what every stream filter that
 * makes more bytes than it is given decodes to, not Flate alone: LZW (some 2,500 times), RunLength
 * (64 times), ASCIIHex and ASCII85 wrapping a bomb, and chains of filters (a deflated bomb deflated
 * again: a thousand times a thousand). Before, a stream naming any filter but one FlateDecode was
 * passed unread to pdf.js, which decoded it whole: each case below was let through (no refusal).
 * The guard is called alone here, so that a failing test does not hand pdf.js a bomb.
 */
import { deflateSync } from 'zlib';
import { describe, expect, it } from 'vitest';
import { guardPdf } from '../core/read/pdf-guard';
import { readInput } from '../core/read/input';
import { ReadError } from '../core/read/errors';
import { filteredPagePdf, lzwBomb, runLengthBomb, streamBombPdf } from '../bench/hostile-pdf';
import { bombStream } from '../bench/hostile';

/** A zlib-wrapped deflate bomb of `megabytes` MB (the header pdf.js expects, no checksum after). */
const zlibBomb = (megabytes: number) => Buffer.concat([Buffer.from([0x78, 0x9c]), bombStream(megabytes, 0x20)]);

/** ASCII85 of the bytes (7.4.3), groups of four zeros as 'z', ended by '~>'. */
function ascii85(b: Buffer): Buffer {
  let s = '';
  for (let i = 0; i < b.length; i += 4) {
    const n = Math.min(4, b.length - i);
    const v = [0, 1, 2, 3].reduce((a, k) => a * 256 + (k < n ? b[i + k] : 0), 0);
    if (n === 4 && v === 0) {
      s += 'z';
      continue;
    }
    const d: string[] = [];
    for (let k = 0, x = v; k < 5; k++, x = Math.floor(x / 85)) d.unshift(String.fromCharCode(33 + (x % 85)));
    s += d.slice(0, n + 1).join('');
  }
  return Buffer.from(`${s}~>`, 'latin1');
}

const hex = (b: Buffer) => Buffer.from(`${b.toString('hex')}>`, 'latin1');

function refusal(pdf: Buffer): ReadError | null {
  try {
    guardPdf(new Uint8Array(pdf), '样本.pdf');
    return null;
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
}

const BOMBS: [string, () => Buffer][] = [
  ['an LZW stream of 300 MB (110 KB)', () => filteredPagePdf('/LZWDecode', lzwBomb(300))],
  ['a RunLength stream of 100 MB (1.6 MB)', () => filteredPagePdf('/RunLengthDecode', runLengthBomb(100))],
  ['a deflated bomb of 1 GB deflated again', () => filteredPagePdf('[/FlateDecode /FlateDecode]', deflateSync(zlibBomb(1000)))],
  ['ASCIIHex over a deflated bomb of 1 GB', () => filteredPagePdf('[/AHx /Fl]', hex(zlibBomb(1000)))],
  ['ASCII85 of 80 MB of zeros (z)', () => filteredPagePdf('/ASCII85Decode', Buffer.from(`${'z'.repeat(20 << 20)}~>`))],
  ['an LZW bomb of 300 MB deflated', () => filteredPagePdf('[/Fl /LZW]', deflateSync(lzwBomb(300)))],
];

describe('stream bombs through any filter are refused (item 11)', () => {
  for (const [what, make] of BOMBS)
    it(`${what}: too large, naming the limit`, () => {
      const e = refusal(make());
      expect(e?.code).toBe('too_large');
      expect(e!.zh).toMatch(/样本\.pdf/);
      expect(e!.en.replace('样本.pdf', '')).not.toMatch(/[\u4e00-\u9fff]/);
    }, 60_000);

  it('an LZW stream within the limit (7 MB of spaces) is no refusal', () => {
    expect(refusal(filteredPagePdf('/LZWDecode', lzwBomb(1)))).toBeNull();
  });

  it('nested saves are counted through a chain of filters (ASCIIHex, Flate)', () => {
    const content = Buffer.from(`${'q\n'.repeat(1000)}BT /F1 10 Tf 50 800 Td (x) Tj ET\n`, 'latin1');
    expect(refusal(filteredPagePdf('[/ASCIIHexDecode /FlateDecode]', hex(deflateSync(content))))?.code).toBe('pdf_damaged');
    expect(refusal(filteredPagePdf('[/A85 /Fl]', ascii85(deflateSync(content))))?.code).toBe('pdf_damaged');
  });

  it('a good page through a chain of filters is still read', async () => {
    const content = Buffer.from('BT /F1 10 Tf 50 800 Td (x) Tj ET\n', 'latin1');
    for (const pdf of [
      filteredPagePdf('[/AHx /Fl]', hex(deflateSync(content))),
      filteredPagePdf('[/A85 /Fl]', ascii85(deflateSync(content))),
    ])
      await expect(readInput(new Uint8Array(pdf), '样本.pdf')).resolves.toMatchObject({ kind: 'pdf' });
  });

  it('the Flate bomb is refused as before', () => {
    expect(refusal(streamBombPdf(1000))?.code).toBe('too_large');
  });
});
