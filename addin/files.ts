/**
 * The file route (outside Excel, WPS users, evaluators): files picked or dropped are read in the
 * browser, checked, and summed up in a bulk table.
 */
import type { Book } from '../core/read/grid';
import type { FileResult, Lang, ReportResult } from '../core/model/findings';
import type { Batch } from '../core/batch/analyse';
import type { ReportData } from '../core/model/report';
import { loadChecker } from './core-api';
import { noteCheckTime } from './pane';
import { checkOffPage } from './read-off-page';
import { MemoryWorkbook } from './host-memory';
import { extensionOf, REPORT_EXTENSIONS } from '../core/read/kinds';
import { pdfResources, setPdfResources } from '../core/read/pdf-resources';
import { checkSize } from '../core/read/size';

export interface FileEntry {
  name: string;
  status: 'checked' | 'unreadable';
  error: { code: string; message: string } | null;
  book: Book | null;
  located: ReportData[];
  reports: ReportResult[];
  ms: number;
  /** The file's own modification time (File.lastModified), to keep the newer of two files of one department. */
  mtime?: number | null;
}

/** A PDF whose fonts are not embedded needs pdfjs's CMaps: the copies bundled beside the scripts (webpack.config.ts). */
function bundledPdfResources(): void {
  if (pdfResources() || typeof document === 'undefined') return;
  const at = (p: string) => new URL(p, document.baseURI).href;
  setPdfResources({ cMapUrl: at('js/pdfjs/cmaps/'), standardFontDataUrl: at('js/pdfjs/standard_fonts/') });
}

/** A file the user picked: read only when its turn comes, and only when its size is within the limit. */
export interface PickedFile {
  name: string;
  size: number;
  mtime: number | null;
  read: () => Promise<Uint8Array>;
}

export const pickedFile = (f: File): PickedFile => ({
  name: f.webkitRelativePath || f.name,
  size: f.size,
  mtime: f.lastModified || null,
  read: async () => new Uint8Array(await f.arrayBuffer()),
});

/**
 * A file checked by core's one check (core/check/file.ts), as the command line checks it: the
 * pane only reads the bytes and keeps what was read, to open the file and export from it.
 */
export async function checkFile(
  name: string,
  source: Uint8Array | PickedFile,
  lang: Lang,
  mtime: number | null = null,
): Promise<FileEntry> {
  let data: Uint8Array;
  try {
    // A picked file is refused by its size before a byte of it is read, as the command line does.
    if (!(source instanceof Uint8Array)) checkSize(source.size, name);
    data = source instanceof Uint8Array ? source : await source.read();
  } catch (e) {
    const { status, error } = (await loadChecker()).unreadable(e, name, lang);
    return { name, status, error, book: null, located: [], reports: [], ms: 0, mtime };
  }
  bundledPdfResources();
  // Off the page's thread, within check's time (read-off-page.ts); on the page where no worker runs.
  const t0 = now();
  const { result, book, located, ms } = (await checkOffPage(name, data, lang)) ?? {
    ...(await (await loadChecker()).checkFileRead({ name, bytes: data }, { lang })),
    ms: now() - t0,
  };
  noteCheckTime(ms);
  return { name, status: result.status, error: result.error, book, located, reports: result.reports, ms, mtime };
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Picked files checked one at a time: only one is in memory as bytes at once. */
export async function checkFiles(files: PickedFile[], lang: Lang, progress?: (done: number) => void): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  for (const f of files) {
    out.push(await checkFile(f.name, f, lang, f.mtime));
    progress?.(out.length);
    await new Promise((r) => setTimeout(r, 0)); // keep the page responsive
  }
  return out;
}

/** A book read from a file as an in-memory workbook (values, formulas, merges), to work on in the pane. */
export function bookToMemory(book: Book): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  for (const g of book.grids) {
    const s = wb.addSheet(g.name);
    for (let r = 0; r < g.rows; r++)
      for (let c = 0; c < g.cols; c++) {
        const cell = g.cell(r, c);
        if (cell && (cell.raw !== null || cell.formula)) wb.set(g.name, r, c, { value: cell.raw, formula: cell.formula ?? null });
      }
    s.merges = g.merges.map((m) => ({ ...m }));
  }
  return wb;
}

/** Triggers a browser download of bytes. */
export function download(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file picker's accept list: the report kinds of the input registry. */
export const PICKER_ACCEPT = REPORT_EXTENSIONS.join(',');
/** A file in a dropped folder that is read (the others are not reports). */
export const isReportFileName = (name: string) => REPORT_EXTENSIONS.includes(extensionOf(name));

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The batch's verdicts over checked files (core/batch): the same as `xxgk check DIR` gives. */
export async function judgeFiles(
  entries: FileEntry[],
  lang: Lang,
  opts: { year?: number | null; agencies?: readonly string[] | null } = {},
): Promise<Batch> {
  const { analyseBatch } = await import(/* webpackChunkName: "batch" */ '../core/batch/analyse');
  const results: FileResult[] = entries.map((e) => ({
    path: e.name,
    status: e.status,
    error: e.error,
    // Copies: the batch adds its findings, and judging twice must not add them twice.
    reports: e.reports.map((r) => ({ ...r, findings: [...r.findings] })),
  }));
  return analyseBatch(
    results.map((result, i) => ({ result, mtime: entries[i].mtime ?? null })),
    { lang, year: opts.year ?? null, agencies: opts.agencies ?? null },
  );
}
