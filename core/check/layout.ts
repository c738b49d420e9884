/**
 * Findings about the report's layout rather than its numbers (docs/formats.md, "Format rules"):
 * the wrong format for the year, an old row layout, tables or cells the report does not print.
 */
import type { Finding, Lang } from '../model/findings';
import { formCells, formForYear, getForm, rowName, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import type { RuleSet } from '../rules';
import type { Cell } from './cell';
import { cellName, L } from './wording';

export function formatFindings(report: ReportData, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const base = getForm(report.format);
  if (report.year !== null) {
    const due = formForYear(report.year);
    if (due.key !== base.key)
      out.push({
        rule: 'format.year_mismatch',
        instance: null,
        severity: 'warning',
        cells: [],
        suspects: [],
        message: L(
          lang,
          `${report.year} 年度报告应使用 ${due.issuedBy} 的格式（${due.key}），但表格是 ${base.key} 格式，已按 ${base.key} 格式检查`,
          `a ${report.year} report should use format ${due.key} (${due.issuedBy}), but its tables are in format ${base.key}; checked as ${base.key}`,
        ),
      });
  }
  for (const v of report.variants ?? []) {
    const spec = base.variants?.[v];
    if (spec)
      out.push({
        rule: spec.finding,
        instance: null,
        severity: 'warning',
        cells: [],
        suspects: [],
        message: L(
          lang,
          `${base.key} 格式的表三应将“${spec.row.label[spec.row.label.length - 1]}”分为 ${spec.replaces.length} 项，本报告仍为旧格式的一行，已按其实有的行检查`,
          `a format ${base.key} Table 3 splits "${spec.row.label[spec.row.label.length - 1]}" into ${spec.replaces.length} rows; this report prints the old single row and was checked with it`,
        ),
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
        severity: 'warning',
        cells: [],
        suspects: [],
        message: L(
          lang,
          `没有找到${name}（${table.title}），其 ${skipped} 个等式未检查`,
          `${name} (${table.title}) was not found; its ${skipped} equations were not checked`,
        ),
      });
      continue;
    }
    const rows = [...new Set(missing.map((c) => c.row.key))];
    const fullRows = rows.filter((r) => ids.filter((c) => c.row.key === r).every((c) => !cells.has(c.id)));
    const what = fullRows.length
      ? L(lang, `行：${fullRows.map((r) => rowName(ids.find((c) => c.row.key === r)!.row)).join('、')}`, `rows: ${fullRows.join(', ')}`)
      : L(
          lang,
          `单元格：${missing
            .slice(0, 8)
            .map((c) => cellName(c, lang))
            .join('、')}${missing.length > 8 ? '…' : ''}`,
          `cells: ${missing
            .slice(0, 8)
            .map((c) => c.id)
            .join(', ')}${missing.length > 8 ? '…' : ''}`,
        );
    out.push({
      rule: 'format.missing_cells',
      instance: table.key,
      severity: 'warning',
      cells: [],
      suspects: [],
      message: L(
        lang,
        `${name}缺少 ${missing.length} 个单元格（${what}），涉及的 ${skipped} 个等式未检查`,
        `${name} lacks ${missing.length} cells (${what}); ${skipped} equations involving them were not checked`,
      ),
    });
  }
  return out;
}
