/**
 * Which department a report belongs to: agency names compared without spaces and punctuation,
 * the places a name starts with (某某省某某市某某县) set apart from the office, short forms (卫健委
 * for 卫生健康委员会) accepted; and which department a file name names.
 */

import { indexOf } from './agency-index';

/** A name without spaces, punctuation or full-width forms. */
export const agencyKey = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** One place at the start of a name (某某省, 顺河回族区, 某某街道), with at least two characters of office after it. */
const PLACE = /^.{1,9}?(?:特别行政区|自治区|自治州|自治县|自治旗|街道|省|市|州|盟|县|区|旗|镇|乡)(?=.{2,})/u;
/** What ends like a place but begins an office's name (城市管理局, 住房和城乡建设局) or is an office (公安局某某区分局). */
const NOT_PLACE = /(?:城市|城乡|都市|城镇)$|[局厅委室]|政府|中心|办公|办事/u;

/** A name split into its places, outermost first, and its office; `level` is a lone 县/区/市 (县林业局). */
export interface NameParts {
  places: string[];
  level: string | null;
  office: string;
}

/** A body named before the places (中共某某县委办公室, 国家税务总局某某县税务局): part of the office. */
const HEAD = /^(?:中国共产党|中共|国家税务总局)/u;

export function parts(name: string | null | undefined): NameParts {
  const k = agencyKey(name);
  const head = HEAD.exec(k)?.[0] ?? '';
  if (head && k.length > head.length + 2) {
    const p = parts(k.slice(head.length));
    return { ...p, office: head + p.office };
  }
  const places: string[] = [];
  let rest = k;
  for (let m = PLACE.exec(rest); m && !NOT_PLACE.test(m[0]); m = PLACE.exec(rest)) {
    let place = m[0];
    // 苏州市, 新乡县, 红旗区: the place's name ends in a place word; the word after it ends the place.
    if (place.length <= 3 && /[州乡镇旗]$/u.test(place) && /^[市县区省旗盟](?!场).{2,}/u.test(rest.slice(place.length)))
      place = rest.slice(0, place.length + 1);
    places.push(place);
    rest = rest.slice(place.length);
  }
  // A lone first 县/区/市 is a level before an office (县林业局, 县政府办公室), not in 市场监督管理局, 县委 or 县直.
  if (!places.length && /^[县区市].{2,}/u.test(k) && !/^.(?:场|委|直)/u.test(k)) return { places, level: k[0], office: k.slice(1) };
  return { places, level: null, office: rest };
}

/** The office within its places: 某某市某某县财政局 → 财政局, 县林业局 → 林业局; 市场监督管理局 is kept whole. */
export const officeOf = (name: string): string => parts(name).office;

/** The places a name names (某某县, 某某市某某县, 顺河回族区), or null: a lone 县, 区 or 市 names none. */
export function regionOf(name: string | null | undefined): string | null {
  const p = parts(name).places;
  return p.length ? p.join('') : null;
}

/**
 * Two names' places may be one: either unnamed, or the same innermost place with the shorter's
 * places all in the longer (某某县 within 某某市某某县; 甲市某某县 is not 乙市某某县). A lone 县 is
 * any county, not a city (县财政局 is not 某某市财政局).
 */
export function sameRegion(a: NameParts, b: NameParts): boolean {
  const [pa, pb] = [a.places, b.places];
  if (!pa.length || !pb.length) {
    const [level, named] = !pa.length ? [a.level, pb] : [b.level, pa];
    return !level || !named.length || named[named.length - 1].endsWith(level);
  }
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  if (short[short.length - 1] !== long[long.length - 1]) return false;
  let i = 0;
  for (const p of long) if (p === short[i]) i++;
  return i === short.length;
}

/** Whether every character of short appears in long, in order (卫健委 in 卫生健康委员会). */
export function isShortFor(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return short.length >= 2 && i === short.length;
}

/**
 * A short form keeps the kind of office: 卫健委 for 卫生健康委员会, 政府办 for 人民政府办公室, 政府
 * for 人民政府; but 人民政府 is not 人民政府办公室 (a government and its office report apart).
 */
export function shortForm(short: string, long: string): boolean {
  if (short.length >= long.length || !isShortFor(short, long)) return false;
  const end = short[short.length - 1];
  return long.endsWith(end) || (end === '委' && long.endsWith('委员会')) || (end === '办' && /办公[室厅]$/u.test(long));
}

const sameOffice = (oa: string, ob: string) => oa === ob || shortForm(oa, ob) || shortForm(ob, oa);

/**
 * Whether two names may be the same department: equal, or the same office (or a short form of it)
 * in the same places. 某某县财政局 and 另一县财政局 are two departments; 财政局 (no region) may be either.
 */
export function sameAgency(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = agencyKey(a),
    kb = agencyKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const pa = parts(ka),
    pb = parts(kb);
  return sameRegion(pa, pb) && sameOffice(pa.office, pb.office);
}

/** How a report's agency was matched to the list of departments. */
export interface DepartmentMatch {
  department: string | null;
  /** Matched although the agency names no region (财政局 for 某某县财政局): a guess to say. */
  guess: boolean;
  /**
   * Matched to a listed name written otherwise: more or fewer of its places (某某市某某县财政局 for
   * 某某县财政局) or a short form (卫健委): said, so the reader sees which listed name it was counted as.
   */
  restated: boolean;
  /** Several listed departments fit and nothing tells them apart. */
  among: string[];
}

/** Of several listed names, those whose places the path names most of (a county's folder), or all. */
function byPath(pool: string[], path: string): string[] {
  const where = agencyKey(path);
  const score = (l: string) => parts(l).places.filter((p) => where.includes(p)).length;
  const best = Math.max(...pool.map(score));
  return best > 0 ? pool.filter((l) => score(l) === best) : pool;
}

/**
 * The listed department a name belongs to: the exact name first; else the one of the same office
 * (or short form) in the same places; a name that fits several listed departments is told apart
 * by the places in the file's path (a county's folder), else left unmatched with those it fits.
 */
export function matchDepartment(name: string | null, listed: readonly string[], path = ''): DepartmentMatch {
  const none = { department: null, guess: false, restated: false, among: [] };
  const k = agencyKey(name);
  if (!k) return none;
  const index = indexOf(listed);
  const exact = index.withKey(k)[0];
  if (exact) return { department: exact, guess: false, restated: false, among: [] };
  const own = parts(k);
  const fits = index.fits(k);
  const sameName = fits.filter((l) => officeOf(l) === own.office);
  let pool = sameName.length ? sameName : fits;
  // The same places written the same way first (某某县人民政府 before 某某市人民政府 for 某某县政府).
  const samePlaces = pool.filter((l) => regionOf(l) === regionOf(k));
  if (pool.length > 1 && samePlaces.length) pool = samePlaces;
  if (pool.length > 1) pool = byPath(pool, path);
  if (pool.length > 1) return { department: null, guess: false, restated: false, among: pool };
  if (!pool.length) return none;
  const guess = !own.places.length && !!regionOf(pool[0]);
  return { department: pool[0], guess, restated: !guess, among: [] };
}

/** The listed department a name belongs to (see matchDepartment), or null. */
export const matchListed = (name: string | null, listed: readonly string[]): string | null => matchDepartment(name, listed).department;

/** Office names in a file name (县林业局2024年报.xlsx → 县林业局), by the endings departments' names have. */
const OFFICE_IN_NAME = /[\p{Script=Han}]{2,14}?(?:委员会|办公室|管理局|局|委|办|厅|院|中心|署)/gu;

/** The base name without folders, extension, years and common words of report titles. */
function fileStem(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,8}$/, '');
  return agencyKey(base)
    .replace(/\d+/g, ' ')
    .replace(/政府信息公开|工作年度报告|年度报告|年报|统计表|报表|修改|修订|最终|终稿|定稿|副本|新版|模板/gu, ' ');
}

/**
 * The department a file name names, when it is not the report's own: one of the listed (or known)
 * departments, else any office name in the file name that the agency cannot be a short form of.
 * Null when the file name names the report's agency or no department at all.
 */
export function otherNamedInFile(file: string, agency: string | null, known: readonly string[]): string | null {
  if (!agency) return null;
  const stem = fileStem(file);
  const mine = parts(agency);
  const own = mine.office;
  const index = indexOf(known);
  // The same office of other places (另一县财政局.xlsx holding 某某县财政局's report).
  for (const m of stem.matchAll(OFFICE_IN_NAME)) {
    const named = parts(m[0]);
    if (named.office === own && !sameRegion(named, mine)) return index.withKey(agencyKey(m[0]))[0] ?? m[0];
  }
  if (stem.includes(own) || stem.includes(agencyKey(agency))) return null;
  // The first listed (or known) department, in list order, whose office the file name holds.
  for (const k of index.officesIn(stem)) if (!sameAgency(k, agency) && officeOf(k) !== own) return k;
  for (const m of stem.matchAll(OFFICE_IN_NAME)) {
    const token = m[0];
    const office = officeOf(token);
    if (sameAgency(token, agency) || isShortFor(office, own) || isShortFor(office, agencyKey(agency))) return null;
    return token;
  }
  return null;
}

/** Of names all found in one text, the one the others are part of (某某县人民政府办公室 over 某某县人民政府), or null. */
function longestHolding(names: string[], key: (n: string) => string): string | null {
  const best = names.reduce((a, b) => (key(a).length >= key(b).length ? a : b));
  return names.every((n) => key(best).includes(key(n))) && names.filter((n) => key(n) === key(best)).length === 1 ? best : null;
}

/**
 * The listed department a file name names, for a report without an agency (or a file that is not
 * one): a listed name in full, else a listed office whose places the file name does not contradict
 * (财政局.xlsx is 某某县财政局 when it is the only 财政局 listed; never 另一县财政局 for 某某县财政局.xlsx).
 * When it could be several, `among` names them and nothing is chosen.
 */
export function listedInFileMatch(file: string, listed: readonly string[]): { department: string | null; among: string[] } {
  const stem = fileStem(file);
  const index = indexOf(listed);
  const full = index.keysIn(stem);
  if (full.length) {
    const best = longestHolding(full, agencyKey);
    return best ? { department: best, among: [] } : { department: null, among: full };
  }
  const tokens = [...stem.matchAll(OFFICE_IN_NAME)].map((m) => parts(m[0]));
  // An office named in the file with other places than the listed one's is another department.
  const fits = (l: string) => {
    const p = parts(l);
    return !tokens.some((t) => t.office.endsWith(p.office) && !sameRegion(t, p));
  };
  const hits = index.officesIn(stem).filter(fits);
  if (hits.length) {
    const best = longestHolding(hits, officeOf);
    return best ? { department: best, among: [] } : { department: null, among: hits };
  }
  for (const t of tokens) {
    const short = index.inOrder(index.longFormsOf(t.office).flatMap((o) => index.withOffice(o))).filter(fits);
    if (short.length === 1) return { department: short[0], among: [] };
    if (short.length > 1) return { department: null, among: short };
  }
  return { department: null, among: [] };
}

/** The listed department a file name names (see listedInFileMatch), or null. */
export const listedInFile = (file: string, listed: readonly string[]): string | null => listedInFileMatch(file, listed).department;

/** The departments of a list file: one name a line, blank lines and # comments left out, each once. */
export const parseAgencyList = (text: string): string[] => readAgencyList(text).names;

/**
 * The departments of a list file, and the lines that name none: a line of punctuation only (—, -,
 * …) would otherwise stand for every report without a department. Linear: each name once by its key.
 */
export function readAgencyList(text: string): { names: string[]; ignored: { line: number; text: string }[] } {
  const names: string[] = [];
  const ignored: { line: number; text: string }[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const s = raw.trim();
      if (!s || s.startsWith('#')) return;
      const k = agencyKey(s);
      if (!k) ignored.push({ line: i + 1, text: s });
      else if (!seen.has(k)) {
        seen.add(k);
        names.push(s);
      }
    });
  return { names, ignored };
}
