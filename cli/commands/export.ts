/**
 * xxgk export FILE --to html|xlsx|csv|json -o OUT [--allow-errors] [--sheet NAME] [--lang zh|en]
 * The final tables of a report (any file check reads: workbook, text or HTML) in the form agencies
 * publish. A report with error findings is refused (nothing written) unless --allow-errors.
 */
import * as path from 'path';
import { printHelp } from '../usage';
import { ExportRefused, exportRefusal, exportCsv, exportHtml, exportJson, exportXlsx } from '../../core/export';
import type { Lang } from '../../core/model/findings';
import { say } from '../../core/messages';
import { fail, langIn, langOf, parse, UsageError, Refusal } from '../args';
import { Inputs, oneFile, planOutput, readReportFiles, writeOutput } from '../files';
import { err, out, shown } from '../terminal';

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
    if (values.help) return printHelp(lang, 'cli.usage.export');
    if (positionals.length !== 1) throw new UsageError(say(lang, 'cli.one_input', { what: 'export' }));
    if (!values.output) throw new UsageError(say(lang, 'cli.missing_output'));
    const ext = path.extname(values.output).slice(1).toLowerCase();
    const to = (values.to ?? (ext === 'htm' ? 'html' : ext)) as To;
    if (!FORMATS.includes(to))
      throw new UsageError(say(lang, 'cli.export_to', { value: shown(values.to ?? ext), known: FORMATS.join('|') }));
    const file = oneFile(positionals[0], lang);
    const output = planOutput(values.output, lang, new Inputs([file]));
    let reports = await readReportFiles([file], lang);
    if (values.sheet !== undefined) reports = reports.filter((r) => r.report.sheet === values.sheet);
    if (reports.length !== 1) {
      // Several on one sheet (side by side, one under another): --sheet cannot pick one of them.
      const sheets = [...new Set(reports.map((r) => r.report.sheet ?? ''))];
      throw new Refusal(
        reports.length > 1 && sheets.length === 1
          ? say(lang, 'cli.several_on_sheet', {
              file: shown(file),
              sheet: shown(sheets[0]),
              reports: reports.map((r) => ({ agency: r.report.agency && shown(r.report.agency), area: r.report.area ?? '' })),
            })
          : reports.length
            ? say(lang, 'cli.several_reports', { file: shown(file), sheets: sheets.map(shown) })
            : values.sheet !== undefined
              ? say(lang, 'cli.no_report_on_sheet', { file: shown(file), sheet: shown(values.sheet) })
              : say(lang, 'cli.no_report_tables', { file: shown(file) }),
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
        // Several lines: each piece of text from the file shown() on its own, the refusal's line breaks kept.
        err(`xxgk: ${shown(file)}: ${exportRefusal(lang, e.where, e.findings, shown)}\n`);
        return 1;
      }
      throw e;
    }
    writeOutput(output, data);
    out(`${say(lang, 'cli.exported', { file: shown(values.output), to })}\n`);
    return 0;
  } catch (e) {
    return fail(e, lang, 'cli.usage.export');
  }
}
