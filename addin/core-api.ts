/**
 * The pane's doors into core/: each loaded with import() only when an action needs it, so that
 * the first load stays small (React + Fluent UI + the pane).
 */
import type { FormSpec } from '../core/forms/types';
import type { SheetLayout, LayoutOptions } from '../core/template/layout';

/** Core's one check (core/check/file.ts), for a host's cells and for a file's bytes alike: the command line's path. */
export type Checker = Pick<typeof import('../core/check/file'), 'checkFile' | 'checkFileRead' | 'unreadable'>;

let checker: Promise<Checker> | null = null;
export function loadChecker(): Promise<Checker> {
  checker ??= import(/* webpackChunkName: "checker" */ '../core/check/file');
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
