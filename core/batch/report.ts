/**
 * The bulk report of a batch (xxgk check --report, the pane's download): every file under its
 * verdict, failures first, one colour per verdict, counts as numbers, a 单位 column; then what
 * to change, one row per suggested value with its reason.
 */
import type { Finding, Lang, ReportResult } from '../model/findings';
import { placeName, say } from '../messages';
import type { Batch, BatchRow } from './analyse';
import { ruleName } from './rulename';
import { batchSummary } from './text';
import { VERDICT_COLOUR, VERDICTS, verdictName } from './verdict';
import { visibleText } from './names';
import { documentHtml, documentXlsx, type Document, type Table, type TableCell } from './workbook';

/** One line of what to change: the cell, what it holds, what it should hold and why, the rule in words. */
export interface ChangeLine {
  cell: string;
  rule: string;
  ruleName: string;
  severity: string;
  message: string;
  found: TableCell;
  suggested: TableCell;
  why: string;
}

const shown = (f: Finding) => f.severity !== 'notice' || f.rule === 'cell.text_number' || f.rule.startsWith('batch.');

/** What a report's findings ask to change; blank cells in one line, each suggestion on its own line. */
export function changeLines(r: ReportResult, lang: Lang): ChangeLine[] {
  const out: ChangeLine[] = [];
  const sev = (f: Finding) => say(lang, `batch.severity.${f.severity}`);
  const blanks = r.findings.filter((f) => f.rule === 'cell.blank');
  for (const f of r.findings) {
    if (!shown(f) || f.rule === 'cell.blank') continue;
    const base = { rule: f.rule, ruleName: ruleName(f.rule, lang), severity: sev(f), message: f.message };
    if (f.suspects.length)
      for (const s of f.suspects)
        out.push({
          ...base,
          cell: placeName(lang, s.ref),
          found: s.value ?? say(lang, 'batch.blank'),
          suggested: s.suggested,
          why: s.reason,
        });
    else
      out.push({
        ...base,
        cell: f.cells.map((c) => placeName(lang, c.ref)).join(' '),
        found: f.cells.length === 1 ? (f.cells[0].value ?? say(lang, 'batch.blank')) : null,
        suggested: null,
        why: '',
      });
  }
  if (blanks.length) {
    // A line of published text is named in the report's language (第 11 行); A1 addresses stay.
    const cells = blanks.map((b) => placeName(lang, b.cells[0]?.ref ?? '')).filter(Boolean);
    out.push({
      cell: cells.slice(0, 40).join(' ') + (cells.length > 40 ? ' …' : ''),
      rule: 'cell.blank',
      ruleName: ruleName('cell.blank', lang),
      severity: say(lang, 'batch.severity.warning'),
      message: blanks[0].message,
      found: say(lang, 'batch.blank'),
      suggested: 0,
      why: '',
    });
  }
  return out;
}

const order = (rows: BatchRow[]) =>
  [...rows].sort(
    (a, b) =>
      VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) ||
      (a.department ?? '').localeCompare(b.department ?? '', 'zh-CN') ||
      a.path.localeCompare(b.path),
  );

export function filesTable(b: Batch, lang: Lang): Table {
  const rows = order(b.rows);
  const c = (k: string) => say(lang, `batch.col.${k}` as 'batch.col.file');
  return {
    name: say(lang, 'batch.report.files'),
    header: ['verdict', 'department', 'file', 'sheet', 'year', 'format', 'errors', 'warnings', 'notices', 'reason'].map(c),
    rows: rows.map((r) => [
      verdictName(r.verdict, lang),
      r.department ?? r.agency ?? '',
      r.path,
      r.sheet ?? '',
      r.year,
      r.format ?? '',
      r.errors,
      r.warnings,
      r.notices,
      r.reason,
    ]),
    fills: rows.map((r) => VERDICT_COLOUR[r.verdict]),
    widths: [12, 18, 30, 10, 6, 6, 6, 6, 6, 50],
  };
}

/**
 * A row's report with every finding. The batch's own may be compacted (core/batch/compact.ts):
 * the CLI then reads the whole one back from its spool, one row at a time.
 */
export type ReportOf = (row: BatchRow) => ReportResult | null;
const ownReport: ReportOf = (row) => row.report;

/** The findings table; with `everyFile`, a clean file gets a row of its own too (the CSV's one table). */
export function changesTable(b: Batch, lang: Lang, everyFile = false, reportOf: ReportOf = ownReport): Table {
  const rows: TableCell[][] = [];
  const fills: string[] = [];
  const c = (k: string) => say(lang, `batch.col.${k}` as 'batch.col.file');
  for (const r of order(b.rows)) {
    const head = [verdictName(r.verdict, lang), r.department ?? r.agency ?? '', r.path, r.sheet ?? ''];
    const whole = r.report ? reportOf(r) : null;
    const lines = whole ? changeLines(whole, lang) : [];
    const add = (row: TableCell[]) => {
      rows.push(row);
      fills.push(VERDICT_COLOUR[r.verdict]);
    };
    if (!r.report && r.verdict !== 'pass') add([...head, '', '', say(lang, 'batch.severity.error'), r.reason, null, null, '', '']);
    for (const l of lines) add([...head, l.cell, l.ruleName, l.severity, l.message, l.found, l.suggested, l.why, l.rule]);
    if (r.report && !lines.length && everyFile) add([...head, '', '', '', '', null, null, '', '']);
  }
  return {
    name: say(lang, 'batch.report.findings'),
    // The rule id (for programs and for asking about a rule) stands last, apart from what a person reads (issue 21).
    header: ['verdict', 'department', 'file', 'sheet', 'cell', 'rule_name', 'severity', 'message', 'found', 'suggested', 'why', 'rule'].map(
      c,
    ),
    rows,
    fills,
    widths: [10, 12, 18, 9, 10, 20, 6, 32, 8, 8, 20, 16],
    printed: 11,
  };
}

export function batchDocument(b: Batch, lang: Lang, reportOf: ReportOf = ownReport): Document {
  return {
    title: say(lang, 'batch.report.title'),
    lines: batchSummary(b, lang).trim().split('\n'),
    tables: [filesTable(b, lang), changesTable(b, lang, false, reportOf)],
    lang,
  };
}

const csvField = (v: TableCell) => {
  const t = v === null ? '' : typeof v === 'number' ? String(v) : visibleText(v);
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The bulk report file by its extension (.xlsx, .html, .csv). */
export async function renderBatchReport(b: Batch, file: string, lang: Lang, reportOf: ReportOf = ownReport): Promise<Uint8Array> {
  const ext = (/\.([a-z]+)$/i.exec(file)?.[1] ?? '').toLowerCase();
  // Marked as a check report: a later run finds it among the inputs and leaves it out (core/node/own.ts).
  const doc = (): Document => ({ ...batchDocument(b, lang, reportOf), mark: 'report' });
  if (ext === 'xlsx') return documentXlsx(doc());
  if (ext === 'html' || ext === 'htm') return new TextEncoder().encode(documentHtml(doc()));
  const t = changesTable(b, lang, true, reportOf);
  const text = [t.header, ...t.rows].map((r) => r.map(csvField).join(',')).join('\r\n');
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}
