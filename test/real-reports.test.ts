/**
 * Issue 18's closing note: real published reports read through the one core path (checkFile, as
 * `xxgk check` does). Each report's figures are read as published (test/fixtures/real/figures.json),
 * its format, year and agency found, every finding its own numbers justify is made, and nothing
 * else beyond the false findings still listed with their diagnosis (test/helpers/real-reports.ts).
 * Reports kept out of the repository run when $XXGK_REAL_DIR holds them; otherwise each says so.
 */
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { checkFileRead } from '../core/check/file';
import '../core/node/read';
import { judge, misreadRows, realFile, REAL, tally } from './helpers/real-reports';

describe.each(REAL)('$file ($kind)', (r) => {
  const file = realFile(r);
  const read = async () => {
    const res = await checkFileRead({ name: r.file, bytes: new Uint8Array(readFileSync(file!)) }, {});
    return { result: res.result, report: res.located[0] };
  };

  it.skipIf(!file)(
    `is read: format ${r.format}, ${r.year}, ${r.agency}, every figure as published${file ? '' : ' (not run: set XXGK_REAL_DIR)'}`,
    async () => {
      const { result, report } = await read();
      expect(result.status).toBe('checked');
      expect(result.reports).toHaveLength(1);
      expect([report.format, report.year, report.agency]).toEqual([r.format, r.year, r.agency]);
      // Rows read otherwise than published: none, or (while they last) only those listed.
      const wrong = misreadRows(r.file, report).map((m) => m.row);
      expect(wrong.filter((row) => !(r.misread ?? []).includes(row))).toEqual([]);
    },
  );

  it.skipIf(!file)(
    `makes every true finding, and no false one beyond those listed${file ? '' : ' (not run: set XXGK_REAL_DIR)'}`,
    async () => {
      const { result } = await read();
      const found = tally(result.reports[0].findings);
      for (const e of r.true) expect(found.get(`${e.rule} ${e.severity}`) ?? 0, `${e.rule}: ${e.why}`).toBeGreaterThanOrEqual(e.count);
      const { falseCount, missing } = judge(r, found);
      expect(missing).toBe(0);
      expect(falseCount).toBeLessThanOrEqual((r.false ?? []).reduce((n, e) => n + e.count, 0));
      // Every finding beyond the true ones is one of the listed false ones.
      const listed = new Set([...r.true, ...(r.false ?? [])].map((e) => `${e.rule} ${e.severity}`));
      expect([...found.keys()].filter((k) => !listed.has(k))).toEqual([]);
    },
  );
});
