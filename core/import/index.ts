/**
 * Published reports in: a text or an HTML page → ReportData with its text lines (sections 一、五、六
 * and the title) attached for the text.* rules. The locator (core/read/locate/) finds the tables.
 */
import type { Book } from '../read/grid';
import { locateReports } from '../read/locate';
import { publishedKind } from '../read/kinds';
import type { ReportData } from '../model/report';
import type { TextLine } from './common';
import { parseHtml } from './html';
import { parseText, type ParsedText } from './text';
import { withPage } from '../read/located';
import { textOfReports } from './split';

export { textToBook, parseText, splitCells } from './text';
export { htmlToBook, parseHtml, decodeEntities } from './html';
export type { TextLine } from './common';

function withText(p: ParsedText): ReportData[] {
  const reports = locateReports(p.book);
  const own = textOfReports(reports, p.textLines);
  return reports.map((r, i) => {
    const out = { ...r, textLines: own[i] };
    return p.page ? withPage(out, p.page) : out;
  });
}

export function importText(text: string, name: string): ReportData[] {
  return withText(parseText(text, name));
}

export function importHtml(html: string, name: string): ReportData[] {
  return withText(parseHtml(html, name));
}

/** Whether a published report should be read as HTML: the input registry decides (core/read/kinds.ts). */
export const looksLikeHtml = (data: string, name: string): boolean => publishedKind(data, name) === 'html';

/** A published report (.txt or .html, or content that looks like either) → its reports with their text. */
export function readPublished(data: string, name: string): ReportData[] {
  return looksLikeHtml(data, name) ? importHtml(data, name) : importText(data, name);
}

/** The Book of a published report (what `check` hands the locator), with its text lines. */
export function publishedBook(data: string, name: string): { book: Book; textLines: TextLine[] } {
  return looksLikeHtml(data, name) ? parseHtml(data, name) : parseText(data, name);
}
