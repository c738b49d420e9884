/** PDFs for the tests, printed from documents the tests write, by LibreOffice (docs/libreoffice.ts finds it). */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findSoffice } from '../../docs/libreoffice';

export const soffice = findSoffice();

/**
 * Prints documents to PDF with LibreOffice (one call for all: it starts slowly), in its own profile;
 * `filter` names another output, `infilter` the import filter (a page opened in Calc: "HTML (StarCalc)").
 */
export function printToPdf(files: string[], outDir: string, filter = 'pdf', infilter?: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lo-'));
  try {
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 240_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = filter.split(':')[0];
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${ext}`)));
}
