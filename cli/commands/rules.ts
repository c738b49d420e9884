/** xxgk rules [--format 2019|2021] — every rule family in the domain's words. */
import { FORMS, getForm } from '../../core/forms';
import { compileRules } from '../../core/rules';
import { guarded, langOf, parse } from '../args';

/** Rules checked in code rather than as equations (formats.md), described for people. */
const CELL_RULES: [string, string, string, string][] = [
  [
    'cell.not_number',
    'error',
    '单元格内容不是数字（“若干”等）；所在等式按其求解并给出建议值',
    'the cell holds text that is no number; its equations are solved for it',
  ],
  ['cell.integer', 'error', '件数为整数', 'a count is a whole number'],
  ['cell.nonnegative', 'error', '件数和金额不为负（本年增/减除外）', 'counts and money are not negative (except the yearly change)'],
  ['cell.decimals', 'error', '金额（万元）最多 4 位小数', 'money (万元) has at most 4 decimals'],
  [
    'cell.blank',
    'warning',
    '单元格空白或填“/”“—”“无”：按 0 计算并提示',
    'blank or a placeholder ("/", "—", "无"): counted as 0, and reported',
  ],
  [
    'cell.text_number',
    'notice',
    '以文本写的数字（“12件”、全角数字、千分位）按数字读取并提示',
    'a number written as text ("12件", full-width digits) is read as the number',
  ],
  [
    'cell.formula_computed',
    'notice',
    '公式未保存计算结果时，按公式由所加各格算出',
    'a formula saved without its result is computed from the cells it adds',
  ],
  [
    'format.year_mismatch',
    'warning',
    '报告年度与表格格式不符（按实有格式检查）',
    'the layout is not the format of the report year (checked as the layout it has)',
  ],
  ['format.old_rows', 'warning', '2021 格式的报告仍用旧的（六）其他处理单行', 'a 2021-format report prints the old single （六） row'],
  [
    'format.missing_cells',
    'warning',
    '表格缺少的行或单元格，以及因此未检查的等式',
    'rows or cells a table lacks, and the equations left unchecked for it',
  ],
  ['format.missing_table', 'warning', '没有找到的表格，以及因此未检查的等式', 'a table not found, and the equations left unchecked for it'],
  ['text.*', 'warning', '正文引用的数字（收到、办结、结转、复议、诉讼件数）与表格一致', 'figures quoted in the text agree with the tables'],
];

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parse(argv, { format: { type: 'string' }, lang: { type: 'string' } });
    const lang = langOf(values.lang);
    const forms = values.format ? [getForm(values.format)] : FORMS;
    const out: string[] = [];
    for (const form of forms) {
      out.push(
        lang === 'en'
          ? `Format ${form.key} — ${form.issuedBy}, report years ${form.years.from}–${form.years.to ?? ''}`
          : `格式 ${form.key}（${form.issuedBy}，适用于 ${form.years.from}${form.years.to ? `–${form.years.to}` : ' 年起'}${form.years.to ? ' 年度' : ''}报告）`,
        '',
      );
      for (const f of compileRules(form).families) {
        out.push(
          `  ${f.id}  [${f.severity}${f.total ? ', total' : ''}]  ${lang === 'en' ? `${f.instances.length} instances` : `${f.instances.length} 个实例`}`,
        );
        if (f.description) out.push(`    ${lang === 'en' ? f.description.en : f.description.zh}`);
        out.push(`    ${f.text.slice(f.text.indexOf(':') + 1).trim()}`, '');
      }
    }
    out.push(lang === 'en' ? 'Cell and format checks (every value cell):' : '单元格与格式检查（每个数值单元格）：');
    for (const [id, sev, zh, en] of CELL_RULES) out.push(`  ${id}  [${sev}]  ${lang === 'en' ? en : zh}`);
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  });
}
