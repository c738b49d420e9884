import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { confront, formOf } from '../core/check';
import { exportCsv, exportJson, exportTables, exportXlsx, ExportRefused, neutralise } from '../core/export';
import { readReports } from '../core/read';
import { a1 } from '../core/read/grid';
import type { ReportData } from '../core/model/report';
import { templateLayout } from '../core/template/layout';
import { cellIds, fullValues } from './helpers/published';
import { balancedValues, syntheticReport } from './helpers/synthetic';

const root = path.join(__dirname, '..');

function report(format: string): ReportData {
  const year = format === '2019' ? 2020 : 2024;
  return { ...syntheticReport(format, fullValues(format, balancedValues(format, 3)), { year }), agency: '某某县财政局' };
}
const withCells = (r: ReportData, cells: Record<string, string | number | null>): ReportData => ({
  ...r,
  cells: { ...r.cells, ...Object.fromEntries(Object.entries(cells).map(([id, raw]) => [id, { ref: 'S!A1', raw }])) },
});

/** RFC 4180 reader (quoted fields with commas, quotes, CR and LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe.each(['2019', '2021'])('format %s', (format) => {
  const r = report(format);

  it('CSV: BOM, one row per cell with table, keys, official labels and value', () => {
    const csv = exportCsv(r);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['表', '表名', '行键', '列键', '行标签', '列标签', '值']);
    expect(rows).toHaveLength(cellIds(format).length + 1);
    const form = formOf(r);
    for (const row of rows.slice(1)) {
      const id = `${row[0]}:${row[2]}:${row[3]}`;
      expect(row[6], id).toBe(String(r.cells[id].raw));
      const spec = [...form.tables]
        .find((t) => t.key === row[0])!
        .blocks.flatMap((b) => b.rows)
        .find((x) => x.key === row[2])!;
      expect(row[4]).toBe(spec.label.join(' '));
    }
    const t3 = rows.find((x) => x[0] === 'T3' && x[2] === 'R3.3.1' && x[3] === 'social')!;
    expect(t3.slice(4, 6)).toEqual(['三、本年度办理结果 （三）不予公开 1.属于国家秘密', '申请人情况/法人或其他组织/社会公益组织']);
    expect(parseCsv(exportCsv(r, 'en').slice(1))[0][0]).toBe('table');
  });

  it('JSON: the tables in the key scheme of docs/formats.md', () => {
    const doc = JSON.parse(exportJson(r));
    expect(Object.keys(doc.tables)).toEqual(['T2', 'T3', 'T4']);
    expect([doc.format, doc.year, doc.agency]).toEqual([format, r.year, '某某县财政局']);
    for (const id of cellIds(format)) {
      const [t, row, col] = id.split(':');
      expect(doc.tables[t][row][col], id).toBe(r.cells[id].raw);
    }
    expect(Object.keys(doc.tables.T4.R1)).toContain('suit_after_review.total');
    const money = format === '2019' ? doc.tables.T2.procurement.amount : doc.tables.T2.fees.amount;
    expect(String(money)).toMatch(/^\d+\.3456$/);
    // Blank stays null, not 0.
    expect(
      exportTables(withCells(r, { [`T2:rules:${format === '2019' ? 'made' : 'issued'}`]: '—' })).tables.T2.rules[
        format === '2019' ? 'made' : 'issued'
      ],
    ).toBeNull();
  });

  it('xlsx: the official layout (merges, labels, values in their places), values only, reads back clean', async () => {
    const data = await exportXlsx(r);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0];
    const layout = templateLayout(formOf(r), { year: r.year, agency: r.agency });
    const merges = (ws.model as unknown as { merges: string[] }).merges.slice().sort();
    const want = layout.cells
      .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
      .map((c) => `${a1(c.r, c.c)}:${a1(c.r + c.rowSpan - 1, c.c + c.colSpan - 1)}`)
      .sort();
    expect(merges).toEqual(want);
    for (const c of layout.cells) {
      const x = ws.getCell(c.r + 1, c.c + 1);
      if (c.cellId) expect(x.value, c.cellId).toBe(r.cells[c.cellId].raw);
      else if (c.text) expect(x.value).toBe(c.text);
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeFalsy();
        expect(cell.dataValidation).toBeFalsy();
        expect(cell.note).toBeFalsy();
      }),
    );
    expect((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
    const back = readReports(data, 'export.xlsx');
    expect(back).toHaveLength(1);
    for (const id of cellIds(format)) expect(back[0].cells[id]?.raw, id).toBe(r.cells[id].raw);
    expect(confront(back[0]).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('every export is refused for a report with error findings unless allowErrors', async () => {
    const bad = withCells(r, { 'T3:R1:natural': (r.cells['T3:R1:natural'].raw as number) + 1 });
    expect(() => exportCsv(bad)).toThrow(ExportRefused);
    expect(() => exportJson(bad)).toThrow(ExportRefused);
    await expect(exportXlsx(bad)).rejects.toThrow(ExportRefused);
    try {
      exportCsv(bad);
    } catch (e) {
      expect((e as ExportRefused).findings.map((f) => f.rule)).toContain('T3.balance');
    }
    expect(exportCsv(bad, 'zh', { allowErrors: true })).toContain('T3,表三,R1,natural');
    expect((await exportXlsx(bad, 'zh', { allowErrors: true })).length).toBeGreaterThan(1000);
  });
});

describe('CSV formula injection', () => {
  it('neutralises fields a spreadsheet would run, keeps plain numbers', () => {
    const r = withCells(report('2019'), {
      'T3:R1:natural': '=1+1',
      'T3:R1:commercial': "+cmd|' /C calc'!A0",
      'T3:R1:research': "-2+3+cmd|' /C calc'!A0",
      'T3:R1:social': '@SUM(A1:A2)',
      'T3:R1:legal': '\t=1',
      'T3:R1:other': '\r=HYPERLINK("http://x")',
      'T3:R1:total': '＝1+1',
      'T2:licensing:change': -3,
    });
    const rows = parseCsv(exportCsv(r, 'zh', { allowErrors: true }).slice(1));
    const v = (row: string, col: string) => rows.find((x) => x[2] === row && x[3] === col)![6];
    expect(v('R1', 'natural')).toBe("'=1+1");
    expect(v('R1', 'commercial')).toBe("'+cmd|' /C calc'!A0");
    expect(v('R1', 'research')).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(v('R1', 'social')).toBe("'@SUM(A1:A2)");
    expect(v('R1', 'legal')).toBe("'\t=1");
    expect(v('R1', 'other')).toBe('\'\r=HYPERLINK("http://x")');
    expect(v('R1', 'total')).toBe("'＝1+1");
    expect(v('licensing', 'change')).toBe('-3');
    for (const row of rows) for (const f of row) expect(f).not.toMatch(/^[=+@\t\r]/);
    expect(neutralise('-0.5')).toBe('-0.5');
    expect(neutralise('-')).toBe("'-");
  });
});

describe('xxgk export', { timeout: 60_000 }, () => {
  const bin = path.join(root, 'bin', 'xxgk.js');
  const xxgk = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
  });

  it('exports the real report from its text to every format', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-export-'));
    for (const to of ['html', 'xlsx', 'csv', 'json']) {
      const out = path.join(dir, `shunhe.${to}`);
      const res = xxgk(['export', path.join(__dirname, '..', 'examples', 'shunhe-2020-report.txt'), '--to', to, '-o', out]);
      expect(res.status, res.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'shunhe.json'), 'utf8')).tables.T2.normative.made).toBe(1);
    expect(readFileSync(path.join(dir, 'shunhe.html'), 'utf8')).toContain('<h1>政务服务和大数据管理局2020年政府信息公开工作年度报告</h1>');
  });

  it('refuses a report with errors (nothing written, status 1) unless --allow-errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-export-'));
    const r = report('2021');
    const bad = withCells(r, { 'T4:R1:review.total': 99 });
    const file = path.join(dir, 'bad.xlsx');
    writeFileSync(file, await exportXlsx(bad, 'zh', { allowErrors: true }));
    const out = path.join(dir, 'bad.html');
    const res = xxgk(['export', file, '--to', 'html', '-o', out]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('未导出');
    // The error by its cell and the form's words, as check names it; never its rule id (T4.total).
    expect(res.stderr).toMatch(/\n {2}- E53… 表四 行政复议：总计 99/);
    expect(res.stderr).not.toContain('T4.total');
    expect(readdirSync(dir)).toEqual(['bad.xlsx']);
    const ok = xxgk(['export', file, '-o', out, '--allow-errors']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('data-cell="T4:R1:review.total">99<');
  });

  it('rejects a bad command line with status 2', () => {
    expect(xxgk(['export']).status).toBe(2);
    expect(xxgk(['export', 'x.xlsx', '--to', 'pdf', '-o', 'x.pdf']).status).toBe(2);
    expect(xxgk(['export', 'x.xlsx', '--to', 'html']).status).toBe(2);
  });
});
