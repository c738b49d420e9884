/**
 * xxgk import FILE [-o OUT.xlsx] [--json] [--lang zh|en]
 * Reads a report as published (a web page, text copied from one, a Word document, a PDF, or a
 * workbook: any kind of the input registry, recognised as `check` recognises it),
 * finds its tables, checks them (text.* rules included) and, with -o, writes them into a
 * workbook in the official layout (the template, values filled in) that `xxgk check` reads back.
 */
import { confront, formOf } from '../../core/check';
import { exportTables } from '../../core/export';
import { isClean, type Lang, type ReportResult } from '../../core/model/findings';
import { getForm } from '../../core/forms';
import { placeName, say } from '../../core/messages';
import type { ReportData } from '../../core/model/report';
import { textFindings } from '../../core/rules/text';
import { reportValues } from '../../core/template/fill';
import { writeTemplate } from '../../core/template/xlsx';
import { readReportsBounded } from '../read-child';
import { fail, langIn, langOf, parse, UsageError, Refusal } from '../args';
import { Inputs, oneFile, planOutput, writeOutput } from '../files';
import { jsonText, out, shown } from '../terminal';
import { printHelp } from '../usage';

function print(file: string, report: ReportData, res: ReportResult, lang: Lang): void {
  const w = (s: string) => out(`${s}\n`);
  const agency = res.agency === null ? null : shown(res.agency);
  w(say(lang, 'cli.import.head', { file: shown(file), format: res.format, year: res.year, agency }));
  w(`  ${say(lang, 'cli.import.tables', { tables: report.tables, lines: report.textLines?.length ?? 0 })}`);
  for (const n of res.notes) w(`  ${say(lang, 'cli.summary.note', { note: shown(n) })}`);
  for (const f of res.findings)
    w(`  [${say(lang, 'cli.severity', { severity: f.severity })}] ${shown(placeName(lang, f.cells[0]?.ref ?? ''))} ${shown(f.message)}`);
  if (!res.findings.length) w(`  ${say(lang, 'cli.import.clean')}`);
}

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  try {
    const { values, positionals } = parse(argv, {
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) return printHelp(lang, 'cli.usage.import');
    if (positionals.length !== 1) throw new UsageError(say(lang, 'cli.one_input', { what: 'import' }));
    if (values.output && !/\.xlsx$/i.test(values.output))
      throw new UsageError(say(lang, 'cli.output_xlsx', { file: shown(values.output) }));
    const file = oneFile(positionals[0], lang);
    const output = values.output ? planOutput(values.output, lang, new Inputs([file])) : null;
    // The same reader and limits as `xxgk check` (size; memory and time in a child process: cli/read-child.ts).
    // ReadError (no tables, not a report…) is printed in the asked language by fail().
    const reports: ReportData[] = await readReportsBounded(file);
    if (values.output && reports.length > 1) throw new Refusal(say(lang, 'cli.import_several', { file: shown(file), n: reports.length }));
    const results = reports.map((r) => confront(r, { lang, textRules: textFindings }));
    let notWritten: unknown = null;
    if (values.output) {
      const r = reports[0];
      const workbook = await writeTemplate(getForm(r.format), {
        year: r.year,
        agency: r.agency,
        variants: r.variants,
        values: reportValues(formOf(r), r),
        blankTotals: 'blank',
      });
      try {
        writeOutput(output!, workbook);
      } catch (e) {
        notWritten = e; // the results are still printed below
      }
    }
    if (values.json) {
      const docs = reports.map((r, i) => ({
        ...exportTables(r, { allowErrors: true }),
        notes: results[i].notes,
        textLines: r.textLines ?? [],
        findings: results[i].findings,
      }));
      process.stdout.write(`${jsonText(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2))}\n`);
    } else {
      reports.forEach((r, i) => print(file, r, results[i], lang));
      if (values.output && !notWritten) out(`${say(lang, 'cli.written', { file: shown(values.output) })}\n`);
    }
    if (notWritten) return fail(notWritten, lang, 'cli.usage.import');
    return results.some((r) => !isClean(r)) ? 1 : 0;
  } catch (e) {
    return fail(e, lang, 'cli.usage.import');
  }
}
