/**
 * What was read, whatever the kind, → its reports: the tables located in the Book, each report
 * given its own text lines. Free of the readers (core/read/input.ts): a host's cells (the task
 * pane in Excel or WPS) are located and checked without loading them.
 */
import type { ReadNote, ReportData } from '../model/report';
import type { TextLine } from '../import/common';
import type { Book } from './grid';
import type { InputKindId } from './kinds';
import { ReadError } from './errors';
import { locateReports } from './locate';
import { textOfReports } from '../import/split';
import type { PageFacts } from '../import/page-facts';

export interface InputRead {
  kind: InputKindId;
  book: Book;
  /** Free text of a published report (null for workbooks: their text is not read). */
  textLines: TextLine[] | null;
  /** Bytes of a text that decoded to U+FFFD (an encoding problem when no table is found). */
  badBytes?: number;
  /** Cells whose reading is uncertain, by ref (a PDF figure across a cell border, core/read/pdf-glyphs.ts); each becomes cell.uncertain. */
  doubts?: Record<string, ReadNote>;
  /** The last row of a text cut off inside its tables (a stored copy): its empty cells are missing, not blank. */
  cutRow?: string;
  /** What a saved page says about itself (core/import/page-facts.ts): given to each of its reports. */
  page?: PageFacts;
}

/** The reports of what was read, each with its text lines. Throws ReadError: no_tables, or encoding when undecodable bytes are the cause. */
export function reportsOf(read: InputRead, name: string): ReportData[] {
  let reports: ReportData[];
  try {
    reports = locateReports(read.book);
  } catch (e) {
    if (e instanceof ReadError && (e.code === 'no_tables' || e.code === 'empty') && read.badBytes)
      throw new ReadError('encoding', name, String(read.badBytes), { cause: e });
    // A Word document or PDF without the tables is some other document (a cover letter, a notice).
    if (e instanceof ReadError && (e.code === 'no_tables' || e.code === 'empty') && (read.kind === 'docx' || read.kind === 'pdf'))
      throw new ReadError(read.kind, name, '', { cause: e });
    // A page or text with sentences but no table is not empty: its tables are missing (a copy that ends before them).
    if (e instanceof ReadError && e.code === 'empty' && read.textLines?.some((l) => l.text.trim()))
      throw new ReadError('no_tables', name, '', { cause: e });
    throw e;
  }
  // A doubt goes with the cell read from that place (a line of the page the document became).
  if (read.doubts)
    for (const r of reports)
      for (const c of Object.values(r.cells)) {
        // A text's row shares one line: its doubts name the figure too (core/import/narrow-columns.ts).
        const doubt = read.doubts[c.ref] ?? read.doubts[`${c.ref}=${String(c.raw ?? '')}`];
        if (doubt) c.doubt = doubt;
      }
  if (read.cutRow)
    for (const r of reports)
      for (const [id, c] of Object.entries(r.cells)) if (c.ref === read.cutRow && (c.raw === null || c.raw === '')) delete r.cells[id];
  if (read.textLines) {
    const own = textOfReports(reports, read.textLines);
    reports.forEach((r, i) => (r.textLines = own[i]));
  }
  if (read.page) for (const r of reports) withPage(r, read.page);
  return reports;
}

/** A page's title and date given to a report read from it. */
export function withPage(r: ReportData, page: PageFacts): ReportData {
  if (page.title) r.title = page.title;
  if (page.published) r.published = page.published;
  return r;
}
