/**
 * How much of each report's prose repeats another report (雷同, docs/evaluate.md "copying"): the
 * agency's own last year, and each other agency's report of that year or before.
 *
 * Scale (a region of 10,000 reports): no pair of texts is compared unless they share wording.
 * 1. Every shingle (SHINGLE characters of prose) is counted once per agency that writes it, in a
 *    fixed-size counting sketch (two rows, the smaller count taken: a collision can only count
 *    more, which makes wording common, never an accusation).
 * 2. A shingle written by more than `commonAbove` agencies is the region's common wording (the
 *    opening "根据《中华人民共和国政府信息公开条例》…", template sentences handed out to every office):
 *    its characters count neither as copied nor in the report's own text.
 * 3. An index of the remaining shingles, one in SAMPLE kept by its hash (both reports keep the same
 *    ones), sorted once: a report's candidates are the reports sharing at least a fifth of its
 *    sampled shingles; the others cannot repeat half its text.
 * 4. Each candidate (and always the agency's own last year) is compared exactly: shared passages
 *    grown character by character from a shared shingle; passages of fewer than MIN_PASSAGE
 *    characters (a stock phrase) are not counted, and of the others only the own characters.
 */
import { sameAgency } from '../batch/agency';
import type { Placed } from './place';
import type { Region } from './check';
import { proseOf, SHINGLE, type ProseText } from './shingles';

/** Fewest characters of a counted shared passage: a clause, more than a stock phrase. */
export const MIN_PASSAGE = 20;
/** Fewest own characters of prose for a share to mean anything. */
export const MIN_TEXT = 50;
/** One shingle in SAMPLE goes into the index of candidates. */
const SAMPLE = 4;
/** Most reports compared exactly with one report, the best candidates first. */
const MAX_CANDIDATES = 50;
const DOC_BITS = 2 ** 21;

export interface ProseDoc {
  agency: number;
  year: number;
  placed: Placed;
  prose: ProseText;
  /** 1 where a character is the report's own wording (not the region's common wording). */
  own: Uint8Array;
  ownChars: number;
}

export interface Passage {
  from: number;
  to: number;
  otherFrom: number;
  /** Own characters in it. */
  own: number;
}

export interface Overlap {
  other: ProseDoc;
  /** Share of this report's own prose found in the other report, 0–100, one decimal. */
  percent: number;
  /** The shared passages, longest first. */
  passages: Passage[];
}

export interface CopyIndex {
  docs: ProseDoc[];
  byPlaced: Map<Placed, ProseDoc>;
  /** Wording written by more agencies than this is common. */
  commonAbove: number;
  /** The agency's latest earlier report, and the best overlap with each other agency (above none: all kept). */
  overlapsOf(doc: ProseDoc): { ownPrior: Overlap | null; others: Overlap[] };
}

/** Common wording: written by more than 5 % of the region's agencies writing prose, at least 3, at most 50. */
export const commonAboveFor = (agencies: number) => Math.min(50, Math.max(3, Math.ceil(agencies * 0.05)));

class Sketch {
  private rows: [Uint8Array, Uint8Array];
  private mask: number;
  constructor(items: number) {
    let size = 1 << 16;
    while (size < items * 2 && size < 1 << 24) size <<= 1;
    this.rows = [new Uint8Array(size), new Uint8Array(size)];
    this.mask = size - 1;
  }
  private second(h: number): number {
    return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 7) & this.mask;
  }
  add(h: number) {
    const a = h & this.mask,
      b = this.second(h);
    if (this.rows[0][a] < 255) this.rows[0][a]++;
    if (this.rows[1][b] < 255) this.rows[1][b]++;
  }
  count(h: number): number {
    return Math.min(this.rows[0][h & this.mask], this.rows[1][this.second(h)]);
  }
}

export function copyIndex(region: Region): CopyIndex {
  const docs: ProseDoc[] = [];
  /** Each agency's reports, latest first. */
  const ofAgency: ProseDoc[][] = region.agencies.map((a, agency) => {
    const own = a.reports.map((placed) => {
      const prose = proseOf(placed.report.textLines);
      return { agency, year: placed.year, placed, prose, own: new Uint8Array(prose.chars.length), ownChars: 0 };
    });
    docs.push(...own);
    return own.sort((x, y) => y.year - x.year);
  });
  const writing = ofAgency.filter((own) => own.some((d) => d.prose.hashes.length));
  const commonAbove = commonAboveFor(writing.length);
  const sketch = new Sketch(docs.reduce((s, d) => s + d.prose.hashes.length, 0));
  for (const own of writing) {
    const seen = new Set<number>();
    for (const d of own) for (const h of d.prose.hashes) seen.add(h);
    for (const h of seen) sketch.add(h);
  }
  const keys: number[] = [];
  docs.forEach((d, di) => {
    const n = d.prose.chars.length;
    const common = new Uint8Array(n);
    const sampled = new Set<number>();
    d.prose.hashes.forEach((h, i) => {
      if (sketch.count(h) > commonAbove) common.fill(1, i, i + SHINGLE);
      else if (h % SAMPLE === 0) sampled.add(h);
    });
    for (let i = 0; i < n; i++)
      if (!common[i]) {
        d.own[i] = 1;
        d.ownChars++;
      }
    for (const h of sampled) keys.push(h * DOC_BITS + di);
  });
  const index = Float64Array.from(keys).sort();
  const byPlaced = new Map(docs.map((d) => [d.placed, d]));
  const docOf = new Map(docs.map((d, i) => [d, i]));

  // Two names that may be one agency written two ways (某某县财政局, 县财政局: batch/agency.ts) are
  // never held against each other: that would accuse an agency of copying itself.
  const names = region.agencies.map((a) => a.agency);
  const sameName = (a: number, b: number) => sameAgency(names[a], names[b]);

  function candidates(d: ProseDoc): number[] {
    const di = docOf.get(d)!;
    const counts = new Map<number, number>();
    let sampled = 0;
    const own = new Set<number>();
    d.prose.hashes.forEach((h) => h % SAMPLE === 0 && own.add(h));
    for (const h of own) {
      let lo = lowerBound(index, h * DOC_BITS);
      if (lo < index.length && Math.floor(index[lo] / DOC_BITS) === h) sampled++;
      for (; lo < index.length && Math.floor(index[lo] / DOC_BITS) === h; lo++) {
        const other = index[lo] - h * DOC_BITS;
        if (other !== di) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    const least = Math.max(1, Math.ceil(sampled / 5));
    return [...counts]
      .filter(([o, c]) => c >= least && docs[o].agency !== d.agency && docs[o].year <= d.year && !sameName(docs[o].agency, d.agency))
      .sort((x, y) => y[1] - x[1])
      .slice(0, MAX_CANDIDATES)
      .map(([o]) => o);
  }

  function overlapsOf(d: ProseDoc): { ownPrior: Overlap | null; others: Overlap[] } {
    if (d.ownChars < MIN_TEXT) return { ownPrior: null, others: [] };
    const prior = ofAgency[d.agency].find((o) => o.year < d.year);
    const best = new Map<number, Overlap>();
    for (const o of candidates(d)) {
      const ov = overlap(d, docs[o]);
      const had = best.get(docs[o].agency);
      if (!had || ov.percent > had.percent || (ov.percent === had.percent && docs[o].year > had.other.year)) best.set(docs[o].agency, ov);
    }
    return { ownPrior: prior ? overlap(d, prior) : null, others: [...best.values()].sort((x, y) => y.percent - x.percent) };
  }

  return { docs, byPlaced, commonAbove, overlapsOf };
}

function lowerBound(a: Float64Array, key: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The passages of `d` found in `o`, grown from shared shingles, and their share of d's own prose. */
export function overlap(d: ProseDoc, o: ProseDoc): Overlap {
  const at = new Map<number, number[]>();
  o.prose.hashes.forEach((h, j) => {
    const list = at.get(h);
    if (!list) at.set(h, [j]);
    else if (list.length < 16) list.push(j);
  });
  const a = d.prose.chars,
    b = o.prose.chars;
  const passages: Passage[] = [];
  let i = 0;
  while (i < d.prose.hashes.length) {
    let len = 0,
      from = -1;
    for (const j of at.get(d.prose.hashes[i]) ?? []) {
      let l = 0;
      while (i + l < a.length && j + l < b.length && a.charCodeAt(i + l) === b.charCodeAt(j + l)) l++;
      if (l > len) {
        len = l;
        from = j;
      }
    }
    if (len < SHINGLE) {
      i++;
      continue;
    }
    // A passage is cut at the ends of lines (paragraphs): a figure ending one paragraph and beginning
    // the next is no shared passage, and each piece is quoted from its own line.
    for (let start = i, k = i; k <= i + len; k++) {
      if (k < i + len && d.prose.line[k] === d.prose.line[start]) continue;
      let own = 0;
      for (let q = start; q < k; q++) own += d.own[q];
      if (k - start >= MIN_PASSAGE && own > 0) passages.push({ from: start, to: k, otherFrom: from + (start - i), own });
      start = k;
    }
    i += len;
  }
  const copied = passages.reduce((s, p) => s + p.own, 0);
  passages.sort((x, y) => y.own - x.own);
  return { other: o, percent: d.ownChars ? Math.round((copied / d.ownChars) * 1000) / 10 : 0, passages };
}
