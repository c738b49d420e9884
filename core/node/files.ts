/** File access for the command line (the only part of core/ that uses fs). Never modifies input. */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'fs';
import * as path from 'path';
import type { Book } from '../read/grid';
import type { ReadOptions } from '../read/xlsx';
import { REPORT_EXTENSIONS } from '../read/kinds';
import { whyNotRegular, whyOf, type Why } from './errors';
import { ownOutputKind, type OwnKind } from './own';
import { fsPath, rememberRawPath } from './raw-paths';

/** What a folder walk picks up: the report kinds of the input registry. */
export const INPUT_EXTS: readonly string[] = REPORT_EXTENSIONS;

/** Read a workbook file into a Book (through readInputFile, core/node/read.ts). Throws ReadError or FileError. */
export async function readBookFile(file: string, opts: ReadOptions = {}): Promise<Book> {
  return (await import('./read')).readBookFile(file, opts);
}

/** A file of a folder that is not read, and why: every one is said (cli/files.ts prints them). */
export interface LeftOut {
  path: string;
  why: 'hidden' | 'lock' | 'hidden_folder' | 'own' | 'special' | 'unlistable';
  /** The product's own output it is ('own'). */
  kind?: OwnKind;
  /** Why it cannot be read ('special': a pipe, a socket, a device; 'unlistable': a folder that cannot be listed). */
  reason?: Why;
}

export interface Listing {
  /** The files to read, sorted. */
  files: string[];
  /** Files of the folders that are not read, each with why. */
  left: LeftOut[];
  /** Files whose names are not UTF-8, shown decoded (see fsPath). */
  decoded: { path: string; encoding: string }[];
}

export { fsPath, rememberRawPath };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

/** A name's text: UTF-8 when it is, else GBK (the Chinese Windows code page), said by `encoding`. */
function nameOf(raw: Buffer): { name: string; encoding: string | null } {
  try {
    return { name: utf8.decode(raw), encoding: null };
  } catch {
    return { name: gbk.decode(raw), encoding: 'GBK' };
  }
}

const hidden = (base: string) => base.startsWith('.');
const lock = (base: string) => base.startsWith('~$');

/**
 * The input files named by paths, by one rule for every command: a file named on the command line
 * is read whatever its name or kind (a path that does not exist too, for the reader to report);
 * folders are searched recursively for files with one of exts (every file when exts is empty: a
 * batch skips nothing). Within a folder, Office lock files (~$…), hidden files and folders, the
 * product's own outputs (core/node/own.ts) and pipes, sockets and devices are not read, each listed
 * in `left` with why. Names that are not UTF-8 are read by their bytes and shown decoded.
 */
export function listInputs(paths: string[], exts: readonly string[] = INPUT_EXTS): Listing {
  const want = new Set(exts.map((e) => e.toLowerCase()));
  const out = new Set<string>();
  const left: LeftOut[] = [];
  const decoded: Listing['decoded'] = [];
  const walk = (dir: string, rawDir: string | Buffer) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(rawDir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      left.push({ path: dir, why: 'unlistable', reason: whyOf(e) });
      return;
    }
    const names = entries.map((ent) => ({ ent, ...nameOf(ent.name) }));
    const taken = new Set(names.filter((n) => !n.encoding).map((n) => n.name));
    for (const { ent, name: decodedName, encoding } of names) {
      let name = decodedName;
      // A decoded name never stands for another file of the folder: the same text gets a number.
      for (let i = 2; encoding && taken.has(name); i++) name = `${decodedName} (${i})`;
      taken.add(name);
      const full = path.join(dir, name);
      const raw = typeof rawDir === 'string' && !encoding ? full : Buffer.concat([Buffer.from(rawDir), Buffer.from(path.sep), ent.name]);
      if (typeof raw !== 'string') rememberRawPath(full, raw);
      if (hidden(name) || lock(name)) {
        left.push({ path: full, why: ent.isDirectory() ? 'hidden_folder' : lock(name) ? 'lock' : 'hidden' });
        continue;
      }
      if (ent.isDirectory()) {
        walk(full, raw);
        continue;
      }
      if (!ent.isFile() && !ent.isSymbolicLink()) {
        left.push({ path: full, why: 'special', reason: whyNotRegular(statOf(raw, ent)) ?? whyOf({ code: 'EINVAL' }) });
        continue;
      }
      if (want.size && !want.has(path.extname(name).toLowerCase())) continue;
      const kind = ownOutputKind(raw);
      if (kind) {
        left.push({ path: full, why: 'own', kind });
        continue;
      }
      if (encoding) decoded.push({ path: full, encoding });
      out.add(full);
    }
  };
  for (const p of paths) {
    let st: Stats | null = null;
    try {
      st = statSync(p);
    } catch {
      // reported as unreadable by the caller, not silently dropped
    }
    if (st?.isDirectory()) walk(p, p);
    // Named, a ~$ file is read when it is a workbook (one rule for every command); an Office lock file is said.
    else if (st?.isFile() && lock(path.basename(p)) && isLockFile(p, st.size)) left.push({ path: p, why: 'lock' });
    else out.add(p);
  }
  const files = [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, left, decoded };
}

/**
 * An Office lock file (~$name, written beside an open document): a few hundred bytes holding the
 * user's name, neither a zip package nor a compound file as every workbook or document is.
 */
function isLockFile(file: string, size: number): boolean {
  if (size > 4096) return false;
  let head: Buffer;
  try {
    head = readFileSync(file).subarray(0, 4);
  } catch {
    return false;
  }
  return head.length < 4 || (head.readUInt32LE(0) !== 0x04034b50 && head.readUInt32BE(0) !== 0xd0cf11e0);
}

/** What a Dirent that is neither file, folder nor link is (lstat, as readdir saw it). */
function statOf(raw: string | Buffer, ent: Dirent<Buffer>): Stats {
  try {
    return lstatSync(raw);
  } catch {
    return { isFile: () => false, isDirectory: () => false, isFIFO: () => ent.isFIFO(), isSocket: () => ent.isSocket() } as Stats;
  }
}

/** The files of listInputs alone; what is left out goes to `left` when given. */
export function listInputFiles(paths: string[], exts: readonly string[] = INPUT_EXTS, left?: LeftOut[]): string[] {
  const l = listInputs(paths, exts);
  // One at a time: a folder may leave out more files than a spread can pass (stack overflow).
  for (const f of l.left) left?.push(f);
  return l.files;
}
