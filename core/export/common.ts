/**
 * What every export shares: the refusal of a report with error findings (unless allowed), the
 * form the report prints (variants included), and each value cell as published.
 */
import { confront, formOf } from '../check';
import { errorsOf, type Finding, type Lang } from '../model/findings';
import { formCells, type CellSpec, type FormSpec } from '../forms';
import type { ReportData } from '../model/report';
import { readValue } from '../model/values';

export interface ExportOptions {
  lang?: Lang;
  /** Export even when the report has error findings. */
  allowErrors?: boolean;
}

/** Thrown when a report with error findings is exported without allowErrors. */
export class ExportRefused extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[], lang: Lang, name: string | null) {
    const where = name ? `${name}: ` : '';
    const list = findings
      .slice(0, 5)
      .map((f) => `  - ${f.rule}${f.instance ? ` [${f.instance}]` : ''}: ${f.message}`)
      .join('\n');
    const more = findings.length > 5 ? `\n  … (${findings.length - 5})` : '';
    super(
      lang === 'en'
        ? `${where}not exported: the report has ${findings.length} error finding(s); fix them or pass --allow-errors\n${list}${more}`
        : `${where}未导出：报告有 ${findings.length} 项错误，请先修正，或使用 --allow-errors\n${list}${more}`,
    );
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
    else cells.push({ spec, value: v.text, text: v.text });
  }
  return { form, cells };
}
