/**
 * confront(report, rules) → findings. Takes plain values with their addresses (ReportData) and
 * returns the findings of docs/findings.md, with the wrong cells pointed at. Its pieces, under
 * check/: cell.ts (the checker's view of a cell), cells.ts (cell rules), layout.ts (format rules),
 * formulas.ts (the report's own formulas), blank-totals.ts (totals left blank with their parts
 * written), equations.ts (rule instances evaluated),
 * suspects.ts (error localisation), wording.ts (how things are named for people).
 */
import { type Finding, type Lang, type ReportResult } from './model/findings';
import { getForm, withVariants, type FormSpec } from './forms';
import type { ReportData } from './model/report';
import { noteText } from './read/notes';
import { compileRules, type RuleInstance, type RuleSource } from './rules';
import { readCells } from './check/cell';
import { cellFindings, computedNotice, textUnderSumFinding } from './check/cells';
import { crossYear, evaluate } from './check/equations';
import { cellPlaces, formulaLinks, textUnderSums } from './check/formulas';
import { once } from './read/cache';
import { staleFinding, uncomputedFindings } from './check/formula-findings';
import { recalculate } from './check/recalc';
import { formatFindings, missingFindings } from './check/layout';
import { pointAtSuspects } from './check/suspects';
import { countRules } from './check/tally';
import { omittedTotals, totalBlankFinding, withOmittedTotals } from './check/blank-totals';

export { cellName, slip } from './check/wording';

export interface CheckOptions {
  lang?: Lang;
  /** Last year's report, for the cross-year (X.*) rules. */
  prior?: ReportData | null;
  /** Name of last year's file, shown in its cells' refs as [name]Sheet!A1. */
  priorName?: string;
  /** Local rule files (same language as the built-in rules). */
  extraRules?: readonly RuleSource[];
  /** No blank-cell findings: an untouched report, which is said once instead (core/batch/unfilled.ts markUnfilled). */
  blankUnsaid?: boolean;
  /** Text rules hook (text.*), given the report and its cell values. */
  textRules?: (report: ReportData, value: (cellId: string) => number | null, lang: Lang) => Finding[];
}

export function formOf(report: ReportData): FormSpec {
  return withVariants(getForm(report.format), report.variants ?? []);
}

/**
 * The report's cells as the checker judges them: every formula recalculated from the cells
 * (check/recalc.ts: a missing or stale saved result is never judged), and totals a number typed
 * as text left short taken as they would be with the number entered (check/formulas.ts).
 */
export function judgedCells(report: ReportData, form: FormSpec = formOf(report)) {
  const cells = readCells(form, report);
  // The cells' addresses, read from their refs once for both (when a cell holds a formula).
  const places = once(() => cellPlaces(cells));
  const links = formulaLinks(cells, places);
  const recalc = recalculate(cells, places);
  const shortened = textUnderSums(cells, links);
  return { cells, links, recalc, shortened };
}

/**
 * Checks one report against its form's rules (and any local ones): the findings of
 * docs/findings.md, errors pointed at the cells most likely wrong, with its rules' instance
 * counts (`rules`) for summariseFindings.
 */
export function confront(report: ReportData, opts: CheckOptions = {}): ReportResult {
  const lang = opts.lang ?? 'zh';
  const form = formOf(report);
  const rules = compileRules(form, opts.extraRules ?? []);
  const { cells, links, recalc, shortened } = judgedCells(report, form);
  const { computed, unknown } = recalc;
  // A total left blank with its parts written is omitted, not 0: said once, judged as the sum of its parts.
  const omitted = omittedTotals(rules, cells, unknown);
  const judged = withOmittedTotals(cells, omitted);
  const findings: Finding[] = [];

  findings.push(...formatFindings(report, lang));
  findings.push(...missingFindings(form, rules, cells, lang));
  const stale = staleFinding(recalc, cells, lang);
  if (stale) findings.push(stale);
  findings.push(...uncomputedFindings(recalc, cells, lang));
  const blankTotals = totalBlankFinding(omitted, cells, lang);
  if (blankTotals) findings.push(blankTotals);
  for (const cell of cells.values()) {
    if (unknown.has(cell.id) || omitted.has(cell.id)) continue; // said by uncomputedFindings / totalBlankFinding, never as blank
    if (opts.blankUnsaid && cell.value.kind === 'blank' && !cell.read.doubt && !computed.has(cell.id) && !shortened.has(cell.id)) continue;
    if (computed.has(cell.id)) findings.push(computedNotice(cell, lang), ...cellFindings(cell, lang));
    else if (shortened.has(cell.id))
      findings.push(
        textUnderSumFinding(cell, shortened.get(cell.id)!, cells, lang),
        ...cellFindings(cell, lang).filter((f) => f.rule !== 'cell.text_number'),
      );
    else findings.push(...cellFindings(cell, lang));
  }

  const equationFindings: { finding: Finding; inst: RuleInstance }[] = [];
  const evaluated = new Set<RuleInstance>();
  for (const inst of rules.instances) {
    if (inst.cross) continue;
    // Withheld when a cell is not printed; when a formula's value cannot be known (not judged as
    // blank: said on the cell); when a cell is no number (solved for, not evaluated: its own
    // finding suggests the value). One pass over the instance's cells for the three.
    let withheld = false;
    for (const id of inst.cells) {
      const c = cells.get(id);
      if (!c || unknown.has(id) || c.value.kind === 'text') {
        withheld = true;
        break;
      }
    }
    if (withheld) continue;
    evaluated.add(inst);
    const f = evaluate(inst, (id) => judged.get(id)!, null, lang);
    if (f) {
      findings.push(f);
      equationFindings.push({ finding: f, inst });
    }
  }
  if (opts.prior)
    findings.push(...crossYear(rules, judged, formOf(opts.prior), opts.prior, opts.priorName ?? null, lang, evaluated, unknown));
  if (opts.textRules && report.textLines?.length) {
    findings.push(
      ...opts.textRules(
        report,
        (id) => {
          const c = judged.get(id);
          return c?.value.kind === 'number' ? c.value.value.toNumber() : c?.value.kind === 'blank' ? 0 : null;
        },
        lang,
      ),
    );
  }
  // Suspects are looked for with the omitted totals blank: solved for, like every blank total.
  pointAtSuspects(rules, cells, links, equationFindings, findings, lang);
  const result: ReportResult = {
    sheet: report.sheet,
    format: form.key,
    year: report.year,
    ...(report.yearFrom ? { yearFrom: report.yearFrom } : {}),
    agency: report.agency,
    notes: report.notes.map((n) => noteText(lang, n)),
    findings,
    rules: countRules(rules, form, cells, evaluated),
  };
  return result;
}
