/**
 * xxgk fill FILE -o OUT.xlsx [--prior LAST_YEAR_FILE] [--lang zh|en] [--json]
 * Reads a filled workbook (any layout check reads), fills blank totals from their parts and, with
 * --prior, 上年结转 from last year's report, and writes a clean workbook in the official layout.
 */
import type { Finding, Lang } from '../../core/model/findings';
import { getForm } from '../../core/forms';
import { placeName, say } from '../../core/messages';
import { fillReport } from '../../core/template/fill';
import { judgeFill } from '../../core/template/fill-guard';
import { readReports } from '../../core/read';
import { writeTemplate } from '../../core/template/xlsx';
import { fail, langIn, langOf, parse, UsageError, Refusal } from '../args';
import { Inputs, oneFile, planOutput, readReportFiles, writeOutput } from '../files';
import { jsonText, out, shown } from '../terminal';
import { printHelp } from '../usage';

export function printFindings(findings: Finding[], lang: Lang): void {
  for (const f of findings)
    out(
      `  [${say(lang, 'cli.severity', { severity: f.severity })}] ${shown(placeName(lang, f.cells[0]?.ref ?? ''))} ${shown(f.message)}\n`,
    );
}

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  try {
    const { values, positionals } = parse(argv, {
      output: { type: 'string', short: 'o' },
      prior: { type: 'string' },
      sheet: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) return printHelp(lang, 'cli.usage.fill');
    if (positionals.length !== 1) throw new UsageError(say(lang, 'cli.one_input', { what: 'fill' }));
    if (!values.output) throw new UsageError(say(lang, 'cli.missing_output'));
    const file = oneFile(positionals[0], lang);
    const output = planOutput(values.output, lang, new Inputs(values.prior ? [file, values.prior] : [file]));
    let reports = await readReportFiles([file], lang);
    if (values.sheet) reports = reports.filter((r) => r.report.sheet === values.sheet);
    const shared = reports.filter((r) => r.report.area);
    if (reports.length > 1 && shared.length) {
      const r0 = shared[0].report;
      const list = shared
        .filter((r) => r.report.sheet === r0.sheet)
        .map((r) => ({ agency: r.report.agency ?? '', area: r.report.area ?? '' }));
      throw new Refusal(say(lang, 'locate.several_to_fill', { file, sheet: r0.sheet ?? '', reports: list }));
    }
    if (reports.length !== 1) {
      throw new Refusal(
        reports.length
          ? say(lang, 'cli.several_reports', { file: shown(file), sheets: reports.map((r) => shown(r.report.sheet ?? '')) })
          : say(lang, 'cli.no_report_on_sheet', { file: shown(file), sheet: shown(values.sheet ?? '') }),
      );
    }
    const { report } = reports[0];
    let prior = null;
    if (values.prior) {
      const priors = await readReportFiles([values.prior], lang);
      if (priors.length !== 1) throw new Refusal(say(lang, 'cli.prior_not_one', { file: shown(values.prior), n: priors.length }));
      prior = priors[0].report;
    }
    const res = fillReport(report, { prior, lang });
    const data = await writeTemplate(getForm(report.format), {
      year: report.year,
      agency: report.agency,
      variants: report.variants,
      values: res.values,
      notes: res.notes,
      blankTotals: 'blank',
    });
    // Read back and checked before anything is written: an output with more errors is refused.
    // The written workbook holds one report in the official layout (with its tag).
    const [written] = readReports(data, values.output);
    const verdict = judgeFill(report, written, lang);
    if (!verdict.ok)
      throw new Refusal(
        say(lang, 'cli.fill_refused', {
          file: shown(values.output),
          before: verdict.before,
          after: verdict.after,
          errors: verdict.added.slice(0, 3).map((f) => shown(f.message)),
        }),
      );
    writeOutput(output, data);
    const notFilled = new Set(
      res.findings.filter((f) => f.rule === 'fill.total_unknown' || f.rule === 'fill.formula_unknown').map((f) => f.instance),
    ).size;
    if (values.json)
      process.stdout.write(
        jsonText(
          JSON.stringify(
            {
              input: file,
              output: values.output,
              filled: res.filled,
              errors: { before: verdict.before, after: verdict.after },
              findings: res.findings,
            },
            null,
            2,
          ),
        ) + '\n',
      );
    else {
      out(`${say(lang, 'cli.filled', { file: shown(values.output), cells: res.filled.length })}\n`);
      if (notFilled) out(`${say(lang, 'cli.fill_not_filled', { n: notFilled })}\n`);
      printFindings(res.findings, lang);
    }
    // Written (it only improves the report), but not all that was asked: say so in the status too.
    return notFilled ? 1 : 0;
  } catch (e) {
    return fail(e, lang, 'cli.usage.fill');
  }
}
