/** xxgk check PATH… — check workbooks and published reports in bulk. */
import { statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckFileOptions } from '../../core/checkfile';
import { findingsDocument, type FileResult, type Lang, type ReportResult } from '../../core/model/findings';
// The batch's parts one by one, not core/batch's index: the main process loads no reader, and the
// report and notice writers only when asked for (they bring a workbook library: 20 MB of heap).
import { analyseBatch, type Batch, type BatchRow } from '../../core/batch/analyse';
import { readAgencyList } from '../../core/batch/agency';
import { PREFERS, type Prefer } from '../../core/batch/duplicates';
import { withBatchFindings } from '../../core/batch/compact';
import { batchListingLines, batchSummary, yearsHint } from '../../core/batch/text';
import { decodeText } from '../../core/read/decode';
import { say } from '../../core/messages';
import { fsPath, listInputFiles, listInputs } from '../../core/node/files';
import type { ReportData } from '../../core/model/report';
import { compileRules, RuleSyntaxError, type RuleSource } from '../../core/rules';
import { FORMS, withVariants } from '../../core/forms';
import { guarded, langIn, langOf, messageOf, parse, UsageError } from '../args';
import { BufferedOut, fileSummary, nestedJson } from '../output';
import { Inputs, planOutput, writeOutput } from '../write';
import { planNoticeFolder, replaceFolder } from '../folder';
import { listingLines, openSpool } from '../files';
import { checkFiles, WORKER_MEMORY_MB } from '../pool';
import { FileDigests } from '../digests';
import { printHelp } from '../usage';
import { Progress, showsProgress } from '../progress';
import { coloured, err, jsonText, plain, shown } from '../terminal';

/** Checking processes the machine can hold: one per processor, each with its memory limit in half the memory. */
export function jobsFor(asked: number | undefined, lang: Lang): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const memory = Math.max(1, Math.floor(os.totalmem() / 2 / (WORKER_MEMORY_MB * 1024 * 1024)));
  const most = Math.max(1, Math.min(cores, memory));
  if (asked === undefined) return most;
  if (asked > most) err(`xxgk: ${say(lang, 'cli.jobs_clamped', { asked, jobs: most, cores, memory })}\n`);
  return Math.min(asked, most);
}

export function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  return guarded(
    async () => {
      const { values, positionals } = parse(argv, {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        report: { type: 'string' },
        jobs: { type: 'string' },
        rules: { type: 'string', multiple: true },
        prior: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        year: { type: 'string' },
        agencies: { type: 'string' },
        prefer: { type: 'string' },
        keep: { type: 'string', multiple: true },
        notices: { type: 'string' },
        'notices-format': { type: 'string' },
        deadline: { type: 'string' },
        contact: { type: 'string' },
        office: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      lang = langOf(values.lang);
      if (values.help) return printHelp(lang, 'cli.usage.check');
      if (!positionals.length) throw new UsageError(say(lang, 'cli.check_no_paths'));
      let asked: number | undefined;
      if (values.jobs !== undefined) {
        asked = Number(values.jobs);
        if (!Number.isInteger(asked) || asked < 1) throw new UsageError(say(lang, 'cli.jobs_invalid', { value: shown(values.jobs) }));
      }
      if (values.report && !/\.(xlsx|csv|html?)$/i.test(values.report))
        throw new UsageError(say(lang, 'cli.report_type', { file: shown(values.report) }));
      // The reader (and its size limits) is loaded here, not at start-up, and only for files the main thread reads.
      const { readInputFile } = await import('../../core/node/read');

      const year = values.year === undefined ? null : Number(values.year);
      if (year !== null && !(Number.isInteger(year) && year >= 2008 && year <= 2100))
        throw new UsageError(say(lang, 'cli.year_invalid', { value: shown(values.year!) }));
      let agencies: string[] | null = null;
      if (values.agencies) {
        let list: Uint8Array;
        try {
          list = readInputFile(values.agencies);
        } catch (e) {
          throw new UsageError(messageOf(e, lang)); // a list that cannot be read is a bad command line
        }
        const read = readAgencyList(decodeText(list));
        // A line of punctuation only names no department (it would stand for every report without one): said, left out.
        for (const x of read.ignored) err(`xxgk: ${say(lang, 'batch.list_ignored', { line: x.line, text: shown(x.text) })}\n`);
        agencies = read.names;
        if (!agencies.length) throw new UsageError(say(lang, 'cli.agencies_empty', { file: shown(values.agencies) }));
      }
      const prefer = (values.prefer ?? 'auto') as Prefer;
      if (!PREFERS.includes(prefer)) throw new UsageError(say(lang, 'cli.prefer_invalid', { value: shown(values.prefer!) }));
      const noticeExt = values['notices-format'] ?? 'html';
      if (noticeExt !== 'html' && noticeExt !== 'xlsx') throw new UsageError(say(lang, 'cli.notices_format', { value: shown(noticeExt) }));
      const deadline = values.deadline ?? null;
      if (deadline !== null && !isDay(deadline)) throw new UsageError(say(lang, 'notice.deadline_invalid', { value: shown(deadline) }));
      const letterOf = { deadline, contact: values.contact?.trim() || null, office: values.office?.trim() || null };

      const extraRules: RuleSource[] = [];
      for (const file of values.rules ?? []) {
        try {
          extraRules.push({ name: file, text: new TextDecoder().decode(readInputFile(file)) });
        } catch (e) {
          throw new UsageError(messageOf(e, lang)); // a rule file that cannot be read is a bad command line
        }
      }
      try {
        // Local rules fail early, with line and column, before any file is read (and are parsed once for every
        // worker). The built-in ones are compiled as a file needs them: one file needs one form, not all of them.
        if (extraRules.length)
          for (const f of FORMS)
            for (const v of [[], ...Object.keys(f.variants ?? {}).map((k) => [k])]) compileRules(withVariants(f, v), extraRules);
      } catch (e) {
        if (e instanceof RuleSyntaxError) throw new UsageError(e.messageIn(lang));
        throw e;
      }

      // Every file in a folder is listed, whatever it is: a Word document or a picture gets a verdict too.
      const listing = listInputs(positionals, []);
      const files = listing.files;
      if (!files.length) {
        for (const line of listingLines(listing, lang)) err(`${line}\n`);
        throw new UsageError(say(lang, 'cli.no_files', { paths: shown(positionals.join(' ')) }));
      }
      // A file chosen in advance must be one of the batch (by its path as listed, or its name alone).
      const chosen = (k: string) => files.filter((f) => f === k || path.basename(f) === k || path.resolve(f) === path.resolve(k));
      for (const k of values.keep ?? []) if (!chosen(k).length) throw new UsageError(say(lang, 'cli.keep_unknown', { file: shown(k) }));
      const keep = (values.keep ?? []).flatMap(chosen);
      // The destinations are checked before the work: never an input, never a folder, their folder there.
      // The inputs are looked up (a stat each) only when there is something to write.
      let inputs: Inputs | null = null;
      if (values.report || values.notices) {
        inputs = new Inputs([...files, ...(values.rules ?? []), ...(values.prior ? listInputFiles([values.prior]) : [])]);
        if (values.agencies) inputs.add(values.agencies);
      }
      const report = values.report ? planOutput(values.report, lang, inputs!) : null;
      const noticesPlan = values.notices ? planNoticeFolder(values.notices, lang, inputs!) : null;
      // Where the results wait to be judged (TMPDIR): a folder that cannot hold them is said now, not after the work.
      const whole = openSpool(lang, true);
      const jobs = jobsFor(asked, lang);

      const opts: CheckFileOptions = { lang, extraRules };
      if (values.prior) {
        const priors = await loadPriors(values.prior, lang);
        if (statSync(values.prior).isDirectory()) opts.priors = priors;
        else if (priors.length) {
          opts.prior = priors[0].report;
          opts.priorName = priors[0].name;
        }
      }

      const progress = new Progress(lang, files.length, showsProgress(values.quiet));
      // Verdicts need the whole batch (duplicates, departments that sent nothing): results are kept, then judged.
      // Kept small (core/batch/compact.ts), the whole results on disk until printed or put in the report and
      // notices, one at a time: memory stays flat however many files there are.
      const results: FileResult[] = [];
      const color = !!process.stdout.isTTY;
      // Text from files is made visible (cli/terminal.ts); the batch listings go through plain() as well.
      const out = new BufferedOut(values.json ? jsonText : color ? coloured : plain);
      // Copies of one file need no choosing: their digests, made as they are checked where that costs least.
      const digests = new FileDigests(files);
      await checkFiles(
        files,
        opts,
        jobs,
        (i, result) => {
          // Compacted when spooled. The same path as listed: one string per file kept, not a copy from the checking process.
          if (result.path === files[i]) result.path = files[i];
          results[i] = result;
          progress.show(i + 1, files[i]);
        },
        whole,
        digests,
      );
      progress.end();
      const mtime = (f: string) => {
        try {
          return statSync(fsPath(f)).mtimeMs;
        } catch {
          return null;
        }
      };
      const batch = analyseBatch(
        results.map((result, i) => ({ result, mtime: mtime(files[i]) })),
        {
          lang,
          year,
          agencies,
          prefer,
          keep,
          digestOf: (i) => digests.of(i),
          priorAgencies: opts.priors ? opts.priors.map((p) => p.report.agency) : null,
        },
      );
      const { summary } = findingsDocument(results);
      /** The i-th file's whole result, with its batch findings. */
      const resultOf = (i: number): FileResult => withBatchFindings(whole.get(i), results[i]);
      /** A row's whole report, for the report and the notices (the last file read is kept: its sheets come together). */
      let last: { i: number; result: FileResult } | null = null;
      const reportOf = (row: BatchRow): ReportResult | null => {
        if (!row.report || row.file < 0) return row.report;
        if (last?.i !== row.file) last = { i: row.file, result: resultOf(row.file) };
        return last.result.reports[results[row.file].reports.indexOf(row.report)] ?? null;
      };
      // The results are printed whatever becomes of the report and notices: a file that cannot be written loses nothing.
      const failed: string[] = [];
      if (report) {
        try {
          const { renderBatchReport } = await import('../../core/batch/report');
          writeOutput(report, await renderBatchReport(batch, report.name, lang, reportOf));
          if (!values.json) err(`${say(lang, 'cli.report_written', { file: shown(report.name) })}\n`);
        } catch (e) {
          failed.push(say(lang, 'cli.report_not_written', { file: shown(report.name), why: whyIn(e, lang) }));
        }
      }
      if (noticesPlan) {
        const { renderNotice, sendBackNotices } = await import('../../core/batch/notices');
        const notices = sendBackNotices(batch, lang, noticeExt, reportOf, letterOf);
        let written = 0;
        try {
          // The folder is replaced as a whole by this run's notices (cli/folder.ts).
          const warning = await replaceFolder(
            noticesPlan,
            async (put) => {
              for (const n of notices) {
                const file = path.join(noticesPlan.name, n.file);
                try {
                  put(n.file, await renderNotice(n, noticeExt));
                  written++;
                } catch (e) {
                  failed.push(say(lang, 'cli.notice_not_written', { file: shown(file), why: whyIn(e, lang) }));
                }
              }
            },
            lang,
          );
          if (warning) err(`xxgk: ${warning}\n`);
        } catch (e) {
          written = 0;
          failed.push(say(lang, 'cli.notice_not_written', { file: shown(noticesPlan.name), why: whyIn(e, lang) }));
        }
        if (!values.json)
          err(
            `${notices.length ? say(lang, 'batch.notice.written', { n: written, dir: shown(values.notices!) }) : say(lang, 'batch.notice.none')}\n`,
          );
      }
      if (values.json) {
        // Files left out are said on stderr: standard output holds the document alone.
        for (const line of listingLines(listing, lang)) err(`xxgk: ${line}\n`);
        // As JSON.stringify(document, null, 2) writes it, one file and one batch row at a time.
        out.write('{\n  "version": 1,\n  "files": [\n');
        for (let i = 0; i < results.length; i++) {
          out.write(`${i ? ',\n' : ''}    ${nestedJson(resultOf(i), 2)}`);
          if (i % 256 === 255) await out.drain();
        }
        const head = { summary, batch: { verdicts: batch.counts, missing: batch.missing, choose: batch.choose, no_prior: batch.noPrior } };
        out.write(`\n  ],\n${JSON.stringify(head, null, 2).slice(2, -6)},\n    "files": [`);
        for (let i = 0; i < batch.rows.length; i++) {
          const r = batch.rows[i];
          const row = { path: r.path || null, sheet: r.sheet, department: r.department, verdict: r.verdict, reason: r.reason };
          out.write(`${i ? ',' : ''}\n      ${nestedJson(row, 3)}`);
          if (i % 256 === 255) await out.drain();
        }
        out.write(`${batch.rows.length ? '\n    ' : ''}]\n  }\n}\n`);
      } else {
        for (let i = 0; i < results.length; i++) {
          out.write(fileSummary(resultOf(i), lang, color));
          if (i % 256 === 255) await out.drain();
        }
        // Every row on its own line, text from files made visible (shown), without holding the listing whole.
        out.write('\n');
        let lines = 0;
        for (const line of batchListingLines(batch, lang)) {
          out.write(`${shown(line)}\n`);
          if (++lines % 256 === 0) await out.drain();
        }
        const shownBatch = forTerminal(batch);
        out.write(plain(yearsHint(shownBatch, lang, year !== null)));
        out.write(plain(`\n${batchSummary(shownBatch, lang)}`));
        if (batch.choose.length) out.write(plain(`${say(lang, 'cli.keep_hint')}\n`));
        // Lock files and hidden files are not submissions, but a batch never leaves a file out unsaid.
        const hiddenOnes = listing.left.filter((l) => l.why === 'hidden' || l.why === 'lock').map((l) => l.path);
        if (hiddenOnes.length)
          out.write(
            plain(
              say(lang, 'batch.left_out', {
                n: hiddenOnes.length,
                names: hiddenOnes.slice(0, 5).map(shown).join(say(lang, 'batch.list_sep')),
              }) + '\n',
            ),
          );
        // Every other file left out (the product's own outputs, pipes, hidden folders) and every name shown decoded: a line each.
        for (const line of listingLines({ ...listing, left: listing.left.filter((l) => l.why !== 'hidden' && l.why !== 'lock') }, lang))
          out.write(`${line}\n`);
      }
      await out.end();
      whole.close();
      if (failed.length) {
        for (const f of failed) err(`xxgk: ${f}\n`);
        return 1;
      }
      // A department whose report is still to be chosen is not done either.
      const failing = batch.rows.some((r) => r.verdict !== 'pass' && r.verdict !== 'duplicate') || batch.choose.length > 0;
      return failing || summary.with_errors || summary.unreadable ? 1 : 0;
    },
    () => lang,
    'cli.usage.check',
  );
}

/** The batch's lists as printed in its summary: names from files on one line each, control characters visible. */
function forTerminal(b: Batch): Batch {
  return {
    ...b,
    missing: b.missing.map(shown),
    choose: b.choose.map((c) => ({ department: shown(c.department), files: c.files.map(shown) })),
    textNumberLines: b.textNumberLines.map((x) => ({ path: shown(x.path), cell: shown(x.cell), message: shown(x.message) })),
    noPrior: b.noPrior?.map(shown) ?? null,
  };
}

/** The reason of a write failure alone (the file is named by the sentence around it). */
/** A calendar day written YYYY-MM-DD (the notices' deadline). */
function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function whyIn(e: unknown, lang: Lang): string {
  const why = (e as { why?: Record<Lang, string> }).why;
  return why ? why[lang] : messageOf(e, lang);
}

/** Last year's reports, from a file or a folder (matched to this year's by agency). */
async function loadPriors(p: string, lang: Lang): Promise<{ name: string; report: ReportData }[]> {
  try {
    statSync(p);
  } catch {
    throw new UsageError(say(lang, 'cli.prior_missing', { file: shown(p) }));
  }
  const out: { name: string; report: ReportData }[] = [];
  // Read in a child process with the same limits as the files checked (cli/read-child.ts): the main process reads no workbook itself.
  const { readReportsBounded } = await import('../read-child');
  for (const file of listInputFiles([p])) {
    try {
      for (const report of await readReportsBounded(file)) out.push({ name: file, report });
    } catch (e) {
      err(`${say(lang, 'cli.prior_skipped', { why: shown(messageOf(e, lang)) })}\n`);
    }
  }
  return out;
}
