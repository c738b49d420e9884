/**
 * Words of evaluator mode's shards and their merge (xxgk evaluate --shard / --merge,
 * cli/evaluate-parts.ts). zh-evaluate-parts.ts has the same keys; en.ts spreads them in.
 */
import type { zhEvaluateParts } from './zh-evaluate-parts';

export const enEvaluateParts: typeof zhEvaluateParts = {
  'evaluate.shard_invalid': (p) => `The shard "${p.value}" is not valid; write it as 2/8 (the second of eight)`,
  'evaluate.shard_needs_out': () => 'A shard needs --out: the file its partial results are written to',
  'evaluate.out_needs_shard': () => "--out goes with --shard: it writes that shard's partial results; print the evaluation with --json",
  'evaluate.shard_and_merge': () => '--shard and --merge do not go together: run the shards first, then merge their parts',
  'evaluate.shard_written': (p) =>
    `Shard ${p.shard}: ${p.files} files read (of ${p.total} in the folder), partial results written to "${p.file}"; merge the shards' parts with xxgk evaluate --merge`,
  'evaluate.merge.none': () => 'Give the parts to merge (the files the shards wrote with --out)',
  'evaluate.merge.not_part': (p) => `"${p.file}" is not a part written by xxgk evaluate --shard`,
  'evaluate.merge.bad_line': (p) => `Line ${p.line} of the part "${p.file}" is damaged; it cannot be merged: run that shard again`,
  'evaluate.merge.unreadable': (p) => `The part "${p.file}" cannot be read: ${p.why}`,
  'evaluate.merge.version': (p) =>
    `The part "${p.file}" was written by xxgk ${p.version}, not by this version (${p.ours}); it cannot be merged: run every shard with one version`,
  'evaluate.merge.incomplete': (p) =>
    `The part "${p.file}" (shard ${p.shard}) is incomplete: ${p.files} files and no end; the shard did not finish, or the copy did not: run that shard again`,
  'evaluate.merge.count': (p) =>
    `"${p.file}" splits the files in ${p.count} shards, "${p.first}" in ${p.firstCount}; they cannot be merged`,
  'evaluate.merge.options': (p) =>
    `"${p.file}" and "${p.first}" were run with different ${p.what}; they cannot be merged: run every shard with the same options`,
  'evaluate.merge.given': (p) =>
    `The ${p.what} given to the merge is not the shards'; the merge takes the shards' options, so leave it out`,
  'evaluate.merge.option.lang': () => 'language (--lang)',
  'evaluate.merge.option.years': () => 'years (--years)',
  'evaluate.merge.option.agencies': () => 'list of agencies (--agencies)',
  'evaluate.merge.listing': (p) =>
    `"${p.file}" saw ${p.files} files in the folder, "${p.first}" ${p.firstFiles}: the shards did not read the same files, so they cannot be merged`,
  'evaluate.merge.duplicate': (p) => `Shard ${p.shard} is given twice ("${p.a}" and "${p.b}"); it cannot be merged`,
  'evaluate.merge.missing': (p) => `Of ${p.count} shards, the part of shard ${p.shards} is missing; nothing is merged`,
  'evaluate.merge.file_twice': (p) => `"${p.file}" is in two shards: the shards did not read the same files, so they cannot be merged`,
  'evaluate.merge.listing_short': (p) =>
    `The shards hold ${p.files} files together, the folder ${p.total}: the shards did not read the same files, so they cannot be merged`,
};
