/**
 * English message catalogue: the same keys and parameters as zh.ts (the type says so). Labels
 * quoted from a report may stay in Chinese; nothing else does.
 */
import type { Catalogue } from './zh';

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

  // ── locate ────────────────────────────────────────────────────────────────────────────────────

  // ── check ─────────────────────────────────────────────────────────────────────────────────────

  // ── rules ─────────────────────────────────────────────────────────────────────────────────────

  // ── text ──────────────────────────────────────────────────────────────────────────────────────

  // ── limits ────────────────────────────────────────────────────────────────────────────────────

  // ── batch ─────────────────────────────────────────────────────────────────────────────────────

  // ── template ──────────────────────────────────────────────────────────────────────────────────

  // ── cli ───────────────────────────────────────────────────────────────────────────────────────
};
