/**
 * 中文消息目录。Sections by area; each engineer adds keys to their own section only, and the same
 * key to en.ts. Keys are `area.what`; parameters are named.
 */

/** A file and a detail, the parameters of most reader failures. */
type FileDetail = { file: string; detail?: string };

/** A table by its key (T2, T3, T4), as the report names it. */
const TABLES_ZH: Record<string, string> = { T2: '表二', T3: '表三', T4: '表四' };
const tableZh = (t: string) => TABLES_ZH[t] ?? t;

export const zh = {
  // ── read: why a file could not be read (core/read) ────────────────────────────────────────────
  'read.not_zip': (p: FileDetail) => `文件「${p.file}」不是有效的电子表格：既不是 .xlsx/.ods（zip 压缩包），也不是 .xls 文件`,
  'read.encrypted': (p: FileDetail) => `文件「${p.file}」设置了打开密码（已加密），无法读取；请去掉密码后另存再检查`,
  'read.truncated': (p: FileDetail) => `文件「${p.file}」不完整（可能下载或复制中断），无法读取`,
  'read.not_workbook': (p: FileDetail) => `文件「${p.file}」不是工作簿${p.detail ? `（${p.detail}）` : ''}，可能是改了扩展名的其他文件`,
  'read.too_large': (p: FileDetail) => `文件「${p.file}」太大（${p.detail ?? ''}），为避免耗尽内存未读取`,
  'read.no_tables': (p: FileDetail) => `文件「${p.file}」中没有找到年度报告的统计表（表二、表三、表四）`,
  'read.empty': (p: FileDetail) => `文件「${p.file}」是空的`,
  'read.detail.text_file': () => '文本文件',
  'read.detail.no_sheets': () => '没有工作表',
  'read.detail.unpacked': (p: { size: string; limit: string }) => `解压后 ${p.size}，超过 ${p.limit}`,
  // ── read.kind: what a file is, when it is not a report (core/read registry) ────────────────────
  'read.word_binary': (p: FileDetail) =>
    `文件「${p.file}」是 Word 文档（${p.detail || '.doc'} 格式），读不出其中的表格；请在 Word 或 WPS 中另存为 .docx 或 .xlsx 后再检查`,
  'read.image': (p: FileDetail) => `文件「${p.file}」是图片，不是报告文件；请提供报告的 Word、Excel、PDF 或网页版本`,
  'read.archive': (p: FileDetail) => `文件「${p.file}」是压缩包；请先解压，再检查其中的报告文件`,
  'read.not_docx': (p: FileDetail) => `文件「${p.file}」不是完好的 Word 文档${p.detail ? `（${p.detail}）` : ''}，无法读取`,
  'read.scanned_pdf': (p: FileDetail) => `文件「${p.file}」是扫描件，无文字层，读不出其中的数字；请提供 Word、Excel 或可复制文字的 PDF`,
  'read.not_pdf': (p: FileDetail) => `文件「${p.file}」不是完好的 PDF 文件${p.detail ? `（${p.detail}）` : ''}，无法读取`,
  'read.encoding': (p: FileDetail) =>
    `文件「${p.file}」的文字编码无法识别（${p.detail ?? ''} 处字节既不是 UTF-8 也不是 GB18030），读出的是乱码，找不到统计表；请另存为 UTF-8 编码后再检查`,

  // ── locate: notes on how tables, rows and columns were found (core/read/locate) ────────────────
  'locate.format_by_headers': (p: { format: string }) => `按表头识别为 ${p.format} 格式`,
  'locate.format_by_year': (p: { format: string; year: number }) => `表头无法区分格式，按年份 ${p.year} 取 ${p.format} 格式`,
  'locate.format_by_default': (p: { format: string }) => `表头无法区分格式，也没有年份，按 ${p.format} 格式读取`,
  'locate.format_not_of_year': (p: { year: number; format: string; expected: string }) =>
    `${p.year} 年应使用 ${p.expected} 格式，表格为 ${p.format} 格式`,
  'locate.old_rows': (p: { format: string; row: string }) => `${p.format} 格式报告使用了旧版行「${p.row}」`,
  'locate.table_missing': (p: { table: string }) => `未找到${tableZh(p.table)}`,
  'locate.row_loose': (p: { table: string; written: string; official: string }) =>
    `${tableZh(p.table)} 行「${p.written}」按「${p.official}」读取`,
  'locate.column_loose': (p: { table: string; written: string; official: string }) =>
    `${tableZh(p.table)} 列「${p.written}」按「${p.official}」读取`,
  'locate.row_by_position': (p: { table: string; row: string }) => `${tableZh(p.table)} 行「${p.row}」按位置确定`,
  'locate.rows_missing': (p: { table: string; rows: string[] }) => `${tableZh(p.table)} 缺少行：${p.rows.join('、')}`,
  'locate.columns_by_position': (p: { table: string; columns: string[] }) =>
    `${tableZh(p.table)} 列${p.columns.map((c) => `「${c}」`).join('、')}按位置确定`,
  'locate.no_header': (p: { table: string; columns: string[] }) =>
    `${tableZh(p.table)} 未找到表头，按位置读取各列：${p.columns.join('、')}`,

  // ── check: findings of the checker (core/check) ────────────────────────────────────────────────

  // ── rules: the built-in rule catalogue and rule-file errors (core/rules) ───────────────────────

  // ── text: the text.* rules on published reports (core/rules/text, core/import) ─────────────────

  // ── limits: hostile and oversized input (core/read, core/import, cli) ──────────────────────────

  // ── batch: verdicts, the batch summary, send-back notices (issue 10) ───────────────────────────

  // ── template: template, fill, sum, export (core/template, core/export) ─────────────────────────

  // ── cli: command lines, usage errors, output files (cli/) ──────────────────────────────────────
};

export type Catalogue = typeof zh;
