/**
 * The pane's reading worker: a picked file's bytes read and checked by core's one check
 * (core/check/file.ts) off the page's thread, so that a large workbook, a long text or a hostile
 * PDF never freezes the pane, and a file that takes too long is stopped by ending the worker
 * (read-off-page.ts). What was read goes back as plain data (plain-book.ts). Its messages say
 * `xxgk`: pdf.js's worker code, loaded here to read a PDF on this thread, takes this worker for its
 * own and says "ready" to the page in its own words, which the page leaves aside.
 */
import { checkFileRead } from '../core/check/file';
import { setPdfResources, type PdfResources } from '../core/read/pdf-resources';
import type { Lang } from '../core/model/findings';
import { plainBook } from './plain-book';

export interface ReadJob {
  name: string;
  bytes: Uint8Array;
  lang: Lang;
  pdf: PdfResources | null;
}

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<ReadJob>) => void) | null };

scope.onmessage = async (e) => {
  if (!e.data || typeof e.data !== 'object' || !('bytes' in e.data)) return;
  const { name, bytes, lang, pdf } = e.data;
  if (pdf) setPdfResources({ ...pdf, workerFetch: true });
  try {
    const t0 = performance.now();
    const { result, book, located } = await checkFileRead({ name, bytes }, { lang });
    scope.postMessage({ xxgk: 'read', result, book: book && plainBook(book), located, ms: performance.now() - t0 });
  } catch (err) {
    // checkFileRead answers an unreadable file itself; what reaches here is the pane's own fault.
    scope.postMessage({ xxgk: 'failed', failed: err instanceof Error ? err.message : String(err) });
  }
};
scope.postMessage({ xxgk: 'ready' });
