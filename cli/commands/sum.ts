/**
 * xxgk sum FILES… -o TOTAL.xlsx [--force] [--allow-errors] [--agency NAME] [--lang zh|en]
 * Sums department reports of one format and year cell by cell into one report in the official
 * layout, with an appendix sheet listing every input and its totals.
 */
import type { Lang } from '../../core/model/findings';
import { getForm } from '../../core/forms';
import * as path from 'path';
import { sameReportTwice, sumReports, type SumInput } from '../../core/template/sum';
import { writeTemplate } from '../../core/template/xlsx';
import { printFindings } from './fill';
import { say } from '../../core/messages';
import { fsPath, listInputFiles, listInputs } from '../../core/node/files';
import { FileError, fileErrorOf } from '../../core/node/errors';
import { ReadError } from '../../core/read/errors';
import { readReportsBounded, ReadStopped } from '../read-child';
import { statSync } from 'fs';
import { selectClean } from '../../core/batch';
import { fail, langIn, langOf, messageOf, parse, UsageError } from '../args';
import { matchListed, parseAgencyList } from '../../core/batch/agency';
import { decodeText } from '../../core/read/decode';
import { Inputs, listingLines, planOutput, readReportFiles, writeOutput } from '../files';
import { err, out, shown } from '../terminal';
import { printHelp } from '../usage';

/** The reports that pass, every other file listed on stderr with its verdict and reason (and kept for the workbook). */
async function cleanOnly(paths: string[], lang: Lang, year: string | undefined, agencies: string[] | null, keep: string[]) {
  const y = year === undefined ? null : Number(year);
  if (y !== null && !(Number.isInteger(y) && y >= 2008 && y <= 2100))
    throw new UsageError(say(lang, 'cli.year_invalid', { value: shown(year!) }));
  const files = [];
  const listing = listInputs(paths, []);
  // Every file of a folder that is not read is said, a line each (the same rule in every command).
  for (const line of listingLines(listing, lang)) err(`xxgk: ${line}\n`);
  for (const p of listing.files) {
    try {
      // The one reader, in a child process with check's limits: a device or a pipe among the files is refused, not read.
      const reports = await readReportsBounded(p);
      files.push({ path: p, data: new Uint8Array(0), reports, mtime: statSync(fsPath(p)).mtimeMs });
    } catch (e) {
      // Listed with why it could not be read (not found, a device, too large, no tables), never dropped.
      const why = e instanceof ReadError || e instanceof FileError || e instanceof ReadStopped ? e : fileErrorOf(e, p);
      let mtime: number | null = null;
      try {
        mtime = statSync(fsPath(p)).mtimeMs;
      } catch {
        // not there: no time
      }
      files.push({ path: p, data: new Uint8Array(0), mtime, error: { code: why.code, message: why.messageIn(lang) } });
    }
  }
  const chosen = keptFiles(keep, listing.files, lang);
  const sel = await selectClean(files, { lang, year: y, agencies, keep: chosen });
  // The file's name and the reason (a finding's words, a cell's text) are the files': each shown() on one line.
  // A listed department that sent nothing is said below, with the others missing.
  const leftOut = sel.leftOut.filter((l) => !sel.batch.missing.includes(l.file));
  for (const l of leftOut) err(`${say(lang, 'batch.sum.left_out', { ...l, file: shown(l.file), reason: shown(l.reason) })}\n`);
  return { kept: sel.kept, leftOut, missing: sel.batch.missing };
}

/** The departments of the list (--agencies) no summed report is from: matched as check matches them (core/batch/agency.ts). */
/** --keep names files of the inputs (by path as given, or name alone); one that names none is a bad command line. */
function keptFiles(keep: readonly string[], files: readonly string[], lang: Lang): string[] {
  const chosen = (k: string) => files.filter((f) => f === k || path.basename(f) === k || path.resolve(f) === path.resolve(k));
  for (const k of keep) if (!chosen(k).length) throw new UsageError(say(lang, 'cli.keep_unknown', { file: shown(k) }));
  return keep.flatMap(chosen);
}

/** Of each department's several reports, the one named by --keep; the others left out, said with why. */
function keepChosen(inputs: SumInput[], keep: readonly string[], lang: Lang) {
  const fileOf = (i: SumInput) => i.name.replace(/#[^#/\\]*$/, '');
  const kept = new Set(keptFiles(keep, [...new Set(inputs.map(fileOf))], lang));
  const leftOut: { file: string; verdict: string; reason: string }[] = [];
  const drop = new Set<SumInput>();
  for (const group of sameReportTwice(inputs)) {
    const chosen = group.filter((i) => kept.has(fileOf(i)));
    if (!chosen.length) continue; // refused by the sum, naming them all
    for (const i of group)
      if (!chosen.includes(i)) {
        drop.add(i);
        leftOut.push({
          file: i.name,
          verdict: say(lang, 'sum.duplicate_verdict'),
          reason: say(lang, 'sum.kept_instead', { kept: chosen.map((c) => path.basename(fileOf(c))).join('、') }),
        });
      }
  }
  return { inputs: inputs.filter((i) => !drop.has(i)), leftOut };
}

const missingFrom = (listed: readonly string[], agencies: (string | null)[]) => {
  const found = new Set(agencies.map((a) => matchListed(a, listed)));
  return listed.filter((d) => !found.has(d));
};

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  try {
    const { values, positionals } = parse(argv, {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'allow-errors': { type: 'boolean' },
      agency: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'only-clean': { type: 'boolean' },
      year: { type: 'string' },
      agencies: { type: 'string' },
      keep: { type: 'string', multiple: true },
    });
    lang = langOf(values.lang);
    if (values.help) return printHelp(lang, 'cli.usage.sum');
    if (!positionals.length) throw new UsageError(say(lang, 'cli.sum_no_files'));
    if (!values.output) throw new UsageError(say(lang, 'cli.missing_output'));
    const output = planOutput(values.output, lang, new Inputs(listInputFiles(positionals, [])));
    let listed: string[] | null = null;
    if (values.agencies) {
      const { readInputFile } = await import('../../core/node/read');
      let text: Uint8Array;
      try {
        text = readInputFile(values.agencies);
      } catch (e) {
        throw new UsageError(messageOf(e, lang)); // a list that cannot be read is a bad command line
      }
      listed = parseAgencyList(decodeText(text));
      if (!listed.length) throw new UsageError(say(lang, 'cli.agencies_empty', { file: shown(values.agencies) }));
    }
    const keep = values.keep ?? [];
    const clean = values['only-clean'] ? await cleanOnly(positionals, lang, values.year, listed, keep) : null;
    const chosen = clean ? null : keepChosen(await readReportFiles(positionals, lang), keep, lang);
    const inputs = clean ? clean.kept : chosen!.inputs;
    const leftOut = clean ? clean.leftOut : chosen!.leftOut;
    for (const l of chosen?.leftOut ?? [])
      err(`${say(lang, 'batch.sum.left_out', { ...l, file: shown(l.file), reason: shown(l.reason) })}\n`);
    const missing = clean
      ? clean.missing
      : listed
        ? missingFrom(
            listed,
            inputs.map((i) => i.report.agency),
          )
        : [];
    for (const d of missing) err(`${say(lang, 'sum.missing', { department: shown(d) })}\n`);
    if (!inputs.length) {
      err(`${say(lang, 'batch.sum.none_clean')}\n${say(lang, 'cli.nothing_written')}\n`);
      return 1;
    }
    const opts = { force: values.force, allowErrors: values['allow-errors'], lang, agency: values.agency ?? null, show: shown };
    const res = sumReports(inputs, opts);
    if (!res.ok) {
      // A message of several lines: each piece of text from a file shown() on its own, its own line breaks kept.
      err(`${res.message}\n${say(lang, 'cli.nothing_written')}\n`);
      return 1;
    }
    const data = await writeTemplate(getForm(res.report.format), {
      year: res.year,
      agency: values.agency ?? null,
      variants: res.report.variants,
      values: res.values,
      blankTotals: 'blank',
      mark: 'sum',
      extraSheets: [
        {
          name: say(lang, 'cli.sum_inputs_sheet'),
          // What was not summed, and why, stays with the total (issue 21), not only on the terminal.
          rows: [
            ...res.appendix,
            ...(leftOut.length
              ? [
                  [],
                  [null, say(lang, 'sum.left_out_heading', { n: leftOut.length })],
                  ...leftOut.map((l) => [null, l.file, l.verdict, l.reason]),
                ]
              : []),
            ...(missing.length
              ? [[], [null, say(lang, 'sum.missing_heading', { n: missing.length })], ...missing.map((d) => [null, d])]
              : []),
          ],
          widths: [6, 40, 24, 8, 8, 8, ...res.appendix[0].slice(6).map(() => 14)],
        },
      ],
    });
    writeOutput(output, data);
    out(`${say(lang, 'cli.summed', { file: shown(values.output), n: inputs.length })}\n`);
    for (const n of res.notes) out(`  ${shown(n)}\n`);
    const notable = res.result.findings.filter((f) => f.severity !== 'notice' && f.rule !== 'cell.blank');
    if (notable.length) printFindings(notable, lang);
    return 0;
  } catch (e) {
    return fail(e, lang, 'cli.usage.sum');
  }
}
