/**
 * The pane's doors into core/: each loaded with import() only when an action needs it, so that
 * the first load stays small (React + Fluent UI + the pane).
 */
import type { Book } from '../core/read/grid';
import type { InputRead } from '../core/read/input';
import type { ReportData } from '../core/model/report';
import type { Lang, ReportResult } from '../core/model/findings';
import type { FormSpec } from '../core/forms/types';
import type { SheetLayout, LayoutOptions } from '../core/template/layout';

export interface Checker {
  locateReports(book: Book): ReportData[];
  confront(report: ReportData, opts: { lang: Lang }): ReportResult;
}

let checker: Promise<Checker> | null = null;
export function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([
    import(/* webpackChunkName: "checker" */ '../core/read/locate'),
    import(/* webpackChunkName: "checker" */ '../core/check'),
    import(/* webpackChunkName: "checker" */ '../core/rules/text'),
  ]).then(([loc, chk, text]) => ({
    locateReports: (book: Book) => loc.locateReports(book),
    // A report read with its text (Word, PDF, web page) is checked with the text.* rules too.
    confront: (report: ReportData, opts: { lang: Lang }) =>
      chk.confront(report, { ...opts, ...(report.textLines ? { textRules: text.textFindings } : {}) }),
  }));
  return checker;
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
  /** Any kind of the input registry (core/read/kinds.ts): workbook, Word, PDF, web page, text. */
  readInput(data: Uint8Array, name: string): Promise<InputRead>;
}

/** Writers of core: the template workbook and the final tables (xlsx, HTML), each refusing a report with errors. */
export function loadWriters() {
  return Promise.all([
    import(/* webpackChunkName: "writers" */ '../core/template/xlsx'),
    import(/* webpackChunkName: "writers" */ '../core/export/xlsx'),
    import(/* webpackChunkName: "writers" */ '../core/export/html'),
    import(/* webpackChunkName: "forms" */ '../core/forms'),
  ]).then(([t, x, h, f]) => ({
    writeTemplate: t.writeTemplate,
    exportXlsx: x.exportXlsx,
    exportHtml: h.exportHtml,
    formForYear: f.formForYear,
    getForm: f.getForm,
  }));
}

let reader: Promise<WorkbookReader> | null = null;
export function loadReader(): Promise<WorkbookReader> {
  reader ??= import(/* webpackChunkName: "xlsx-read" */ '../core/read/input').then((m) => ({
    readInput: (d: Uint8Array, n: string) => m.readInput(d, n),
  }));
  return reader;
}
