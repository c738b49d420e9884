/**
 * The zip container of .docx (and of .xlsx, .ods): its central directory listed without inflating
 * anything, and one entry inflated with fflate under a cap on the bytes it actually produces, so
 * that a part whose header lies about its size (a bomb) is stopped, not trusted.
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared: a bomb may lie here, so inflating counts real bytes. */
  declaredSize: number;
  localOffset: number;
}

const sig = (d: Uint8Array, at: number, a: number, b: number) => d[at] === 0x50 && d[at + 1] === 0x4b && d[at + 2] === a && d[at + 3] === b;

export const isZip = (d: Uint8Array) => d.length >= 4 && sig(d, 0, 3, 4);

/** Where the End Of Central Directory record starts (within the last 64 KB + 22 bytes), or -1. */
export function zipEndRecord(d: Uint8Array): number {
  const stop = Math.max(0, d.length - 65557);
  for (let i = d.length - 22; i >= stop; i--) if (sig(d, i, 5, 6)) return i;
  return -1;
}

/** The central directory's entries, or null when it cannot be read (truncated or damaged). */
export function zipEntries(d: Uint8Array, max = 10_000): ZipEntry[] | null {
  const eocd = zipEndRecord(d);
  if (eocd < 0) return null;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  for (let k = 0; k < count && k < max; k++) {
    if (at + 46 > d.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLen = view.getUint16(at + 28, true);
    out.push({
      name: utf8.decode(d.subarray(at + 46, at + 46 + nameLen)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

export class ZipEntryError extends Error {
  constructor(readonly why: 'too_large' | 'encrypted' | 'damaged') {
    super(why);
  }
}

/** The bytes of one entry, inflating at most maxBytes (ZipEntryError past that, or when damaged). */
export function inflateEntry(d: Uint8Array, e: ZipEntry, maxBytes: number): Uint8Array {
  if (e.flags & 1) throw new ZipEntryError('encrypted');
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  if (e.localOffset + 30 > d.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw new ZipEntryError('damaged');
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const end = start + e.compressedSize;
  if (end > d.length) throw new ZipEntryError('damaged');
  const raw = d.subarray(start, end);
  if (e.method === 0) {
    if (raw.length > maxBytes) throw new ZipEntryError('too_large');
    return raw;
  }
  if (e.method !== 8) throw new ZipEntryError('damaged');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZipEntryError('too_large');
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    // Fed in slices so that a bomb is stopped after its first few megabytes, not after all of them.
    for (let i = 0; i < raw.length; i += 65536) inflater.push(raw.subarray(i, Math.min(raw.length, i + 65536)), i + 65536 >= raw.length);
    if (!raw.length) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    throw err instanceof ZipEntryError ? err : new ZipEntryError('damaged');
  }
  if (!done && total === 0) throw new ZipEntryError('damaged');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
