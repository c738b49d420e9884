/**
 * A digest of a report's figures: its format, year, agency and every value cell as written, numbers
 * normalised ("12" and 12 are one figure). Two reports with the same digest hold the same figures,
 * whatever file kind carried them. Two independent 32-bit hashes, so that two different reports
 * taken for one (and one of them dropped as a copy) would need both to collide.
 */
import type { ReportData } from '../model/report';

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A value as one spelling: 12, "12" and "012.0" are one figure (by their digits, never rounded). */
function figure(raw: unknown, exact?: string): string {
  // Most figures are whole numbers: their one spelling is String's (no sign on 0, no leading zeros).
  if (exact === undefined && typeof raw === 'number' && Number.isSafeInteger(raw)) return String(raw);
  if (raw === null && exact === undefined) return '';
  const s = exact ?? (raw === null || raw === undefined ? '' : String(raw).trim());
  const m = NUMBER.exec(s);
  if (!m) return s;
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const digits = frac ? `${int}.${frac}` : int;
  return digits === '0' ? '0' : m[1] + digits;
}

export function figuresDigest(r: ReportData): string {
  const ids = Object.keys(r.cells).sort();
  // Hashed piece by piece, as the text they join to would be: no string of the whole report is
  // built. One loop with its state in locals (a closure over them was most of the digest's time).
  let fnv = 0x811c9dc5;
  let djb = 5381;
  let length = 0;
  for (let k = -1; k < ids.length; k++) {
    const id = ids[k];
    const text =
      k < 0 ? `${r.format}\u0000${r.year ?? ''}\u0000${r.agency ?? ''}` : `\u0000${id}=${figure(r.cells[id].raw, r.cells[id].exact)}`;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      fnv = Math.imul(fnv ^ c, 0x01000193) >>> 0;
      djb = (Math.imul(djb, 33) + c) >>> 0;
    }
    length += text.length;
  }
  return `${fnv.toString(16).padStart(8, '0')}${djb.toString(16).padStart(8, '0')}${length.toString(16)}`;
}
