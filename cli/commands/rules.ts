/** xxgk rules [--format 2019|2021] — every rule family in the domain's words. */
import { FORMS } from '../../core/forms';
import { say } from '../../core/messages';
import { BUILTIN_RULES, compileRules } from '../../core/rules';
import { formNamed, guarded, langIn, langOf, parse } from '../args';
import { out as print } from '../terminal';
import { printHelp } from '../usage';

export function run(argv: string[]): Promise<number> {
  let lang = langIn(argv);
  return guarded(
    async () => {
      const { values } = parse(argv, { format: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
      lang = langOf(values.lang);
      if (values.help) return printHelp(lang, 'cli.usage.rules');
      const forms = values.format ? [formNamed(values.format, lang)] : FORMS;
      const out: string[] = [];
      for (const form of forms) {
        out.push(say(lang, 'cli.rules.form', { format: form.key, issuedBy: form.issuedBy, from: form.years.from, to: form.years.to }), '');
        for (const f of compileRules(form).families) {
          // The id stands in a column of its own; the rule as written (the rule language of --rules) after its description.
          out.push(
            `  ${f.id}  [${say(lang, 'cli.rules.family', { severity: f.severity, total: !!f.total, instances: f.instances.length })}]`,
          );
          if (f.description) out.push(`    ${f.description[lang]}`);
          out.push(`    ${say(lang, 'cli.rules.written', { rule: f.text.slice(f.text.indexOf(':') + 1).trim() })}`, '');
        }
      }
      out.push(say(lang, 'cli.rules.cells'));
      for (const r of BUILTIN_RULES)
        out.push(`  ${r.id}  [${say(lang, 'cli.severity', { severity: r.severity })}]  ${r.description[lang]}`);
      print(out.join('\n') + '\n');
      return 0;
    },
    () => lang,
    'cli.usage.rules',
  );
}
