/**
 * Issue 20, item 13: a rule file is bounded up front (size, number of rules, terms in a rule,
 * nesting of parentheses), refused with a rule-file error naming line and column, exit 2.
 * Before: 5,000 terms overflowed the stack ("内部错误"), 100,000 rules made every file time out
 * as "可能为恶意构造", 1,000 nested parentheses said "应为合法的表达式，实为 行尾".
 */
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseRules, RULE_LIMITS, RuleSyntaxError } from '../core/rules/parse';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');

function refusal(text: string): RuleSyntaxError {
  try {
    parseRules(text, 'local.rules');
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
    throw e;
  }
  throw new Error('parsed');
}

const many = (n: number) => Array.from({ length: n }, (_, i) => `R${(i % 4) + 1}`).join(' + ');

describe('rule files are bounded up front (item 13)', () => {
  it('5,000 terms in a rule: refused at the term past the limit', () => {
    const e = refusal(`T3.big [warning]: for each column of T3: R3.7 <= ${many(5000)}\n`);
    expect([e.line, e.messageIn('zh')]).toEqual([1, expect.stringContaining(`每条规则至多 ${RULE_LIMITS.terms} 项`)]);
    expect(e.column).toBeGreaterThan(40);
    expect(e.messageIn('en')).toContain(`at most ${RULE_LIMITS.terms} terms`);
  });

  it('1,000 nested parentheses: refused at the parenthesis past the limit', () => {
    const e = refusal(`# local\nT3.deep [warning]: for each column of T3: R1 <= ${'('.repeat(1000)}R2${')'.repeat(1000)}\n`);
    expect(e.line).toBe(2);
    expect(e.messageIn('zh')).toContain(`括号至多嵌套 ${RULE_LIMITS.nesting} 层`);
    expect(e.column).toBe(`T3.deep [warning]: for each column of T3: R1 <= `.length + RULE_LIMITS.nesting + 1);
  });

  it('more rules than the limit: refused at the first rule past it', () => {
    const lines = Array.from({ length: RULE_LIMITS.rules + 50 }, (_, i) => `T3.r${i} [warning]: for each column of T3: R1 >= 0`);
    const e = refusal(lines.join('\n'));
    expect([e.line, e.column]).toEqual([RULE_LIMITS.rules + 1, 1]);
    expect(e.messageIn('zh')).toContain(`至多 ${RULE_LIMITS.rules} 条规则`);
  });

  it('a file past the size limit: refused before it is read rule by rule', () => {
    const e = refusal(`# ${'x'.repeat(RULE_LIMITS.bytes)}\n`);
    expect([e.line, e.column]).toEqual([1, 1]);
    expect(e.messageIn('en')).toContain('a rule file of at most 1.0 MB');
  });

  it('xxgk check --rules with 5,000 terms exits 2 with the rule-file error, no internal error', () => {
    const dir = tempDir('xxgk-rules-');
    const rules = path.join(dir, 'local.rules');
    writeFileSync(rules, `T3.big [warning]: for each column of T3: R3.7 <= ${many(5000)}\n`);
    const r = spawnSync(process.execPath, [bin, 'check', path.join(root, 'examples', '某某县财政局-2024.xlsx'), '--rules', rules], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('local.rules');
    expect(r.stderr).toContain('每条规则至多');
    expect(r.stderr).not.toContain('内部错误');
  });
});
