/**
 * Results of a batch held on disk, not in memory: each file's whole result is written to a
 * temporary file as it is made and read back once the batch is judged; the main process keeps
 * only the compacted result (core/batch/compact.ts). The checking processes write their results
 * themselves, each to a file of its own opened here (cli/pool.ts), so a whole result never passes
 * through the main process until it is printed: `check DIR` stays flat however many files the
 * folder holds. Every temporary file is unlinked as soon as it is open where the system allows
 * it, so that a killed run leaves nothing behind.
 */
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { deserialize, serialize } from 'v8';

export class Spool<T> {
  private readonly base = path.join(tmpdir(), `xxgk-spool-${process.pid}-${randomBytes(6).toString('hex')}`);
  /** Open files: this process's own first, then one per checking process. */
  private readonly fds: number[] = [];
  /** Names not yet removed (only where an open file cannot be unlinked). */
  private readonly names: string[] = [];
  private readonly own: number;
  private ownEnd = 0;
  /** Where record i is: its file, offset and size. */
  private readonly fileOf: number[] = [];
  private readonly atOf: number[] = [];
  private readonly sizeOf: number[] = [];

  constructor() {
    this.own = this.openFile();
  }

  /** A new file for a checking process to write its records to; its descriptor in this process. */
  openFile(): number {
    const name = `${this.base}-${this.fds.length}`;
    const fd = openSync(name, 'wx+', 0o600);
    this.fds.push(fd);
    try {
      unlinkSync(name);
    } catch {
      this.names.push(name); // Windows keeps an open file: removed in close()
    }
    return fd;
  }

  /** Appends a record (structured clone: exactly what was given, NaN and all). */
  add(value: T): void {
    this.put(this.fileOf.length, value);
  }

  /** Records that could not be written (a full disk): kept here instead, nothing lost. */
  private readonly held = new Map<number, T>();

  /** Writes record `i` to this process's own file. */
  put(i: number, value: T): void {
    const body = serialize(value);
    try {
      writeSync(this.own, body, 0, body.length, this.ownEnd);
    } catch {
      this.held.set(i, value);
      this.place(i, -1, 0, 0);
      return;
    }
    this.place(i, this.own, this.ownEnd, body.length);
    this.ownEnd += body.length;
  }

  /** Record `i` was written by a checking process (v8.serialize) to `fd`, at `at`, `size` bytes long. */
  place(i: number, fd: number, at: number, size: number): void {
    this.fileOf[i] = fd;
    this.atOf[i] = at;
    this.sizeOf[i] = size;
  }

  get length(): number {
    return this.fileOf.length;
  }

  /** One buffer for reading back, grown to the largest record: no garbage per record. */
  private buf = Buffer.alloc(1 << 16);

  /** Record `i`. */
  get(i: number): T {
    // A copy, as a record read back is: the caller may add to it.
    if (this.fileOf[i] === -1) return structuredClone(this.held.get(i)!);
    const size = this.sizeOf[i];
    if (size > this.buf.length) this.buf = Buffer.alloc(size);
    readSync(this.fileOf[i], this.buf, 0, size, this.atOf[i]);
    return deserialize(this.buf.subarray(0, size)) as T;
  }

  close(): void {
    for (const fd of this.fds) closeSync(fd);
    for (const name of this.names) rmSync(name, { force: true });
  }
}
