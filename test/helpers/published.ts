/**
 * Published reports written by tests: the three tables of a report as plain text in every layout
 * real reports use (tabs, markdown pipes, runs of spaces, single spaces, one cell per line) and as
 * messy HTML with merged cells, plus the text sections quoting figures.
 */
import { formCells, getForm, withVariants, type FormSpec } from '../../core/forms';
import type { CellRead } from '../../core/model/report';
import { templateLayout } from '../../core/template/layout';

export type Raw = CellRead['raw'];
export type Layout = 'tabs' | 'pipes' | 'spaces' | 'single-spaces' | 'one-per-line';
export const LAYOUTS: Layout[] = ['tabs', 'pipes', 'spaces', 'single-spaces', 'one-per-line'];

const show = (v: Raw | undefined) => (v === null || v === undefined ? '' : String(v));

interface Section {
  title: string;
  rows: string[][];
  headerRows: number[];
}

/** The tables as rows of cells (empty strings where a merged label or header sits). */
export function tableRows(form: FormSpec, values: Record<string, Raw>, relabel: (s: string) => string = (s) => s): Section[] {
  const out: Section[] = [];
  for (const table of form.tables) {
    const rows: string[][] = [];
    const headerRows: number[] = [];
    for (const block of table.blocks) {
      if (block.caption) rows.push([relabel(block.caption)]);
      const depth = Math.max(...block.columns.map((c) => c.header.length));
      for (let level = 0; level < depth; level++) {
        const row: string[] = block.labelWidth
          ? [level === 0 ? relabel(block.corner ?? '') : '', ...Array(block.labelWidth - 1).fill('')]
          : [];
        block.columns.forEach((c, j) => {
          const prev = block.columns[j - 1];
          const same =
            prev && prev.header.length > level && c.header.slice(0, level + 1).join('|') === prev.header.slice(0, level + 1).join('|');
          row.push(level < c.header.length && !same ? relabel(c.header[level]) : '');
        });
        headerRows.push(rows.length);
        rows.push(row);
      }
      block.rows.forEach((r, i) => {
        const prev = block.rows[i - 1];
        const label = r.label.map((part, level) =>
          prev && level < r.label.length - 1 && prev.label.slice(0, level + 1).join('|') === r.label.slice(0, level + 1).join('|')
            ? ''
            : relabel(part),
        );
        while (label.length < block.labelWidth) label.push('');
        rows.push([...label, ...block.columns.map((c) => show(values[`${table.key}:${r.key}:${c.key}`]))]);
      });
    }
    out.push({ title: table.title, rows, headerRows });
  }
  return out;
}

export interface TextOptions {
  year?: number;
  agency?: string;
  variants?: string[];
  /** Sentences of section 一 (defaults to none). */
  intro?: string[];
  relabel?: (s: string) => string;
}

export function publishedText(format: string, values: Record<string, Raw>, layout: Layout, opts: TextOptions = {}): string {
  const form = withVariants(getForm(format), opts.variants ?? []);
  const lines: string[] = [`${opts.agency ?? '某某县财政局'}${opts.year ?? 2021}年政府信息公开工作年度报告`, '', '一、总体情况', ''];
  lines.push(...(opts.intro ?? ['本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。']), '');
  for (const s of tableRows(form, values, opts.relabel)) {
    lines.push(s.title, '');
    s.rows.forEach((cells, i) => {
      switch (layout) {
        case 'tabs':
          lines.push(cells.join('\t'));
          break;
        case 'pipes':
          lines.push(`| ${cells.join(' | ')} |`);
          if (s.headerRows.includes(i) && !s.headerRows.includes(i + 1)) lines.push(`|${cells.map(() => '---').join('|')}|`);
          break;
        case 'spaces':
          lines.push(cells.filter((c) => c).join('    '));
          break;
        case 'single-spaces':
          lines.push(cells.filter((c) => c).join(' '));
          break;
        case 'one-per-line':
          for (const c of cells) if (c) lines.push(c);
          lines.push('');
          break;
      }
    });
    lines.push('');
  }
  lines.push('五、存在的主要问题及改进情况', '', '信息公开的内容有待进一步完善。', '', '六、其他需要报告的事项', '', '无', '');
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The report as a web page with merged cells in the official layout (rowspan/colspan from the
 * template layout), written the way CMS pages are: upper-case tags, unclosed <td>/<tr>, entities,
 * <br> inside labels, comments, a script mentioning <table>, a layout table around everything.
 */
export function publishedHtml(format: string, values: Record<string, Raw>, opts: TextOptions = {}): string {
  const form = withVariants(getForm(format), opts.variants ?? []);
  const layout = templateLayout(form, { year: opts.year ?? 2021, agency: opts.agency ?? '某某县财政局' });
  const title = layout.cells.find((c) => c.role === 'title')!.text!;
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<HTML><HEAD><meta charset="utf-8"><TITLE>',
    esc(title),
    '</TITLE>',
    '<script>var s = "<table><tr><td>1</td></tr></table>"; if (a < b) {}</script>',
    '<style>td { color: red }</style></HEAD>',
    '<BODY><!-- header <table> comment -->',
    '<table width="100%"><tr><td>',
    `<h1 class=title>${esc(title)}</h1>`,
    '<p>一、总体情况</p>',
    ...(opts.intro ?? ['本机关扎实推进政务公开工作。']).map((s) => `<p>${esc(s)}</p>`),
  ];
  for (const t of layout.tables) {
    const section = layout.cells.find((c) => c.role === 'section' && c.r === t.r0 - 1)!;
    parts.push(`<P style="font-weight:bold">${esc(section.text!)}</P>`, '<TABLE border=1 cellspacing=0>', '<tbody>');
    for (let r = t.r0; r <= t.r1; r++) {
      parts.push('<TR>');
      for (const c of layout.cells.filter((x) => x.r === r && x.c >= t.c0 && x.c <= t.c1).sort((a, b) => a.c - b.c)) {
        const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` COLSPAN=${c.colSpan}` : ''}`;
        const text = c.cellId ? show(values[c.cellId]) : esc(c.text ?? '').replace('（', '<br>（');
        // Unclosed <td> on odd rows, closed with &nbsp; padding on even rows.
        parts.push(r % 2 ? `<TD${span}>${text}` : `<td${span}><p><span>&nbsp;${text}&nbsp;</span></p></td>`);
      }
      if (r % 2 === 0) parts.push('</TR>');
    }
    parts.push('</tbody></TABLE>');
  }
  parts.push(
    '<p>五、存在的主要问题及改进情况</p><p>信息公开的内容有待进一步完善&hellip;</p>',
    '<p>六、其他需要报告的事项</p><p>无</p>',
    '</td></tr></table></BODY></HTML>',
  );
  return parts.join('\n');
}

/** Every value cell id of a form (with variants). */
export function cellIds(format: string, variants: string[] = []): string[] {
  return [...formCells(withVariants(getForm(format), variants)).keys()];
}

/** A balanced report's values with every 表二 cell filled too (money with 4 decimals, a signed change). */
export function fullValues(format: string, base: Record<string, Raw>): Record<string, Raw> {
  const v: Record<string, Raw> = { ...base };
  let k = 1;
  for (const [id, spec] of formCells(getForm(format))) {
    if (spec.table.key !== 'T2') continue;
    v[id] = spec.kind === 'money' ? Number((12.3456 + k).toFixed(4)) : spec.kind === 'signed' ? (k % 2 ? -k : k) : k;
    k++;
  }
  return v;
}
