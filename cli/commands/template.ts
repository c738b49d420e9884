/**
 * xxgk template --year Y [--format 2019|2021] [--agency NAME] [--from LAST_YEAR_FILE|DIR] -o OUT.xlsx
 * xxgk template --year Y --agencies list.txt -o DIR/
 */
import * as fs from 'fs';
import * as path from 'path';
import { say } from '../../core/messages';
import { listInputFiles } from '../../core/node/files';
import { readInputFile } from '../../core/node/read';
import { fail, langIn, langOf, messageOf, parse, UsageError, Refusal } from '../args';
import { Inputs, planOutput, readReportFiles, writeOutput, type OutputPlan } from '../files';
import { OutputIsInput, planFolder, planGenerated } from '../write';
import { cutToBytes, nameStem, uniqueFileName } from '../../core/batch/names';
import { agencyKey } from '../../core/batch/agency';
import { whyOf } from '../../core/node/errors';
import { err, out, shown } from '../terminal';
import { printHelp } from '../usage';
import { matchPrior } from '../../core/checkfile';
import type { Lang } from '../../core/model/findings';
import { formForYear, type FormSpec } from '../../core/forms';
import { formNamed } from '../args';
import { fromPrior } from '../../core/template/fill';
import { writeTemplate } from '../../core/template/xlsx';

/** A file name made from an agency name: no path separators, controls or characters Windows refuses, cut by bytes. */
export function safeFileName(name: string): string {
  return nameStem(cutToBytes(nameStem(name, 'agency'), 200), 'agency');
}

export function chooseForm(year: number | null, format: string | undefined, lang: Lang = 'zh'): FormSpec {
  if (format) return formNamed(format, lang);
  if (year === null) throw new UsageError(say(lang, 'cli.year_or_format'));
  return formForYear(year);
}

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  try {
    const { values, positionals } = parse(argv, {
      year: { type: 'string' },
      format: { type: 'string' },
      agency: { type: 'string' },
      agencies: { type: 'string' },
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) return printHelp(lang, 'cli.usage.template');
    if (positionals.length) throw new UsageError(say(lang, 'cli.unexpected_argument', { arg: shown(positionals[0]) }), true);
    const year = values.year === undefined ? null : Number(values.year);
    if (year !== null && !(Number.isInteger(year) && year >= 2008 && year <= 2100))
      throw new UsageError(say(lang, 'cli.year_invalid', { value: shown(values.year!) }));
    const form = chooseForm(year, values.format, lang);
    if (!values.output) throw new UsageError(say(lang, 'cli.missing_output'));
    if (values.agency && values.agencies) throw new UsageError(say(lang, 'cli.agency_or_agencies'));
    const inputs = new Inputs(values.from ? listInputFiles([values.from]) : []);
    if (values.agencies) inputs.add(values.agencies);
    // Every destination is checked before the work (and before last year's files are read).
    const single = values.agencies ? null : planOutput(values.output, lang, inputs);
    const planned = values.agencies ? planAgencies(values.agencies, values.output, inputs, lang) : null;
    const priors = values.from ? await readReportFiles([values.from], lang) : [];
    if (values.from && !priors.length) throw new Refusal(say(lang, 'cli.from_empty', { from: shown(values.from) }));

    // A list of departments is matched by agency only; one template from one named file takes that file.
    const fromFile = !!values.from && !values.agencies && fs.statSync(values.from).isFile() && priors.length === 1;
    const one = async (agency: string | null) => {
      const matched = priors.length ? matchPrior({ agency }, priors) : null;
      const prior = matched ?? (fromFile ? priors[0] : null);
      // Said before prefilling (issue 21): last year's file is another department's, or its name only resembles this one.
      const theirs = prior?.report.agency ?? null;
      if (prior && agency && theirs && agencyKey(theirs) !== agencyKey(agency))
        err(
          `${say(lang, matched ? 'template.from_resembles' : 'template.from_other', { file: shown(path.basename(prior.name)), theirs: shown(theirs), agency: shown(agency) })}\n`,
        );
      const p = prior ? fromPrior(form, prior.report, lang) : null;
      const data = await writeTemplate(form, { year, agency, values: p?.values, notes: p?.notes });
      return { data, prior: prior?.name ?? null, filled: p?.values.size ?? 0 };
    };

    if (planned) return await writeAgencies(planned, values.output, !!values.from, one, lang);
    const r = await one(values.agency ?? null);
    writeOutput(single!, r.data);
    const prior = r.prior === null ? null : shown(r.prior);
    out(`${say(lang, 'cli.template_written', { file: shown(values.output), format: form.key, year, prior, cells: r.filled })}\n`);
    if (values.from && !r.prior)
      err(`${say(lang, 'batch.template.no_prior', { count: 1, names: shown(values.agency ?? values.output) })}\n`);
    return 0;
  } catch (e) {
    return fail(e, lang, 'cli.usage.template');
  }
}

type Planned = { agency: string; plan: OutputPlan | null; why: string }[];

/**
 * Where each agency's template goes, in the folder `dir`, checked before anything is written: an
 * input among them stops everything (status 2); any other name that cannot be written is kept
 * with the reason, to be reported while the others are written.
 */
function planAgencies(list: string, dir: string, inputs: Inputs, lang: Lang): Planned {
  const names = new TextDecoder()
    .decode(readInputFile(list))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names.length) throw new Refusal(say(lang, 'cli.agencies_empty', { file: shown(list) }));
  planFolder(dir, lang);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(say(lang, 'outputs.no_folder', { folder: shown(dir), why: whyOf(e)[lang] }));
  }
  const used = new Set<string>();
  const plans: Planned = [];
  for (const agency of names) {
    // Within 255 bytes, one name per department; a file already there (a department's report, a link) is never replaced.
    const file = uniqueFileName(agency, '.xlsx', 'agency', used);
    try {
      plans.push({ agency, plan: planGenerated(path.join(dir, file), lang, inputs), why: '' });
    } catch (e) {
      if (e instanceof OutputIsInput) throw e; // an input: nothing is written
      plans.push({ agency, plan: null, why: messageOf(e, lang) });
    }
  }
  return plans;
}

/** Writes the planned templates; one that cannot be written is reported and the others still are (status 1). */
async function writeAgencies(
  plans: Planned,
  dir: string,
  withPrior: boolean,
  one: (agency: string) => Promise<{ data: Uint8Array; prior: string | null }>,
  lang: Lang,
): Promise<number> {
  let written = 0;
  const missingPrior: string[] = [];
  for (const { agency, plan, why } of plans) {
    let failure = why;
    if (plan) {
      try {
        const r = await one(agency);
        if (withPrior && !r.prior) missingPrior.push(agency);
        writeOutput(plan, r.data);
        written++;
      } catch (e) {
        failure = messageOf(e, lang);
      }
    }
    if (failure) err(`xxgk: ${say(lang, 'cli.agency_failed', { agency: shown(agency), why: shown(failure) })}\n`);
  }
  out(`${say(lang, 'cli.agencies_summary', { written, failed: plans.length - written, folder: shown(dir) })}\n`);
  if (missingPrior.length)
    err(
      `${say(lang, 'batch.template.no_prior', { count: missingPrior.length, names: shown(missingPrior.join(say(lang, 'batch.list_sep'))) })}\n`,
    );
  return written === plans.length ? 0 : 1;
}
