/** The help pages: one language each, from the catalogue (core/messages/zh-usage.ts, en-usage.ts). */
import type { Lang } from '../core/model/findings';
import { say } from '../core/messages';
import type { UsageKey } from './args';

/** `xxgk --help`: the commands, the language, the output files and the exit status. */
export const usage = (lang: Lang): string => say(lang, 'cli.usage.main');

/** A command's --help: printed as it is, in one language. */
export function printHelp(lang: Lang, key: UsageKey): number {
  process.stdout.write(say(lang, key));
  return 0;
}
