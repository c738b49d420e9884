/**
 * 读取已发布报告（PDF、文本、网页）时不确定的读数：reader doubts (core/read/doubts.ts) and the finding
 * that says them (cell.uncertain). en-reading.ts has the same keys; zh.ts spreads them in.
 */
export const zhReading = {
  'check.uncertain': (p: { value: string; why: string }) => `读作 ${p.value}，但读取时不能确定：${p.why}；请对照原文件核对`,
  'doubt.crossed': (p: { text: string }) => `数字「${p.text}」的字符跨越了单元格边线，已整体归入多数字符所在的单元格`,
  'doubt.wrapped': (p: { text: string }) => `数字在窄列中折行（「${p.text}」），按各段所在位置拼接，位置不够明确`,
  'doubt.column': (p: { text: string }) => `数字「${p.text}」所在的列按位置判断，位置不够明确`,
  'doubt.blank': () => '同一行的数字折行或所在列不够明确，其中某个数字可能属于此格',
  'doubt.spans': (p: { text: string }) => `数字「${p.text}」的合并单元格与表头的列对不齐，所属的列不能确定`,
  'doubt.spans_blank': () => '同一行的合并单元格与表头的列对不齐，其中某个数字可能属于此格',
};
