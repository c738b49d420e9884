/** The library's front door, used as a program would: read, confront, summarise, slice. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import * as xxgk from '../core';

const bytes = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '..', 'examples', name)));

describe('core/index: confront, summarise, slice', () => {
  const [report] = xxgk.readReportsFrom(bytes('某某县教育局-2024-有错误.xlsx'), '某某县教育局-2024-有错误.xlsx');
  const result = xxgk.confront(report);

  it('confront gives a docs/findings.md report object', () => {
    expect(Object.keys(result)).toEqual(['sheet', 'format', 'year', 'agency', 'notes', 'findings', 'rules']);
    expect(xxgk.isClean(result)).toBe(false);
  });

  it('summarises by rule: instances passed, failed and skipped, failures first', () => {
    const summary = xxgk.summariseFindings(result);
    // Its blank 上年结转 总计 is an omitted total (parts written): one warning, no imbalance.
    expect(summary.filter((s) => s.failed).map(({ rule, severity, failed }) => ({ rule, severity, failed }))).toEqual([
      { rule: 'T3.applicant_total', severity: 'error', failed: 1 },
      { rule: 'T3.results_total', severity: 'error', failed: 1 },
      { rule: 'cell.not_number', severity: 'error', failed: 1 },
      { rule: 'cell.total_blank', severity: 'warning', failed: 1 },
    ]);
    const column = summary.find((s) => s.rule === 'T3.results_total')!;
    expect(column).toEqual({ rule: 'T3.results_total', severity: 'error', instances: 7, passed: 6, failed: 1, skipped: 0 });
    expect(summary.find((s) => s.rule === 'T3.balance')).toEqual({
      rule: 'T3.balance',
      severity: 'error',
      instances: 7,
      passed: 7,
      failed: 0,
      skipped: 0,
    });
    // 表四's text cell leaves its group's total unevaluated (solved for, not checked): skipped, not passed.
    const t4 = summary.find((s) => s.rule === 'T4.total')!;
    expect(t4).toMatchObject({ instances: 3, failed: 0, skipped: 1, passed: 2 });
    // Cross-year rules need last year's report: all skipped without one.
    const cross = summary.filter((s) => s.rule.startsWith('X.'));
    expect(cross.length).toBeGreaterThan(0);
    for (const x of cross) expect(x).toMatchObject({ passed: 0, failed: 0, skipped: x.instances });
    for (const s of summary) if (s.instances !== null) expect(s.passed! + s.failed + s.skipped!).toBe(s.instances);
  });

  it('a result copied (JSON, structuredClone) keeps its tallies; one without them still summarises its failures', () => {
    // Issue 19: the tallies were kept in a side table keyed on the object, lost by any copy.
    const whole = xxgk.summariseFindings(result);
    expect(xxgk.summariseFindings(JSON.parse(JSON.stringify(result)) as typeof result)).toEqual(whole);
    expect(xxgk.summariseFindings(structuredClone(result))).toEqual(whole);
    const { rules: _omitted, ...bare } = result;
    expect(xxgk.summariseFindings(bare).find((s) => s.rule === 'T3.results_total')).toEqual({
      rule: 'T3.results_total',
      severity: 'error',
      instances: null,
      passed: null,
      failed: 1,
      skipped: null,
    });
  });

  it('slices by table, severity and rule family', () => {
    expect(xxgk.sliceFindings(result, { table: 'T4' }).map((f) => f.rule)).toEqual(['cell.not_number']);
    expect(
      xxgk
        .sliceFindings(result, { rule: 'T3.*' })
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['T3.applicant_total', 'T3.results_total']);
    expect(xxgk.sliceFindings(result, { severity: 'warning' }).map((f) => f.rule)).toEqual(['cell.total_blank']);
    expect(xxgk.sliceFindings(result, { table: 'T2' })).toEqual([]);
  });

  it('a clean report: every rule passed, none failed', () => {
    const [clean] = xxgk.readReportsFrom(bytes('某某县财政局-2024.xlsx'), 'clean.xlsx');
    const summary = xxgk.summariseFindings(xxgk.confront(clean));
    expect(summary.length).toBeGreaterThan(10);
    expect(summary.filter((s) => s.failed)).toEqual([]);
    expect(summary.find((s) => s.rule === 'T3.balance')).toMatchObject({ passed: 7, failed: 0, skipped: 0 });
  });
});

describe('core/index: the asynchronous door reads as the synchronous one', () => {
  it('readReportsAsync and checkInput give what readReportsFrom and checkData give', async () => {
    const name = '某某县教育局-2024-有错误.xlsx';
    expect(await xxgk.readReportsAsync(bytes(name), name)).toEqual(xxgk.readReportsFrom(bytes(name), name));
    expect(await xxgk.checkInput(bytes(name), name)).toEqual(xxgk.checkData(bytes(name), name));
  });
});
