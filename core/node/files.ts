/** File access for the command line (the only part of core/ that uses fs). Never modifies input. */
import { statSync, readdirSync, existsSync } from 'fs';
import * as path from 'path';
import type { Book } from '../read/grid';
import type { ReadOptions } from '../read/xlsx';
import { REPORT_EXTENSIONS } from '../read/kinds';

/** What a folder walk picks up: the report kinds of the input registry. */
export const INPUT_EXTS: readonly string[] = REPORT_EXTENSIONS;

/** Read a workbook file into a Book (through readInputFile, core/node/read.ts). Throws ReadError or FileError. */
export async function readBookFile(file: string, opts: ReadOptions = {}): Promise<Book> {
  return (await import('./read')).readBookFile(file, opts);
}

const skip = (base: string) => base.startsWith('~$') || base.startsWith('.');

/**
 * The input files named by paths: files named directly are kept whatever their extension (and a
 * path that does not exist is kept, for the caller to report); folders are searched recursively
 * for files with one of exts (every file when exts is empty: a batch skips nothing). Sorted,
 * without Office lock files (~$…) and hidden files, which go to `left` so that the caller can say so.
 */
export function listInputFiles(paths: string[], exts: readonly string[] = INPUT_EXTS, left?: string[]): string[] {
  const want = new Set(exts.map((e) => e.toLowerCase()));
  const out = new Set<string>();
  const walk = (dir: string) => {
    let entries: import('fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const ent of entries) {
      const full = path.join(dir, ent.name);
      if (skip(ent.name)) {
        if (!ent.isDirectory()) left?.push(full);
        continue;
      }
      if (ent.isDirectory()) walk(full);
      else if ((ent.isFile() || ent.isSymbolicLink()) && (!want.size || want.has(path.extname(ent.name).toLowerCase()))) out.add(full);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) {
      out.add(p); // reported as unreadable by the caller, not silently dropped
      continue;
    }
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else if (!skip(path.basename(p))) out.add(p);
    else left?.push(p);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
