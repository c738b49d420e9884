/**
 * Every file a command writes goes through here, so that an output never replaces an input, never
 * turns a device or a link into a regular file, and is written whole or not at all.
 *
 *  - planOutput() checks the destination before the work starts: not an input (compared by device
 *    and inode, whatever the spelling, links included), not a folder, its folder exists. A
 *    symbolic link is followed: the file it points to is replaced and the link stays (a link to
 *    nothing is refused). A character device (/dev/null) is written through, and its errors
 *    (/dev/full: disk full) reported; a pipe, a socket or a disk device is refused.
 *  - writeOutput() writes a regular file atomically: a temporary file beside it (its name
 *    shortened by bytes so that it stays within the 255-byte limit), given the replaced file's
 *    mode and owner, flushed to disk, then renamed over it. Temporary files of a run that was
 *    killed are removed the next time a file is written to the same folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { FileError, fileErrorOf, reason, whyNoFolder, whyNotRegular, whyOf, type Why } from '../core/node/errors';
import { say } from '../core/messages';
import { fsPath } from '../core/node/raw-paths';
import type { Lang } from '../core/model/findings';
import { UsageError } from './args';
import { shown } from './terminal';

/** An output that is one of the inputs: always refused, before anything is written. */
export class OutputIsInput extends UsageError {}

/** Where and how an output is written, decided before the work starts. */
export interface OutputPlan {
  /** The name given on the command line, for messages. */
  name: string;
  /** The file actually written (a link's target). */
  target: string;
  /** 'file': a regular file, new or replaced atomically; 'device': written through. */
  kind: 'file' | 'device';
  /** The replaced file's mode and owner, kept. */
  keep?: { mode: number; uid: number; gid: number };
  /** A name the command made (a department's template): never put over anything already there, a link included. */
  noClobber?: boolean;
}

/** The inputs of a command, by device and inode, to tell an output that is one of them. */
export class Inputs {
  private readonly ids = new Map<string, string>();
  constructor(files: Iterable<string> = []) {
    for (const f of files) this.add(f);
  }
  add(file: string): void {
    try {
      const st = fs.statSync(fsPath(file));
      if (st.isFile()) this.ids.set(`${st.dev}:${st.ino}`, file);
    } catch {
      // an input that cannot be read is reported by its reader, and cannot be overwritten either
    }
  }
  /** The input that `st` is, if any. */
  match(st: fs.Stats): string | undefined {
    return this.ids.get(`${st.dev}:${st.ino}`);
  }
}

const refuse = (lang: Lang, file: string, why: Why) =>
  new UsageError(say(lang, 'cli.output_refused', { file: shown(file), why: why[lang] }));

/**
 * Checks where `file` would be written; throws UsageError (status 2, one line) when it must not be:
 * it is one of the inputs, a folder, a pipe, a socket or a disk device, a link to nothing, or its
 * folder does not exist.
 */
export function planOutput(file: string, lang: Lang, inputs: Inputs): OutputPlan {
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(file); // follows links: the file a link points to is what gets written
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw refuse(lang, file, whyOf(e));
    let link = false;
    try {
      link = fs.lstatSync(file).isSymbolicLink();
    } catch {
      // not there at all: a new file
    }
    if (link) throw refuse(lang, file, reason('cli.why.dangling_link'));
  }
  if (st) {
    const input = inputs.match(st);
    if (input !== undefined) throw new OutputIsInput(say(lang, 'cli.output_is_input', { output: shown(file), input: shown(input) }));
    if (st.isDirectory()) throw refuse(lang, file, whyOf({ code: 'EISDIR' }));
    if (st.isCharacterDevice()) return { name: file, target: file, kind: 'device' };
    if (!st.isFile()) throw refuse(lang, file, st.isBlockDevice() ? reason('cli.why.block_device') : whyNotRegular(st)!);
  }
  const target = st ? fs.realpathSync(file) : path.resolve(file);
  const dir = path.dirname(target);
  let dst: fs.Stats;
  try {
    dst = fs.statSync(dir);
  } catch (e) {
    throw refuse(lang, file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? whyNoFolder(dir) : whyOf(e));
  }
  if (!dst.isDirectory()) throw refuse(lang, file, whyOf({ code: 'ENOTDIR' }));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw refuse(lang, file, whyOf(e));
  }
  if (Buffer.byteLength(path.basename(target)) > NAME_MAX) throw refuse(lang, file, whyOf({ code: 'ENAMETOOLONG' }));
  return { name: file, target, kind: 'file', keep: st ? { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid } : undefined };
}

/**
 * Plans a file whose name the command made from a department's name (template --agencies): the
 * name is predictable, so whatever stands there (a department's filled-in report, a link planted
 * to make the operator overwrite another file) is never replaced and never written through. An
 * input there stops everything (OutputIsInput); anything else refuses this one name.
 */
export function planGenerated(file: string, lang: Lang, inputs: Inputs): OutputPlan {
  let st: fs.Stats | null = null;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(lang, file, whyOf(e));
  }
  if (st) {
    const input = inputs.match(st.isSymbolicLink() ? (statOrNull(file) ?? st) : st);
    if (input !== undefined) throw new OutputIsInput(say(lang, 'cli.output_is_input', { output: shown(file), input: shown(input) }));
    throw refuse(lang, file, reason('outputs.why.exists'));
  }
  const plan = planOutput(file, lang, inputs);
  return { ...plan, target: path.resolve(file), noClobber: true };
}

const statOrNull = (file: string): fs.Stats | null => {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
};

/**
 * Checks a folder that outputs go into (made when the first is written): refused (status 2) when a
 * file stands there. Each file in it is then planned with planOutput, which refuses inputs.
 */
export function planFolder(dir: string, lang: Lang): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw refuse(lang, dir, whyOf(e));
  }
  if (!st.isDirectory()) throw new UsageError(say(lang, 'cli.output_folder_is_file', { folder: shown(dir) }));
}

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;
const TMP_MARK = '.xxgk-';
/** Our temporary files: ".<name>.xxgk-<pid>-<random>.tmp". */
const TMP_NAME = /^\..*\.xxgk-(\d+)-[0-9a-f]+\.tmp$/;

/** `s` cut to at most `bytes` bytes of UTF-8, never inside a character. */
export function cutToBytes(s: string, bytes: number): string {
  if (Buffer.byteLength(s) <= bytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/** A temporary name beside `target`, within NAME_MAX bytes however long the target's name. */
export function tempNameFor(target: string): string {
  const tail = `${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const base = cutToBytes(path.basename(target), NAME_MAX - 1 - Buffer.byteLength(tail));
  return path.join(path.dirname(target), `.${base}${tail}`);
}

/** Temporary files and folders of this run not yet renamed into place: removed if the run is stopped. */
const pending = new Set<string>();
let watching = false;

/** Marks `tmp` as this run's, to be removed on SIGTERM, SIGINT or SIGHUP; the signal then ends the process as it would have. */
export function holdTemp(tmp: string): void {
  pending.add(tmp);
  if (watching) return;
  watching = true;
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.once(sig, () => {
      dropTemps();
      process.kill(process.pid, sig); // the handler is gone (once): the default action ends the process
    });
  process.once('exit', dropTemps);
}

/** `tmp` renamed into place or removed: no longer ours to clean. */
export function releaseTemp(tmp: string): void {
  pending.delete(tmp);
}

function dropTemps(): void {
  for (const tmp of pending) fs.rmSync(tmp, { recursive: true, force: true });
  pending.clear();
}

const cleaned = new Set<string>();

/** Removes temporary files of ours left in `dir` by a run that was killed (its process is gone). */
export function cleanStaleTemps(dir: string): void {
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TMP_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      const p = path.join(dir, name);
      const st = fs.lstatSync(p);
      // A folder of ours: the notices of a run that was stopped before it swapped them in (cli/folder.ts).
      if (st.isFile() || st.isDirectory()) fs.rmSync(p, { recursive: true });
    } catch {
      // another run cleaned it first
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `data` as planned: whole or not at all. Throws FileError (naming the file) on failure. */
export function writeOutput(plan: OutputPlan, data: Uint8Array): void {
  if (plan.kind === 'device') {
    let fd: number | null = null;
    try {
      fd = fs.openSync(plan.target, fs.constants.O_WRONLY);
      fs.writeFileSync(fd, data);
    } catch (e) {
      throw fileErrorOf(e, plan.name, true);
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
    return;
  }
  cleanStaleTemps(path.dirname(plan.target));
  const tmp = tempNameFor(plan.target);
  let fd: number | null = null;
  holdTemp(tmp);
  try {
    fd = fs.openSync(tmp, 'wx', plan.keep?.mode ?? 0o666);
    if (plan.keep) {
      fs.fchmodSync(fd, plan.keep.mode); // the creation mode passed through the umask
      try {
        fs.fchownSync(fd, plan.keep.uid, plan.keep.gid);
      } catch {
        // only root may give a file away; the owner is then the one running xxgk
      }
    }
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    if (plan.noClobber) putNew(tmp, plan.target, plan.name);
    else fs.renameSync(tmp, plan.target);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e instanceof FileError ? e : fileErrorOf(e, plan.name, true);
  } finally {
    releaseTemp(tmp);
  }
}

/**
 * Puts `tmp` at `target` only if nothing is there, in one step: a hard link fails when any entry
 * (a file, a link, a link to nothing) has the name, where a rename would replace it. A file system
 * without hard links gets a look first, then the rename.
 */
function putNew(tmp: string, target: string, name: string): void {
  try {
    fs.linkSync(tmp, target);
    fs.rmSync(tmp);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileError('cannot_write', name, reason('outputs.why.exists'), { writing: true });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
  }
  if (statOrLink(target)) throw new FileError('cannot_write', name, reason('outputs.why.exists'), { writing: true });
  fs.renameSync(tmp, target);
}

const statOrLink = (file: string): boolean => {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
};

/** Plans and writes in one step, for callers with nothing to check beforehand. */
export function writeAtomic(file: string, data: Uint8Array, lang: Lang = 'zh', inputs = new Inputs()): void {
  writeOutput(planOutput(file, lang, inputs), data);
}
