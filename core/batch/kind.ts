/**
 * What a file is when it is not a report workbook, from its magic bytes (the extension only when
 * the bytes say nothing): Word, PDF, picture, archive. Interim: the input-kind registry in
 * core/read/ replaces this once it lands.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';

export type RefusedKind = 'word' | 'pdf' | 'image' | 'archive' | 'other';

const starts = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);
const ext = (name: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? '').toLowerCase();
const latin1 = (d: Uint8Array, n: number) => String.fromCharCode(...d.subarray(0, Math.min(n, d.length)));
/** Bytes as one character each, to search for ASCII names (no Buffer: the pane runs this too). */
const bytesText = (d: Uint8Array, n: number) => new TextDecoder('latin1').decode(d.subarray(0, Math.min(n, d.length)));

/** The part names of a zip package from its central directory, or null when it has none readable (cut short). */
function zipNames(d: Uint8Array): string[] | null {
  const stop = Math.max(0, d.length - 65557);
  let end = -1;
  for (let i = d.length - 22; i >= stop && end < 0; i--)
    if (d[i] === 0x50 && d[i + 1] === 0x4b && d[i + 2] === 5 && d[i + 3] === 6) end = i;
  if (end < 0) return null;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const names: string[] = [];
  let at = view.getUint32(end + 16, true);
  for (let k = view.getUint16(end + 10, true); k > 0; k--) {
    if (at + 46 > d.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const n = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(d.subarray(at + 46, at + 46 + n)));
    at += 46 + n + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

/** The kind of a file that is not read as a report, or null for a workbook (or a published text). */
export function refusedKind(d: Uint8Array, name: string): RefusedKind | null {
  const e = ext(name);
  if (starts(d, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (starts(d, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(d);
    if (!names) return null; // a damaged package: the workbook reader says how
    if (names.includes('word/document.xml')) return 'word';
    if (names.some((n) => n.startsWith('xl/') || n === 'content.xml' || n === '[Content_Types].xml')) return null;
    return 'archive';
  }
  if (starts(d, [0xd0, 0xcf, 0x11, 0xe0])) {
    // Word and WPS 文字 binaries hold a "WordDocument" stream (UTF-16LE in the directory).
    return bytesText(d, 8 << 20).includes('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0') ? 'word' : null;
  }
  if (starts(d, [0x89, 0x50, 0x4e, 0x47]) || starts(d, [0xff, 0xd8, 0xff]) || /^(GIF8|BM)/.test(latin1(d, 4))) return 'image';
  if (starts(d, [0x49, 0x49, 0x2a, 0]) || starts(d, [0x4d, 0x4d, 0, 0x2a])) return 'image';
  if (latin1(d, 4) === 'RIFF' && latin1(d.subarray(8), 4) === 'WEBP') return 'image';
  if (starts(d, [0x52, 0x61, 0x72, 0x21]) || starts(d, [0x37, 0x7a, 0xbc, 0xaf]) || starts(d, [0x1f, 0x8b])) return 'archive';
  if (latin1(d, 5) === '{\\rtf') return 'word';
  // No telling bytes: go by the extension for the kinds a department sends by mistake.
  if (/^(docx?|wps|wpt|dotx?|rtf|odt)$/.test(e)) return 'word';
  if (/^(png|jpe?g|gif|bmp|tiff?|webp|heic)$/.test(e)) return 'image';
  if (/^(zip|rar|7z|gz|tgz|tar)$/.test(e)) return 'archive';
  if (e === 'pdf') return 'pdf';
  // Neither the bytes nor the extension say it is a spreadsheet or a published report.
  return REPORT_FILE.test(name) ? null : 'other';
}

/** What the file is and what to do, in one sentence naming it. */
export function refusedMessage(kind: RefusedKind, file: string, lang: Lang): string {
  return say(lang, `batch.kind.${kind}`, { file });
}

/** Extensions of files read as reports: others met in a folder are still listed, as what they are. */
export const REPORT_FILE = /\.(xlsx|xlsm|xls|ods|et|ett|txt|html?|md)$/i;
