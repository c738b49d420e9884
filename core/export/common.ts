/**
 * What every export shares: the refusal of a report with error findings (unless allowed), the
 * form the report prints (variants included), and each value cell as published.
 */
import { confront, formOf } from '../check';
import { errorsOf, type Finding, type Lang } from '../model/findings';
import { formCells, type CellSpec, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import { clipText, readValue } from '../model/values';
import { say } from '../messages';

export interface ExportOptions {
  lang?: Lang;
  /** Export even when the report has error findings. */
  allowErrors?: boolean;
}

/** Thrown when a report with error findings is exported without allowErrors. */
export class ExportRefused extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[], lang: Lang, name: string | null) {
    // Each finding by its rule id and message: the instance is a key for programs, not for people.
    const lines = findings.slice(0, 5).map((f) => `${f.rule}: ${f.message}`);
    super(say(lang, 'template.export_refused', { where: name, count: findings.length, lines, more: Math.max(0, findings.length - 5) }));
    this.name = 'ExportRefused';
    this.findings = findings;
  }
}

/** Refuses (throws ExportRefused) when the report has error findings and they are not allowed. */
export function guardExport(report: ReportData, opts: ExportOptions = {}): void {
  if (opts.allowErrors) return;
  const lang = opts.lang ?? 'zh';
  const errors = errorsOf(confront(report, { lang }));
  if (errors.length) throw new ExportRefused(errors, lang, report.sheet ?? report.agency);
}

export interface ExportCell {
  spec: CellSpec;
  /** The value as published: a number, the text as written when it is no number, null when blank. */
  value: number | string | null;
  /** Exact decimal text of a number ("160.5964"), '' when blank, the text otherwise. */
  text: string;
}

/** Every value cell of the report's form, in reading order. */
export function exportCells(report: ReportData): { form: FormSpec; cells: ExportCell[] } {
  const form = formOf(report);
  const cells: ExportCell[] = [];
  for (const [id, spec] of formCells(form)) {
    const raw = report.cells[id]?.raw ?? null;
    const v = readValue(raw, spec.kind);
    if (v.kind === 'number') cells.push({ spec, value: v.value.toNumber(), text: v.value.toString() });
    else if (v.kind === 'blank') cells.push({ spec, value: null, text: '' });
    // Text is published cut as in messages: a hostile cell may hold megabytes.
    else cells.push({ spec, value: clipText(v.text), text: clipText(v.text) });
  }
  return { form, cells };
}
