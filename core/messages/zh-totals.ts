/**
 * 漏填的总计（core/check/blank-totals.ts）的中文文字：总计空白而其各项已填写。
 * en-totals.ts has the same keys; zh.ts spreads them into the catalogue.
 */

/** An omitted total as the sentence names it: where, and the sum of its parts. */
export interface OmittedShown {
  name: string;
  ref: string;
  value: string;
}

export const zhTotals = {
  'check.total_blank': (p: { count: number; totals: OmittedShown[]; more: number }) =>
    `总计空白 ${p.count} 处，而其各项已填写（漏填的总计，不是不平衡）：${p.totals
      .map((t) => `${t.name}（${t.ref}）按各项之和应为 ${t.value}`)
      .join('；')}${p.more ? `；另有 ${p.more} 处` : ''}。各等式按各项之和检查；请填入上述数值`,
  'check.omitted_value': (p: { value: string }) => `空白（按各项之和为 ${p.value}）`,
  'batch.rule.cell.total_blank': () => '总计应填写（各项之和）',
};
