import { describe, expect, it } from 'vitest';
import { readFileSync } from 'fs';
import * as path from 'path';
import { FORMS, getForm, withVariants } from '../core/forms';
import { BUILTIN_RULES, builtinRule, compileRules, parseRules, RuleSyntaxError } from '../core/rules';

const count = (key: string, variants: string[] = []) =>
  Object.fromEntries(compileRules(withVariants(getForm(key), variants)).families.map((f) => [f.id, f.instances.length]));

describe('rule families expand per column, row and group', () => {
  it('format 2021', () => {
    expect(count('2021')).toMatchObject({
      'T3.balance': 7,
      'T3.results_total': 7,
      'T3.applicant_total': 25,
      'T4.total': 3,
      'X.carry_over': 7,
      'X.in_force': 2,
    });
  });
  it('format 2019 (single （六） row)', () => {
    expect(count('2019')).toMatchObject({ 'T3.balance': 7, 'T3.results_total': 7, 'T3.applicant_total': 23, 'T4.total': 3, 'X.items': 5 });
  });
  it('2021 with the old （六） row uses the row it has', () => {
    const rs = compileRules(withVariants(getForm('2021'), ['old_rows']));
    const inst = rs.families.find((f) => f.id === 'T3.results_total')!.instances[0];
    expect(inst.rhs.terms.map((t) => t.cell)).toContain('T3:R3.6:natural');
    expect(inst.rhs.terms.map((t) => t.cell)).not.toContain('T3:R3.6.1:natural');
  });
  it('compiles to a linear form with coefficients over cells', () => {
    const rs = compileRules(getForm('2021'));
    const bal = rs.families.find((f) => f.id === 'T3.balance')!.instances.find((i) => i.instance === 'legal')!;
    expect(bal.lhs.terms.map((t) => [t.cell, t.coef.toString()])).toEqual([
      ['T3:R1:legal', '1'],
      ['T3:R2:legal', '1'],
    ]);
    expect(bal.rhs.terms.map((t) => t.cell)).toEqual(['T3:R3.7:legal', 'T3:R4:legal']);
    const t4 = rs.families.find((f) => f.id === 'T4.total')!.instances.map((i) => i.instance);
    expect(t4).toEqual(['review', 'suit', 'suit_after_review']);
    expect(rs.derived.get('T4:R1:suit.total')!.map((t) => t.cell)).toEqual([
      'T4:R1:suit.upheld',
      'T4:R1:suit.corrected',
      'T4:R1:suit.other',
      'T4:R1:suit.pending',
    ]);
    const inForce = rs.families.find((f) => f.id === 'X.in_force')!.instances[0];
    expect(inForce.cross).toBe(true);
    expect(inForce.rhs.terms.map((t) => `${t.prior ? 'prior ' : ''}${t.cell} ${t.coef}`)).toEqual([
      'prior T2:rules:in_force 1',
      'T2:rules:issued 1',
      'T2:rules:repealed -1',
    ]);
  });
  it('accepts local rules with descriptions, scopes and inequalities', () => {
    const rs = compileRules(getForm('2021'), [
      {
        name: 'extra.txt',
        text: '# 新收不超过 500\nlocal.cap [warning]: T3:R1:total <= 500\n\nlocal.public: for each column of T3 in (natural, legal):\n    R3.1 + R3.2 <= R1 + R2\n',
      },
    ]);
    const cap = rs.families.find((f) => f.id === 'local.cap')!;
    expect(cap.severity).toBe('warning');
    expect(cap.description?.zh).toBe('新收不超过 500');
    expect(rs.families.find((f) => f.id === 'local.public')!.instances.map((i) => i.instance)).toEqual(['natural', 'legal']);
  });
});

describe('bad rule text gets line, column and what was expected', () => {
  const bad = (text: string) => {
    try {
      compileRules(getForm('2021'), [{ name: 'extra.txt', text }]);
    } catch (e) {
      return e as RuleSyntaxError;
    }
    throw new Error('no error');
  };
  it.each([
    ['local.a: for each column of T3: R1 + R9 == R2', 1, 38, '"R9"'],
    ['\n\nlocal.a [warning]: T3:R1:total = 500', 3, 32, '"="'],
    ['local.a [fatal]: T3:R1:total == 1', 1, 10, '"fatal"'],
    ['local.a: T3:R1:total == 1 +', 1, 27, 'end of the line'],
    ['local.a: for each column of T3: R1 * R2 == 1', 1, 33, 'R1'],
    ['local.a: T3:R1:total == foo(1)', 1, 25, '('],
    ['local.a: for each column of T9: R1 == 1', 1, 29, '"T9"'],
    ['local.a: R1 == 1', 1, 10, '"R1"'],
    ['nonsense', 1, 1, 'rule id'],
  ])('%s', (text, line, column, found) => {
    const e = bad(text);
    expect(e).toBeInstanceOf(RuleSyntaxError);
    expect(e.file).toBe('extra.txt');
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    // One language at a time (Chinese by default), each from the catalogue.
    expect(`${e.message}\n${e.messageIn('en')}`).toContain(found);
    expect(e.message).toMatch(/规则有误：应为 .*，实为 /);
    expect(e.message).not.toMatch(/[A-Za-z]{3,}.*expected|bad rule/);
    expect(e.messageIn('en')).toMatch(/bad rule: expected .*, found /);
  });
  it('never evaluates arbitrary mathjs (only whitelisted nodes)', () => {
    expect(() => parseRules('x: T3:R1:total == import({})', 'r')).toThrow(RuleSyntaxError);
    expect(() => parseRules('x: T3:R1:total == [1,2]', 'r')).toThrow(RuleSyntaxError);
    expect(() => parseRules('x: T3:R1:total == 2 ^ 3', 'r')).toThrow(RuleSyntaxError);
  });
});

describe('built-in rules are listed once (core/rules/builtin.ts)', () => {
  it('each id once, every severity known, both languages described', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) {
      expect(['error', 'warning', 'notice']).toContain(r.severity);
      expect(r.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description.en).not.toBe(r.description.zh);
    }
    expect(() => builtinRule('cell.nonsense')).toThrow(/builtin\.ts/);
  });
  it('every finding id a form names (its variants) and every text.* id the text rules raise is listed', () => {
    const listed = new Set(BUILTIN_RULES.map((r) => r.id));
    for (const f of FORMS) for (const v of Object.values(f.variants ?? {})) expect(listed).toContain(v.finding);
    const dir = path.join(__dirname, '..', 'core', 'rules');
    const textSource = readFileSync(path.join(dir, 'text', 'read.ts'), 'utf8');
    const raised = [...textSource.matchAll(/'(text\.[a-z_]+)'/g)].map((m) => m[1]);
    expect(raised.length).toBeGreaterThan(5);
    for (const id of raised) expect(listed).toContain(id);
  });
});
