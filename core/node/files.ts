/** File access for the command line (the only part of core/ that uses fs). Never modifies input. */
import { promises as fsp, statSync, readdirSync, existsSync } from 'fs';
import * as path from 'path';
import type { Book } from '../read/grid';
import { ReadError } from '../read/errors';
import type { ReadOptions } from '../read/xlsx';
import { REPORT_EXTENSIONS } from '../read/kinds';

/** What a folder walk picks up: the report kinds of the input registry. */
export const INPUT_EXTS: readonly string[] = REPORT_EXTENSIONS;

/** Read a workbook file into a Book. Size is checked before the file is read. Throws ReadError. */
export async function readBookFile(file: string, opts: ReadOptions = {}): Promise<Book> {
  const name = file;
  let size: number;
  try {
    size = (await fsp.stat(file)).size;
  } catch (e) {
    throw new ReadError('not_workbook', name, `无法打开 / cannot open: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { cause: e });
  }
  // The workbook reader (SheetJS and its code pages) is loaded only when a workbook is read, not to list files.
  const { checkSize, readWorkbook, DEFAULT_MAX_BYTES } = await import('../read/xlsx');
  checkSize(size, name, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const data = await fsp.readFile(file);
  return readWorkbook(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), name, opts);
}

const skip = (base: string) => base.startsWith('~$') || base.startsWith('.');

/**
 * The input files named by paths: files named directly are kept whatever their extension (and a
 * path that does not exist is kept, for the caller to report); folders are searched recursively
 * for files with one of exts (every file when exts is empty: a batch skips nothing). Sorted,
 * without Office lock files (~$…) and hidden files.
 */
export function listInputFiles(paths: string[], exts: readonly string[] = INPUT_EXTS): string[] {
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
      if (skip(ent.name)) continue;
      const full = path.join(dir, ent.name);
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
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
