/** xxgk check PATH… — check workbooks and published reports in bulk. */
import { existsSync, readFileSync, statSync } from 'fs';
import * as os from 'os';
import type { CheckFileOptions } from '../../core/checkfile';
import { Tally } from '../../core/model/findings';
import { listInputFiles } from '../../core/node/files';
import type { ReportData } from '../../core/model/report';
import { compileRules, RuleSyntaxError, type RuleSource } from '../../core/rules';
import { FORMS, withVariants } from '../../core/forms';
import { guarded, langOf, parse, UsageError } from '../args';
import { BufferedOut, fileRows, fileSummary, renderReport, reportHead, statusHead, statusRows, totalText } from '../output';
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
    });
    const lang = langOf(values.lang);
    if (!positionals.length) throw new UsageError('请给出要检查的文件或文件夹 / give the files or folders to check');
    const jobs = values.jobs === undefined ? (os.availableParallelism?.() ?? os.cpus().length) : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs 应为正整数 / --jobs takes a positive whole number, not ${values.jobs}`);
    if (values.report && !/\.(xlsx|csv|html?)$/i.test(values.report))
      throw new UsageError(`--report 应为 .xlsx、.csv 或 .html 文件 / --report takes an .xlsx, .csv or .html file: ${values.report}`);

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

    const files = listInputFiles(positionals);
    if (!files.length) throw new UsageError(`没有找到可检查的文件 / no files to check in: ${positionals.join(' ')}`);
    const tty = process.stderr.isTTY && !values.quiet;
    const started = Date.now();
    // Each result is printed (or written into the JSON) as soon as it is in order, then dropped.
    const tally = new Tally();
    const rows = values.report ? [reportHead(lang)] : null;
    const statuses = values.report ? [statusHead(lang)] : null;
    const color = !!process.stdout.isTTY;
    const out = new BufferedOut();
    if (values.json) out.write('{\n  "version": 1,\n  "files": [');
    await checkFiles(files, opts, jobs, (i, result) => {
      tally.add(result);
      if (rows) for (const r of fileRows(result, lang)) rows.push(r);
      if (statuses) for (const r of statusRows(result, lang)) statuses.push(r);
      if (values.json) out.write(`${i ? ',' : ''}\n    ${JSON.stringify(result, null, 2).replace(/\n/g, '\n    ')}`);
      else out.write(fileSummary(result, lang, color));
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
    if (values.report) {
      writeAtomic(values.report, renderReport(rows!, tally.summary, values.report, lang, statuses!));
      if (!values.json) process.stderr.write(lang === 'en' ? `report written: ${values.report}\n` : `已写出检查报告：${values.report}\n`);
    }
    out.write(
      values.json
        ? `\n  ],\n  "summary": ${JSON.stringify(tally.summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`
        : totalText(tally.summary, lang),
    );
    await out.end();
    return tally.summary.with_errors || tally.summary.unreadable ? 1 : 0;
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
