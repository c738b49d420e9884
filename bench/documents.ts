/**
 * Word and PDF reports: reading one (bytes → its reports: kind, text, tables rebuilt, located) and
 * checking one, each as a ratio against only extracting its raw text with the same libraries in
 * the same run: fflate + saxes for .docx (word/document.xml's text), pdfjs-dist's getTextContent
 * for PDF (every page's text items). The documents are the 2021-format report written by the
 * tests' generators; the PDF is printed from the .docx by LibreOffice where it is installed (as
 * departments export theirs), else written directly with a non-embedded Chinese font.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { checkInput } from '../core/checkfile';
import { readInput, reportsOf } from '../core/read/input';
import { pdfjs } from '../core/read/pdf';
import { pdfResources } from '../core/read/pdf-resources';
import '../core/node/read'; // pdfjs-dist's CMaps for PDFs whose fonts are not embedded
import { reportDocx } from '../test/helpers/docx';
import { reportPdfCid } from '../test/helpers/pdf-writer';
import { printToPdf, soffice } from '../test/helpers/pdf';
import { fullValues } from '../test/helpers/published';
import { balancedValues } from '../test/helpers/synthetic';

export interface DocumentBench {
  kind: 'docx' | 'pdf';
  source: string;
  bytes: number;
  rawTextMs: number;
  readMs: number;
  checkMs: number;
  readRatio: number;
  checkRatio: number;
}

function docxText(data: Uint8Array): number {
  const xml = unzipSync(data, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  let n = 0;
  const p = new SaxesParser();
  p.on('text', (t) => (n += t.length));
  p.write(new TextDecoder('utf-8').decode(xml)).close();
  return n;
}

async function pdfText(data: Uint8Array): Promise<number> {
  const { getDocument } = await pdfjs();
  const r = pdfResources();
  // The same options as the reader (core/read/pdf.ts): without the CMaps a CID font gives no text at all.
  const doc = await getDocument({
    data: data.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    ...(r ? { cMapUrl: r.cMapUrl, cMapPacked: true, standardFontDataUrl: r.standardFontDataUrl } : {}),
    verbosity: 0,
  }).promise;
  let n = 0;
  for (let k = 1; k <= doc.numPages; k++) {
    const page = await doc.getPage(k);
    for (const it of (await page.getTextContent()).items) if ('str' in it) n += it.str.length;
    page.cleanup();
  }
  await doc.destroy();
  return n;
}

/**
 * Milliseconds per call of each function: the best of `rounds` rounds of `reps` calls, after a
 * warm-up, the functions taking turns within each round so that a busy machine slows all alike.
 */
async function bestOf(fns: (() => unknown)[], reps: number, rounds = 7): Promise<number[]> {
  for (const fn of fns) for (let i = 0; i < 2; i++) await fn();
  const min = fns.map(() => Infinity);
  for (let r = 0; r < rounds; r++)
    for (const [k, fn] of fns.entries()) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) await fn();
      min[k] = Math.min(min[k], Number(process.hrtime.bigint() - t0) / 1e6 / reps);
    }
  return min;
}

function printedPdf(docx: Uint8Array): Uint8Array | null {
  if (!soffice) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-bench-'));
  try {
    writeFileSync(path.join(dir, 'report.docx'), docx);
    return new Uint8Array(readFileSync(printToPdf([path.join(dir, 'report.docx')], dir)[0]));
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDocuments(reps = Number(process.env.BENCH_DOC_REPS ?? 10)): Promise<DocumentBench[]> {
  const values = fullValues('2021', balancedValues('2021'));
  const opts = { year: 2023, agency: '某某县财政局', labelWidth: 600 };
  const docx = reportDocx('2021', values, opts);
  const printed = printedPdf(reportDocx('2021', values, { ...opts, footer: true }));
  const docs = [
    { kind: 'docx' as const, source: 'Word, written by the tests', data: docx, raw: () => docxText(docx) },
    printed ? { kind: 'pdf' as const, source: 'printed from Word by LibreOffice', data: printed, raw: () => pdfText(printed) } : null,
    (() => {
      const data = reportPdfCid('2021', values, opts);
      return { kind: 'pdf' as const, source: 'written, Chinese font not embedded (STSong-Light)', data, raw: () => pdfText(data) };
    })(),
  ].filter((d) => d !== null);
  const out: DocumentBench[] = [];
  for (const d of docs) {
    const name = `report.${d.kind}`;
    const [rawTextMs, readMs, checkMs] = await bestOf(
      [d.raw, async () => reportsOf(await readInput(d.data, name), name), () => checkInput(d.data, name)],
      reps,
    );
    out.push({
      kind: d.kind,
      source: d.source,
      bytes: d.data.length,
      rawTextMs,
      readMs,
      checkMs,
      readRatio: readMs / rawTextMs,
      checkRatio: checkMs / rawTextMs,
    });
  }
  return out;
}
