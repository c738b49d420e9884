/**
 * xxgk export FILE --to html|xlsx|csv|json -o OUT [--allow-errors] [--sheet NAME] [--lang zh|en]
 * The final tables of a report (any file check reads: workbook, text or HTML) in the form agencies
 * publish. A report with error findings is refused (nothing written) unless --allow-errors.
 */
import * as path from 'path';
import { OUTPUT_NOTE } from '../usage';
import { ExportRefused, exportCsv, exportHtml, exportJson, exportXlsx } from '../../core/export';
import type { Lang } from '../../core/model/findings';
import { say } from '../../core/messages';
import { fail, L, langIn, langOf, parse, UsageError } from '../args';
import { Inputs, oneFile, planOutput, readReportFiles, writeOutput } from '../files';
import { err, out, shown } from '../terminal';

const HELP = `用法 / usage:
  xxgk export FILE --to html|xlsx|csv|json -o OUT [--allow-errors] [--sheet NAME] [--lang zh|en]

${OUTPUT_NOTE}`;

const FORMATS = ['html', 'xlsx', 'csv', 'json'] as const;
type To = (typeof FORMATS)[number];

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  try {
    const { values, positionals } = parse(argv, {
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'allow-errors': { type: 'boolean' },
      sheet: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(L(lang, '请给出一个要导出的文件', 'give exactly one file to export'));
    if (!values.output) throw new UsageError(say(lang, 'cli.missing_output'));
    const ext = path.extname(values.output).slice(1).toLowerCase();
    const to = (values.to ?? (ext === 'htm' ? 'html' : ext)) as To;
    if (!FORMATS.includes(to)) throw new UsageError(L(lang, `--to 应为 ${FORMATS.join('|')}`, `--to must be one of ${FORMATS.join('|')}`));
    const file = oneFile(positionals[0], lang);
    const output = planOutput(values.output, lang, new Inputs([file]));
    let reports = await readReportFiles([file], lang);
    if (values.sheet !== undefined) reports = reports.filter((r) => r.report.sheet === values.sheet);
    if (reports.length !== 1) {
      throw new Error(
        reports.length
          ? L(
              lang,
              `${file} 含 ${reports.length} 份报告（${reports.map((r) => r.report.sheet).join('、')}），请用 --sheet 指定一份`,
              `${file} holds ${reports.length} reports (${reports.map((r) => r.report.sheet).join(', ')}); pick one with --sheet`,
            )
          : values.sheet !== undefined
            ? L(lang, `${file} 中没有工作表 ${values.sheet} 上的报告`, `${file} has no report on sheet ${values.sheet}`)
            : L(lang, `${file} 中没有找到报告表格`, `${file}: no report tables found`),
      );
    }
    const { report } = reports[0];
    const opts = { lang, allowErrors: values['allow-errors'] === true };
    let data: Uint8Array;
    try {
      switch (to) {
        case 'html':
          data = new TextEncoder().encode(exportHtml(report, lang, opts));
          break;
        case 'csv':
          data = new TextEncoder().encode(exportCsv(report, lang, opts));
          break;
        case 'json':
          data = new TextEncoder().encode(exportJson(report, lang, opts));
          break;
        case 'xlsx':
          data = await exportXlsx(report, lang, opts);
          break;
      }
    } catch (e) {
      if (e instanceof ExportRefused) {
        err(`xxgk: ${shown(file)}: ${shown(e.message)}\n`);
        return 1;
      }
      throw e;
    }
    writeOutput(output, data);
    out(L(lang, `已导出 ${shown(values.output)}（${to}）\n`, `exported ${shown(values.output)} (${to})\n`));
    return 0;
  } catch (e) {
    return fail(e, lang, HELP);
  }
}
