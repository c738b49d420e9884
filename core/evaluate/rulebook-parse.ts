/**
 * The rulebook language (docs/evaluate.md), in the style of the rule language (core/rules/parse.ts):
 * one deduction a line, `KEY: body`, the `#` lines just above it (and a `#` at its end) its source:
 *
 *   # 本市考核细则第三条：数据不准确的，每处扣 2 分，最多扣 10 分
 *   balance: -2 each, at most -10
 *   full: 100
 *
 * KEY is a check of the registry (checks.ts) or `full` (the full marks, 100 if not given). Points
 * have at most two decimals (0.5, 0.25); a deduction without `at most` is not capped; `above 50%`
 * is the share past which an instance fails, for a check that measures one (雷同). A check the
 * book does not name deducts nothing. Errors are RuleSyntaxError (file, line, column, what was
 * expected, what was found), the same sentence as a rule file's; a file is bounded up front.
 */
import { RuleSyntaxError, quoted, type Wording } from '../rules/parse';
import { sayBoth } from '../messages';
import { sizeText } from '../read/size';
import type { Deduction, Rulebook } from './rulebook';

/** A rulebook names each check at most once: a few dozen lines. Past these it is refused before it is read line by line. */
export const RULEBOOK_LIMITS = { bytes: 64 * 1024, lines: 2000 };

const HEAD = /^(\s*)([A-Za-z_][\w]*)\s*:/;
const POINTS = /\s*(-?)\s*(\d+(?:\.\d+)?)/y;
const WORD = (w: string) => new RegExp(`\\s*${w.replace(/ /g, '\\s+')}${/\w$/.test(w) ? '\\b' : ''}`, 'y');

export interface RulebookOptions {
  /** The checks a book may name (the registry's keys). */
  known: readonly string[];
  /** The shipped book: each deduction's source is its check's words in the catalogues (evaluate.source.KEY). */
  shipped?: boolean;
}

/** A rulebook's text → the book; throws RuleSyntaxError naming the file, line and column. */
export function parseRulebook(text: string, file: string, opts: RulebookOptions): Rulebook {
  if (text.length > RULEBOOK_LIMITS.bytes)
    throw new RuleSyntaxError(
      file,
      1,
      1,
      sayBoth('rules.expect.smaller_file', { limit: sizeText(RULEBOOK_LIMITS.bytes) }),
      sayBoth('limits.rules.size', { size: sizeText(text.length) }),
    );
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  if (lines.length > RULEBOOK_LIMITS.lines)
    throw new RuleSyntaxError(
      file,
      RULEBOOK_LIMITS.lines + 1,
      1,
      sayBoth('evaluate.rules.expect.fewer_lines', { limit: RULEBOOK_LIMITS.lines }),
      sayBoth('evaluate.rules.found.nth_line', { n: lines.length }),
    );
  let full: number | null = null;
  const deductions: Deduction[] = [];
  const named = new Map<string, number>();
  let comments: string[] = [];
  lines.forEach((raw, i) => {
    const at = i + 1;
    const fail = (col: number, expected: Wording, found: Wording): never => {
      throw new RuleSyntaxError(file, at, col + 1, expected, found);
    };
    if (/^\s*$/.test(raw)) return void (comments = []);
    if (/^\s*#/.test(raw)) return void comments.push(raw.replace(/^\s*#\s?/, '').trim());
    const hash = raw.indexOf('#');
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    const trailing = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    const head = HEAD.exec(line);
    if (!head) fail(firstNonSpace(line), sayBoth('evaluate.rules.expect.head'), foundAt(line, firstNonSpace(line)));
    const key = head![2],
      keyAt = head![1].length;
    const before = named.get(key);
    if (before !== undefined)
      fail(keyAt, sayBoth('evaluate.rules.expect.once'), sayBoth('evaluate.rules.found.again', { key, line: before }));
    named.set(key, at);
    let pos = head![0].length;
    const number = (what: 'full' | 'points'): number => {
      POINTS.lastIndex = pos;
      const m = POINTS.exec(line);
      if (!m)
        fail(
          pos + firstNonSpace(line.slice(pos)),
          sayBoth(`evaluate.rules.expect.${what}`),
          foundAt(line, pos + firstNonSpace(line.slice(pos))),
        );
      const digits = m![2];
      const numAt = pos + m![0].length - digits.length;
      if (/\.\d{3}/.test(digits)) fail(numAt, sayBoth('evaluate.rules.expect.two_decimals'), quoted(JSON.stringify(digits)));
      if (what === 'full' && m![1]) fail(numAt - 1, sayBoth('evaluate.rules.expect.full'), quoted('"-"'));
      const value = Number(digits);
      if (value > 10000) fail(numAt, sayBoth('evaluate.rules.expect.at_most', { limit: 10000 }), quoted(JSON.stringify(digits)));
      pos += m![0].length;
      return value;
    };
    const word = (w: string): boolean => {
      const re = WORD(w);
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m) pos += m[0].length;
      return !!m;
    };
    // Where the next word starts, and a failure there: what was expected, what stands there.
    const here = () => pos + firstNonSpace(line.slice(pos));
    const wanted = (expected: Wording): never => fail(here(), expected, foundAt(line, here()));
    if (key === 'full') {
      full = number('full');
      if (full === 0)
        fail(head![0].length + firstNonSpace(line.slice(head![0].length)), sayBoth('evaluate.rules.expect.full'), quoted('"0"'));
      if (line.slice(pos).trim()) wanted(sayBoth('evaluate.rules.expect.end'));
      comments = [];
      return;
    }
    if (!opts.known.includes(key))
      fail(keyAt, sayBoth('evaluate.rules.expect.check', { checks: [...opts.known] }), quoted(JSON.stringify(key)));
    const each = number('points');
    if (!word('each')) wanted(sayBoth('evaluate.rules.expect.each'));
    // Then, in any order, each at most once: ", at most -CAP" and ", above N%" (a share's threshold).
    let cap: number | null = null;
    let threshold: number | undefined;
    while (line.slice(pos).trim()) {
      if (!word(',')) wanted(sayBoth('evaluate.rules.expect.end'));
      const at = here();
      if (cap === null && word('at most')) cap = number('points');
      else if (threshold === undefined && word('above')) {
        threshold = number('points');
        if (threshold > 100 || !word('%')) fail(at, sayBoth('evaluate.rules.expect.share'), foundAt(line, at));
      } else wanted(sayBoth('evaluate.rules.expect.clause'));
    }
    const description = [...comments, ...(trailing ? [trailing] : [])].join(' ').trim();
    deductions.push({
      check: key,
      each,
      cap,
      ...(threshold === undefined ? {} : { threshold }),
      source: opts.shipped ? key : null,
      ...(opts.shipped ? {} : { description: description || null }),
    });
    comments = [];
  });
  return { full: full ?? 100, deductions };
}

function firstNonSpace(s: string): number {
  const i = s.search(/\S/);
  return i < 0 ? s.length : i;
}

function foundAt(s: string, col: number): Wording {
  if (col >= s.trimEnd().length) return sayBoth('rules.found.end_of_line');
  return quoted(JSON.stringify(s.slice(col, col + 12)));
}
