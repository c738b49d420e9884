/** The command line's inputs: reports read from files and folders, through core/node's one reader. */
import type { Lang } from '../core/model/findings';
import { listInputFiles } from '../core/node/files';
import { readReportsBounded } from './read-child';
import type { ReportData } from '../core/model/report';
import { FileError } from '../core/node/errors';
import { UsageError } from './args';
import { say } from '../core/messages';
import { shown } from './terminal';
import { statSync } from 'fs';

export { Inputs, planOutput, writeOutput, writeAtomic, type OutputPlan } from './write';

/** Every report in the files (folders searched), each named "file" or "file#sheet" when a file has several. */
export async function readReportFiles(paths: string[], _lang: Lang): Promise<{ name: string; report: ReportData }[]> {
  const out: { name: string; report: ReportData }[] = [];
  for (const file of listInputFiles(paths)) {
    // ReadError, FileError and ReadStopped name the file in each language; fail() prints the one asked for.
    // Read in a child process with check's limits (cli/read-child.ts).
    const reports = await readReportsBounded(file);
    for (const r of reports)
      out.push({ name: reports.length > 1 ? `${file}#${r.sheet ?? ''}${r.area ? `!${r.area}` : ''}` : file, report: r });
  }
  return out;
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
