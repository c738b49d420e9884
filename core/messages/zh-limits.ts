/**
 * 限度（issue 20）的中文消息：任何命令读文件时的内存与时间上限、有害 PDF、规则文件的上限、超出
 * 精确范围的数。en-limits.ts has the same keys; zh.ts spreads them into the catalogue.
 */
type FileDetail = { file: string; detail?: string };

export const zhLimits = {
  'read.pdf_damaged': (p: FileDetail) => `文件「${p.file}」是损坏的 PDF 文件${p.detail ? `（${p.detail}）` : ''}，无法读取`,
  'limits.pdf.nesting': (p: { depth: number; limit: number }) => `其中的数组或字典嵌套超过 ${p.limit} 层（至少 ${p.depth} 层）`,
  'limits.pdf.saves': (p: { limit: number }) => `其中的图形状态嵌套超过 ${p.limit} 层`,
  'limits.pdf.text_items': (p: { limit: number }) => `其中一页的文字片段超过 ${p.limit} 个`,
  'limits.pdf.structure': () => '页面结构无法读取，可能有循环引用或嵌套过深',
  'limits.pdf.stream': (p: { object: string; limit: string }) => `其中的数据流（对象 ${p.object}）解压后超过 ${p.limit}`,
  'limits.pdf.streams': (p: { limit: string }) => `其中的数据流解压后共超过 ${p.limit}`,
  'limits.read_memory': (p: { file: string; limit: string }) =>
    `文件「${p.file}」无法读取：读取它所需的内存超过 ${p.limit}（正常报表远用不到），文件可能已损坏或为恶意构造`,
  'limits.read_time': (p: { file: string; seconds: number }) =>
    `文件「${p.file}」无法读取：读取 ${p.seconds} 秒仍未完成（正常报表不到一秒），文件可能已损坏或为恶意构造`,
  'check.inexact': (p: { value: string }) =>
    `数值 ${p.value} 超过电子表格能精确保存的整数（2 的 53 次方），文件中又读不到它原写的各位数字，可能已被舍入；与它有关的等式只作警告`,
  'limits.sum_inexact': (p: { cells: string[] }) =>
    `以下数值超过电子表格能精确保存的位数，汇总结果无法精确写出，未写出：\n  ${p.cells.join('\n  ')}`,
  'rules.expect.smaller_file': (p: { limit: string }) => `不超过 ${p.limit} 的规则文件`,
  'rules.expect.fewer_rules': (p: { limit: number }) => `至多 ${p.limit} 条规则`,
  'rules.expect.fewer_terms': (p: { limit: number }) => `每条规则至多 ${p.limit} 项`,
  'rules.expect.shallower': (p: { limit: number }) => `括号至多嵌套 ${p.limit} 层`,
  'limits.rules.size': (p: { size: string }) => `${p.size} 的文件`,
  'limits.rules.nth_rule': (p: { n: number }) => `第 ${p.n} 条规则`,
  'limits.rules.nth_term': (p: { n: number }) => `第 ${p.n} 项`,
  'limits.rules.depth': (p: { n: number }) => `第 ${p.n} 层括号`,
  'limits.read_exit': (p: { file: string }) => `文件「${p.file}」无法读取：读取它的进程意外退出，文件可能已损坏或为恶意构造`,
};
