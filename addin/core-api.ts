/**
 * The pane's doors into core/: each loaded with import() only when an action needs it, so that
 * the first load stays small (React + Fluent UI + the pane).
 */
import type { Book } from '../core/read/grid';
import type { ReportData } from '../core/report';
import type { Lang, ReportResult } from '../core/findings';
import type { FormSpec } from '../core/forms/types';
import type { SheetLayout, LayoutOptions } from '../core/template/layout';

export interface Checker {
  locateReports(book: Book): ReportData[];
  checkReport(report: ReportData, opts: { lang: Lang }): ReportResult;
}

let checker: Promise<Checker> | null = null;
export function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([
    // @ts-ignore -- core/read/locate.ts lands from another engineer; webpack swaps in a stub until then
    import(/* webpackChunkName: "checker" */ '../core/read/locate'),
    // @ts-ignore -- core/check.ts lands from another engineer; webpack swaps in a stub until then
    import(/* webpackChunkName: "checker" */ '../core/check'),
  ]).then(([loc, chk]) => ({
    locateReports: (book: Book) => normaliseLocated(loc.locateReports(book)),
    checkReport: (report: ReportData, opts: { lang: Lang }) => chk.checkReport(report, opts) as ReportResult,
  }));
  return checker;
}

/** locateReports may give the reports, or an object holding them. */
function normaliseLocated(x: unknown): ReportData[] {
  if (Array.isArray(x)) return x as ReportData[];
  if (x && typeof x === 'object' && Array.isArray((x as { reports?: unknown }).reports)) return (x as { reports: ReportData[] }).reports;
  return [];
}

export interface Templates {
  getForm(key: string): FormSpec;
  formForYear(year: number): FormSpec;
  templateLayout(form: FormSpec, opts: LayoutOptions): SheetLayout;
}

let templates: Promise<Templates> | null = null;
export function loadTemplates(): Promise<Templates> {
  templates ??= Promise.all([
    import(/* webpackChunkName: "forms" */ '../core/forms'),
    import(/* webpackChunkName: "forms" */ '../core/template/layout'),
  ]).then(([forms, layout]) => ({ getForm: forms.getForm, formForYear: forms.formForYear, templateLayout: layout.templateLayout }));
  return templates;
}

export interface WorkbookReader {
  readWorkbook(data: Uint8Array, name: string): Book;
}

let reader: Promise<WorkbookReader> | null = null;
export function loadReader(): Promise<WorkbookReader> {
  reader ??= import(/* webpackChunkName: "xlsx-read" */ '../core/read/xlsx').then((m) => ({ readWorkbook: (d: Uint8Array, n: string) => m.readWorkbook(d, n) }));
  return reader;
}
