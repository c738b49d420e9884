/**
 * 输出文件与输入清单的中文文字（cli/write.ts、cli/folder.ts、core/node/files.ts）：生成的文件名、
 * 退回通知文件夹、未读取的文件逐个说明。en-outputs.ts has the same keys; zh.ts spreads them in.
 */

/** The product's own outputs, by kind (core/node/own.ts). */
const KIND: Record<string, string> = {
  sum: '汇总表',
  report: '检查报告',
  notice: '退回通知',
  export: '导出的表格',
  evaluation: '评估的部分结果',
};

export const zhOutputs = {
  'outputs.why.exists': () => '已有同名文件（不是本次生成的），未覆盖',
  'outputs.left.hidden': (p: { file: string }) => `未读取「${p.file}」：隐藏文件（. 开头），不是报送的文件`,
  'outputs.left.lock': (p: { file: string }) => `未读取「${p.file}」：Office 临时锁定文件（~$ 开头），不是报送的文件`,
  'outputs.left.hidden_folder': (p: { file: string }) => `未读取文件夹「${p.file}」：隐藏文件夹（. 开头）`,
  'outputs.left.own': (p: { file: string; kind: string }) =>
    `未读取「${p.file}」：是本程序生成的${KIND[p.kind] ?? '文件'}，不是报送的报告（确要读取，请在命令行上直接写出这个文件）`,
  'outputs.left.special': (p: { file: string; why: string }) => `未读取「${p.file}」：${p.why}`,
  'outputs.left.unlistable': (p: { file: string; why: string }) => `未读取文件夹「${p.file}」：${p.why}`,
  'outputs.decoded': (p: { file: string; encoding: string }) =>
    `文件名「${p.file}」不是 UTF-8 编码，按 ${p.encoding} 解码显示（常见于 Windows 压缩包解压后的文件）`,
  'outputs.notices_foreign': (p: { folder: string; file: string }) =>
    `退回通知文件夹「${p.folder}」中有不是本程序生成的退回通知的文件「${p.file}」；该文件夹每次会整个换成本次的通知，为免删除其他文件，未做任何处理；请换一个空文件夹或新文件夹`,
  'outputs.notices_not_folder': (p: { folder: string }) => `退回通知文件夹「${p.folder}」不是文件夹；未做任何处理`,
  'outputs.no_folder': (p: { folder: string; why: string }) => `无法建立文件夹「${p.folder}」：${p.why}；未做任何处理`,
  'outputs.no_spool': (p: { folder: string; why: string }) =>
    `无法在临时文件夹「${p.folder}」中存放检查结果：${p.why}（可用环境变量 TMPDIR 指定另一个可写的文件夹）；未做任何处理`,
  'outputs.notices_kept_old': (p: { folder: string }) => `旧的退回通知已移到「${p.folder}」，其中有新加入的其他文件，未删除`,
};
