/**
 * Stand-in for core/check.ts until it lands (webpack uses it only while that file is missing):
 * checks every derived cell of the template against its parts. Not the real checker.
 */
import { getForm, formCells } from '../../core/forms';
import { derivedParts } from '../../core/template/derive';
import type { ReportData } from '../../core/report';
import type { Finding, Lang, ReportResult } from '../../core/findings';

const num = (raw: unknown) => (typeof raw === 'number' ? raw : raw === null || raw === undefined || raw === '' ? 0 : Number(raw));

export function checkReport(report: ReportData, opts: { lang: Lang }): ReportResult {
  const form = getForm(report.format);
  const cells = formCells(form);
  const findings: Finding[] = [];
  for (const [id, parts] of derivedParts(form)) {
    const total = report.cells[id];
    if (!total || parts.some((p) => !report.cells[p.cell])) continue;
    const sum = parts.reduce((s, p) => s + p.coef * num(report.cells[p.cell].raw), 0);
    const actual = num(total.raw);
    if (Math.abs(sum - actual) < 1e-9) continue;
    const [table, row, column] = id.split(':');
    const c = (cid: string) => { const [t, r, col] = cid.split(':'); const x = report.cells[cid]; return { ref: x.ref, table: t, row: r, column: col, value: x.raw as number | null }; };
    findings.push({
      rule: `${table}.total`, instance: column, severity: 'error',
      message: opts.lang === 'en' ? `${id}: parts sum to ${sum}, total is ${actual}` : `${id}：各项之和 ${sum}，合计为 ${actual}`,
      cells: [c(id), ...parts.map((p) => c(p.cell))], expected: sum, actual,
      suspects: [{ ...c(id), suggested: sum, reason: 'stub' }],
    });
    void row;
  }
  for (const [id] of cells) if (report.cells[id] && report.cells[id].raw === null) {
    const [t, r, col] = id.split(':');
    findings.push({ rule: 'cell.blank', instance: id, severity: 'warning', message: `${id} 空白 / blank`, cells: [{ ref: report.cells[id].ref, table: t, row: r, column: col, value: null }], suspects: [] });
  }
  return { sheet: report.sheet, format: report.format, year: report.year, agency: report.agency, notes: report.notes, findings };
}
