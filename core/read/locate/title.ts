/** The year and agency of a report, from its title (else the sheet or file name, for the year). */
import type { Scan } from './scan';

const YEAR_TITLE = /^(.*?)((?:19|20)\d{2})\s*年度?(.*?)(?:政府)?信息公开/;

function cleanAgency(s: string): string | null {
  const t = s
    .replace(/[\s＿_]+/g, '')
    .replace(/^(关于|印发)/, '')
    .replace(/(的|关于)$/, '')
    .replace(/^[《“"「]+|[》”"」]+$/g, '');
  if (!t || /^[\d\p{P}]+$/u.test(t) || t.length > 40) return null;
  return t;
}

export function parseTitle(text: string): { year: number; agency: string | null } | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = YEAR_TITLE.exec(s);
  if (!m) return null;
  const year = Number(m[2]);
  const agency = cleanAgency(m[1]) ?? cleanAgency(m[3]);
  return { year, agency };
}

export function findTitle(scans: Scan[], bookName: string): { year: number | null; agency: string | null } {
  let year: number | null = null;
  let agency: string | null = null;
  for (const sc of scans) {
    for (const t of sc.texts) {
      if (t.text.length > 120) continue;
      const p = parseTitle(t.text);
      if (p) {
        if (year === null) year = p.year;
        if (agency === null && p.agency) agency = p.agency;
        if (year !== null && agency !== null) return { year, agency };
      }
    }
  }
  if (year === null) {
    for (const sc of scans) {
      const m = /((?:19|20)\d{2})/.exec(sc.grid.name);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  if (year === null) {
    const m = /((?:19|20)\d{2})\s*年/.exec(bookName.normalize('NFKC'));
    if (m) year = Number(m[1]);
  }
  return { year, agency };
}
