/**
 * xxgk fill FILE -o OUT.xlsx [--prior LAST_YEAR_FILE] [--lang zh|en] [--json]
 * Reads a filled workbook (any layout check reads), fills blank totals from their parts and, with
 * --prior, 上年结转 from last year's report, and writes a clean workbook in the official layout.
 */
import type { Finding, Lang } from '../../core/model/findings';
import { getForm } from '../../core/forms';
import { say } from '../../core/messages';
import { fillReport } from '../../core/template/fill';
import { writeTemplate } from '../../core/template/xlsx';
import { fail, L, langIn, langOf, parse, UsageError } from '../args';
import { Inputs, oneFile, planOutput, readReportFiles, writeOutput } from '../files';
import { jsonText, out, shown } from '../terminal';
import { OUTPUT_NOTE } from '../usage';

const HELP = `用法 / usage:
  xxgk fill FILE -o OUT.xlsx [--prior LAST_YEAR_FILE] [--sheet NAME] [--lang zh|en] [--json]

${OUTPUT_NOTE}`;

export function printFindings(findings: Finding[], lang: Lang): void {
  const mark = { error: L(lang, '错误', 'error'), warning: L(lang, '警告', 'warning'), notice: L(lang, '提示', 'notice') };
  for (const f of findings) out(`  [${mark[f.severity]}] ${shown(f.cells[0]?.ref ?? '')} ${shown(f.message)}\n`);
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
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(L(lang, '请给出一个要填充的文件', 'give exactly one file to fill'));
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
      throw new Error(say(lang, 'locate.several_to_fill', { file, sheet: r0.sheet ?? '', reports: list }));
    }
    if (reports.length !== 1) {
      throw new Error(
        reports.length
          ? L(
              lang,
              `${file} 含 ${reports.length} 份报告（${reports.map((r) => r.report.sheet).join('、')}），请用 --sheet 指定一份`,
              `${file} holds ${reports.length} reports (${reports.map((r) => r.report.sheet).join(', ')}); pick one with --sheet`,
            )
          : L(lang, `${file} 中没有工作表 ${values.sheet}`, `${file} has no report on sheet ${values.sheet}`),
      );
    }
    const { report } = reports[0];
    let prior = null;
    if (values.prior) {
      const priors = await readReportFiles([values.prior], lang);
      if (priors.length !== 1)
        throw new Error(
          L(
            lang,
            `--prior ${values.prior} 应只含一份报告，实有 ${priors.length} 份`,
            `--prior ${values.prior} should hold one report, found ${priors.length}`,
          ),
        );
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
    writeOutput(output, data);
    if (values.json)
      process.stdout.write(
        jsonText(JSON.stringify({ input: file, output: values.output, filled: res.filled, findings: res.findings }, null, 2)) + '\n',
      );
    else {
      out(
        L(
          lang,
          `已写出 ${shown(values.output)}：填入 ${res.filled.length} 格\n`,
          `wrote ${shown(values.output)}: ${res.filled.length} cells filled\n`,
        ),
      );
      printFindings(res.findings, lang);
    }
    return 0;
  } catch (e) {
    return fail(e, lang, HELP);
  }
}
