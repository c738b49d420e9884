/**
 * xxgk evaluate (issue 23, first slice) on a synthetic region: three agencies over three years in
 * the 2021 format, with planted faults — 乙's 2023 上年结转 not last year's 结转下年度, 丙's 2024
 * 现行有效件数 not last year's + 制发 − 废止, 丁 publishing 2023's tables again as 2024 — plus a
 * file that is no report and one outside the list. Each fault is found with both figures and
 * cells; the clean agency scores full marks; Chinese output holds no English.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { region, YEARS } from './helpers/evaluate-region';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { DEFAULT_RULEBOOK } from '../core/evaluate';

interface Rec {
  agency: string;
  year: number;
  score: number;
  checks: {
    check: string;
    result: string;
    count: number;
    evidence: {
      file: string;
      ref: string;
      expected: number;
      actual: number;
      table?: string;
      prior: { year: number; ref: string | null; file: string };
    }[];
  }[];
}

describe('xxgk evaluate', () => {
  const { out, capture } = outputCapture();
  const dir = region();

  it('places every report by agency and year, accounts for every file, and finds each planted fault', async () => {
    capture();
    const code = await run([dir, '--json', '--lang', 'zh', '--years', '2022-2024']);
    const doc = JSON.parse(out.join('')) as { records: Rec[]; files: { file: string; status: string }[]; unplaced: unknown[] };
    expect(code).toBe(0);
    expect(doc.records.map((r) => `${r.agency}${r.year}`)).toHaveLength(12);
    // 16 files: 12 workbooks read, 名单 and 说明 not reports, none dropped.
    expect(doc.files).toHaveLength(14);
    expect(doc.files.filter((f) => f.status === 'read')).toHaveLength(12);
    expect(
      doc.files
        .filter((f) => f.status !== 'read')
        .map((f) => path.basename(f.file))
        .sort(),
    ).toEqual(['名单.txt', '说明.txt']);
    const rec = (agency: string, year: number) => doc.records.find((r) => r.agency === agency && r.year === year)!;
    const check = (agency: string, year: number, k: string) => rec(agency, year).checks.find((c) => c.check === k)!;

    for (const year of YEARS) {
      expect(rec('某某县甲局', year).score).toBe(DEFAULT_RULEBOOK.full);
      // A workbook has no text and no 发布日期: those checks say not judged, never pass or fail.
      expect(rec('某某县甲局', year).checks.every((c) => c.result === 'pass' || c.result === 'not_judged')).toBe(true);
    }
    const carry = check('某某县乙局', 2023, 'chain');
    expect(carry.result).toBe('fail');
    const natural = carry.evidence.find((e) => e.ref && e.expected + 1 === e.actual)!;
    expect(natural.prior.year).toBe(2022);
    expect(path.basename(natural.prior.file)).toBe('某某县乙局-2022.xlsx');
    expect(check('某某县乙局', 2023, 'balance').result).toBe('pass');
    expect(check('某某县乙局', 2024, 'chain').result).toBe('pass');
    expect(rec('某某县乙局', 2023).score).toBeLessThan(DEFAULT_RULEBOOK.full);

    const inForce = check('某某县丙局', 2024, 'chain');
    expect(inForce.evidence).toHaveLength(1);
    expect(inForce.evidence[0].actual - inForce.evidence[0].expected).toBe(3);

    const copied = check('某某县丁局', 2024, 'identical');
    expect(copied.evidence.map((e) => e.table).sort()).toEqual(['T2', 'T3', 'T4']);
    expect(check('某某县丁局', 2023, 'identical').result).toBe('pass');
  });

  it('matches the list of agencies and says a report of no listed agency', async () => {
    fs.writeFileSync(path.join(dir, '短名单.txt'), '某某县甲局\n某某县乙局\n');
    capture();
    await run([dir, '--json', '--agencies', path.join(dir, '短名单.txt')]);
    const doc = JSON.parse(out.join('')) as { records: Rec[]; unplaced: { why: string; agency: string }[]; missing: unknown[] };
    fs.rmSync(path.join(dir, '短名单.txt'));
    expect(doc.missing).toEqual([]);
    expect(new Set(doc.records.map((r) => r.agency))).toEqual(new Set(['某某县甲局', '某某县乙局']));
    expect(doc.unplaced.filter((u) => u.why === 'not_listed')).toHaveLength(6);
  });

  it('prints the table and each finding in Chinese without English, and in English', async () => {
    capture();
    await run([dir, '--lang', 'zh']);
    const zh = out.join('');
    expect(zh).toContain('上年结转');
    expect(zh).toContain('表四与上年（2023年）完全相同');
    expect(zh).toContain('共 14 个文件');
    // Letters only in cell addresses, file names' extensions and the format name: none in words.
    // Option names (--tree) are the command's own words, as in every catalogue.
    expect(zh.replace(/[A-Z]+\d+|\.xlsx|\.txt|\/[^\s」]*|--[a-z]+/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    out.length = 0;
    await run([dir, '--lang', 'en']);
    expect(out.join('')).toContain('identical to last year');
  });

  it('names a listed agency with no report of a year evaluated as not published', async () => {
    fs.writeFileSync(path.join(dir, '加名单.txt'), '某某县甲局\n某某县戊局\n');
    capture();
    await run([dir, '--json', '--agencies', path.join(dir, '加名单.txt'), '--years', '2023-2025']);
    fs.rmSync(path.join(dir, '加名单.txt'));
    const doc = JSON.parse(out.join('')) as { missing: { agency: string; year: number }[] };
    expect(doc.missing).toEqual([
      { agency: '某某县甲局', year: 2025 },
      { agency: '某某县戊局', year: 2023 },
      { agency: '某某县戊局', year: 2024 },
      { agency: '某某县戊局', year: 2025 },
    ]);
  });

  it('refuses a bad range of years', async () => {
    capture();
    expect(await run([dir, '--years', '2025-2021', '--lang', 'zh'])).toBe(2);
    expect(out.join('')).toContain('年度范围');
  });
});
