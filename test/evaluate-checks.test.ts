/**
 * The evaluator's checks are a registry (core/evaluate/checks.ts): each check has its column name
 * and its deduction's source in both catalogues, and a deduction in the default rulebook, so a new
 * check can never print an internal key.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, DEFAULT_RULEBOOK } from '../core/evaluate';
import { zhEvaluate } from '../core/messages/zh-evaluate';
import { enEvaluate } from '../core/messages/en-evaluate';

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
});
