/**
 * xxgk template --year Y [--format 2019|2021] [--agency NAME] [--from LAST_YEAR_FILE|DIR] -o OUT.xlsx
 * xxgk template --year Y --agencies list.txt -o DIR/
 */
import * as fs from 'fs';
import * as path from 'path';
import { fail, L, langOf, parse, UsageError } from '../args';
import { readReportFiles, writeAtomic } from '../files';
import { matchPrior } from '../../core/checkfile';
import type { Lang } from '../../core/model/findings';
import { formForYear, getForm, type FormSpec } from '../../core/forms';
import { say } from '../../core/messages';
import { fromPrior } from '../../core/template/fill';
import { writeTemplate } from '../../core/template/xlsx';

/** A file name made from an agency name: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    // Control characters cannot stand in a file name on Windows.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s)) s = `_${s}`;
  if ([...s].length > 80) s = [...s].slice(0, 80).join('');
  return s || 'agency';
}

export function chooseForm(year: number | null, format: string | undefined): FormSpec {
  if (format) {
    try {
      return getForm(format);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  if (year === null) throw new UsageError('请给出 --year 或 --format / give --year or --format');
  return formForYear(year);
}

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = 'zh';
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
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length) throw new UsageError(`多余的参数 / unexpected argument: ${positionals[0]}`);
    const year = values.year === undefined ? null : Number(values.year);
    if (year !== null && !(Number.isInteger(year) && year >= 2008 && year <= 2100))
      throw new UsageError(`--year 应为年份，如 2025 / --year must be a year such as 2025: ${values.year}`);
    const form = chooseForm(year, values.format);
    if (!values.output) throw new UsageError('缺少 -o 输出文件 / missing -o OUTPUT');
    if (values.agency && values.agencies) throw new UsageError('--agency 与 --agencies 只能用一个 / use either --agency or --agencies');
    const priors = values.from ? await readReportFiles([values.from], lang) : [];
    if (values.from && !priors.length)
      throw new Error(L(lang, `--from ${values.from} 中没有找到报告`, `no report found in --from ${values.from}`));

    // A list of departments is matched by agency only; one template from one named file takes that file.
    const fromFile = !!values.from && !values.agencies && fs.statSync(values.from).isFile() && priors.length === 1;
    const one = async (agency: string | null) => {
      const prior = priors.length ? (matchPrior({ agency }, priors) ?? (fromFile ? priors[0] : null)) : null;
      const p = prior ? fromPrior(form, prior.report, lang) : null;
      const data = await writeTemplate(form, { year, agency, values: p?.values, notes: p?.notes });
      return { data, prior: prior?.name ?? null, filled: p?.values.size ?? 0 };
    };

    if (values.agencies) {
      const names = fs
        .readFileSync(values.agencies, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (!names.length) throw new Error(L(lang, `${values.agencies} 中没有单位名称`, `${values.agencies} lists no agency`));
      const dir = values.output;
      fs.mkdirSync(dir, { recursive: true });
      const used = new Set<string>();
      const missingPrior: string[] = [];
      for (const agency of names) {
        const base = safeFileName(agency);
        let file = `${base}.xlsx`;
        for (let i = 2; used.has(file.toLowerCase()); i++) file = `${base}(${i}).xlsx`;
        used.add(file.toLowerCase());
        const r = await one(agency);
        if (values.from && !r.prior) missingPrior.push(agency);
        writeAtomic(path.join(dir, file), r.data);
      }
      process.stdout.write(L(lang, `已生成 ${names.length} 个模板：${dir}\n`, `wrote ${names.length} templates to ${dir}\n`));
      if (missingPrior.length)
        process.stderr.write(
          `${say(lang, 'batch.template.no_prior', { count: missingPrior.length, names: missingPrior.join(say(lang, 'batch.list_sep')) })}\n`,
        );
      return 0;
    }
    const r = await one(values.agency ?? null);
    writeAtomic(values.output, r.data);
    if (values.from && !r.prior)
      process.stderr.write(`${say(lang, 'batch.template.no_prior', { count: 1, names: values.agency ?? values.output })}\n`);
    process.stdout.write(
      L(
        lang,
        `已生成模板 ${values.output}（${form.key} 格式${year ? `，${year} 年度` : ''}）${r.prior ? `，按 ${r.prior} 预填 ${r.filled} 格` : ''}\n`,
        `wrote template ${values.output} (format ${form.key}${year ? `, year ${year}` : ''})${r.prior ? `, ${r.filled} cells pre-filled from ${r.prior}` : ''}\n`,
      ),
    );
    return 0;
  } catch (e) {
    return fail(e, lang, HELP);
  }
}

const HELP = `用法 / usage:
  xxgk template --year Y [--format 2019|2021] [--agency NAME] [--from LAST_YEAR_FILE|DIR] -o OUT.xlsx
  xxgk template --year Y --agencies list.txt [--from DIR] -o DIR/
`;
