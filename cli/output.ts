/** What `xxgk check` prints and writes: the readable summary and the bulk report (xlsx/csv/html). */
import * as path from 'path';
import type * as SheetJS from '@e965/xlsx';
import type { FileResult, FindingsDoc, Lang } from '../core/model/findings';
import { shown } from './terminal';

const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);
const SEV: Record<string, [string, string]> = { error: ['错误', 'error'], warning: ['警告', 'warning'], notice: ['提示', 'notice'] };

/** The readable lines for one file. Text from the file (names, cells, messages) is shown(): one line, no controls. */
export function fileSummary(f: FileResult, lang: Lang, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  if (f.status === 'unreadable') return `${c('31', `✗ ${shown(f.path)}`)}\n    ${shown(f.error!.message)}\n`;
  const out: string[] = [];
  for (const r of f.reports) {
    const n = (s: string) => r.findings.filter((x) => x.severity === s).length;
    const head = `${shown(f.path)}${r.sheet ? ` [${shown(r.sheet)}]` : ''}  ${L(lang, '格式', 'format')} ${r.format}${r.year ? `  ${r.year}${L(lang, '年', '')}` : ''}${r.agency ? `  ${shown(r.agency)}` : ''}`;
    out.push(n('error') ? c('31', `✗ ${head}`) : c('32', `✓ ${head}`));
    out.push(
      `    ${L(lang, `错误 ${n('error')} 个，警告 ${n('warning')} 个，提示 ${n('notice')} 个`, `${n('error')} errors, ${n('warning')} warnings, ${n('notice')} notices`)}`,
    );
    const blanks = r.findings.filter((x) => x.rule === 'cell.blank');
    for (const x of r.findings) {
      // A notice that changed a number (text read as a number) is shown: the reader must confirm it.
      if ((x.severity === 'notice' && x.rule !== 'cell.text_number') || x.rule === 'cell.blank') continue;
      const at = x.cells.length ? `${shown(x.cells[0].ref.replace(/^.*!/, ''))}${x.cells.length > 1 ? '…' : ''} ` : '';
      out.push(
        `    ${x.severity === 'error' ? c('31', L(lang, '错误', 'error')) : c('33', L(lang, '警告', 'warning'))} ${at}[${x.rule}] ${shown(x.message)}`,
      );
      for (const s of x.suspects.slice(0, 5))
        out.push(
          `        → ${L(lang, '疑为', 'suspect')} ${shown(s.ref)} = ${shown(String(s.value ?? L(lang, '空白', 'blank')))}，${L(lang, '应为', 'should be')} ${s.suggested}（${shown(s.reason)}）`,
        );
      if (x.suspects.length > 5) out.push(`        → ${L(lang, `另有 ${x.suspects.length - 5} 个可能`, `${x.suspects.length - 5} more`)}`);
    }
    if (blanks.length)
      out.push(
        `    ${c('33', L(lang, '警告', 'warning'))} [cell.blank] ${L(lang, `空白单元格 ${blanks.length} 个（按 0 计）`, `${blanks.length} blank cells (counted as 0)`)}：${blanks
          .slice(0, 12)
          .map((b) => shown(b.cells[0].ref.replace(/^.*!/, '')))
          .join(', ')}${blanks.length > 12 ? '…' : ''}`,
      );
    for (const note of r.notes) out.push(`    ${L(lang, '说明', 'note')}：${shown(note)}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export function totalText(s: FindingsDoc['summary'], lang: Lang): string {
  return (
    '\n' +
    L(
      lang,
      `合计：${s.files} 个文件，${s.reports} 份报告；无错误 ${s.clean} 份，有错误 ${s.with_errors} 份；无法读取 ${s.unreadable} 个文件`,
      `Total: ${s.files} files, ${s.reports} reports; ${s.clean} clean, ${s.with_errors} with errors; ${s.unreadable} unreadable files`,
    ) +
    '\n'
  );
}

/** The bulk report's header row. */
export const reportHead = (lang: Lang) =>
  lang === 'en'
    ? ['file', 'sheet', 'cell', 'rule', 'instance', 'severity', 'message', 'suspect cell', 'suggested value', 'reason']
    : ['文件', '工作表', '单元格', '规则', '实例', '级别', '说明', '疑似出错单元格', '建议值', '理由'];

/** One row per finding (and one per unreadable file), for the statistician's bulk report. */
export function fileRows(f: FileResult, lang: Lang): string[][] {
  if (f.status === 'unreadable')
    return [[f.path, '', '', `file.${f.error!.code}`, '', L(lang, '错误', 'error'), f.error!.message, '', '', '']];
  const rows: string[][] = [];
  for (const r of f.reports)
    for (const x of r.findings) {
      const s = x.suspects[0];
      rows.push([
        f.path,
        r.sheet ?? '',
        x.cells.map((c) => c.ref).join(' '),
        x.rule,
        x.instance ?? '',
        L(lang, SEV[x.severity][0], SEV[x.severity][1]),
        x.message,
        x.suspects.map((y) => y.ref).join(' '),
        s ? x.suspects.map((y) => String(y.suggested)).join(' / ') : '',
        s ? s.reason : '',
      ]);
    }
  return rows;
}

/** Neutralise cells a spreadsheet would run as formulas. */
export const safeCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const html = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The per-file table's header: one row for each report (or unreadable file), clean ones too. */
export const statusHead = (lang: Lang) =>
  lang === 'en'
    ? ['file', 'sheet', 'agency', 'year', 'format', 'errors', 'warnings', 'notices', 'status']
    : ['文件', '工作表', '单位', '年度', '格式', '错误', '警告', '提示', '结论'];

export function statusRows(f: FileResult, lang: Lang): string[][] {
  if (f.status === 'unreadable') return [[f.path, '', '', '', '', '', '', '', `${L(lang, '无法读取', 'unreadable')}：${f.error!.message}`]];
  return f.reports.map((r) => {
    const n = (s: string) => String(r.findings.filter((x) => x.severity === s).length);
    return [
      f.path,
      r.sheet ?? '',
      r.agency ?? '',
      r.year === null ? '' : String(r.year),
      r.format,
      n('error'),
      n('warning'),
      n('notice'),
      n('error') === '0' ? L(lang, '通过', 'clean') : L(lang, '有错误，需退回修改', 'has errors: send back'),
    ];
  });
}

/**
 * The bulk report file: `rows` are the findings table (header, then fileRows of every file);
 * `files` the per-file table (header, then statusRows), shown beside it in .xlsx and .html.
 */
export function renderReport(
  rows: string[][],
  summary: FindingsDoc['summary'],
  file: string,
  lang: Lang,
  files: string[][] = [],
): Uint8Array {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv')
    return Buffer.from('\ufeff' + rows.map((r) => r.map((c) => csvField(safeCell(c))).join(',')).join('\r\n') + '\r\n', 'utf8');
  if (ext === '.html' || ext === '.htm') {
    const title = L(lang, '政府信息公开工作年度报告 统计表检查结果', 'Annual report tables: check results');
    const body = rows
      .slice(1)
      .map((r) => `<tr class="${html(r[5])}">${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`)
      .join('\n');
    return Buffer.from(
      `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${title}</title><style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;font-size:13px;vertical-align:top}th{background:#eee}</style></head><body><h1>${title}</h1><p>${html(summaryLine(summary, lang))}</p>${
        files.length
          ? `<h2>${L(lang, '各文件', 'Files')}</h2><table><thead><tr>${files[0].map((c) => `<th>${html(c)}</th>`).join('')}</tr></thead><tbody>${files
              .slice(1)
              .map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`)
              .join('\n')}</tbody></table><h2>${L(lang, '检查结果', 'Findings')}</h2>`
          : ''
      }<table><thead><tr>${rows[0].map((c) => `<th>${html(c)}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table></body></html>\n`,
      'utf8',
    );
  }
  if (ext === '.xlsx') {
    const XLSX = require('@e965/xlsx') as typeof SheetJS;
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(safeCell)));
    ws['!cols'] = [40, 14, 24, 22, 16, 8, 80, 16, 12, 40].map((wch) => ({ wch }));
    ws['!autofilter'] = { ref: `A1:J${rows.length}` };
    XLSX.utils.book_append_sheet(wb, ws, L(lang, '检查结果', 'findings'));
    if (files.length) {
      const fs = XLSX.utils.aoa_to_sheet(files.map((r) => r.map(safeCell)));
      fs['!cols'] = [40, 14, 24, 8, 8, 8, 8, 8, 30].map((wch) => ({ wch }));
      fs['!autofilter'] = { ref: `A1:I${files.length}` };
      XLSX.utils.book_append_sheet(wb, fs, L(lang, '各文件', 'files'));
    }
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  }
  throw new Error(
    L(lang, `不支持的报告格式 ${ext}（请用 .xlsx、.csv 或 .html）`, `unsupported report type ${ext} (use .xlsx, .csv or .html)`),
  );
}

export function summaryLine(s: FindingsDoc['summary'], lang: Lang): string {
  return L(
    lang,
    `${s.files} 个文件，${s.reports} 份报告；无错误 ${s.clean} 份，有错误 ${s.with_errors} 份；无法读取 ${s.unreadable} 个文件`,
    `${s.files} files, ${s.reports} reports; ${s.clean} clean, ${s.with_errors} with errors; ${s.unreadable} unreadable`,
  );
}

/** stdout in chunks, respecting back-pressure, so a long bulk listing neither piles up in memory nor is cut off. */
export class BufferedOut {
  /** `filter` makes the text safe for where it goes (cli/terminal.ts: plain, coloured or jsonText). */
  constructor(private readonly filter: (s: string) => string) {}
  private buf: string[] = [];
  private size = 0;
  private pending: Promise<void> = Promise.resolve();
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  private flush(): void {
    const chunk = this.filter(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    this.pending = this.pending.then(
      () =>
        new Promise<void>((resolve) => {
          if (process.stdout.write(chunk)) resolve();
          else process.stdout.once('drain', () => resolve());
        }),
    );
  }
  end(): Promise<void> {
    this.flush();
    return this.pending;
  }
}
