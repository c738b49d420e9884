/**
 * sum: many reports of one format and year added cell by cell, exactly (money to its last
 * decimal). Refuses mixed formats or years unless forced, and inputs with error findings unless
 * allowed; the sum itself is checked before it is written. Host-agnostic: the caller reads and writes.
 */
import { Dec } from '../model/decimal';
import type { Finding, Lang, ReportResult } from '../model/findings';
import { formCells, getForm, withVariants, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import { confront } from '../check';
import { readValue } from '../model/values';
import { derivedParts, type WriteValue } from './derive';
import { cellWords, fillReport } from './fill';
import { templateLayout } from './layout';
import { a1 } from '../read/grid';

const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

export interface SumInput {
  name: string;
  report: ReportData;
}

export interface SumOptions {
  force?: boolean;
  allowErrors?: boolean;
  lang?: Lang;
  agency?: string | null;
}

export type SumOutcome =
  | {
      ok: false;
      reason: 'mixed' | 'errors' | 'empty' | 'not_numbers' | 'sum_errors';
      message: string;
      results?: { name: string; result: ReportResult }[];
    }
  | {
      ok: true;
      form: FormSpec;
      year: number | null;
      values: Map<string, WriteValue>;
      /** The sum as a report (for the check before writing). */
      report: ReportData;
      result: ReportResult;
      /** One row per input then the total: the appendix sheet. */
      appendix: (string | number | null)[][];
      notes: string[];
      inputs: { name: string; result: ReportResult }[];
    };

/** Totals listed per input in the appendix: the derived cells that are no part of another (grand totals). */
export function grandTotals(form: FormSpec): string[] {
  const derived = derivedParts(form);
  const parts = new Set([...derived.values()].flatMap((ps) => ps.map((p) => p.cell)));
  return [...derived.keys()].filter((id) => !parts.has(id));
}

export function sumReports(inputs: SumInput[], opts: SumOptions = {}): SumOutcome {
  const lang = opts.lang ?? 'zh';
  if (!inputs.length) return { ok: false, reason: 'empty', message: L(lang, '没有可汇总的报告', 'no reports to sum') };
  const first = inputs[0].report;
  const describe = (i: SumInput) => `${i.name}（${i.report.format} 格式，${i.report.year ?? '年度不明'}）`;
  const formats = new Set(inputs.map((i) => i.report.format));
  const years = new Set(inputs.map((i) => i.report.year));
  if ((formats.size > 1 || years.size > 1) && !opts.force) {
    const what = formats.size > 1 ? L(lang, '格式', 'format') : L(lang, '年度', 'year');
    return {
      ok: false,
      reason: 'mixed',
      message: L(
        lang,
        `各报告的${what}不同，未汇总（确需汇总请加 --force）：\n  ${inputs.map(describe).join('\n  ')}`,
        `the reports differ in ${what}; nothing summed (use --force to sum anyway):\n  ${inputs.map((i) => `${i.name} (format ${i.report.format}, year ${i.report.year ?? 'unknown'})`).join('\n  ')}`,
      ),
    };
  }
  const checked = inputs.map((i) => ({ name: i.name, result: confront(i.report, { lang }) }));
  const bad = checked.filter((c) => c.result.findings.some((f) => f.severity === 'error'));
  if (bad.length && !opts.allowErrors) {
    const lines = bad.map((b) => {
      const errs = b.result.findings.filter((f) => f.severity === 'error');
      return `${b.name}：${errs.length} ${L(lang, '个错误', 'errors')}${errs
        .slice(0, 3)
        .map((f) => `\n    ${f.message}`)
        .join('')}${errs.length > 3 ? '\n    …' : ''}`;
    });
    return {
      ok: false,
      reason: 'errors',
      results: checked,
      message: L(
        lang,
        `以下报告有错误，未汇总（先更正，或加 --allow-errors 照样汇总）：\n  ${lines.join('\n  ')}`,
        `these reports have errors; nothing summed (correct them, or use --allow-errors):\n  ${lines.join('\n  ')}`,
      ),
    };
  }

  // The form of the sum: the first report's (with its variants when all share them).
  const sameVariants = inputs.every((i) => (i.report.variants ?? []).join() === (first.variants ?? []).join());
  const variants = sameVariants ? (first.variants ?? []) : [];
  const form = withVariants(getForm(first.format), variants);
  const cells = formCells(form);
  const notes: string[] = [];
  const totals = new Map<string, Dec | null>();
  const texts: string[] = [];
  for (const id of cells.keys()) totals.set(id, null);
  for (const input of inputs) {
    // Each input as fill sees it: a blank total whose parts are all numbers counts as their sum.
    const filled = fillReport(input.report, { lang }).values;
    for (const [id, v] of filled) {
      if (v == null) continue;
      if (!cells.has(id)) {
        notes.push(
          L(
            lang,
            `${input.name} 的 ${id} 不在 ${form.key} 格式中，未计入`,
            `${input.name}: ${id} is not in format ${form.key}; not summed`,
          ),
        );
        continue;
      }
      if (!(v instanceof Dec)) {
        texts.push(`${input.name} ${input.report.cells[id]?.ref ?? id}：“${v}”`);
        continue;
      }
      totals.set(id, (totals.get(id) ?? Dec.ZERO).add(v));
    }
  }
  if (texts.length && !opts.allowErrors)
    return {
      ok: false,
      reason: 'not_numbers',
      message: L(
        lang,
        `以下单元格不是数字，未汇总：\n  ${texts.join('\n  ')}`,
        `these cells are not numbers; nothing summed:\n  ${texts.join('\n  ')}`,
      ),
    };
  if (texts.length) notes.push(...texts.map((t) => L(lang, `未计入（不是数字）：${t}`, `not summed (not a number): ${t}`)));

  const years1 = [...years];
  const year = years1.length === 1 ? years1[0] : null;
  const layout = templateLayout(form, { year, agency: opts.agency ?? null });
  const sheet = layout.sheetName;
  const values = new Map<string, WriteValue>(totals);
  const report: ReportData = {
    format: first.format,
    variants,
    year,
    agency: opts.agency ?? null,
    sheet,
    cells: Object.fromEntries(
      [...cells.keys()].map((id) => {
        const at = layout.address.get(id)!;
        const v = totals.get(id);
        return [id, { ref: `${sheet}!${a1(at.r, at.c)}`, raw: v ? v.toNumber() : null }];
      }),
    ),
    notes: [],
    tables: form.tables.map((t) => t.key),
  };
  const result = confront(report, { lang });
  const sumErrors = result.findings.filter((f: Finding) => f.severity === 'error');
  if (sumErrors.length && !opts.allowErrors)
    return {
      ok: false,
      reason: 'sum_errors',
      message: L(
        lang,
        `汇总结果未通过检查，未写出：\n  ${sumErrors.map((f) => f.message).join('\n  ')}`,
        `the sum fails its check; nothing written:\n  ${sumErrors.map((f) => f.message).join('\n  ')}`,
      ),
    };

  // Appendix: every input with its grand totals, then the sum.
  const grand = grandTotals(form);
  const header = [
    L(lang, '序号', 'No.'),
    L(lang, '文件', 'file'),
    L(lang, '单位', 'agency'),
    L(lang, '年度', 'year'),
    L(lang, '格式', 'format'),
    L(lang, '错误数', 'errors'),
    ...grand.map((id) => cellWords(cells.get(id)!, lang)),
  ];
  const rows: (string | number | null)[][] = [header];
  inputs.forEach((input, i) => {
    const inForm = formCells(withVariants(getForm(input.report.format), input.report.variants ?? []));
    const errs = checked[i].result.findings.filter((f) => f.severity === 'error').length;
    rows.push([
      i + 1,
      input.name,
      input.report.agency ?? '',
      input.report.year ?? '',
      input.report.format,
      errs,
      ...grand.map((id) => {
        const read = input.report.cells[id];
        const spec = inForm.get(id);
        if (!read || !spec) return null;
        const v = readValue(read.raw, spec.kind);
        return v.kind === 'number' ? v.value.toNumber() : v.kind === 'text' ? v.text : null;
      }),
    ]);
  });
  rows.push([
    '',
    L(lang, '合计', 'total'),
    opts.agency ?? '',
    year ?? '',
    form.key,
    sumErrors.length,
    ...grand.map((id) => totals.get(id)?.toNumber() ?? null),
  ]);
  return { ok: true, form, year, values, report, result, appendix: rows, notes, inputs: checked };
}
