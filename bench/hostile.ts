/**
 * Hostile inputs built by hand (issue 8): zip packages whose headers lie about sizes, deflate
 * bombs made without ever holding the inflated bytes, nested archives, huge digit strings in a
 * count cell. The zip layout follows PKWARE's APPNOTE.TXT (4.3.7 local header, 4.3.9 data
 * descriptor, 4.3.12 central directory header, 4.3.16 end of central directory record).
 */
import { crc32, constants, deflateRawSync } from 'zlib';

export interface ZipPart {
  name: string;
  /** The stored (already deflated when method is 8) bytes. */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** Uncompressed size as declared in the headers (a bomb may lie). */
  declaredSize: number;
  /** General purpose flag bit 3: sizes and crc are zero in the local header and follow the data. */
  dataDescriptor?: boolean;
  /** Sizes written in the central directory (default: the same as the local header). */
  centralSize?: number;
}

/** A part deflated from real bytes, with honest sizes. */
export function deflatedPart(name: string, bytes: Uint8Array | string): ZipPart {
  const raw = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), declaredSize: raw.length };
}

/**
 * A raw deflate stream that inflates to `megabytes` MB of the letter "a" (or zeros), made from
 * one flushed 1 MB block repeated (a full flush resets the dictionary, so copies concatenate) and
 * a final empty block: a few KB per inflated MB, and the inflated bytes never exist here.
 */
export function bombStream(megabytes: number, fill = 0x61): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, fill), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  // 0x03 0x00: a final block with fixed Huffman codes holding only end-of-block (RFC 1951 3.2.6).
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

export function bombPart(name: string, megabytes: number, declaredSize: number, dataDescriptor = false): ZipPart {
  return { name, data: bombStream(megabytes), method: 8, crc: 0, declaredSize, dataDescriptor };
}

/** A zip package of the parts, written byte by byte (sizes as each part declares them). */
export function zipBytes(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const dd = !!p.dataDescriptor;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(dd ? 0x0808 : 0x0800, 6); // bit 11: UTF-8 names
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(dd ? 0 : p.crc, 14);
    local.writeUInt32LE(dd ? 0 : p.data.length, 18);
    local.writeUInt32LE(dd ? 0 : p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(dd ? 16 : 0);
    if (dd) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(p.crc, 4);
      descriptor.writeUInt32LE(p.data.length, 8);
      descriptor.writeUInt32LE(p.declaredSize, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(dd ? 0x0808 : 0x0800, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.centralSize ?? p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(p.data), descriptor);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length + descriptor.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The minimal parts of an .xlsx (ECMA-376 Part 1, 12.2) with a sheet for each XML given (the
 * first named 年报, the others 年报2, 年报3…), and the shared string table (12.3.15, declared in
 * [Content_Types].xml and the workbook's relationships as Excel requires) when its XML is given.
 */
export function xlsxParts(sheetXml: string | string[], sharedStringsXml?: string): ZipPart[] {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sst = sharedStringsXml !== undefined;
  const sheets = typeof sheetXml === 'string' ? [sheetXml] : sheetXml;
  const each = (f: (n: number) => string) => sheets.map((_, i) => f(i + 1)).join('');
  return [
    deflatedPart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${each((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)}${sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ),
    deflatedPart(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets>${each((n) => `<sheet name="年报${n > 1 ? n : ''}" sheetId="${n}" r:id="rId${n}"/>`)}</sheets></workbook>`,
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${each((n) => `<Relationship Id="rId${n}" Type="${R}/worksheet" Target="worksheets/sheet${n}.xml"/>`)}${sst ? `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
    ...sheets.map((xml, i) => deflatedPart(`xl/worksheets/sheet${i + 1}.xml`, xml)),
    ...(sst ? [deflatedPart('xl/sharedStrings.xml', sharedStringsXml)] : []),
  ];
}

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/** `count` shared strings of one letter each (`<si><t>a</t></si>`, 17 bytes): the most strings per byte a table holds. */
export function shortSharedStrings(count: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${'<si><t>a</t></si>'.repeat(count)}</sst>`;
}

/**
 * An .xlsx whose shared string table holds `count` one-letter strings, of which the sheet uses
 * two (A1 and B1, the first and the last): 3,000,000 make a 48.6 MB part in a package of 125 KB.
 */
export function shortStringsXlsx(count: number): Buffer {
  const sheet = `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>${count - 1}</v></c></row>${SHEET_CLOSE}`;
  return zipBytes(xlsxParts(sheet, shortSharedStrings(count)));
}

/**
 * An .xlsx whose sheet (or each of its `sheets` sheets) holds rows made by `row(r)` (r from 1)
 * until its XML reaches `megabytes` MB: many short inline strings, many rows.
 */
export function manyRowsXlsx(megabytes: number, row: (r: number) => string, sheets = 1): Buffer {
  const rows: string[] = [];
  for (let r = 1, n = 0; n < megabytes * 1024 * 1024; r++) {
    rows.push(row(r));
    n += rows[rows.length - 1].length;
  }
  const xml = SHEET_OPEN + rows.join('') + SHEET_CLOSE;
  return zipBytes(xlsxParts(Array.from({ length: sheets }, () => xml)));
}

/** An .xlsx whose one sheet is a bomb: `megabytes` MB of inflated XML behind a declared size. */
export function lyingBombXlsx(megabytes: number, declaredSize: number, dataDescriptor = false): Buffer {
  const parts = xlsxParts('');
  parts[parts.length - 1] = bombPart('xl/worksheets/sheet1.xml', megabytes, declaredSize, dataDescriptor);
  return zipBytes(parts);
}

/**
 * An .xlsx written by SheetJS with `marker` in a cell, rewritten so that the cell holds `times`
 * copies of `unit` instead (SheetJS refuses to write more than 32,767 characters in a cell, as
 * Excel does; a hostile file need not). Deflated, 50 MB of digits take about 50 KB.
 */
export async function withHugeText(xlsx: Uint8Array, marker: string, unit: string, times: number): Promise<Buffer> {
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(xlsx);
  for (const name of Object.keys(zip.files)) {
    if (!/\.xml$/.test(name)) continue;
    const xml: string = await zip.file(name).async('string');
    if (xml.includes(marker)) zip.file(name, xml.replace(marker, unit.repeat(times)));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
