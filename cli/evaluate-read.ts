/**
 * The region's files read and checked for xxgk evaluate by check's own checking processes
 * (cli/pool.ts: `--jobs` children, each with check's limits of memory and time; a file that kills
 * its child is said unreadable and costs nothing else). The reports located travel with the whole
 * result through the spool (cli/spool.ts), never through the main process's messages, and are
 * handed over in the order of the files, one file at a time. What the evaluation needs of each is
 * kept (evaluationRead): the rest of what was read is dropped as it arrives, so memory grows with
 * the reports evaluated, never with the files' size.
 */
import type { Lang } from '../core/model/findings';
import type { ReportData } from '../core/model/report';
import { placeReports, type FileRead } from '../core/evaluate';
import type { PlaceOptions } from '../core/evaluate/place';
import { checkFiles } from './pool';
import { openSpool } from './files';
import { Progress } from './progress';
import type { LocatedResult, PathOptions } from './worker';

export interface RegionReadOptions {
  lang: Lang;
  jobs: number;
  /** Show the progress line (a terminal, no --quiet: cli/progress.ts). */
  progress: boolean;
  /** How reports are placed: a report no placement could take keeps only what says why. */
  place: PlaceOptions;
}

/**
 * A file as the evaluation keeps it: each report that placement can take whole (its cells and
 * text, its result); a report it cannot (no agency, no year, another year, not on the list) only
 * with what says why (its sheet, agency, year, format, tables). Placement decides, not a copy of
 * its rules: placing the file alone takes exactly the reports placing the region can take (a second
 * report of an agency and year in the same file aside, which is never evaluated either way).
 */
export function evaluationRead(file: FileRead, place: PlaceOptions): FileRead {
  if (file.result.status !== 'checked') return file;
  const taken = new Set<ReportData>(placeReports([file], place).placed.map((p) => p.report));
  return {
    ...file,
    located: file.located.map((r) => (taken.has(r) ? r : { ...r, cells: {}, notes: [], textLines: undefined })),
    result: {
      ...file.result,
      reports: file.result.reports.map((r, i) => (taken.has(file.located[i]) ? r : { ...r, findings: [], notes: [], rules: undefined })),
    },
  };
}

/**
 * Reads and checks `files` in `jobs` checking processes; `onFile` gets each file as the evaluation
 * keeps it, in the order of `files`, with its index there.
 */
export async function readRegion(files: string[], opts: RegionReadOptions, onFile: (index: number, file: FileRead) => void): Promise<void> {
  const spool = openSpool(opts.lang);
  const progress = new Progress(opts.lang, files.length, opts.progress);
  const checkOpts: PathOptions = { lang: opts.lang, located: true };
  // What onFile throws (a part that cannot be written) must not escape into the pool's message handler: kept, thrown after.
  let failed: { e: unknown } | null = null;
  try {
    await checkFiles(
      files,
      checkOpts,
      opts.jobs,
      (i) => {
        if (failed) return;
        try {
          // The whole result, with its reports, read back from the spool and kept only as far as needed.
          const { located, ...result } = spool.get(i) as LocatedResult;
          result.path = files[i];
          onFile(i, evaluationRead({ path: files[i], result, located: located ?? [] }, opts.place));
        } catch (e) {
          failed = { e };
        }
        progress.show(i + 1, files[i]);
      },
      spool,
    );
    if (failed) throw (failed as { e: unknown }).e;
  } finally {
    progress.end();
    spool.close();
  }
}
