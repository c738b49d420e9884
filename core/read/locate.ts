/**
 * Finds the report tables in a Book, wherever they sit, and reads every value cell of the layout
 * with its address. Everything it knows about the tables comes from the form data (core/forms):
 * row labels, column header paths, signature words. Rows are matched by label in order (a
 * weighted sequence alignment, so a row with an odd label is still found by its neighbours),
 * columns by header cells (merges tell 表四's groups apart), both with a positional fallback.
 * Values are passed on raw: the checker interprets them.
 *
 * This file is the locator's front door; its parts are in ./locate/:
 *   scan.ts     a sheet scanned once: text cells, rows, labels, merges
 *   align.ts    the weighted sequence alignment
 *   match.ts    label matching: rows, header cells, which table a row can belong to
 *   tables.ts   placing one table (its rows), columns.ts its columns
 *   format.ts   which format; title.ts the year and agency; tag.ts a generated template's tag
 *   reports.ts  every report in a book
 * and ./cache.ts is the one bounded cache they all use, ./notes.ts the notes they write.
 */
export { locateReports } from './locate/reports';
export { parseTitle } from './locate/title';
export { registerSparse } from './locate/scan';
export { TAG_SHEET, TAG_MAGIC } from './locate/tag';
