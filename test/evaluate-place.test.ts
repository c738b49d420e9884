/**
 * core/evaluate on reports in memory: two reports of one agency and year are never mixed (the
 * second is said as a duplicate), a report without a year is said, a balance error counts against
 * its year with the cell and the finding's sentence, and a 2020 report next to a 2021 one is said
 * as not chained rather than compared row by row.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type FileRead } from '../core/evaluate';
import { checkLocated } from '../core/check/file';
import type { ReportData } from '../core/model/report';
import { balancedValues } from './helpers/synthetic';

function report(
  agency: string | null,
  year: number | null,
  values: Record<string, number | string | boolean | null>,
  format = '2021',
): ReportData {
  const cells: ReportData['cells'] = {};
  for (const [id, raw] of Object.entries(values)) cells[id] = { ref: `${year}年报!${id}`, raw };
  return { format, year, agency, sheet: `${year}年报`, cells, notes: [], tables: ['T3', 'T4'] };
}

const file = (path: string, reports: ReportData[]): FileRead => ({
  path,
  located: reports,
  result: checkLocated(path, reports, { lang: 'zh' }),
});

describe('evaluate: placing and evidence', () => {
  it('says duplicates and reports without a year, and counts a balance error with its cell', () => {
    const ok = balancedValues('2021', 1);
    const broken = { ...ok, 'T3:R1:natural': Number(ok['T3:R1:natural']) + 5 };
    const ev = evaluate([
      file('a.xlsx', [report('某某县甲局', 2023, ok)]),
      file('b.xlsx', [report('某某县甲局', 2023, ok)]),
      file('c.xlsx', [report('某某县甲局', null, ok)]),
      file('d.xlsx', [report('某某县乙局', 2023, broken)]),
    ]);
    expect(ev.unplaced.map((u) => [u.file, u.why, u.among])).toEqual([
      ['b.xlsx', 'duplicate', ['a.xlsx']],
      ['c.xlsx', 'no_year', []],
    ]);
    const yi = ev.records.find((r) => r.agency === '某某县乙局')!;
    const balance = yi.checks.find((c) => c.check === 'balance')!;
    expect(balance.result).toBe('fail');
    expect(
      balance.evidence.some((e) => e.ref?.startsWith('2023年报!') && e.message && !/[A-Za-z]{3,}/.test(e.message.replace(/T3:\S+/g, ''))),
    ).toBe(true);
    expect(yi.score).toBeLessThan(100);
    expect(ev.records.find((r) => r.agency === '某某县甲局')!.score).toBe(100);
  });

  it('does not chain a 2020 report to a 2021 one, and says so', () => {
    const ev = evaluate([
      file('2020.xlsx', [report('某某县甲局', 2020, {}, '2019')]),
      file('2021.xlsx', [report('某某县甲局', 2021, balancedValues('2021', 1))]),
    ]);
    const r2021 = ev.records.find((r) => r.year === 2021)!;
    expect(r2021.chainNotCompared).toBe(true);
    expect(r2021.checks.find((c) => c.check === 'chain')!.result).toBe('pass');
  });
});
