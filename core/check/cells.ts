/**
 * Cell checks: each value cell on its own (docs/formats.md, "Cell rules"): blank, not a number,
 * a number written as text, whole counts, no negatives, money to four decimals.
 */
import type { Dec } from '../model/decimal';
import type { Finding, Lang, Severity } from '../model/findings';
import { say } from '../messages';
import { clipText, type CellValue } from '../model/values';
import { findingCell, type Cell } from './cell';
import { cellName, L } from './wording';

export function cellFindings(cell: Cell, lang: Lang): Finding[] {
  const name = cellName(cell.spec, lang);
  const inst = cell.id;
  const one = (rule: string, severity: Severity, zh: string, en: string): Finding => ({
    rule,
    instance: inst,
    severity,
    message: `${name}${L(lang, '：', ': ')}${L(lang, zh, en)}`,
    cells: [findingCell(cell)],
    suspects: [],
  });
  const v = cell.value;
  if (v.kind === 'blank')
    return [
      one(
        'cell.blank',
        'warning',
        v.placeholder ? `填写了“${v.placeholder}”，按空白处理（计算时按 0 计）；没有数据请填 0` : '空白（计算时按 0 计）；没有数据请填 0',
        v.placeholder
          ? `holds "${v.placeholder}", read as blank (counted as 0 in equations); write 0 for none`
          : 'is blank (counted as 0 in equations); write 0 for none',
      ),
    ];
  if (v.kind === 'text') return [one('cell.not_number', 'error', notNumber(v, cell, 'zh'), notNumber(v, cell, 'en'))];
  const out: Finding[] = [];
  if (v.disguise)
    out.push(
      one(
        'cell.text_number',
        'notice',
        `文本“${String(cell.read.raw)}”按数字 ${v.value} 读取${v.disguise === 'yuan' ? '（元已换算为万元）' : ''}`,
        `text "${String(cell.read.raw)}" read as the number ${v.value}${v.disguise === 'yuan' ? ' (元 converted to 万元)' : ''}`,
      ),
    );
  const k = cell.spec.kind;
  if ((k === 'count' || k === 'signed') && !v.value.isInteger())
    out.push(one('cell.integer', 'error', `件数应为整数，实为 ${v.value}`, `a count must be a whole number, found ${v.value}`));
  if ((k === 'count' || k === 'money') && v.value.isNegative())
    out.push(one('cell.nonnegative', 'error', `不能为负数，实为 ${v.value}`, `must not be negative, found ${v.value}`));
  if (k === 'money' && v.value.decimals > 4)
    out.push(
      one(
        'cell.decimals',
        'error',
        `金额（万元）最多保留 4 位小数，实为 ${v.value}`,
        `money (万元) has at most 4 decimals, found ${v.value}`,
      ),
    );
  return out;
}

/** A formula saved without its result, computed by the checker: said, so no number changes silently. */
export function computedNotice(cell: Cell, lang: Lang): Finding {
  const v = (cell.value as { value: Dec }).value;
  return {
    rule: 'cell.formula_computed',
    instance: cell.id,
    severity: 'notice',
    suspects: [],
    cells: [{ ...findingCell(cell), value: v.toNumber() }],
    message: `${cellName(cell.spec, lang)}${L(lang, '：', ': ')}${L(lang, `公式 =${cell.read.formula} 没有保存计算结果，已按公式算得 ${v}`, `the formula =${cell.read.formula} was saved without its result; computed as ${v}`)}`,
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
