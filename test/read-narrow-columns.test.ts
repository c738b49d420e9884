/**
 * Issue 18, item 8: a Word report whose 表三 and 表四 are set to the page's width, as Word and WPS
 * do, converted to PDF by LibreOffice and its text printed by `pdftotext -layout`. The columns are
 * narrow: header words are cut over lines (自然 / 人), labels wrap, and figures of 4 and 5 digits
 * and their 6- and 7-digit totals wrap inside their cells (145424 printed as 1454 over 24), while
 * pdftotext's places drift between parts of the table. The text reads as the PDF does: every
 * figure the same, clean reports clean, a planted error found with the same suspect.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect, it } from 'vitest';
import { checkInput } from '../core/checkfile';
import type { FileResult } from '../core/model/findings';
import { readInput, reportsOf } from '../core/read/input';
import { reportDocx } from './helpers/docx';
import { printToPdf } from './helpers/pdf';
import { cellIds, fullValues, type Raw } from './helpers/published';
import { longFigures } from './helpers/synthetic';
import { describeWith } from './helpers/system';
import { tempDir } from './helpers/temp';

/** What a check says, place and suggestion included, for comparing two readings of one report. */
const said = (r: FileResult) =>
  r.reports.flatMap((rep) =>
    rep.findings
      .filter((f) => f.severity !== 'notice')
      .map(
        (f) => `${f.severity} ${f.rule} ${f.instance} ${f.suspects.map((s) => `${s.table}:${s.row}:${s.column}=${s.suggested}`).join(',')}`,
      ),
  );

/** Label columns this wide (twentieths of a point) and this font size (half-points): 4- and 5-digit columns. */
const WIDTHS = [
  { labels: 1400, size: 21 },
  { labels: 1200, size: 21 },
  { labels: 1000, size: 18 },
];

describeWith(['libreoffice', 'poppler'], 'pdftotext -layout of a Word report with narrow columns', () => {
  it.each(['2019', '2021'] as const)(
    'format %s: read as the PDF, clean reports clean, a planted error found',
    { timeout: 300_000 },
    async (format) => {
      const year = format === '2019' ? 2020 : 2023;
      const agency = '某某县财政局';
      const dir = tempDir();
      const reports: { name: string; values: Record<string, Raw>; labels: number; size: number }[] = [];
      WIDTHS.forEach((w, k) =>
        [1, 2].forEach((seed) =>
          reports.push({ name: `clean-${k}-${seed}`, values: fullValues(format, longFigures(format, seed + k * 2)), ...w }),
        ),
      );
      const wrong = { ...reports[0].values };
      wrong['T3:R3.2:natural'] = (wrong['T3:R3.2:natural'] as number) + 9;
      reports.push({ ...reports[0], name: 'wrong', values: wrong });
      const docs = reports.map((r) => {
        const file = path.join(dir, `${r.name}.docx`);
        fs.writeFileSync(file, reportDocx(format, r.values, { year, agency, pageWidth: { labels: r.labels }, fontSize: r.size }));
        return file;
      });
      const pdfs = printToPdf(docs, dir);
      for (const [k, pdf] of pdfs.entries()) {
        const { name, values } = reports[k];
        const txt = pdf.replace(/\.pdf$/, '.txt');
        execFileSync('pdftotext', ['-layout', pdf, txt]);
        const text = new Uint8Array(fs.readFileSync(txt));
        const pdfBytes = new Uint8Array(fs.readFileSync(pdf));
        // The figures wrap inside their cells (in 9 pt type, only the header words): the test is about them.
        if (reports[k].size > 18)
          expect(
            fs
              .readFileSync(txt, 'utf8')
              .split('\n')
              .filter((l) => /^\s+\d+(\s+\d+)*\s*$/.test(l)).length,
            name,
          ).toBeGreaterThan(1);
        const [asText] = reportsOf(await readInput(text, txt), txt);
        const [asPdf] = reportsOf(await readInput(pdfBytes, pdf), pdf);
        expect([asText.format, asText.year, asText.agency, asText.tables], name).toEqual([format, year, agency, ['T2', 'T3', 'T4']]);
        for (const id of cellIds(format)) {
          expect(asText.cells[id]?.raw, `${name}: ${id}`).toBe(values[id]);
          expect(asText.cells[id]?.raw, `${name}: ${id} as the PDF reads it`).toBe(asPdf.cells[id]?.raw);
        }
        const textFindings = said(await checkInput(text, txt));
        expect(textFindings, name).toEqual(said(await checkInput(pdfBytes, pdf)));
        if (name !== 'wrong') expect(textFindings, name).toEqual([]);
        else {
          const errors = textFindings.filter((s) => s.startsWith('error'));
          expect(errors.length, name).toBeGreaterThan(0);
          expect(
            errors.some((s) => s.includes('T3:R3.2:natural=')),
            `${name}: ${errors.join('; ')}`,
          ).toBe(true);
        }
      }
    },
  );
});
