/**
 * What a reader hands the checker: plain values with their addresses. Readers (workbooks, text,
 * HTML, Office.js) produce this; the checker never sees a host object.
 */

/** A value cell as found in its source. */
export interface CellRead {
  /** Where it is: "2024年报!D8" for workbooks, "line 12" for text imports. */
  ref: string;
  /** The stored value: a number, the text as written, a boolean, or null when the cell is empty. */
  raw: string | number | boolean | null;
  /** The formula without its leading "=", when the cell holds one (raw is then its cached value). */
  formula?: string;
  /** Why the reader is not sure of the value (a PDF figure drawn across a cell border…): said as a warning, cell.uncertain. */
  doubt?: ReadNote;
  /** A number's digits as the file writes them, when the number `raw` rounds them (an integer past 2^53). */
  exact?: string;
}

/**
 * A note on how a report was read (a loose label, a row found by position, the format): a key of
 * the message catalogue's locate section with its parameters, put in words in the reader's
 * language where it is shown (core/read/notes.ts noteText).
 */
export interface ReadNote {
  key: string;
  params: Record<string, string | number | (string | number)[]>;
}

export interface ReportData {
  /** Form key (docs/formats.md), e.g. "2021". */
  format: string;
  /** Layout variants the report prints (e.g. "old_rows": 2019-style （六） in a 2021 report). */
  variants?: string[];
  year: number | null;
  /** Present when no title or sheet name gives the year and it is the workbook's name's: ground for notes and warnings only. */
  yearFrom?: 'file_name';
  agency: string | null;
  sheet: string | null;
  /** Where on its sheet the report is ("A1:P60"), when the sheet holds several reports. */
  area?: string;
  /** Value cells by id TABLE:ROW:COLUMN. A cell of the layout that the report prints but leaves empty is present with raw null. */
  cells: Record<string, CellRead>;
  /** How the report was recognised: loose label matches, detection of format, missing tables. */
  notes: ReadNote[];
  /** Tables the reader found (a missing table is reported, and its rules are not applied). */
  tables: string[];
  /** The report's free text, one entry per line with its ref ("line 3"), for text.* rules (published reports). */
  textLines?: { ref: string; text: string }[];
  /** A saved web page's title (<title>, else its <h1>) and where it is: an evaluator may place a report by it. */
  title?: { text: string; ref: string };
  /** The date a saved web page says it was published (发布日期, a PubDate meta tag), yyyy-mm-dd, and where. */
  published?: { date: string; ref: string };
}
