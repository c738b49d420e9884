/**
 * The synthetic region of the evaluator's tests (test/evaluate.test.ts and the reports'): four
 * agencies over three years in the 2021 format, with planted faults — 乙's 2023 上年结转 not last
 * year's 结转下年度, 丙's 2024 现行有效件数 not last year's + 制发 − 废止, 丁 publishing 2023's tables
 * again as 2024 — plus a file that is no report and the list of agencies.
 */
import * as fs from 'fs';
import * as path from 'path';
import { bookBytes, reportSheets, type Raw } from './workbooks';
import { balancedValues } from './synthetic';
import { carriedFrom, carryInto } from './carry';
import { tempDir } from './temp';

export const YEARS = [2022, 2023, 2024];

/** A balanced year whose 上年结转 is last year's 结转下年度 and whose 现行有效 follows last year's. */
export function yearValues(seed: number, prior: Record<string, Raw> | null): Record<string, Raw> {
  const v = balancedValues('2021', seed);
  carryInto(v, prior ? carriedFrom(prior) : null);
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
export function writeAgency(
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

export function region(): string {
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
