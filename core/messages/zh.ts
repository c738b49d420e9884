/**
 * 中文消息目录。Sections by area; each engineer adds keys to their own section only, and the same
 * key to en.ts. Keys are `area.what`; parameters are named.
 */

import type { Expected, FormProblem } from '../forms/validate';
import { zhUsage } from './zh-usage';
import { zhNotice } from './zh-notice';
import { zhLimits } from './zh-limits';
import { zhReading } from './zh-reading';
import { zhOutputs } from './zh-outputs';
import { zhBatch } from './zh-batch';
import { zhEvaluate } from './zh-evaluate';
import { zhEvaluateReport } from './zh-evaluate-report';
import { zhEvaluateParts } from './zh-evaluate-parts';
import { zhFormulas } from './zh-formulas';
import { zhTotals } from './zh-totals';

/** A file and a detail, the parameters of most reader failures. */
type FileDetail = { file: string; detail?: string };

/** A table by its key (T2, T3, T4), as the report names it. */
const TABLES_ZH: Record<string, string> = { T2: '表二', T3: '表三', T4: '表四' };
const tableZh = (t: string) => TABLES_ZH[t] ?? t;

export const zh = {
  ...zhUsage,
  ...zhNotice,
  ...zhLimits,
  ...zhReading,
  ...zhOutputs,
  ...zhBatch,
  ...zhEvaluate,
  ...zhEvaluateReport,
  ...zhEvaluateParts,
  ...zhFormulas,
  ...zhTotals,
  // ── read: why a file could not be read (core/read) ────────────────────────────────────────────
  'read.not_zip': (p: FileDetail) => `文件「${p.file}」不是有效的电子表格：既不是 .xlsx/.ods（zip 压缩包），也不是 .xls 文件`,
  'read.encrypted': (p: FileDetail) => `文件「${p.file}」设置了打开密码（已加密），无法读取；请去掉密码后另存再检查`,
  'read.truncated': (p: FileDetail) => `文件「${p.file}」不完整（可能下载或复制中断），无法读取`,
  'read.not_workbook': (p: FileDetail) => `文件「${p.file}」不是工作簿${p.detail ? `（${p.detail}）` : ''}，可能是改了扩展名的其他文件`,
  'read.too_large': (p: FileDetail) => `文件「${p.file}」太大（${p.detail ?? ''}），为避免耗尽内存未读取`,
  'read.no_tables': (p: FileDetail) => `文件「${p.file}」中没有找到年度报告的统计表（表二、表三、表四）`,
  'read.empty': (p: FileDetail) => `文件「${p.file}」是空的`,
  'read.unexpected': (p: FileDetail) => `文件「${p.file}」无法读取（程序内部错误，请报告此问题：${p.detail ?? ''}）`,
  'read.damaged': (p: FileDetail) =>
    `文件「${p.file}」已损坏（压缩包的目录或其中的部件无法读取），无法读取；请用 Excel 或 WPS 打开后重新保存再检查`,
  'read.mixed_reports': (p: FileDetail) =>
    `文件「${p.file}」的一张工作表上有几份报告，无法分开（${p.detail ?? ''}）；请把每份报告放在各自的工作表上再检查`,
  'read.detail.text_file': () => '文本文件',
  'read.detail.no_sheets': () => '没有工作表',
  'read.detail.unpacked': (p: { size: string; limit: string }) => `解压后 ${p.size}，超过 ${p.limit}`,
  'read.detail.part_unpacked': (p: { part: string; size: string; limit: string }) =>
    `其中的部件「${p.part}」解压后 ${p.size}，超过单个部件的上限 ${p.limit}`,
  'read.detail.parts_unpacked': (p: { size: string; limit: string }) => `其中的工作表等需解析的部件解压后共 ${p.size}，超过上限 ${p.limit}`,
  'read.detail.stream_over': (p: { part: string; size: string; limit: string }) =>
    `其中的数据流「${p.part}」有 ${p.size}，超过单个部件的上限 ${p.limit}`,
  'read.detail.cells_repeated': (p: { part: string; limit: number }) =>
    `${p.part ? `其中的部件「${p.part}」` : ''}用重复属性展开后超过 ${p.limit.toLocaleString('en-US')} 个单元格`,
  // ── read.kind: what a file is, when it is not a report (core/read registry) ────────────────────
  'read.word_binary': (p: FileDetail) =>
    `文件「${p.file}」是 Word 文档（${p.detail || '.doc'} 格式），读不出其中的表格；请在 Word 或 WPS 中另存为 .docx 或 .xlsx 后再检查`,
  'read.docx': (p: FileDetail) => `文件「${p.file}」中没有找到年度报告的统计表（表二、表三、表四）；这份 Word 文档不是统计表`,
  'read.pdf': (p: FileDetail) => `文件「${p.file}」中没有找到年度报告的统计表（表二、表三、表四）；这份 PDF 文件不是统计表`,
  'read.image': (p: FileDetail) => `文件「${p.file}」是图片，不是报告文件；请提供报告的 Word、Excel、PDF 或网页版本`,
  'read.archive': (p: FileDetail) => `文件「${p.file}」是压缩包；请先解压，再检查其中的报告文件`,
  'read.not_docx': (p: FileDetail) => `文件「${p.file}」不是完好的 Word 文档${p.detail ? `（${p.detail}）` : ''}，无法读取`,
  'read.scanned_pdf': (p: FileDetail) => `文件「${p.file}」是扫描件，无文字层，读不出其中的数字；请提供 Word、Excel 或可复制文字的 PDF`,
  'read.pdf_fonts': (p: FileDetail) =>
    `文件「${p.file}」有文字层，但其中字体的编码无法识别，读不出其中的文字；请提供 Word、Excel 或网页版本`,
  'read.pdf_no_borders': (p: FileDetail) =>
    `文件「${p.file}」中的统计表没有画出表格线，无法可靠地还原其中的行和列（空白单元格无从分辨）；请提供 Word、Excel 或网页版本`,
  'read.not_pdf': (p: FileDetail) => `文件「${p.file}」不是完好的 PDF 文件${p.detail ? `（${p.detail}）` : ''}，无法读取`,
  'read.encoding': (p: FileDetail) =>
    `文件「${p.file}」的文字编码无法识别（${p.detail ?? ''} 处字节既不是 UTF-8 也不是 GB18030），读出的是乱码，找不到统计表；请另存为 UTF-8 编码后再检查`,

  // ── locate: notes on how tables, rows and columns were found (core/read/locate) ────────────────
  'locate.format_by_headers': (p: { format: string }) => `按表头识别为 ${p.format} 格式`,
  'locate.format_by_year': (p: { format: string; year: number }) => `表头无法区分格式，按年份 ${p.year} 取 ${p.format} 格式`,
  'locate.format_by_default': (p: { format: string }) => `表头无法区分格式，也没有年份，按 ${p.format} 格式读取`,
  'locate.format_not_of_year': (p: { year: number; format: string; expected: string }) =>
    `${p.year} 年应使用 ${p.expected} 格式，表格为 ${p.format} 格式`,
  'locate.year_from_name': (p: { year: number }) => `报告中未写明年度，年度 ${p.year} 取自文件名（仅作提示，不据此判错）`,
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
  'locate.mixed_detail': (p: { sheet: string; label: string; rows: number[] }) =>
    `工作表「${p.sheet}」第 ${p.rows.join('、')} 行都有「${p.label}」`,
  'locate.report_area': (p: { sheet: string; area: string; count: number }) =>
    `工作表「${p.sheet}」上有 ${p.count} 份报告，本报告在 ${p.area}`,
  'locate.several_to_fill': (p: { file: string; sheet: string; reports: { agency: string; area: string }[] }) =>
    `文件「${p.file}」的工作表「${p.sheet}」上有 ${p.reports.length} 份报告（${p.reports
      .map((r) => `${r.agency || '单位不明'}在 ${r.area}`)
      .join('、')}），一次只能填充一份：请把要填充的报告复制到单独的工作表或文件后再填充`,
  'locate.no_header': (p: { table: string; columns: string[] }) =>
    `${tableZh(p.table)} 未找到表头，按位置读取各列：${p.columns.join('、')}`,

  // ── check: findings of the checker (core/check) ────────────────────────────────────────────────
  // What a cell that is no number holds (cell.not_number; core/model/values.ts names it).
  'check.holds.text': (p: { text: string }) => `“${p.text}”不是数字`,
  'check.holds.formula_error': (p: { text: string; formula?: string }) =>
    p.formula
      ? `公式 =${p.formula} 出错（${p.text}），没有可用的数值；请检查公式引用的单元格`
      : `是错误值 ${p.text}，没有可用的数值；请填写数字`,
  'check.holds.date': (p: { text: string }) => `填写的是日期 ${p.text}，不是数字；若本想填数字，请把单元格格式改为“常规”或“数值”后重新填写`,
  'check.holds.not_finite': (p: { text: string }) => `“${p.text}”不是有效的数字`,
  'check.holds.too_precise': (p: { text: string }) => `${p.text} 的小数超过 60 位，不是有效的件数或金额`,
  'check.holds.too_long': (p: { text: string; length: number }) => `填写了 ${p.length} 个字符的文本“${p.text}”，不是数字`,
  'check.at': (p: { where: string; what: string }) => `${p.where}：${p.what}`,
  'check.cell_name': (p: { table: string; row: string | null; column: string }) => `${p.table} ${p.row ? `${p.row}·` : ''}${p.column}`,
  'check.blank': (p: { placeholder?: string }) =>
    p.placeholder ? `填写了“${p.placeholder}”，按空白处理（计算时按 0 计）；没有数据请填 0` : '空白（计算时按 0 计）；没有数据请填 0',
  'check.text_number': (p: { raw: string; value: string; yuan: boolean }) =>
    `文本“${p.raw}”按数字 ${p.value} 读取${p.yuan ? '（元已换算为万元）' : ''}`,
  'check.integer': (p: { value: string }) => `件数应为整数，实为 ${p.value}`,
  'check.nonnegative': (p: { value: string }) => `不能为负数，实为 ${p.value}`,
  'check.decimals': (p: { value: string; places: number }) => `金额（万元）按格式保留 ${p.places} 位小数，实为 ${p.value}`,
  'check.decimals_unprescribed': (p: { value: string; places: number }) =>
    `金额（万元）写了 ${p.places} 位小数（${p.value}）；格式未规定小数位数，通常保留 4 位，请核对（精确到分时为 6 位，属正常）`,
  'check.formula_computed': (p: { formula: string; value: string }) => `公式 =${p.formula} 没有保存计算结果，已按公式算得 ${p.value}`,
  'check.year_mismatch': (p: { year: number; due: string; issuedBy: string; format: string }) =>
    `${p.year} 年度报告应使用 ${p.issuedBy} 的格式（${p.due}），但表格是 ${p.format} 格式，已按 ${p.format} 格式检查`,
  'check.old_rows': (p: { format: string; label: string; parts: number }) =>
    `${p.format} 格式的表三应将“${p.label}”分为 ${p.parts} 项，本报告仍为旧格式的一行，已按其实有的行检查`,
  'check.missing_table': (p: { table: string; title: string; skipped: number }) =>
    `没有找到${p.table}（${p.title}），其 ${p.skipped} 个等式未检查`,
  'check.missing_rows': (p: { rows: string[] }) => `行：${p.rows.join('、')}`,
  'check.missing_cell_list': (p: { cells: string[]; more: boolean }) => `单元格：${p.cells.join('、')}${p.more ? '…' : ''}`,
  'check.missing_cells': (p: { table: string; count: number; what: string; skipped: number }) =>
    `${p.table}缺少 ${p.count} 个单元格（${p.what}），涉及的 ${p.skipped} 个等式未检查`,
  'check.instance.column': (p: { table: string; column: string }) => `${p.table} ${p.column} 列`,
  'check.instance.row': (p: { table: string; row: string }) => `${p.table} ${p.row} 行`,
  'check.instance.group': (p: { table: string; group: string }) => `${p.table} ${p.group}`,
  'check.last_year': () => '（上年）',
  'check.blank_value': () => '空白',
  'check.sum_of': (p: { parts: number }) => `${p.parts} 项之和`,
  'check.equation': (p: { where: string; lhs: string; rhs: string; op: string | null; blanks: boolean }) =>
    `${p.where}：${p.lhs}，但 ${p.rhs}${p.op ? `（应满足 ${p.op}）` : ''}${p.blanks ? '（空白单元格按 0 计）' : ''}`,
  'check.slip.sign': () => '疑为正负号写反',
  'check.slip.swapped': (p: { written: string; suggested: string }) => `疑为两位数字颠倒（${p.written} → ${p.suggested}）`,
  'check.slip.extra': (p: { written: string; suggested: string }) => `疑为多打了一位数字（${p.written} → ${p.suggested}）`,
  'check.slip.dropped': (p: { written: string; suggested: string }) => `疑为漏打了一位数字（${p.written} → ${p.suggested}）`,
  'check.reason': (p: { slip: string | null; value: string; others: number; alternatives: number }) =>
    `${p.slip ? `${p.slip}；` : ''}改为 ${p.value} 后${p.others ? `（与另外 ${p.others} 个单元格一起）` : ''}各等式均成立${p.alternatives > 1 ? `；共有 ${p.alternatives} 种同样简单的解释` : ''}`,
  'check.blank_total': (p: { value: number }) => `合计空白，按各项之和应为 ${p.value}`,
  'check.text_value': (p: { value: number }) => `按所在等式推算应为 ${p.value}`,

  'check.text_under_sum': (p: { raw: string; value: string; totals: string[]; more: number }) =>
    `“${p.raw}”是文本，表格的求和公式不计入文本，所以${p.totals.length + p.more > 1 ? ` ${p.totals.length + p.more} 个合计都` : '合计'}少算了 ${p.value}（${p.totals.join('；')}${p.more ? `；另有 ${p.more} 个` : ''}）；请删去文字，输入数字 ${p.value}`,
  'check.short_total': (p: { name: string; saved: string; typed: string }) => `${p.name} 显示 ${p.saved}，应为 ${p.typed}`,
  'check.text_under_sum_reason': (p: { value: string }) => `输入为数字 ${p.value} 后，各合计公式随之更正`,
  'check.total_cycle': (p: { cell: string }) => `表格式文件有误：合计关系有循环（经过单元格 ${p.cell}）`,
  'check.form_invalid': (p: { file: string; at: string; problem: FormProblem }) => {
    const where = `表格式文件 ${p.file}${p.at ? ` 的 ${p.at}` : ''}`;
    const type: Record<Expected, string> = {
      text: '非空文字',
      number: '非负整数',
      year: '年份（2000–2100）',
      list: '列表',
      object: '对象',
      kind: 'count、signed 或 money',
      table: 'T2、T3 或 T4',
      texts: '文字列表',
    };
    const q = p.problem;
    if (q.kind === 'unknown_key') return `${where}有未知的键“${q.key}”（拼写有误？）`;
    if (q.kind === 'missing') return `${where}缺少必填的“${q.key}”`;
    if (q.kind === 'duplicate') return `${where}的键“${q.key}”重复`;
    if (q.kind === 'years') return `${where}：适用年度与 ${q.other} 重叠或顺序颠倒`;
    return `${where}应为${type[q.expected]}`;
  },
  'check.unknown_format': (p: { format: string; known: string[] }) => `未知的报告格式“${p.format}”（已知：${p.known.join('、')}）`,
  'check.unknown_variant': (p: { format: string; variant: string }) => `格式 ${p.format} 没有变体“${p.variant}”`,
  // ── rules: the built-in rule catalogue and rule-file errors (core/rules) ───────────────────────
  'rules.syntax': (p: { file: string; line: number; column: number; expected: string; found: string }) =>
    `${p.file}:${p.line}:${p.column}: 规则有误：应为 ${p.expected}，实为 ${p.found}`,
  'rules.expect.head': () => '规则编号加冒号，如 "T3.balance [error]:"',
  'rules.expect.rule_id': () => '规则编号',
  'rules.expect.attribute': () => '"error"、"warning"、"notice" 或 "total"',
  'rules.expect.total_lhs': () => '"[total]" 规则的左边为单个单元格',
  'rules.expect.double_equals': () => '"=="（等式用两个等号）',
  'rules.expect.character': () => '单元格名、数字或 + - * ( )',
  'rules.expect.comparison': () => '等式或不等式（==、<=、>=）',
  'rules.expect.term': () => '单元格、数字、+、-、*、"sum(…)" 或 "prior(…)"',
  'rules.expect.one_comparison': () => '只有一个比较符',
  'rules.expect.value': () => '一个值（单元格名或数字）',
  'rules.expect.closing': () => '右括号 ")"',
  'rules.expect.rest': () => '表达式的其余部分',
  'rules.expect.operand': () => '运算符前的值',
  'rules.expect.expression': () => '合法的表达式',
  'rules.expect.table': () => '表 T2、T3 或 T4',
  'rules.expect.key_of': (p: { table: string; kind: 'row' | 'column' | 'group' }) =>
    `${p.table} 的${({ row: '行', column: '列', group: '组' } as const)[p.kind]}`,
  'rules.expect.cell_id': () => '表:行:列，如 "T3:R1:natural"',
  'rules.expect.full_cell_id': () => '完整的单元格名 表:行:列（规则没有 "for each" 范围）',
  'rules.expect.linear': () => '线性式：乘数之一须为常数',
  'rules.expect.prior_once': () => '不嵌套的 "prior(…)"',
  'rules.expect.some_instance': (p: { format: string }) => `在格式 ${p.format} 中至少有一个适用的实例`,
  'rules.found.end_of_line': () => '行尾',
  'rules.found.no_cell': () => '没有适用的单元格',

  // ── text: the text.* rules on published reports (core/rules/text, core/import) ─────────────────
  'text.what': (p: { rule: string }) =>
    (
      ({
        'text.received': '收到申请',
        'text.received_all': '本年新收及上年结转申请',
        'text.carried_in': '上年结转',
        'text.handled': '办结（答复）',
        'text.disclosed': '予以公开',
        'text.partial': '部分公开',
        'text.disclosed_partial': '予以公开及部分公开',
        'text.withheld': '不予公开',
        'text.unavailable': '无法提供',
        'text.not_processed': '不予处理',
        'text.other_processing': '其他处理',
        'text.carried_over': '结转下年度',
        'text.review': '行政复议',
        'text.suit': '行政诉讼',
        'text.review_suit': '行政复议和行政诉讼',
      }) as Record<string, string>
    )[p.rule] ?? '',
  'text.disagrees': (p: { line: string; what: string; said: number; cells: string; value: number; summed: boolean; quote: string }) =>
    `第 ${p.line} 行文字称${p.what} ${p.said} 件，但${p.cells}${p.summed ? '（总计栏空白，按各项之和）' : ''}为 ${p.value}：“${p.quote}”`,
  'text.cell': (p: { table: string; row: string | null; column: string; ref: string | null }) =>
    `${p.table}${p.row ? `「${p.row}」` : ''}「${p.column}」${p.ref ? `（${p.ref.replace(/^line /, '第 ')}${/^line /.test(p.ref) ? ' 行' : ''}）` : ''}`,
  'text.cells_sum': (p: { table: string; row: string; column: string; count: number }) =>
    `${p.table}「${p.row}」${p.count} 项「${p.column}」之和`,
  'text.plus': () => '与',

  // ── limits: hostile and oversized input (core/read, core/import, cli) ──────────────────────────
  'limits.unpacked_over': (p: { limit: string }) => `解压后超过 ${p.limit}`,
  'limits.part_lies': (p: { declared: number }) => `其中一个部件解压后超过它声明的 ${p.declared} 字节，疑为压缩炸弹`,
  'limits.worker_memory': (p: { file: string; limit: string }) =>
    `文件「${p.file}」无法检查：读取它所需的内存超过 ${p.limit}（正常报表远用不到），文件可能已损坏或为恶意构造`,
  'limits.worker_time': (p: { file: string; seconds: number }) =>
    `文件「${p.file}」无法检查：读取 ${p.seconds} 秒仍未完成（正常报表不到一秒），文件可能已损坏或为恶意构造`,
  'limits.worker_exit': (p: { file: string }) => `文件「${p.file}」无法检查：检查它的进程意外退出，文件可能已损坏或为恶意构造`,

  // ── batch: verdicts, the batch summary, send-back notices (issue 10) ───────────────────────────
  'batch.verdict.pass': () => '通过',
  'batch.verdict.send_back': () => '有错误，需退回',
  'batch.verdict.unfilled': () => '未填写',
  'batch.verdict.year_format': () => '年度或格式不符',
  'batch.verdict.duplicate': () => '重复',
  'batch.verdict.unreadable': () => '无法读取',
  'batch.verdict.not_report': () => '不是报表',
  'batch.verdict.missing': () => '未报送',
  'batch.unfilled': (p: { cells: number }) => `报告未填写：${p.cells} 个数据单元格都是空白，没有录入任何数字（像是未动过的空白模板）`,
  'batch.year': (p: { found: number; want: number }) => `报告年度是 ${p.found} 年，本批收集的是 ${p.want} 年度的报告`,
  'batch.year_file': (p: { found: number; named: number }) =>
    `文件名写的是 ${p.named} 年，报告内容是 ${p.found} 年度：以报告内容为准，文件名仅作参考`,
  'batch.year_unknown': (p: { want: number }) => `报告中读不出年度，无法确认是否为 ${p.want} 年度`,
  'batch.format': (p: { year: number; want: string; found: string }) =>
    `${p.year} 年度的报告应使用 ${p.want} 版格式，此报告是 ${p.found} 版格式`,
  'batch.agency_file': (p: { named: string; agency: string }) =>
    `文件名写的是「${p.named}」，报告中的单位却是「${p.agency}」：按报告中的单位计，请核对是否报错了文件`,
  'batch.agency_unlisted': (p: { agency: string }) => `单位「${p.agency}」不在单位名单中`,
  'batch.agency_none': () => '报告中没有写单位名称',
  'batch.agency_guess': (p: { agency: string; department: string }) =>
    `报告中的单位「${p.agency}」没有写地区，按名单中的「${p.department}」计，请核对`,
  'batch.agency_ambiguous': (p: { agency: string; among: string }) =>
    `报告中的单位「${p.agency}」没有写地区，名单中的${p.among}都可能是它，无法确定是哪一个单位`,
  'batch.agency_ambiguous_named': (p: { agency: string; among: string }) =>
    `报告中的单位「${p.agency}」与名单中的${p.among}都可能是同一单位，无法确定是哪一个，请在报告中写全单位名称`,
  'batch.agency_restated': (p: { agency: string; department: string }) =>
    `报告中的单位写作「${p.agency}」，与名单中的写法不同，按名单中的「${p.department}」计`,
  'batch.agency_by_file': (p: { department: string }) => `报告中没有写单位名称，按文件名归入「${p.department}」`,
  'batch.agency_by_file_ambiguous': (p: { among: string }) => `报告中没有写单位名称，文件名可能指名单中的${p.among}，无法确定是哪一个单位`,
  'batch.quoted': (p: { name: string }) => `「${p.name}」`,
  'batch.duplicate': (p: { department: string; kept: string; why: string }) =>
    `「${p.department}」另有文件「${p.kept}」，以那份为准（${p.why}），此文件不计入`,
  'batch.duplicate_kept': (p: { department: string; others: string; n: number; why: string }) =>
    p.n > 5
      ? `「${p.department}」还报送了 ${p.n} 份其他文件（${p.others} 等），以此文件为准（${p.why}）`
      : `「${p.department}」还报送了「${p.others}」，以此文件为准（${p.why}）`,
  'batch.missing': (p: { department: string }) => `名单中的「${p.department}」没有报送文件`,
  'batch.missing_misfiled': (p: { department: string; file: string; agency: string }) =>
    `名单中的「${p.department}」没有报送文件；文件「${p.file}」以该单位命名，但其中是「${p.agency}」的报告，已按「${p.agency}」计`,
  'batch.no_prior': (p: { names: string; count: number }) => `${p.count} 个单位没有找到上年报告（跨年度核对未做）：${p.names}`,
  'batch.years_seen': (p: { years: string }) => `本批报告的年度：${p.years}；指定本次收集的年度后（见命令帮助），其他年度的报告将被标出`,
  'batch.list_sep': () => '、',
  'batch.verdict_sep': () => '；',
  'batch.verdict_heading': (p: { verdict: string; n: number }) => `【${p.verdict}】${p.n}`,
  'batch.row_sep': () => '，',
  'batch.reason_sep': () => '：',
  'batch.year_count': (p: { year: number; n: number }) => `${p.year} 年 ${p.n} 份`,
  'batch.notice_suffix': () => '退回通知',
  'batch.count_files': (p: { n: number }) => `${p.n} 个文件`,
  'batch.count_reports': (p: { n: number }) => `${p.n} 份报告`,
  'batch.summary': (p: { files: string; reports: string; verdicts: string }) => `合计：${p.files}，${p.reports}。${p.verdicts}`,
  'batch.summary_verdict': (p: { verdict: string; n: number }) => `${p.verdict} ${p.n}`,
  'batch.left_out': (p: { n: number; names: string }) =>
    `另有 ${p.n} 个 Office 临时锁定文件（~$ 开头）或隐藏文件（. 开头）不是报送的文件，未检查：${p.names}${p.n > 5 ? ' 等' : ''}`,
  'batch.summary_listed': (p: { listed: number; submitted: number }) => `名单 ${p.listed} 个单位，已报送 ${p.submitted} 个`,
  'batch.changed_numbers': (p: { n: number }) => `有 ${p.n} 处文字被当作数字读取，请核对：`,
  'batch.changed_number': (p: { path: string; cell: string; message: string }) => `  ${p.path} ${p.cell}：${p.message}`,
  'batch.col.file': () => '文件',
  'batch.col.sheet': () => '工作表',
  'batch.col.department': () => '单位',
  'batch.col.year': () => '年度',
  'batch.col.format': () => '格式',
  'batch.col.verdict': () => '结论',
  'batch.col.errors': () => '错误',
  'batch.col.warnings': () => '警告',
  'batch.col.notices': () => '提示',
  'batch.col.reason': () => '原因',
  'batch.col.cell': () => '单元格',
  'batch.col.rule': () => '规则编号',
  'batch.col.rule_name': () => '规则',
  'batch.col.severity': () => '级别',
  'batch.col.message': () => '说明',
  'batch.col.found': () => '现填的值',
  'batch.col.suggested': () => '建议改为',
  'batch.col.why': () => '理由',
  'batch.severity.error': () => '错误',
  'batch.severity.warning': () => '警告',
  'batch.severity.notice': () => '提示',
  'batch.blank': () => '空白',
  'batch.report.title': () => '政府信息公开工作年度报告统计表 批量检查结果',
  'batch.report.files': () => '各文件结论',
  'batch.report.findings': () => '需修改之处',
  'batch.notice.title': (p: { department: string }) => `关于「${p.department}」政府信息公开工作年度报告统计表的退回修改通知`,
  'batch.notice.intro': (p: { department: string; file: string }) =>
    `${p.department}：你单位报送的「${p.file}」经检查有以下问题，请修改后重新报送。`,
  'batch.notice.outro': () => '“建议改为”是按统计表的等式推算出的可能值，请以本单位台账为准核实后填写。',
  'batch.notice.written': (p: { n: number; dir: string }) => `已写出 ${p.n} 份退回通知：${p.dir}`,
  'batch.notice.none': () => '没有需要退回的单位，未写出退回通知',
  'sum.duplicate_verdict': () => '重复',
  'sum.kept_instead': (p: { kept: string }) => `同一单位另有 --keep 指定的「${p.kept}」，以那份为准，此文件不计入`,
  'batch.sum.left_out': (p: { file: string; verdict: string; reason: string }) =>
    `未计入：${p.file}（${p.verdict}${p.reason ? `：${p.reason}` : ''}）`,
  'batch.sum.none_clean': () => '没有通过检查的报告可以汇总',
  'batch.rule.cell.not_number': () => '单元格应填数字',
  'batch.rule.cell.integer': () => '件数应为整数',
  'batch.rule.cell.nonnegative': () => '件数和金额不能为负',
  'batch.rule.cell.decimals': () => '金额（万元）最多 4 位小数',
  'batch.rule.cell.blank': () => '没有数据的单元格应填 0',
  'batch.rule.cell.text_number': () => '数字应以数字格式填写，不带文字',
  'batch.rule.cell.formula_computed': () => '公式应保存计算结果',
  'batch.rule.batch': () => '本批报送要求（年度、格式、单位、份数）',
  'batch.rule.batch.unfilled': () => '统计表应填写数据',
  'batch.rule.other': () => '统计表的填写要求',
  'batch.file_missing': (p: { file: string }) => `文件「${p.file}」不存在`,
  'batch.file_unopenable': (p: { file: string }) => `文件「${p.file}」无法打开（没有读取权限，或被其他程序占用）`,
  'batch.template.no_prior': (p: { count: number; names: string }) =>
    `注意：${p.count} 个单位在 --from 中没有找到上年报告，其模板未预填：${p.names}`,

  // ── template: template, fill, sum, export (core/template, core/export) ─────────────────────────
  'template.at': (p: { where: string; what: string }) => `${p.where}：${p.what}`,
  'template.prior_heading': (p: { year: number | null }) => `上年（${p.year ?? '上一'}年度）报告数据，供填写参考：`,
  'template.prior_value': (p: { name: string; value: string }) => `${p.name}：${p.value}`,
  'template.fill_prior': (p: { sources: string[]; value: string }) => `按上年报告（${p.sources.join('、')}）填入 ${p.value}`,
  'template.fill_prior_differs': (p: { own: string; sources: string[]; value: string }) =>
    `已填 ${p.own}，上年报告（${p.sources.join('、')}）为 ${p.value}；未改动`,
  'template.fill_total': (p: { value: string }) => `空白，按各项之和填入 ${p.value}`,
  'template.fill_total_unknown': (p: { missing: { name: string; ref: string }[] }) =>
    `未填：${p.missing.map((m) => `${m.name}（${m.ref}）`).join('、')} 空白或不是数字，合计无法确定（空白不等于 0，请补填）`,
  'template.fill_total_differs': (p: { own: string; sum: string }) => `填写的 ${p.own} 与各项之和 ${p.sum} 不符，保留原值未改（请核对）`,
  'template.sum_empty': () => '没有可汇总的报告',
  'template.sum_mixed': (p: { what: 'format' | 'year'; inputs: { name: string; format: string; year: number | null }[] }) =>
    `各报告的${p.what === 'format' ? '格式' : '年度'}不同，未汇总（确需汇总请加 --force）：\n  ${p.inputs
      .map((i) => `${i.name}（${i.format} 格式，${i.year ?? '年度不明'}）`)
      .join('\n  ')}`,
  'template.sum_twice': (p: { groups: { agency: string; names: string[] }[] }) =>
    `以下文件是同一单位的报告（或数字完全相同），一起汇总会重复计数，未汇总（用 --keep 文件名 指定保留哪一份，或用 --only-clean 按修改版本和检查结果选定；确属不同单位请加 --force）：\n  ${p.groups
      .map((g) => `${g.agency ? `${g.agency}：` : '数字相同：'}${g.names.join('、')}`)
      .join('\n  ')}`,
  'template.sum_input_errors': (p: { name: string; count: number; messages: string[]; more: boolean }) =>
    `${p.name}：${p.count} 个错误${p.messages.map((m) => `\n    ${m}`).join('')}${p.more ? '\n    …' : ''}`,
  'template.sum_errors': (p: { lines: string[] }) =>
    `以下报告有错误，未汇总（先更正，或加 --allow-errors 照样汇总）：\n  ${p.lines.join('\n  ')}`,
  'template.sum_not_in_form': (p: { name: string; cell: string; format: string }) =>
    `${p.name} 的 ${p.cell} 不在 ${p.format} 格式中，未计入`,
  'template.sum_text_cell': (p: { name: string; ref: string; text: string }) => `${p.name} ${p.ref}：“${p.text}”`,
  'template.sum_not_numbers': (p: { cells: string[] }) => `以下单元格不是数字，未汇总：\n  ${p.cells.join('\n  ')}`,
  'template.sum_not_summed': (p: { cell: string }) => `未计入（不是数字）：${p.cell}`,
  'template.sum_fails': (p: { messages: string[] }) => `汇总结果未通过检查，未写出：\n  ${p.messages.join('\n  ')}`,
  'template.sum_column': (p: { column: 'no' | 'file' | 'agency' | 'year' | 'format' | 'errors' }) =>
    ({ no: '序号', file: '文件', agency: '单位', year: '年度', format: '格式', errors: '错误数' })[p.column],
  'template.sum_total_row': () => '合计',
  'template.export_refused': (p: { where: string | null; count: number; lines: string[]; more: number }) =>
    `${p.where ? `${p.where}：` : ''}未导出：报告有 ${p.count} 项错误，请先修正，或使用 --allow-errors${p.lines.map((l) => `\n  - ${l}`).join('')}${p.more ? `\n  …（另有 ${p.more} 项）` : ''}`,

  // ── cli: command lines, usage errors, output files (cli/) ──────────────────────────────────────
  // File names and any text from a file reach messages through shown() (cli/terminal.ts) when printed.
  'cli.why.not_found': () => '不存在',
  'cli.why.denied': () => '没有访问权限',
  'cli.why.is_folder': () => '是文件夹，不是文件',
  'cli.why.not_folder': () => '路径中有一段不是文件夹',
  'cli.why.no_folder': (p: { folder: string }) => `所在文件夹「${p.folder}」不存在`,
  'cli.why.name_too_long': () => '文件名或路径太长',
  'cli.why.disk_full': () => '磁盘空间已满',
  'cli.why.quota': () => '超出磁盘配额',
  'cli.why.read_only': () => '所在磁盘只读',
  'cli.why.link_loop': () => '符号链接形成循环',
  'cli.why.dangling_link': () => '是指向不存在位置的符号链接',
  'cli.why.busy': () => '正被其他程序占用',
  'cli.why.io': () => '读写出错（磁盘或网络故障）',
  'cli.why.too_many_open': () => '同时打开的文件太多',
  'cli.why.device': () => '是设备，不是普通文件',
  'cli.why.pipe': () => '是管道，不是普通文件',
  'cli.why.socket': () => '是套接字，不是普通文件',
  'cli.why.block_device': () => '是磁盘设备，不能写入',
  'cli.why.other': (p: { code: string }) => `操作系统报告错误（${p.code}）`,
  'cli.cannot_read': (p: { file: string; why: string }) => `无法读取「${p.file}」：${p.why}`,
  'cli.cannot_write': (p: { file: string; why: string }) => `无法写出「${p.file}」：${p.why}`,
  'cli.output_refused': (p: { file: string; why: string }) => `不能写到「${p.file}」：${p.why}；未做任何处理`,
  'cli.output_is_input': (p: { output: string; input: string }) =>
    `输出「${p.output}」就是输入文件「${p.input}」，写出会覆盖输入；未做任何处理`,
  'cli.report_written': (p: { file: string }) => `已写出检查报告：${p.file}`,
  'cli.report_not_written': (p: { file: string; why: string }) => `检查结果见上，但报告「${p.file}」未能写出：${p.why}`,
  'cli.jobs_clamped': (p: { asked: number; jobs: number; cores: number; memory: number }) =>
    `--jobs ${p.asked} 超出本机能力（${p.cores} 个处理器，内存可容 ${p.memory} 个检查进程），按 ${p.jobs} 个并行`,
  'cli.jobs_invalid': (p: { value: string }) => `--jobs 应为正整数，不是「${p.value}」`,
  'cli.one_file_not_folder': (p: { file: string }) => `「${p.file}」是文件夹：请给出其中一个文件`,
  'cli.unknown_format': (p: { format: string; known: string }) => `没有「${p.format}」格式（可用：${p.known}）`,
  'cli.rules_file_missing': (p: { file: string }) => `规则文件「${p.file}」不存在`,
  'cli.agency_failed': (p: { agency: string; why: string }) => `单位「${p.agency}」的模板未能写出：${p.why}`,
  'cli.agencies_summary': (p: { written: number; failed: number; folder: string }) =>
    `已生成 ${p.written} 个模板：${p.folder}${p.failed ? `；${p.failed} 个未能写出（见上）` : ''}`,
  'cli.output_folder_is_file': (p: { folder: string }) => `输出文件夹「${p.folder}」是一个文件`,
  'cli.unknown_option': (p: { option: string }) => `命令行有误：没有选项 ${p.option}`,
  'cli.option_needs_value': (p: { option: string }) => `命令行有误：选项 ${p.option} 需要一个值`,
  'cli.option_takes_no_value': (p: { option: string }) => `命令行有误：选项 ${p.option} 不带值`,
  'cli.unexpected_argument': (p: { arg: string }) => `命令行有误：多余的参数「${p.arg}」`,
  'cli.bad_command_line': () => '命令行有误',
  'cli.lang_invalid': (p: { value: string }) => `语言只能用 --lang zh（中文）或 --lang en（英文）选择，不是「${p.value}」`,
  'cli.unknown_command': (p: { name: string }) => `没有「${p.name}」这个命令`,
  'cli.internal_error': (p: { detail: string }) => `内部错误（请报告此问题）：${p.detail}`,
  'cli.check_no_paths': () => '请给出要检查的文件或文件夹',
  'cli.report_type': (p: { file: string }) => `--report 应为 .xlsx、.csv 或 .html 文件，不是「${p.file}」`,
  'cli.no_files': (p: { paths: string }) => `没有找到可检查的文件：${p.paths}`,
  'cli.prior_missing': (p: { file: string }) => `上年报告「${p.file}」不存在`,
  'cli.prior_skipped': (p: { why: string }) => `已跳过上年文件：${p.why}`,
  'cli.missing_output': () => '缺少 -o 输出文件',
  'cli.notice_not_written': (p: { file: string; why: string }) => `检查结果见上，但退回通知「${p.file}」未能写出：${p.why}`,
  'cli.year_invalid': (p: { value: string }) => `--year 应为年份，如 2025，不是「${p.value}」`,
  'cli.agencies_empty': (p: { file: string }) => `单位名单「${p.file}」中没有单位名称`,
  'cli.notices_format': (p: { value: string }) =>
    `退回通知只能写成网页（--notices-format html）或工作簿（--notices-format xlsx），不是「${p.value}」`,
  'cli.one_input': (p: { what: 'import' | 'fill' | 'export' }) =>
    ({ import: '请给出一个要导入的报告文件', fill: '请给出一个要填充的文件', export: '请给出一个要导出的文件' })[p.what],
  'cli.sum_no_files': () => '请给出要汇总的文件',
  'cli.year_or_format': () => '请给出 --year 或 --format',
  'cli.agency_or_agencies': () => '--agency 与 --agencies 只能用一个',
  'cli.output_xlsx': (p: { file: string }) => `-o 应为 .xlsx 文件，不是「${p.file}」`,
  'cli.export_to': (p: { value: string; known: string }) => `--to 只能是 ${p.known}，不是「${p.value}」`,
  'cli.several_reports': (p: { file: string; sheets: string[] }) =>
    `「${p.file}」含 ${p.sheets.length} 份报告（工作表${p.sheets.map((s) => `「${s}」`).join('、')}），请用 --sheet 指定一份`,
  'cli.several_on_sheet': (p: { file: string; sheet: string; reports: { agency: string | null; area: string }[] }) =>
    `文件「${p.file}」的工作表「${p.sheet}」上有 ${p.reports.length} 份报告（${p.reports
      .map((r) => `${r.agency || '单位不明'}在 ${r.area}`)
      .join('、')}），一次只能导出一份：请把要导出的报告复制到单独的工作表或文件后再导出`,
  'cli.no_report_on_sheet': (p: { file: string; sheet: string }) => `「${p.file}」的工作表「${p.sheet}」上没有报告`,
  'cli.no_report_tables': (p: { file: string }) => `「${p.file}」中没有找到报告的统计表`,
  'cli.import_several': (p: { file: string; n: number }) => `「${p.file}」含 ${p.n} 份报告，-o 只能写出一份`,
  'cli.prior_not_one': (p: { file: string; n: number }) => `上年报告「${p.file}」应只含一份报告，实有 ${p.n} 份`,
  'cli.from_empty': (p: { from: string }) => `「${p.from}」中没有找到上年报告`,
  'cli.nothing_written': () => '未写出任何文件。',
  'cli.written': (p: { file: string }) => `已写出 ${p.file}`,
  'cli.filled': (p: { file: string; cells: number }) => `已写出 ${p.file}：填入 ${p.cells} 格`,
  'cli.exported': (p: { file: string; to: string }) => `已导出 ${p.file}（.${p.to} 格式）`,
  'cli.summed': (p: { file: string; n: number }) => `已汇总 ${p.n} 份报告 → ${p.file}`,
  'cli.sum_inputs_sheet': () => '汇总明细',
  'cli.template_written': (p: { file: string; format: string; year: number | null; prior: string | null; cells: number }) =>
    `已生成模板 ${p.file}（${p.format} 格式${p.year ? `，${p.year} 年度` : ''}）${p.prior ? `，按 ${p.prior} 预填 ${p.cells} 格` : ''}`,
  'cli.line_ref': (p: { line: string }) => `第 ${p.line} 行`,
  'cli.progress': () => '检查中',
  'cli.progress_eta': (p: { seconds: number }) => `还需约 ${p.seconds} 秒`,
  // The readable summary of `check`, `import`, `fill` and `sum` (cli/output.ts).
  'cli.severity': (p: { severity: 'error' | 'warning' | 'notice' }) => ({ error: '错误', warning: '警告', notice: '提示' })[p.severity],
  'cli.summary.head': (p: { file: string; sheet: string | null; format: string; year: number | null; agency: string | null }) =>
    `${p.file}${p.sheet ? ` [${p.sheet}]` : ''}  格式 ${p.format}${p.year ? `  ${p.year} 年度` : ''}${p.agency ? `  ${p.agency}` : ''}`,
  'cli.summary.counts': (p: { errors: number; warnings: number; notices: number }) =>
    `错误 ${p.errors} 个，警告 ${p.warnings} 个，提示 ${p.notices} 个`,
  'cli.summary.suspect': (p: { ref: string; value: string | null; suggested: string; reason: string }) =>
    `疑为 ${p.ref} = ${p.value ?? '空白'}，应为 ${p.suggested}（${p.reason}）`,
  'cli.summary.line_place': (p: { at: string; words: string }) => `${p.at}（${p.words}）`,
  'cli.summary.more_suspects': (p: { n: number }) => `另有 ${p.n} 种可能`,
  'cli.summary.blanks': (p: { n: number; cells: string[]; more: boolean }) =>
    `空白单元格 ${p.n} 个（按 0 计）：${p.cells.join('、')}${p.more ? '…' : ''}`,
  'cli.summary.note': (p: { note: string }) => `说明：${p.note}`,
  'cli.import.head': (p: { file: string; format: string; year: number | null; agency: string | null }) =>
    `${p.file}：格式 ${p.format}，年度 ${p.year ?? '不明'}，单位 ${p.agency ?? '不明'}`,
  'cli.import.tables': (p: { tables: string[]; lines: number }) => `表格：${p.tables.map(tableZh).join('、') || '无'}；文字 ${p.lines} 行`,
  'cli.import.clean': () => '通过：没有发现问题',
  'cli.rules.form': (p: { format: string; issuedBy: string; from: number; to: number | null }) =>
    `格式 ${p.format}（${p.issuedBy}，适用于 ${p.from}${p.to ? `–${p.to} 年度` : ' 年度起'}的报告）`,
  'cli.rules.family': (p: { severity: 'error' | 'warning' | 'notice'; total: boolean; instances: number }) =>
    `${({ error: '错误', warning: '警告', notice: '提示' } as const)[p.severity]}${p.total ? '，合计' : ''}，${p.instances} 处`,
  'cli.rules.cells': () => '单元格与格式检查（每个数值单元格）：',
  'cli.rules.written': (p: { rule: string }) => `规则式：${p.rule}`,
};

export type Catalogue = typeof zh;
