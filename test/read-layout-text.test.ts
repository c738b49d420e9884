/**
 * A report as `pdftotext -layout` prints it (issue 18, item 8): the web page printed to PDF by
 * LibreOffice, then its text laid out by poppler's pdftotext, read with the same result as the
 * PDF — labels wrapped over lines around their figures, group labels cutting through rows, page
 * breaks — and a planted error found at the same cell with the same suggestion.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkData, checkInput } from '../core/checkfile';
import type { FileResult } from '../core/model/findings';
import { readReportsFrom } from '../core/checkfile';
import { printToPdf, soffice } from './helpers/pdf';
import { cellIds, fullValues, publishedHtml, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

const pdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

/** The test page made printable, as test/read-pdf.test.ts prints it. */
const printablePage = (html: string) =>
  html
    .replace(/<script>[\s\S]*?<\/script>/, '')
    .replace(/<!--[\s\S]*?-->/, '')
    .replace('<table width="100%"><tr><td>', '<p>&nbsp;</p>')
    .replace('</td></tr></table></BODY>', '</BODY>')
    .replace(/<h1 class=title>([\s\S]*?)<\/h1>/, '<p>$1</p>')
    .replace(/<TABLE border=1/g, '<TABLE width="100%" border=1');

/** What a check says, place and suggestion included, for comparing two readings of one report. */
const said = (r: FileResult) =>
  r.reports.flatMap((rep) =>
    rep.findings
      .filter((f) => f.rule !== 'cell.text_number')
      .map(
        (f) => `${f.severity} ${f.rule} ${f.instance} ${f.suspects.map((s) => `${s.table}:${s.row}:${s.column}=${s.suggested}`).join(',')}`,
      ),
  );

describe.each(['2019', '2021'] as const)('pdftotext -layout of a printed report, format %s', { timeout: 300_000 }, (format) => {
  const year = format === '2019' ? 2020 : 2023;
  const agency = '某某县财政局';

  it('reads every value the PDF holds, clean reports clean, a planted error found as in the PDF', async (ctx) => {
    if (!soffice || !pdftotext)
      return ctx.skip('LibreOffice 或 pdftotext 未安装，跳过 / LibreOffice or pdftotext is not installed: skipped');
    const dir = tempDir();
    const reports: { name: string; values: Record<string, Raw> }[] = [1, 2, 3].map((seed) => ({
      name: `clean-${seed}`,
      values: fullValues(format, balancedValues(format, seed)),
    }));
    const wrong = { ...reports[0].values };
    wrong['T3:R3.2:natural'] = (wrong['T3:R3.2:natural'] as number) + 9;
    reports.push({ name: 'wrong', values: wrong });
    const pages = reports.map((r) => {
      const file = path.join(dir, `${r.name}.html`);
      fs.writeFileSync(file, printablePage(publishedHtml(format, r.values, { year, agency })));
      return file;
    });
    const pdfs = printToPdf(pages, dir);
    for (const [k, pdf] of pdfs.entries()) {
      const { name, values } = reports[k];
      const txt = pdf.replace(/\.pdf$/, '.txt');
      execFileSync('pdftotext', ['-layout', pdf, txt]);
      const data = new Uint8Array(fs.readFileSync(txt));
      const [r] = readReportsFrom(data, txt);
      expect([r.format, r.year, r.agency, r.tables], name).toEqual([format, year, agency, ['T2', 'T3', 'T4']]);
      for (const id of cellIds(format)) expect(r.cells[id]?.raw, `${name}: ${id}`).toBe(values[id]);
      const asText = checkData(data, txt);
      const asPdf = await checkInput(new Uint8Array(fs.readFileSync(pdf)), pdf);
      expect(said(asText), name).toEqual(said(asPdf));
      if (name === 'wrong') expect(said(asText).filter((s) => s.startsWith('error')).length, name).toBeGreaterThan(0);
      else expect(said(asText), name).toEqual([]);
    }
  });
});
