/**
 * xxgk-tables: the library's front door. Forms and rules are data; `confront` checks one report's
 * values against them and returns findings you can summarise and slice; readers turn workbooks and
 * published reports into reports; templates and exports write the official layout.
 *
 *   const [report] = await readReportsAsync(bytes, '财政局.pdf');   // any kind; readReportsFrom: any but PDF, synchronous
 *   const result = confront(report);                 // docs/findings.md's report object
 *   summariseFindings(result);                         // [{ rule: 'T3.balance', severity: 'error', instances: 7, passed: 6, failed: 1, skipped: 0 }, …]
 *   sliceFindings(result, { table: 'T3', severity: 'error' });
 */
export { FORMS, getForm, formForYear, withVariants, formCells, cellId, parseCellId } from './forms';
export type { FormSpec, TableSpec, BlockSpec, RowSpec, ColumnSpec, ValueKind, TableKey } from './forms';
export { compileRules, derivedCells, parseRules, RuleSyntaxError } from './rules';
export type { RuleSet, RuleFamily, RuleInstance, RuleSource } from './rules';
export { confront, formOf } from './check';
export type { CheckOptions } from './check';
export { checkData, checkInput, readReportsFrom, readReportsAsync, decodeText } from './checkfile';
export { findingsDocument, summariseFindings, sliceFindings, isClean } from './model/findings';
export type {
  Finding,
  FindingCell,
  Suspect,
  ReportResult,
  FileResult,
  FindingsDoc,
  Severity,
  Lang,
  FindingFilter,
  RuleSummary,
} from './model/findings';
export type { ReportData, CellRead } from './model/report';
export { readValue } from './model/values';
export { Dec } from './model/decimal';
export { ReadError } from './read/errors';
export { locateReports } from './read/locate';
export { readWorkbook } from './read/xlsx';
export { importText, importHtml, readPublished } from './import';
export { templateLayout } from './template/layout';
export { writeTemplate } from './template/xlsx';
export { exportHtml, exportCsv, exportJson, exportXlsx, ExportRefused } from './export';
