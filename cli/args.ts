import { parseArgs, type ParseArgsConfig } from 'util';
import type { Lang } from '../core/model/findings';
import { say, type MessageKey } from '../core/messages';
import { FORMS, type FormSpec } from '../core/forms';
import { shown, err } from './terminal';

export class UsageError extends Error {
  /** withUsage: the command's usage follows the message (a command line that does not parse). */
  constructor(
    message: string,
    readonly withUsage = false,
  ) {
    super(message);
  }
}

/**
 * A command that will not do the work for a reason in its input (two reports where one is needed,
 * no report of last year): status 1 and its message as it is, never called an internal error.
 */
export class Refusal extends Error {}

/**
 * The language when no --lang is given: English when the locale (LC_ALL, LC_MESSAGES or LANG, in
 * POSIX order) starts with "en", Chinese otherwise (C, C.UTF-8, zh_CN and an unset locale too).
 */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return /^en/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'en' : 'zh';
}

/** The --lang on a command line, looked for before parsing so that a parse error is in that language. */
export function langIn(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'zh') return v;
  }
  return envLang();
}

/** util.parseArgs, its errors in the catalogue's words (exit status 2 for a bad command line). */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseError(e as NodeJS.ErrnoException, langIn(argv)), true);
  }
}

/** Node's parseArgs messages are English sentences: keep only the option they name. */
function parseError(e: NodeJS.ErrnoException, lang: Lang): string {
  const option = shown(/'(-[^'\s]*)/.exec(e.message)?.[1] ?? '');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return say(lang, 'cli.unknown_option', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message)
        ? say(lang, 'cli.option_takes_no_value', { option })
        : say(lang, 'cli.option_needs_value', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return say(lang, 'cli.unexpected_argument', { arg: shown(/'([^']*)'/.exec(e.message)?.[1] ?? '') });
    default:
      return say(lang, 'cli.bad_command_line');
  }
}

export function langOf(v: unknown): Lang {
  if (v === undefined) return envLang();
  if (v !== 'zh' && v !== 'en') throw new UsageError(say(envLang(), 'cli.lang_invalid', { value: shown(String(v)) }));
  return v;
}

/** A failure's one line in `lang`: a file error or read error in that language, never a stack trace. */
export function messageOf(e: unknown, lang: Lang): string {
  const m = e as { messageIn?: (l: Lang) => string; message?: string };
  if (e instanceof Error && typeof m.messageIn === 'function') return m.messageIn(lang);
  if (e instanceof UsageError || e instanceof Refusal || (e instanceof Error && e.name === 'RuleSyntaxError')) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  if (process.env.XXGK_DEBUG && e instanceof Error && e.stack) err(`${e.stack}\n`);
  return say(lang, 'cli.internal_error', { detail });
}

/** Runs a command body: a bad command line is status 2 with its message, any other failure status 1, one line. */
/** The help page of a command (core/messages/zh-usage.ts), printed after a command line that does not parse. */
export type UsageKey = Extract<MessageKey, `cli.usage.${string}`>;

export async function guarded(body: () => Promise<number>, lang: () => Lang = envLang, help?: UsageKey): Promise<number> {
  try {
    return await body();
  } catch (e) {
    return fail(e, lang(), help);
  }
}

/** A command's failure, one line: a bad command line (status 2; its usage too when it does not parse) or anything else (status 1). */
export function fail(e: unknown, lang: Lang, help?: UsageKey): number {
  if (e instanceof UsageError) {
    err(`xxgk: ${shown(e.message)}\n${help && e.withUsage ? `\n${say(lang, help)}` : ''}`);
    return 2;
  }
  err(`xxgk: ${shown(messageOf(e, lang))}\n`);
  return 1;
}

/** The format named on the command line (--format), or a bad command line naming the known ones. */
export function formNamed(key: string, lang: Lang): FormSpec {
  const form = FORMS.find((f) => f.key === key);
  if (!form) throw new UsageError(say(lang, 'cli.unknown_format', { format: shown(key), known: FORMS.map((f) => f.key).join(', ') }));
  return form;
}
