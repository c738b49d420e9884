/**
 * Reading an input file (the only other part of core/ that uses fs, beside files.ts). Loads the
 * workbook reader for its size limits: import it where workbooks are read, not to list files.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import type { Book } from '../read/grid';
import { BOUNDED_BYTES, checkSize, DEFAULT_MAX_BYTES } from '../read/size';
import { NeedsLimits } from '../read/errors';
import type { ReadOptions } from '../read/xlsx';
import { FileError, fileErrorOf, whyNotRegular } from './errors';
import { createRequire } from 'module';
import * as path from 'path';
import { setPdfResources } from '../read/pdf-resources';
import { fsPath } from './raw-paths';

// A PDF read in Node finds the CMaps and standard fonts of its non-embedded fonts in pdfjs-dist's own folder.
const pdfjsDir = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
setPdfResources({
  cMapUrl: path.join(pdfjsDir, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + path.sep,
});

/**
 * The one way a command reads an input file: only a regular file (a symbolic link is followed to
 * one), its size checked against the same limits as `xxgk check` before a byte is read, and never
 * more than that limit read even when the file grows or lies about its size. Throws FileError (not
 * found, not a regular file: a device, a pipe, a folder) or ReadError (empty, too large).
 */
export function readInputFile(file: string, opts: { maxBytes?: number; bounded?: boolean } = {}): Uint8Array {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let fd: number;
  try {
    // Refused before opening: opening a pipe would wait for a writer, a device may never end.
    // A name that is not UTF-8 is opened by its own bytes (core/node/raw-paths.ts).
    const at = fsPath(file);
    const why = whyNotRegular(statSync(at));
    if (why) throw new FileError('not_regular', file, why);
    // O_NONBLOCK: a pipe swapped in after the check cannot make open() wait.
    fd = openSync(at, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw e instanceof FileError ? e : fileErrorOf(e, file);
  }
  try {
    const st = fstatSync(fd);
    const why = whyNotRegular(st);
    if (why) throw new FileError('not_regular', file, why);
    if (st.size > max) checkSize(st.size, file, max);
    // Read without limits only when small (core/read/size.ts): a larger file is read where the limits are.
    if (opts.bounded && st.size > BOUNDED_BYTES) throw new NeedsLimits(file);
    // The bytes in an array of their own (readers may use its .buffer whole), read to the size
    // stat gave; one byte more shows a file that grew: it is read on, never past the limit.
    let buf = new Uint8Array(st.size);
    let n = readInto(fd, buf, 0);
    const probe = new Uint8Array(1);
    if (n === buf.length && readSync(fd, probe, 0, 1, null) === 1) {
      let grown = new Uint8Array(Math.min(Math.max(n * 2, 1 << 16), max + 1));
      grown.set(buf);
      grown[n++] = probe[0];
      for (;;) {
        n = readInto(fd, grown, n);
        if (n > max) checkSize(n, file, max);
        if (n < grown.length) break;
        const bigger = new Uint8Array(Math.min(grown.length * 2, max + 1));
        bigger.set(grown);
        grown = bigger;
      }
      buf = grown;
    }
    checkSize(n, file, max);
    if (opts.bounded && n > BOUNDED_BYTES) throw new NeedsLimits(file);
    return n === buf.length ? buf : buf.slice(0, n);
  } catch (e) {
    if (e instanceof Error && (e.name === 'ReadError' || e instanceof FileError || e instanceof NeedsLimits)) throw e;
    throw fileErrorOf(e, file);
  } finally {
    closeSync(fd);
  }
}

/** Reads into `buf` from `at` until it is full or the file ends; the bytes now in it. */
function readInto(fd: number, buf: Uint8Array, at: number): number {
  while (at < buf.length) {
    const got = readSync(fd, buf, at, buf.length - at, null);
    if (!got) break;
    at += got;
  }
  return at;
}

/** Read a workbook file into a Book, through readInputFile. Throws ReadError or FileError. */
export async function readBookFile(file: string, opts: ReadOptions = {}): Promise<Book> {
  // The workbook library is loaded only here: reading a list or a rule file (check's main process) needs none of it.
  const { readWorkbook } = await import('../read/xlsx');
  return readWorkbook(readInputFile(file, { maxBytes: opts.maxBytes }), file, opts);
}
