/**
 * How the checker names things for people: a cell, an equation instance, a side of an equation,
 * a likely typing slip, the reason for a suggested value.
 */
import { Dec } from '../model/decimal';
import type { Lang } from '../model/findings';
import { columnName, rowName, type CellSpec } from '../forms';
import type { RuleInstance, Side } from '../rules';
import { say } from '../messages';
import { valueOf, type Cell } from './cell';

/**
 * A row or column as people know it: its label in the official form. English text has no names of
 * its own for them, so it quotes the form's label (docs/formats.md "Keys": keys are for programs).
 */
const quoted = (label: string, lang: Lang) => (lang === 'en' ? `“${label}”` : label);

/** "表三 本年新收 行 自然人 列" — where a cell sits, in words. */
export function cellName(spec: CellSpec, lang: Lang): string {
  const t = lang === 'en' ? spec.table.shortEn : spec.table.short;
  const r = spec.row.label.length ? quoted(rowName(spec.row), lang) : '';
  const c = quoted(columnName(spec.column), lang);
  return say(lang, 'check.cell_name', { table: t, row: r || null, column: c });
}

export function instanceName(inst: RuleInstance, cur: (id: string) => Cell, lang: Lang): string {
  const any = cur(inst.cells[0]).spec;
  const t = lang === 'en' ? any.table.shortEn : any.table.short;
  const scope = inst.family.scope.kind;
  if (scope === 'column') return say(lang, 'check.instance.column', { table: t, column: quoted(columnName(any.column), lang) });
  if (scope === 'row') return say(lang, 'check.instance.row', { table: t, row: quoted(rowName(any.row), lang) });
  if (scope === 'group')
    return say(lang, 'check.instance.group', {
      table: t,
      group: quoted(any.column.header[any.column.header.length - 2] ?? inst.instance!, lang),
    });
  // A rule over single cells (a local rule) is named by its table, never by its id (issue 21).
  return t;
}

export function describeSide(s: Side, get: (id: string, prior: boolean) => Cell, scope: string, lang: Lang): string {
  const parts = s.terms.map((t) => {
    const c = get(t.cell, t.prior);
    const nm = termName(c, scope, lang) + (t.prior ? say(lang, 'check.last_year') : '');
    const v =
      c.value.kind === 'blank'
        ? say(lang, 'check.blank_value')
        : c.omittedTotal
          ? say(lang, 'check.omitted_value', { value: String(valueOf(c)) })
          : String(valueOf(c));
    const coef = t.coef.eq(Dec.of(1)) || t.coef.eq(Dec.of(-1)) ? '' : `${t.coef.cmp(Dec.ZERO) < 0 ? t.coef.neg() : t.coef}×`;
    return { neg: t.coef.isNegative(), text: `${coef}${nm} ${v}`, zero: c.value.kind === 'number' && c.value.value.isZero() };
  });
  // A long sum (表三's 21 results) is named, not spelled out: its cells are listed in the finding.
  if (parts.length > 8) return say(lang, 'check.sum_of', { parts: parts.length }) + (s.constant.isZero() ? '' : ` + ${s.constant}`);
  let out = parts.map((p, i) => (i === 0 ? (p.neg ? '−' : '') : p.neg ? ' − ' : ' + ') + p.text).join('');
  if (!s.constant.isZero()) out += out ? ` + ${s.constant}` : String(s.constant);
  return out || String(s.constant);
}

/** A term is named by what varies within its instance: the row in a per-column rule, the column in a per-row one. */
function termName(c: Cell, scope: string, lang: Lang): string {
  const { row, column } = c.spec;
  if (scope === 'column') return quoted(rowName(row), lang);
  if (scope === 'row') return quoted(columnName(column), lang);
  if (scope === 'group') return quoted(column.header[column.header.length - 1], lang);
  return quoted(row.label.length ? `${rowName(row)}·${columnName(column)}` : columnName(column), lang);
}

/** Typing slips between what was written and what balances. */
export function slip(written: Dec, suggested: Dec, lang: Lang): string | null {
  const w = written.toString(),
    s = suggested.toString();
  if (w === s) return null;
  if (!suggested.isZero() && written.eq(suggested.neg())) return say(lang, 'check.slip.sign');
  const change = { written: w, suggested: s };
  const wd = w.replace(/^-/, ''),
    sd = s.replace(/^-/, '');
  // Two digits swapped keep the sign: -12 for 21 is no swap.
  if (wd.length === sd.length && written.isNegative() === suggested.isNegative()) {
    const diff = [...wd].map((ch, i) => (ch !== sd[i] ? i : -1)).filter((i) => i >= 0);
    if (diff.length === 2 && diff[1] === diff[0] + 1 && wd[diff[0]] === sd[diff[1]] && wd[diff[1]] === sd[diff[0]])
      return say(lang, 'check.slip.swapped', change);
  }
  const dropOne = (long: string, short: string) => [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
  if (wd.length === sd.length + 1 && dropOne(wd, sd)) return say(lang, 'check.slip.extra', change);
  if (sd.length === wd.length + 1 && dropOne(sd, wd)) return say(lang, 'check.slip.dropped', change);
  return null;
}

/** Why a cell is suspected with a suggested value: the slip it looks like, and what the change does. */
export function reasonFor(c: Cell, suggested: Dec, size: number, alternatives: number, lang: Lang): string {
  // A slip is named only when this one cell's change explains everything (its own digits show it).
  const typo = size === 1 ? slip(valueOf(c), suggested, lang) : null;
  return say(lang, 'check.reason', { slip: typo, value: String(suggested), others: size - 1, alternatives });
}
