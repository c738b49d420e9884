/**
 * fill: a read report's values, with blank totals computed from their parts (only when every
 * part is a number), non-blank totals never overwritten (a disagreement is a finding), and, with
 * last year's report, the cells last year determines (上年结转) filled where blank.
 */
import { Dec } from '../model/decimal';
import type { Finding, FindingCell, Lang } from '../model/findings';
import { formCells, getForm, parseCellId, withVariants, type FormSpec } from '../forms';
import { cellName } from '../check/wording';
import { judgedCells } from '../check';
import { clipText } from '../model/values';
import { say } from '../messages';
import type { ReportData } from '../model/report';
import { readValue, shownValue } from '../model/values';
import type { Cell } from '../check/cell';
import { derivedParts, planDerived, priorRelations, type WriteValue } from './derive';

/** A cell in words, as the checker names it. */
export const cellWords = cellName;

/** The report's values as the writer takes them: numbers exact, placeholders blank, other text as written. */
export function reportValues(form: FormSpec, report: ReportData): Map<string, WriteValue> {
  const out = new Map<string, WriteValue>();
  for (const [id, spec] of formCells(form)) {
    const read = report.cells[id];
    if (!read) continue;
    const v = readValue(read.raw, spec.kind, read.exact);
    out.set(id, v.kind === 'number' ? v.value : v.kind === 'blank' ? null : v.text);
  }
  return out;
}

/**
 * The report's values as the checker judges them (core/check.ts judgedCells): formulas recalculated
 * from the cells (a total saved without its result is its computed value, a stale one its
 * recomputed value), totals a number typed as text left short taken with the number entered. A
 * formula whose value cannot be known is blank here and named in `unknown`.
 */
export function judgedValues(form: FormSpec, report: ReportData) {
  const { cells, recalc } = judgedCells(report, form);
  const values = new Map<string, WriteValue>();
  for (const [id, c] of cells) {
    const v = c.value;
    values.set(id, recalc.unknown.has(id) ? null : v.kind === 'number' ? v.value : v.kind === 'blank' ? null : v.text);
  }
  return { values, cells, unknown: recalc.unknown };
}

export interface PriorFill {
  /** Cells determined by last year's report alone (上年结转 ← 结转下年度). */
  values: Map<string, Dec>;
  /** Last year's figures that take part in a cross-year relation with this year's own cells (shown as a note). */
  notes: string[];
  /** Where each filled value came from: cellId → last year's refs. */
  sources: Map<string, string[]>;
}

/**
 * What last year's report determines, read from the form's cross-year rules: a relation whose
 * right side is made of last year's cells only gives this year's cell; one that mixes both years
 * gives a note with last year's figures.
 */
export function fromPrior(form: FormSpec, prior: ReportData, lang: Lang = 'zh'): PriorFill {
  const priorForm = withVariants(getForm(prior.format), prior.variants ?? []);
  const priorCells = formCells(priorForm);
  const values = new Map<string, Dec>();
  const sources = new Map<string, string[]>();
  const noted = new Map<string, string>();
  const priorValue = (id: string): Dec | null => {
    const spec = priorCells.get(id);
    const read = prior.cells[id];
    if (!spec || !read) return null;
    const v = readValue(read.raw, spec.kind, read.exact);
    return v.kind === 'number' ? v.value : null;
  };
  for (const rel of priorRelations(form)) {
    if (!formCells(form).has(rel.target)) continue;
    const priorTerms = rel.terms.filter((t) => t.prior);
    if (!priorTerms.length) continue;
    if (priorTerms.length === rel.terms.length) {
      let acc: Dec | null = Dec.ZERO;
      for (const t of rel.terms) {
        const v = priorValue(t.cell);
        acc = acc && v ? acc.add(v.mul(t.coef)) : null;
      }
      if (acc) {
        values.set(rel.target, acc);
        sources.set(
          rel.target,
          rel.terms.map((t) => prior.cells[t.cell]?.ref ?? t.cell),
        );
      }
    } else {
      for (const t of priorTerms) {
        const v = priorValue(t.cell);
        const spec = priorCells.get(t.cell);
        if (!v || !spec || noted.has(t.cell)) continue;
        noted.set(t.cell, say(lang, 'template.prior_value', { name: cellWords(spec, lang), value: v.toString() }));
      }
    }
  }
  const notes = noted.size ? [say(lang, 'template.prior_heading', { year: prior.year }), ...noted.values()] : [];
  return { values, notes, sources };
}

export interface FillResult {
  form: FormSpec;
  /** Values to write (the report's own, plus what was filled). */
  values: Map<string, WriteValue>;
  /** Cells that were blank and are now filled. */
  filled: string[];
  findings: Finding[];
  notes: string[];
}

export function fillReport(report: ReportData, opts: { prior?: ReportData | null; lang?: Lang } = {}): FillResult {
  const lang = opts.lang ?? 'zh';
  const form = withVariants(getForm(report.format), report.variants ?? []);
  const cells = formCells(form);
  // The values the checker judges, so that what fill writes is checked as what it read was.
  const judged = judgedValues(form, report);
  const values = judged.values;
  const findings: Finding[] = [];
  const filled: string[] = [];
  const ref = (id: string) => report.cells[id]?.ref ?? id;
  const fc = (id: string, value: number | string | null = null): FindingCell => {
    const { table, row, column } = parseCellId(id);
    const read = report.cells[id];
    const spec = cells.get(id)!;
    return { ref: ref(id), table, row, column, value: read ? shownValue(read.raw, readValue(read.raw, spec.kind, read.exact)) : value };
  };
  const name = (id: string) => cellWords(cells.get(id)!, lang);
  const at = (id: string, what: string) => say(lang, 'template.at', { where: name(id), what });

  let notes: string[] = [];
  if (opts.prior) {
    const p = fromPrior(form, opts.prior, lang);
    notes = p.notes;
    // Parts first. A total last year gives (上年结转 总计) is written only where this year's parts give
    // no other sum: one contradicting its parts would be a new imbalance (it is filled from them below).
    const derived = derivedParts(form);
    const order = [...p.values].sort(([a], [b]) => Number(derived.has(a)) - Number(derived.has(b)));
    for (const [id, v] of order) {
      const own = values.get(id);
      if (own == null && derived.has(id)) {
        const sum = planDerived(form, values, false).get(id)?.sum;
        if (sum && !sum.eq(v)) continue;
      }
      if (own == null) {
        values.set(id, v);
        filled.push(id);
        findings.push({
          rule: 'fill.prior',
          instance: id,
          severity: 'notice',
          cells: [fc(id)],
          suspects: [],
          actual: v.toNumber(),
          message: at(id, say(lang, 'template.fill_prior', { sources: p.sources.get(id)!, value: String(v) })),
        });
      } else if (!(own instanceof Dec && own.eq(v))) {
        findings.push({
          rule: 'fill.prior_differs',
          instance: id,
          severity: 'warning',
          cells: [fc(id)],
          suspects: [],
          expected: v.toNumber(),
          actual: own instanceof Dec ? own.toNumber() : null,
          message: at(id, say(lang, 'template.fill_prior_differs', { own: String(own), sources: p.sources.get(id)!, value: String(v) })),
        });
      }
    }
  }

  const plans = planDerived(form, values, false);
  for (const [id, plan] of plans) {
    if (!cells.has(id)) continue;
    const own = values.get(id);
    if (judged.unknown.has(id) && plan.status === 'formula') {
      // A total whose formula cannot be computed (and has no saved result) is blank in content:
      // filled from its parts as the official formula, and said, since its own formula is replaced.
      values.set(id, plan.value);
      filled.push(id);
      findings.push({
        rule: 'fill.formula_replaced',
        instance: id,
        severity: 'warning',
        cells: [fc(id)],
        suspects: [],
        actual: (plan.value as Dec).toNumber(),
        message: at(
          id,
          say(lang, 'template.fill_formula_replaced', { formula: clipText(report.cells[id].formula ?? '', 80), value: String(plan.value) }),
        ),
      });
      continue;
    }
    if (own == null && plan.status === 'formula') {
      values.set(id, plan.value);
      filled.push(id);
      findings.push({
        rule: 'fill.total',
        instance: id,
        severity: 'notice',
        cells: [fc(id)],
        suspects: [],
        actual: (plan.value as Dec).toNumber(),
        message: at(id, say(lang, 'template.fill_total', { value: String(plan.value) })),
      });
    } else if (own == null && plan.status === 'blank') {
      findings.push({
        rule: 'fill.total_unknown',
        instance: id,
        severity: 'warning',
        cells: [fc(id), ...plan.missing.map((m) => fc(m))],
        suspects: [],
        message: at(id, say(lang, 'template.fill_total_unknown', { missing: plan.missing.map((m) => ({ name: name(m), ref: ref(m) })) })),
      });
    } else if (plan.status === 'kept' && plan.sum) {
      const formula = report.cells[id]?.formula;
      findings.push({
        rule: 'fill.total_differs',
        instance: id,
        severity: 'warning',
        cells: [fc(id)],
        suspects: [],
        expected: plan.sum.toNumber(),
        actual: own instanceof Dec ? own.toNumber() : null,
        message: at(
          id,
          formula
            ? say(lang, 'template.fill_formula_differs', { formula: clipText(formula, 80), own: String(own), sum: String(plan.sum) })
            : say(lang, 'template.fill_total_differs', { own: String(own), sum: String(plan.sum) }),
        ),
      });
    }
  }
  // A formula whose value cannot be known and that fill could not fill: written blank, said.
  for (const [id, why] of judged.unknown)
    if (values.get(id) == null)
      findings.push({
        rule: 'fill.formula_unknown',
        instance: id,
        severity: 'warning',
        cells: [fc(id)],
        suspects: [],
        message: at(id, say(lang, 'check.formula_unevaluated', { formula: clipText(report.cells[id].formula ?? '', 80), why })),
      });
  findings.push(...rewritten(report, judged.cells, plans, lang));
  return { form, values, filled, findings, notes };
}

/**
 * What the written workbook holds differently from the report, cell by cell, so that nothing
 * changes unsaid: a number typed as text ("15件") is written as the number, and a formula the
 * official layout does not write as a total (an input cell's, or a total not equal to its parts)
 * is written as its value.
 */
function rewritten(report: ReportData, judged: Map<string, Cell>, plans: Map<string, { status: string }>, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const [id, c] of judged) {
    const read = report.cells[id];
    const { table, row, column } = parseCellId(id);
    const where = cellWords(c.spec, lang);
    const cell: FindingCell = { ref: read.ref, table, row, column, value: shownValue(read.raw, c.value) };
    const v = c.value;
    // A notice on this cell: what fill wrote instead of what the cell held.
    const notice = (rule: string, what: string): Finding => ({
      rule,
      instance: id,
      severity: 'notice',
      cells: [cell],
      suspects: [],
      message: say(lang, 'template.at', { where, what }),
    });
    if (!read.formula && v.kind === 'number' && v.disguise && typeof read.raw === 'string')
      out.push(notice('fill.text_number', say(lang, 'template.fill_text_number', { raw: clipText(read.raw, 40), value: String(v.value) })));
    else if (read.formula && plans.get(id)?.status !== 'formula' && v.kind === 'number')
      out.push(
        notice(
          'fill.formula_value',
          say(lang, 'template.fill_formula_value', { formula: clipText(read.formula, 80), value: String(v.value) }),
        ),
      );
  }
  return out;
}
