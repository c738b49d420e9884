/**
 * A report with one typing slip that three cells explain equally well (issue 21): 予以公开·自然人
 * typed 31 instead of 13, its totals written as formulas that follow it, so 表三's balance fails
 * in the 自然人 and 总计 columns and 本年新收 or 上年结转 could balance it as well.
 */
import * as XLSX from '@e965/xlsx';
import { reportSheets, writeReportWorkbook, type ReportLayoutOptions } from './workbooks';
import { balancedValues } from './synthetic';

export function slipWorkbook(name: string, agency: string): string {
  const v = balancedValues('2021', 3) as Record<string, number>;
  const opts: ReportLayoutOptions = { format: '2021', year: 2024, agency, values: v };
  const { where } = reportSheets(opts);
  const a1 = (id: string) => XLSX.utils.encode_cell({ r: where.get(id)!.r, c: where.get(id)!.c });
  const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];
  const parts = [...where.keys()].filter((k) => /^T3:R3\.[1-6]/.test(k) && k.endsWith(':natural'));
  const formulas: Record<string, string> = {};
  for (const c of [...cols, 'total']) formulas[`T3:R3.7:${c}`] = `SUM(${parts.map((p) => a1(p.replace(':natural', `:${c}`))).join(',')})`;
  for (const id of where.keys())
    if (id.startsWith('T3:') && id.endsWith(':total'))
      formulas[id] = `SUM(${cols.map((c) => a1(id.replace(':total', `:${c}`))).join(',')})`;
  const add = (id: string, d: number) => (v[id] += d);
  // Balanced with 13 in 予以公开·自然人 …
  for (const id of ['T3:R1:natural', 'T3:R1:total', 'T3:R3.7:natural', 'T3:R3.7:total', 'T3:R3.1:total', 'T3:R3.1:natural']) add(id, 10);
  // … then 13 typed as 31, the totals following.
  for (const id of ['T3:R3.1:natural', 'T3:R3.7:natural', 'T3:R3.7:total', 'T3:R3.1:total']) add(id, 18);
  return writeReportWorkbook(name, { ...opts, formulas });
}
