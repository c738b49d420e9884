/**
 * One way in for every input: bytes → the kind (core/read/kinds.ts) → its reader → the same Book
 * of grids plus the report's text lines (title, sections 一、五、六) for the text.* rules. Every
 * command and the task pane read files through readInput; readInputSync serves the kinds that read
 * without waiting (all but PDF, whose library works asynchronously and is loaded only for a PDF).
 */
import { parseHtml } from '../import/html';
import { parseText } from '../import/text';
import { NeedsLimits, ReadError } from './errors';
import { kindOf, recogniseKind, refusedFormat, type InputKindId } from './kinds';
import type { InputRead } from './located';
import { checkSize, readWorkbook, type ReadOptions } from './xlsx';
import { decodeBytes } from './decode';
import { readDocxBlocks } from './docx';
import { blocksToBook } from './blocks';

export type { InputRead } from './located';

function refuse(data: Uint8Array, kind: InputKindId, name: string): never {
  throw new ReadError(kindOf(kind).refusal!, name, refusedFormat(data, name, kind));
}

function readText(data: Uint8Array, name: string, kind: 'html' | 'text'): InputRead {
  const d = decodeBytes(data);
  const parsed = kind === 'html' ? parseHtml(d.text, name) : parseText(d.text, name);
  return {
    kind,
    book: parsed.book,
    textLines: parsed.textLines,
    ...(d.invalid ? { badBytes: d.invalid } : {}),
    ...(parsed.doubts ? { doubts: parsed.doubts } : {}),
    ...(parsed.cutRow ? { cutRow: parsed.cutRow } : {}),
    ...(parsed.page ? { page: parsed.page } : {}),
  };
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
      if (opts.bounded) throw new NeedsLimits(name);
      const parsed = blocksToBook(readDocxBlocks(data, name, opts.maxUnpackedBytes), name);
      return { kind, book: parsed.book, textLines: parsed.textLines };
    }
    case 'pdf':
      if (opts.bounded) throw new NeedsLimits(name);
      throw new Error('a PDF is read with readInput (asynchronous)');
    default:
      return refuse(data, kind, name);
  }
}

/** Reads any kind; the PDF reader is loaded on the first PDF. Throws ReadError. */
export async function readInput(data: Uint8Array, name: string, opts: ReadOptions = {}): Promise<InputRead> {
  checkSize(data.length, name, opts.maxBytes);
  if (recogniseKind(data, name) !== 'pdf') return readInputSync(data, name, opts);
  // pdf.js, however guarded, is read where a time limit can stop it.
  if (opts.bounded) throw new NeedsLimits(name);
  // Looked over before pdf.js reads it (core/read/pdf-guard.ts): bounded time and memory, in every command and the pane.
  const { readGuardedPdf } = await import('./pdf-guard');
  const parsed = blocksToBook(await readGuardedPdf(data, name), name);
  return { kind: 'pdf', book: parsed.book, textLines: parsed.textLines, ...(parsed.doubts ? { doubts: parsed.doubts } : {}) };
}

export { reportsOf } from './located';
