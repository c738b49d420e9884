/** xxgk check PATH… — check workbooks and published reports in bulk. */
import { existsSync, mkdirSync, readFileSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckFileOptions } from '../../core/checkfile';
import { findingsDocument, type FileResult } from '../../core/model/findings';
import {
  analyseBatch,
  batchListing,
  batchSummary,
  parseAgencyList,
  renderBatchReport,
  renderNotice,
  sendBackNotices,
  yearsHint,
} from '../../core/batch';
import { decodeText } from '../../core/checkfile';
import { say } from '../../core/messages';
import { listInputFiles } from '../../core/node/files';
import type { ReportData } from '../../core/model/report';
import { compileRules, RuleSyntaxError, type RuleSource } from '../../core/rules';
import { FORMS, withVariants } from '../../core/forms';
import { guarded, L, langOf, parse, UsageError } from '../args';
import { BufferedOut, fileSummary } from '../output';
import { writeAtomic } from '../files';
import { checkFiles } from '../pool';

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
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
      notices: { type: 'string' },
      'notices-format': { type: 'string' },
    });
    const lang = langOf(values.lang);
    if (!positionals.length) throw new UsageError('请给出要检查的文件或文件夹 / give the files or folders to check');
    const jobs = values.jobs === undefined ? (os.availableParallelism?.() ?? os.cpus().length) : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs 应为正整数 / --jobs takes a positive whole number, not ${values.jobs}`);
    if (values.report && !/\.(xlsx|csv|html?)$/i.test(values.report))
      throw new UsageError(`--report 应为 .xlsx、.csv 或 .html 文件 / --report takes an .xlsx, .csv or .html file: ${values.report}`);

    const year = values.year === undefined ? null : Number(values.year);
    if (year !== null && !(Number.isInteger(year) && year >= 2008 && year <= 2100))
      throw new UsageError(L(lang, `--year 应为年份，如 2025：${values.year}`, `--year takes a year such as 2025: ${values.year}`));
    let agencies: string[] | null = null;
    if (values.agencies) {
      if (!existsSync(values.agencies) || !statSync(values.agencies).isFile())
        throw new UsageError(L(lang, `单位名单文件不存在：${values.agencies}`, `list of departments not found: ${values.agencies}`));
      agencies = parseAgencyList(decodeText(new Uint8Array(readFileSync(values.agencies))));
      if (!agencies.length)
        throw new UsageError(L(lang, `单位名单中没有单位：${values.agencies}`, `the list names no department: ${values.agencies}`));
    }
    const noticeExt = values['notices-format'] ?? 'html';
    if (noticeExt !== 'html' && noticeExt !== 'xlsx')
      throw new UsageError(
        L(lang, `--notices-format 只能是 html 或 xlsx：${noticeExt}`, `--notices-format takes html or xlsx: ${noticeExt}`),
      );

    const extraRules: RuleSource[] = [];
    for (const file of values.rules ?? []) {
      if (!existsSync(file)) throw new UsageError(`规则文件不存在 / rule file not found: ${file}`);
      extraRules.push({ name: file, text: readFileSync(file, 'utf8') });
    }
    try {
      // Fail early, with line and column, before any file is read (and parse once for every worker).
      for (const f of FORMS)
        for (const v of [[], ...Object.keys(f.variants ?? {}).map((k) => [k])]) compileRules(withVariants(f, v), extraRules);
    } catch (e) {
      if (e instanceof RuleSyntaxError) throw new UsageError(e.message);
      throw e;
    }

    const opts: CheckFileOptions = { lang, extraRules };
    if (values.prior) {
      const priors = await loadPriors(values.prior, lang);
      if (statSync(values.prior).isDirectory()) opts.priors = priors;
      else if (priors.length) {
        opts.prior = priors[0].report;
        opts.priorName = priors[0].name;
      }
    }

    // Every file in a folder is listed, whatever it is: a Word document or a picture gets a verdict too.
    const files = listInputFiles(positionals, []);
    if (!files.length) throw new UsageError(`没有找到可检查的文件 / no files to check in: ${positionals.join(' ')}`);
    const tty = process.stderr.isTTY && !values.quiet;
    const started = Date.now();
    // Verdicts need the whole batch (duplicates, departments that sent nothing): results are kept, then judged.
    const results: FileResult[] = [];
    const color = !!process.stdout.isTTY;
    const out = new BufferedOut();
    await checkFiles(files, opts, jobs, (i, result) => {
      results[i] = result;
      if (tty) {
        const done = i + 1,
          width = 30,
          filled = Math.round((done / files.length) * width);
        const eta = done < files.length ? Math.round((((Date.now() - started) / done) * (files.length - done)) / 1000) : 0;
        process.stderr.write(
          `\r\x1b[K${lang === 'en' ? 'checking' : '检查中'} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${files.length}${eta ? ` ~${eta}s` : ''} ${files[i].slice(-40)}`,
        );
      }
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const mtime = (f: string) => {
      try {
        return statSync(f).mtimeMs;
      } catch {
        return null;
      }
    };
    const batch = analyseBatch(
      results.map((result, i) => ({ result, mtime: mtime(files[i]) })),
      { lang, year, agencies, priorAgencies: opts.priors ? opts.priors.map((p) => p.report.agency) : null },
    );
    const doc = findingsDocument(results);
    if (values.report) {
      writeAtomic(values.report, await renderBatchReport(batch, values.report, lang));
      if (!values.json) process.stderr.write(lang === 'en' ? `report written: ${values.report}\n` : `已写出检查报告：${values.report}\n`);
    }
    if (values.notices) {
      const notices = sendBackNotices(batch, lang, noticeExt);
      if (notices.length) {
        mkdirSync(values.notices, { recursive: true });
        for (const n of notices) writeAtomic(path.join(values.notices, n.file), await renderNotice(n, noticeExt));
      }
      if (!values.json)
        process.stderr.write(
          `${notices.length ? say(lang, 'batch.notice.written', { n: notices.length, dir: values.notices }) : say(lang, 'batch.notice.none')}\n`,
        );
    }
    if (values.json) {
      const rows = batch.rows.map((r) => ({
        path: r.path || null,
        sheet: r.sheet,
        department: r.department,
        verdict: r.verdict,
        reason: r.reason,
      }));
      out.write(
        JSON.stringify(
          { ...doc, batch: { verdicts: batch.counts, missing: batch.missing, no_prior: batch.noPrior, files: rows } },
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const r of results) out.write(fileSummary(r, lang, color));
      out.write(`\n${batchListing(batch, lang)}`);
      out.write(yearsHint(batch, lang, year !== null));
      out.write(`\n${batchSummary(batch, lang)}`);
    }
    await out.end();
    const failing = batch.rows.some((r) => r.verdict !== 'pass' && r.verdict !== 'duplicate');
    return failing || doc.summary.with_errors || doc.summary.unreadable ? 1 : 0;
  });
}

/** Last year's reports, from a file or a folder (matched to this year's by agency). */
async function loadPriors(p: string, lang: 'zh' | 'en'): Promise<{ name: string; report: ReportData }[]> {
  if (!existsSync(p)) throw new UsageError(`上年报告不存在 / last year's report not found: ${p}`);
  const out: { name: string; report: ReportData }[] = [];
  // Loaded here, not at start-up: with worker threads the main thread never reads a workbook itself.
  const { readReportsAsync } = await import('../../core/checkfile');
  for (const file of listInputFiles([p])) {
    try {
      for (const report of await readReportsAsync(new Uint8Array(readFileSync(file)), file)) out.push({ name: file, report });
    } catch (e) {
      process.stderr.write(`${lang === 'en' ? "last year's file skipped" : '已跳过上年文件'}：${(e as Error).message}\n`);
    }
  }
  return out;
}
