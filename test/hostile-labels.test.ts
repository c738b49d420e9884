/**
 * Issue 20, item 12: one long line of label words inside a published report's tables is read in
 * linear time. Before, each word joined to the label made the reader ask whether the whole label
 * was a value (core/import/spaces.ts), reading it whole each time: 400 KB took 11 s, 800 KB 41 s,
 * 3.4 MB 98 s. The time for N and 16N is compared (no absolute timings): linear gives 16,
 * quadratic 256. Folding the words (core/import/fold.ts, core/read/labels.ts) and cutting them
 * into cells (spansOf, core/import/spaces.ts) built the line one character at a time, leaving the
 * collector chains of a million pieces: 3.2 MB over 200 KB was 38 in processor time; with one
 * replace and one slice it is 16 to 17 (plain node: 1.6 MB 0.72 s before, 0.15 s after). Bound: 20.
 * Processor time, not the clock: on a machine shared by many the clock ratio ranged 15 to 33.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { readInputSync, reportsOf } from '../core/read/input';

const base = readFileSync(path.join(__dirname, '..', 'examples', 'shunhe-2020-report.txt'), 'utf8').split('\n');
const WORDS = ['本年新收政府信息公开申请数量', '予以公开', '部分公开', '自然人', '商业企业', '办理结果总计', '结转下年度继续办理'];

/** The report with a line of `kb` KB of label words (single spaces between them) among its tables. */
function withLongLine(kb: number): Uint8Array {
  const words: string[] = [];
  for (let n = 0, i = 0; n < (kb * 1024) / 3; i++) {
    words.push(WORDS[i % WORDS.length]);
    n += WORDS[i % WORDS.length].length + 1;
  }
  const lines = [...base];
  lines.splice(30, 0, words.join(' '));
  return new TextEncoder().encode(lines.join('\n'));
}

/** The processor time of reading it (ms): not the clock, which a busy machine stretches at random. */
function ms(data: Uint8Array): number {
  const t = process.cpuUsage();
  try {
    reportsOf(readInputSync(data, 'long.txt'), 'long.txt');
  } catch {
    // read or refused: the time is what counts here
  }
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

describe('a long line of label words (item 12)', () => {
  it('is read in linear time: N and 16N', () => {
    const small = withLongLine(200);
    const large = withLongLine(3200);
    ms(small); // warm up the readers
    const a = Math.min(ms(small), ms(small), ms(small), ms(small), ms(small));
    const b = Math.min(ms(large), ms(large), ms(large));
    expect(b / Math.max(a, 1)).toBeLessThan(20);
  }, 120_000);
});
