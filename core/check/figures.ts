/**
 * A digest of a report's figures: its format, year, agency and every value cell as written, numbers
 * normalised ("12" and 12 are one figure). Two reports with the same digest hold the same figures,
 * whatever file kind carried them and in whatever order the reader listed the cells. Two
 * independent 32-bit hashes, so that two different reports taken for one (and one of them dropped
 * as a copy) would need both to collide.
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

/** FNV-1a's and djb2's starting states. */
const FNV0 = 0x811c9dc5;
const DJB0 = 5381;

/** Murmur3's finaliser: a pair's hash spread over all 32 bits before the pairs are added up. */
function spread(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Both hashes of a cell id's "\0id=": the same few hundred ids recur in every report, so each is hashed once. */
const idStates = new Map<string, [number, number]>();
function idState(id: string): [number, number] {
  let s = idStates.get(id);
  if (s === undefined) {
    let fnv = FNV0;
    let djb = DJB0;
    const text = `\u0000${id}=`;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      fnv = Math.imul(fnv ^ c, 0x01000193) >>> 0;
      djb = (Math.imul(djb, 33) + c) >>> 0;
    }
    // Ids are the forms' cells (a few thousand at most); a foreign report's odd ids do not grow it past this.
    if (idStates.size >= 20_000) idStates.clear();
    idStates.set(id, (s = [fnv, djb]));
  }
  return s;
}

export function figuresDigest(r: ReportData): string {
  // Each cell is hashed as a pair "\0id=figure" and the pairs' spread hashes are added up: the
  // same sum whatever order the cells come in, with no sort of the ids (the digest's largest cost).
  let sum1 = 0;
  let sum2 = 0;
  let length = 0;
  let count = 0;
  const cells = r.cells;
  const ids = Object.keys(cells);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    const cell = cells[id];
    const text = figure(cell.raw, cell.exact);
    const st = idState(id);
    let fnv = st[0];
    let djb = st[1];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      fnv = Math.imul(fnv ^ c, 0x01000193) >>> 0;
      djb = (Math.imul(djb, 33) + c) >>> 0;
    }
    sum1 = (sum1 + spread(fnv)) >>> 0;
    sum2 = (sum2 + spread(djb ^ 0x5bd1e995)) >>> 0;
    length += id.length + text.length + 2;
    count++;
  }
  let fnv = FNV0;
  let djb = DJB0;
  const head = `${r.format}\u0000${r.year ?? ''}\u0000${r.agency ?? ''}\u0000${count}`;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193) >>> 0;
    djb = (Math.imul(djb, 33) + c) >>> 0;
  }
  const h1 = (spread(fnv) ^ sum1) >>> 0;
  const h2 = (spread(djb) + sum2) >>> 0;
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}${(length + head.length).toString(16)}`;
}
