/**
 * sum: many reports of one format and year added cell by cell, exactly (money to its last
 * decimal). Refuses mixed formats or years unless forced, and inputs with error findings unless
 * allowed; the sum itself is checked before it is written. Host-agnostic: the caller reads and writes.
 */
import { Dec } from '../model/decimal';
import { errorsOf, isClean, type Lang, type ReportResult } from '../model/findings';
import { formCells, getForm, withVariants, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import { confront } from '../check';
import { clipText, jsonNumber, readValue } from '../model/values';
import { derivedParts, type WriteValue } from './derive';
import { cellWords, fillReport } from './fill';
import { templateLayout } from './layout';
import { a1 } from '../read/grid';
import { findingLine, say } from '../messages';
import { agencyKey } from '../batch/agency';
import { figuresDigest } from '../check/figures';

/**
 * Inputs that are one department's report twice: the same department named, or, where no
 * department is named, the same figures (one file saved twice). Summed, they would count double.
 */
export function sameReportTwice(inputs: readonly SumInput[]): SumInput[][] {
  const groups = new Map<string, SumInput[]>();
  const put = (k: string, i: SumInput) => groups.set(k, [...(groups.get(k) ?? []), i]);
  for (const i of inputs) {
    const key = i.report.agency ? agencyKey(i.report.agency) : '';
    put(key ? `a\u0000${key}` : `f\u0000${figuresDigest(i.report)}`, i);
  }
  // Two departments with one set of figures are not taken for one: small ones often print the same few figures.
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A cell of an input in words (its address too when read from a sheet), never its key. */
function cellOf(report: ReportData, id: string, lang: Lang): string {
  const spec = formCells(withVariants(getForm(report.format), report.variants ?? [])).get(id);
  return [report.cells[id]?.ref, spec && cellWords(spec, lang)].filter(Boolean).join(' ');
}

export interface SumInput {
  name: string;
  report: ReportData;
}

export interface SumOptions {
  force?: boolean;
  allowErrors?: boolean;
  lang?: Lang;
  agency?: string | null;
  /**
   * How the host shows text from the files (names, cell texts, findings) in a message of several
   * lines: a terminal makes each piece's control characters visible, its own line breaks kept.
   */
  show?: (s: string) => string;
}

export type SumOutcome =
  | {
      ok: false;
      reason: 'mixed' | 'twice' | 'errors' | 'empty' | 'not_numbers' | 'sum_errors' | 'inexact';
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
  const show = opts.show ?? ((s: string) => s);
  if (!inputs.length) return { ok: false, reason: 'empty', message: say(lang, 'template.sum_empty') };
  const twice = sameReportTwice(inputs);
  // Never counted double in silence: --force sums them anyway (two departments that print one placeholder name).
  if (twice.length && !opts.force)
    return {
      ok: false,
      reason: 'twice',
      message: say(lang, 'template.sum_twice', {
        groups: twice.map((g) => ({ agency: show(g[0].report.agency ?? ''), names: g.map((i) => show(i.name)) })),
      }),
    };
  const first = inputs[0].report;
  const formats = new Set(inputs.map((i) => i.report.format));
  const years = new Set(inputs.map((i) => i.report.year));
  if ((formats.size > 1 || years.size > 1) && !opts.force) {
    return {
      ok: false,
      reason: 'mixed',
      message: say(lang, 'template.sum_mixed', {
        what: formats.size > 1 ? 'format' : 'year',
        inputs: inputs.map((i) => ({ name: show(i.name), format: i.report.format, year: i.report.year })),
      }),
    };
  }
  const checked = inputs.map((i) => ({ name: i.name, result: confront(i.report, { lang }) }));
  const bad = checked.filter((c) => !isClean(c.result));
  if (bad.length && !opts.allowErrors) {
    const lines = bad.map((b) => {
      const errs = errorsOf(b.result);
      return say(lang, 'template.sum_input_errors', {
        name: show(b.name),
        count: errs.length,
        // As check names them: the cell (with its sheet: the line names only the file), then the words.
        messages: errs.slice(0, 3).map((f) => findingLine(f, lang, { withSheet: true, show })),
        more: errs.length > 3,
      });
    });
    return { ok: false, reason: 'errors', results: checked, message: say(lang, 'template.sum_errors', { lines }) };
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
        notes.push(say(lang, 'template.sum_not_in_form', { name: input.name, cell: cellOf(input.report, id, lang), format: form.key }));
        continue;
      }
      if (!(v instanceof Dec)) {
        texts.push(
          say(lang, 'template.sum_text_cell', {
            name: show(input.name),
            ref: show(input.report.cells[id]?.ref ?? cellOf(input.report, id, lang)),
            text: show(clipText(String(v))),
          }),
        );
        continue;
      }
      totals.set(id, (totals.get(id) ?? Dec.ZERO).add(v));
    }
  }
  if (texts.length && !opts.allowErrors)
    return {
      ok: false,
      reason: 'not_numbers',
      message: say(lang, 'template.sum_not_numbers', { cells: texts }),
    };
  if (texts.length) notes.push(...texts.map((t) => say(lang, 'template.sum_not_summed', { cell: t })));

  // Exact or refused (issue 20): a figure past what a JS number holds exactly (2^53, or more
  // decimals than a double keeps) is neither summed from a rounded input nor written rounded.
  const inexact: string[] = [];
  for (const input of inputs) {
    const inForm = formCells(withVariants(getForm(input.report.format), input.report.variants ?? []));
    for (const [id, read] of Object.entries(input.report.cells)) {
      const spec = inForm.get(id);
      const v = spec && readValue(read.raw, spec.kind, read.exact);
      if (v?.kind === 'number' && v.inexact)
        inexact.push(say(lang, 'template.sum_text_cell', { name: show(input.name), ref: show(read.ref), text: String(v.value) }));
    }
  }
  for (const [id, t] of totals)
    if (t && typeof jsonNumber(t) === 'string')
      inexact.push(
        say(lang, 'template.sum_text_cell', {
          name: say(lang, 'template.sum_total_row'),
          ref: cellWords(cells.get(id)!, lang),
          text: String(t),
        }),
      );
  if (inexact.length) return { ok: false, reason: 'inexact', message: say(lang, 'limits.sum_inexact', { cells: inexact }) };

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
        // Past 2^53 (an even figure a JS number holds exactly), the digits go with it: read as exact, not as maybe rounded.
        const n = v ? v.toNumber() : null;
        const big = n !== null && Number.isInteger(n) && !Number.isSafeInteger(n);
        return [id, { ref: `${sheet}!${a1(at.r, at.c)}`, raw: n, ...(big ? { exact: v!.toString() } : {}) }];
      }),
    ),
    notes: [],
    tables: form.tables.map((t) => t.key),
  };
  const result = confront(report, { lang });
  const sumErrors = errorsOf(result);
  if (sumErrors.length && !opts.allowErrors)
    return {
      ok: false,
      reason: 'sum_errors',
      // The sum's cells are in no file yet: its findings are named by their words alone.
      message: say(lang, 'template.sum_fails', { messages: sumErrors.map((f) => show(f.message)) }),
    };

  // Appendix: every input with its grand totals, then the sum.
  const grand = grandTotals(form);
  const header = [
    ...(['no', 'file', 'agency', 'year', 'format', 'errors'] as const).map((column) => say(lang, 'template.sum_column', { column })),
    ...grand.map((id) => cellWords(cells.get(id)!, lang)),
  ];
  const rows: (string | number | null)[][] = [header];
  inputs.forEach((input, i) => {
    const inForm = formCells(withVariants(getForm(input.report.format), input.report.variants ?? []));
    const errs = errorsOf(checked[i].result).length;
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
        const v = readValue(read.raw, spec.kind, read.exact);
        return v.kind === 'number' ? v.value.toNumber() : v.kind === 'text' ? v.text : null;
      }),
    ]);
  });
  rows.push([
    '',
    say(lang, 'template.sum_total_row'),
    opts.agency ?? '',
    year ?? '',
    form.key,
    sumErrors.length,
    ...grand.map((id) => totals.get(id)?.toNumber() ?? null),
  ]);
  return { ok: true, form, year, values, report, result, appendix: rows, notes, inputs: checked };
}
