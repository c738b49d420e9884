/**
 * The tables in the key scheme of docs/formats.md: { format, year, agency, tables: { T2: { rules:
 * { issued: 3, … }, … }, T3: { R1: { natural: 0, … }, … }, T4: { R1: { "review.upheld": 0, … } } } }.
 * Values are numbers (money exactly as written, in 万元), null when blank, text when not a number.
 */
import type { ReportData } from '../model/report';
import { exportCells, guardExport, type ExportOptions } from './common';

export interface TablesJson {
  format: string;
  variants?: string[];
  year: number | null;
  agency: string | null;
  tables: Record<string, Record<string, Record<string, number | string | null>>>;
}

export function exportTables(report: ReportData, opts: ExportOptions = {}): TablesJson {
  guardExport(report, opts);
  const { form, cells } = exportCells(report);
  const tables: TablesJson['tables'] = {};
  for (const c of cells) {
    const t = (tables[c.spec.table.key] ??= {});
    const r = (t[c.spec.row.key] ??= {});
    r[c.spec.column.key] = c.value;
  }
  return {
    format: form.key,
    ...(report.variants?.length ? { variants: report.variants } : {}),
    year: report.year,
    agency: report.agency,
    tables,
  };
}

/** The JSON text (pretty-printed, trailing newline). */
export function exportJson(report: ReportData, lang: 'zh' | 'en' = 'zh', opts: ExportOptions = {}): string {
  return `${JSON.stringify(exportTables(report, { ...opts, lang }), null, 2)}\n`;
}
