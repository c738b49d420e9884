/**
 * The final tables as one self-contained HTML page in the official layout, drawn from the same
 * layout as the template (core/template/layout.ts): every merge a rowspan/colspan, the 勾稽关系
 * note in 表三's corner, section titles, print CSS (A4), no external resource, every text escaped.
 * Fit for printing and for pasting into a web CMS or Word.
 */
import type { ReportData } from '../model/report';
import { templateLayout, type LayoutCell } from '../template/layout';
import { exportCells, guardExport, type ExportOptions } from './common';

export function escapeHtml(s: string): string {
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&#39;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

const CSS = `
body{font-family:"SimSun","Songti SC","Noto Serif CJK SC","Source Han Serif SC",serif;color:#000;margin:24px auto;max-width:1100px;padding:0 12px}
h1{font-size:20px;text-align:center;margin:0 0 18px}
h2{font-size:16px;margin:22px 0 8px}
table.xxgk{border-collapse:collapse;width:100%;font-size:13px;margin:0 0 12px;table-layout:auto}
table.xxgk th,table.xxgk td{border:1px solid #000;padding:4px 6px;vertical-align:middle;line-height:1.4}
table.xxgk th{font-weight:normal;text-align:center;background:#f2f2f2}
table.xxgk th.caption{text-align:left;font-weight:bold;background:#e6e6e6}
table.xxgk th.corner{font-size:12px}
table.xxgk th.label{text-align:left;background:#fff}
table.xxgk td.value{text-align:center;min-width:3em;font-family:"Times New Roman","SimSun",serif}
table.xxgk td.text{color:#b00}
p.meta{font-size:12px;color:#555;text-align:right}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table.xxgk{break-inside:auto}table.xxgk tr{break-inside:avoid}th{background:none!important}}
`.trim();

const TABLE_STYLE = 'border-collapse:collapse;width:100%;font-size:13px';
const CELL_STYLE = 'border:1px solid #000;padding:4px 6px;';

export interface HtmlExportOptions extends ExportOptions {
  /** Extra line under the tables (e.g. who generated them); escaped. */
  footer?: string;
}

/** The report's three tables as one HTML document (a string). Throws ExportRefused on error findings unless allowErrors. */
export function exportHtml(report: ReportData, lang: 'zh' | 'en' = 'zh', opts: HtmlExportOptions = {}): string {
  guardExport(report, { ...opts, lang });
  const { form, cells } = exportCells(report);
  const values = new Map(cells.map((c) => [c.spec.id, c]));
  const layout = templateLayout(form, { year: report.year, agency: report.agency });
  const title = layout.cells.find((c) => c.role === 'title')?.text ?? '';
  const byRow = new Map<number, LayoutCell[]>();
  for (const c of layout.cells) {
    let a = byRow.get(c.r);
    if (!a) byRow.set(c.r, (a = []));
    a.push(c);
  }
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="xxgk-tables">`,
    `<meta name="xxgk-format" content="${escapeHtml(form.key)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  );
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
  for (const t of layout.tables) {
    const section = layout.cells.find((c) => c.role === 'section' && c.r === t.r0 - 1);
    if (section?.text) parts.push(`<h2>${escapeHtml(section.text)}</h2>`);
    // Inline borders too: pasting into a web CMS or Word keeps inline styles but drops <style>.
    parts.push(
      `<table class="xxgk" data-table="${escapeHtml(t.key)}" border="1" cellspacing="0" cellpadding="4" style="${TABLE_STYLE}">`,
      '<tbody>',
    );
    // Positions covered by a merged cell emit nothing; positions no cell covers emit an empty cell.
    const width = t.c1 - t.c0 + 1;
    const covered = new Set<number>();
    for (let r = t.r0; r <= t.r1; r++) {
      const row: string[] = [];
      const starts = new Map((byRow.get(r) ?? []).filter((c) => c.c >= t.c0 && c.c <= t.c1).map((c) => [c.c, c]));
      for (let c = t.c0; c <= t.c1; c++) {
        const key = (r - t.r0) * width + (c - t.c0);
        if (covered.has(key)) continue;
        const cell = starts.get(c);
        if (!cell) {
          row.push(`<td style="${CELL_STYLE}"></td>`);
          continue;
        }
        const rs = Math.min(cell.rowSpan, t.r1 - r + 1);
        const cs = Math.min(cell.colSpan, t.c1 - c + 1);
        for (let y = r; y < r + rs; y++) for (let x = c; x < c + cs; x++) covered.add((y - t.r0) * width + (x - t.c0));
        const span = `${rs > 1 ? ` rowspan="${rs}"` : ''}${cs > 1 ? ` colspan="${cs}"` : ''}`;
        if (cell.cellId) {
          const v = values.get(cell.cellId);
          const cls = v && typeof v.value === 'string' ? 'value text' : 'value';
          row.push(
            `<td class="${cls}"${span} style="${CELL_STYLE}text-align:center" data-cell="${escapeHtml(cell.cellId)}">${escapeHtml(v?.text ?? '')}</td>`,
          );
        } else {
          const text = escapeHtml(cell.text ?? '').replace(/\n/g, '<br>');
          const cls = cell.role === 'caption' ? 'caption' : cell.role === 'corner' ? 'corner' : cell.role === 'label' ? 'label' : 'header';
          const scope = cell.role === 'label' ? ' scope="row"' : cell.role === 'header' ? ' scope="col"' : '';
          const align = cell.role === 'label' || cell.role === 'caption' ? 'left' : 'center';
          row.push(`<th class="${cls}"${scope}${span} style="${CELL_STYLE}text-align:${align}">${text}</th>`);
        }
      }
      parts.push(`<tr>${row.join('')}</tr>`);
    }
    parts.push('</tbody>', '</table>');
  }
  if (opts.footer) parts.push(`<p class="meta">${escapeHtml(opts.footer)}</p>`);
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}
