/**
 * Issue 18: a table broken across pages, as Word and WPS print it, ends its page with a row that
 * has no border below it. Its side borders still reach down, so the row is read where it stands:
 * in a real WPS-exported report (洪泽区 2023, see test/real-reports.test.ts) that row was dropped
 * from the table and its figures read as blank, two false balance errors.
 */
import { describe, expect, it } from 'vitest';
import { checkInput } from '../core/checkfile';
import { readInput, reportsOf } from '../core/read/input';
import '../core/node/read';
import { reportPdfCid } from './helpers/pdf-writer';
import { cellIds, fullValues, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const values: Record<string, Raw> = fullValues('2021', balancedValues('2021'));

describe('a table row with no border below it', () => {
  it('is read in place, every figure of every table, and nothing is found wrong', async () => {
    const pdf = reportPdfCid('2021', values, { year: 2023, agency: '某某县财政局', openLastRow: true });
    const [r] = reportsOf(await readInput(pdf, 'open.pdf'), 'open.pdf');
    for (const id of cellIds('2021')) expect(r.cells[id]?.raw, id).toBe(values[id]);
    const res = await checkInput(pdf, 'open.pdf');
    expect(res.reports[0].findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  });
});
