/**
 * Tables a person reads (the bulk report, send-back notices) as a styled .xlsx (exceljs) or a
 * self-contained .html page: a title, lines of text, then tables with a fill colour per row.
 * Numbers stay numbers; every cell wraps, so a long reason or several suggestions stay readable.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs';
import { columnLetters } from '../read/grid';
import { printAsTable } from '../print';
import { sheetName, visibleText } from './names';

export type TableCell = string | number | null;

export interface Table {
  /** Sheet name (.xlsx) and heading (.html). */
  name: string;
  header: string[];
  rows: TableCell[][];
  /** Fill colour (RRGGBB) of each row, or null. */
  fills?: (string | null)[];
  /** Column widths in characters. */
  widths?: number[];
  /** How many columns print (the rest, such as rule ids, stay on screen); all by default. */
  printed?: number;
}

export interface Document {
  title: string;
  lines: string[];
  tables: Table[];
  lang: 'zh' | 'en';
  /** What the product made it as: written into the file (a defined name, a meta tag) so that it is never read back as a submission. */
  mark?: 'report' | 'notice';
}

/** A text's width in columns (a Chinese character is two). */
const wideOf = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** The defined name that marks an output of the product in a workbook (core/node/own.ts reads it back). */
export const OUTPUT_MARK = 'XXGK_OUTPUT_';

/** Text that a spreadsheet would run as a formula is written as text; invisible characters are shown. */
const safe = (v: TableCell): TableCell => (typeof v !== 'string' ? v : /^[=+\-@]/.test(v) ? `'${visibleText(v)}` : visibleText(v));

export async function documentXlsx(doc: Document): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'xxgk-tables';
  const names = new Set<string>();
  doc.tables.forEach((t, ti) => {
    // Excel refuses []:*?/\ in sheet names, an apostrophe at either end, names over 31 characters or used twice.
    const ws = wb.addWorksheet(sheetName(t.name, names));
    if (ti === 0 && doc.mark) wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, `${OUTPUT_MARK}${doc.mark.toUpperCase()}`);
    let top = 1;
    const printed = t.printed ?? t.header.length;
    const widths = t.header.map((h, i) => t.widths?.[i] ?? Math.min(50, Math.max(8, h.length * 2 + 2)));
    const across = widths.slice(0, printed).reduce((a, b) => a + b, 0);
    if (ti === 0) {
      // The title and summary lines span the printed columns and wrap, so that nothing is cut at the page's edge.
      const line = (text: string, font: Partial<ExcelJS.Font>) => {
        const row = ws.addRow([visibleText(text)]);
        ws.mergeCells(row.number, 1, row.number, printed);
        row.font = font;
        row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
        row.height = Math.ceil((font.size ?? 11) * 1.5) * Math.max(1, Math.ceil(wideOf(text) / across));
      };
      line(doc.title, { bold: true, size: 14 });
      for (const l of doc.lines) line(l, {});
      ws.addRow([]);
      top = doc.lines.length + 3;
    }
    const head = ws.addRow(t.header);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
      c.alignment = { vertical: 'top', wrapText: true };
    });
    t.rows.forEach((r, i) => {
      const row = ws.addRow(r.map(safe));
      const fill = t.fills?.[i];
      let lines = 1;
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col > t.header.length) return;
        c.alignment = { vertical: 'top', wrapText: true };
        if (fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
        if (col <= printed) lines = Math.max(lines, Math.ceil(wideOf(c.text) / Math.max(4, widths[col - 1] - 1)));
      });
      // Spreadsheets do not grow a row for wrapped text on their own when printing: as tall as its longest cell.
      row.height = 15 * Math.min(lines, 12);
    });
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.views = [{ state: 'frozen', ySplit: top }];
    ws.autoFilter = { from: { row: top, column: 1 }, to: { row: top + t.rows.length, column: t.header.length } };
    printAsTable(ws, {
      header: doc.title,
      footer: ws.name,
      titleRows: [top, top],
      gridlines: true,
      area: `A1:${columnLetters(printed - 1)}${top + t.rows.length}`,
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Escaped for HTML, invisible characters (NUL, U+202E…) shown as \uXXXX rather than passed on raw. */
const esc = (s: string) => visibleText(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function documentHtml(doc: Document): string {
  const table = (t: Table) =>
    `<h2>${esc(t.name)}</h2>\n<table>\n<thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${t.rows
      .map(
        (r, i) =>
          `<tr${t.fills?.[i] ? ` style="background:#${t.fills[i]}"` : ''}>${r
            .map((c) => (typeof c === 'number' ? `<td class="n">${c}</td>` : `<td>${esc(c ?? '').replace(/\n/g, '<br>')}</td>`))
            .join('')}</tr>`,
      )
      .join('\n')}\n</tbody>\n</table>`;
  return `<!doctype html>
<html lang="${doc.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">${doc.mark ? `<meta name="generator" content="xxgk-tables ${doc.mark}">` : ''}<title>${esc(doc.title)}</title>
<style>@page{size:A4 landscape;margin:12mm}body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #999;padding:3px 6px;font-size:13px;vertical-align:top;text-align:left}th{background:#eee}td.n{text-align:right}</style>
</head><body>
<h1>${esc(doc.title)}</h1>
${doc.lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
${doc.tables.map(table).join('\n')}
</body></html>
`;
}
