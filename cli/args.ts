import { parseArgs, type ParseArgsConfig } from 'util';
import type { Lang } from '../core/model/findings';

export class UsageError extends Error {}

export const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** util.parseArgs with bilingual errors (exit status 2 for a bad command line). */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`命令行有误 / bad command line: ${(e as Error).message}`);
  }
}

export function langOf(v: unknown): Lang {
  if (v === undefined) return 'zh';
  if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / --lang takes zh or en, not ${String(v)}`);
  return v;
}

/** Runs a command body, turning UsageError into status 2 with its message. */
export async function guarded(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`xxgk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** A command's failure: a bad command line (status 2, with its usage) or anything else (status 1). */
export function fail(e: unknown, _lang: Lang, help: string): number {
  if (e instanceof UsageError) {
    process.stderr.write(`${(e as Error).message}\n\n${help}`);
    return 2;
  }
  process.stderr.write(`xxgk: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}
