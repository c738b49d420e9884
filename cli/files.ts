/** The command line's file output and input, shared by its commands. */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../core/model/findings';
import { listInputFiles } from '../core/node/files';
import { ReadError } from '../core/read/errors';
import type { ReportData } from '../core/model/report';
import { L } from './args';

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export function writeAtomic(file: string, data: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Every report in the files (folders searched), each named "file" or "file#sheet" when a file has several. */
export async function readReportFiles(paths: string[], lang: Lang): Promise<{ name: string; report: ReportData }[]> {
  const out: { name: string; report: ReportData }[] = [];
  const { readReportsAsync } = await import('../core/checkfile');
  for (const file of listInputFiles(paths)) {
    let reports: ReportData[];
    try {
      const buf = fs.readFileSync(file);
      reports = await readReportsAsync(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file);
    } catch (e) {
      if (e instanceof ReadError) throw new Error(e.messageIn(lang));
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(L(lang, `文件「${file}」无法读取（${code ?? String(e)}）`, `${file}: cannot be read (${code ?? String(e)})`));
    }
    for (const r of reports)
      out.push({ name: reports.length > 1 ? `${file}#${r.sheet ?? ''}${r.area ? `!${r.area}` : ''}` : file, report: r });
  }
  return out;
}
