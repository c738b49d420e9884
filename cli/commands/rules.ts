/** xxgk rules [--format 2019|2021] — every rule family in the domain's words. */
import { FORMS } from '../../core/forms';
import { BUILTIN_RULES, compileRules } from '../../core/rules';
import { formNamed, guarded, langIn, langOf, parse } from '../args';
import { out as print } from '../terminal';

const HELP = `用法 / usage:
  xxgk rules [--format 2019|2021] [--lang zh|en]
`;

export function run(argv: string[]): Promise<number> {
  let lang = langIn(argv);
  return guarded(
    async () => {
      const { values } = parse(argv, { format: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
      lang = langOf(values.lang);
      if (values.help) {
        process.stdout.write(HELP);
        return 0;
      }
      const forms = values.format ? [formNamed(values.format, lang)] : FORMS;
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
      for (const r of BUILTIN_RULES) out.push(`  ${r.id}  [${r.severity}]  ${r.description[lang]}`);
      print(out.join('\n') + '\n');
      return 0;
    },
    () => lang,
    HELP,
  );
}
