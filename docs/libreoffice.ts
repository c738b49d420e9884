/**
 * LibreOffice headless helpers for the template pictures (npm run docs:template) and the tests
 * that let a real spreadsheet program recalculate a template. Node only.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/**
 * Converts a file with LibreOffice headless (`--convert-to xlsx` recalculates every formula,
 * `pdf` prints it). Uses its own profile directory so that parallel runs do not collide.
 * Returns the path of the converted file in outDir.
 */
export function convert(soffice: string, file: string, to: 'xlsx' | 'pdf', outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lo-'));
  // Recalculate every formula on load (LibreOffice trusts cached results of files that say Excel wrote them).
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  try {
    const filter = to === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'pdf:calc_pdf_Export';
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '') + '.' + to);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice 未生成 ${out} / LibreOffice did not write ${out}`);
  return out;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;
