/**
 * Tables broken across pages in PDFs printed by LibreOffice (issue 18, item 7): wherever the page
 * breaks — before a 第二十条第（X）项 block header, between two rows of 表二, inside 表三 — every value
 * is read in its place and a clean report stays clean.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../core/checkfile';
import { readInput, reportsOf } from '../core/read/input';
import { reportDocx } from './helpers/docx';
import { printToPdf, soffice } from './helpers/pdf';
import { cellIds, fullValues, type Raw } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

const INTRO = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作，不断提升政务公开质量。';
/** Paragraphs before the tables: each moves the page break down 表二 by a line or two (8 to 18 cover all of 表二). */
const LENGTHS = [8, 10, 12, 14, 16, 18];

describe.each(['2019', '2021'] as const)('a report whose tables break across pages, format %s', { timeout: 300_000 }, (format) => {
  const year = format === '2019' ? 2020 : 2023;
  const agency = '某某县财政局';
  const values: Record<string, Raw> = fullValues(format, balancedValues(format));

  it('reads every value in place wherever the page breaks, and finds nothing wrong', async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice（soffice）未安装，跳过 / LibreOffice (soffice) is not installed: skipped');
    const dir = tempDir();
    const files = LENGTHS.map((n) => {
      const file = path.join(dir, `report-${n}.docx`);
      fs.writeFileSync(file, reportDocx(format, values, { year, agency, intro: Array<string>(n).fill(INTRO), footer: true }));
      return file;
    });
    const pdfs = printToPdf(files, dir);
    for (const [k, file] of pdfs.entries()) {
      const data = new Uint8Array(fs.readFileSync(file));
      const read = await readInput(data, file);
      const [r] = reportsOf(read, file);
      const name = `${LENGTHS[k]} paragraphs`;
      expect(r.tables, name).toEqual(['T2', 'T3', 'T4']);
      for (const id of cellIds(format)) expect(r.cells[id]?.raw, `${name}: ${id}`).toBe(values[id]);
      const res = await checkInput(data, file);
      expect(
        res.reports[0].findings.filter((f) => f.severity !== 'notice').map((f) => `${f.rule} ${f.message}`),
        name,
      ).toEqual([]);
    }
  });
});
