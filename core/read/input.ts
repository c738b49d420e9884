/**
 * One way in for every input: bytes → the kind (core/read/kinds.ts) → its reader → the same Book
 * of grids plus the report's text lines (title, sections 一、五、六) for the text.* rules. Every
 * command and the task pane read files through readInput; readInputSync serves the kinds that read
 * without waiting (all but PDF, whose library works asynchronously and is loaded only for a PDF).
 */
import type { ReportData } from '../model/report';
import type { TextLine } from '../import/common';
import { parseHtml } from '../import/html';
import { parseText } from '../import/text';
import type { Book } from './grid';
import { ReadError } from './errors';
import { kindOf, recogniseKind, refusedFormat, type InputKindId } from './kinds';
import { locateReports } from './locate';
import { checkSize, readWorkbook, type ReadOptions } from './xlsx';
import { decodeBytes } from './decode';
import { readDocxBlocks } from './docx';
import { blocksToBook } from './blocks';
import { textOfReports } from '../import/split';

export interface InputRead {
  kind: InputKindId;
  book: Book;
  /** Free text of a published report (null for workbooks: their text is not read). */
  textLines: TextLine[] | null;
  /** Bytes of a text that decoded to U+FFFD (an encoding problem when no table is found). */
  badBytes?: number;
}

function refuse(data: Uint8Array, kind: InputKindId, name: string): never {
  throw new ReadError(kindOf(kind).refusal!, name, refusedFormat(data, name, kind));
}

function readText(data: Uint8Array, name: string, kind: 'html' | 'text'): InputRead {
  const d = decodeBytes(data);
  const parsed = kind === 'html' ? parseHtml(d.text, name) : parseText(d.text, name);
  return { kind, book: parsed.book, textLines: parsed.textLines, ...(d.invalid ? { badBytes: d.invalid } : {}) };
}

/** Reads any kind but PDF at once. Throws ReadError (refused kinds with their own message). */
export function readInputSync(data: Uint8Array, name: string, opts: ReadOptions = {}): InputRead {
  checkSize(data.length, name, opts.maxBytes);
  const kind = recogniseKind(data, name);
  switch (kind) {
    case 'workbook':
      return { kind, book: readWorkbook(data, name, opts), textLines: null };
    case 'html':
    case 'text':
      return readText(data, name, kind);
    case 'docx': {
      const parsed = blocksToBook(readDocxBlocks(data, name, opts.maxUnpackedBytes), name);
      return { kind, book: parsed.book, textLines: parsed.textLines };
    }
    case 'pdf':
      throw new Error('a PDF is read with readInput (asynchronous)');
    default:
      return refuse(data, kind, name);
  }
}

/** Reads any kind; the PDF reader is loaded on the first PDF. Throws ReadError. */
export async function readInput(data: Uint8Array, name: string, opts: ReadOptions = {}): Promise<InputRead> {
  checkSize(data.length, name, opts.maxBytes);
  if (recogniseKind(data, name) !== 'pdf') return readInputSync(data, name, opts);
  // Looked over before pdf.js reads it (core/read/pdf-guard.ts): bounded time and memory, in every command and the pane.
  const { readGuardedPdf } = await import('./pdf-guard');
  const parsed = blocksToBook(await readGuardedPdf(data, name), name);
  return { kind: 'pdf', book: parsed.book, textLines: parsed.textLines };
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
  if (read.textLines) {
    const own = textOfReports(reports, read.textLines);
    reports.forEach((r, i) => (r.textLines = own[i]));
  }
  return reports;
}
