/** Temporary folders and bytes for tests (under the run's own folder, see test/global-setup.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A new empty folder. */
export function tempDir(prefix = 'xxgk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A Buffer's bytes as the readers take them. */
export const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** A pseudo-random generator with a seed, so a failure repeats and names its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
