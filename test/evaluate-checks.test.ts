/**
 * The evaluator's checks are a registry (core/evaluate/checks.ts): each check has its column name
 * and its deduction's source in both catalogues, and a deduction in the default rulebook, so a new
 * check can never print an internal key.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, DEFAULT_RULEBOOK } from '../core/evaluate';
import { zhEvaluate } from '../core/messages/zh-evaluate';
import { enEvaluate } from '../core/messages/en-evaluate';
import { chainCheck } from '../core/evaluate/check-chain';

describe('evaluator checks registry', () => {
  it.each(CHECKS.map((c) => c.key))('%s is named in both languages and weighed by the default rulebook', (key) => {
    for (const cat of [zhEvaluate, enEvaluate] as Record<string, unknown>[]) {
      expect(typeof cat[`evaluate.check.${key}`]).toBe('function');
    }
    const d = DEFAULT_RULEBOOK.deductions.find((x) => x.check === key);
    expect(d).toBeDefined();
    for (const cat of [zhEvaluate, enEvaluate] as Record<string, unknown>[])
      expect(typeof cat[`evaluate.source.${d!.source}`]).toBe('function');
  });
  it('keys are unique', () => {
    expect(new Set(CHECKS.map((c) => c.key)).size).toBe(CHECKS.length);
  });
  it('says a text report\'s place as 第 N 行 in Chinese, never "line N"', () => {
    const e = {
      file: 'a.txt',
      year: 2024,
      cell: 'T3:R2:total',
      ref: 'line 34',
      expected: 1,
      actual: 2,
      prior: { file: 'b.txt', year: 2023, ref: 'line 57' },
    };
    const zh = chainCheck.sentence(e, { agency: '某某县甲局', year: 2024 }, 'zh', (s) => s);
    expect(zh).toContain('第 34 行');
    expect(zh).toContain('第 57 行');
    expect(zh).not.toMatch(/line/);
    expect(chainCheck.sentence(e, { agency: '某某县甲局', year: 2024 }, 'en', (s) => s)).toContain('line 34');
  });
});

describe('corrected: each case 表四 reports as 结果纠正 (宿迁 rule pack), weighed only where a rulebook deducts for it', () => {
  it('nothing by default; with corrected: -2 each, every case counts, each cell said', async () => {
    const { evaluate, CHECKS } = await import('../core/evaluate');
    const { parseRulebook } = await import('../core/evaluate/rulebook-parse');
    const { balancedValues } = await import('./helpers/synthetic');
    const values = balancedValues('2021', 2);
    const cells: Record<string, { ref: string; raw: unknown }> = {};
    for (const [id, v] of Object.entries(values)) cells[id] = { ref: `年报!${id}`, raw: v };
    const report = { format: '2021', year: 2024, agency: '某某县甲局', sheet: '年报', cells, notes: [], tables: ['T2', 'T3', 'T4'] };
    const result = { sheet: '年报', format: '2021', year: 2024, agency: '某某县甲局', notes: [], findings: [] };
    const file = { path: '甲局.xlsx', located: [report], result: { path: '甲局.xlsx', status: 'checked', error: null, reports: [result] } };
    const want = ['review', 'suit', 'suit_after_review'].reduce((s, k) => s + Number(values[`T4:R1:${k}.corrected`] ?? 0), 0);
    expect(want).toBeGreaterThan(0);
    const plain = evaluate([file] as never).records[0].checks.find((c) => c.check === 'corrected')!;
    expect([plain.result, plain.count, plain.points]).toEqual(['pass', 0, 0]);
    const book = parseRulebook('corrected: -2 each, at most -10\n', 'local.txt', { known: CHECKS.map((c) => c.key) });
    const rec = evaluate([file] as never, { rulebook: book }).records[0].checks.find((c) => c.check === 'corrected')!;
    expect(rec.count).toBe(want);
    expect(rec.points).toBe(Math.min(10, 2 * want));
    expect(rec.evidence.every((e) => e.ref?.startsWith('年报!T4:R1:'))).toBe(true);
  });
});
