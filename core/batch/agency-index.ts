/**
 * A list of departments indexed once, so that matching a report, a file name or last year's
 * reports to it takes time near-linear in the list (a province's list has tens of thousands of
 * names; comparing every report with every name took minutes). Offices are indexed by their
 * characters (for short forms: 卫健委 for 卫生健康委员会) and by pairs of characters (for names one
 * or two characters apart: 市场监督管里局 for 市场监督管理局).
 */
import { agencyKey, parts, sameRegion, shortForm, type NameParts } from './agency';

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};
const pairsOf = (s: string) => {
  const ch = [...s];
  return [...new Set(ch.slice(1).map((c, i) => ch[i] + c))];
};
/** Figures and numerals: 第一中学 and 第二中学 are two schools, never a slip of one character. */
const NUMBERS = /[0-9０-９一二三四五六七八九十百千零〇两]/gu;

/** Edit distance of two short strings, or more than `most` (then stops early). */
export function editDistance(a: string, b: string, most: number): number {
  const x = [...a],
    y = [...b];
  if (Math.abs(x.length - y.length) > most) return most + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      low = Math.min(low, row[j]);
    }
    if (low > most) return most + 1;
    prev = row;
  }
  return prev[y.length];
}

/**
 * How many characters two offices may be apart and still be one department misspelt: one from
 * four characters on (市场监督管里局), two from eight (文化广电和旅游局); never in a figure or numeral,
 * never in the last character (局, 委, 办: the kind of office). Shorter names are too close to each
 * other (财政局 and 民政局 are one character apart).
 */
function near(a: string, b: string): boolean {
  const shortest = Math.min([...a].length, [...b].length);
  const most = shortest >= 8 ? 2 : shortest >= 4 ? 1 : 0;
  if (!most || a.slice(-1) !== b.slice(-1)) return false;
  if ((a.match(NUMBERS) ?? []).join('') !== (b.match(NUMBERS) ?? []).join('')) return false;
  const d = editDistance(a, b, most);
  return d >= 1 && d <= most;
}

export class AgencyIndex {
  private readonly order = new Map<string, number>();
  private readonly parsed = new Map<string, NameParts>();
  private readonly byKey = new Map<string, string[]>();
  private readonly byOffice = new Map<string, string[]>();
  /** Distinct offices containing a character. */
  private readonly withChar = new Map<string, string[]>();
  /** Distinct offices by the one of their characters fewest offices have. */
  private readonly byRarest = new Map<string, string[]>();
  /** Distinct offices by each pair of characters they hold. */
  private readonly withPair = new Map<string, string[]>();
  readonly longestKey: number;
  readonly longestOffice: number;

  constructor(readonly names: readonly string[]) {
    let longestKey = 0,
      longestOffice = 0;
    names.forEach((n, i) => {
      const k = agencyKey(n);
      // A name of punctuation only has an empty key: it never matches anything.
      if (!k || this.order.has(n)) return;
      this.order.set(n, i);
      const p = parts(k);
      this.parsed.set(n, p);
      push(this.byKey, k, n);
      if (!this.byOffice.has(p.office)) for (const c of new Set(p.office)) push(this.withChar, c, p.office);
      push(this.byOffice, p.office, n);
      longestKey = Math.max(longestKey, k.length);
      longestOffice = Math.max(longestOffice, p.office.length);
    });
    for (const office of this.byOffice.keys()) {
      const rarest = [...new Set(office)].reduce((a, b) => (this.withChar.get(b)!.length < this.withChar.get(a)!.length ? b : a));
      push(this.byRarest, rarest, office);
      for (const pair of pairsOf(office)) push(this.withPair, pair, office);
    }
    this.longestKey = longestKey;
    this.longestOffice = longestOffice;
  }

  partsOf(name: string): NameParts {
    return this.parsed.get(name) ?? parts(name);
  }

  /** Names of the list, each once, in the list's order. */
  inOrder(names: Iterable<string>): string[] {
    return [...new Set(names)].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** Listed names with this key (the name written the same way, without spaces and punctuation). */
  withKey(key: string): string[] {
    return key ? (this.byKey.get(key) ?? []) : [];
  }

  /** Listed names whose office is this one. */
  withOffice(office: string): string[] {
    return office ? (this.byOffice.get(office) ?? []) : [];
  }

  /** Distinct offices this office is a short form of (卫健委 → 卫生健康委员会). */
  longFormsOf(office: string): string[] {
    const chars = [...new Set(office)];
    if (chars.length < 2 || chars.some((c) => !this.withChar.has(c))) return [];
    const rarest = chars.reduce((a, b) => (this.withChar.get(b)!.length < this.withChar.get(a)!.length ? b : a));
    return this.withChar.get(rarest)!.filter((o) => shortForm(office, o));
  }

  /** Distinct offices that are short forms of this office. */
  shortFormsOf(office: string): string[] {
    return [...new Set(office)].flatMap((c) => this.byRarest.get(c) ?? []).filter((o) => shortForm(o, office));
  }

  /** Listed names that may be the same department as a name (sameAgency in core/batch/agency.ts), in list order. */
  fits(name: string): string[] {
    const k = agencyKey(name);
    if (!k) return [];
    const own = parts(k);
    const offices = [own.office, ...this.longFormsOf(own.office), ...this.shortFormsOf(own.office)];
    const names = offices.flatMap((o) => this.withOffice(o)).filter((n) => sameRegion(this.partsOf(n), own));
    return this.inOrder([...this.withKey(k), ...names]);
  }

  /**
   * Listed names one or two characters from a name (its office misspelt, or the list's), in the
   * same places; for a name nothing else matches. Only offices sharing one of five of its rarest
   * pairs of characters are compared: two edits leave at least one of any five pairs whole.
   */
  nearTo(name: string): string[] {
    const own = parts(agencyKey(name));
    if ([...own.office].length < 4) return [];
    const pairs = pairsOf(own.office)
      .map((p) => this.withPair.get(p) ?? [])
      .sort((a, b) => a.length - b.length)
      .slice(0, 5);
    const offices = new Set(pairs.flat());
    offices.delete(own.office);
    const names = [...offices].filter((o) => near(own.office, o)).flatMap((o) => this.withOffice(o));
    return this.inOrder(names.filter((n) => sameRegion(this.partsOf(n), own)));
  }

  /** Listed names whose key appears in a text (a file name's stem), in list order. */
  keysIn(text: string): string[] {
    return this.inOrder(substrings(text, this.longestKey).flatMap((s) => this.withKey(s)));
  }

  /** Listed names whose office (of two characters or more) appears in a text, in list order. */
  officesIn(text: string): string[] {
    return this.inOrder(
      substrings(text, this.longestOffice)
        .filter((s) => s.length >= 2)
        .flatMap((s) => this.withOffice(s)),
    );
  }
}

/** Every piece of a text up to a length: a file name's, bounded by the longest listed name. */
function substrings(text: string, longest: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= Math.min(text.length, i + longest); j++) out.add(text.slice(i, j));
  return [...out];
}

const built = new WeakMap<readonly string[], AgencyIndex>();

/** The index of a list, built once per list (the same array is matched against every report of a batch). */
export function indexOf(names: readonly string[]): AgencyIndex {
  let index = built.get(names);
  if (!index) {
    index = new AgencyIndex(names);
    built.set(names, index);
  }
  return index;
}
