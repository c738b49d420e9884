/** The library's front door, used as a program would: read, confront, summarise, slice. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import * as xxgk from '../core';

const bytes = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '..', 'examples', name)));

describe('core/index: confront, summarise, slice', () => {
  const [report] = xxgk.readReportsFrom(bytes('某某县教育局-2024-有错误.xlsx'), '某某县教育局-2024-有错误.xlsx');
  const result = xxgk.confront(report);

  it('confront is checkReport: a findings.md report object', () => {
    expect(result).toEqual(xxgk.checkReport(report));
    expect(xxgk.isClean(result)).toBe(false);
  });

  it('summarises by rule and severity, errors first', () => {
    expect(xxgk.summariseFindings(result)).toEqual([
      { rule: 'T3.applicant_total', severity: 'error', count: 2 },
      { rule: 'T3.balance', severity: 'error', count: 1 },
      { rule: 'T3.results_total', severity: 'error', count: 1 },
      { rule: 'cell.not_number', severity: 'error', count: 1 },
      { rule: 'cell.blank', severity: 'warning', count: 1 },
    ]);
  });

  it('slices by table, severity and rule family', () => {
    expect(xxgk.sliceFindings(result, { table: 'T4' }).map((f) => f.rule)).toEqual(['cell.not_number']);
    expect(
      xxgk
        .sliceFindings(result, { rule: 'T3.*' })
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['T3.applicant_total', 'T3.applicant_total', 'T3.balance', 'T3.results_total']);
    expect(xxgk.sliceFindings(result, { severity: 'warning' }).map((f) => f.rule)).toEqual(['cell.blank']);
    expect(xxgk.sliceFindings(result, { table: 'T2' })).toEqual([]);
  });

  it('a clean report summarises to nothing', () => {
    const [clean] = xxgk.readReportsFrom(bytes('某某县财政局-2024.xlsx'), 'clean.xlsx');
    expect(xxgk.summariseFindings(xxgk.confront(clean))).toEqual([]);
  });
});
