/**
 * Workbook bytes → Book (grids of raw values and formulas). Reads .xlsx/.xlsm, .xls (BIFF),
 * .ods, WPS files (prefixed XML) and HTML/XML spreadsheets saved as .xls, with @e965/xlsx.
 * Failures are classified (ReadError codes) before and after parsing; nothing is allocated per
 * empty cell, so a sheet whose range claims XFD1048576 costs what its real cells cost.
 */
import type * as SheetJS from '@e965/xlsx';
import type { Book, Grid, GridCell, Merge } from './grid';
import { a1, sheetRef } from './grid';
import { NeedsLimits, ReadError } from './errors';
import { sayBoth } from '../messages';
import { registerSparse } from './locate';
import { clipText } from '../model/values';
import { inflateEntry, zipEndRecord, zipEntries, type ZipEntry } from './zip';
import { readXlsxDirect } from './xlsx-direct';
import { withChineseFormats } from './xlsx-dates';
import { repeatsOver } from './ods-repeats';
import { unpackedSize, type PartSize } from './zip-guard';
import { agreeingNames, storedPackage } from './zip-stored';
import { keepExactNumbers } from './xlsx-exact';

import { BOUNDED_PARSED, checkSize, DEFAULT_MAX_BYTES, sizeText } from './size';

export { checkSize, DEFAULT_MAX_BYTES };

export interface ReadOptions {
  /** Refuse larger inputs before parsing (default 50 MB). */
  maxBytes?: number;
  /** Refuse a zip whose parts unpack to more than this (default 64 MB): a report's XML is a few hundred KB. */
  maxUnpackedBytes?: number;
  /** Refuse a package one of whose parsed parts unpacks to more than this (default 16 MB). */
  maxPartBytes?: number;
  /** Refuse a package whose parsed parts together unpack to more than this (default 32 MB). */
  maxParsedBytes?: number;
  /**
   * Read here only what the guards bound tightly (core/read/size.ts); anything else throws
   * NeedsLimits, for a process with memory and time limits to read (`xxgk check`, cli/pool.ts).
   */
  bounded?: boolean;
  /** Read an .xlsx with SheetJS even where the direct reader could (the differential test). */
  viaSheetJS?: boolean;
}

export const DEFAULT_MAX_UNPACKED = 64 * 1024 * 1024;
/**
 * The parser holds a part whole and makes an object of every string and cell in it: 16 MB of the
 * shortest ones (`<si><t>a</t></si>`, `<c><v>1</v></c>`) took 4–7 s and most of the 256 MB a
 * checking process has; 34 MB of short strings ran out of it. A report's largest part is under 1 MB.
 */
export const DEFAULT_MAX_PART = 16 * 1024 * 1024;
/** Two such parts (a sheet and its strings) took 13 s and 380 MB in a checking process; three ran out of it. */
export const DEFAULT_MAX_PARSED = 32 * 1024 * 1024;
/** Cells an .ods may make by repeating a cell (as many as 16 MB of the shortest cells of an .xlsx). */
export const MAX_REPEATED_CELLS = 1_000_000;
/** Inflated parts kept for the parser up to this total (a report's are a few hundred KB); past it the parser inflates them, as memory matters more then. */
const KEEP_INFLATED = 4 * 1024 * 1024;

/** Parse options: only values, formulas and merges; no styles, number formats or formatted text. */
/**
 * SheetJS, loaded on the first workbook the direct reader (xlsx-direct.ts) leaves to it: .xls,
 * .ods, WPS files it cannot read, HTML saved as .xls. Its load (with its codepage tables) was a
 * large part of starting a check that most files no longer need.
 */
let sheetjs: typeof SheetJS | undefined;
const XLSX = (): typeof SheetJS => (sheetjs ??= require('@e965/xlsx') as typeof SheetJS);

const PARSE: SheetJS.ParsingOptions = {
  type: 'array',
  dense: true,
  cellFormula: true,
  cellStyles: false,
  cellHTML: false,
  cellText: false,
  cellNF: false,
  // Date cells come as dates (type 'd'), so that a count typed as a date is told from the number 45296.
  cellDates: true,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

type Kind = 'zip' | 'cfb' | 'markup' | 'biff' | 'text' | 'binary';

function sniff(d: Uint8Array): Kind {
  if (d.length >= 4 && d[0] === 0x50 && d[1] === 0x4b && (d[2] === 3 || d[2] === 5 || d[2] === 7)) return 'zip';
  if (
    d.length >= 8 &&
    d[0] === 0xd0 &&
    d[1] === 0xcf &&
    d[2] === 0x11 &&
    d[3] === 0xe0 &&
    d[4] === 0xa1 &&
    d[5] === 0xb1 &&
    d[6] === 0x1a &&
    d[7] === 0xe1
  )
    return 'cfb';
  if (d.length >= 4 && d[0] === 0x09 && (d[1] === 0x00 || d[1] === 0x02 || d[1] === 0x04 || d[1] === 0x08) && d[3] === 0x00) return 'biff';
  const n = Math.min(d.length, 4096);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = d[i];
    if (b < 9 || (b > 13 && b < 32) || b === 127) ctrl++;
  }
  if (ctrl > n / 100) return 'binary';
  let head: string;
  try {
    head = new TextDecoder('utf-8')
      .decode(d.subarray(0, Math.min(d.length, 2048)))
      .replace(/^\uFEFF/, '')
      .trimStart();
  } catch {
    return 'binary';
  }
  if (/^</.test(head) && /<(table|html|\?xml|Workbook|ss:Workbook|office:document)/i.test(head)) return 'markup';
  return 'text';
}

/** Too large for its largest part: a zip's part as inflated, or a BIFF file's stream. */
const partTooLarge = (name: string, p: PartSize, limit: number, key: 'read.detail.part_unpacked' | 'read.detail.stream_over') =>
  new ReadError('too_large', name, sayBoth(key, { part: clipText(p.part), size: sizeText(p.bytes), limit: sizeText(limit) }));

function checkRepeats(xml: string, name: string, part?: string): void {
  if (repeatsOver(xml, MAX_REPEATED_CELLS))
    throw new ReadError('too_large', name, sayBoth('read.detail.cells_repeated', { part: part ?? '', limit: MAX_REPEATED_CELLS }));
}

/**
 * The parser writes its own English to the console while reading some files ("ODS number format
 * may be incorrect", "Missing Info for XLS Record"): a user's terminal gets none of it.
 */
function quietly<T>(read: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

const isPasswordError = (m: string) => /password|encrypt/i.test(m);

/** What the checks before parsing leave: the kind, the bytes to parse, and a zip's parts as inflated. */
interface Guarded {
  kind: Kind;
  toParse: Uint8Array;
  contents?: { entries: ZipEntry[]; parts: Uint8Array[] };
  /** Keep empty cells while parsing: a sheet holds a formula saved without its result (asked only when the parser reads it). */
  stubs?: () => boolean;
}

/** Every check before parsing (kind, truncation, bombs, sizes), classifying what fails. */
function guard(data: Uint8Array, name: string, opts: ReadOptions): Guarded {
  const maxUnpacked = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
  const maxPart = opts.maxPartBytes ?? DEFAULT_MAX_PART;
  const maxParsed = opts.maxParsedBytes ?? DEFAULT_MAX_PARSED;
  const kind = sniff(data);
  let toParse = data;
  if (kind === 'binary') throw new ReadError('not_zip', name);
  if (kind === 'text') throw new ReadError('not_workbook', name, sayBoth('read.detail.text_file'));
  if (kind === 'zip' && zipEndRecord(data) < 0) throw new ReadError('truncated', name);
  if (kind === 'zip') {
    // Counted by inflating, not by what the package declares: a part may lie about its size.
    const unpacked = unpackedSize(data, maxUnpacked, KEEP_INFLATED);
    // What cannot be counted is not handed to the parser, which would read past a broken directory.
    if (!unpacked.ok && unpacked.why === 'unreadable') throw new ReadError('damaged', name);
    if (!unpacked.ok && unpacked.why === 'too_large')
      throw new ReadError(
        'too_large',
        name,
        unpacked.declared
          ? sayBoth('read.detail.unpacked', { size: sizeText(unpacked.declared), limit: sizeText(maxUnpacked) })
          : sayBoth('limits.unpacked_over', { limit: sizeText(maxUnpacked) }),
      );
    if (!unpacked.ok && unpacked.why === 'lies')
      throw new ReadError('too_large', name, sayBoth('limits.part_lies', { declared: unpacked.declared }));
    if (unpacked.ok && unpacked.largest && unpacked.largest.bytes > maxPart)
      throw partTooLarge(name, unpacked.largest, maxPart, 'read.detail.part_unpacked');
    if (unpacked.ok && unpacked.parsed > maxParsed)
      throw new ReadError(
        'too_large',
        name,
        sayBoth('read.detail.parts_unpacked', { size: sizeText(unpacked.parsed), limit: sizeText(maxParsed) }),
      );
    // Parts too large to keep inflated, many parsed bytes, or an OpenDocument package (whose repeats make cells): read with limits.
    if (opts.bounded && (!unpacked.ok || !unpacked.contents || unpacked.parsed > BOUNDED_PARSED)) throw new NeedsLimits(name);
    if (opts.bounded && unpacked.ok && unpacked.contents?.entries.some((e) => e.name === 'content.xml')) throw new NeedsLimits(name);
    // An OpenDocument package's cells, taken from the parts the guard kept when it could.
    const entries = unpacked.ok ? (unpacked.contents?.entries ?? zipEntries(data)) : null;
    const at = entries?.findIndex((e) => e.name === 'content.xml') ?? -1;
    if (entries && at >= 0) {
      let content: Uint8Array;
      try {
        content = (unpacked.ok && unpacked.contents?.parts[at]) || inflateEntry(data, entries[at], maxPart);
      } catch (e) {
        throw new ReadError('damaged', name, '', { cause: e });
      }
      checkRepeats(new TextDecoder().decode(content), name, 'content.xml');
    }
    // An .xlsx formula saved without its result (<c><f>SUM(D8:I8)</f></c>, as exceljs and scripts
    // write it) is dropped by the parser unless it keeps empty cells too (dropped again in
    // toGridCell); asked for only when a sheet holds such a formula, so an ordinary workbook's
    // styled empty cells cost nothing. Parts too large to be kept inflated are not reports.
    // Inflated once: the parser gets the parts as counted, stored, when the package allows it.
    if (unpacked.ok && unpacked.contents && at < 0) {
      const contents = unpacked.contents;
      return { kind, toParse, contents, stubs: () => formulaWithoutResult(contents) };
    }
    if (unpacked.ok && unpacked.contents) toParse = storedPackage(data, unpacked.contents.entries, unpacked.contents.parts) ?? data;
  }
  // A flat OpenDocument spreadsheet (.fods) repeats cells the same way.
  if (kind === 'markup' && /<office:document[\s>]/.test(new TextDecoder().decode(data.subarray(0, 4096))))
    checkRepeats(new TextDecoder().decode(data), name);
  if (kind === 'cfb') {
    let cfb: ReturnType<typeof SheetJS.CFB.read> | undefined;
    try {
      cfb = XLSX().CFB.read(data, { type: 'array' } as never);
    } catch (e) {
      throw new ReadError('truncated', name, '', { cause: e });
    }
    if (XLSX().CFB.find(cfb, 'EncryptionInfo') || XLSX().CFB.find(cfb, 'EncryptedPackage')) throw new ReadError('encrypted', name);
    // A BIFF workbook's cells and strings are all in one stream, parsed whole like an .xlsx part.
    for (const stream of ['Workbook', 'Book']) {
      const bytes = XLSX().CFB.find(cfb, stream)?.size ?? 0;
      if (bytes > maxPart) throw partTooLarge(name, { part: stream, bytes }, maxPart, 'read.detail.stream_over');
      if (opts.bounded && bytes > BOUNDED_PARSED) throw new NeedsLimits(name);
    }
  }
  return { kind, toParse };
}

/** The parts, with the Chinese built-in date formats a styles part uses defined for SheetJS. */
function withStyles({ entries, parts }: { entries: ZipEntry[]; parts: Uint8Array[] }): { parts: Uint8Array[]; at: number } {
  const at = entries.findIndex((e) => /(^|\/)styles\.xml$/i.test(e.name));
  const patched = at >= 0 ? withChineseFormats(new TextDecoder().decode(parts[at])) : null;
  if (patched === null) return { parts, at: -1 };
  const out = parts.slice();
  out[at] = new TextEncoder().encode(patched);
  return { parts: out, at };
}

/** Parse what the guard let through into a SheetJS workbook, classifying every failure. */
function parse({ kind, toParse, contents, stubs }: Guarded, data: Uint8Array, name: string): SheetJS.WorkBook {
  if (contents) {
    const styled = withStyles(contents);
    toParse = storedPackage(data, contents.entries, styled.parts, styled.at) ?? data;
  }
  try {
    return quietly(() => XLSX().read(toParse, stubs?.() ? { ...PARSE, sheetStubs: true } : PARSE));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // A zip package's garbled header can read as "encryption": only a CFB file carries a password.
    // A package missing a part it needs (an .ods without styles.xml) is damaged too.
    if (kind === 'zip' && (isPasswordError(msg) || /compress|size|crc|signature|cannot find|in zip/i.test(msg)))
      throw new ReadError('damaged', name, '', { cause: e });
    if (isPasswordError(msg)) throw new ReadError('encrypted', name, '', { cause: e });
    if (kind === 'cfb' && data.length % 512 !== 0) throw new ReadError('truncated', name, '', { cause: e });
    // The library's own sentence is English and names its internals: kept as the cause, not shown.
    throw new ReadError('not_workbook', name, '', { cause: e });
  }
}

/** A formula element closing its cell with no value after it: `<f>…</f></c>` or `<f …/></c>`. */
const FORMULA_WITHOUT_VALUE = /(?:<\/(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*\/>)\s*<\/(?:\w+:)?c>/;

function formulaWithoutResult(contents: { entries: { name: string }[]; parts: Uint8Array[] }): boolean {
  const decoder = new TextDecoder();
  return contents.entries.some(
    (e, i) =>
      /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && !!contents.parts[i] && FORMULA_WITHOUT_VALUE.test(decoder.decode(contents.parts[i])),
  );
}

type SheetCell = SheetJS.CellObject;

function toGridCell(c: SheetCell | undefined): GridCell | undefined {
  if (!c) return undefined;
  let raw: GridCell['raw'];
  switch (c.t) {
    case 'n':
      raw = typeof c.v === 'number' ? c.v : null;
      break;
    case 's':
      raw = c.v === '' || c.v == null ? null : String(c.v);
      break;
    case 'b':
      raw = Boolean(c.v);
      break;
    case 'e':
      raw = ERRORS[c.v as number] ?? (c.w as string | undefined) ?? '#ERROR';
      break;
    case 'd':
      raw =
        c.v instanceof Date
          ? Number.isNaN(c.v.getTime())
            ? String(c.v)
            : c.v.toISOString().slice(0, 10)
          : c.v == null
            ? null
            : String(c.v);
      break;
    default:
      raw = null;
  }
  const f = c.f;
  if (raw === null && !f) return undefined;
  return f ? { raw, formula: f.replace(/^=/, '') } : { raw };
}

/** A grid over a SheetJS sheet, sized by its real cells (never by the range the file claims). */
export function sheetGrid(name: string, ws: SheetJS.WorkSheet): Grid {
  const data = (ws as { '!data'?: SheetCell[][] })['!data'];
  const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  const rowsOf: (GridCell | undefined)[][] = [];
  if (data) {
    // Sparse iteration: forEach skips holes, so a lone cell in row 1048576 costs one row.
    data.forEach((row, r) => {
      if (!row) return;
      const out: (GridCell | undefined)[] = [];
      row.forEach((cell, c) => {
        const g = toGridCell(cell);
        if (g) out[c] = g;
      });
      if (out.length) rowsOf[r] = out;
    });
  } else {
    for (const key of Object.keys(ws)) {
      if (key[0] === '!') continue;
      const { r, c } = XLSX().utils.decode_cell(key);
      const g = toGridCell(ws[key] as SheetCell);
      if (g) (rowsOf[r] ??= [])[c] = g;
    }
  }
  return rowsGrid(name, rowsOf, merges);
}

/** A grid over sparse rows of cells and the sheet's merges (from SheetJS or the direct reader). */
export function rowsGrid(name: string, rowsOf: (GridCell | undefined)[][], merges: Merge[]): Grid {
  let rows = 0;
  let cols = 0;
  rowsOf.forEach((row, r) => {
    if (row.length) rows = r + 1;
    if (row.length > cols) cols = row.length;
  });
  for (const m of merges) {
    // A merge reaching past the last value (header merges) still belongs to the grid, but a
    // whole-column merge must not size it.
    if (m.r1 < 100000 && m.r1 + 1 > rows) rows = m.r1 + 1;
    if (m.c1 < 1000 && m.c1 + 1 > cols) cols = m.c1 + 1;
  }
  const prefix = sheetRef(name, 0, 0).slice(0, -2); // quoted sheet name and "!", computed once
  const grid: Grid = {
    name,
    kind: 'sheet',
    rows,
    cols,
    cell: (r, c) => rowsOf[r]?.[c],
    ref: (r, c) => prefix + a1(r, c),
    merges,
  };
  registerSparse(grid, (fn) =>
    rowsOf.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell) fn(r, c, cell);
      }),
    ),
  );
  return grid;
}

/** Read a workbook's bytes into a Book. Throws ReadError. */
export function readWorkbook(data: Uint8Array, name: string, opts: ReadOptions = {}): Book {
  checkSize(data.length, name, opts.maxBytes);
  const guarded = guard(data, name, opts);
  const c = guarded.contents;
  const direct = c && !opts.viaSheetJS && agreeingNames(data, c.entries, c.parts) ? readXlsxDirect(c.entries, c.parts) : null;
  if (direct)
    return {
      name,
      grids: direct.sheets.map((s) => rowsGrid(s.name, s.rows, s.merges)),
      ...(direct.definedNames ? { definedNames: direct.definedNames } : {}),
    };
  const wb = parse(guarded, data, name);
  if (!wb.SheetNames?.length) throw new ReadError('not_workbook', name, sayBoth('read.detail.no_sheets'));
  // The parser drops a sheet it fails on without a word (a cell pointing past the shared strings,
  // a sheet part that is not there): read as empty, it would be a wrong answer.
  if (wb.SheetNames.some((s) => !wb.Sheets[s])) throw new ReadError('damaged', name);
  const grids = wb.SheetNames.map((s) => sheetGrid(s, wb.Sheets[s] ?? {}));
  // Counts past 2^53 as the file writes them, not as a JS number rounds them (core/read/xlsx-exact.ts).
  keepExactNumbers(data, { name, grids }, opts.maxPartBytes ?? DEFAULT_MAX_PART);
  const definedNames: Record<string, string> = {};
  for (const n of wb.Workbook?.Names ?? []) {
    if (!n?.Name || n.Ref == null) continue;
    const key = n.Sheet != null && wb.SheetNames[n.Sheet] ? `${wb.SheetNames[n.Sheet]}!${n.Name}` : n.Name;
    definedNames[key] = n.Ref;
  }
  return { name, grids, ...(Object.keys(definedNames).length ? { definedNames } : {}) };
}
