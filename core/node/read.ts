/**
 * Reading an input file (the only other part of core/ that uses fs, beside files.ts). Loads the
 * workbook reader for its size limits: import it where workbooks are read, not to list files.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import type { Book } from '../read/grid';
import { checkSize, DEFAULT_MAX_BYTES, readWorkbook, type ReadOptions } from '../read/xlsx';
import { FileError, fileErrorOf, whyNotRegular } from './errors';

/**
 * The one way a command reads an input file: only a regular file (a symbolic link is followed to
 * one), its size checked against the same limits as `xxgk check` before a byte is read, and never
 * more than that limit read even when the file grows or lies about its size. Throws FileError (not
 * found, not a regular file: a device, a pipe, a folder) or ReadError (empty, too large).
 */
export function readInputFile(file: string, opts: { maxBytes?: number } = {}): Uint8Array {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let fd: number;
  try {
    // Refused before opening: opening a pipe would wait for a writer, a device may never end.
    const why = whyNotRegular(statSync(file));
    if (why) throw new FileError('not_regular', file, why);
    // O_NONBLOCK: a pipe swapped in after the check cannot make open() wait.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw e instanceof FileError ? e : fileErrorOf(e, file);
  }
  try {
    const st = fstatSync(fd);
    const why = whyNotRegular(st);
    if (why) throw new FileError('not_regular', file, why);
    if (st.size > max) checkSize(st.size, file, max);
    // Read at most max + 1 bytes: a file that grows past the limit while read is still refused,
    // and one that grows below it is read whole.
    let buf = Buffer.allocUnsafe(Math.min(st.size, max) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (!got) break;
      n += got;
      if (n > max) checkSize(n, file, max);
      if (n === buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
    }
    checkSize(n, file, max);
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch (e) {
    if (e instanceof Error && (e.name === 'ReadError' || e instanceof FileError)) throw e;
    throw fileErrorOf(e, file);
  } finally {
    closeSync(fd);
  }
}

/** Read a workbook file into a Book, through readInputFile. Throws ReadError or FileError. */
export async function readBookFile(file: string, opts: ReadOptions = {}): Promise<Book> {
  return readWorkbook(readInputFile(file, { maxBytes: opts.maxBytes }), file, opts);
}
