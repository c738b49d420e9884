/**
 * The rule language. One rule family per line (a line starting with white space continues the
 * previous one); `#` lines just before a rule describe it:
 *
 *   # 表三每列：本年新收加上年结转，等于办理结果总计加结转下年度
 *   T3.balance [error]: for each column of T3: R1 + R2 == R3.7 + R4
 *   T4.total [error, total]: for each group of T4: total == upheld + corrected + other + pending
 *   local.cap [warning]: T3:R1:total <= 500
 *
 * Scopes: `for each column of T` (names are rows), `for each row of T` (names are columns),
 * `for each group of T` (names are column keys after the group, e.g. review.total), each
 * optionally limited with `in (k1, k2)`; without a scope, cells are named TABLE:ROW:COLUMN.
 * `R3.3.*` names a row and all its sub-rows; `sum(…)` adds them; `prior(x)` is last year's x.
 * `[total]` marks rules whose left side is a single cell computed from the right (templates write
 * it as a formula). The equation is parsed by mathjs and only whitelisted nodes are accepted.
 */
import type { MathNode } from 'mathjs';
import { PRECOMPILED } from './precompiled';
import type { Lang, Severity } from '../model/findings';
import { say, sayBoth } from '../messages';
import { sizeText } from '../read/size';

export type ScopeKind = 'column' | 'row' | 'group' | 'none';
export type Comparison = '==' | '<=' | '>=';

/** An expression tree of the rule language after the whitelist: nothing else can appear. */
export type Expr =
  | { type: 'ref'; name: string; at: number }
  | { type: 'num'; value: string }
  | { type: 'neg'; arg: Expr }
  | { type: 'add' | 'sub' | 'mul'; a: Expr; b: Expr }
  | { type: 'sum'; args: Expr[] }
  | { type: 'prior'; arg: Expr; at: number };

export interface ParsedRule {
  id: string;
  severity: Severity;
  total: boolean;
  scope: { kind: ScopeKind; table: string | null; keys: string[] | null };
  op: Comparison;
  lhs: Expr;
  rhs: Expr;
  /** The whole rule as written (one line, continuation lines joined). */
  text: string;
  equation: string;
  description: string | null;
  source: { file: string; line: number };
}

/** What a rule error says in each language: a catalogue phrase, or rule text quoted (the same in both). */
export type Wording = Record<Lang, string>;
export const quoted = (s: string): Wording => ({ zh: s, en: s });

/** A rule that does not parse or compile: file, line and column, what was expected and what was found. */
export class RuleSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly expected: Wording,
    readonly found: Wording,
  ) {
    super('');
    this.message = this.messageIn('zh');
    this.name = 'RuleSyntaxError';
  }
  /** The error in `lang` (the message catalogue's rules.syntax). */
  messageIn(lang: Lang): string {
    const { file, line, column } = this;
    return say(lang, 'rules.syntax', { file, line, column, expected: this.expected[lang], found: this.found[lang] });
  }
}

const HEAD = /^\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*(?:\[([^\]]*)\])?\s*:/;
const SCOPE = /^\s*for\s+each\s+(column|row|group)\s+of\s+([A-Za-z_]\w*)\s*(?:in\s*\(([^)]*)\))?\s*:/;
const SEVERITIES: Severity[] = ['error', 'warning', 'notice'];
/** A reference: R1, R3.7, R3.3.*, natural, review.total, T3:R1:natural. */
const REF = /[A-Za-z_][\w]*(?:[.:](?:[\w]+|\*))*/y;

/** mathjs is loaded only when a rule text is parsed for the first time (its load is the costliest start-up step). */
let parser: ((expr: string) => MathNode) | null = null;
function mathParse(code: string): MathNode {
  if (!parser) {
    const { create, parseDependencies } = require('mathjs/number') as typeof import('mathjs');
    parser = create({ parseDependencies }).parse as (expr: string) => MathNode;
  }
  return parser(code);
}

/** Parsed rule texts, so that checking processes can take the parse of the main process instead of loading mathjs again. */
const memo = new Map<string, ParsedRule[]>(Object.entries(PRECOMPILED));
/** Where a form's rule is named in messages, and its key in the cache. */
export const formRuleFile = (form: { key: string }, i: number): string => `format-${form.key}.json#rules[${i}]`;
/** The cache's key of a text parsed as `file`. */
export const parseKey = (file: string, text: string): string => `${file}\u0000${text}`;
export const exportParsedRules = (): [string, ParsedRule[]][] => [...memo];
export function importParsedRules(entries: [string, ParsedRule[]][]): void {
  for (const [k, v] of entries) memo.set(k, v);
}

/** Parse a rule file's text into rule families (no knowledge of any form yet). */
export function parseRules(text: string, file = 'rules'): ParsedRule[] {
  const key = parseKey(file, text);
  const hit = memo.get(key);
  if (hit) return hit;
  const parsed = parseRulesFresh(text, file);
  memo.set(key, parsed);
  return parsed;
}

/**
 * What a rule file may hold (issue 20, item 13): the forms have 60 rules of at most 40 terms and
 * 2 levels of parentheses. Past these a file is refused up front with the place named, before
 * any work grows with it (5,000 terms overflowed the stack; 100,000 rules took every file's time).
 */
export const RULE_LIMITS = { bytes: 1024 * 1024, rules: 2000, terms: 1000, nesting: 64 };

/** Parse without the cache (what core/rules/parsed-forms.json is made from). */
export function parseRulesFresh(text: string, file: string): ParsedRule[] {
  if (text.length > RULE_LIMITS.bytes)
    throw new RuleSyntaxError(
      file,
      1,
      1,
      sayBoth('rules.expect.smaller_file', { limit: sizeText(RULE_LIMITS.bytes) }),
      sayBoth('limits.rules.size', { size: sizeText(text.length) }),
    );
  const out: ParsedRule[] = [];
  const lines = text.split(/\r?\n/);
  let comments: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*$/.test(raw)) {
      comments = [];
      continue;
    }
    if (/^\s*#/.test(raw)) {
      comments.push(raw.replace(/^\s*#\s?/, ''));
      continue;
    }
    if (/^\s/.test(raw) && out.length === 0)
      throw new RuleSyntaxError(file, i + 1, 1, sayBoth('rules.expect.rule_id'), quoted(JSON.stringify(raw.trim())));
    // Continuation lines (indented) are joined with single spaces; columns refer to the first line.
    let joined = raw;
    const start = i;
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]) && !/^\s*#/.test(lines[i + 1])) joined += ' ' + lines[++i].trim();
    if (out.length >= RULE_LIMITS.rules)
      throw new RuleSyntaxError(
        file,
        start + 1,
        1,
        sayBoth('rules.expect.fewer_rules', { limit: RULE_LIMITS.rules }),
        sayBoth('limits.rules.nth_rule', { n: out.length + 1 }),
      );
    out.push(parseRule(joined, file, start + 1, comments.length ? comments.join(' ') : null));
    comments = [];
  }
  return out;
}

export function parseRule(line: string, file: string, lineNo: number, description: string | null = null): ParsedRule {
  const fail = (col: number, expected: Wording, found?: Wording): never => {
    throw new RuleSyntaxError(file, lineNo, col + 1, expected, found ?? describeAt(line, col));
  };
  const head = HEAD.exec(line);
  if (!head) fail(firstNonSpace(line), sayBoth('rules.expect.head'));
  const id = head![1];
  let severity: Severity = 'error';
  let total = false;
  if (head![2] !== undefined) {
    const attrsAt = line.indexOf('[') + 1;
    for (const part of head![2].split(',')) {
      const word = part.trim();
      if ((SEVERITIES as string[]).includes(word)) severity = word as Severity;
      else if (word === 'total') total = true;
      else
        fail(
          attrsAt + head![2].indexOf(part) + (part.length - part.trimStart().length),
          sayBoth('rules.expect.attribute'),
          quoted(JSON.stringify(word)),
        );
    }
  }
  let pos = head![0].length;
  let scope: ParsedRule['scope'] = { kind: 'none', table: null, keys: null };
  const sc = SCOPE.exec(line.slice(pos));
  if (sc) {
    scope = {
      kind: sc[1] as ScopeKind,
      table: sc[2],
      keys:
        sc[3] !== undefined
          ? sc[3]
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean)
          : null,
    };
    pos += sc[0].length;
  } else if (/^\s*for\b/.test(line.slice(pos))) {
    fail(pos + line.slice(pos).search(/\S/), quoted('"for each column|row|group of TABLE:"'));
  }
  const equation = line.slice(pos);
  const { op, lhs, rhs } = parseEquation(equation, pos, fail);
  if (total && !(lhs.type === 'ref' && !lhs.name.includes('*'))) fail(pos + firstNonSpace(equation), sayBoth('rules.expect.total_lhs'));
  return {
    id,
    severity,
    total,
    scope,
    op,
    lhs,
    rhs,
    text: line.trim(),
    equation: equation.trim(),
    description,
    source: { file, line: lineNo },
  };
}

function parseEquation(
  eq: string,
  offset: number,
  fail: (col: number, expected: Wording, found?: Wording) => never,
): { op: Comparison; lhs: Expr; rhs: Expr } {
  // Replace references by plain identifiers mathjs accepts (R3.7 would read as R3 × 0.7), remembering where each stood.
  const refs: { name: string; at: number }[] = [];
  let code = '';
  const map: number[] = []; // index in code → index in eq
  // Bounded before mathjs and the compiler recurse over it (RULE_LIMITS).
  let depth = 0;
  let terms = 1;
  for (let i = 0; i < eq.length;) {
    const ch = eq[i];
    if (ch === '(' && ++depth > RULE_LIMITS.nesting)
      fail(offset + i, sayBoth('rules.expect.shallower', { limit: RULE_LIMITS.nesting }), sayBoth('limits.rules.depth', { n: depth }));
    if (ch === ')') depth--;
    if ((ch === '+' || ch === '-' || ch === '*' || ch === ',') && ++terms > RULE_LIMITS.terms)
      fail(offset + i, sayBoth('rules.expect.fewer_terms', { limit: RULE_LIMITS.terms }), sayBoth('limits.rules.nth_term', { n: terms }));
    if (/[A-Za-z_]/.test(ch) && !(i > 0 && /[\w.]/.test(eq[i - 1]))) {
      REF.lastIndex = i;
      const m = REF.exec(eq)!;
      const name = m[0];
      const after = eq.slice(i + name.length).trimStart();
      if ((name === 'sum' || name === 'prior') && after.startsWith('(')) {
        for (let k = 0; k < name.length; k++) map.push(i + k);
        code += name;
      } else {
        const ident = `__r${refs.length}`;
        refs.push({ name, at: offset + i });
        for (let k = 0; k < ident.length; k++) map.push(i);
        code += ident;
      }
      i += name.length;
      continue;
    }
    if (ch === '=' && eq[i + 1] !== '=' && eq[i - 1] !== '=' && eq[i - 1] !== '<' && eq[i - 1] !== '>')
      fail(offset + i, sayBoth('rules.expect.double_equals'), quoted('"="'));
    if (!/[\s\d.+\-*()<>=,]/.test(ch)) fail(offset + i, sayBoth('rules.expect.character'), quoted(JSON.stringify(ch)));
    map.push(i);
    code += ch;
    i++;
  }
  const at = (codeIndex: number) => offset + (map[Math.min(Math.max(codeIndex, 0), map.length - 1)] ?? eq.length);
  let tree: MathNode;
  try {
    tree = mathParse(code);
  } catch (e) {
    const c = (e as { char?: number }).char;
    const msg = (e as Error).message.replace(/\s*\(char \d+\)/, '');
    fail(
      typeof c === 'number' ? at(c - 1) : offset,
      expectedFromMathjs(msg),
      c !== undefined && c - 1 < code.length ? describeAt(eq, map[c - 1] ?? eq.length) : sayBoth('rules.found.end_of_line'),
    );
  }
  const node = tree!;
  const ops: Record<string, Comparison> = { equal: '==', smallerEq: '<=', largerEq: '>=' };
  const top = node as MathNode & { type: string; fn?: string; args?: MathNode[] };
  if (top.type !== 'OperatorNode' || !top.fn || !ops[top.fn])
    fail(offset + firstNonSpace(eq), sayBoth('rules.expect.comparison'), quoted(JSON.stringify(eq.trim())));
  const convert = (n: MathNode): Expr => {
    const x = n as MathNode & {
      type: string;
      fn?: string | { name: string };
      op?: string;
      args?: MathNode[];
      name?: string;
      value?: unknown;
      content?: MathNode;
    };
    const where = () => {
      const k = code.indexOf(x.toString());
      return at(k >= 0 ? k : 0);
    };
    switch (x.type) {
      case 'ParenthesisNode':
        return convert(x.content!);
      case 'ConstantNode':
        if (typeof x.value !== 'number' && typeof x.value !== 'string') break;
        return { type: 'num', value: String(x.value) };
      case 'SymbolNode': {
        const m = /^__r(\d+)$/.exec(x.name!);
        if (!m) break;
        return { type: 'ref', name: refs[+m[1]].name, at: refs[+m[1]].at };
      }
      case 'OperatorNode': {
        const fn = x.fn as string;
        if (fn === 'unaryMinus') return { type: 'neg', arg: convert(x.args![0]) };
        if (fn === 'unaryPlus') return convert(x.args![0]);
        if (fn === 'add' || fn === 'subtract' || fn === 'multiply') {
          return { type: fn === 'add' ? 'add' : fn === 'subtract' ? 'sub' : 'mul', a: convert(x.args![0]), b: convert(x.args![1]) };
        }
        break;
      }
      case 'FunctionNode': {
        const name = (x.fn as { name: string }).name;
        if (name === 'sum') return { type: 'sum', args: x.args!.map(convert) };
        if (name === 'prior' && x.args!.length === 1) return { type: 'prior', arg: convert(x.args![0]), at: where() };
        break;
      }
    }
    return fail(where(), sayBoth('rules.expect.term'), quoted(JSON.stringify(x.toString().replace(/__r(\d+)/g, (_, k) => refs[+k].name))));
  };
  const [a, b] = top.args!;
  if ((a as { fn?: string }).fn && ops[(a as { fn?: string }).fn as string])
    fail(offset + firstNonSpace(eq), sayBoth('rules.expect.one_comparison'), quoted(JSON.stringify(eq.trim())));
  return { op: ops[top.fn as string], lhs: convert(a), rhs: convert(b) };
}

/** mathjs's English message, as what was expected in the catalogue's words (never shown raw). */
function expectedFromMathjs(msg: string): Wording {
  if (/Value expected/i.test(msg)) return sayBoth('rules.expect.value');
  if (/Parenthesis \) expected/i.test(msg)) return sayBoth('rules.expect.closing');
  if (/Unexpected end/i.test(msg)) return sayBoth('rules.expect.rest');
  if (/Unexpected operator/i.test(msg)) return sayBoth('rules.expect.operand');
  return sayBoth('rules.expect.expression');
}

function firstNonSpace(s: string): number {
  const i = s.search(/\S/);
  return i < 0 ? s.length : i;
}

function describeAt(s: string, col: number): Wording {
  if (col >= s.length) return sayBoth('rules.found.end_of_line');
  return quoted(JSON.stringify(s.slice(col, col + 12)));
}
