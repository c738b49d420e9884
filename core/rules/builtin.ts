/**
 * The rules checked in code rather than written as equations in a form (docs/formats.md,
 * "Rules"), each once: id, severity, and what it checks in both languages. The checker takes a finding's severity from here and `xxgk rules` lists them, so a
 * new rule is one line below plus the code that raises it. The form's equations (T2.*, T3.*,
 * T4.*, X.*) live in the form files (core/forms/format-YYYY.json).
 */
import type { Severity } from '../model/findings';

export interface BuiltinRule {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  /** text.* rules: the cells a figure quoted in the text stands for, in the rule language (core/rules/parse.ts), e.g. `sum(T3:R3.3.*:total)`. */
  target?: string;
}

const text = (id: string, target: string, zh: string, en: string): BuiltinRule => ({
  id,
  severity: 'warning',
  description: { zh, en },
  target,
});
const rule = (id: string, severity: Severity, zh: string, en: string): BuiltinRule => ({ id, severity, description: { zh, en } });

// One line a rule, so that adding one is a one-line change.
// prettier-ignore
export const BUILTIN_RULES: readonly BuiltinRule[] = [
  // Each value cell on its own.
  rule('cell.not_number', 'error', '单元格内容不是数字（“若干”等）；所在等式按其求解并给出建议值', 'the cell holds text that is no number; its equations are solved for it'),
  rule('cell.integer', 'error', '件数为整数', 'a count is a whole number'),
  rule('cell.nonnegative', 'error', '件数和金额不为负（本年增/减除外）', 'counts and money are not negative (except the yearly change)'),
  rule('cell.decimals', 'error', '金额（万元）最多 4 位小数', 'money (in 10,000 yuan) has at most 4 decimals'),
  rule('cell.blank', 'warning', '单元格空白或填“/”“—”“无”：按 0 计算并提示', 'blank or a placeholder ("/", "—", "无"): counted as 0, and reported'),
  rule('cell.total_blank', 'warning', '总计空白而其各项已填写：漏填的总计，各等式按各项之和检查，一处提示应填的数', 'a total left blank while its parts are filled in: an omitted total, judged as the sum of its parts, said once with the values to fill in'),
  rule('cell.text_number', 'notice', '以文本写的数字（“12件”、全角数字、千分位）按数字读取并提示', 'a number written as text ("12件", full-width digits) is read as the number'),
  rule('cell.text_under_sum', 'error', '以文本写的数字位于求和公式之下：表格的 SUM 不计入它，合计因此少算；请改为输入数字', 'a number typed as text under a SUM total: the sheet leaves it out of the total; enter it as a number'),
  rule('cell.uncertain', 'warning', '已发布报告（PDF 等）中读取时不能确定的数（字符跨越单元格边线）', 'a figure of a published report (a PDF…) whose reading is uncertain (drawn across a cell border)'),
  rule('cell.inexact', 'warning', '超过 2 的 53 次方、文件又未写明各位数字的数值可能已被舍入：提示，其所在等式只作警告', 'a number past 2 to the 53rd whose digits the file does not give may be rounded: said, and its equations are warnings only'),
  rule('cell.formula_computed', 'notice', '公式未保存计算结果时，按公式由单元格算出', 'a formula saved without its result is computed from its cells'),
  rule('cell.formula_stale', 'warning', '公式保存的结果与按公式由单元格算得的不符（文件未重新计算）：一处提示，按重新算得的数值检查', "formulas whose saved results their cells do not give (the file was not recalculated): said once, the recalculated values are checked"),
  rule('cell.formula_unevaluated', 'warning', '公式没有保存结果且无法算出（不计算的函数、其他工作表、循环引用）：涉及的等式不检查', 'a formula saved without its result that cannot be computed (a function not computed, another sheet, a circular reference): its equations are not checked'),
  rule('cell.formula_unchecked', 'notice', '公式用到不计算的函数或引用：按其保存的结果检查', "a formula using a function or reference not computed: its saved result is checked"),
  // The report's layout.
  rule('format.year_mismatch', 'warning', '报告年度与表格格式不符（按实有格式检查）', 'the layout is not the format of the report year (checked as the layout it has)'),
  rule('format.old_rows', 'warning', '2021 格式的报告仍用旧的（六）其他处理单行', 'a 2021-format report prints the old single row “（六）其他处理”'),
  rule('format.missing_cells', 'warning', '表格缺少的行或单元格，以及因此未检查的等式', 'rows or cells a table lacks, and the equations left unchecked for it'),
  rule('format.missing_table', 'warning', '没有找到的表格，以及因此未检查的等式', 'a table not found, and the equations left unchecked for it'),
  // Figures quoted in a published report's text (core/rules/text.ts): each compares with its target, an expression of the rule language.
  text('text.received', 'T3:R1:total', '正文所称收到申请件数与表三本年新收总计一致', 'applications received, as the text says, agree with Table 3 “本年新收” total'),
  text('text.received_all', 'T3:R1:total + T3:R2:total', '正文所称本年新收与上年结转合计件数与表三两行总计之和一致', 'applications received this year and carried in, together, agree with the two Table 3 totals'),
  text('text.carried_in', 'T3:R2:total', '正文所称上年结转件数与表三上年结转总计一致', 'carried over from last year, as the text says, agrees with Table 3 “上年结转” total'),
  text('text.handled', 'T3:R3.7:total', '正文所称办结件数与表三办理结果总计一致', 'applications handled, as the text says, agree with Table 3 “（七）总计” total'),
  text('text.disclosed', 'T3:R3.1:total', '正文所称予以公开件数与表三（一）总计一致', 'disclosed, as the text says, agrees with Table 3 “予以公开” total'),
  text('text.partial', 'T3:R3.2:total', '正文所称部分公开件数与表三（二）总计一致', 'partly disclosed, as the text says, agrees with Table 3 “部分公开” total'),
  text('text.disclosed_partial', 'T3:R3.1:total + T3:R3.2:total', '正文所称予以公开及部分公开件数与表三（一）（二）总计之和一致', 'disclosed in full or in part, as the text says, agrees with Table 3 “予以公开” + “部分公开” totals'),
  text('text.withheld', 'sum(T3:R3.3.*:total)', '正文所称不予公开件数与表三（三）各项总计之和一致', 'withheld, as the text says, agrees with the sum of Table 3 “不予公开” totals'),
  text('text.unavailable', 'sum(T3:R3.4.*:total)', '正文所称无法提供件数与表三（四）各项总计之和一致', 'could not be provided, as the text says, agrees with the sum of Table 3 “无法提供” totals'),
  text('text.not_processed', 'sum(T3:R3.5.*:total)', '正文所称不予处理件数与表三（五）各项总计之和一致', 'not processed, as the text says, agrees with the sum of Table 3 “不予处理” totals'),
  text('text.other_processing', 'sum(T3:R3.6.*:total)', '正文所称其他处理件数与表三（六）总计一致', 'otherwise processed, as the text says, agrees with Table 3 “其他处理” totals'),
  text('text.carried_over', 'T3:R4:total', '正文所称结转下年度件数与表三结转下年度总计一致', 'carried over to next year, as the text says, agrees with Table 3 “结转下年度” total'),
  text('text.review', 'T4:R1:review.total', '正文所称行政复议件数与表四行政复议总计一致', 'administrative reviews, as the text says, agree with Table 4 review total'),
  text('text.suit', 'T4:R1:suit.total + T4:R1:suit_after_review.total', '正文所称行政诉讼件数与表四两类行政诉讼总计之和一致', 'lawsuits, as the text says, agree with Table 4 suit totals'),
  text('text.review_suit', 'T4:R1:review.total + T4:R1:suit.total + T4:R1:suit_after_review.total', '正文所称行政复议与行政诉讼合计件数与表四三项总计之和一致', 'reviews and lawsuits together, as the text says, agree with the three Table 4 totals'),
];

const BY_ID = new Map(BUILTIN_RULES.map((r) => [r.id, r]));

/** The built-in rule `id`; an id not listed above is a programming error. */
export function builtinRule(id: string): BuiltinRule {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`built-in rule ${id} is not listed in core/rules/builtin.ts`);
  return r;
}
