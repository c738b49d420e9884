/**
 * One row per value cell: table, row key, column key, official labels, value. UTF-8 with a BOM
 * (so that Excel opens Chinese correctly), CRLF, RFC 4180 quoting. Any field that a spreadsheet
 * would take for a formula (starting with = + - @, tab or CR) is neutralised with a leading
 * apostrophe; a plain number such as -3 (a signed 本年增/减) is a value, not a formula, and stays.
 */
import type { ReportData } from '../model/report';
import { exportCells, guardExport, type ExportOptions } from './common';

const PLAIN_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A field made safe for spreadsheets: formula-looking text gets a leading apostrophe. */
export function neutralise(s: string): string {
  if (!s) return s;
  const c = s[0];
  if (
    (c === '=' ||
      c === '+' ||
      c === '-' ||
      c === '@' ||
      c === '\t' ||
      c === '\r' ||
      c === '\n' ||
      c === '＝' ||
      c === '＋' ||
      c === '－' ||
      c === '＠') &&
    !PLAIN_NUMBER.test(s)
  )
    return `'${s}`;
  return s;
}

export function csvField(s: string): string {
  const safe = neutralise(s);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export const HEADER = {
  zh: ['表', '表名', '行键', '列键', '行标签', '列标签', '值'],
  en: ['table', 'table_name', 'row', 'column', 'row_label', 'column_label', 'value'],
};

/** The CSV text, starting with a BOM. Throws ExportRefused on error findings unless allowErrors. */
export function exportCsv(report: ReportData, lang: 'zh' | 'en' = 'zh', opts: ExportOptions = {}): string {
  guardExport(report, { ...opts, lang });
  const { cells } = exportCells(report);
  const lines = [csvLine(HEADER[lang])];
  for (const c of cells) {
    const { table, row, column } = c.spec;
    lines.push(
      csvLine([
        table.key,
        lang === 'en' ? table.shortEn : table.short,
        row.key,
        column.key,
        row.label.join(' '),
        column.header.join('/'),
        c.text,
      ]),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
