/**
 * Issue 12, "Done when", in the task pane's file mode (dist/taskpane.html in Chromium): the file
 * picker offers exactly the input registry's report kinds, and a Word report and a PDF report
 * (its Chinese font not embedded: the pane fetches pdfjs's CMaps bundled beside its scripts) give
 * the findings of the same report as a workbook.
 */
import { describe, expect, it } from 'vitest';
import { act, pageErrors } from './browser/harness';
import { paneSuite } from './browser/suite';
import { checkInput } from '../core/checkfile';
import { REPORT_EXTENSIONS } from '../core/read/kinds';
import { reportDocx } from './helpers/docx';
import { reportPdfCid } from './helpers/pdf-writer';
import { fullValues, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { bookBytes, reportSheets } from './helpers/workbooks';

const pane = paneSuite();

/** What the pane shows for one file: each finding's rule and severity (refs differ between kinds). */
async function paneFindings(name: string, data: Uint8Array, mimeType: string) {
  const page = await pane.open({ width: 1200 });
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  const accept = await page.getAttribute('[data-testid=file-input]', 'accept');
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType, buffer: Buffer.from(data) });
  await page.waitForSelector('[data-testid=workspace]', { timeout: 60_000 });
  await act(page, '[data-testid=check]');
  await page.waitForSelector('[data-testid=results]');
  const said = await page.$$eval('[data-testid=finding]', (els) =>
    els.map((e) => `${e.getAttribute('data-severity')} ${e.getAttribute('data-rule')}`),
  );
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
  return { said: said.sort(), accept, cmaps: fetched.filter((u) => u.includes('/js/pdfjs/cmaps/')).map((u) => u.split('/').pop()) };
}

describe.each(['2019', '2021'] as const)('the pane reads Word and PDF reports, format %s', { timeout: 300_000 }, (format) => {
  const year = format === '2019' ? 2020 : 2023;
  const agency = '某某县财政局';
  const wrong: Record<string, Raw> = fullValues(format, balancedValues(format, 5));
  wrong['T3:R1:natural'] = (wrong['T3:R1:natural'] as number) + 5;
  wrong['T4:R1:review.total'] = (wrong['T4:R1:review.total'] as number) + 1;

  it("gives a .docx and a .pdf the workbook's findings; the picker offers the registry's kinds", async () => {
    const workbook = new Uint8Array(bookBytes(reportSheets({ format, year, agency, values: wrong }).sheets));
    const expected = (await checkInput(workbook, 'wb.xlsx')).reports
      .flatMap((r) => r.findings.map((f) => `${f.severity} ${f.rule}`))
      .sort();
    expect(expected.filter((s) => s.startsWith('error')).length).toBeGreaterThan(1);
    const docx = await paneFindings(
      'report.docx',
      reportDocx(format, wrong, { year, agency, labelWidth: 600 }),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.accept).toBe(REPORT_EXTENSIONS.join(','));
    expect(docx.said).toEqual(expected);
    const pdf = await paneFindings('report.pdf', reportPdfCid(format, wrong, { year, agency }), 'application/pdf');
    expect(pdf.said).toEqual(expected);
    expect(pdf.cmaps).toContain('UniGB-UCS2-H.bcmap');
  });
});
