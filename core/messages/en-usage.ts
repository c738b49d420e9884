/** The command-line help (xxgk --help, xxgk COMMAND --help) in English: the keys of zh-usage.ts. */
import type { zhUsage } from './zh-usage';

/** How every command treats its input and output files (cli/write.ts). */
const OUTPUT = `Output files (-o, --report, --notices):
  an input is never replaced; a link is followed (the file it points to is replaced, the link stays);
  a device (/dev/null) is written through; a pipe or a folder is refused. Inputs: regular files only.
  Names made from a department's name (--notices, template --agencies) are never written through a
  link and never replace a file already there; the --notices folder is replaced as a whole by this
  run's notices, and refused when it holds other files. In a folder, hidden files, lock files (~$…)
  and xxgk's own totals, check reports, notices and exports are not read, each said; a file named on
  the command line is always read.`;

const LANG = `  --lang zh|en                 language of the output: Chinese unless LANG starts with en`;
const HELP = `  -h, --help                   show this help`;
const EXIT = `Exit status: 0 all clean; 1 errors or unreadable files; 2 bad command line`;

const page = (...parts: string[]) => `${parts.join('\n\n')}\n`;

export const enUsage: typeof zhUsage = {
  'cli.usage.main': () =>
    page(
      'xxgk: tables of the annual government information disclosure report',
      `Usage:
  xxgk check FILE|FOLDER…                  check reports (Excel, WPS, Word, PDF, web pages, text)
  xxgk rules                               list the rules checked
  xxgk template --year YEAR -o OUT.xlsx    write a blank template (pre-filled from last year's report)
  xxgk fill FILE -o OUT.xlsx               fill in blank totals and last year's carry-over
  xxgk sum FILE… -o TOTAL.xlsx             add up the reports of several departments
  xxgk export FILE -o OUT                  export as a web page, .xlsx, .csv or .json
  xxgk import FILE [-o OUT.xlsx]           read a published report (web page, text, Word, PDF) and check it
  xxgk evaluate FOLDER…                    evaluate a region's reports over the years: chain and score each agency`,
      `The options of each command: xxgk COMMAND --help, e.g. xxgk check --help.\n${LANG}`,
      OUTPUT,
      EXIT,
    ),
  'cli.usage.check': () =>
    page(
      `Usage: xxgk check FILE|FOLDER… [options]
Checks the tables in Excel (.xlsx .xls .et .ods), WPS, Word (.docx), PDF, web page and text files.
Every file in a folder is listed with its verdict, files that are not reports too.`,
      `Options:
  --year YEAR                  the year being collected (e.g. 2025): reports of another year or format are flagged
  --agencies LIST.txt          the departments expected, one a line: lists those missing, duplicated or unlisted
                               a name one or two characters from a listed one counts as it, said; punctuation-only lines are ignored
  --prefer newest|passing|revision
                               which of several different reports of one department counts. Unless given: the
                               one that passes and the one named as a revision ("修改后", "终稿", "定稿", v2,
                               (1), "第二版"…); when these disagree or tell nothing, all stay for you to choose.
                               newest: the last modified; passing: the one that passes first; revision: the
                               one named as a revision first
  --keep FILE                  the file to count (may be given more than once): the department's others are duplicates
  --report OUT.xlsx            write the batch results (.xlsx, .html or .csv)
  --notices FOLDER             write a send-back notice for every department that must correct something
  --notices-format html|xlsx   the notices as web pages (unless given) or .xlsx workbooks
  --deadline YYYY-MM-DD        the day by which the notices ask for the corrected report
  --contact TEXT               who to ask, in the notices (e.g. "Zhang San 0371-12345678")
  --office NAME                the office that sends the notices (their signature)
  --prior FILE|FOLDER          last year's reports, for the cross-year checks
  --rules RULES.txt            extra rules (may be given more than once)
  --json                       print the results as JSON
  --jobs N                     files checked at once (at most the processors and memory of the machine)
  -q, --quiet                  no progress line
${LANG}
${HELP}`,
      OUTPUT,
      EXIT,
    ),
  'cli.usage.rules': () =>
    page(
      `Usage: xxgk rules [options]
Lists the rules checked for each format: id, severity, description and the rule as written.`,
      `Options:
  --format 2019|2021           only the rules of this format
${LANG}
${HELP}`,
    ),
  'cli.usage.template': () =>
    page(
      `Usage: xxgk template --year YEAR [options] -o OUT.xlsx
       xxgk template --year YEAR --agencies LIST.txt [--from FOLDER] -o FOLDER
Writes a blank template of the tables; with last year's report, pre-filled with its carry-over.`,
      `Options:
  --year YEAR                  the report year, which decides the format
  --format 2019|2021           this format (not the year's)
  --agency NAME                the department named on the template
  --agencies LIST.txt          one template for every department on the list, in the folder given by -o
  --from FILE|FOLDER           last year's reports, matched by department, to pre-fill from
  -o OUT                       the template (.xlsx), or the folder with --agencies
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.fill': () =>
    page(
      `Usage: xxgk fill FILE -o OUT.xlsx [options]
Reads a filled report, fills in blank totals and (with last year's report) the carry-over, and writes it in the official layout.`,
      `Options:
  --prior LAST_YEAR_FILE       fill this year's carry-over from last year's report
  --sheet SHEET                the report to fill when the file holds several
  --json                       print what was filled as JSON
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.sum': () =>
    page(
      `Usage: xxgk sum FILE… -o TOTAL.xlsx [options]
       xxgk sum FOLDER --only-clean [--year YEAR] -o TOTAL.xlsx
Adds up the reports of one year and format cell by cell into one report, with a sheet listing the inputs.`,
      `Options:
  --only-clean                 sum only the reports that pass; the others are listed with the reason (also in the inputs sheet)
  --agencies LIST.txt          name the listed departments without a report (also in the inputs sheet)
  --year YEAR                  with --only-clean: only the reports of this year
  --keep FILE                  when a department has several reports, sum this one (repeatable); the others are listed with why
  --force                      sum even when formats or years differ, or a department has several reports
  --allow-errors               sum reports with errors too
  --agency NAME                the department named on the total
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.export': () =>
    page(
      `Usage: xxgk export FILE -o OUT [options]
Exports the tables of a report for publishing. A report with errors is not exported unless --allow-errors.`,
      `Options:
  --to html|xlsx|csv|json      the output format (by the extension of -o unless given)
  --sheet SHEET                the report to export when the file holds several
  --allow-errors               export even with errors
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.import': () =>
    page(
      `Usage: xxgk import FILE [-o OUT.xlsx] [options]
Reads a published report (web page, text, Word, PDF or workbook), finds its tables and checks them,
including the figures its text quotes; with -o, writes them as a workbook in the official layout.`,
      `Options:
  -o OUT.xlsx                  write a workbook in the official layout
  --json                       print the tables read and the findings as JSON
${LANG}
${HELP}`,
      OUTPUT,
    ),
};
