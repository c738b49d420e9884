/**
 * Test fixtures: report workbooks written to real files (SheetJS), in the official layout or with
 * the deviations real reports show (offsets, title rows, tables on separate sheets, label
 * variants, old rows), plus broken files for every unreadable reason. Shared by every engineer's
 * tests: `writeReportWorkbook(options) → path`.
 */
import * as XLSX from '@e965/xlsx';
import { writeFileSync } from 'fs';
import { tempDir } from './temp';
import * as path from 'path';
import { cellId, formCells, getForm, withVariants, type FormSpec, type RowSpec, type TableSpec } from '../../core/forms';

export type Raw = string | number | boolean | null;

export interface SheetSpec {
  name: string;
  aoa: Raw[][];
  merges: { r0: number; c0: number; r1: number; c1: number }[];
  /** Formulas (without "=") by [row][col]; the aoa value is the cached result. */
  formulas?: (string | undefined)[][];
  hidden?: boolean;
}

export interface ReportLayoutOptions {
  format: '2019' | '2021' | string;
  variants?: string[];
  year?: number | null;
  agency?: string | null;
  /** Title text (default: "{agency}{year}年政府信息公开工作年度报告"); null: no title. */
  title?: string | null;
  /** Where the first cell of the report goes (default {r: 0, c: 0}). */
  origin?: { r: number; c: number };
  /** Blank rows between the title and 表二 (and between tables). */
  gap?: number;
  /** Each table on its own sheet (named "{sheet}-表二" …). */
  split?: boolean;
  sheetName?: string;
  /** Which tables to write (default all). */
  tables?: string[];
  /** Rewrite a row label as written (level: index in the label path). */
  rowLabel?: (text: string, row: RowSpec, table: TableSpec, level: number) => string;
  /** Rewrite a column header as written. */
  colLabel?: (text: string, table: TableSpec, level: number) => string;
  /** Value per cell id (default: distinct numbers, see defaultValues). undefined → the default. */
  values?: Record<string, Raw>;
  /** Formulas per cell id (A1 formulas are the writer's business; given as text here). */
  formulas?: Record<string, string>;
  /** Write merges (default true). */
  merges?: boolean;
  /** Section titles (二、主动公开政府信息情况 …) above each table (default true). */
  sectionTitles?: boolean;
}

/** A distinct number per cell of the form, so that any misplaced cell shows. */
export function defaultValues(form: FormSpec): Record<string, number> {
  const out: Record<string, number> = {};
  let n = 1;
  for (const id of formCells(form).keys()) out[id] = n++;
  return out;
}

export function layoutForm(opts: ReportLayoutOptions): FormSpec {
  return withVariants(getForm(opts.format), opts.variants ?? []);
}

interface Placed {
  ref: { sheet: string; r: number; c: number };
}

/**
 * Sheets of one report in the official layout (or as the options bend it), and where every value
 * cell went (cell id → sheet, row, column).
 */
export function reportSheets(opts: ReportLayoutOptions): { sheets: SheetSpec[]; where: Map<string, Placed['ref']> } {
  const form = layoutForm(opts);
  const values = { ...defaultValues(form), ...(opts.values ?? {}) };
  const origin = opts.origin ?? { r: 0, c: 0 };
  const gap = opts.gap ?? 1;
  const base = opts.sheetName ?? (opts.year ? `${opts.year}年报` : '年报');
  const wantMerges = opts.merges ?? true;
  const labelW = Math.max(...form.tables.flatMap((t) => t.blocks.map((b) => b.labelWidth)));
  const sheets: SheetSpec[] = [];
  const where = new Map<string, Placed['ref']>();
  let sheet: SheetSpec | null = null;
  let r = origin.r;
  const newSheet = (name: string) => {
    sheet = { name, aoa: [], merges: [], formulas: [] };
    sheets.push(sheet);
    r = origin.r;
  };
  const put = (rr: number, cc: number, v: Raw, f?: string) => {
    const s = sheet!;
    while (s.aoa.length <= rr) s.aoa.push([]);
    s.aoa[rr][cc] = v;
    if (f) {
      while (s.formulas!.length <= rr) s.formulas!.push([]);
      s.formulas![rr][cc] = f;
    }
  };
  const merge = (r0: number, c0: number, r1: number, c1: number) => {
    if (wantMerges && (r1 > r0 || c1 > c0)) sheet!.merges.push({ r0, c0, r1, c1 });
  };
  const rowLabel = opts.rowLabel ?? ((t: string) => t);
  const colLabel = opts.colLabel ?? ((t: string) => t);
  const tables = form.tables.filter((t) => !opts.tables || opts.tables.includes(t.key));

  newSheet(opts.split ? `${base}-${tables[0]?.short ?? ''}` : base);
  const title = opts.title === undefined ? `${opts.agency ?? ''}${opts.year ?? ''}年政府信息公开工作年度报告` : opts.title;
  if (title !== null) {
    put(r, origin.c, title);
    merge(r, origin.c, r, origin.c + labelW + 7);
    r += 1 + gap;
  }
  tables.forEach((table, ti) => {
    if (opts.split && ti > 0) newSheet(`${base}-${table.short}`);
    if (opts.sectionTitles ?? true) {
      put(r, origin.c, table.title);
      r += 1;
    }
    const lw = table.blocks[0].labelWidth ? labelW : 0;
    for (const block of table.blocks) {
      const c0 = origin.c + lw;
      const ncol = block.columns.length;
      if (block.caption) {
        put(r, origin.c, block.caption);
        merge(r, origin.c, r, c0 + Math.max(ncol, 3) - 1);
        r += 1;
      }
      // Header rows from the column paths: shared prefixes merged across, leaves merged down.
      const depth = Math.max(...block.columns.map((c) => c.header.length));
      if (block.labelWidth) {
        if (block.corner) put(r, origin.c, block.corner);
        merge(r, origin.c, r + depth - 1, origin.c + lw - 1);
      }
      for (let level = 0; level < depth; level++) {
        let j = 0;
        while (j < ncol) {
          const col = block.columns[j];
          if (level >= col.header.length) {
            j++;
            continue;
          }
          const isLeaf = level === col.header.length - 1;
          let k = j;
          if (!isLeaf)
            while (
              k + 1 < ncol &&
              block.columns[k + 1].header.length > level + 1 &&
              block.columns[k + 1].header.slice(0, level + 1).join('|') === col.header.slice(0, level + 1).join('|')
            )
              k++;
          put(r + level, c0 + j, colLabel(col.header[level], table, level));
          merge(r + level, c0 + j, isLeaf ? r + depth - 1 : r + level, c0 + k);
          j = k + 1;
        }
      }
      r += depth;
      // Data rows: label path levels, shared prefixes merged down, the last one merged across.
      const rows = block.rows;
      const rowStart = r;
      rows.forEach((row, i) => {
        const rr = rowStart + i;
        row.label.forEach((text, level) => {
          const isLast = level === row.label.length - 1;
          const prev = rows[i - 1];
          const sameAsPrev =
            prev &&
            !isLast &&
            prev.label.length > level + 1 &&
            prev.label.slice(0, level + 1).join('|') === row.label.slice(0, level + 1).join('|');
          if (sameAsPrev) return;
          let k = i;
          if (!isLast)
            while (
              k + 1 < rows.length &&
              rows[k + 1].label.length > level + 1 &&
              rows[k + 1].label.slice(0, level + 1).join('|') === row.label.slice(0, level + 1).join('|')
            )
              k++;
          put(rr, origin.c + level, rowLabel(text, row, table, level));
          merge(rr, origin.c + level, rowStart + k, isLast ? origin.c + lw - 1 : origin.c + level);
        });
        block.columns.forEach((col, j) => {
          const id = cellId(table.key, row.key, col.key);
          put(rr, c0 + j, values[id] ?? null, opts.formulas?.[id]);
          where.set(id, { sheet: sheet!.name, r: rr, c: c0 + j });
        });
      });
      r += rows.length;
    }
    r += gap;
  });
  return { sheets, where };
}

function toSheet(s: SheetSpec): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(
    s.aoa.map((row) => Array.from(row, (v) => (v === undefined ? null : v))),
    { sheetStubs: false },
  );
  s.formulas?.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (!f) return;
      const addr = XLSX.utils.encode_cell({ r, c });
      const v = s.aoa[r]?.[c];
      ws[addr] = typeof v === 'number' ? { t: 'n', v, f } : v == null ? { t: 'n', v: 0, f } : { t: 's', v: String(v), f };
    }),
  );
  if (s.merges.length) ws['!merges'] = s.merges.map((m) => ({ s: { r: m.r0, c: m.c0 }, e: { r: m.r1, c: m.c1 } }));
  return ws;
}

export type BookType = 'xlsx' | 'xls' | 'biff8' | 'ods' | 'xlsm';

export function bookBytes(sheets: SheetSpec[], bookType: BookType = 'xlsx'): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, toSheet(s), s.name);
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) } as XLSX.WorkBook['Workbook'];
  return XLSX.write(wb, { type: 'buffer', bookType: bookType === 'xls' ? 'biff8' : bookType }) as Buffer;
}

let dir: string | null = null;
/** The folder writeFile and writeSheets write to: one for this test process. */
function filesDir(): string {
  if (!dir) dir = tempDir('xxgk-read-');
  return dir;
}

export function writeFile(name: string, data: Uint8Array | string): string {
  const p = path.join(filesDir(), name);
  writeFileSync(p, data);
  return p;
}

/** Write sheets as a workbook file; returns its path. */
export function writeSheets(name: string, sheets: SheetSpec[], bookType: BookType = 'xlsx'): string {
  return writeFile(name, bookBytes(sheets, bookType));
}

/** One report (or the sheets of several: pass an array) written to a file; returns its path. */
export function writeReportWorkbook(name: string, opts: ReportLayoutOptions | ReportLayoutOptions[], bookType: BookType = 'xlsx'): string {
  const list = Array.isArray(opts) ? opts : [opts];
  return writeSheets(
    name,
    list.flatMap((o) => reportSheets(o).sheets),
    bookType,
  );
}

/** Rewrite an .xlsx's XML parts with an "x:" namespace prefix, as some tools and WPS exports do. */
export async function prefixXml(xlsx: Uint8Array): Promise<Buffer> {
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(xlsx);
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/(workbook|worksheets\/sheet\d+|sharedStrings|styles)\.xml$/.test(name)) continue;
    let xml: string = await zip.file(name).async('string');
    xml = xml.replace(new RegExp(`xmlns="${MAIN}"`), `xmlns:x="${MAIN}"`);
    // Prefix every element that had the default namespace (no prefix yet).
    xml = xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash, tag) => (tag.includes(':') ? m : `<${slash}x:${tag}`));
    zip.file(name, xml);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** An OLE/CFB file holding EncryptionInfo + EncryptedPackage streams (what Excel writes for a password-protected .xlsx). */
export function encryptedBytes(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  // Agile encryption header (version 4.4, flags 0x40) and some XML, then an opaque package.
  const info = Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'),
  ]);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** Deterministic pseudo-random bytes. */
export function randomBytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}
