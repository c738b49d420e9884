/**
 * The system programs some tests need (README, "What the tests need"): Debian's Chromium,
 * LibreOffice (Calc and Writer), poppler-utils and CJK fonts — found, or what is missing in one
 * line with the command that installs it. Read by test/vitest.config.ts (which leaves out the
 * suites that cannot run, or fails under XXGK_REQUIRE_ALL=1) and test/helpers/system.ts.
 *
 * XXGK_CHROMIUM and XXGK_SOFFICE name the programs (an empty or wrong path makes them missing:
 * how the skipping itself is tested, test/system-skip.test.ts).
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';

export type Tool = 'chromium' | 'libreoffice' | 'poppler' | 'cjk-fonts';

const PACKAGES: Record<Tool, string> = {
  chromium: 'chromium',
  libreoffice: 'libreoffice-calc-nogui libreoffice-writer-nogui',
  poppler: 'poppler-utils',
  'cjk-fonts': 'fonts-noto-cjk',
};
const NAMES: Record<Tool, string> = {
  chromium: 'Chromium',
  libreoffice: 'LibreOffice (soffice)',
  poppler: 'poppler-utils (pdftotext, pdftoppm, pdfinfo)',
  'cjk-fonts': 'CJK fonts',
};

const onPath = (name: string): string | null => {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
};
const given = (v: string | undefined, fallback: () => string | null) => (v === undefined ? fallback() : v && existsSync(v) ? v : null);

/** Debian's Chromium, for the browser tests (playwright-core drives it; it downloads no browser). */
export const CHROMIUM: string | null = given(process.env.XXGK_CHROMIUM, () =>
  existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : onPath('chromium'),
);
export const SOFFICE: string | null = given(process.env.XXGK_SOFFICE, () => onPath('soffice') ?? onPath('libreoffice'));
const POPPLER = !!(onPath('pdfinfo') && onPath('pdftotext') && onPath('pdftoppm'));
const CJK = () => /noto.*cjk|wqy|source han/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '');

const present: Record<Tool, () => boolean> = {
  chromium: () => !!CHROMIUM,
  libreoffice: () => !!SOFFICE,
  poppler: () => POPPLER,
  'cjk-fonts': CJK,
};

/** What is missing of `tools`, in one line with the command that installs it; null when all are there. */
export function missing(...tools: Tool[]): string | null {
  const lack = tools.filter((t) => !present[t]());
  if (!lack.length) return null;
  return `missing ${lack.map((t) => NAMES[t]).join(', ')}: sudo apt-get install --no-install-recommends ${lack.map((t) => PACKAGES[t]).join(' ')}`;
}

/** What a test file needs, from what its source uses (so that a new suite is covered without a list to keep). */
export function toolsOf(source: string): Tool[] {
  const out: Tool[] = [];
  if (/playwright-core|browser\/(harness|suite)|launchChromium/.test(source)) out.push('chromium');
  if (/printToPdf|findSoffice|\bsoffice\b|\bconvert\(/.test(source)) out.push('libreoffice');
  if (/pdftotext|pdftoppm|pdfinfo|helpers\/print'/.test(source)) out.push('poppler');
  if (/helpers\/print'/.test(source)) out.push('cjk-fonts');
  return out;
}
