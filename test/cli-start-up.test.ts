/**
 * A command loads exceljs only when it writes a workbook (core/exceljs.ts, issue 22): refused before
 * it writes, asked for its help or writing JSON, it starts without exceljs's 700 modules, about
 * 0.25 s of processor time each (0.45 s -> 0.16 s for `export . -o x.json`). The tests alone start
 * the command line some 70 times for such answers. Each command runs in a Node process of its own,
 * which then says whether exceljs was loaded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { beforeAll, expect, it } from 'vitest';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { consistentInputs } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');

/** Runs `xxgk args` in `cwd` in a process of its own: its exit status and whether exceljs was loaded. */
function run(args: string[], cwd: string): { status: number; exceljs: boolean } {
  const script = `require(${JSON.stringify(main)}).main(${JSON.stringify(args)}).then((status) => {
    const exceljs = Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(f));
    process.stderr.write('\\n' + JSON.stringify({ status, exceljs }));
  });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(r.stderr.trim().split('\n').pop()!);
}

let dir: string;
beforeAll(async () => {
  dir = tempDir('xxgk-start-');
  const form = getForm('2021');
  fs.writeFileSync(
    path.join(dir, 'a.xlsx'),
    await writeTemplate(form, { year: 2024, agency: '某某县财政局', values: consistentInputs(form, 3) }),
  );
});

it('export, fill, sum, template and import start without exceljs until they write a workbook', () => {
  const without: [string[], number][] = [
    [['export', '.', '-o', 'x.json'], 2], // a folder: refused
    [['export', 'a.xlsx', '--to', 'json', '-o', 'a.json'], 0],
    [['fill', 'missing.xlsx', '-o', 'f.xlsx'], 1],
    [['sum', 'a.xlsx', 'missing.xlsx', '-o', 's.xlsx'], 1],
    [['template', '--help'], 0],
    [['import', 'missing.txt'], 1],
  ];
  for (const [args, status] of without) expect(run(args, dir), args.join(' ')).toEqual({ status, exceljs: false });
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')).agency).toBe('某某县财政局');
  // The probe sees exceljs where a workbook is written.
  const fill = run(['fill', 'a.xlsx', '-o', 'f.xlsx'], dir);
  expect(fill).toEqual({ status: 0, exceljs: true });
  expect(fs.statSync(path.join(dir, 'f.xlsx')).size).toBeGreaterThan(1000);
});
