/**
 * 报告中公式的重新计算（core/check/recalc.ts）和 fill 的自查（core/template/fill-guard.ts）的中文文字。
 * en-formulas.ts has the same keys; zh.ts spreads them into the catalogue.
 */

/** Why a formula was not computed (core/formula-eval.ts Unknowable), in words. */
export type FormulaWhy =
  | { why: 'function'; name: string }
  | { why: 'sheet'; sheet: string }
  | { why: 'outside'; ref: string }
  | { why: 'circular'; ref: string }
  | { why: 'syntax' };

export interface StaleShown {
  name: string;
  ref: string;
  saved: string;
  computed: string;
}

const why = (w: FormulaWhy) =>
  w.why === 'function'
    ? `用到了本工具不计算的函数或名称 ${w.name}`
    : w.why === 'sheet'
      ? `引用了其他工作表“${w.sheet}”`
      : w.why === 'outside'
        ? `引用了报告表格以外的单元格 ${w.ref}`
        : w.why === 'circular'
          ? `是循环引用（经过 ${w.ref}）`
          : '写法无法识别';

export const zhFormulas = {
  'check.formula_stale': (p: { count: number; formulas: StaleShown[]; more: number }) =>
    `${p.count} 个公式保存的结果与按公式由单元格算得的不符：${p.formulas
      .map((c) => `${c.name}（${c.ref}）保存 ${c.saved}，算得 ${c.computed}`)
      .join(
        '；',
      )}${p.more ? `；另有 ${p.more} 个` : ''}。文件由不重新计算公式的程序改过。请在 Excel 或 WPS 中按 F9 重新计算（或打开后重新保存）再报送；各项检查按重新算得的数值进行`,
  'check.formula_unevaluated': (p: { formula: string; why: FormulaWhy }) =>
    `公式 =${p.formula} 没有保存计算结果，且${why(p.why)}，无法算出，涉及此格的等式未检查；请在 Excel 或 WPS 中打开并保存，使公式保存结果`,
  'check.formula_unchecked': (p: { formula: string; why: FormulaWhy }) =>
    `公式 =${p.formula} ${why(p.why)}，未重新计算，按其保存的结果检查`,
  'cli.summary.formulas_computed': (p: { n: number; cells: string[]; more: boolean }) =>
    `${p.n} 个公式没有保存计算结果，已按公式算出：${p.cells.join('、')}${p.more ? '…' : ''}`,
  // fill (core/template/fill.ts, cli/commands/fill.ts): what it wrote differently, and its refusal.
  'template.fill_formula_differs': (p: { formula: string; own: string; sum: string }) =>
    `公式 =${p.formula} 算得 ${p.own}，与各项之和 ${p.sum} 不符：写为数值 ${p.own}，未改（请核对公式）`,
  'template.fill_text_number': (p: { raw: string; value: string }) => `文本“${p.raw}”写为数字 ${p.value}`,
  'template.fill_formula_value': (p: { formula: string; value: string }) =>
    `公式 =${p.formula} 写为其结果 ${p.value}（正式格式中此格不是按各项求和的合计）`,
  'template.fill_formula_replaced': (p: { formula: string; value: string }) =>
    `公式 =${p.formula} 没有保存结果且无法算出，已按各项之和填入 ${p.value}（写为求和公式）`,
  'cli.fill_not_filled': (p: { n: number }) => `未能填入 ${p.n} 格（见下）`,
  'cli.fill_refused': (p: { file: string; before: number; after: number; errors: string[] }) =>
    `未写出「${p.file}」：填充后的报告有 ${p.after} 个错误，比原文件的 ${p.before} 个多，填充不会让报告变差。新增的错误：${p.errors.join('；')}`,
  'batch.rule.cell.formula_stale': () => '公式保存的结果应与单元格一致（保存前重新计算）',
  'batch.rule.cell.formula_unevaluated': () => '公式应保存计算结果',
  'batch.rule.cell.formula_unchecked': () => '公式用到本工具不计算的函数或引用',
};
