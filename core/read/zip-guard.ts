/**
 * What a zip package really unpacks to, counted by inflating it (output discarded) before the
 * workbook parser sees it: a part may declare 0 or 1,000 bytes and inflate to gigabytes, and a
 * package may hold another package (SheetJS opens an Apple Numbers file's nested Index.zip), so
 * neither the declared sizes nor the outer package alone can be trusted. The count stops as soon
 * as the budget is spent, so a bomb costs at most the budget's worth of inflating.
 */
import { Inflate, inflateSync } from 'fflate';
import { zipEntries, type ZipEntry } from './zip';

/** A part of the package by its name and the bytes it really inflated to. */
export interface PartSize {
  part: string;
  bytes: number;
}

export type Unpacked =
  /**
   * Every part inflated within the budget: their real total; of the parts a parser reads whole
   * (XML or binary records, not pictures) the total and the largest, when there is one.
   */
  | {
      ok: true;
      bytes: number;
      parsed: number;
      largest?: PartSize;
      /** Every part's bytes as inflated, in directory order, when asked for and all could be kept (see `keep`). */
      contents?: { entries: ZipEntry[]; parts: Uint8Array[] };
    }
  /** More than the budget (as declared, or counted in nested packages). */
  | { ok: false; why: 'too_large'; declared?: number }
  /** A part inflates to more than the size it declares: stopped there (a bomb that lies). */
  | { ok: false; why: 'lies'; part: string; declared: number }
  /** The directory or a part cannot be read: left to the parser, which names the failure. */
  | { ok: false; why: 'unreadable' };

/** Nested packages opened at most this deep (a workbook holds at most one level). */
const MAX_DEPTH = 2;
/** Inflated in slices of this size, so that a bomb is stopped within a slice's worth of output. */
const SLICE = 512;
/** Deflate's most: 258 bytes from a 2-bit code (RFC 1951 §3.2.5), so a part never inflates to more than this per byte. */
const MOST_PER_BYTE = 1032;
/** Parts declaring more than this are counted in slices even when their inflating is bounded (memory stays small). */
const AT_ONCE_MAX = 8 << 20;

class OverBudget extends Error {
  /** What the directory declares, when that alone is over the budget. */
  constructor(readonly declared?: number) {
    super('over budget');
  }
}
class Lies extends Error {
  constructor(readonly entry: ZipEntry) {
    super('lies');
  }
}
/** A size the directory leaves to a zip64 record: not a promise this reader can hold a part to. */
const UNKNOWN_SIZE = 0xffffffff;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Inflate one part, counting its bytes against `left` and the size it declares; the bytes are
 * kept only when they are a nested package (to be counted in turn), so memory stays at one slice
 * for ordinary parts. Stopping at the declared size bounds the work by what the directory
 * declares, which is already within the budget.
 */
type Inflated = { bytes: number; nested: Uint8Array | null; whole?: Uint8Array };

function inflatePart(d: Uint8Array, e: ZipEntry, left: number, keepNested: boolean): Inflated | null {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  if (e.flags & 1 || e.localOffset + 30 > d.length || view.getUint32(e.localOffset, true) !== 0x04034b50) return null;
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const end = start + e.compressedSize;
  if (end > d.length) return null;
  const raw = d.subarray(start, end);
  const isNested = (b: Uint8Array) => keepNested && b.length >= 4 && ZIP_MAGIC.every((x, i) => b[i] === x);
  const over = (bytes: number) => {
    if (e.declaredSize !== UNKNOWN_SIZE && bytes > e.declaredSize) throw new Lies(e);
    if (bytes > left) throw new OverBudget();
  };
  if (e.method === 0) {
    over(raw.length);
    return { bytes: raw.length, nested: isNested(raw) ? raw : null, whole: raw };
  }
  if (e.method !== 8) return null;
  if (raw.length === 0) return { bytes: 0, nested: null, whole: raw };
  const atOnce = atOnceInflate(raw, e, left, keepNested);
  if (atOnce) return atOnce;
  let bytes = 0;
  let keep: Uint8Array[] | null = null;
  const inflater = new Inflate((chunk) => {
    if (bytes === 0 && isNested(chunk)) keep = [];
    bytes += chunk.length;
    over(bytes);
    keep?.push(chunk.slice());
  });
  try {
    for (let i = 0; i < raw.length; i += SLICE) inflater.push(raw.subarray(i, Math.min(raw.length, i + SLICE)), i + SLICE >= raw.length);
  } catch (err) {
    if (err instanceof OverBudget || err instanceof Lies) throw err;
    return null;
  }
  let nested: Uint8Array | null = null;
  const kept = keep as Uint8Array[] | null;
  if (kept) {
    nested = new Uint8Array(bytes);
    let at = 0;
    for (const c of kept) {
      nested.set(c, at);
      at += c.length;
    }
  }
  return { bytes, nested };
}

/**
 * One part inflated in one call into a buffer one byte past its declared size, when that is
 * safe: even if the part lies, it cannot inflate to more than MOST_PER_BYTE times its compressed
 * bytes, which is within the budget left, so the work stays bounded as the slices bound it
 * (fflate drops what does not fit: a full buffer means the part inflates past its declared size).
 * Slicing costs a copy of fflate's 32 KB window per slice, more than the inflating of an ordinary
 * sheet; this path gives the same counts at a fifth of the cost. Null: count it in slices (also
 * on any error, so that a damaged or lying part is classified by the slices exactly as before).
 */
function atOnceInflate(raw: Uint8Array, e: ZipEntry, left: number, keepNested: boolean): Inflated | null {
  if (e.declaredSize === UNKNOWN_SIZE || e.declaredSize > AT_ONCE_MAX || e.declaredSize > left) return null;
  if (raw.length * MOST_PER_BYTE > left) return null;
  let out: Uint8Array;
  try {
    out = inflateSync(raw, { out: new Uint8Array(e.declaredSize + 1) });
  } catch {
    return null;
  }
  if (out.length > e.declaredSize) throw new Lies(e);
  const nested = keepNested && out.length >= 4 && ZIP_MAGIC.every((x, i) => out[i] === x);
  return { bytes: out.length, nested: nested ? out : null, whole: out };
}

/** Every entry a zip can list (its count is 16 bits): a bomb spread over many parts is counted whole. */
const ALL_ENTRIES = 65536;

/** Parts a workbook parser holds whole while it reads them (XML, or .xlsb's binary records), as opposed to pictures. */
const PARSED_PART = /\.(xml|rels|bin)$/i;

/** What the top level of a count gathers besides the total. */
interface Gathered {
  /** The parts a parser reads whole: their total and the largest. */
  parsed: { bytes: number; largest?: PartSize };
  /** Parts kept so far, or null once one could not be (too much to keep, counted in slices, nested). */
  kept: { entries: ZipEntry[]; parts: Uint8Array[]; bytes: number; limit: number } | null;
}

function count(d: Uint8Array, budget: number, depth: number, top?: Gathered): number | 'unreadable' {
  const entries = zipEntries(d, ALL_ENTRIES);
  if (!entries) return 'unreadable';
  // An honest bomb says what it is: refused without inflating anything.
  let declared = 0;
  for (const e of entries) if (e.declaredSize !== UNKNOWN_SIZE) declared += e.declaredSize;
  if (declared > budget) throw new OverBudget(depth === 0 ? declared : undefined);
  let total = 0;
  for (const e of entries) {
    const part = inflatePart(d, e, budget - total, depth < MAX_DEPTH);
    if (!part) return 'unreadable';
    total += part.bytes;
    if (top && PARSED_PART.test(e.name)) {
      top.parsed.bytes += part.bytes;
      if (part.bytes > (top.parsed.largest?.bytes ?? -1)) top.parsed.largest = { part: e.name, bytes: part.bytes };
    }
    if (top?.kept) {
      const k = top.kept;
      if (part.whole && !part.nested && k.bytes + part.bytes <= k.limit) {
        k.entries.push(e);
        k.parts.push(part.whole);
        k.bytes += part.bytes;
      } else top.kept = null;
    }
    if (part.nested) {
      const inner = count(part.nested, budget - total, depth + 1);
      if (typeof inner === 'number') total += inner;
      if (total > budget) throw new OverBudget();
    }
  }
  return total;
}

/**
 * What the package unpacks to, nested packages included, measured against `budget` bytes. With
 * `keep` (bytes), the inflated parts are handed back too when they total at most that and each
 * was inflated whole (core/read/zip-stored.ts gives them to the parser, which then inflates nothing).
 */
export function unpackedSize(d: Uint8Array, budget: number, keep = 0): Unpacked {
  try {
    const top: Gathered = { parsed: { bytes: 0 }, kept: keep > 0 ? { entries: [], parts: [], bytes: 0, limit: keep } : null };
    const bytes = count(d, budget, 0, top);
    if (bytes === 'unreadable') return { ok: false, why: 'unreadable' };
    return {
      ok: true,
      bytes,
      parsed: top.parsed.bytes,
      ...(top.parsed.largest ? { largest: top.parsed.largest } : {}),
      ...(top.kept ? { contents: { entries: top.kept.entries, parts: top.kept.parts } } : {}),
    };
  } catch (err) {
    if (err instanceof OverBudget) return { ok: false, why: 'too_large', ...(err.declared ? { declared: err.declared } : {}) };
    if (err instanceof Lies) return { ok: false, why: 'lies', part: err.entry.name, declared: err.entry.declaredSize };
    throw err;
  }
}
