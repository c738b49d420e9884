/**
 * The one registry of input kinds: for each kind its extensions and whether it is read as a
 * report, and how a file is recognised from its bytes (the extension only breaks ties). The
 * command line (check, import, folder walks) and the task pane's file picker all ask here; no
 * other module lists extensions. Light on purpose: no reader is imported, so the pane can build
 * its picker without loading one.
 */
import type { ReadErrorCode } from './errors';
import { isZip, zipEntries } from './zip';
import { utf16Order } from './decode';

export type InputKindId = 'workbook' | 'docx' | 'pdf' | 'html' | 'text' | 'word_binary' | 'image' | 'archive';

export interface InputKind {
  id: InputKindId;
  /** Lower case, with the dot. */
  extensions: readonly string[];
  /** Read as a report. A kind that is not is recognised and refused with its own message. */
  readable: boolean;
  /** The message (ReadError code, a catalogue key) a refused kind gets. */
  refusal?: ReadErrorCode;
}

export const INPUT_KINDS: readonly InputKind[] = [
  // .et/.ett: WPS 表格; .mht: Excel's single-file web page (SheetJS reads both).
  { id: 'workbook', extensions: ['.xlsx', '.xlsm', '.xls', '.ods', '.et', '.ett', '.xltx', '.xlt', '.mht', '.mhtml'], readable: true },
  { id: 'docx', extensions: ['.docx', '.docm', '.dotx'], readable: true },
  { id: 'pdf', extensions: ['.pdf'], readable: true },
  { id: 'html', extensions: ['.html', '.htm', '.xhtml', '.shtml'], readable: true },
  { id: 'text', extensions: ['.txt', '.md', '.text'], readable: true },
  { id: 'word_binary', extensions: ['.doc', '.wps', '.dot', '.wpt', '.rtf', '.odt'], readable: false, refusal: 'word_binary' },
  { id: 'image', extensions: ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.tif', '.tiff', '.webp'], readable: false, refusal: 'image' },
  { id: 'archive', extensions: ['.zip', '.rar', '.7z', '.gz', '.tgz', '.tar'], readable: false, refusal: 'archive' },
];

const BY_ID = new Map(INPUT_KINDS.map((k) => [k.id, k]));
export const kindOf = (id: InputKindId): InputKind => BY_ID.get(id)!;

/** Extensions of the kinds read as reports: what a folder walk picks up and the file picker offers. */
export const REPORT_EXTENSIONS: readonly string[] = INPUT_KINDS.filter((k) => k.readable).flatMap((k) => k.extensions);
/** Every extension the registry knows, refused kinds included (a batch that must skip nothing silently). */
export const KNOWN_EXTENSIONS: readonly string[] = INPUT_KINDS.flatMap((k) => k.extensions);

export function extensionOf(name: string): string {
  const m = /(\.[A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** The kind an extension names, or null. */
export function kindByExtension(name: string): InputKind | null {
  const ext = extensionOf(name);
  return ext ? (INPUT_KINDS.find((k) => k.extensions.includes(ext)) ?? null) : null;
}

const starts = (d: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => d[at + i] === b);
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether a compound (OLE) file holds a stream of this name: its directory stores names in UTF-16LE. */
function cfbHasStream(d: Uint8Array, name: string): boolean {
  const pat = Array.from(name).flatMap((ch) => [ch.charCodeAt(0), 0]);
  const n = Math.min(d.length, 8 << 20);
  // Candidates found by the array's own indexOf (native): a loop over every byte cost 3 ms per .xls.
  outer: for (let i = d.indexOf(pat[0], 512); i >= 0 && i + pat.length <= n; i = d.indexOf(pat[0], i + 1)) {
    for (let k = 1; k < pat.length; k++) if (d[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

/** What a zip package holds, by its part names: a Word document, a workbook, or a plain archive. */
function zipKind(d: Uint8Array, name: string): InputKindId {
  const entries = zipEntries(d);
  if (!entries) return kindByExtension(name)?.id === 'docx' ? 'docx' : 'workbook'; // damaged: its reader says how
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin') || names.has('content.xml')) {
    if (names.has('content.xml') && !names.has('xl/workbook.xml')) {
      const mt = entries.find((e) => e.name === 'mimetype');
      // OpenDocument text (.odt) is a word-processing file; anything else with content.xml goes to the workbook reader.
      if (mt && mt.method === 0 && mt.localOffset + 30 + 8 + 39 <= d.length) {
        const head = new TextDecoder().decode(d.subarray(mt.localOffset + 38, mt.localOffset + 38 + 50));
        if (head.includes('opendocument.text')) return 'word_binary';
      }
    }
    return 'workbook';
  }
  if (names.has('[Content_Types].xml')) return kindByExtension(name)?.id === 'docx' ? 'docx' : 'workbook';
  return 'archive';
}

/** The start of a text file as text (UTF-16 by its BOM, else UTF-8 leniently). */
function head(d: Uint8Array): string {
  const n = Math.min(d.length, 4096);
  if (starts(d, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(d.subarray(2, n));
  if (starts(d, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(d.subarray(2, n));
  const order = utf16Order(d);
  if (order) return new TextDecoder(order).decode(d.subarray(0, n));
  return new TextDecoder('utf-8').decode(d.subarray(0, n)).replace(/^\uFEFF/, '');
}

function isBinary(d: Uint8Array): boolean {
  if (starts(d, [0xff, 0xfe]) || starts(d, [0xfe, 0xff]) || utf16Order(d)) return false;
  const n = Math.min(d.length, 4096);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = d[i];
    if (b < 9 || (b > 13 && b < 32) || b === 127) ctrl++;
  }
  return ctrl > n / 100;
}

/**
 * The kind of a file, from its bytes first: a .xlsx that is really an HTML page reads as a page,
 * a .doc renamed .docx is refused as binary Word, a file without extension is still recognised.
 */
export function recogniseKind(d: Uint8Array, name: string): InputKindId {
  const byExt = kindByExtension(name)?.id ?? null;
  if (d.length >= 5 && starts(d, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (isZip(d)) return zipKind(d, name);
  if (starts(d, CFB)) {
    // Word and WPS 文字 binary files hold a WordDocument stream; .xls and WPS .et a Workbook/Book stream.
    if (cfbHasStream(d, 'WordDocument')) return 'word_binary';
    if (byExt === 'docx' && cfbHasStream(d, 'EncryptedPackage')) return 'docx'; // the docx reader says "encrypted"
    return 'workbook';
  }
  if (starts(d, [0x89, 0x50, 0x4e, 0x47]) || starts(d, [0xff, 0xd8, 0xff]) || starts(d, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (starts(d, [0x49, 0x49, 0x2a, 0x00]) || starts(d, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  if (starts(d, [0x52, 0x49, 0x46, 0x46]) && starts(d, [0x57, 0x45, 0x42, 0x50], 8)) return 'image';
  if (starts(d, [0x42, 0x4d]) && byExt === 'image') return 'image';
  if (starts(d, [0x52, 0x61, 0x72, 0x21]) || starts(d, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || starts(d, [0x1f, 0x8b])) return 'archive';
  if (starts(d, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'word_binary'; // {\rtf
  if (isBinary(d)) return byExt && byExt !== 'text' && byExt !== 'html' ? byExt : 'workbook'; // the workbook reader classifies it
  const h = head(d).trimStart();
  const lower = h.slice(0, 2048).toLowerCase();
  // Spreadsheets written as markup: Excel's XML Spreadsheet 2003, its HTML export, MHT, flat ODS.
  if (
    /^mime-version:/i.test(h) ||
    /<(ss:)?workbook[\s>]|urn:schemas-microsoft-com:office:(excel|spreadsheet)|<office:document[\s>]/.test(lower)
  )
    return 'workbook';
  if (
    /^<(!doctype html|html|\?xml[^>]*>\s*<(!doctype html|html))/.test(lower) ||
    (/^</.test(lower) && /<(table|body|p|div)[\s>]/.test(lower))
  )
    return 'html';
  if (/^<\?xml/.test(lower)) return 'workbook';
  if (byExt === 'html' && /<(table|p|div|br|span)[\s>/]/.test(lower)) return 'html';
  // Plain text: a published report, unless its name says workbook (then the workbook reader says "not a workbook").
  return byExt === 'workbook' ? 'workbook' : 'text';
}

/**
 * The format a refused file is in, for its message: its own extension where that names a format
 * of its kind, else what its bytes are (an RTF or an OpenDocument text renamed .docx), else the
 * kind's first extension (.doc for Word binary).
 */
export function refusedFormat(d: Uint8Array, name: string, kind: InputKindId): string {
  const exts = kindOf(kind).extensions;
  if (kind === 'word_binary') {
    if (starts(d, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return '.rtf';
    if (isZip(d)) return '.odt';
  }
  const ext = extensionOf(name);
  return exts.includes(ext) ? ext : exts[0];
}

/**
 * Whether a published report already decoded to text reads as an HTML page or as plain text:
 * its extension when that names one of the two, else its content (import's string entry points).
 */
export function publishedKind(text: string, name: string): 'html' | 'text' {
  const byExt = kindByExtension(name)?.id;
  if (byExt === 'html' || byExt === 'text') return byExt;
  const kind = recogniseKind(new TextEncoder().encode(text.slice(0, 4096)), name);
  return kind === 'html' ? 'html' : 'text';
}
