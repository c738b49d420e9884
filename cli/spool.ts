/**
 * Results of a batch held on disk, not in memory: each file's whole result is written to a
 * temporary file as it arrives and read back, in the same order, once the batch is judged; the
 * main process keeps only the compacted result (core/batch/compact.ts). So `check DIR` stays flat
 * however many files the folder holds. The temporary file is unlinked as soon as it is open
 * where the system allows it, so that a killed run leaves nothing behind.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { deserialize, serialize } from 'v8';

export class Spool<T> {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'xxgk-spool-'));
  private readonly fd: number;
  /** Where each record starts (a 4-byte length, then the record), in the order written. */
  private readonly at: number[] = [];
  private end = 0;

  constructor() {
    const file = path.join(this.dir, 'results');
    this.fd = openSync(file, 'w+', 0o600);
    try {
      unlinkSync(file);
      rmSync(this.dir, { recursive: true });
    } catch {
      /* Windows keeps an open file: removed in close() */
    }
  }

  /** Appends a record (structured clone: exactly what was given, NaN and all). */
  add(value: T): void {
    const body = serialize(value);
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(body.length);
    this.at.push(this.end);
    writeSync(this.fd, head, 0, 4, this.end);
    writeSync(this.fd, body, 0, body.length, this.end + 4);
    this.end += 4 + body.length;
  }

  get length(): number {
    return this.at.length;
  }

  /** One buffer for reading back, grown to the largest record: no garbage per record. */
  private buf = Buffer.alloc(1 << 16);

  /** The record written `i`-th. */
  get(i: number): T {
    readSync(this.fd, this.buf, 0, 4, this.at[i]);
    const size = this.buf.readUInt32LE(0);
    if (size > this.buf.length) this.buf = Buffer.alloc(size);
    readSync(this.fd, this.buf, 0, size, this.at[i] + 4);
    return deserialize(this.buf.subarray(0, size)) as T;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
