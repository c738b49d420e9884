/** Which format a report is in: the signature words in its texts, else its year. */
import { FORMS, formForYear } from '../../forms';
import type { FormSpec, TableKey } from '../../forms';
import { labelParts } from '../labels';
import { BoundedCache, once } from '../cache';
import { note } from '../notes';
import type { ReadNote } from '../../model/report';
import { gridTexts, type Scan } from './scan';

export interface Detected {
  form: FormSpec;
  variants: string[];
  note: ReadNote;
}

/** Every signature word of every form (normalised), each once. */
const sigWords = once(() => {
  const index = new Map<string, number>();
  for (const f of FORMS)
    for (const sig of f.signature)
      for (const w of sig.words) {
        const nw = labelParts(w).norm;
        if (!index.has(nw)) index.set(nw, index.size);
      }
  return { list: [...index.keys()], index };
});

/** The signature words (indexes) a normalised text holds, by text. */
const wordsInText = new BoundedCache<string, number[]>(20000);
const NO_WORDS: number[] = [];
function textWords(norm: string): number[] {
  return wordsInText.through(norm, () => {
    const list = sigWords().list;
    let ws = NO_WORDS;
    for (let k = 0; k < list.length; k++) if (norm.includes(list[k])) ws = ws === NO_WORDS ? [k] : [...ws, k];
    return ws;
  });
}

/** Which signature words (by index) any text of the scans holds. */
function scanWords(scans: Scan[]): Uint8Array {
  const out = new Uint8Array(sigWords().list.length);
  for (const sc of scans) {
    if (!sc.words) {
      const w = new Uint8Array(out.length);
      for (const t of gridTexts(sc)) for (const k of textWords(t)) w[k] = 1;
      sc.words = w;
    }
    for (let k = 0; k < out.length; k++) out[k] |= sc.words[k];
  }
  return out;
}

function signatureHits(words: Uint8Array, form: FormSpec): Map<TableKey, number> {
  const hits = new Map<TableKey, number>();
  const index = sigWords().index;
  for (const sig of form.signature) {
    let n = 0;
    for (const w of sig.words) {
      const nw = labelParts(w).norm;
      if (words[index.get(nw)!]) n++;
    }
    hits.set(sig.table, (hits.get(sig.table) ?? 0) + n);
  }
  return hits;
}

/** Whether any text of the scans is the row label (its numbering aside: （六）其他处理, 六、其他处理). */
function printsRow(scans: Scan[], label: string): boolean {
  const core = labelParts(label).core;
  return scans.some((sc) => gridTexts(sc).some((t) => t.endsWith(core) && labelParts(t).core === core));
}

/** The format of the scans' tables (by the signature words in their texts), else by the year. */
export function detectFormat(scans: Scan[], year: number | null): Detected {
  const words = scanWords(scans);
  const scored = FORMS.map((form) => {
    const hits = signatureHits(words, form);
    let total = 0;
    for (const v of hits.values()) total += v;
    return { form, hits, total };
  });
  scored.sort((a, b) => b.total - a.total);
  const top = scored[0];
  let form: FormSpec;
  let how: ReadNote;
  if (top.total > 0 && (scored.length < 2 || top.total > scored[1].total)) {
    form = top.form;
    how = note('locate.format_by_headers', { format: form.key });
  } else if (year !== null) {
    form = formForYear(year);
    how = note('locate.format_by_year', { format: form.key, year });
  } else {
    form = FORMS[0];
    how = note('locate.format_by_default', { format: form.key });
  }
  const variants: string[] = [];
  // A variant applies when the form's own signature for that table is absent (2019-style （六） in a 2021 report)
  // and the variant's own row is printed: a copy cut off before those rows prints neither.
  for (const [name, v] of Object.entries(form.variants ?? {})) {
    const sig = form.signature.filter((s) => s.table === v.table);
    if (!sig.length) continue;
    const own = scored.find((s) => s.form === form)!.hits.get(v.table) ?? 0;
    if (own === 0 && printsRow(scans, v.row.label[v.row.label.length - 1])) variants.push(name);
  }
  return { form, variants, note: how };
}
