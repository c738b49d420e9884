/**
 * The real saved pages (test/helpers/real-reports.ts) as a department passes them on: saved as a
 * Word document and printed to PDF by LibreOffice (`--convert-to`), and opened in LibreOffice Calc
 * and saved as .xlsx, .xls and .ods (the page pasted into a workbook), then read back through
 * checkFile. Each must read every published figure and make the same findings as its page: no
 * published Word or Excel report was found to gather, so these carry real reports' content and
 * layout (the page's merged cells) through the Word, PDF and workbook readers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFileRead } from '../core/check/file';
import '../core/node/read';
import { printToPdf, soffice } from './helpers/pdf';
import { judge, misreadRows, realFile, REAL, tally } from './helpers/real-reports';
import { tempDir } from './helpers/temp';

// The pages read exactly; one with false findings still listed must make the same ones, and no other.
const pages = REAL.filter((r) => r.kind === 'html' && !r.misread);

describe.skipIf(!soffice)('real saved pages converted by LibreOffice', () => {
  const dir = tempDir('real-converted');
  const made: Record<string, string[]> = {};
  beforeAll(() => {
    const files = pages.map((r) => {
      const to = path.join(dir, r.file);
      fs.copyFileSync(realFile(r)!, to);
      return to;
    });
    made.docx = printToPdf(files, dir, 'docx:MS Word 2007 XML');
    made.pdf = printToPdf(files, dir, 'pdf:writer_web_pdf_Export');
    made.xlsx = printToPdf(files, dir, 'xlsx:Calc MS Excel 2007 XML', 'HTML (StarCalc)');
    made.xls = printToPdf(files, dir, 'xls:MS Excel 97', 'HTML (StarCalc)');
    made.ods = printToPdf(files, dir, 'ods:calc8', 'HTML (StarCalc)');
  }, 600_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A workbook's text cells are not read as the report's prose (readInput gives workbooks no
  // textLines), so the text.* findings a page's prose justifies are not made on its workbook.
  const workbook = (ext: string) => ['xlsx', 'xls', 'ods'].includes(ext);

  describe.each(['docx', 'pdf', 'xlsx', 'xls', 'ods'])('as %s', (ext) => {
    it.each(pages.map((r, i) => [r.file, r, i] as const))(
      '%s: every figure as published, the same findings as the page',
      async (_, r, i) => {
        const file = made[ext][i];
        const { result, located } = await checkFileRead({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }, {});
        const report = located[0];
        expect([report.format, report.year]).toEqual([r.format, r.year]);
        // LibreOffice's web-page PDF export leaves out the page's title block: then no agency is read, never a wrong one.
        expect(ext === 'pdf' ? [r.agency, null] : [r.agency]).toContain(report.agency);
        expect(misreadRows(r.file, report)).toEqual([]);
        const want = workbook(ext) ? { ...r, true: r.true.filter((e) => !e.rule.startsWith('text.')) } : r;
        const found = tally(result.reports.flatMap((x) => x.findings));
        const listedFalse = (r.false ?? []).reduce((n, e) => n + e.count, 0);
        const { falseCount, missing } = judge(want, found);
        expect(missing).toBe(0);
        expect(falseCount).toBeLessThanOrEqual(listedFalse);
        const listed = new Set([...want.true, ...(r.false ?? [])].map((e) => `${e.rule} ${e.severity}`));
        expect([...found.keys()].filter((k) => !listed.has(k))).toEqual([]);
      },
    );
  });
});
