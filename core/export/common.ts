/**
 * What every export shares: the refusal of a report with error findings (unless allowed), the
 * form the report prints (variants included), and each value cell as published.
 */
import { confront, formOf } from '../check';
import { errorsOf, type Finding, type Lang } from '../model/findings';
import { formCells, type CellSpec, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import { clipText, jsonNumber, readValue } from '../model/values';
import { findingLine, say } from '../messages';

export interface ExportOptions {
  lang?: Lang;
  /** Export even when the report has error findings. */
  allowErrors?: boolean;
}

/**
 * The refusal in words, one finding a line (the first five), never a rule id or instance key.
 * `show` is how the host shows text from the file: a terminal shows each piece on its own line.
 */
export function exportRefusal(lang: Lang, where: string | null, findings: Finding[], show = (s: string) => s): string {
  const lines = findings.slice(0, 5).map((f) => findingLine(f, lang, { show }));
  const more = Math.max(0, findings.length - 5);
  return say(lang, 'template.export_refused', { where: where === null ? null : show(where), count: findings.length, lines, more });
}

/** Thrown when a report with error findings is exported without allowErrors. */
export class ExportRefused extends Error {
  readonly findings: Finding[];
  /** The report's sheet (or agency) as read from the file. */
  readonly where: string | null;
  constructor(findings: Finding[], lang: Lang, where: string | null) {
    super(exportRefusal(lang, where, findings));
    this.name = 'ExportRefused';
    this.findings = findings;
    this.where = where;
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
    const read = report.cells[id];
    const v = readValue(read?.raw ?? null, spec.kind, read?.exact);
    // A number no JS number holds exactly (past 2^53) is published as its digits, never rounded.
    if (v.kind === 'number') cells.push({ spec, value: jsonNumber(v.value), text: v.value.toString() });
    else if (v.kind === 'blank') cells.push({ spec, value: null, text: '' });
    // Text is published cut as in messages: a hostile cell may hold megabytes.
    else cells.push({ spec, value: clipText(v.text), text: clipText(v.text) });
  }
  return { form, cells };
}
