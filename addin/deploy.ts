/**
 * What a build deploys to (used by webpack.config.ts and tested on its own): the base URL every
 * manifest address is rebased on, the manifest's version, and where Office.js comes from.
 *
 *   ADDIN_URL=https://intranet.example/xxgk/   where dist/ will be served (https); default https://localhost:3000/
 *   ADDIN_BUILD=7                              the version's fourth part; default: the commit count (changes each release)
 *   OFFICE_JS=local | <https URL>              Office.js beside the pane (from @microsoft/office-js), or another CDN
 */
import { execFileSync } from 'child_process';

export const DEV_BASE = 'https://localhost:3000/';
export const MICROSOFT_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The base URL ending in "/"; an address that is not https is refused (Office loads add-ins over https only). */
export function addinBase(value: string | undefined): string {
  const url = new URL(value?.trim() || DEV_BASE);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must be an https address: ${value}`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** A four-part manifest version: package version + build number (each part at most 65535). */
export function addinVersion(pkgVersion: string, build: string | undefined, cwd = process.cwd()): string {
  const parts = pkgVersion.split(/[.+-]/).slice(0, 3).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) throw new Error(`package version ${pkgVersion} is not x.y.z`);
  let n = build !== undefined && build !== '' ? Number(build) : NaN;
  if (Number.isNaN(n)) {
    try {
      n = Number(
        execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      );
    } catch {
      n = 0;
    }
  }
  if (!Number.isInteger(n) || n < 0) throw new Error(`ADDIN_BUILD must be a whole number: ${build}`);
  return [...parts, n % 65536].join('.');
}

/** The manifest with every dev-server address moved under `base` (the app domain becomes its origin) and the version set. */
export function rebaseManifest(xml: string, base: string, version: string): string {
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/https:\/\/localhost:3000\/([^"<\s]*)/g, (_, p: string) => `${base}${p}`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/** Where the pane loads Office.js from: Microsoft's CDN, a copy beside it ("local"), or a given https address. */
export function officeJsSource(value: string | undefined): { src: string; local: boolean } {
  const v = value?.trim();
  if (!v) return { src: MICROSOFT_CDN, local: false };
  if (v === 'local') return { src: 'office-js/office.js', local: true };
  if (!/^https:\/\//.test(v)) throw new Error(`OFFICE_JS must be "local" or an https address: ${v}`);
  return { src: v, local: false };
}
