/**
 * English message catalogue: the same keys and parameters as zh.ts (the type says so). Labels
 * quoted from a report may stay in Chinese; nothing else does.
 */
import type { Catalogue } from './zh';

/** A table by its key (T2, T3, T4). */
const TABLES_EN: Record<string, string> = { T2: 'Table 2', T3: 'Table 3', T4: 'Table 4' };
const tableEn = (t: string) => TABLES_EN[t] ?? t;

export const en: Catalogue = {
  // ── read ──────────────────────────────────────────────────────────────────────────────────────
  'read.not_zip': (p) => `${p.file} is not a spreadsheet: neither an .xlsx/.ods (zip package) nor an .xls file`,
  'read.encrypted': (p) =>
    `${p.file} is password-protected (encrypted) and cannot be read; save a copy without the password and check that`,
  'read.truncated': (p) => `${p.file} is truncated (an interrupted download or copy?) and cannot be read`,
  'read.not_workbook': (p) => `${p.file} is not a workbook${p.detail ? ` (${p.detail})` : ''}; perhaps another kind of file renamed`,
  'read.too_large': (p) => `${p.file} is too large (${p.detail ?? ''}); not read to avoid running out of memory`,
  'read.no_tables': (p) => `no tables of the annual report (tables 2, 3, 4) found in ${p.file}`,
  'read.empty': (p) => `${p.file} is empty`,
  'read.detail.text_file': () => 'a text file',
  'read.detail.no_sheets': () => 'no sheets',
  'read.detail.unpacked': (p) => `${p.size} unpacked, over ${p.limit}`,
  // ── read.kind ─────────────────────────────────────────────────────────────────────────────────
  'read.word_binary': (p) =>
    `${p.file} is a Word document in the ${p.detail || '.doc'} format, whose tables cannot be read; save it as .docx or .xlsx in Word or WPS and check that`,
  'read.image': (p) => `${p.file} is a picture, not a report file; give the report as Word, Excel, PDF or a web page`,
  'read.archive': (p) => `${p.file} is an archive; unpack it and check the report files inside`,
  'read.not_docx': (p) => `${p.file} is not a readable Word document${p.detail ? ` (${p.detail})` : ''}`,
  'read.scanned_pdf': (p) =>
    `${p.file} is a scanned PDF with no text layer, so its figures cannot be read; give the report as Word, Excel or a PDF with text`,
  'read.not_pdf': (p) => `${p.file} is not a readable PDF${p.detail ? ` (${p.detail})` : ''}`,
  'read.encoding': (p) =>
    `the text encoding of ${p.file} is not recognised (${p.detail ?? ''} bytes are neither UTF-8 nor GB18030): it reads as garbage and no tables are found; save it as UTF-8 and check again`,

  // ── locate ────────────────────────────────────────────────────────────────────────────────────
  'locate.format_by_headers': (p) => `format ${p.format} recognised from the table headers`,
  'locate.format_by_year': (p) => `the headers do not tell the format; ${p.format} by the year ${p.year}`,
  'locate.format_by_default': (p) => `neither the headers nor a year tell the format; read as ${p.format}`,
  'locate.format_not_of_year': (p) => `the ${p.year} report uses format ${p.format}, not ${p.expected}`,
  'locate.old_rows': (p) => `a ${p.format} report printing the old row “${p.row}”`,
  'locate.table_missing': (p) => `${tableEn(p.table)} not found`,
  'locate.row_loose': (p) => `${tableEn(p.table)} row “${p.written}” read as “${p.official}”`,
  'locate.column_loose': (p) => `${tableEn(p.table)} column “${p.written}” read as “${p.official}”`,
  'locate.row_by_position': (p) => `${tableEn(p.table)} row “${p.row}” found by its position`,
  'locate.rows_missing': (p) => `${tableEn(p.table)}: rows not found: ${p.rows.map((r) => `“${r}”`).join(', ')}`,
  'locate.columns_by_position': (p) => `${tableEn(p.table)}: columns found by their position: ${p.columns.map((c) => `“${c}”`).join(', ')}`,
  'locate.no_header': (p) =>
    `${tableEn(p.table)}: no header found, columns read by their position: ${p.columns.map((c) => `“${c}”`).join(', ')}`,

  // ── check ─────────────────────────────────────────────────────────────────────────────────────

  // ── rules ─────────────────────────────────────────────────────────────────────────────────────

  // ── text ──────────────────────────────────────────────────────────────────────────────────────

  // ── limits ────────────────────────────────────────────────────────────────────────────────────

  // ── batch ─────────────────────────────────────────────────────────────────────────────────────

  // ── template ──────────────────────────────────────────────────────────────────────────────────

  // ── cli ───────────────────────────────────────────────────────────────────────────────────────
};
