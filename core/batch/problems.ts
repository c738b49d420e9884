/**
 * A report's findings as the problems a department must fix (issue 21): one slip is one problem,
 * however many equations it breaks and however many cells could explain it. Equation findings
 * that share a suspect (the same cell with the same balancing value) are one problem; its
 * suspects are alternatives ("any one of these is wrong"), the likeliest first — a typing slip
 * the digits show, then a total, then the rest, as the checker ranks them. A suspect whose
 * balancing value is what the cell already holds is no suggestion and is left out.
 */
import { Dec } from '../model/decimal';
import type { Finding, FindingCell, Lang, ReportResult, Severity, Suspect } from '../model/findings';
import { columnName, formCells, FORMS, rowName } from '../forms';
import { placeName, say } from '../messages';
import { slip } from '../check/wording';
import { ruleName } from './rulename';

/** A cell as the department sees it: its sheet and address, and its table, row and column in the form's words. */
export interface Place {
  sheet: string;
  address: string;
  table: string;
  row: string;
  column: string;
}

export interface Alternative {
  place: Place;
  found: number | string | null;
  /** The value that balances every equation the problem breaks. */
  balance: number | null;
  /** The typing slip the digits show, else the checker's reason. */
  why: string;
}

export interface Problem {
  severity: Severity;
  /** What is wrong, in words: each equation it breaks, or the finding's message. */
  broken: string[];
  /** Whether it is about equations between cells (else about one cell, the layout or the text). */
  equations: boolean;
  /** The rule in words (never its id). */
  ruleName: string;
  /** Any one of these is wrong (several) or this one is (one). */
  alternatives: Alternative[];
  /** Cells to look at when nothing can be suggested. */
  cells: Place[];
}

const shown = (f: Finding) => f.severity !== 'notice' || f.rule === 'cell.text_number' || f.rule.startsWith('batch.');

/** "2024年报!D25" → sheet and address; a line of published text keeps its words. */
export function placeOf(c: FindingCell, format: string, lang: Lang): Place {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(c.ref);
  const sheet = m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : '';
  const address = m ? m[3] : placeName(lang, c.ref);
  const form = FORMS.find((f) => f.key === format);
  const spec = form ? formCells(form).get(`${c.table}:${c.row}:${c.column}`) : undefined;
  if (!spec) return { sheet, address, table: '', row: '', column: '' };
  return {
    sheet,
    address,
    table: lang === 'en' ? spec.table.shortEn : spec.table.short,
    // English has no names of its own for the form's rows and columns: it quotes them (as core/check/wording.ts).
    row: spec.row.label.length ? quoted(rowName(spec.row), lang) : '',
    column: quoted(columnName(spec.column), lang),
  };
}

const quoted = (label: string, lang: Lang) => (lang === 'en' ? `“${label}”` : label);
const num = (v: number | string | null) => (typeof v === 'number' ? Dec.parse(String(v)) : null);

function alternative(s: Suspect, format: string, lang: Lang): Alternative | null {
  if (s.suggested !== null && String(s.value) === String(s.suggested)) return null; // "15 → 15" suggests nothing
  const w = num(s.value),
    v = s.suggested === null ? null : Dec.parse(String(s.suggested));
  const typo = w && v ? slip(w, v, lang) : null;
  return { place: placeOf(s, format, lang), found: s.value, balance: s.suggested, why: typo ?? s.reason };
}

/** Whether an alternative names a typing slip (it then comes first). */
const isSlip = (s: Suspect, lang: Lang) => {
  const w = num(s.value),
    v = s.suggested === null ? null : Dec.parse(String(s.suggested));
  return !!(w && v && slip(w, v, lang));
};

/** The problems of one report, in the order of their first finding. */
export function problemsOf(r: ReportResult, lang: Lang): Problem[] {
  const out: Problem[] = [];
  // The same cell by its place in the form, not its ref alone: a row of published text is one line,
  // so its cells share a ref (`line 12`), and a saved page may hold a whole table on one line.
  const key = (s: Suspect) => `${s.ref}|${s.table}:${s.row}:${s.column}=${s.suggested}`;
  // Equation findings with suspects, joined when they share one (union–find over findings).
  const eq = r.findings.filter((f) => shown(f) && f.suspects.length && !f.rule.startsWith('cell.'));
  const parent = eq.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  eq.forEach((f, i) => {
    for (const s of f.suspects) {
      const o = owner.get(key(s));
      if (o === undefined) owner.set(key(s), i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, Finding[]>();
  eq.forEach((f, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), f]));
  const done = new Set<Finding>();
  const blanks = r.findings.filter((f) => f.rule === 'cell.blank');
  for (const f of r.findings) {
    if (!shown(f) || done.has(f) || f.rule === 'cell.blank') continue;
    const i = eq.indexOf(f);
    const group = i >= 0 ? groups.get(find(i))! : [f];
    group.forEach((g) => done.add(g));
    const seen = new Set<string>();
    const ranked: { a: Alternative; slip: boolean; order: number }[] = [];
    for (const g of group)
      for (const s of g.suspects) {
        if (seen.has(key(s))) continue;
        seen.add(key(s));
        const a = alternative(s, r.format, lang);
        if (a) ranked.push({ a, slip: isSlip(s, lang), order: ranked.length });
      }
    ranked.sort((x, y) => Number(y.slip) - Number(x.slip) || x.order - y.order);
    // Several equally small explanations are the problem's alternatives: each says only its own slip
    // (the count stands in the heading), or that it balances, or that it changes with other cells.
    if (ranked.length > 1)
      for (const x of ranked) if (!x.slip && !/一起|together/.test(x.a.why) && x.a.balance !== null) x.a.why = say(lang, 'notice.balances');
    out.push({
      severity: group.some((g) => g.severity === 'error') ? 'error' : f.severity,
      broken: group.map((g) => g.message),
      equations: /^(?:T\d|X|local)\./.test(f.rule),
      ruleName: ruleName(f.rule, lang),
      alternatives: ranked.map((x) => x.a),
      cells: ranked.length ? [] : f.cells.slice(0, 12).map((c) => placeOf(c, r.format, lang)),
    });
  }
  if (blanks.length)
    out.push({
      severity: 'warning',
      broken: [blanks[0].message],
      equations: false,
      ruleName: ruleName('cell.blank', lang),
      alternatives: [],
      cells: blanks.slice(0, 40).map((b) => placeOf(b.cells[0], r.format, lang)),
    });
  return out;
}
