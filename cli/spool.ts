/**
 * Results of a batch held on disk, not in memory: each file's whole result is written to a
 * temporary file as it is made and read back once the batch is judged; the main process keeps
 * only the compacted result (core/batch/compact.ts). The checking processes write their results
 * themselves, each to a file of its own opened here (cli/pool.ts), so a whole result never passes
 * through the main process until it is printed: `check DIR` stays flat however many files the
 * folder holds. Every temporary file is unlinked as soon as it is open where the system allows
 * it, so that a killed run leaves nothing behind.
 *
 * The results this process makes itself are kept as they are, in memory, up to a budget of bytes
 * (Keeping): writing one and reading it back (v8.serialize and deserialize) cost more than the
 * rest of its way through the main process (issue 22: 75 ms of 1,800 files' 4 s). Past the budget
 * they go to disk as before, so memory stays flat past a few thousand files.
 */
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { deserialize, serialize } from 'v8';

/** How a spool keeps records in memory: up to `budget` bytes as `bytesOf` counts them, each given back as `copy` makes it. */
export interface Keeping<T> {
  budget: number;
  bytesOf: (value: T) => number;
  /** A record as get() gives it back: what the caller may change of it is its own (it is handed out more than once). */
  copy: (value: T) => T;
}

/** Where a record held in memory is said to be (fileOf), and one that could not be written. */
const KEPT = -2;
const HELD = -1;

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

  /** Records kept in memory (Keeping), and the bytes they count. */
  private readonly kept = new Map<number, T>();
  private keptBytes = 0;
  private past = false;

  constructor(private readonly keeping?: Keeping<T>) {
    this.own = this.openFile();
  }

  /** How many records are kept in memory (the others are on disk). */
  get inMemory(): number {
    return this.kept.size;
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
    if (this.keeping && !this.past) {
      const n = this.keeping.bytesOf(value);
      if (this.keptBytes + n <= this.keeping.budget) {
        this.kept.set(i, value);
        this.keptBytes += n;
        this.place(i, KEPT, 0, 0);
        return;
      }
      // The budget is spent: every later record goes to disk, without being counted.
      this.past = true;
    }
    const body = serialize(value);
    try {
      writeSync(this.own, body, 0, body.length, this.ownEnd);
    } catch {
      this.held.set(i, value);
      this.place(i, HELD, 0, 0);
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
    if (this.fileOf[i] === KEPT) return this.keeping!.copy(this.kept.get(i)!);
    if (this.fileOf[i] === HELD) return structuredClone(this.held.get(i)!);
    const size = this.sizeOf[i];
    if (size > this.buf.length) this.buf = Buffer.alloc(size);
    readSync(this.fileOf[i], this.buf, 0, size, this.atOf[i]);
    return deserialize(this.buf.subarray(0, size)) as T;
  }

  /** An estimate of the memory a record holds: its strings' characters at two bytes, and a word or so per value. */
  static bytesOf(value: unknown, depth = 0): number {
    if (typeof value === 'string') return 16 + 2 * value.length;
    if (typeof value !== 'object' || value === null) return 8;
    // Deeper than any result: counted as large, so that it goes to disk.
    if (depth > 32) return 1 << 30;
    let n = 32;
    if (Array.isArray(value)) for (const x of value) n += 8 + Spool.bytesOf(x, depth + 1);
    else for (const k in value) n += 8 + Spool.bytesOf((value as Record<string, unknown>)[k], depth + 1);
    return n;
  }

  close(): void {
    for (const fd of this.fds) closeSync(fd);
    for (const name of this.names) rmSync(name, { force: true });
  }
}
