/**
 * Where xxgk evaluate's files come from (docs/evaluate.md): the folders given, read and checked
 * in `--jobs` checking processes (cli/evaluate-read.ts); or, with `--shard i/N`, only this shard's
 * files, written to a part (cli/evaluate-parts.ts) and not evaluated; or, with `--merge`, the parts
 * of every shard, read back in the order one run would have read the files. Either way the
 * evaluation gets the same files, kept the same way, with the same options.
 */
import type { Lang } from '../core/model/findings';
import type { FileRead } from '../core/evaluate';
import { listInputs, type Listing } from '../core/node/files';
import { say } from '../core/messages';
import { UsageError } from './args';
import { listingLines } from './files';
import { showsProgress } from './progress';
import { readRegion } from './evaluate-read';
import { keyOf, PartWriter, readParts, shardIndexOf, shardOf, type PartOptions } from './evaluate-parts';
import { Inputs, planOutput } from './write';
import { jobsFor } from './commands/check';
import { err, shown } from './terminal';

export interface RegionAsked {
  lang: Lang;
  /** --lang was given (a merge then holds it against the parts'). */
  langGiven: boolean;
  years: { from: number; to: number } | null;
  listed: string[] | null;
  jobs?: string;
  shard?: string;
  out?: string;
  merge?: boolean;
  quiet?: boolean;
}

export interface Region {
  files: FileRead[];
  options: PartOptions;
}

/** The number of checking processes asked for (--jobs N), within what the machine holds (as check). */
function jobsOf(v: string | undefined, lang: Lang): number {
  if (v === undefined) return jobsFor(undefined, lang);
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(say(lang, 'cli.jobs_invalid', { value: shown(v) }));
  return jobsFor(n, lang);
}

const printListing = (listing: Listing, lang: Lang) => {
  for (const line of listingLines(listing, lang)) err(`xxgk: ${line}\n`);
};

/** The region's files as the evaluation keeps them; null when a shard's part was written (nothing to evaluate here). */
export async function regionOf(inputs: string[], asked: RegionAsked): Promise<Region | null> {
  const { lang } = asked;
  if (asked.merge) {
    if (asked.shard !== undefined || asked.out !== undefined) throw new UsageError(say(lang, 'evaluate.shard_and_merge'));
    if (!inputs.length) throw new UsageError(say(lang, 'evaluate.merge.none'));
    const merged = await readParts(inputs, lang);
    const given = (what: 'lang' | 'years' | 'agencies') =>
      new UsageError(say(lang, 'evaluate.merge.given', { what: say(lang, `evaluate.merge.option.${what}`) }));
    const o = merged.options;
    if (asked.langGiven && asked.lang !== o.lang) throw given('lang');
    if (asked.years && JSON.stringify(asked.years) !== JSON.stringify(o.years)) throw given('years');
    if (asked.listed && JSON.stringify(asked.listed) !== JSON.stringify(o.agencies)) throw given('agencies');
    printListing(merged.listing, o.lang);
    return { files: merged.files, options: o };
  }
  const options: PartOptions = { lang, years: asked.years, agencies: asked.listed };
  const shard = asked.shard === undefined ? null : shardOf(asked.shard, lang);
  if (shard && asked.out === undefined) throw new UsageError(say(lang, 'evaluate.shard_needs_out'));
  if (!shard && asked.out !== undefined) throw new UsageError(say(lang, 'evaluate.out_needs_shard'));
  const jobs = jobsOf(asked.jobs, lang);
  // Every file of the folders, whatever it is (as check lists them): one no reader takes is said, never passed over.
  const listing = listInputs(inputs, []);
  const plan = shard ? planOutput(asked.out!, lang, new Inputs(listing.files)) : null;
  printListing(listing, lang);
  const read = { lang, jobs, progress: showsProgress(asked.quiet), place: { listed: asked.listed, years: asked.years } };
  if (!shard || !plan) {
    const files: FileRead[] = [];
    await readRegion(listing.files, read, (_i, f) => files.push(f));
    return { files, options };
  }
  // Every machine lists the whole folder the same way and takes its own files: no one hands them out.
  const mine = listing.files
    .map((file, index) => ({ file, index, key: keyOf(file, inputs) }))
    .filter((f) => shardIndexOf(f.key, shard.count) === shard.index - 1);
  const part = new PartWriter(plan, { shard, options, files: listing.files.length, left: listing.left, decoded: listing.decoded });
  await readRegion(
    mine.map((f) => f.file),
    read,
    (i, f) => part.add(mine[i].index, mine[i].key, f),
  );
  const written = part.close();
  err(
    `xxgk: ${say(lang, 'evaluate.shard_written', { shard: `${shard.index}/${shard.count}`, files: written, total: listing.files.length, file: shown(plan.name) })}\n`,
  );
  return null;
}
