/** The command line's inputs: reports read from files and folders, through core/node's one reader. */
import type { Lang } from '../core/model/findings';
import { listInputs, type Listing } from '../core/node/files';
import { readReportsBounded } from './read-child';
import { whyOf } from '../core/node/errors';
import type { FileResult } from '../core/model/findings';
import { tmpdir } from 'os';
import { Spool } from './spool';
import type { ReportData } from '../core/model/report';
import { FileError } from '../core/node/errors';
import { UsageError } from './args';
import { say } from '../core/messages';
import { err, shown } from './terminal';
import { statSync } from 'fs';

export { Inputs, planOutput, writeOutput, writeAtomic, type OutputPlan } from './write';

/** Every report in the files (folders searched), each named "file" or "file#sheet" when a file has several. */
export async function readReportFiles(paths: string[], _lang: Lang): Promise<{ name: string; report: ReportData }[]> {
  const out: { name: string; report: ReportData }[] = [];
  const listing = listInputs(paths);
  // Every file of a folder that is not read is said, a line each (the same rule in every command).
  for (const line of listingLines(listing, _lang)) err(`xxgk: ${line}\n`);
  for (const file of listing.files) {
    // ReadError, FileError and ReadStopped name the file in each language; fail() prints the one asked for.
    // Read in a child process with check's limits (cli/read-child.ts).
    const reports = await readReportsBounded(file);
    for (const r of reports)
      out.push({ name: reports.length > 1 ? `${file}#${r.sheet ?? ''}${r.area ? `!${r.area}` : ''}` : file, report: r });
  }
  return out;
}

/** A line for each file of a folder that is not read, and for each name shown decoded (core/node/files.ts). */
export function listingLines(l: Listing, lang: Lang): string[] {
  const lines = l.left.map((x) => {
    const file = shown(x.path);
    switch (x.why) {
      case 'own':
        return say(lang, 'outputs.left.own', { file, kind: x.kind ?? '' });
      case 'special':
        return say(lang, 'outputs.left.special', { file, why: x.reason?.[lang] ?? '' });
      case 'unlistable':
        return say(lang, 'outputs.left.unlistable', { file, why: x.reason?.[lang] ?? '' });
      default:
        return say(lang, `outputs.left.${x.why}`, { file });
    }
  });
  for (const d of l.decoded) lines.push(say(lang, 'outputs.decoded', { file: shown(d.path), encoding: d.encoding }));
  return lines;
}

/**
 * Bytes of results `check` keeps in memory (XXGK_SPOOL_MEMORY_MB, 0 for none): some thousands of
 * files' results, each a few kilobytes; the rest wait on disk.
 */
export const SPOOL_MEMORY_MB = Number(process.env.XXGK_SPOOL_MEMORY_MB ?? 16);

/**
 * Where `check` keeps its results until judged (TMPDIR): one that cannot hold them is said before the
 * work, with why. `inMemory`: results made in this process are kept in memory up to SPOOL_MEMORY_MB
 * (check's, read back at the end); without it every one goes to disk (evaluate's, each read back at
 * once and carrying the cells of its reports).
 */
export function openSpool(lang: Lang, inMemory = false): Spool<FileResult> {
  try {
    return new Spool<FileResult>({
      budget: inMemory && Number.isFinite(SPOOL_MEMORY_MB) && SPOOL_MEMORY_MB > 0 ? SPOOL_MEMORY_MB * 1024 * 1024 : 0,
      bytesOf: Spool.bytesOf,
      // The batch's findings are put first in each report's list (withBatchFindings): a list of its own each time.
      copy: (r) => ({ ...r, reports: r.reports.map((x) => ({ ...x, findings: [...x.findings] })) }),
    });
  } catch (e) {
    throw new UsageError(say(lang, 'outputs.no_spool', { folder: shown(tmpdir()), why: whyOf(e)[lang] }));
  }
}

/** A command that takes one file: a folder is refused (it would hold several reports, not one). */
export function oneFile(file: string, lang: Lang): string {
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    // the reader says why it cannot be read
  }
  if (folder) throw new UsageError(say(lang, 'cli.one_file_not_folder', { file: shown(file) }));
  return file;
}

export { FileError };
