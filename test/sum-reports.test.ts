import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expect, test, vi } from 'vitest';
import { main } from '../cli/main';
import { confront } from '../core/check';
import { Dec } from '../core/model/decimal';
import { formCells, getForm } from '../core/forms';
import { readReports } from '../core/read';
import { writeTemplate } from '../core/template/xlsx';
import { outputCapture } from './helpers/output';
import { tempDir, u8 } from './helpers/temp';
import { consistentInputs } from './helpers/synthetic';

const { out, capture } = outputCapture();

async function department(dir: string, name: string, format: string, year: number, seed: number, edit?: (v: Map<string, Dec>) => void) {
  const values = consistentInputs(getForm(format), seed);
  edit?.(values);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, await writeTemplate(getForm(format), { year, agency: name, values }));
  return { file, values };
}

test.each([
  { format: '2021', year: 2025 },
  { format: '2019', year: 2020 },
])(
  'sum of three departments ($format): every cell exact, money to 4 decimals, checked clean, appendix traces it',
  async ({ format, year }) => {
    const dir = tempDir();
    const money = format === '2021' ? 'T2:fees:amount' : 'T2:procurement:amount';
    const deps = [
      await department(dir, '甲局', format, year, 1, (v) => v.set(money, Dec.parse('0.1')!)),
      await department(dir, '乙局', format, year, 2, (v) => v.set(money, Dec.parse('0.2')!)),
      await department(dir, '丙局', format, year, 3, (v) => v.set(money, Dec.parse('1234.5678')!)),
    ];
    const outFile = path.join(dir, 'total.xlsx');
    capture();
    expect(await main(['sum', ...deps.map((d) => d.file), '-o', outFile, '--agency', '某某县人民政府'])).toBe(0);
    vi.restoreAllMocks();
    const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
    expect(report.format).toBe(format);
    expect(report.year).toBe(year);
    expect(report.agency).toBe('某某县人民政府');
    expect(report.cells[money].raw).toBe(1234.8678);
    for (const id of formCells(getForm(format)).keys()) {
      const parts = deps.map((d) => d.values.get(id));
      if (parts.some((p) => !p)) continue; // totals: checked below
      expect(Dec.of(report.cells[id].raw as number).eq(Dec.sum(parts as Dec[])), id).toBe(true);
    }
    expect(confront(report).findings.filter((f) => f.severity !== 'notice')).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const appendix = wb.worksheets.find((w) => w.name === '汇总明细')!;
    expect(appendix.rowCount).toBe(1 + deps.length + 1);
    expect([2, 3, 4].map((r) => appendix.getRow(r).getCell(2).value).sort()).toEqual(deps.map((d) => d.file).sort());
    expect(appendix.getRow(5).getCell(2).value).toBe('合计');
  },
);

test('sum refuses mixed years or formats (nothing written) unless --force', async () => {
  const dir = tempDir();
  const a = await department(dir, '甲局', '2021', 2025, 1);
  const b = await department(dir, '乙局', '2021', 2024, 2);
  const c = await department(dir, '丙局', '2019', 2020, 3);
  const outFile = path.join(dir, 'total.xlsx');
  capture();
  expect(await main(['sum', a.file, b.file, '-o', outFile])).toBe(1);
  expect(out.join('')).toMatch(/年度不同[\s\S]*乙局/);
  expect(await main(['sum', a.file, c.file, '-o', outFile])).toBe(1);
  expect(out.join('')).toContain('格式不同');
  expect(fs.existsSync(outFile)).toBe(false);
  expect(await main(['sum', a.file, b.file, '-o', outFile, '--force'])).toBe(0);
  vi.restoreAllMocks();
  const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
  expect(report.year).toBeNull();
  expect(report.cells['T3:R1:natural'].raw).toBe(a.values.get('T3:R1:natural')!.add(b.values.get('T3:R1:natural')!).toNumber());
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('sum names the inputs with errors and refuses unless --allow-errors', async () => {
  const dir = tempDir();
  const a = await department(dir, '甲局', '2021', 2025, 1);
  const b = await department(dir, '乙局', '2021', 2025, 2, (v) => v.set('T3:R4:natural', v.get('T3:R4:natural')!.add(Dec.of(5))));
  const outFile = path.join(dir, 'total.xlsx');
  capture();
  expect(await main(['sum', a.file, b.file, '-o', outFile])).toBe(1);
  const said = out.join('');
  expect(said).toContain(b.file);
  expect(said).not.toContain(`${a.file}：`);
  expect(said).toContain('--allow-errors');
  expect(fs.existsSync(outFile)).toBe(false);
  expect(await main(['sum', a.file, b.file, '-o', outFile, '--allow-errors'])).toBe(0);
  vi.restoreAllMocks();
  const [report] = readReports(u8(fs.readFileSync(outFile)), outFile);
  expect(confront(report).findings.some((f) => f.rule === 'T3.balance' && f.instance === 'natural')).toBe(true);
});

test('sum: bad command line is exit 2 and an unreadable input names the file', async () => {
  const dir = tempDir();
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'not a workbook');
  capture();
  expect(await main(['sum', '-o', path.join(dir, 't.xlsx')])).toBe(2);
  expect(await main(['sum', bad, '-o', path.join(dir, 't.xlsx')])).toBe(1);
  vi.restoreAllMocks();
  expect(out.join('')).toContain('bad.xlsx');
  expect(fs.existsSync(path.join(dir, 't.xlsx'))).toBe(false);
});
