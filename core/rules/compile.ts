/**
 * Rule families compiled against a form: each family expanded to one instance per column, row
 * or group, each instance a linear form (coefficients over cells). Compiled once per form.
 */
import { Dec } from '../model/decimal';
import type { Severity } from '../model/findings';
import { FORMS, formCells, withVariants, type FormSpec, type TableSpec } from '../forms';
import { sayBoth } from '../messages';
import { formRuleFile, parseRules, quoted, RuleSyntaxError, type Comparison, type Expr, type ParsedRule, type Wording } from './parse';

export interface Term {
  /** Cell id TABLE:ROW:COLUMN. */
  cell: string;
  coef: Dec;
  /** A cell of last year's report. */
  prior: boolean;
}

export interface Side {
  terms: Term[];
  constant: Dec;
}

export interface RuleInstance {
  family: RuleFamily;
  /** Column key, row key or group, per docs/formats.md; null for unscoped rules. */
  instance: string | null;
  op: Comparison;
  lhs: Side;
  rhs: Side;
  /** Every current-year cell taking part, in equation order, once each. */
  cells: string[];
  /** Takes last year's cells: evaluated only with a prior report. */
  cross: boolean;
}

export interface RuleFamily {
  id: string;
  severity: Severity;
  total: boolean;
  text: string;
  equation: string;
  description: { zh: string; en: string } | null;
  scope: ParsedRule['scope'];
  source: { file: string; line: number };
  instances: RuleInstance[];
}

export interface RuleSet {
  form: FormSpec;
  families: RuleFamily[];
  instances: RuleInstance[];
  /** Cells computed from others by `[total]` rules: cell → its parts (first rule wins). */
  derived: Map<string, Term[]>;
}

export interface RuleSource {
  name: string;
  text: string;
}

const cache = new WeakMap<FormSpec, RuleSet>();

/** The form's own rules (cached), plus any local rule files. */
export function compileRules(form: FormSpec, extra: readonly RuleSource[] = []): RuleSet {
  if (!extra.length) {
    const hit = cache.get(form);
    if (hit) return hit;
  }
  const families: RuleFamily[] = [];
  form.rules.forEach((r, i) => {
    const [parsed] = parseRules(r.text, formRuleFile(form, i));
    families.push(expand(form, parsed, r.description, false));
  });
  for (const src of extra)
    for (const parsed of parseRules(src.text, src.name)) {
      families.push(expand(form, parsed, parsed.description ? { zh: parsed.description, en: parsed.description } : null, true));
    }
  const instances = families.flatMap((f) => f.instances);
  const derived = new Map<string, Term[]>();
  for (const inst of instances) {
    if (!inst.family.total || inst.cross) continue;
    const target = inst.lhs.terms[0].cell;
    if (!derived.has(target)) derived.set(target, inst.rhs.terms);
  }
  const set: RuleSet = { form, families, instances, derived };
  if (!extra.length) cache.set(form, set);
  return set;
}

/** Derived cells of a form (templates write them as formulas; fill computes them). */
export function derivedCells(form: FormSpec): Map<string, Term[]> {
  return compileRules(form).derived;
}

function tableOf(form: FormSpec, key: string): TableSpec | undefined {
  return form.tables.find((t) => t.key === key);
}

/** Row/column keys of a table in any known format and variant, to tell a typo from a key this format lacks. */
function knownKeys(table: string, what: 'rows' | 'columns'): Set<string> {
  const keys = new Set<string>();
  for (const f of FORMS) {
    const forms = [f, ...Object.keys(f.variants ?? {}).map((v) => withVariants(f, [v]))];
    for (const g of forms) for (const b of tableOf(g, table)?.blocks ?? []) for (const x of b[what]) keys.add(x.key);
  }
  return keys;
}

const matches = (pattern: string, key: string) =>
  pattern.endsWith('.*') ? key === pattern.slice(0, -2) || key.startsWith(pattern.slice(0, -1)) : key === pattern;

function expand(form: FormSpec, rule: ParsedRule, description: RuleFamily['description'], local: boolean): RuleFamily {
  const fail = (at: number, expected: Wording, found: Wording): never => {
    throw new RuleSyntaxError(rule.source.file, rule.source.line, at + 1, expected, found);
  };
  const family: RuleFamily = {
    id: rule.id,
    severity: rule.severity,
    total: rule.total,
    text: rule.text,
    equation: rule.equation,
    description,
    scope: rule.scope,
    source: rule.source,
    instances: [],
  };
  const cells = formCells(form);
  const { kind, table: tableKey, keys } = rule.scope;
  let table: TableSpec | undefined;
  if (tableKey) {
    table = tableOf(form, tableKey);
    if (!table && !FORMS.some((f) => tableOf(f, tableKey)))
      fail(rule.text.indexOf(tableKey), sayBoth('rules.expect.table'), quoted(JSON.stringify(tableKey)));
    if (!table) return family;
  }
  const columns = table ? unique(table.blocks.flatMap((b) => b.columns.map((c) => c.key))) : [];
  const rows = table ? unique(table.blocks.flatMap((b) => b.rows.map((r) => r.key))) : [];
  const groups = unique(columns.filter((c) => c.includes('.')).map((c) => c.slice(0, c.indexOf('.'))));
  const domain: (string | null)[] = kind === 'column' ? columns : kind === 'row' ? rows : kind === 'group' ? groups : [null];
  // A group instance lives in one row; 表四 has a single row, so it is named by the group alone.
  const groupRows = kind === 'group' ? rows : [];
  if (keys)
    for (const k of keys)
      if (!domain.includes(k)) {
        const all = kind === 'row' ? knownKeys(tableKey!, 'rows') : knownKeys(tableKey!, 'columns');
        if (kind === 'group' ? !groups.includes(k) : !all.has(k))
          fail(
            rule.text.indexOf(k),
            sayBoth('rules.expect.key_of', { table: tableKey!, kind: kind as 'row' | 'column' | 'group' }),
            quoted(JSON.stringify(k)),
          );
      }
  const instances = keys ? domain.filter((d) => d !== null && keys.includes(d)) : domain;
  // The names a bare reference may take in this scope, to tell an unknown name (an error) from a cell this instance lacks (skipped).
  const nameSpace =
    kind === 'column' ? knownKeys(tableKey!, 'rows') : kind === 'row' || kind === 'group' ? knownKeys(tableKey!, 'columns') : null;

  /** All cells a reference names in one instance; null when the instance does not have that cell. */
  const resolve = (ref: { name: string; at: number }, inst: string | null): string[] | null => {
    const { name } = ref;
    if (name.includes(':')) {
      const parts = name.split(':');
      if (parts.length !== 3) fail(ref.at, sayBoth('rules.expect.cell_id'), quoted(JSON.stringify(name)));
      const [t, r, c] = parts;
      const found = [...cells.keys()].filter((id) => {
        const [a, b, d] = id.split(':');
        return a === t && matches(r, b) && matches(c, d);
      });
      if (!found.length && !r.includes('*') && !c.includes('*')) {
        if (!knownKeys(t, 'rows').has(r))
          fail(ref.at, sayBoth('rules.expect.key_of', { table: t, kind: 'row' }), quoted(JSON.stringify(r)));
        if (!knownKeys(t, 'columns').has(c))
          fail(ref.at, sayBoth('rules.expect.key_of', { table: t, kind: 'column' }), quoted(JSON.stringify(c)));
        return null;
      }
      return found;
    }
    if (kind === 'none') return fail(ref.at, sayBoth('rules.expect.full_cell_id'), quoted(JSON.stringify(name)));
    const full = kind === 'group' ? `${inst}.${name}` : name;
    const wildcard = name.endsWith('.*');
    if (!wildcard && !nameSpace!.has(full) && !(kind === 'group' && [...nameSpace!].some((k) => k.endsWith(`.${name}`))))
      fail(
        ref.at,
        sayBoth('rules.expect.key_of', { table: tableKey!, kind: kind === 'column' ? 'row' : 'column' }),
        quoted(JSON.stringify(name)),
      );
    const ids =
      kind === 'column'
        ? rows.filter((r) => matches(full, r)).map((r) => `${tableKey}:${r}:${inst}`)
        : kind === 'group'
          ? groupRows.flatMap((r) => columns.filter((c) => matches(full, c)).map((c) => `${tableKey}:${r}:${c}`))
          : columns.filter((c) => matches(full, c)).map((c) => `${tableKey}:${inst}:${c}`);
    const present = ids.filter((id) => cells.has(id));
    if (!wildcard && !present.length) return null;
    return present;
  };

  for (const inst of instances) {
    const lin = (e: Expr, prior: boolean): { terms: Term[]; constant: Dec } | null => {
      switch (e.type) {
        case 'num':
          return { terms: [], constant: Dec.parse(e.value) ?? Dec.ZERO };
        case 'ref': {
          const ids = resolve(e, inst);
          return ids === null ? null : { terms: ids.map((cell) => ({ cell, coef: Dec.of(1), prior })), constant: Dec.ZERO };
        }
        case 'neg': {
          const a = lin(e.arg, prior);
          return a && scale(a, Dec.of(-1));
        }
        case 'add':
        case 'sub': {
          const a = lin(e.a, prior),
            b = lin(e.b, prior);
          if (!a || !b) return null;
          return {
            terms: [...a.terms, ...(e.type === 'sub' ? scale(b, Dec.of(-1)).terms : b.terms)],
            constant: e.type === 'sub' ? a.constant.sub(b.constant) : a.constant.add(b.constant),
          };
        }
        case 'mul': {
          const a = lin(e.a, prior),
            b = lin(e.b, prior);
          if (!a || !b) return null;
          if (!a.terms.length) return scale(b, a.constant);
          if (!b.terms.length) return scale(a, b.constant);
          return fail(rule.text.indexOf(rule.equation), sayBoth('rules.expect.linear'), quoted(JSON.stringify(rule.equation)));
        }
        case 'sum': {
          const parts = e.args.map((x) => lin(x, prior));
          if (parts.some((p) => !p)) return null;
          return { terms: parts.flatMap((p) => p!.terms), constant: Dec.sum(parts.map((p) => p!.constant)) };
        }
        case 'prior': {
          if (prior) fail(e.at, sayBoth('rules.expect.prior_once'), quoted('prior(prior(…))'));
          return lin(e.arg, true);
        }
      }
    };
    const lhs = lin(rule.lhs, false),
      rhs = lin(rule.rhs, false);
    if (!lhs || !rhs) continue;
    const current = unique([...lhs.terms, ...rhs.terms].filter((t) => !t.prior).map((t) => t.cell));
    family.instances.push({
      family,
      instance: inst,
      op: rule.op,
      lhs: merge(lhs),
      rhs: merge(rhs),
      cells: current,
      cross: [...lhs.terms, ...rhs.terms].some((t) => t.prior),
    });
  }
  if (local && !family.instances.length && tableKey && table)
    fail(0, sayBoth('rules.expect.some_instance', { format: form.key }), sayBoth('rules.found.no_cell'));
  return family;
}

function scale(s: Side, k: Dec): Side {
  return { terms: s.terms.map((t) => ({ ...t, coef: t.coef.mul(k) })), constant: s.constant.mul(k) };
}

/** Same cell twice on one side: add coefficients (keeps the order of first appearance). */
function merge(s: Side): Side {
  const by = new Map<string, Term>();
  for (const t of s.terms) {
    const k = `${t.prior ? 'p' : 'c'}|${t.cell}`;
    const had = by.get(k);
    by.set(k, had ? { ...had, coef: had.coef.add(t.coef) } : t);
  }
  return { terms: [...by.values()].filter((t) => !t.coef.isZero()), constant: s.constant };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
