import { describe, expect, it } from 'vitest';
import { figuresDigest } from '../core/check/figures';
import type { CellRead, ReportData } from '../core/model/report';

const report = (cells: Record<string, CellRead['raw'] | { raw: CellRead['raw']; exact: string }>): ReportData => ({
  format: '2021',
  year: 2024,
  agency: '某某县水利局',
  sheet: null,
  notes: [],
  tables: ['T2', 'T3'],
  cells: Object.fromEntries(
    Object.entries(cells).map(([id, v], i) => [
      id,
      v !== null && typeof v === 'object' ? { ref: `A${i}`, ...v } : { ref: `A${i}`, raw: v },
    ]),
  ),
});

describe('figuresDigest: one figure, one spelling', () => {
  it('takes a number and its spellings as written for one figure', () => {
    const spellings: CellRead['raw'][][] = [
      [12, '12', '012', '12.0', ' 12 ', '012.00'],
      [0, -0, '0', '-0', '0.0', '000'],
      [-5, '-5', '-05.0'],
      [1.5, '1.5', '1.50', '01.5'],
      [null, ''],
    ];
    for (const same of spellings) {
      const digests = new Set(same.map((v) => figuresDigest(report({ 't2:1:1': v, 't3:1:1': 7 }))));
      expect([...digests], String(same)).toHaveLength(1);
    }
  });

  it('tells different figures apart, and an exact integer past 2^53 by its digits', () => {
    const of = (v: CellRead['raw'] | { raw: CellRead['raw']; exact: string }) => figuresDigest(report({ 't2:1:1': v }));
    expect(new Set([of(12), of(13), of(-12), of(1.2), of(null), of('十二')]).size).toBe(6);
    expect(of({ raw: 2 ** 53, exact: '9007199254740993' })).not.toBe(of({ raw: 2 ** 53, exact: '9007199254740992' }));
    expect(of({ raw: 2 ** 53, exact: '9007199254740992' })).toBe(of('9007199254740992'));
  });

  it('depends on the cells, not the order the reader listed them in', () => {
    expect(figuresDigest(report({ 't2:1:1': 1, 't3:2:2': 2 }))).toBe(figuresDigest(report({ 't3:2:2': 2, 't2:1:1': 1 })));
  });

  it('tells apart two cells that swap their figures, and a cell more or less', () => {
    expect(figuresDigest(report({ 't2:1:1': 1, 't3:2:2': 2 }))).not.toBe(figuresDigest(report({ 't2:1:1': 2, 't3:2:2': 1 })));
    expect(figuresDigest(report({ 't2:1:1': 1 }))).not.toBe(figuresDigest(report({ 't2:1:1': 1, 't3:2:2': null })));
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`t3:r${i}:c`, i]));
    const digests = new Set<string>();
    for (let i = 0; i < 300; i++) digests.add(figuresDigest(report({ ...many, [`t3:r${i}:c`]: i + 1 })));
    expect(digests.size).toBe(300);
  });
});
