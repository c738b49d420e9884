/**
 * What a cell's content means (formats.md "Values"): blank is not 0, placeholders read as
 * blank, numbers in disguise are read as numbers (with a notice), anything else is not a number.
 */
import { Dec } from './decimal';

/** What a cell holds: a count, a count that may be negative (表二 本年增/减), or money in 万元. */
export type ValueKind = 'count' | 'signed' | 'money';

export type CellValue =
  | { kind: 'number'; value: Dec; /** why the text was read as a number (a notice), when it was text */ disguise?: Disguise }
  | { kind: 'blank'; placeholder?: string }
  | { kind: 'text'; text: string };

export type Disguise = 'text' | 'fullwidth' | 'unit' | 'spaces' | 'thousands' | 'plus' | 'wan' | 'yuan';

/** Cell contents that people write for "nothing here". */
const PLACEHOLDERS = new Set([
  '/',
  '／',
  '-',
  '－',
  '—',
  '——',
  '–',
  '―',
  '─',
  '无',
  '無',
  '空',
  '暂无',
  'N/A',
  'n/a',
  'NA',
  '\\',
  '、',
  '--',
  '---',
  '……',
  '…',
  '×',
  'x',
  'X',
]);

const COUNT_UNITS = ['件次', '件', '个', '項', '项', '次', '宗', '条', '人次', '人', '家', '份'];

export function readValue(raw: string | number | boolean | null | undefined, kind: ValueKind): CellValue {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'number', value: Dec.of(raw) } : { kind: 'text', text: String(raw) };
  if (typeof raw === 'boolean') return { kind: 'text', text: raw ? 'TRUE' : 'FALSE' };
  const original = raw;
  if (original.trim() === '') return { kind: 'blank' };
  let s = original.normalize('NFKC');
  const disguises = new Set<Disguise>();
  if (s !== original) disguises.add('fullwidth');
  if (/^\s|\s$/.test(s)) disguises.add('spaces');
  s = s.replace(/[\s\u3000]+/g, '');
  if (PLACEHOLDERS.has(s)) return { kind: 'blank', placeholder: original.trim() };
  // Dashes people type for a minus sign.
  s = s.replace(/^[−–—－]/, '-');
  if (/^\+/.test(s)) {
    disguises.add('plus');
    s = s.slice(1);
  }
  let shift = 0;
  const unit = /(万元|元|[件个項项次宗条家份]|人次|人)$/.exec(s);
  if (unit) {
    const u = unit[1];
    if (u === '万元' || u === '元') {
      if (kind !== 'money') return { kind: 'text', text: original };
      disguises.add(u === '万元' ? 'wan' : 'yuan');
      if (u === '元') shift = 4;
    } else {
      if (!COUNT_UNITS.includes(u) || kind === 'money') return { kind: 'text', text: original };
      disguises.add('unit');
    }
    s = s.slice(0, -u.length);
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    disguises.add('thousands');
    s = s.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return { kind: 'text', text: original };
  let value = Dec.parse(s);
  if (!value) return { kind: 'text', text: original };
  if (shift) value = value.shift(shift);
  return { kind: 'number', value, disguise: disguises.size ? [...disguises][0] : 'text' };
}

/** The value as findings.md's `value` shows it: number, raw text, or null when blank. */
export function shownValue(raw: string | number | boolean | null | undefined, v: CellValue): number | string | null {
  if (v.kind === 'number') return v.value.toNumber();
  if (v.kind === 'blank') return null;
  return typeof raw === 'string' ? raw : String(raw);
}
