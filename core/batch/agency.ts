/**
 * Which department a report belongs to: agency names compared without spaces and punctuation,
 * with the region prefix (某某县, 顺河回族区) set aside and short forms (卫健委 for 卫生健康委员会)
 * accepted; and which department a file name names.
 */

/** A name without spaces, punctuation or full-width forms. */
export const agencyKey = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** The place a name starts with (…省, …市, …县, …区, …旗, …镇, …乡), kept apart from the office. */
const REGION = /^(.{0,10}?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗|镇|乡|街道))(?=.{2,})/u;

/**
 * The office within its region: 某某县财政局 → 财政局, 县林业局 → 林业局. A name whose office
 * starts with a region character (市场监督管理局) is kept whole.
 */
export function officeOf(name: string): string {
  const k = agencyKey(name);
  const m = REGION.exec(k);
  if (!m) return k;
  const rest = k.slice(m[1].length);
  // A lone first character is a region only as 县/区/市 before an office (县林业局), not in 市场监督管理局 or 乡村振兴局.
  if (m[1].length === 1 && (!/[县区市]/u.test(m[1]) || /^(场|政府|委|直|人民)/u.test(rest))) return k;
  return rest;
}

/**
 * The region a name names (某某县, 顺河回族区, 某某镇), or null: a lone 县, 区 or 市 names none, and
 * 城市… or 住房和城乡… begin an office's name, not a place.
 */
export function regionOf(name: string | null | undefined): string | null {
  const k = agencyKey(name);
  const region = k.slice(0, k.length - officeOf(k).length);
  return region.length > 1 && !/(城市|城乡|都市)$/u.test(region) ? region : null;
}

/** Two regions that may be one: the same, either unnamed, or one within the other (某某市某某县 and 某某县). */
function sameRegion(a: string | null | undefined, b: string | null | undefined): boolean {
  const ra = regionOf(a),
    rb = regionOf(b);
  return !ra || !rb || ra === rb || ra.endsWith(rb) || rb.endsWith(ra);
}

/** Whether every character of short appears in long, in order (卫健委 in 卫生健康委员会). */
export function isShortFor(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return short.length >= 2 && i === short.length;
}

const sameOffice = (oa: string, ob: string) =>
  oa === ob || (oa.length >= 2 && ob.length >= 2 && (isShortFor(oa, ob) || isShortFor(ob, oa)));

/**
 * Whether two names may be the same department: equal, or the same office (or a short form of it)
 * in the same region. 某某县财政局 and 另一县财政局 are two departments; 财政局 (no region) may be either.
 */
export function sameAgency(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = agencyKey(a),
    kb = agencyKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  return sameRegion(ka, kb) && sameOffice(officeOf(ka), officeOf(kb));
}

/** How a report's agency was matched to the list of departments. */
export interface DepartmentMatch {
  department: string | null;
  /** Matched although the agency names no region (财政局 for 某某县财政局): a guess to say. */
  guess: boolean;
  /** Several listed departments fit and nothing tells them apart. */
  among: string[];
}

/**
 * The listed department a name belongs to: the exact name first; else the one of the same office
 * (or short form) in the same region; a name without region that fits several listed departments
 * is told apart by the region in the file's path (a county's folder), else left unmatched.
 */
export function matchDepartment(name: string | null, listed: readonly string[], path = ''): DepartmentMatch {
  const none = { department: null, guess: false, among: [] };
  const k = agencyKey(name);
  if (!k) return none;
  const exact = listed.find((l) => agencyKey(l) === k);
  if (exact) return { department: exact, guess: false, among: [] };
  const fits = listed.filter((l) => sameAgency(l, k));
  const sameName = fits.filter((l) => officeOf(l) === officeOf(k));
  let pool = sameName.length ? sameName : fits;
  if (pool.length > 1) {
    const where = agencyKey(path);
    const inPath = pool.filter((l) => regionOf(l) && where.includes(regionOf(l)!));
    if (inPath.length) pool = inPath;
  }
  if (pool.length > 1) return { department: null, guess: false, among: pool };
  if (!pool.length) return none;
  return { department: pool[0], guess: !regionOf(k) && !!regionOf(pool[0]), among: [] };
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
  const own = officeOf(agency);
  // The same office of another region (另一县财政局.xlsx holding 某某县财政局's report).
  for (const m of stem.matchAll(OFFICE_IN_NAME))
    if (officeOf(m[0]) === own && !sameRegion(m[0], agency)) return known.find((k) => agencyKey(k) === agencyKey(m[0])) ?? m[0];
  if (stem.includes(own) || stem.includes(agencyKey(agency))) return null;
  for (const k of known) {
    if (sameAgency(k, agency) || officeOf(k) === own) continue;
    const office = officeOf(k);
    if (office.length >= 2 && stem.includes(office)) return k;
  }
  for (const m of stem.matchAll(OFFICE_IN_NAME)) {
    const token = m[0];
    const office = officeOf(token);
    if (sameAgency(token, agency) || isShortFor(office, own) || isShortFor(office, agencyKey(agency))) return null;
    return token;
  }
  return null;
}

/** The listed department a file name names (for a report without an agency, or a file that is not one). */
export function listedInFile(file: string, listed: readonly string[]): string | null {
  const stem = fileStem(file);
  const hits = listed.filter((l) => stem.includes(agencyKey(l)) || stem.includes(officeOf(l)));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    // 某某县人民政府办公室 and 某某县人民政府: the longest name is the one meant.
    const best = hits.reduce((a, b) => (officeOf(a).length >= officeOf(b).length ? a : b));
    return best;
  }
  for (const m of stem.matchAll(OFFICE_IN_NAME)) {
    const fits = listed.filter((l) => isShortFor(officeOf(m[0]), officeOf(l)));
    if (fits.length === 1) return fits[0];
  }
  return null;
}

/** The departments of a list file: one name a line, blank lines and # comments left out, each once. */
export function parseAgencyList(text: string): string[] {
  const names = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
  return names.filter((n, i) => names.findIndex((m) => agencyKey(m) === agencyKey(n)) === i);
}
