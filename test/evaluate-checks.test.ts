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
