/**
 * A 考核 rulebook as data (issue 23, item 6): the default book is a data file (core/evaluate/
 * default-rules.ts) that parses to the weights it always had; `xxgk evaluate --rules FILE` replaces
 * it and the scores change as written; a bad file is a bad command line (status 2) naming its file,
 * line and column, a check it names that does not exist is said with the known ones, and a file is
 * bounded (size, lines) before it is read line by line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { region } from './helpers/evaluate-region';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { CHECKS, DEFAULT_RULEBOOK, parseRulebook, RULEBOOK_LIMITS } from '../core/evaluate';
import { RuleSyntaxError } from '../core/rules/parse';

const known = CHECKS.map((c) => c.key);

function refusal(text: string): RuleSyntaxError {
  try {
    parseRulebook(text, '考核.txt', { known });
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
    throw e;
  }
  throw new Error('parsed');
}

interface Rec {
  agency: string;
  year: number;
  score: number;
  checks: { check: string; count: number; points: number }[];
}

describe('the default rulebook is data', () => {
  it('parses to the weights of the first slice, each with its source in the catalogues', () => {
    // Later checks add their lines (each with its source: test/evaluate-checks.test.ts); the first slice's weights stay.
    expect(DEFAULT_RULEBOOK.full).toBe(100);
    expect(DEFAULT_RULEBOOK.deductions.slice(0, 3)).toEqual([
      { check: 'balance', each: 2, cap: 10, source: 'balance' },
      { check: 'chain', each: 2, cap: 10, source: 'chain' },
      { check: 'identical', each: 5, cap: 10, source: 'identical' },
    ]);
    expect(DEFAULT_RULEBOOK.deductions.every((d) => d.source === d.check)).toBe(true);
  });
});

describe('a local rulebook', () => {
  it('reads points with decimals, no cap, the source above and after, and leaves an unnamed check at zero', () => {
    const book = parseRulebook(
      '# 本市细则\nfull: 10\n\n# 第三条：衔接错误每处扣 0.5 分\n# 最多扣 1 分\nchain: -0.5 each, at most -1\nidentical: 3 each, above 50%, at most -6   # 第五条\nbalance: 1 each\n',
      '考核.txt',
      { known },
    );
    expect(book).toEqual({
      full: 10,
      deductions: [
        { check: 'chain', each: 0.5, cap: 1, source: null, description: '第三条：衔接错误每处扣 0.5 分 最多扣 1 分' },
        { check: 'identical', each: 3, cap: 6, threshold: 50, source: null, description: '第五条' },
        { check: 'balance', each: 1, cap: null, source: null, description: null },
      ],
    });
  });

  it('xxgk evaluate --rules changes the scores as written', async () => {
    const dir = region();
    const rules = path.join(dir, '考核.txt');
    fs.writeFileSync(rules, 'full: 10\nchain: -0.1 each, at most -0.3\nidentical: -3.5 each\n');
    const { out, capture } = outputCapture();
    capture();
    expect(await run([dir, '--json', '--rules', rules])).toBe(0);
    const doc = JSON.parse(out.join('')) as { records: Rec[]; rulebook: { file: string; full: number } };
    const rec = (agency: string, year: number) => doc.records.find((r) => r.agency === agency && r.year === year)!;
    const points = (r: Rec, k: string) => r.checks.find((c) => c.check === k)!;
    expect(doc.rulebook).toMatchObject({ file: rules, full: 10 });
    expect(rec('某某县甲局', 2023).score).toBe(10);
    // 乙 2023 breaks the chain in 上年结转 (natural and total): 0.1 each, 0.2 in all, never 0.30000000000000004.
    const yi = rec('某某县乙局', 2023);
    expect(points(yi, 'chain').points).toBe(Math.min(0.3, Math.round(points(yi, 'chain').count) / 10));
    expect(yi.score).toBe(Math.round((10 - points(yi, 'chain').points) * 100) / 100);
    // 丁 2024 copies three tables: 3.5 each, not capped, past the full marks: the score stops at zero.
    const ding = rec('某某县丁局', 2024);
    expect(points(ding, 'identical')).toMatchObject({ count: 3, points: 10.5 });
    expect(ding.score).toBe(0);
    // balance is not in the book: its findings are still there, weighing nothing.
    expect(doc.records.every((r) => points(r, 'balance').points === 0)).toBe(true);
  });
});

describe('a bad rulebook is refused with its line and column', () => {
  it.each([
    ['chian: -2 each', 1, 1, '"chian"'],
    ['full: 100\nbalance: -2 each\nbalance: -1 each', 3, 1, '第 2 行已写过'],
    ['balance: -2', 1, 12, '"each"'],
    ['balance: -2 each, at -3', 1, 19, '"at most"'],
    ['balance: -0.125 each', 1, 11, '两位小数'],
    ['balance -2 each', 1, 1, '检查名加冒号'],
    ['# 出处\nfull: -5', 2, 7, '满分'],
    ['chain: -2 each extra', 1, 16, '"extra"'],
    ['identical: -1 each, above 150%', 1, 21, '比例'],
    ['identical: -1 each, above 50', 1, 21, '比例'],
    ['identical: -1 each, at most -2, at most -3', 1, 33, '"above"'],
  ])('%j → line %i, column %i', (text, line, column, says) => {
    const e = refusal(text);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.messageIn('zh')).toContain(says);
    expect(e.messageIn('zh')).toMatch(/^考核\.txt:\d+:\d+: /);
  });

  it('an unknown check is named with every known one, in both languages', () => {
    const e = refusal('full: 100\n\nlate: -0.5 each');
    expect([e.line, e.column]).toEqual([3, 1]);
    for (const k of known) expect(e.messageIn('zh')).toContain(`"${k}"（`);
    expect(e.messageIn('zh')).toContain('平衡错误');
    expect(e.messageIn('en')).toContain('"late"');
    expect(e.messageIn('en')).toContain('"chain" (');
  });

  it('a file past the size or the line limit is refused before it is read line by line', () => {
    const big = refusal(`# ${'x'.repeat(RULEBOOK_LIMITS.bytes)}\n`);
    expect([big.line, big.column]).toEqual([1, 1]);
    const long = refusal('\n'.repeat(RULEBOOK_LIMITS.lines + 5));
    expect(long.line).toBe(RULEBOOK_LIMITS.lines + 1);
    expect(long.messageIn('zh')).toContain(`至多 ${RULEBOOK_LIMITS.lines} 行`);
  });

  it('xxgk evaluate --rules with an error exits 2 with file, line and column, before any report is read', async () => {
    const dir = region();
    const rules = path.join(dir, '考核.txt');
    fs.writeFileSync(rules, '# 本市细则\nbalance: -2 each\nchain: -2 eech\n');
    const { out, capture } = outputCapture();
    capture();
    expect(await run([dir, '--rules', rules, '--lang', 'zh'])).toBe(2);
    const said = out.join('');
    expect(said).toContain(`${rules}:3:11: `);
    expect(said).toContain('"each"');
    expect(said).not.toMatch(/内部错误|共 \d+ 个文件/);
    out.length = 0;
    expect(await run([dir, '--rules', path.join(dir, 'none.txt'), '--lang', 'zh'])).toBe(2);
    expect(out.join('')).toContain('无法读取考核细则');
  });
});
