/**
 * A form file checked as it is loaded (docs/formats.md, "Form files"): every key known, every
 * required field present with the right type, keys unique, the report years of the formats in
 * order without overlap. A mistake is a FormError naming the file and the place in it.
 */
import { sayBoth } from '../messages';
import type { Lang } from '../model/findings';
import type { FormSpec } from './types';

export type FormProblem =
  | { kind: 'unknown_key'; key: string }
  | { kind: 'missing'; key: string }
  | { kind: 'wrong_type'; expected: Expected }
  | { kind: 'duplicate'; key: string }
  | { kind: 'years'; other: string };

export type Expected = 'text' | 'number' | 'year' | 'list' | 'object' | 'kind' | 'table' | 'texts';

/** A form file that is wrong, or a format or variant that does not exist; its message in each language. */
export class FormError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(text: Record<Lang, string>) {
    super(text.zh);
    this.name = 'FormError';
    this.zh = text.zh;
    this.en = text.en;
  }
  messageIn(lang: Lang): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

/** A check of one value at a path; throws FormError. */
type Check = (v: unknown, at: string, file: string) => void;

const fail = (file: string, at: string, problem: FormProblem): never => {
  throw new FormError(sayBoth('check.form_invalid', { file, at, problem }));
};
const is =
  (expected: Expected, ok: (v: unknown) => boolean): Check =>
  (v, at, file) => {
    if (!ok(v)) fail(file, at, { kind: 'wrong_type', expected });
  };
const text = is('text', (v) => typeof v === 'string' && v.length > 0);
const anyText = is('text', (v) => typeof v === 'string');
const texts = is('texts', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
const int = is('number', (v) => Number.isInteger(v) && (v as number) >= 0);
const year = is('year', (v) => Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100);
const yearOrNull = is('year', (v) => v === null || (Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100));
const kind = is('kind', (v) => v === 'count' || v === 'signed' || v === 'money');
const tableKey = is('table', (v) => v === 'T2' || v === 'T3' || v === 'T4');

/** An object with exactly these keys (a key ending in ? is optional). */
function object(shape: Record<string, Check>): Check {
  return (v, at, file) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) fail(file, at, { kind: 'wrong_type', expected: 'object' });
    const o = v as Record<string, unknown>;
    const fields = new Map(Object.entries(shape).map(([k, c]) => [k.replace(/\?$/, ''), { check: c, optional: k.endsWith('?') }]));
    for (const k of Object.keys(o)) if (!fields.has(k)) fail(file, at, { kind: 'unknown_key', key: k });
    for (const [k, f] of fields) {
      if (!(k in o)) {
        if (!f.optional) fail(file, at, { kind: 'missing', key: k });
        continue;
      }
      f.check(o[k], at ? `${at}.${k}` : k, file);
    }
  };
}

/** A list of items; with `key`, the items' keys must be distinct. */
function list(item: Check, key?: string): Check {
  return (v, at, file) => {
    if (!Array.isArray(v)) fail(file, at, { kind: 'wrong_type', expected: 'list' });
    const seen = new Set<unknown>();
    (v as unknown[]).forEach((x, i) => {
      item(x, `${at}[${i}]`, file);
      if (!key) return;
      const k = (x as Record<string, unknown>)[key];
      if (seen.has(k)) fail(file, `${at}[${i}]`, { kind: 'duplicate', key: String(k) });
      seen.add(k);
    });
  };
}

function record(item: Check): Check {
  return (v, at, file) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) fail(file, at, { kind: 'wrong_type', expected: 'object' });
    for (const [k, x] of Object.entries(v as object)) item(x, `${at}.${k}`, file);
  };
}

const row = object({ key: text, label: texts, 'short?': anyText, 'aliases?': texts });
const column = object({
  key: text,
  header: texts,
  'short?': anyText,
  'aliases?': texts,
  'kind?': kind,
  'unit?': text,
  'decimals?': is('number', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10),
});
const block = object({
  'caption?': anyText,
  'corner?': anyText,
  labelWidth: int,
  kind,
  columns: list(column, 'key'),
  rows: list(row, 'key'),
});
const form = object({
  key: text,
  name: text,
  issuedBy: text,
  years: object({ from: year, to: yearOrNull }),
  signature: list(object({ table: tableKey, words: texts })),
  tables: list(object({ key: tableKey, title: text, short: text, shortEn: text, blocks: list(block) }), 'key'),
  rules: list(object({ text, description: object({ zh: text, en: text }) })),
  'variants?': record(object({ table: tableKey, replaces: texts, row, finding: text })),
});

/** The form in `file`, checked. */
export function validateForm(data: unknown, file: string): FormSpec {
  form(data, '', file);
  return data as FormSpec;
}

/** The formats' report years in order, none overlapping: the year decides the format (formForYear). */
export function validateYears(forms: readonly { form: FormSpec; file: string }[]): void {
  for (let i = 1; i < forms.length; i++) {
    const a = forms[i - 1].form.years,
      b = forms[i];
    if (a.to === null || b.form.years.from <= a.to) fail(b.file, 'years', { kind: 'years', other: forms[i - 1].file });
  }
}
