/**
 * Issue 12, "Done when", on the command line: the Word, PDF, web page and text versions of the
 * same report (both formats) give the findings of its workbook version in `xxgk check`, and
 * `xxgk sum --only-clean` counts the reports of every kind the input registry reads.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportsFrom } from '../core/checkfile';
import type { FindingsDoc } from '../core/model/findings';
import { reportDocx } from './helpers/docx';
import { printToPdf, soffice } from './helpers/pdf';
import { fullValues, publishedHtml, publishedText, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { bookBytes, reportSheets } from './helpers/workbooks';

const root = path.join(__dirname, '..');
const xxgk = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
});

/** The report in every kind: workbook, Word, web page, text (tabs) and, where LibreOffice is installed, PDF printed from the Word file. */
function versions(dir: string, format: '2019' | '2021', values: Record<string, Raw>, agency: (kind: string) => string): string[] {
  const year = format === '2019' ? 2020 : 2023;
  const files: [string, Uint8Array | string][] = [
    [`workbook.xlsx`, bookBytes(reportSheets({ format, year, agency: agency('workbook'), values }).sheets)],
    [`word.docx`, reportDocx(format, values, { year, agency: agency('word'), labelWidth: 600 })],
    [`page.html`, publishedHtml(format, values, { year, agency: agency('page') })],
    [`text.txt`, publishedText(format, values, 'tabs', { year, agency: agency('text') })],
  ];
  if (soffice) files.push([`pdf.docx`, reportDocx(format, values, { year, agency: agency('pdf'), labelWidth: 560, footer: true })]);
  fs.mkdirSync(dir, { recursive: true });
  const out = files.map(([name, data]) => {
    fs.writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  });
  if (!soffice) return out;
  const [pdf] = printToPdf([out.pop()!], dir);
  fs.rmSync(path.join(dir, `pdf.docx`));
  return [...out, pdf];
}

describe.each(['2019', '2021'] as const)('xxgk check, format %s', { timeout: 300_000 }, (format) => {
  it('gives the Word, PDF, page and text versions the findings of the workbook', () => {
    const values = fullValues(format, balancedValues(format));
    // Two wrong figures, so that the findings compared are not empty.
    values['T3:R1:natural'] = (values['T3:R1:natural'] as number) + 5;
    values['T4:R1:review.total'] = (values['T4:R1:review.total'] as number) + 2;
    const dir = tempDir();
    // One department per file: the batch then adds no finding of its own (no duplicates).
    const files = versions(dir, format, values, (kind) => `某某县${kind}局`);
    const r = xxgk(['check', ...files, '--json'], dir);
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as FindingsDoc;
    const said = (file: string) => {
      const f = doc.files.find((x) => path.basename(x.path) === path.basename(file))!;
      expect(f.status, `${file}: ${f.error?.message}`).toBe('checked');
      return f.reports.flatMap((rep) => rep.findings.map((x) => `${x.severity} ${x.rule} ${x.expected ?? ''} ${x.actual ?? ''}`)).sort();
    };
    const expected = said(files[0]);
    expect(expected.filter((s) => s.startsWith('error')).length).toBeGreaterThan(1);
    expect(files.length).toBe(soffice ? 5 : 4);
    for (const f of files.slice(1)) expect(said(f), path.basename(f)).toEqual(expected);
  });
});

describe('xxgk sum --only-clean', { timeout: 300_000 }, () => {
  it('sums the clean reports of every kind: workbook, Word, page, text and PDF; lists a missing file', () => {
    const values = balancedValues('2021', 3);
    const dir = tempDir();
    const files = versions(path.join(dir, 'in'), '2021', fullValues('2021', values), (kind) => `某某县${kind}局`);
    const r = xxgk(['sum', 'in', 'missing.xlsx', '--only-clean', '-o', 'total.xlsx'], dir);
    // Each report counted; the one file that is not there listed with why, not as "empty".
    expect(r.stderr.trim().split('\n')).toEqual(['未计入：missing.xlsx（无法读取：无法读取「missing.xlsx」：不存在）']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已汇总 ${files.length} 份报告`);
    const total = readReportsFrom(new Uint8Array(fs.readFileSync(path.join(dir, 'total.xlsx'))), 'total.xlsx')[0];
    expect(Number(total.cells['T3:R1:total'].raw)).toBe(files.length * (values['T3:R1:total'] as number));
  });
});
