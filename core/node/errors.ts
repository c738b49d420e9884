/**
 * Why the file system refused: the operating system's error codes (ENOENT, EACCES…) turned into
 * the catalogue's words, so no raw code reaches a person except one the catalogue does not know.
 */
import type { Stats } from 'fs';
import * as path from 'path';
import { say, type MessageKey } from '../messages';
import type { Lang } from '../model/findings';

/** A reason in both languages, e.g. { zh: '不存在', en: 'it does not exist' }. */
export type Why = Record<Lang, string>;

/** A catalogue reason in both languages. */
export const reason = (key: MessageKey, p?: unknown): Why => {
  const one = (lang: Lang) => (say as (l: Lang, k: MessageKey, p?: unknown) => string)(lang, key, p);
  return { zh: one('zh'), en: one('en') };
};

const BY_CODE: Record<string, MessageKey> = {
  ENOENT: 'cli.why.not_found',
  EACCES: 'cli.why.denied',
  EPERM: 'cli.why.denied',
  EISDIR: 'cli.why.is_folder',
  ENOTDIR: 'cli.why.not_folder',
  ENAMETOOLONG: 'cli.why.name_too_long',
  ENOSPC: 'cli.why.disk_full',
  EDQUOT: 'cli.why.quota',
  EFBIG: 'cli.why.disk_full',
  EROFS: 'cli.why.read_only',
  ELOOP: 'cli.why.link_loop',
  EBUSY: 'cli.why.busy',
  ETXTBSY: 'cli.why.busy',
  EIO: 'cli.why.io',
  EMFILE: 'cli.why.too_many_open',
  ENFILE: 'cli.why.too_many_open',
  ENXIO: 'cli.why.device',
};

/** The reason behind a file-system error (an errno code), in both languages. */
export function whyOf(e: unknown): Why {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && BY_CODE[code]) return reason(BY_CODE[code]);
  return reason('cli.why.other', { code: code ?? (e instanceof Error ? e.message : String(e)) });
}

/** Why a path that exists is not a regular file, or null when it is one. */
export function whyNotRegular(st: Stats): Why | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return reason('cli.why.is_folder');
  if (st.isFIFO()) return reason('cli.why.pipe');
  if (st.isSocket()) return reason('cli.why.socket');
  return reason('cli.why.device');
}

/** The reason a missing folder gives, naming the folder. */
export const whyNoFolder = (folder: string): Why => reason('cli.why.no_folder', { folder: path.resolve(folder) });

export type FileErrorCode = 'not_found' | 'denied' | 'not_regular' | 'cannot_read' | 'cannot_write';

/** A file that could not be read or written, with its message in each language naming the file. */
export class FileError extends Error {
  readonly code: FileErrorCode;
  readonly file: string;
  readonly why: Why;
  readonly zh: string;
  readonly en: string;
  constructor(code: FileErrorCode, file: string, why: Why, opts: { writing?: boolean; cause?: unknown } = {}) {
    const key = opts.writing ? 'cli.cannot_write' : 'cli.cannot_read';
    const zh = say('zh', key, { file, why: why.zh });
    super(zh);
    this.name = 'FileError';
    this.code = code;
    this.file = file;
    this.why = why;
    this.zh = zh;
    this.en = say('en', key, { file, why: why.en });
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }
  messageIn(lang: Lang): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

/** A FileError from a file-system error, its code kept coarse for reports (file.not_found…). */
export function fileErrorOf(e: unknown, file: string, writing = false): FileError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const kind: FileErrorCode =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'not_found'
      : code === 'EACCES' || code === 'EPERM'
        ? 'denied'
        : writing
          ? 'cannot_write'
          : 'cannot_read';
  return new FileError(kind, file, whyOf(e), { writing, cause: e });
}
