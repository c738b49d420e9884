/**
 * Never a crash: workbooks mangled in the ways hand-edited submissions are (rows deleted or
 * repeated, labels changed, numbers turned into text, cells emptied, junk typed in) always give a
 * result — checked with findings, or unreadable with a reason — and never an exception.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkData } from '../core/checkfile';
import { importText } from '../core/import';
import { confront } from '../core/check';
import { bookBytes, reportSheets, type SheetSpec } from './helpers/workbooks';
import { balancedValues } from './helpers/synthetic';
import { rng } from './helpers/temp';

const JUNK = [
  '若干',
  '—',
  '/',
  '12件',
  '１２',
  '-3',
  '1,234',
  '=SUM(A1)',
  '',
  '无',
  'NaN',
  '1e309',
  '0.12345',
  '  ',
  '合计',
  '总计',
  '三、本年度办理结果',
  '<b>x</b>',
  '\u0000',
  '𠀀',
];

function mangle(sheet: SheetSpec, seed: number): SheetSpec {
  const rand = rng(seed);
  const aoa = sheet.aoa.map((row) => [...row]);
  const edits = 1 + Math.floor(rand() * 12);
  for (let k = 0; k < edits; k++) {
    const r = Math.floor(rand() * aoa.length);
    const what = rand();
    if (what < 0.15 && aoa.length > 3)
      aoa.splice(r, 1); // a row deleted
    else if (what < 0.25)
      aoa.splice(r, 0, [...aoa[r]]); // a row repeated
    else if (what < 0.35)
      aoa[r] = aoa[r].map((v) => (typeof v === 'string' ? v.slice(0, Math.max(1, Math.floor(v.length / 2))) : v)); // labels cut short
    else {
      const row = aoa[r];
      const c = Math.floor(rand() * Math.max(1, row.length + 2));
      row[c] = rand() < 0.5 ? JUNK[Math.floor(rand() * JUNK.length)] : Math.round((rand() - 0.2) * 1000) / (rand() < 0.2 ? 7 : 1);
    }
  }
  return { ...sheet, aoa, merges: rand() < 0.5 ? [] : sheet.merges.filter((m) => m.r1 < aoa.length) };
}

describe('mangled submissions never crash the checker', () => {
  for (const format of ['2019', '2021']) {
    const { sheets } = reportSheets({
      format,
      year: format === '2019' ? 2020 : 2024,
      agency: '某某县测试局',
      values: balancedValues(format, 7),
    });
    it(`format ${format}: 60 mangled workbooks each give a result`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const bytes = bookBytes(
          sheets.map((s, i) => mangle(s, seed * 31 + i)),
          seed % 3 === 0 ? 'xls' : 'xlsx',
        );
        let result;
        try {
          result = checkData(new Uint8Array(bytes), `seed-${seed}.xlsx`);
        } catch (e) {
          throw new Error(`seed ${seed} (format ${format}) threw: ${(e as Error).stack}`);
        }
        expect(['checked', 'unreadable'], `seed ${seed}`).toContain(result.status);
        if (result.status === 'unreadable') expect(result.error!.message, `seed ${seed}`).toContain(`seed-${seed}.xlsx`);
        for (const r of result.reports)
          for (const f of r.findings) {
            expect(f.message.length, `seed ${seed}`).toBeGreaterThan(0);
            for (const c of f.cells) expect(c.ref, `seed ${seed}`).toMatch(/!|^line /);
          }
      }
    });
  }

  it('mangled published text gives reports or a clear no-tables error', () => {
    const { sheets } = reportSheets({ format: '2021', year: 2024, agency: '某某县测试局', values: balancedValues('2021', 3) });
    const text = XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(sheets[0].aoa as unknown[][]), { FS: '\t' });
    const lines = text.split('\n');
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(seed);
      const mangled = lines
        .filter(() => rand() > 0.1)
        .map((l) => (rand() < 0.1 ? l.replace(/\d+/, JUNK[Math.floor(rand() * JUNK.length)]) : l))
        .join('\n');
      try {
        // Whatever survives is a report of a known format, with cells placed by line, that checks without throwing.
        for (const r of importText(mangled, `seed-${seed}.txt`)) {
          expect(['2019', '2021'], `seed ${seed}`).toContain(r.format);
          for (const c of Object.values(r.cells)) expect(c.ref, `seed ${seed}`).toMatch(/^line \d+$/);
          expect(confront(r).format).toBe(r.format);
        }
      } catch (e) {
        expect((e as { code?: string }).code, `seed ${seed}: ${(e as Error).message}`).toMatch(/^(no_tables|empty)$/);
      }
    }
  });
});
