/**
 * A package's parts, already inflated by the guard (core/read/zip-guard.ts), written back as a zip
 * whose parts are stored (method 0), so that the workbook parser reads them without inflating
 * each a second time. SheetJS inflates every part itself, and copies the rest of the file before
 * each one; reading stored parts it only copies them. Only a package the parser would read the
 * same either way is rewritten: every local header agreeing with the directory (name, method,
 * flags, sizes), no data descriptor, no zip64, every part inflating to exactly the size it
 * declares. Anything else is parsed from the original bytes, so its failures are named as before.
 * The layout follows PKWARE's APPNOTE.TXT (4.3.7 local header, 4.3.12 central directory header,
 * 4.3.16 end of central directory record).
 */
import type { ZipEntry } from './zip';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** General purpose flags the parser reads: encryption (0, 6, 13) and a data descriptor (3). */
const FLAGS_READ = 0x2049;
const utf8 = new TextDecoder('utf-8');

/** The local header's name bytes when it agrees with the directory entry, else null. */
function agreeingName(view: DataView, d: Uint8Array, e: ZipEntry, content: Uint8Array | null): Uint8Array | null {
  const at = e.localOffset;
  if (at + 30 > d.length || view.getUint32(at, true) !== LOCAL) return null;
  if (e.flags & FLAGS_READ || view.getUint16(at + 6, true) & FLAGS_READ) return null;
  if (view.getUint16(at + 8, true) !== e.method || (e.method !== 0 && e.method !== 8)) return null;
  if (view.getUint32(at + 18, true) !== e.compressedSize || view.getUint32(at + 22, true) !== e.declaredSize) return null;
  if (content && e.declaredSize !== content.length) return null;
  const nameLen = view.getUint16(at + 26, true);
  const name = d.subarray(at + 30, at + 30 + nameLen);
  if (name.length !== nameLen || utf8.decode(name) !== e.name) return null;
  return name;
}

/**
 * Each part's name bytes when every local header agrees with the directory and every part inflated
 * to the size it declares; null otherwise. The direct reader (xlsx-direct.ts) reads only such a
 * package too: one whose headers disagree is left to the parser, which names it damaged.
 */
export function agreeingNames(d: Uint8Array, entries: ZipEntry[], parts: Uint8Array[], rewritten = -1): Uint8Array[] | null {
  if (!entries.length || entries.length !== parts.length || entries.length > 0xffff) return null;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const names: Uint8Array[] = [];
  for (let i = 0; i < entries.length; i++) {
    const name = agreeingName(view, d, entries[i], i === rewritten ? null : parts[i]);
    if (!name) return null;
    names.push(name);
  }
  return names;
}

/**
 * The package with its parts stored as inflated, or null when it is not one to rewrite. The part
 * at `rewritten` was changed after inflating (xlsx.ts defines formats in the styles): its size is
 * its own, and its CRC stays the original's, which the parser does not check.
 */
export function storedPackage(d: Uint8Array, entries: ZipEntry[], parts: Uint8Array[], rewritten = -1): Uint8Array | null {
  if (!entries.length || entries.length !== parts.length || entries.length > 0xffff) return null;
  const names = agreeingNames(d, entries, parts, rewritten);
  if (!names) return null;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  let size = 22;
  for (let i = 0; i < entries.length; i++) size += 30 + 46 + 2 * names[i].length + parts[i].length;
  if (size > 0xffffffff) return null;
  const out = new Uint8Array(size);
  const w = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < entries.length; i++) {
    const src = entries[i].localOffset;
    offsets.push(at);
    w.setUint32(at, LOCAL, true);
    w.setUint16(at + 4, 20, true); // version needed: 2.0
    w.setUint16(at + 6, view.getUint16(src + 6, true), true); // flags as written (none the parser acts on)
    w.setUint16(at + 8, 0, true); // stored
    w.setUint32(at + 10, view.getUint32(src + 10, true), true); // time and date as written
    w.setUint32(at + 14, view.getUint32(src + 14, true), true); // CRC-32 of the same bytes
    w.setUint32(at + 18, parts[i].length, true);
    w.setUint32(at + 22, parts[i].length, true);
    w.setUint16(at + 26, names[i].length, true);
    w.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(parts[i], at + 30 + names[i].length);
    at += 30 + names[i].length + parts[i].length;
  }
  const directory = at;
  for (let i = 0; i < entries.length; i++) {
    const src = entries[i].localOffset;
    w.setUint32(at, CENTRAL, true);
    w.setUint16(at + 4, 20, true); // made by
    w.setUint16(at + 6, 20, true); // needed
    w.setUint16(at + 8, view.getUint16(src + 6, true), true);
    w.setUint16(at + 10, 0, true);
    w.setUint32(at + 12, view.getUint32(src + 10, true), true);
    w.setUint32(at + 16, view.getUint32(src + 14, true), true);
    w.setUint32(at + 20, parts[i].length, true);
    w.setUint32(at + 24, parts[i].length, true);
    w.setUint16(at + 28, names[i].length, true);
    // extra, comment, disk, internal and external attributes: 0
    w.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  }
  w.setUint32(at, END, true);
  w.setUint16(at + 8, entries.length, true);
  w.setUint16(at + 10, entries.length, true);
  w.setUint32(at + 12, at - directory, true);
  w.setUint32(at + 16, directory, true);
  return out;
}
