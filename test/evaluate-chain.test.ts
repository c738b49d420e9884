/**
 * The chain of years across the 2020→2021 change of format and across a missing year (issue 23
 * item 1): 表三 上年结转 of a 2021 report (2021 format) is chained to 结转下年度 of the 2020 report
 * (2019 format), the rows being the same in both; 表二 现行有效件数, which the 2019 format does not
 * have, is said as not compared; a year missing is said as a gap and nothing is compared across it.
 * Workbooks written and read back through `xxgk evaluate --json`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { bookBytes, reportSheets, type Raw } from './helpers/workbooks';
import { balancedValues } from './helpers/synthetic';
import { carryInto, T3_COLS as COLS } from './helpers/carry';
import { tempDir } from './helpers/temp';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';

/** A balanced year of `format` whose 表三 上年结转 is `carried` (by column), 本年新收 made to fit. */
function yearValues(format: string, seed: number, carried: Record<string, number> | null): Record<string, Raw> {
  const v = balancedValues(format, seed);
  return carryInto(v, carried);
}

const carriedForward = (v: Record<string, Raw>) => Object.fromEntries(COLS.map((c) => [c, Number(v[`T3:R4:${c}`])]));

function write(dir: string, agency: string, year: number, format: string, values: Record<string, Raw>) {
  fs.writeFileSync(path.join(dir, `${agency}-${year}.xlsx`), bookBytes(reportSheets({ format, year, agency, values }).sheets));
}

interface Rec {
  agency: string;
  year: number;
  chainNotCompared: boolean;
  notCompared: { year: number; priorYear: number; why: string; missing?: number[] }[];
  checks: {
    check: string;
    result: string;
    evidence: { rule: string; cell: string; ref: string; expected: number; actual: number; prior: { year: number } }[];
  }[];
}

describe('xxgk evaluate: the chain across the change of format and across a gap', () => {
  const { out, capture } = outputCapture();
  const dir = tempDir('xxgk-evaluate-chain-');
  // 甲: 2020 (2019 format) → 2021 carried over as 2020 carried forward: no break.
  const a2020 = yearValues('2019', 1, null);
  write(dir, '某某县甲局', 2020, '2019', a2020);
  write(dir, '某某县甲局', 2021, '2021', yearValues('2021', 2, carriedForward(a2020)));
  // 乙: 2021 carries one more 自然人 application over than 2020 carried forward.
  const b2020 = yearValues('2019', 3, null);
  write(dir, '某某县乙局', 2020, '2019', b2020);
  write(dir, '某某县乙局', 2021, '2021', yearValues('2021', 4, { ...carriedForward(b2020), natural: carriedForward(b2020).natural + 1 }));
  // 丙: 2021 and 2023, no 2022: 2023's 上年结转 is not 2021's 结转下年度, and must not be compared.
  const c2021 = yearValues('2021', 5, null);
  write(dir, '某某县丙局', 2021, '2021', c2021);
  write(dir, '某某县丙局', 2023, '2021', yearValues('2021', 6, { ...carriedForward(c2021), natural: carriedForward(c2021).natural + 7 }));

  let records: Rec[] = [];
  const rec = (agency: string, year: number) => records.find((r) => r.agency === agency && r.year === year)!;
  const chain = (agency: string, year: number) => rec(agency, year).checks.find((c) => c.check === 'chain')!;

  it('chains 表三 across 2020→2021 and says 现行有效 was not compared', async () => {
    capture();
    await run([dir, '--json']);
    records = (JSON.parse(out.join('')) as { records: Rec[] }).records;
    expect(records).toHaveLength(6);
    expect(chain('某某县甲局', 2021).result).toBe('pass');
    expect(rec('某某县甲局', 2021).notCompared).toEqual([{ year: 2021, priorYear: 2020, why: 'in_force' }]);
    const b = chain('某某县乙局', 2021);
    expect(b.result).toBe('fail');
    // The 自然人 column and the total, each one more than 2020 carried forward.
    expect(b.evidence.map((e) => e.cell).sort()).toEqual(['T3:R2:natural', 'T3:R2:total']);
    for (const e of b.evidence) {
      expect(e).toMatchObject({ rule: 'carry_over', prior: { year: 2020 } });
      expect(e.actual - e.expected).toBe(1);
    }
    // The copied-table check stays within one format, but for 表四 (the same cells in both).
    expect(rec('某某县乙局', 2021).checks.find((c) => c.check === 'identical')!.result).toBe('pass');
  });

  it('compares nothing across a missing year, and says the gap', () => {
    expect(chain('某某县丙局', 2023).result).toBe('pass');
    expect(rec('某某县丙局', 2023).notCompared).toEqual([{ year: 2023, priorYear: 2021, why: 'gap', missing: [2022] }]);
    expect(rec('某某县丙局', 2023).chainNotCompared).toBe(true);
  });

  it('says both in the text output', async () => {
    capture();
    await run([dir, '--lang', 'zh']);
    const zh = out.join('');
    expect(zh).toContain('某某县丙局2023年：缺少2022年的报告，未与2021年跨年核对衔接');
    expect(zh).toContain('某某县甲局2021年：2020年的报告为 2021 年以前的格式，表二没有「现行有效件数」');
    expect(zh).toMatch(/某某县乙局2021年：表三「上年结转」\S+ 为 \d+，上年（2020年）「结转下年度」/);
  });
});
