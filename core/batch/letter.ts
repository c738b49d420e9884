/**
 * A letter that can be sent as it is (the send-back notice): headings, paragraphs and small
 * tables, then the office's signature and the date, as a printable .html page (A4, one page per
 * department where it fits) or an .xlsx sheet set up for printing (A4 landscape, fitted to the
 * page width, the title and department in the page header and footer).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs';
import { sheetName as safeSheetName, visibleText } from './names';
import { OUTPUT_MARK } from './workbook';
import type { TableCell } from './workbook';
import { printAsTable } from '../print';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; indent?: boolean }
  | { kind: 'table'; header: string[]; rows: TableCell[][]; widths: number[] };

export interface Letter {
  title: string;
  /** Who sends it (above the title and at the foot), when the office named itself. */
  office: string | null;
  to: string;
  blocks: Block[];
  /** The closing lines above the signature (deadline, contact, advice). */
  closing: string[];
  date: string;
  /** Page header and footer text (xlsx). */
  header: string;
  footer: string;
  lang: 'zh' | 'en';
}

/** Escaped for HTML, invisible characters (NUL, U+202E…) shown as \uXXXX rather than passed on raw. */
const esc = (s: string) => visibleText(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const cell = (c: TableCell) => (typeof c === 'number' ? `<td class="n">${c}</td>` : `<td>${esc(c ?? '')}</td>`);

export function letterHtml(l: Letter): string {
  const block = (b: Block) =>
    b.kind === 'heading'
      ? `<h2>${esc(b.text)}</h2>`
      : b.kind === 'text'
        ? `<p${b.indent ? ' class="i"' : ''}>${esc(b.text)}</p>`
        : `<table><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map(cell).join('')}</tr>`)
            .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="${l.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="generator" content="xxgk-tables notice"><title>${esc(l.title)}</title>
<style>
@page{size:A4;margin:18mm 16mm}
body{font-family:"Noto Serif CJK SC","SimSun","Songti SC",serif;font-size:11pt;line-height:1.5;margin:0 auto;max-width:178mm}
.office{text-align:center;font-size:13pt;margin:0}
h1{text-align:center;font-size:15pt;margin:.3em 0 1em}
h2{font-size:11.5pt;margin:.9em 0 .3em}
p{margin:.25em 0}p.i{text-indent:2em}
table{border-collapse:collapse;width:100%;margin:.3em 0 .6em;font-size:9.5pt;line-height:1.3;page-break-inside:avoid}
td,th{border:1px solid #555;padding:2px 4px;vertical-align:top;text-align:left}th{background:#eee;font-weight:bold}td.n{text-align:right}
.sign{text-align:right;margin-top:1.2em}
</style>
</head><body>
${l.office ? `<p class="office">${esc(l.office)}</p>\n` : ''}<h1>${esc(l.title)}</h1>
<p>${esc(l.to)}</p>
${l.blocks.map(block).join('\n')}
${l.closing.map((c) => `<p class="i">${esc(c)}</p>`).join('\n')}
<div class="sign">${l.office ? `<p>${esc(l.office)}</p>` : ''}<p>${esc(l.date)}</p></div>
</body></html>
`;
}

/** Rows a wrapped text needs in a merged cell `width` characters wide (LibreOffice and Excel do not grow merged rows). */
const linesFor = (text: string, width: number) => {
  const w = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  return Math.max(1, Math.ceil(w / Math.max(10, width - 2)));
};

export async function letterXlsx(l: Letter, sheetName: string): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'xxgk-tables';
  const ws = wb.addWorksheet(safeSheetName(sheetName, new Set()));
  // Marked as a notice: a later run finds it among a folder's reports and leaves it out (core/node/own.ts).
  wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, `${OUTPUT_MARK}NOTICE`);
  const widths = l.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')?.widths ?? [100];
  const cols = widths.length;
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const total = widths.reduce((a, b) => a + b, 0);
  const line = (text: string, font: Partial<ExcelJS.Font> = {}, align: 'left' | 'center' | 'right' = 'left', indent = false) => {
    const row = ws.addRow([visibleText(text)]);
    ws.mergeCells(row.number, 1, row.number, cols);
    const c = row.getCell(1);
    c.font = { name: 'SimSun', size: 11, ...font };
    c.alignment = { wrapText: true, vertical: 'top', horizontal: align, ...(indent ? { indent: 2 } : {}) };
    const size = font.size ?? 11;
    row.height = Math.ceil(size * 1.6) * linesFor(c.text, total * (11 / size));
  };
  if (l.office) line(l.office, { size: 13 }, 'center');
  line(l.title, { size: 15, bold: true }, 'center');
  line(l.to);
  for (const b of l.blocks) {
    if (b.kind === 'heading') line(b.text, { bold: true });
    else if (b.kind === 'text') line(b.text, {}, 'left', b.indent);
    else {
      const head = ws.addRow(b.header);
      head.eachCell((c) => {
        c.font = { name: 'SimSun', size: 10, bold: true };
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
      });
      for (const r of b.rows)
        ws.addRow(r.map((v) => (typeof v !== 'string' ? v : /^[=+\-@]/.test(v) ? `'${visibleText(v)}` : visibleText(v))));
      for (let n = head.number; n <= head.number + b.rows.length; n++) {
        const row = ws.getRow(n);
        let tall = 1;
        for (let i = 1; i <= b.header.length; i++) {
          const c = row.getCell(i);
          if (n > head.number) c.font = { name: 'SimSun', size: 10 };
          c.alignment = { wrapText: true, vertical: 'top' };
          c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
          tall = Math.max(tall, linesFor(c.text, widths[i - 1] * 1.1));
        }
        row.height = 14 * tall + 2;
      }
    }
  }
  for (const c of l.closing) line(c, {}, 'left', true);
  ws.addRow([]);
  if (l.office) line(l.office, {}, 'right');
  line(l.date, {}, 'right');
  printAsTable(ws, { header: l.header, footer: l.footer, gridlines: false });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
