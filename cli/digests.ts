/**
 * Digests of a batch's files, for copies of one report (core/batch/duplicates.ts: of identical
 * files one counts, whichever). A copy has its original's size: a file checked in this process is
 * hashed while its bytes are in memory when a file of the same size was read before it, and only
 * the first of each size is read again if the batch asks for its digest. Reading every copy again
 * after the check cost as much as hashing it (issue 22). A locating thread (cli/locate-thread.ts)
 * does the same with the files it reads, and sends the digests it made with its answers.
 */
import { createHash } from 'crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';
import { fsPath } from '../core/node/raw-paths';

/** The SHA-256 of bytes, in hex. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One buffer for reading files again: no garbage per file. */
const chunk = Buffer.allocUnsafe(1 << 16);

export class FileDigests {
  /** The first file of each size whose bytes were seen (not hashed: it may have no copy). */
  private readonly firstOfSize = new Map<number, number>();
  /** Digests made of the bytes checked. */
  private readonly known = new Map<number, string>();

  constructor(private readonly files: readonly string[]) {}

  /** The bytes of file `i` as read for its check. */
  seen(i: number, bytes: Uint8Array): void {
    if (!this.firstOfSize.has(bytes.length)) this.firstOfSize.set(bytes.length, i);
    else this.known.set(i, sha256(bytes));
  }

  /** The digest made of file `i`'s bytes when they were seen, if one was; forgotten here (a locating thread sends it on). */
  take(i: number): string | undefined {
    const d = this.known.get(i);
    this.known.delete(i);
    return d;
  }

  /** File `i`'s digest, made where its bytes were read (cli/locate-thread.ts). */
  hashed(i: number, digest: string): void {
    this.known.set(i, digest);
  }

  /** File `i`'s digest: of the bytes checked if they were hashed, else of the file read now; null when it cannot be read. */
  of(i: number): string | null {
    return this.known.get(i) ?? digestOfFile(this.files[i]);
  }
}

/**
 * The digest of a file read now, in parts (a name that is not UTF-8 opened by its bytes,
 * core/node/raw-paths.ts); null when it is no regular file or cannot be read.
 */
export function digestOfFile(file: string): string | null {
  let fd: number;
  try {
    // O_NONBLOCK: a pipe put in the file's place cannot make open() wait.
    fd = openSync(fsPath(file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    if (!fstatSync(fd).isFile()) return null;
    const hash = createHash('sha256');
    for (let at = 0, n = 0; (n = readSync(fd, chunk, 0, chunk.length, at)) > 0; at += n) hash.update(chunk.subarray(0, n));
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
