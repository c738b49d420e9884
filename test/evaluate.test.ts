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
import { bookBytes, reportSheets, type Raw } from './helpers/workbooks';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { DEFAULT_RULEBOOK } from '../core/evaluate';

const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];
const YEARS = [2022, 2023, 2024];

/** A balanced year whose 上年结转 is last year's 结转下年度 and whose 现行有效 follows last year's. */
function yearValues(seed: number, prior: Record<string, Raw> | null): Record<string, Raw> {
  const v = balancedValues('2021', seed);
  const n = (id: string) => Number(v[id] ?? 0);
  for (const c of COLS) {
    if (prior) v[`T3:R2:${c}`] = prior[`T3:R4:${c}`];
    let r1 = n(`T3:R3.7:${c}`) + n(`T3:R4:${c}`) - n(`T3:R2:${c}`);
    if (r1 < 0) {
      // more handled than carried over: the difference answered 予以公开
      v[`T3:R3.1:${c}`] = n(`T3:R3.1:${c}`) - r1;
      v[`T3:R3.7:${c}`] = n(`T3:R3.7:${c}`) - r1;
      r1 = 0;
    }
    v[`T3:R1:${c}`] = r1;
  }
  for (const r of ['R1', 'R2', 'R3.1', 'R3.7']) v[`T3:${r}:total`] = COLS.reduce((s, c) => s + n(`T3:${r}:${c}`), 0);
  const rows: [string, number, number][] = [
    ['rules', seed, 0],
    ['normative', 2 * seed, 1],
  ];
  for (const [row, issued, repealed] of rows) {
    const before = prior ? Number(prior[`T2:${row}:in_force`]) : 20;
    Object.assign(v, {
      [`T2:${row}:issued`]: issued,
      [`T2:${row}:repealed`]: repealed,
      [`T2:${row}:in_force`]: before + issued - repealed,
    });
  }
  Object.assign(v, {
    'T2:licensing:decisions': 10 + seed,
    'T2:penalty:decisions': 5 + seed,
    'T2:enforcement:decisions': seed,
    'T2:fees:amount': 0,
  });
  return v;
}

/** An agency's three years, each an .xlsx; `plant` bends a year's values. */
function writeAgency(
  dir: string,
  agency: string,
  seed: number,
  plant: (year: number, v: Record<string, Raw>, last: Record<string, Raw> | null) => Record<string, Raw> = (_y, v) => v,
) {
  let last: Record<string, Raw> | null = null;
  for (const [i, year] of YEARS.entries()) {
    const v = plant(year, yearValues(seed + i, last), last);
    fs.writeFileSync(path.join(dir, `${agency}-${year}.xlsx`), bookBytes(reportSheets({ format: '2021', year, agency, values: v }).sheets));
    last = v;
  }
}

function region(): string {
  const dir = tempDir('xxgk-evaluate-');
  writeAgency(dir, '某某县甲局', 1);
  // 乙 2023: one more carried over than 2022 carried forward (R1 lowered to keep the year balanced).
  writeAgency(dir, '某某县乙局', 2, (year, v) => {
    if (year !== 2023) return v;
    return {
      ...v,
      'T3:R2:natural': Number(v['T3:R2:natural']) + 1,
      'T3:R1:natural': Number(v['T3:R1:natural']) - 1,
      'T3:R1:total': Number(v['T3:R1:total']) - 1,
      'T3:R2:total': Number(v['T3:R2:total']) + 1,
    };
  });
  // 丙 2024: 现行有效 of 规章 three more than last year's + 制发 − 废止.
  writeAgency(dir, '某某县丙局', 3, (year, v) => (year === 2024 ? { ...v, 'T2:rules:in_force': Number(v['T2:rules:in_force']) + 3 } : v));
  // 丁 2024: 2023's figures published again.
  writeAgency(dir, '某某县丁局', 4, (year, v, last) => (year === 2024 && last ? { ...last } : v));
  fs.writeFileSync(path.join(dir, '说明.txt'), '这是报送说明，不是报告。');
  fs.writeFileSync(path.join(dir, '名单.txt'), ['某某县甲局', '某某县乙局', '某某县丙局', '某某县丁局'].join('\n'));
  return dir;
}

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
      expect(rec('某某县甲局', year).checks.every((c) => c.result === 'pass')).toBe(true);
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
    expect(zh.replace(/[A-Z]+\d+|\.xlsx|\.txt|\/[^\s」]*/g, '')).not.toMatch(/[A-Za-z]{2,}/);
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
