/**
 * The product's own outputs, recognised among a folder's files so that they are never read back
 * as a department's report: a total summed in again doubles every cell, a notice or the bulk
 * report checked is a "department" that fails. Each kind carries a mark written when it is made —
 * a workbook a defined name XXGK_OUTPUT_SUM / _REPORT / _NOTICE / _EXPORT, a web page a
 * <meta name="generator" content="xxgk-tables …">; a total made before the mark is known by its
 * appendix sheet, a bulk report or a notice by its sheets' names or its page's title; a .csv or
 * .json by its header. An .xlsx export made before the mark is not told from a department's
 * report (a department may send one): it is read, and a duplicate of its source is said as one.
 * Only a few bytes are looked at: the head of a text file, the zip directory and one small part
 * of a workbook, each within a bound (a small file is read whole, in one read).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';
import { inflateSync } from 'fflate';
import { say } from '../messages';
import { HEADER as EXPORT_CSV_HEADER } from '../export/csv';

export type OwnKind = 'sum' | 'report' | 'notice' | 'export' | 'evaluation';

/** What is read of a text file, and the most of a workbook's directory and of its workbook part. */
const HEAD_BYTES = 16 << 10;
const DIRECTORY_MAX = 8 << 20;
const PART_MAX = 4 << 20;
/**
 * A file up to this size is read whole, in one read, into one buffer kept for every file: a
 * report workbook is some ten kilobytes, and reading its head, tail, directory and part one by
 * one (each into a new zero-filled buffer) cost more than the read itself (issue 22).
 */
const WHOLE_BYTES = 64 << 10;
const whole = Buffer.allocUnsafe(WHOLE_BYTES);

/** The bytes of a file open at `fd`: held whole when small, else read where asked. */
interface Bytes {
  size: number;
  /** `length` bytes from `at`, zeros past the end of the file; `got` how many were in the file. */
  at(at: number, length: number): { buf: Buffer; got: number };
}

function bytesOf(fd: number, size: number): Bytes {
  if (size <= WHOLE_BYTES) {
    const n = readAt(fd, whole.subarray(0, size), 0);
    return {
      size,
      at: (at, length) => {
        const got = Math.max(0, Math.min(length, n - at));
        if (got === length) return { buf: whole.subarray(at, at + length), got };
        // Past what was read: zeros, as a read into a zero-filled buffer leaves them.
        const buf = Buffer.alloc(length);
        if (got > 0) whole.copy(buf, 0, at, at + got);
        return { buf, got };
      },
    };
  }
  return {
    size,
    at: (at, length) => {
      const buf = Buffer.alloc(length);
      return { buf, got: readAt(fd, buf, at) };
    },
  };
}

/** The kind of output of the product `file` is, or null (also when it cannot be read: its reader says why). */
export function ownOutputKind(file: string | Buffer): OwnKind | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < 4) return null;
    const bytes = bytesOf(fd, st.size);
    const head = bytes.at(0, Math.min(HEAD_BYTES, st.size)).buf;
    if (head.readUInt32LE(0) === 0x04034b50) return workbookKind(bytes);
    if (!mayBeText(head)) return null;
    return textKind(head.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, buf: Buffer, at: number): number {
  let n = 0;
  while (n < buf.length) {
    const got = readSync(fd, buf, n, buf.length - n, at + n);
    if (!got) break;
    n += got;
  }
  return n;
}

/**
 * False when textKind cannot recognise `head`, told without decoding it (an .xls: 16 KB of binary
 * decoded cost more than the rest of its look): text not starting with a character (after a byte
 * order mark) can only be a page with the generator mark, whose ASCII words appear in its bytes.
 */
function mayBeText(head: Buffer): boolean {
  const from = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head.toString('utf8', from, from + 4)[0] !== '\uFFFD') return true;
  return /<meta[^]*xxgk-tables/i.test(head.toString('latin1'));
}

/** The first columns of the bulk report's .csv (core/batch/report.ts changesTable): the rest may change. */
const COLUMNS = ['verdict', 'department', 'file', 'sheet'];

function textKind(text: string): OwnKind | null {
  const meta = /<meta\s+name="generator"\s+content="xxgk-tables(?:\s+(report|notice))?"/i.exec(text);
  if (meta) return (meta[1]?.toLowerCase() as OwnKind | undefined) ?? 'export';
  const first = text.split(/\r?\n/, 1)[0];
  for (const lang of ['zh', 'en'] as const) {
    if (first.startsWith(`${COLUMNS.map((k) => say(lang, `batch.col.${k}` as 'batch.col.file')).join(',')},`)) return 'report';
    if (first === EXPORT_CSV_HEADER[lang].join(',')) return 'export';
  }
  // A shard's partial evaluation (cli/evaluate-parts.ts): its first line says so.
  if (/^\{"xxgkEvaluatePart":/.test(text)) return 'evaluation';
  if (/^\s*\{\s*"format":\s*"\d{4}",[\s\S]*"tables":\s*\{\s*"T[234]"/.test(text)) return 'export';
  return oldPageKind(text);
}

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

/**
 * A bulk report or a notice written as a web page before the generator mark: known by its title,
 * the catalogue's own words (a department's report is never titled so).
 */
function oldPageKind(text: string): OwnKind | null {
  const m = /<title>([^<]*)<\/title>/i.exec(text);
  if (!m || !/^<!doctype html>/i.test(text.trimStart())) return null;
  const title = unescape(m[1]);
  for (const lang of ['zh', 'en'] as const) {
    if (title === say(lang, 'batch.report.title')) return 'report';
    const [before, after] = say(lang, 'batch.notice.title', { department: '\u0000' }).split('\u0000');
    if (title.length > before.length + after.length && title.startsWith(before) && title.endsWith(after)) return 'notice';
  }
  return null;
}

/** The appendix sheet of a total (cli/commands/sum.ts), in either language. */
const APPENDIX = [say('zh', 'cli.sum_inputs_sheet'), say('en', 'cli.sum_inputs_sheet')];

function workbookKind(bytes: Bytes): OwnKind | null {
  const part = zipPart(bytes, 'xl/workbook.xml');
  if (!part) return null;
  const mark = /<definedName\b[^>]*\bname="XXGK_OUTPUT_(SUM|REPORT|NOTICE|EXPORT)"/.exec(part);
  if (mark) return mark[1].toLowerCase() as OwnKind;
  // A total written before the mark: the official layout (its XXGK_T2… names) and the appendix sheet.
  const sheets = [...part.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  if (/\bname="XXGK_T[234]"/.test(part) && sheets.some((s) => APPENDIX.includes(s))) return 'sum';
  // A bulk report or a notice written before the mark: its sheets, named in the catalogue's words.
  const named = sheets.map(unescape).join('\n');
  for (const lang of ['zh', 'en'] as const) {
    if (named === [say(lang, 'batch.report.files'), say(lang, 'batch.report.findings')].join('\n')) return 'report';
    if (named === say(lang, 'notice.sheet_name')) return 'notice';
  }
  return null;
}

/** One part of a zip package, by name, decompressed within PART_MAX; null when there is none or it cannot be read. */
function zipPart(bytes: Bytes, name: string): string | null {
  const size = bytes.size;
  const tailSize = Math.min(size, 65557);
  const tail = bytes.at(size - tailSize, tailSize).buf;
  let end = -1;
  for (let i = tailSize - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const dirSize = tail.readUInt32LE(end + 12);
  const dirAt = tail.readUInt32LE(end + 16);
  if (dirSize > DIRECTORY_MAX || dirAt + dirSize > size) return null;
  const dir = bytes.at(dirAt, dirSize).buf;
  const wanted = Buffer.from(name);
  for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === 0x02014b50;) {
    const method = dir.readUInt16LE(p + 10);
    const packed = dir.readUInt32LE(p + 20);
    const unpacked = dir.readUInt32LE(p + 24);
    const nameLen = dir.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    // Compared as bytes: a name of the directory is not decoded unless it is the one.
    if (nameLen === wanted.length && dir.compare(wanted, 0, nameLen, p + 46, p + 46 + nameLen) === 0) {
      if (packed > PART_MAX) return null;
      const at = dir.readUInt32LE(p + 42);
      const local = bytes.at(at, 30);
      if (local.got < 30 || local.buf.readUInt32LE(0) !== 0x04034b50) return null;
      const data = bytes.at(at + 30 + local.buf.readUInt16LE(26) + local.buf.readUInt16LE(28), packed).buf;
      if (method === 0) return data.toString('utf8');
      if (method !== 8) return null;
      // A fixed buffer: a part that lies about its size is cut there, never grown.
      const out = inflateSync(data, { out: new Uint8Array(Math.min(Math.max(unpacked, 1), PART_MAX)) });
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf8');
    }
    p = next;
  }
  return null;
}
