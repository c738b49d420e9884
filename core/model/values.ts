/**
 * What a cell's content means (docs/formats.md "Values"): blank is not 0, placeholders read as
 * blank, numbers in disguise are read as numbers (with a notice), anything else is not a number.
 */
import { Dec } from './decimal';

/** What a cell holds: a count, a count that may be negative (表二 本年增/减), or money in 万元. */
export type ValueKind = 'count' | 'signed' | 'money';

export type CellValue =
  | {
      kind: 'number';
      value: Dec;
      /** why the text was read as a number (a notice), when it was text */
      disguise?: Disguise;
      /** a stored number past 2^53 whose digits the file did not give: maybe rounded (a warning, core/check/cells.ts) */
      inexact?: true;
    }
  | { kind: 'blank'; placeholder?: string }
  | { kind: 'text'; text: string; /** what the cell holds instead of a number, when it is more than words */ holds?: NotNumber };

/**
 * What a cell that is no number holds, when it is something the reader can name: a formula's
 * error value, a date (a count typed as 2024-01-05 is stored as the day number 45296), a number
 * no count can be (NaN, Infinity, 1e-300), or text far longer than any number.
 */
export type NotNumber = 'formula_error' | 'date' | 'not_finite' | 'too_precise' | 'too_long';

/** Text longer than this is never parsed as a number: no count or amount needs more characters. */
export const MAX_NUMBER_TEXT = 64;
/** Text copied into a message or a finding's value is cut to this many characters. */
export const MAX_SHOWN_TEXT = 120;

/** Excel's error values (ECMA-376 Part 1, 18.17.7.n ST_CellValue error codes; #SPILL!, #CALC! since 365). */
const FORMULA_ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|BUSY!|CONNECT!|PYTHON!|ERROR)$/;
/** A date as readers hand it over (core/read/xlsx.ts writes date cells as YYYY-MM-DD), or as people type one. */
const DATE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/;

/** Is this text one of Excel's formula error values (#REF!, #N/A, #DIV/0! …)? */
export const isFormulaError = (s: string) => FORMULA_ERROR.test(s);

/** Text cut for a message or a finding's value, so that a 50 MB cell never fills a report. */
export function clipText(s: string, max = MAX_SHOWN_TEXT): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}

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

/** What a cell means; `exact`, a stored number's digits as the file writes them, when a JS number rounds them (CellRead.exact). */
export function readValue(raw: string | number | boolean | null | undefined, kind: ValueKind, exact?: string): CellValue {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') return numberValue(raw, exact);
  if (typeof raw === 'boolean') return { kind: 'text', text: raw ? 'TRUE' : 'FALSE' };
  const original = raw;
  // Before any other work on it: a 50 MB string of digits is text, not a number to convert.
  if (original.length > MAX_NUMBER_TEXT)
    return original.trim() === '' ? { kind: 'blank' } : { kind: 'text', text: original, holds: 'too_long' };
  if (original.trim() === '') return { kind: 'blank' };
  if (FORMULA_ERROR.test(original.trim())) return { kind: 'text', text: original, holds: 'formula_error' };
  if (DATE.test(original.trim())) return { kind: 'text', text: original, holds: 'date' };
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

/** A stored number: a count or an amount only when it is finite and has a decimal spelling of at most 60 decimals. */
function numberValue(raw: number, exact?: string): CellValue {
  if (!Number.isFinite(raw)) return { kind: 'text', text: String(raw), holds: 'not_finite' };
  // The file's own digits, when they are the number read (9007199254740993, not the 9007199254740992 a JS number holds).
  const digits = exact !== undefined && Number(exact) === raw ? Dec.parse(exact) : null;
  if (digits) return { kind: 'number', value: digits };
  if (Number.isInteger(raw))
    return Number.isSafeInteger(raw) ? { kind: 'number', value: Dec.of(raw) } : { kind: 'number', value: Dec.of(raw), inexact: true };
  const value = Dec.parse(String(raw));
  return value ? { kind: 'number', value } : { kind: 'text', text: String(raw), holds: 'too_precise' };
}

/** The value as docs/findings.md's `value` shows it: number, raw text (cut when very long), or null when blank. */
export function shownValue(raw: string | number | boolean | null | undefined, v: CellValue): number | string | null {
  if (v.kind === 'number') return jsonNumber(v.value);
  if (v.kind === 'blank') return null;
  return clipText(typeof raw === 'string' ? raw : String(raw));
}

/** A number for JSON when a JS number holds it exactly; else its exact digits as text (9007199254740993 is not rounded). */
export function jsonNumber(d: Dec): number | string {
  const n = d.toNumber();
  // A whole number within 2^53 is held exactly (toNumber converts it so): not parsed back to be sure.
  if (d.isInteger() && Number.isSafeInteger(n)) return n;
  return Dec.parse(String(n))?.eq(d) ? n : d.toString();
}
