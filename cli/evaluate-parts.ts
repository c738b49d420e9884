/**
 * A region split across machines (docs/evaluate.md, "Shards"): `--shard i/N` reads only the files
 * whose path, relative to the folder given, hashes to shard i, and writes each as the evaluation
 * keeps it (cli/evaluate-read.ts) to a part: JSON lines, a header (the tool's version, the options
 * that decide what a report is kept as, the shard, how many files the folder holds), a line per
 * file (its place in the whole folder's listing), and a last line saying the part is complete.
 * `--merge` reads the parts back in the folder's order, refusing parts of another version or other
 * options, a shard missing or given twice, and a part cut short, so that the evaluation that
 * follows sees exactly what one run over the whole folder would have seen.
 */
import { createHash } from 'crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'fs';
import * as path from 'path';
import { createInterface } from 'readline';
import type { Lang } from '../core/model/findings';
import type { FileRead } from '../core/evaluate';
import type { Listing } from '../core/node/files';
import { fileErrorOf, whyOf } from '../core/node/errors';
import { say, type MessageKey } from '../core/messages';
import { UsageError } from './args';
import { shown } from './terminal';
import { cleanStaleTemps, holdTemp, releaseTemp, tempNameFor, type OutputPlan } from './write';

/** The layout of a part; a part of another layout is refused. */
export const PART_FORMAT = 1;

/** What decides how a file is kept (a report no placement takes keeps only why) and the words of its results. */
export interface PartOptions {
  lang: Lang;
  years: { from: number; to: number } | null;
  agencies: string[] | null;
}

export interface Shard {
  /** 1 … count. */
  index: number;
  count: number;
}

export interface PartHeader {
  xxgkEvaluatePart: number;
  version: string;
  shard: Shard;
  options: PartOptions;
  /** Files in the whole listing (every shard's), and the listing's notes (files left out, names decoded). */
  files: number;
  left: Listing['left'];
  decoded: Listing['decoded'];
}

interface PartLine {
  /** The file's place in the whole folder's listing: the order a single run reads them in. */
  index: number;
  key: string;
  file: FileRead;
}

interface PartEnd {
  end: true;
  files: number;
}

/** The tool's version (package.json), from wherever the code runs (source or dist/node). */
export function toolVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'xxgk-tables') return pkg.version ?? '0';
    }
    if (path.dirname(dir) === dir) return '0';
  }
}

/** "2/8" → the second shard of eight, or a usage error. */
export function shardOf(v: string, lang: Lang): Shard {
  const m = /^\s*(\d{1,5})\s*\/\s*(\d{1,5})\s*$/.exec(v);
  const index = m ? Number(m[1]) : NaN,
    count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count) throw new UsageError(say(lang, 'evaluate.shard_invalid', { value: shown(v) }));
  return { index, count };
}

/**
 * A file's name relative to the folder it was found in (or its own name, given alone), with `/`:
 * the same on every machine given the same folder, wherever it is mounted.
 */
export function keyOf(file: string, inputs: readonly string[]): string {
  for (const p of inputs) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // not a folder: a file given by name
    }
    const rel = path.relative(p, file);
    if (dir && rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return path.basename(file);
}

/** The shard (0 … count−1) a key falls in: a stable hash, so machines split a folder without talking. */
export function shardIndexOf(key: string, count: number): number {
  return createHash('sha1').update(key, 'utf8').digest().readUInt32BE(0) % count;
}

// JSON has no NaN or Infinity: such a number is written as {"$number": "NaN"} and read back as the number.
const NUMBER = '$number';
const replacer = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { [NUMBER]: String(v) } : v);
const reviver = (_k: string, v: unknown) =>
  v && typeof v === 'object' && NUMBER in v && Object.keys(v).length === 1 ? Number((v as Record<string, string>)[NUMBER]) : v;

/** A part being written: to a temporary file beside it, renamed into place only when complete. */
export class PartWriter {
  private readonly fd: number;
  private readonly tmp: string | null;
  private count = 0;

  constructor(
    private readonly plan: OutputPlan,
    header: Omit<PartHeader, 'xxgkEvaluatePart' | 'version'>,
  ) {
    try {
      if (plan.kind === 'device') {
        this.tmp = null;
        this.fd = openSync(plan.target, 'w');
      } else {
        cleanStaleTemps(path.dirname(plan.target));
        this.tmp = tempNameFor(plan.target);
        holdTemp(this.tmp);
        this.fd = openSync(this.tmp, 'wx', plan.keep?.mode ?? 0o666);
      }
    } catch (e) {
      throw fileErrorOf(e, plan.name, true);
    }
    this.line({ xxgkEvaluatePart: PART_FORMAT, version: toolVersion(), ...header });
  }

  private line(value: unknown): void {
    const text = `${JSON.stringify(value, replacer)}\n`;
    try {
      writeSync(this.fd, text);
    } catch (e) {
      this.abandon();
      throw fileErrorOf(e, this.plan.name, true);
    }
  }

  add(index: number, key: string, file: FileRead): void {
    this.line({ index, key, file } satisfies PartLine);
    this.count++;
  }

  /** The closing line, then the part in place. */
  close(): number {
    this.line({ end: true, files: this.count } satisfies PartEnd);
    try {
      if (this.tmp) fsyncSync(this.fd);
      closeSync(this.fd);
      if (this.tmp) renameSync(this.tmp, this.plan.target);
    } catch (e) {
      this.abandon();
      throw fileErrorOf(e, this.plan.name, true);
    } finally {
      if (this.tmp) releaseTemp(this.tmp);
    }
    return this.count;
  }

  private abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    if (this.tmp) {
      rmSync(this.tmp, { force: true });
      releaseTemp(this.tmp);
    }
  }
}

/** The parts' files, in the order one run over the whole folder reads them, with the options they were read with. */
export interface Merged {
  files: FileRead[];
  options: PartOptions;
  listing: Listing;
}

const sameOptions = (a: PartOptions, b: PartOptions): 'lang' | 'years' | 'agencies' | null =>
  a.lang !== b.lang
    ? 'lang'
    : JSON.stringify(a.years) !== JSON.stringify(b.years)
      ? 'years'
      : JSON.stringify(a.agencies) !== JSON.stringify(b.agencies)
        ? 'agencies'
        : null;

/** Reads every part, refusing (UsageError, one line) any that does not belong with the others. */
export async function readParts(parts: readonly string[], lang: Lang): Promise<Merged> {
  type Key = Extract<MessageKey, `evaluate.merge.${string}`> extends `evaluate.merge.${infer K}` ? K : never;
  const refuse = (key: Key, p: Record<string, string | number> = {}) =>
    new UsageError((say as (l: Lang, k: string, p: object) => string)(lang, `evaluate.merge.${key}`, p));
  const ours = toolVersion();
  let first: { file: string; header: PartHeader } | null = null;
  const byShard = new Map<number, string>();
  const lines: PartLine[] = [];
  for (const part of parts) {
    let header: PartHeader | null = null;
    let end: PartEnd | null = null;
    let n = 0;
    const before = lines.length;
    try {
      const input = createInterface({ input: createReadStream(part, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const text of input) {
        n++;
        if (!text.trim()) continue;
        let value: unknown;
        try {
          value = JSON.parse(text, text.includes(`"${NUMBER}"`) ? reviver : undefined);
        } catch {
          throw refuse(header ? 'bad_line' : 'not_part', { file: shown(part), line: n });
        }
        if (!header) {
          header = value as PartHeader;
          if (header?.xxgkEvaluatePart === undefined) throw refuse('not_part', { file: shown(part) });
          if (header.xxgkEvaluatePart !== PART_FORMAT || header.version !== ours)
            throw refuse('version', { file: shown(part), version: shown(String(header.version)), ours });
          continue;
        }
        if (end) throw refuse('bad_line', { file: shown(part), line: n });
        if ((value as PartEnd).end === true) end = value as PartEnd;
        else if (typeof (value as PartLine).index === 'number' && (value as PartLine).file) lines.push(value as PartLine);
        else throw refuse('bad_line', { file: shown(part), line: n });
      }
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw refuse('unreadable', { file: shown(part), why: whyOf(e)[lang] });
    }
    if (!header) throw refuse('not_part', { file: shown(part) });
    const { index, count } = header.shard;
    // A part cut short (a shard stopped, a copy not finished) has no closing line, or fewer files than it says.
    if (!end || end.files !== lines.length - before)
      throw refuse('incomplete', { file: shown(part), shard: `${index}/${count}`, files: lines.length - before });
    if (!first) first = { file: part, header };
    else {
      const h = first.header;
      if (count !== h.shard.count) throw refuse('count', { file: shown(part), count, first: shown(first.file), firstCount: h.shard.count });
      const what = sameOptions(header.options, h.options);
      if (what)
        throw refuse('options', { file: shown(part), first: shown(first.file), what: say(lang, `evaluate.merge.option.${what}` as const) });
      if (header.files !== h.files)
        throw refuse('listing', { file: shown(part), files: header.files, first: shown(first.file), firstFiles: h.files });
    }
    const twice = byShard.get(index);
    if (twice !== undefined) throw refuse('duplicate', { shard: `${index}/${count}`, a: shown(twice), b: shown(part) });
    byShard.set(index, part);
  }
  if (!first) throw refuse('none');
  const { count } = first.header.shard;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byShard.has(i));
  if (missing.length) throw refuse('missing', { shards: missing.join('、'), count });
  lines.sort((a, b) => a.index - b.index);
  for (let i = 1; i < lines.length; i++)
    if (lines[i].index === lines[i - 1].index) throw refuse('file_twice', { file: shown(lines[i].file.path) });
  if (lines.length !== first.header.files) throw refuse('listing_short', { files: lines.length, total: first.header.files });
  return {
    files: lines.map((l) => l.file),
    options: first.header.options,
    listing: { files: [], left: first.header.left, decoded: first.header.decoded },
  };
}
