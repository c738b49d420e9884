/**
 * The send-back notices folder (check --notices DIR): it holds exactly one run's notices. They are
 * written into a new hidden folder beside it, then swapped in whole, so a department fixed and
 * rechecked loses its old notice, a run stopped half-way leaves the old folder as it was, and no
 * name in it can be a link planted to make the operator write elsewhere (the folder is new).
 *
 * Checked before the work: a folder that cannot be made or replaced says why (a read-only parent,
 * a file standing there); a folder holding anything but notices made by xxgk is refused rather
 * than have its files deleted by the swap.
 */
import * as fs from 'fs';
import * as path from 'path';
import { say } from '../core/messages';
import type { Lang } from '../core/model/findings';
import { whyOf } from '../core/node/errors';
import { ownOutputKind } from '../core/node/own';
import { fileErrorOf } from '../core/node/errors';
import { UsageError } from './args';
import { shown } from './terminal';
import { cleanStaleTemps, holdTemp, Inputs, OutputIsInput, releaseTemp, tempNameFor } from './write';

export interface FolderPlan {
  /** As given, for messages. */
  name: string;
  /** The folder replaced (a link to a folder is followed: the folder it points to is replaced). */
  target: string;
  exists: boolean;
  /** The new hidden folder beside it, made before the work: that it can be made is the test that the folder can be written. */
  fresh: string;
}

/** Notices written before they carried their mark: the suffix of their names and, for a page, its style line. */
const LEGACY_NAME = /-(退回通知|notice)\.(html|xlsx)$/;
const LEGACY_PAGE = 'body{font-family:sans-serif;margin:1em}table{border-collapse:collapse';

/** Whether `file` in a notices folder is a notice made by xxgk (or a temporary file of ours), which a run may replace. */
function ours(file: string, name: string): boolean {
  if (/\.xxgk-\d+-[0-9a-f]+\.tmp$/.test(name)) return true;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return true; // gone meanwhile
  }
  if (!st.isFile()) return false;
  if (ownOutputKind(file) === 'notice') return true;
  if (!LEGACY_NAME.test(name)) return false;
  if (name.endsWith('.xlsx')) return true;
  const head = Buffer.alloc(1024);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.toString('utf8').includes(LEGACY_PAGE);
}

const refuse = (lang: Lang, dir: string, why: { zh: string; en: string }) =>
  new UsageError(say(lang, 'outputs.no_folder', { folder: shown(dir), why: why[lang] }));

/** Checks the notices folder before the work; throws UsageError (status 2) naming the real cause. */
export function planNoticeFolder(dir: string, lang: Lang, inputs: Inputs): FolderPlan {
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw refuse(lang, dir, whyOf(e));
    let link = false;
    try {
      link = fs.lstatSync(dir).isSymbolicLink();
    } catch {
      // nothing there: made after the work
    }
    if (link) throw refuse(lang, dir, whyOf({ code: 'ENOENT' }));
  }
  if (st && !st.isDirectory()) throw new UsageError(say(lang, 'outputs.notices_not_folder', { folder: shown(dir) }));
  const target = st ? fs.realpathSync(dir) : path.resolve(dir);
  // The nearest folder that is there must let the new folder be made (and the old one swapped out) in it.
  let parent = path.dirname(target);
  for (;;) {
    try {
      const p = fs.statSync(parent);
      if (!p.isDirectory()) throw refuse(lang, dir, whyOf({ code: 'ENOTDIR' }));
      fs.accessSync(parent, fs.constants.W_OK | fs.constants.X_OK);
      break;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && path.dirname(parent) !== parent) {
        parent = path.dirname(parent);
        continue;
      }
      throw refuse(lang, dir, whyOf(e));
    }
  }
  if (st) {
    let names: string[];
    try {
      names = fs.readdirSync(target);
    } catch (e) {
      throw refuse(lang, dir, whyOf(e));
    }
    for (const name of names) {
      const file = path.join(target, name);
      const input = inputs.match(fs.lstatSync(file));
      if (input !== undefined) throw new OutputIsInput(say(lang, 'cli.output_is_input', { output: shown(file), input: shown(input) }));
      if (!ours(file, name)) throw new UsageError(say(lang, 'outputs.notices_foreign', { folder: shown(dir), file: shown(name) }));
    }
  }
  // Made now, as root too (who passes every permission test but not a read-only or virtual file system).
  const fresh = tempNameFor(target);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    cleanStaleTemps(path.dirname(target));
    holdTemp(fresh);
    fs.mkdirSync(fresh);
  } catch (e) {
    releaseTemp(fresh);
    throw refuse(lang, dir, whyOf(e));
  }
  return { name: dir, target, exists: !!st, fresh };
}

/**
 * Replaces the planned folder by the files `fill` puts (each written whole and flushed): made in a
 * new hidden folder beside it, then swapped in. With no file put and no folder there, nothing is made.
 * Returns a warning to print, if any. Throws FileError when the folder cannot be made or swapped.
 */
export async function replaceFolder(
  plan: FolderPlan,
  fill: (put: (name: string, data: Uint8Array) => void) => Promise<void>,
  lang: Lang,
): Promise<string | null> {
  const fresh = plan.fresh;
  let put = 0;
  try {
    await fill((name, data) => {
      const fd = fs.openSync(path.join(fresh, name), 'wx', 0o666);
      try {
        fs.writeFileSync(fd, data);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      put++;
    });
    if (!put && !plan.exists) {
      fs.rmSync(fresh, { recursive: true, force: true });
      return null;
    }
    let old: string | null = null;
    if (plan.exists) {
      old = tempNameFor(`${plan.target}.old`);
      fs.renameSync(plan.target, old);
    }
    fs.renameSync(fresh, plan.target);
    releaseTemp(fresh);
    if (old) return removeOld(old, lang);
    return null;
  } catch (e) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw fileErrorOf(e, plan.name, true);
  } finally {
    releaseTemp(fresh);
  }
}

/** The swapped-out folder, removed file by file: only notices of ours; anything added meanwhile is kept and said. */
function removeOld(old: string, lang: Lang): string | null {
  for (const name of fs.readdirSync(old)) {
    const file = path.join(old, name);
    if (ours(file, name)) fs.rmSync(file, { recursive: true, force: true });
  }
  try {
    fs.rmdirSync(old);
    return null;
  } catch {
    return say(lang, 'outputs.notices_kept_old', { folder: shown(old) });
  }
}
