/**
 * Every sentence a person reads comes from here: one catalogue per language (zh.ts, en.ts, with
 * the help pages in zh-usage.ts/en-usage.ts and the task pane's words in zh-pane.ts/en-pane.ts), keyed
 * like zod's issues. Each entry is a function of its parameters, so the compiler checks that both
 * languages have every key and take the same parameters.
 *
 * Chinese text holds no English and English text no Chinese except labels quoted from the report.
 */
import type { Finding, Lang } from '../model/findings';
import { en } from './en';
import { zh, type Catalogue } from './zh';
import { enPane } from './en-pane';
import { zhPane, type PaneStrings } from './zh-pane';

export type { Catalogue } from './zh';
export type { PaneStrings } from './zh-pane';
export type MessageKey = keyof Catalogue;
export type MessageParams<K extends MessageKey> = Parameters<Catalogue[K]>[0];

const CATALOGUES: Record<Lang, Catalogue> = { zh, en };

/** The task pane's words (zh-pane.ts, en-pane.ts): labels and sentences its components show. */
export const PANE: Record<Lang, PaneStrings> = { zh: zhPane, en: enPane };

/** The message `key` in `lang`, with its parameters filled in. */
export function say<K extends MessageKey>(lang: Lang, key: K, ...params: Parameters<Catalogue[K]>): string {
  const entry = CATALOGUES[lang][key] as (...p: Parameters<Catalogue[K]>) => string;
  return entry(...params);
}

/** Both languages at once, for values that carry their message in each (a ReadError, say). */
export function sayBoth<K extends MessageKey>(key: K, ...params: Parameters<Catalogue[K]>): Record<Lang, string> {
  return { zh: say('zh', key, ...params), en: say('en', key, ...params) };
}

/**
 * A cell's place as a person reads it. Refs are data (docs/findings.md): A1 addresses stay as they
 * are; a line of published text (`line N`) is named in the language asked for.
 */
export function placeName(lang: Lang, ref: string): string {
  const line = /^line (\d+)$/.exec(ref);
  return line ? say(lang, 'cli.line_ref', { line: line[1] }) : ref;
}

export interface FindingWords {
  /** Name the sheet with the cell (when no heading names it already). */
  withSheet?: boolean;
  /** How the host shows a piece of text from a file (a terminal makes control characters visible). */
  show?: (s: string) => string;
}

/** Where a finding is: its first cell (… when there are more); '' when it names no cell. */
export function findingPlace(f: Finding, lang: Lang, opts: FindingWords = {}): string {
  if (!f.cells.length) return '';
  const ref = opts.withSheet ? f.cells[0].ref : f.cells[0].ref.replace(/^.*!/, '');
  return `${(opts.show ?? same)(placeName(lang, ref))}${f.cells.length > 1 ? '…' : ''}`;
}

/**
 * A finding on one line as a person reads it (what refusals list): its place, then its words.
 * Never its rule id or instance key: those are for programs (the JSON and the bulk report's columns).
 */
export function findingLine(f: Finding, lang: Lang, opts: FindingWords = {}): string {
  const at = findingPlace(f, lang, opts);
  return `${at ? `${at} ` : ''}${(opts.show ?? same)(f.message)}`;
}

const same = (s: string) => s;
