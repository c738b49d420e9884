/**
 * Label matching as the locator needs it: a sheet row's labels against a row spec, a header cell
 * against a column spec, and the quick tests that keep rows of other tables out of the alignment.
 */
import { FORMS, withVariants } from '../../forms';
import type { ColumnSpec, RowSpec, TableKey, TableSpec } from '../../forms';
import { compareLabelKeyed, labelParts, officialKey, type LabelMatch } from '../labels';
import { note, type Notes } from '../notes';
import { derived, once } from '../cache';
import type { TextCell } from './scan';

export interface Matched {
  match: LabelMatch;
  text: string;
}

/** A row spec's labels as compared: its innermost label and its whole path. */
interface RowKey {
  inner: string;
  joined: string | null;
  aliases: string[];
  innerKey: string;
  joinedKey: string;
}
const rowKey = derived((spec: RowSpec): RowKey => {
  const inner = spec.label[spec.label.length - 1] ?? '';
  const joined = spec.label.length > 1 ? spec.label.join('') : null;
  const aliases = spec.aliases ?? [];
  return { inner, joined, aliases, innerKey: officialKey(inner, aliases), joinedKey: joined === null ? '' : officialKey(joined, aliases) };
});

/** A sheet row's label texts as compared: each of its first label cells, and their joint text. */
export interface RowTexts {
  each: string[];
  joined: string | null;
}
export function rowTexts(labels: TextCell[]): RowTexts {
  const each = labels.slice(0, 4).map((l) => l.text);
  return { each, joined: each.length > 1 ? each.join('') : null };
}

/** Best match of any of a row's label texts (and their joint text) with a row spec. */
export function matchRow(texts: RowTexts, spec: RowSpec): Matched | null {
  if (!spec.label.length) return null;
  const k = rowKey(spec);
  let best: Matched | null = null;
  for (const t of texts.each) {
    const m = compareLabelKeyed(t, k.inner, k.aliases, k.innerKey);
    if (m && (!best || m.score > best.match.score)) best = { match: m, text: t };
  }
  if (texts.joined && k.joined) {
    const m = compareLabelKeyed(texts.joined, k.joined, k.aliases, k.joinedKey);
    if (m && (!best || m.score > best.match.score)) best = { match: m, text: texts.joined };
  }
  return best;
}

const colKey = derived((col: ColumnSpec) => {
  const leaf = col.header[col.header.length - 1];
  const aliases = col.aliases ?? [];
  return { leaf, aliases, key: officialKey(leaf, aliases) };
});

export function matchColumn(text: string, col: ColumnSpec): Matched | null {
  const k = colKey(col);
  const m = compareLabelKeyed(text, k.leaf, k.aliases, k.key);
  return m ? { match: m, text } : null;
}

export interface Vocab {
  chars: Set<string>;
  exact: Map<string, number[]>;
}
/** The characters of a table's row labels, and its inner labels' words → row indexes (in block order). */
export const tableVocab = derived((table: TableSpec): Vocab => {
  const chars = new Set<string>();
  const exact = new Map<string, number[]>();
  let j = 0;
  for (const b of table.blocks)
    for (const row of b.rows) {
      const texts = [...row.label, ...(row.aliases ?? [])];
      for (const t of texts) for (const ch of labelParts(t).core) if (!/[\d.,()、:]/.test(ch)) chars.add(ch);
      if (row.label.length) {
        const core = labelParts(row.label[row.label.length - 1]).core;
        exact.set(core, [...(exact.get(core) ?? []), j]);
      }
      j++;
    }
  return { chars, exact };
});

export function sharesVocab(text: string, chars: Set<string>): boolean {
  const core = labelParts(text).core;
  let n = 0;
  for (const ch of core) if (chars.has(ch)) n++;
  return n >= 2 && n >= core.length * 0.4;
}

/** Exact label words → the tables (of any form) whose rows carry them. */
const labelTables = once(() => {
  const out = new Map<string, Set<string>>();
  for (const f of FORMS)
    for (const [name] of [['', null], ...Object.entries(f.variants ?? {})] as [string, unknown][]) {
      const form = name ? withVariants(f, [name]) : f;
      for (const t of form.tables)
        for (const b of t.blocks)
          for (const row of b.rows)
            for (const l of row.label) {
              const k = labelParts(l).core;
              if (!out.has(k)) out.set(k, new Set());
              out.get(k)!.add(t.key);
            }
    }
  return out;
});

/** A row whose label is exactly a label of other tables only belongs to them. */
export function belongsElsewhere(labels: TextCell[], table: TableKey): boolean {
  let elsewhere = false;
  for (const l of labels) {
    const ts = labelTables().get(labelParts(l.text).core);
    if (!ts) continue;
    if (ts.has(table)) return false;
    elsewhere = true;
  }
  return elsewhere;
}

/** A label matched loosely (another wording, a typo, an alias) is noted with both texts. */
export function looseNote(notes: Notes, table: TableSpec, what: 'row' | 'column', written: string, official: string): void {
  const params = { table: table.key, written: written.replace(/\s+/g, ' ').trim(), official };
  notes.add(note(what === 'row' ? 'locate.row_loose' : 'locate.column_loose', params));
}
