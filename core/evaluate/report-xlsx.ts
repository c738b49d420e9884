/**
 * The evaluation as a workbook (xxgk evaluate --report out.xlsx): the same table as the page and
 * the JSON (a row per agency and year, each check's count and points, the score), the evidence a
 * row each (file, cell, place, date, share, the sentence) and every file accounted for. Written by
 * the bulk report's writer (core/batch/workbook.ts): numbers as numbers, text that would run as a
 * formula kept as text, A4 landscape fitted to the width (core/print.ts), marked as an output.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import { documentXlsx, type Document, type TableCell } from '../batch/workbook';
import { CHECKS, checkName, checkNamed } from './checks';
import type { Evaluation } from './index';
import { cellName } from './report-html';
import { placeIn } from './check';

const col = (lang: Lang, k: string) => say(lang, `evaluate.report.col.${k}` as 'evaluate.report.col.check');

export function evaluationDocument(ev: Evaluation, lang: Lang): Document {
  const records = {
    name: say(lang, 'evaluate.report.sheet.records'),
    header: [
      say(lang, 'evaluate.col.agency'),
      say(lang, 'evaluate.col.year'),
      ...CHECKS.flatMap((c) => [
        say(lang, 'evaluate.report.count', { check: checkName(lang, c.key) }),
        say(lang, 'evaluate.report.points', { check: checkName(lang, c.key) }),
      ]),
      say(lang, 'evaluate.col.score'),
      say(lang, 'evaluate.col.file'),
    ],
    rows: ev.records.map((r): TableCell[] => [
      r.agency,
      r.year,
      ...CHECKS.flatMap((k) => {
        const c = r.checks.find((x) => x.check === k.key);
        // A check that could not judge the report: left blank, never a zero that reads as "passed".
        return !c || (c.result as string) === 'not_judged' ? [null, null] : [c.count, c.points];
      }),
      r.score,
      r.file ?? null,
    ]),
    fills: ev.records.map((r) => (r.checks.some((c) => c.result === 'fail') ? 'FDE2E1' : null)),
    widths: [22, 7, ...CHECKS.flatMap(() => [10, 10]), 8, 40],
  };
  const evidence = {
    name: say(lang, 'evaluate.report.sheet.evidence'),
    header: [
      say(lang, 'evaluate.col.agency'),
      say(lang, 'evaluate.col.year'),
      col(lang, 'check'),
      col(lang, 'result'),
      say(lang, 'evaluate.col.file'),
      col(lang, 'cell'),
      col(lang, 'place'),
      col(lang, 'date'),
      col(lang, 'percent'),
      col(lang, 'sentence'),
    ],
    rows: ev.records.flatMap((r) =>
      r.checks.flatMap((c) =>
        c.evidence.map((e): TableCell[] => [
          r.agency,
          r.year,
          checkName(lang, c.check),
          say(lang, e.severity === 'warning' ? 'evaluate.report.result.warn' : 'evaluate.report.result.fail'),
          e.file,
          e.cell ? cellName(e.cell, lang) || null : null,
          e.ref || e.quote?.ref ? placeIn(lang, (e.ref ?? e.quote?.ref)!) : null,
          e.date ?? null,
          typeof e.percent === 'number' ? e.percent : null,
          checkNamed(c.check)?.sentence(e, r, lang, (s) => s) ?? null,
        ]),
      ),
    ),
    widths: [20, 7, 12, 8, 30, 16, 16, 11, 8, 70],
  };
  const status = (k: string) => say(lang, `evaluate.report.status.${k}` as 'evaluate.report.status.read');
  const files = {
    name: say(lang, 'evaluate.report.sheet.files'),
    header: [say(lang, 'evaluate.col.file'), col(lang, 'status'), col(lang, 'reports'), col(lang, 'sentence')],
    rows: [
      ...ev.files.map((f): TableCell[] => [f.file, status(f.status), f.reports, f.reason]),
      ...ev.unplaced.map((u): TableCell[] => {
        const p = { file: u.file, agency: u.agency ?? '', year: u.year ?? 0, among: u.among.join('、'), first: u.among[0] ?? '' };
        return [u.file, status('unplaced'), null, say(lang, `evaluate.unplaced.${u.why}`, p)];
      }),
      ...ev.missing.map((m): TableCell[] => [null, status('missing'), 0, say(lang, 'evaluate.missing', m)]),
    ],
    widths: [50, 12, 9, 70],
  };
  const book = ev.rulebook;
  return {
    title: say(lang, 'evaluate.report.title'),
    lines: [
      book.file
        ? say(lang, 'evaluate.report.rulebook_file', { file: book.file, full: book.full })
        : say(lang, 'evaluate.report.rulebook_default', { full: book.full }),
    ],
    tables: [records, evidence, files],
    lang,
    mark: 'report',
  };
}

export function evaluationXlsx(ev: Evaluation, lang: Lang): Promise<Uint8Array> {
  return documentXlsx(evaluationDocument(ev, lang));
}
