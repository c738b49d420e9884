/**
 * Findings about the report's layout rather than its numbers (docs/formats.md, "Which format applies"):
 * the wrong format for the year, an old row layout, tables or cells the report does not print.
 */
import type { Finding, Lang } from '../model/findings';
import { formCells, formForYear, getForm, rowName, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import type { RuleSet } from '../rules';
import type { Cell } from './cell';
import { say } from '../messages';
import { builtinRule } from '../rules/builtin';
import { cellName } from './wording';

export function formatFindings(report: ReportData, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const base = getForm(report.format);
  if (report.year !== null) {
    const due = formForYear(report.year);
    if (due.key !== base.key)
      out.push({
        rule: 'format.year_mismatch',
        instance: null,
        severity: builtinRule('format.year_mismatch').severity,
        cells: [],
        suspects: [],
        message: say(lang, 'check.year_mismatch', { year: report.year, due: due.key, issuedBy: due.issuedBy, format: base.key }),
      });
  }
  for (const v of report.variants ?? []) {
    const spec = base.variants?.[v];
    if (spec)
      out.push({
        rule: spec.finding,
        instance: null,
        severity: builtinRule(spec.finding).severity,
        cells: [],
        suspects: [],
        message: say(lang, 'check.old_rows', {
          format: base.key,
          label: spec.row.label[spec.row.label.length - 1],
          parts: spec.replaces.length,
        }),
      });
  }
  return out;
}

/**
 * A table the report does not print, or prints without some of its rows or columns: the rules
 * that need those cells cannot be checked, and the statistician is told so instead of seeing a
 * clean report.
 */
export function missingFindings(form: FormSpec, rules: RuleSet, cells: Map<string, Cell>, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const all = formCells(form);
  // Nearly every report prints every cell: told by one look per cell, before any list is made.
  let complete = true;
  for (const id of all.keys())
    if (!cells.has(id)) {
      complete = false;
      break;
    }
  if (complete) return out;
  for (const table of form.tables) {
    const ids = [...all.values()].filter((c) => c.table.key === table.key);
    const missing = ids.filter((c) => !cells.has(c.id));
    if (!missing.length) continue;
    const name = lang === 'en' ? table.shortEn : table.short;
    const skipped = rules.instances.filter(
      (i) => !i.cross && i.cells.some((id) => id.startsWith(`${table.key}:`)) && i.cells.some((id) => !cells.has(id)),
    ).length;
    if (missing.length === ids.length) {
      out.push({
        rule: 'format.missing_table',
        instance: table.key,
        severity: builtinRule('format.missing_table').severity,
        cells: [],
        suspects: [],
        message: say(lang, 'check.missing_table', { table: name, title: table.title, skipped }),
      });
      continue;
    }
    const rows = [...new Set(missing.map((c) => c.row.key))];
    const fullRows = rows.filter((r) => ids.filter((c) => c.row.key === r).every((c) => !cells.has(c.id)));
    const what = fullRows.length
      ? say(lang, 'check.missing_rows', {
          rows: fullRows.map((r) => rowName(ids.find((c) => c.row.key === r)!.row)),
        })
      : say(lang, 'check.missing_cell_list', {
          cells: missing.slice(0, 8).map((c) => cellName(c, lang)),
          more: missing.length > 8,
        });
    out.push({
      rule: 'format.missing_cells',
      instance: table.key,
      severity: builtinRule('format.missing_cells').severity,
      cells: [],
      suspects: [],
      message: say(lang, 'check.missing_cells', { table: name, count: missing.length, what, skipped }),
    });
  }
  return out;
}
