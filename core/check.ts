/**
 * confront(report, rules) → findings. Takes plain values with their addresses (ReportData) and
 * returns the findings of shared/spec/findings.md, with the wrong cells pointed at.
 */
import { Dec } from './model/decimal';
import type { Finding, FindingCell, Lang, ReportResult, Severity, Suspect } from './model/findings';
import { formCells, formForYear, getForm, parseCellId, withVariants, columnName, rowName, type CellSpec, type FormSpec } from './forms';
import { cellKey, linearFormula, splitRef } from './formula';
import { explain, isWhole, rationalToNumber, type LinearSystem, type Rational } from './localise';
import type { CellRead, ReportData } from './model/report';
import { compileRules, type RuleInstance, type RuleSet, type RuleSource, type Side } from './rules';
import { readValue, shownValue, type CellValue } from './model/values';

export interface CheckOptions {
  lang?: Lang;
  /** Last year's report, for the cross-year (X.*) rules. */
  prior?: ReportData | null;
  /** Name of last year's file, shown in its cells' refs as [name]Sheet!A1. */
  priorName?: string;
  /** Local rule files (same language as the built-in rules). */
  extraRules?: readonly RuleSource[];
  /** Text rules hook (text.*), given the report and its cell values. */
  textRules?: (report: ReportData, value: (cellId: string) => number | null, lang: Lang) => Finding[];
}

/** A cell as the checker sees it. */
interface Cell {
  id: string;
  spec: CellSpec;
  read: CellRead;
  value: CellValue;
}

const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

export function formOf(report: ReportData): FormSpec {
  return withVariants(getForm(report.format), report.variants ?? []);
}

export function checkReport(report: ReportData, opts: CheckOptions = {}): ReportResult {
  const lang = opts.lang ?? 'zh';
  const form = formOf(report);
  const rules = compileRules(form, opts.extraRules ?? []);
  const cells = readCells(form, report);
  const links = formulaLinks(cells);
  const computed = computeUncached(cells, links);
  const findings: Finding[] = [];

  findings.push(...formatFindings(report, lang));
  findings.push(...missingFindings(form, rules, cells, lang));
  for (const cell of cells.values()) findings.push(...(computed.has(cell.id) ? [computedNotice(cell, lang)] : cellFindings(cell, lang)));

  const equationFindings: { finding: Finding; inst: RuleInstance }[] = [];
  for (const inst of rules.instances) {
    if (inst.cross) continue;
    if (!inst.cells.every((id) => cells.has(id))) continue;
    // A cell that is no number is solved for, not evaluated (its own finding suggests the value).
    if (inst.cells.some((id) => cells.get(id)!.value.kind === 'text')) continue;
    const f = evaluate(inst, (id) => cells.get(id)!, null, lang);
    if (f) {
      findings.push(f);
      equationFindings.push({ finding: f, inst });
    }
  }
  if (opts.prior) findings.push(...crossYear(rules, cells, opts.prior, opts.priorName ?? null, lang));
  if (opts.textRules && report.textLines?.length) {
    findings.push(
      ...opts.textRules(
        report,
        (id) => {
          const c = cells.get(id);
          return c?.value.kind === 'number' ? c.value.value.toNumber() : c?.value.kind === 'blank' ? 0 : null;
        },
        lang,
      ),
    );
  }
  pointAtSuspects(rules, cells, links, equationFindings, findings, lang);
  return { sheet: report.sheet, format: form.key, year: report.year, agency: report.agency, notes: report.notes, findings };
}

/** Formula cells: the report cells each one adds up (a plain sum), or opaque when it is anything else. */
interface FormulaLinks {
  follows: Map<string, Map<string, number>>;
  opaque: Set<string>;
  /** Formulas all of whose inputs are report cells (their value can be computed from the report alone). */
  complete: Set<string>;
}

function formulaLinks(cells: Map<string, Cell>): FormulaLinks {
  const follows = new Map<string, Map<string, number>>();
  const opaque = new Set<string>();
  const complete = new Set<string>();
  const withFormula = [...cells.values()].filter((c) => c.read.formula);
  if (!withFormula.length) return { follows, opaque, complete };
  const byAddr = new Map<string, string>();
  for (const c of cells.values()) {
    const s = splitRef(c.read.ref);
    if (s) byAddr.set(cellKey(s.sheet, s.r, s.c), c.id);
  }
  for (const c of withFormula) {
    const s = splitRef(c.read.ref);
    const lin = s && linearFormula(c.read.formula!, s.sheet);
    const inputs = new Map<string, number>();
    if (lin)
      for (const [k, w] of lin) {
        const id = byAddr.get(k);
        if (id) inputs.set(id, w);
      }
    if (lin && inputs.size) follows.set(c.id, inputs);
    else opaque.add(c.id);
    if (lin && inputs.size === lin.size) complete.add(c.id);
  }
  return { follows, opaque, complete };
}

/**
 * A formula saved without its result (some generators do not store one) would read as blank:
 * where it is a plain sum of report cells that all hold numbers, its value is computed instead.
 */
function computeUncached(cells: Map<string, Cell>, links: FormulaLinks): Set<string> {
  const done = new Set<string>();
  for (let pass = 0, changed = true; changed && pass < 8; pass++) {
    changed = false;
    for (const [id, inputs] of links.follows) {
      const c = cells.get(id)!;
      if (done.has(id) || !links.complete.has(id) || c.value.kind !== 'blank' || c.read.raw !== null) continue;
      let sum = Dec.ZERO;
      let ok = true;
      for (const [k, w] of inputs) {
        const v = cells.get(k)!.value;
        if (v.kind !== 'number') {
          ok = false;
          break;
        }
        sum = sum.add(v.value.mul(Dec.of(w)));
      }
      if (!ok) continue;
      c.value = { kind: 'number', value: sum };
      done.add(id);
      changed = true;
    }
  }
  return done;
}

function computedNotice(cell: Cell, lang: Lang): Finding {
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

function readCells(form: FormSpec, report: ReportData): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [id, spec] of formCells(form)) {
    const read = report.cells[id];
    if (!read) continue;
    out.set(id, { id, spec, read, value: readValue(read.raw, spec.kind) });
  }
  return out;
}

const findingCell = (c: Cell, ref = c.read.ref): FindingCell => {
  const { table, row, column } = parseCellId(c.id);
  return { ref, table, row, column, value: shownValue(c.read.raw, c.value) };
};

/** "表三 本年新收 行 自然人 列" — where a cell sits, in words. */
export function cellName(spec: CellSpec, lang: Lang): string {
  const t = lang === 'en' ? spec.table.shortEn : spec.table.short;
  const r = spec.row.label.length ? (lang === 'en' ? spec.row.key : rowName(spec.row)) : '';
  const c = lang === 'en' ? spec.column.key : columnName(spec.column);
  return lang === 'en' ? `${t} ${r ? `row ${r}, ` : ''}column ${c}` : `${t} ${r ? `${r}·` : ''}${c}`;
}

function formatFindings(report: ReportData, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const base = getForm(report.format);
  if (report.year !== null) {
    const due = formForYear(report.year);
    if (due.key !== base.key)
      out.push({
        rule: 'format.year_mismatch',
        instance: null,
        severity: 'warning',
        cells: [],
        suspects: [],
        message: L(
          lang,
          `${report.year} 年度报告应使用 ${due.issuedBy} 的格式（${due.key}），但表格是 ${base.key} 格式，已按 ${base.key} 格式检查`,
          `a ${report.year} report should use format ${due.key} (${due.issuedBy}), but its tables are in format ${base.key}; checked as ${base.key}`,
        ),
      });
  }
  for (const v of report.variants ?? []) {
    const spec = base.variants?.[v];
    if (spec)
      out.push({
        rule: spec.finding,
        instance: null,
        severity: 'warning',
        cells: [],
        suspects: [],
        message: L(
          lang,
          `${base.key} 格式的表三应将“${spec.row.label[spec.row.label.length - 1]}”分为 ${spec.replaces.length} 项，本报告仍为旧格式的一行，已按其实有的行检查`,
          `a format ${base.key} Table 3 splits "${spec.row.label[spec.row.label.length - 1]}" into ${spec.replaces.length} rows; this report prints the old single row and was checked with it`,
        ),
      });
  }
  return out;
}

/**
 * A table the report does not print, or prints without some of its rows or columns: the rules
 * that need those cells cannot be checked, and the statistician is told so instead of seeing a
 * clean report.
 */
function missingFindings(form: FormSpec, rules: RuleSet, cells: Map<string, Cell>, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const all = formCells(form);
  for (const table of form.tables) {
    const ids = [...all.values()].filter((c) => c.table.key === table.key);
    const missing = ids.filter((c) => !cells.has(c.id));
    if (!missing.length) continue;
    const name = lang === 'en' ? table.shortEn : table.short;
    const skipped = rules.instances.filter(
      (i) => !i.cross && i.cells.some((id) => id.startsWith(`${table.key}:`)) && i.cells.some((id) => !cells.has(id)),
    ).length;
    if (missing.length === ids.length) {
      out.push({
        rule: 'format.missing_table',
        instance: table.key,
        severity: 'warning',
        cells: [],
        suspects: [],
        message: L(
          lang,
          `没有找到${name}（${table.title}），其 ${skipped} 个等式未检查`,
          `${name} (${table.title}) was not found; its ${skipped} equations were not checked`,
        ),
      });
      continue;
    }
    const rows = [...new Set(missing.map((c) => c.row.key))];
    const fullRows = rows.filter((r) => ids.filter((c) => c.row.key === r).every((c) => !cells.has(c.id)));
    const what = fullRows.length
      ? L(lang, `行：${fullRows.map((r) => rowName(ids.find((c) => c.row.key === r)!.row)).join('、')}`, `rows: ${fullRows.join(', ')}`)
      : L(
          lang,
          `单元格：${missing
            .slice(0, 8)
            .map((c) => cellName(c, lang))
            .join('、')}${missing.length > 8 ? '…' : ''}`,
          `cells: ${missing
            .slice(0, 8)
            .map((c) => c.id)
            .join(', ')}${missing.length > 8 ? '…' : ''}`,
        );
    out.push({
      rule: 'format.missing_cells',
      instance: table.key,
      severity: 'warning',
      cells: [],
      suspects: [],
      message: L(
        lang,
        `${name}缺少 ${missing.length} 个单元格（${what}），涉及的 ${skipped} 个等式未检查`,
        `${name} lacks ${missing.length} cells (${what}); ${skipped} equations involving them were not checked`,
      ),
    });
  }
  return out;
}

function cellFindings(cell: Cell, lang: Lang): Finding[] {
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
  if (v.kind === 'text') return [one('cell.not_number', 'error', `“${v.text}”不是数字`, `"${v.text}" is not a number`)];
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

const valueOf = (c: Cell): Dec => (c.value.kind === 'number' ? c.value.value : Dec.ZERO);

function sideValue(side: Side, get: (id: string, prior: boolean) => Cell): Dec {
  let acc = side.constant;
  for (const t of side.terms) acc = acc.add(t.coef.mul(valueOf(get(t.cell, t.prior))));
  return acc;
}

function holds(op: RuleInstance['op'], l: Dec, r: Dec) {
  const c = l.cmp(r);
  return op === '==' ? c === 0 : op === '<=' ? c <= 0 : c >= 0;
}

/** One instance evaluated; a finding when it does not hold. */
function evaluate(
  inst: RuleInstance,
  cur: (id: string) => Cell,
  prior: ((id: string) => Cell) | null,
  lang: Lang,
  priorRef?: (c: Cell) => string,
): Finding | null {
  const get = (id: string, p: boolean) => (p ? prior!(id) : cur(id));
  const l = sideValue(inst.lhs, get),
    r = sideValue(inst.rhs, get);
  if (holds(inst.op, l, r)) return null;
  const fam = inst.family;
  const terms = [...inst.lhs.terms, ...inst.rhs.terms];
  const cells = terms.map((t) => (t.prior ? findingCell(prior!(t.cell), priorRef!(prior!(t.cell))) : findingCell(cur(t.cell))));
  const blanks = terms.some((t) => get(t.cell, t.prior).value.kind === 'blank');
  const where = instanceName(inst, cur, lang);
  const side = (s: Side, v: Dec) =>
    describeSide(s, get, fam.scope.kind, lang) + (s.terms.length > 1 || !s.constant.isZero() ? ` = ${v}` : '');
  const op = inst.op === '==' ? '' : ` ${inst.op} `;
  const message = `${where}${L(lang, '：', ': ')}${side(inst.lhs, l)}${L(lang, '，但', ', but')} ${side(inst.rhs, r)}${op ? L(lang, `（应满足 ${inst.op}）`, ` (should be ${inst.op})`) : ''}${blanks ? L(lang, '（空白单元格按 0 计）', ' (blank cells counted as 0)') : ''}`;
  // For a total, the expected value is the sum of its parts; otherwise the left side as printed.
  const [expected, actual] = fam.total ? [r, l] : [l, r];
  return {
    rule: fam.id,
    instance: inst.instance,
    severity: fam.severity,
    message,
    cells,
    expected: expected.toNumber(),
    actual: actual.toNumber(),
    suspects: [],
  };
}

function instanceName(inst: RuleInstance, cur: (id: string) => Cell, lang: Lang): string {
  const any = cur(inst.cells[0]).spec;
  const t = lang === 'en' ? any.table.shortEn : any.table.short;
  const scope = inst.family.scope.kind;
  if (scope === 'column') return lang === 'en' ? `${t}, column ${inst.instance}` : `${t} ${columnName(any.column)} 列`;
  if (scope === 'row') return lang === 'en' ? `${t}, row ${inst.instance}` : `${t} ${rowName(any.row)} 行`;
  if (scope === 'group')
    return lang === 'en' ? `${t}, ${inst.instance}` : `${t} ${any.column.header[any.column.header.length - 2] ?? inst.instance}`;
  return lang === 'en' ? `${inst.family.id}` : `${inst.family.id}`;
}

function describeSide(s: Side, get: (id: string, prior: boolean) => Cell, scope: string, lang: Lang): string {
  const parts = s.terms.map((t) => {
    const c = get(t.cell, t.prior);
    const nm = termName(c, scope, lang) + (t.prior ? L(lang, '（上年）', ' (last year)') : '');
    const v = c.value.kind === 'blank' ? L(lang, '空白', 'blank') : String(valueOf(c));
    const coef = t.coef.eq(Dec.of(1)) || t.coef.eq(Dec.of(-1)) ? '' : `${t.coef.cmp(Dec.ZERO) < 0 ? t.coef.neg() : t.coef}×`;
    return { neg: t.coef.isNegative(), text: `${coef}${nm} ${v}`, zero: c.value.kind === 'number' && c.value.value.isZero() };
  });
  // A long sum (表三's 21 results) is named, not spelled out: its cells are listed in the finding.
  if (parts.length > 8)
    return L(lang, `${parts.length} 项之和`, `the sum of ${parts.length} parts`) + (s.constant.isZero() ? '' : ` + ${s.constant}`);
  let out = parts.map((p, i) => (i === 0 ? (p.neg ? '−' : '') : p.neg ? ' − ' : ' + ') + p.text).join('');
  if (!s.constant.isZero()) out += ` + ${s.constant}`;
  return out || String(s.constant);
}

/** A term is named by what varies within its instance: the row in a per-column rule, the column in a per-row one. */
function termName(c: Cell, scope: string, lang: Lang): string {
  const { row, column } = c.spec;
  if (scope === 'column') return lang === 'en' ? row.key : rowName(row);
  if (scope === 'row') return lang === 'en' ? column.key : columnName(column);
  if (scope === 'group') return lang === 'en' ? column.key.slice(column.key.indexOf('.') + 1) : column.header[column.header.length - 1];
  return lang === 'en' ? `${row.key}:${column.key}` : row.label.length ? `${rowName(row)}·${columnName(column)}` : columnName(column);
}

function crossYear(rules: RuleSet, cells: Map<string, Cell>, prior: ReportData, priorName: string | null, lang: Lang): Finding[] {
  const pform = formOf(prior);
  const pcells = readCells(pform, prior);
  const out: Finding[] = [];
  const pref = (c: Cell) => (priorName ? `[${priorName}]${c.read.ref}` : c.read.ref);
  for (const inst of rules.instances) {
    if (!inst.cross) continue;
    const terms = [...inst.lhs.terms, ...inst.rhs.terms];
    if (!terms.every((t) => (t.prior ? pcells.has(t.cell) : cells.has(t.cell)))) continue;
    if (terms.some((t) => (t.prior ? pcells.get(t.cell)! : cells.get(t.cell)!).value.kind === 'text')) continue;
    const f = evaluate(
      inst,
      (id) => cells.get(id)!,
      (id) => pcells.get(id)!,
      lang,
      pref,
    );
    if (f) out.push(f);
  }
  return out;
}

/**
 * Builds the linear system of every same-year equation (error severity, '=='), with formula
 * cells following their inputs, finds the smallest explanations, and attaches suspects to the
 * equation findings and suggested values to cell.not_number findings.
 */
function pointAtSuspects(
  rules: RuleSet,
  cells: Map<string, Cell>,
  links: FormulaLinks,
  eqFindings: { finding: Finding; inst: RuleInstance }[],
  all: Finding[],
  lang: Lang,
) {
  const textCells = [...cells.values()].filter((c) => c.value.kind === 'text');
  if (!eqFindings.some((f) => f.finding.severity === 'error') && !textCells.length) return;
  const insts = rules.instances.filter(
    (i) => !i.cross && i.op === '==' && i.family.severity === 'error' && i.cells.every((id) => cells.has(id)),
  );
  const ids = [...new Set(insts.flatMap((i) => i.cells))];
  const index = new Map(ids.map((id, k) => [id, k]));
  const { follows, opaque } = links;
  // Effect of changing a cell on every cell (itself plus the formulas that follow it, transitively).
  const effectCache = new Map<string, Map<string, number>>();
  const effect = (id: string, depth = 0): Map<string, number> => {
    const hit = effectCache.get(id);
    if (hit) return hit;
    const m = new Map<string, number>([[id, 1]]);
    if (depth < 8)
      for (const [f, inputs] of follows) {
        const w = inputs.get(id);
        if (!w) continue;
        for (const [k, x] of effect(f, depth + 1)) m.set(k, (m.get(k) ?? 0) + w * x);
      }
    effectCache.set(id, m);
    return m;
  };
  // Scale everything to integers.
  let scale = 0;
  for (const id of ids) scale = Math.max(scale, valueOf(cells.get(id)!).decimals);
  for (const i of insts) for (const t of [...i.lhs.terms, ...i.rhs.terms]) scale = Math.max(scale, t.coef.decimals);
  const toInt = (d: Dec) => d.n * 10n ** BigInt(scale - d.scale);
  // Each equation's direct coefficients, and which equations each cell is in.
  const directs = insts.map((inst) => {
    const direct = new Map<string, Dec>();
    for (const t of inst.lhs.terms) direct.set(t.cell, (direct.get(t.cell) ?? Dec.ZERO).add(t.coef));
    for (const t of inst.rhs.terms) direct.set(t.cell, (direct.get(t.cell) ?? Dec.ZERO).sub(t.coef));
    return direct;
  });
  const inEquations = new Map<string, { e: number; a: number }[]>();
  directs.forEach((direct, e) => {
    for (const [id, a] of direct) {
      let l = inEquations.get(id);
      if (!l) inEquations.set(id, (l = []));
      l.push({ e, a: a.toNumber() });
    }
  });
  const coefs = insts.map(() => new Map<number, number>());
  for (const id of ids) {
    // Changing a cell moves it and every formula that follows it: its column is the sum of their coefficients.
    const v = index.get(id)!;
    for (const [k, w] of effect(id)) for (const { e, a } of inEquations.get(k) ?? []) coefs[e].set(v, (coefs[e].get(v) ?? 0) + w * a);
  }
  const equations = insts.map((inst, e) => {
    let residual = inst.lhs.constant.neg().add(inst.rhs.constant);
    for (const [id, a] of directs[e]) if (cells.get(id)!.value.kind !== 'text') residual = residual.add(a.mul(valueOf(cells.get(id)!)));
    const ints = new Map<number, bigint>();
    for (const [v, a] of coefs[e]) if (a !== 0) ints.set(v, toInt(Dec.of(a)));
    return { coefs: ints, residual: toInt(residual) };
  });
  const blankTotal = (id: string) => rules.derived.has(id) && cells.get(id)!.value.kind === 'blank';
  const sys: LinearSystem = {
    equations,
    candidates: new Set(
      ids
        .filter((id) => !follows.has(id) && !opaque.has(id) && cells.get(id)!.value.kind !== 'text' && !blankTotal(id))
        .map((id) => index.get(id)!),
    ),
    // Unknowns, solved for rather than counted: text cells, and totals left blank (a blank total is what it should be, not a wrong number).
    free: new Set(ids.filter((id) => cells.get(id)!.value.kind === 'text' || blankTotal(id)).map((id) => index.get(id)!)),
    acceptable: (v, d) => {
      const c = cells.get(ids[v])!;
      const next = rationalAdd(valueOf(c), d);
      if (c.spec.kind === 'money') return next !== null && !next.isNegative() && next.decimals <= 4;
      return next !== null && next.isInteger() && (c.spec.kind === 'signed' || !next.isNegative());
    },
  };
  const explanations = explain(sys);
  const rank = (c: Cell, suggested: Dec) => (slip(valueOf(c), suggested, lang) ? 0 : rules.derived.has(c.id) ? 1 : 2);
  for (const { finding, inst } of eqFindings) {
    if (finding.severity !== 'error' || inst.op !== '==') continue;
    const eq = insts.indexOf(inst);
    const suspects: (Suspect & { _rank: number })[] = [];
    for (const ex of explanations)
      for (const [v, d] of ex.changes) {
        if (eq >= 0 && !equations[eq].coefs.has(v)) continue;
        const c = cells.get(ids[v])!;
        const suggested = rationalAdd(valueOf(c), d)!;
        if (suspects.some((s) => s.ref === c.read.ref && s.suggested === suggested.toNumber())) continue;
        suspects.push({
          ...findingCell(c),
          suggested: suggested.toNumber(),
          reason: reasonFor(c, suggested, ex.changes.size, explanations.length, lang),
          _rank: rank(c, suggested),
        });
      }
    // A blank total the equations determine: the value it should hold.
    for (const ex of explanations)
      for (const [v, x] of ex.freeValues) {
        const c = cells.get(ids[v])!;
        if (!blankTotal(c.id) || (eq >= 0 && !equations[eq].coefs.has(v)) || !isWhole(x)) continue;
        const suggested = rationalToNumber(x);
        if (suspects.some((s) => s.ref === c.read.ref && s.suggested === suggested)) continue;
        suspects.push({
          ...findingCell(c),
          suggested,
          reason: L(lang, `合计空白，按各项之和应为 ${suggested}`, `the total is blank; its parts add up to ${suggested}`),
          _rank: 1,
        });
      }
    suspects.sort((a, b) => a._rank - b._rank);
    finding.suspects = suspects.map(({ _rank, ...s }) => s);
  }
  // A text cell: the value that balances its equations, where they determine one.
  for (const f of all) {
    if (f.rule !== 'cell.not_number') continue;
    const id = f.instance!;
    const v = index.get(id);
    if (v === undefined) continue;
    // Every smallest explanation must agree on it (with none needed, its own equations decide).
    const options = explanations.length ? explanations.map((ex) => ex.freeValues.get(v)) : [solveFree(sys, v) ?? undefined];
    const val = options[0];
    if (val && isWhole(val) && options.every((o) => o && o[0] * val[1] === val[0] * o[1])) {
      const c = cells.get(id)!;
      f.suspects = [
        {
          ...findingCell(c),
          suggested: rationalToNumber(val),
          reason: L(lang, `按所在等式推算应为 ${rationalToNumber(val)}`, `its equations give ${rationalToNumber(val)}`),
        },
      ];
      f.expected = rationalToNumber(val);
    }
  }
}

function solveFree(sys: LinearSystem, v: number): Rational | null {
  // With nothing else changed: the equations that hold this one unknown alone give its value.
  let val: Rational | null = null;
  for (const e of sys.equations) {
    const a = e.coefs.get(v);
    if (!a || [...e.coefs.keys()].some((k) => k !== v && sys.free.has(k))) continue;
    const x: Rational = [-e.residual, a];
    const norm = normal(x);
    if (val && (val[0] !== norm[0] || val[1] !== norm[1])) return null;
    val = norm;
  }
  return val;
}

function normal([p, d]: Rational): Rational {
  if (d < 0n) {
    p = -p;
    d = -d;
  }
  let a = p < 0n ? -p : p,
    b = d;
  while (b) [a, b] = [b, a % b];
  return a ? [p / a, d / a] : [0n, 1n];
}

function rationalAdd(x: Dec, d: Rational): Dec | null {
  const [p, q] = normal(d);
  // Only terminating decimals are values a person could have meant.
  let den = q,
    twos = 0,
    fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return null;
  const k = Math.max(twos, fives);
  return x.add(Dec.of((p * 10n ** BigInt(k)) / q, k));
}

/** Typing slips between what was written and what balances. */
export function slip(written: Dec, suggested: Dec, lang: Lang): string | null {
  const w = written.toString(),
    s = suggested.toString();
  if (w === s) return null;
  if (!suggested.isZero() && written.eq(suggested.neg())) return L(lang, '疑为正负号写反', 'looks like a flipped sign');
  const wd = w.replace(/^-/, ''),
    sd = s.replace(/^-/, '');
  if (wd.length === sd.length) {
    const diff = [...wd].map((ch, i) => (ch !== sd[i] ? i : -1)).filter((i) => i >= 0);
    if (diff.length === 2 && diff[1] === diff[0] + 1 && wd[diff[0]] === sd[diff[1]] && wd[diff[1]] === sd[diff[0]])
      return L(lang, `疑为两位数字颠倒（${w} → ${s}）`, `looks like two digits swapped (${w} → ${s})`);
  }
  const dropOne = (long: string, short: string) => [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
  if (wd.length === sd.length + 1 && dropOne(wd, sd))
    return L(lang, `疑为多打了一位数字（${w} → ${s}）`, `looks like a digit typed twice or extra (${w} → ${s})`);
  if (sd.length === wd.length + 1 && dropOne(sd, wd))
    return L(lang, `疑为漏打了一位数字（${w} → ${s}）`, `looks like a dropped digit (${w} → ${s})`);
  return null;
}

function reasonFor(c: Cell, suggested: Dec, size: number, alternatives: number, lang: Lang): string {
  const s = slip(valueOf(c), suggested, lang);
  const base = L(
    lang,
    `改为 ${suggested} 后${size > 1 ? `（与另外 ${size - 1} 个单元格一起）` : ''}各等式均成立`,
    `with ${suggested}${size > 1 ? ` (together with ${size - 1} other cell${size > 2 ? 's' : ''})` : ''} every equation holds`,
  );
  const alt =
    alternatives > 1 ? L(lang, `；共有 ${alternatives} 种同样简单的解释`, `; ${alternatives} equally small explanations exist`) : '';
  return (s ? `${s}；` : '') + base + alt;
}
