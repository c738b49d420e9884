import type { BlockSpec, ColumnSpec, FormSpec, RowSpec, TableKey, TableSpec, ValueKind } from './types';
import { sayBoth } from '../messages';
import f2019 from './format-2019.json';
import f2021 from './format-2021.json';
import { FormError, validateForm, validateYears } from './validate';

export * from './types';
export { FormError, validateForm } from './validate';

/**
 * Every official format, oldest first, each checked as it is loaded. A new format year is a new
 * JSON file listed here (CONTRIBUTING.md); the years each applies to are in the file only.
 */
const FILES = [
  { file: 'core/forms/format-2019.json', form: validateForm(f2019, 'core/forms/format-2019.json') },
  { file: 'core/forms/format-2021.json', form: validateForm(f2021, 'core/forms/format-2021.json') },
];
validateYears(FILES);
export const FORMS: readonly FormSpec[] = FILES.map((f) => f.form);

export function getForm(key: string): FormSpec {
  const form = FORMS.find((f) => f.key === key);
  if (!form) throw new FormError(sayBoth('check.unknown_format', { format: key, known: FORMS.map((f) => f.key) }));
  return form;
}

/** The format that officially applies to a report year (the latest one whose range covers it). */
export function formForYear(year: number): FormSpec {
  const fits = FORMS.filter((f) => year >= f.years.from && (f.years.to === null || year <= f.years.to));
  if (fits.length) return fits[fits.length - 1];
  return year < FORMS[0].years.from ? FORMS[0] : FORMS[FORMS.length - 1];
}

/** The form as a report with the given variants prints it (rows replaced), cached per combination. */
const variantCache = new Map<string, FormSpec>();
export function withVariants(form: FormSpec, variants: readonly string[] = []): FormSpec {
  if (!variants.length) return form;
  const id = `${form.key}|${[...variants].sort().join(',')}`;
  const hit = variantCache.get(id);
  if (hit) return hit;
  let tables = form.tables;
  for (const name of variants) {
    const v = form.variants?.[name];
    if (!v) throw new FormError(sayBoth('check.unknown_variant', { format: form.key, variant: name }));
    tables = tables.map((t) =>
      t.key !== v.table
        ? t
        : {
            ...t,
            blocks: t.blocks.map((b) => {
              const at = b.rows.findIndex((r) => v.replaces.includes(r.key));
              if (at < 0) return b;
              const rows = b.rows.filter((r) => !v.replaces.includes(r.key));
              rows.splice(at, 0, v.row);
              return { ...b, rows };
            }),
          },
    );
  }
  const out: FormSpec = { ...form, tables };
  variantCache.set(id, out);
  return out;
}

/** One value cell of a form, with everything a message or a writer needs to name it. */
export interface CellSpec {
  id: string; // TABLE:ROW:COLUMN
  table: TableSpec;
  block: BlockSpec;
  blockIndex: number;
  row: RowSpec;
  column: ColumnSpec;
  kind: ValueKind;
}

export const cellId = (table: string, row: string, column: string) => `${table}:${row}:${column}`;

export function parseCellId(id: string): { table: TableKey; row: string; column: string } {
  const [table, row, column] = id.split(':');
  return { table: table as TableKey, row, column };
}

const cellCache = new WeakMap<FormSpec, Map<string, CellSpec>>();
/** Every value cell of the form, keyed by id, in reading order. */
export function formCells(form: FormSpec): Map<string, CellSpec> {
  let m = cellCache.get(form);
  if (!m) {
    m = new Map();
    for (const table of form.tables)
      table.blocks.forEach((block, blockIndex) => {
        for (const row of block.rows)
          for (const column of block.columns)
            m!.set(cellId(table.key, row.key, column.key), {
              id: cellId(table.key, row.key, column.key),
              table,
              block,
              blockIndex,
              row,
              column,
              kind: column.kind ?? block.kind,
            });
      });
    cellCache.set(form, m);
  }
  return m;
}

export const columnName = (c: ColumnSpec) => c.short ?? c.header[c.header.length - 1];
export const rowName = (r: RowSpec) => r.short ?? r.label[r.label.length - 1] ?? '';
