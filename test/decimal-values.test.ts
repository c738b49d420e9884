import { describe, expect, it } from 'vitest';
import { Dec } from '../core/model/decimal';
import { jsonNumber, readValue } from '../core/model/values';

describe('Dec: exact decimal arithmetic', () => {
  it('adds money without float drift', () => {
    const sum = Dec.sum(['0.1', '0.2', '160.5964', '0.0001'].map((s) => Dec.parse(s)!));
    expect(sum.toString()).toBe('160.8965');
    expect(Dec.parse('0.1')!.add(Dec.parse('0.2')!).eq(Dec.parse('0.3')!)).toBe(true);
  });
  it('parses, normalises and shifts', () => {
    expect(Dec.parse('1.2300')!.toString()).toBe('1.23');
    expect(Dec.parse('-0.5')!.toString()).toBe('-0.5');
    expect(Dec.parse('1e3')!.toString()).toBe('1000');
    expect(Dec.parse('abc')).toBeNull();
    expect(Dec.parse('251000')!.shift(4).toString()).toBe('25.1');
    expect(Dec.of(0.1).decimals).toBe(1);
  });
});

describe('Dec as a JS number, and as JSON shows it', () => {
  it('whole numbers within 2^53 by conversion, past it and with decimals as their digits read', () => {
    const cases: [string, number, number | string][] = [
      ['0', 0, 0],
      ['-12', -12, -12],
      ['9007199254740991', 9007199254740991, 9007199254740991],
      ['-9007199254740991', -9007199254740991, -9007199254740991],
      ['9007199254740992', 9007199254740992, 9007199254740992],
      ['9007199254740993', 9007199254740992, '9007199254740993'],
      ['-9007199254740993', -9007199254740992, '-9007199254740993'],
      ['123456789012345678901234567890', 1.2345678901234568e29, '123456789012345678901234567890'],
      ['7380.2896', 7380.2896, 7380.2896],
      ['0.1', 0.1, 0.1],
      ['-0.0001', -0.0001, -0.0001],
      ['1e3', 1000, 1000],
    ];
    for (const [text, number, json] of cases) {
      const d = Dec.parse(text)!;
      expect(d.toNumber(), text).toBe(number);
      expect(jsonNumber(d), text).toBe(json);
    }
    expect(Object.is(Dec.of(-0).toNumber(), 0)).toBe(true);
  });
});

describe('readValue: value semantics of docs/formats.md', () => {
  const num = (raw: string | number, kind: 'count' | 'money' | 'signed' = 'count') => {
    const v = readValue(raw, kind);
    return v.kind === 'number' ? v.value.toString() : v.kind;
  };
  it('blank is not 0, and placeholders read as blank', () => {
    for (const p of ['', '  ', '/', '-', '—', '无', '／']) expect(readValue(p, 'count').kind).toBe('blank');
    expect(readValue(null, 'count').kind).toBe('blank');
    expect(readValue(0, 'count').kind).toBe('number');
  });
  it('numbers in disguise are read with a notice reason', () => {
    expect(num('12')).toBe('12');
    expect(num('１２')).toBe('12');
    expect(num('12件')).toBe('12');
    expect(num(' 12 ')).toBe('12');
    expect(num('1,234')).toBe('1234');
    expect(num('+461', 'signed')).toBe('461');
    expect(num('-3', 'signed')).toBe('-3');
    const v = readValue('12件', 'count');
    expect(v.kind === 'number' && v.disguise).toBe('unit');
    expect(readValue(12, 'count')).toMatchObject({ kind: 'number' });
    expect((readValue(12, 'count') as { disguise?: string }).disguise).toBeUndefined();
  });
  it('money units are normalised to 万元', () => {
    expect(num('251000元', 'money')).toBe('25.1');
    expect(num('160.5964万元', 'money')).toBe('160.5964');
    expect(readValue('5万元', 'count').kind).toBe('text');
  });
  it('text that is no number stays text', () => {
    expect(readValue('若干', 'count')).toEqual({ kind: 'text', text: '若干' });
    expect(readValue('12a', 'count').kind).toBe('text');
  });
});
