/**
 * Cell checks: each value cell on its own (docs/formats.md, "Values" and "Rules"): blank, not a number,
 * a number written as text, whole counts, no negatives, money to four decimals. Severities come
 * from the built-in rule list (core/rules/builtin.ts).
 */
import type { Dec } from '../model/decimal';
import type { Finding, Lang } from '../model/findings';
import type { ReadNote } from '../model/report';
import { say } from '../messages';
import { clipText, type CellValue } from '../model/values';
import { builtinRule } from '../rules/builtin';
import { findingCell, type Cell } from './cell';
import type { ShortTotal } from './formulas';
import { cellName } from './wording';

/** A finding of built-in rule `rule` about one cell, saying `what` of it. */
function cellFinding(cell: Cell, rule: string, what: string, lang: Lang): Finding {
  return {
    rule,
    instance: cell.id,
    severity: builtinRule(rule).severity,
    message: say(lang, 'check.at', { where: cellName(cell.spec, lang), what }),
    cells: [findingCell(cell)],
    suspects: [],
  };
}

export function cellFindings(cell: Cell, lang: Lang): Finding[] {
  const v = cell.value;
  if (cell.read.doubt)
    return [uncertainFinding(cell, cell.read.doubt, lang), ...cellFindings({ ...cell, read: { ...cell.read, doubt: undefined } }, lang)];
  if (v.kind === 'blank') return [cellFinding(cell, 'cell.blank', say(lang, 'check.blank', { placeholder: v.placeholder }), lang)];
  if (v.kind === 'text') return [cellFinding(cell, 'cell.not_number', notNumber(v, cell, lang), lang)];
  const out: Finding[] = [];
  // Spelled out only for a finding: nearly every number passes, and a Dec's digits cost a BigInt's toString.
  const value = () => String(v.value);
  if (v.disguise)
    out.push(
      cellFinding(
        cell,
        'cell.text_number',
        say(lang, 'check.text_number', { raw: String(cell.read.raw), value: value(), yuan: v.disguise === 'yuan' }),
        lang,
      ),
    );
  // A stored number past 2^53 without its digits (an .xls, a host's value): maybe rounded, said.
  if (v.inexact) out.push(cellFinding(cell, 'cell.inexact', say(lang, 'check.inexact', { value: value() }), lang));
  const k = cell.spec.kind;
  if ((k === 'count' || k === 'signed') && !v.value.isInteger())
    out.push(cellFinding(cell, 'cell.integer', say(lang, 'check.integer', { value: value() }), lang));
  if ((k === 'count' || k === 'money') && v.value.isNegative())
    out.push(cellFinding(cell, 'cell.nonnegative', say(lang, 'check.nonnegative', { value: value() }), lang));
  // Decimals are judged on the figure as the report wrote it: 73802895.90元 has two, though in 万元
  // (7380.28959) it has five. Converting a unit never makes a violation.
  // Only a format that prescribes the places (its header says 保留4位小数) makes more an error.
  const places = cell.spec.column.decimals;
  if (k === 'money' && writtenDecimals(v) > (places ?? 4)) {
    const shown = v.disguise === 'yuan' ? String(cell.read.raw) : value();
    const f =
      places === undefined
        ? {
            ...cellFinding(
              cell,
              'cell.decimals',
              say(lang, 'check.decimals_unprescribed', { value: shown, places: writtenDecimals(v) }),
              lang,
            ),
            severity: 'warning' as const,
          }
        : cellFinding(cell, 'cell.decimals', say(lang, 'check.decimals', { value: shown, places }), lang);
    out.push(f);
  }
  return out;
}

/** A value the reader could not be sure of (core/read/doubts.ts): a warning saying why, so the figure is checked against the file. */
function uncertainFinding(cell: Cell, doubt: ReadNote, lang: Lang): Finding {
  const why = say(lang, doubt.key as 'doubt.crossed', doubt.params as never);
  const value =
    cell.value.kind === 'number'
      ? String(cell.value.value)
      : cell.value.kind === 'blank'
        ? say(lang, 'check.blank_value')
        : String(cell.read.raw ?? '');
  return cellFinding(cell, 'cell.uncertain', say(lang, 'check.uncertain', { value, why }), lang);
}

/** The decimals of a number as written: a figure in 元 was shifted four places into 万元 when read. */
function writtenDecimals(v: Extract<CellValue, { kind: 'number' }>): number {
  return v.disguise === 'yuan' ? Math.max(0, v.value.decimals - 4) : v.value.decimals;
}

/** A formula saved without its result, computed by the checker: said, so no number changes silently. */
export function computedNotice(cell: Cell, lang: Lang): Finding {
  const v = (cell.value as { value: Dec }).value;
  const rule = 'cell.formula_computed';
  return {
    rule,
    instance: cell.id,
    severity: builtinRule(rule).severity,
    suspects: [],
    cells: [{ ...findingCell(cell), value: v.toNumber() }],
    message: say(lang, 'check.at', {
      where: cellName(cell.spec, lang),
      what: say(lang, 'check.formula_computed', { formula: cell.read.formula!, value: String(v) }),
    }),
  };
}

/** What a cell that is no number holds, in words (its text cut short: a cell may hold 50 MB). */
function notNumber(v: Extract<CellValue, { kind: 'text' }>, cell: Cell, lang: Lang): string {
  const text = clipText(v.text, 40);
  switch (v.holds) {
    case 'formula_error':
      return say(lang, 'check.holds.formula_error', { text, formula: cell.read.formula ? clipText(cell.read.formula, 80) : undefined });
    case 'too_long':
      return say(lang, 'check.holds.too_long', { text, length: v.text.length });
    case undefined:
      return say(lang, 'check.holds.text', { text });
    default:
      return say(lang, `check.holds.${v.holds}`, { text });
  }
}

/**
 * A number typed as text under SUM totals (formulas.ts, textUnderSums): the cell is the cause,
 * the totals the sheet shows are short by it, and the fix is to enter it as a number.
 */
export function textUnderSumFinding(cell: Cell, shorts: ShortTotal[], cells: Map<string, Cell>, lang: Lang): Finding {
  const rule = 'cell.text_under_sum';
  const value = (cell.value as { value: Dec }).value;
  const totals = shorts.map((s) => cells.get(s.id)!);
  return {
    rule,
    instance: cell.id,
    severity: builtinRule(rule).severity,
    message: say(lang, 'check.at', {
      where: cellName(cell.spec, lang),
      what: say(lang, 'check.text_under_sum', {
        raw: String(cell.read.raw),
        value: String(value),
        totals: totals.slice(0, 4).map((t, i) =>
          say(lang, 'check.short_total', {
            name: cellName(t.spec, lang),
            saved: String(shorts[i].saved),
            typed: String(shorts[i].typed),
          }),
        ),
        more: Math.max(0, totals.length - 4),
      }),
    }),
    cells: [findingCell(cell), ...totals.map((t, i) => ({ ...findingCell(t), value: shorts[i].saved.toNumber() }))],
    expected: value.toNumber(),
    actual: null,
    suspects: [
      { ...findingCell(cell), suggested: value.toNumber(), reason: say(lang, 'check.text_under_sum_reason', { value: String(value) }) },
    ],
  };
}
