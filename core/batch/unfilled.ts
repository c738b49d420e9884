/**
 * An untouched template is "not filled in", not a clean report with a warning per blank cell: a
 * report where no value cell holds anything typed (formulas and last year's carried-over figures
 * aside) gets one finding, batch.unfilled, in place of its cell.blank warnings.
 */
import type { Finding, Lang, ReportResult } from '../model/findings';
import type { CellRead, ReportData } from '../model/report';
import { formCells, getForm, withVariants } from '../forms';
import { priorRelations } from '../template/derive';
import { say } from '../messages';

const carried = new Map<string, Set<string>>();

/** Cells a template may hold pre-filled from last year's report (xxgk template --from). */
function carriedCells(report: ReportData): Set<string> {
  const key = `${report.format}|${(report.variants ?? []).join(',')}`;
  let set = carried.get(key);
  if (!set) {
    set = new Set(priorRelations(withVariants(getForm(report.format), report.variants ?? [])).map((r) => r.target));
    carried.set(key, set);
  }
  return set;
}

/** Whether a value cell holds something typed in (not a formula, not a carried-over figure): stops at the first. */
export function anyEntered(report: ReportData): boolean {
  const skip = carriedCells(report);
  const cells = report.cells;
  // The form's cells first, in its order: a filled report is told at its first typed cell. A
  // for-in lists all of the report's some hundred keys before its first, and is left for what
  // the form does not name (a tag may) and for a report with nothing typed.
  for (const id of formCells(withVariants(getForm(report.format), report.variants ?? [])).keys()) {
    const c = cells[id];
    if (c !== undefined && typedIn(c, id, skip)) return true;
  }
  for (const id in cells) if (typedIn(cells[id], id, skip)) return true;
  return false;
}
const typedIn = (c: CellRead, id: string, skip: Set<string>) =>
  !c.formula && !skip.has(id) && !(c.raw === null || (typeof c.raw === 'string' && !c.raw.trim()));

/** Replaces the blank-cell warnings of an untouched report by one error saying it was not filled in. */
export function markUnfilled(data: ReportData, result: ReportResult, lang: Lang, entered = anyEntered(data)): ReportResult {
  // Checked first: a filled report (nearly all) is told at its first typed cell, without listing them all.
  // (`entered`: anyEntered(data), when the caller asked it already: walking a report's cells is not free.)
  if (entered) return result;
  const cells = Object.keys(data.cells).length;
  if (!cells) return result;
  const finding: Finding = {
    rule: 'batch.unfilled',
    instance: null,
    severity: 'error',
    message: say(lang, 'batch.unfilled', { cells }),
    cells: [],
    suspects: [],
  };
  // The blank-cell rule is not applied to such a report: its cells count as skipped, not passed.
  const rules = result.rules?.map((c) => (c.rule === 'cell.blank' ? { ...c, checked: 0 } : c));
  return { ...result, findings: [finding, ...result.findings.filter((f) => f.rule !== 'cell.blank')], ...(rules ? { rules } : {}) };
}
