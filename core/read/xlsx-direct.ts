/**
 * An .xlsx read straight from its inflated parts: the sheet list, shared strings, each sheet's
 * cells, formulas and merges, the defined names, and which cell styles are dates. That is all a
 * check needs; SheetJS builds far more (a style table, number format texts, an object per cell)
 * and cost most of a check's time. What this reader does not understand (chart or macro sheets,
 * 1904 dates, ISO date cells, array formulas, a part it cannot find) it hands back as null, and the caller reads the package with SheetJS instead: never a
 * guess. It reads what SheetJS reads, value for value; test/read-direct.test.ts holds the two equal.
 */
import type { Book, GridCell, Merge } from './grid';
import { columnIndex, columnLetters } from './grid';
import type { ZipEntry } from './zip';
import { isDateFormat, builtinFormat } from './xlsx-dates';
import { roundedByDouble } from './xlsx-exact';

type Parts = Map<string, Uint8Array>;
export interface DirectSheet {
  name: string;
  rows: (GridCell | undefined)[][];
  merges: Merge[];
}

const utf8 = new TextDecoder('utf-8');

/** Entities and the _xHHHH_ escapes of OOXML text, as SheetJS's unescapexml decodes them. */
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const CODE = /_x([\da-fA-F]{4})_/gi;
function unescapeXml(s: string): string {
  const out = unescaped(s);
  // A copy, not V8's slice of the part's XML: a text kept (a cell, a label in the locator's caches)
  // would keep the whole XML alive (test/read-direct-memory.test.ts). Shorter strings are copied anyway.
  return out.length >= 13 ? (' ' + out).slice(1) : out;
}
function unescaped(s: string): string {
  if (s.includes('<![CDATA[')) return unescapeCdata(s);
  if (s.includes('&'))
    s = s.replace(
      ENTITY,
      (all, n: string | undefined) => NAMED[all.toLowerCase()] ?? (String.fromCharCode(parseInt(n!, all.includes('x') ? 16 : 10)) || all),
    );
  if (s.includes('_x')) s = s.replace(CODE, (_, c: string) => String.fromCharCode(parseInt(c, 16)));
  return s.includes('\r\n') ? s.replace(/\r\n/g, '\n') : s;
}
function unescapeCdata(s: string): string {
  const i = s.indexOf('<![CDATA[');
  if (i < 0) return unescaped(s);
  const j = s.indexOf(']]>', i);
  return unescaped(s.slice(0, i)) + s.slice(i + 9, j) + unescapeCdata(s.slice(j + 3));
}

/**
 * One attribute of a cell or row tag, found by its name: a sheet has a tag per cell, and a
 * general attribute parse per tag was the reader's largest cost. Tags quoting with ' go to attrs().
 */
function attr(tag: string, name: ' r="' | ' t="' | ' s="'): string | undefined {
  const at = tag.indexOf(name);
  if (at < 0) return undefined;
  const from = at + name.length;
  return tag.slice(from, tag.indexOf('"', from));
}
const quickAttrs = (tag: string) => (tag.includes("'") ? attrs(tag) : { r: attr(tag, ' r="'), t: attr(tag, ' t="'), s: attr(tag, ' s="') });

/**
 * A cell's r="D8" as 0-based row and column, the pair kept in `at` (no object per cell), or
 * false when it is not /^[A-Z]+\d+$/ (the sheet is then left to SheetJS). A loop over char
 * codes: the regex and columnIndex's upper-casing were a measurable part of each cell's cost.
 */
const at = { r: 0, c: 0 };
function cellAt(ref: string): boolean {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  const digits = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
  }
  if (digits === 0 || i === digits || i !== ref.length) return false;
  // Past 15 digits the running sum may round differently from Number(): take Number's.
  at.r = (i - digits > 15 ? Number(ref.slice(digits)) : row) - 1;
  at.c = col - 1;
  return true;
}

/** A cell's <v> text, found by indexOf when its first "<v" opens a plain <v>, else by the regex. */
const V = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
function valueText(body: string): string | undefined {
  const i = body.indexOf('<v');
  if (i < 0) return undefined;
  if (body.startsWith('<v>', i)) {
    const j = body.indexOf('</v>', i + 3);
    if (j >= 0) return body.slice(i + 3, j);
  }
  const vm = V.exec(body);
  return vm ? vm[1] : undefined;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]] = m[2] ?? m[3];
  return out;
}

/**
 * A part's XML with the spreadsheet namespace's prefix taken off its elements: WPS writes
 * <x:workbook>, <x:c> where Excel writes <workbook>, <c>. Text never holds a raw "<", so only
 * tags change; elements of other namespaces keep their prefixes.
 */
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
// Sticky (y) at 0: without it V8 tries the anchored pattern down the whole part, a sheet's too.
const PREFIXED_ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<(\w+):\w+\b([^>]*)>/y;
function unprefixed(xml: string): string {
  PREFIXED_ROOT.lastIndex = 0;
  const root = PREFIXED_ROOT.exec(xml);
  if (!root || !root[2].includes(`xmlns:${root[1]}="${MAIN_NS}"`)) return xml;
  return xml.replace(new RegExp(`<(/?)${root[1]}:`, 'g'), '<$1');
}

/** OPC part names are case-insensitive and may be written with a leading slash. */
const partKey = (name: string) => name.replace(/^\/+/, '').toLowerCase();

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return partKey(target);
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const seg of (dir + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return partKey(out.join('/'));
}

/** A relationship type's last word: after its last "/" (by the regex /^.*\//, slow on V8, only where a line break stops ".*"). */
const typeWord = (type: string) => (/[\n\r\u2028\u2029]/.test(type) ? type.replace(/^.*\//, '') : type.slice(type.lastIndexOf('/') + 1));

/** A part's relationships: id → { target part, type's last word }. */
function relationships(parts: Parts, owner: string): Map<string, { target: string; type: string }> | null {
  const dir = owner.includes('/') ? owner.slice(0, owner.lastIndexOf('/') + 1) : '';
  const bytes = parts.get(`${dir}_rels/${owner.slice(dir.length)}.rels`);
  if (!bytes) return null;
  const out = new Map<string, { target: string; type: string }>();
  for (const m of utf8.decode(bytes).matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    out.set(a.Id, { target: resolveTarget(owner, unescapeXml(a.Target)), type: typeWord(a.Type ?? '') });
  }
  return out;
}

/** A shared string or inline string's text: the first <t>, or the runs' <t> without phonetic runs. */
function stringItem(x: string): string {
  if (/^\s*<t[\s>]/.test(x)) {
    const start = x.indexOf('>') + 1;
    const end = x.indexOf('</t>', start);
    return unescapeXml(end < 0 ? x.slice(start) : x.slice(start, end));
  }
  const runs = x.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of runs.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += m[1];
  return unescapeXml(text.replace(/<[^>]*>/g, ''));
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? '' : stringItem(m[1]));
  return out;
}

/** For each cell style (xf) index: whether its number format is a date's. */
function dateStyles(xml: string | undefined): boolean[] | null {
  if (xml === undefined) return null;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.numFmtId != null && a.formatCode != null) custom.set(Number(a.numFmtId), unescapeXml(a.formatCode));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return null;
  const out: boolean[] = [];
  for (const m of xfs[1].matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attrs(m[1]).numFmtId ?? 0);
    const fmt = custom.get(id) ?? builtinFormat(id);
    out.push(fmt !== undefined && isDateFormat(fmt));
  }
  return out;
}

/** A relative reference moved as a shared formula's copies move it (SheetJS's shift_formula_str). */
const CELL_REF =
  /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;
function shiftFormula(f: string, dr: number, dc: number): string {
  return f.replace(
    CELL_REF,
    (_, pre: string, cAbs: string, col: string, rAbs: string, row: string) =>
      pre + (cAbs ? cAbs + col : columnLetters(columnIndex(col) + dc)) + (rAbs ? rAbs + row : String(Number(row) + dr)),
  );
}

const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);
const ROW_OR_CELL = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** A serial date as SheetJS turns it into a Date (its 1900 leap-year rule included). */
function serialDate(v: number): string | number {
  if (v >= 60 && v < 61) return v;
  const d = new Date((v > 60 ? v : v + 1) * DAY_MS + EPOCH);
  return Number.isNaN(d.getTime()) ? String(d) : d.toISOString().slice(0, 10);
}

/** One sheet's cells; null when the sheet holds something this reader leaves to SheetJS. */
function readSheet(xml: string, strings: string[], dates: boolean[] | null): { rows: (GridCell | undefined)[][]; merges: Merge[] } | null {
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  const data = start < 0 ? '' : xml.slice(start, end < 0 ? xml.length : end);
  const rows: (GridCell | undefined)[][] = [];
  const shared: { f: string; r: number; c: number }[] = [];
  let r = -1;
  let c = -1;
  // exec on the one regex, not matchAll (which copies it and makes an iterator): lastIndex starts over here.
  ROW_OR_CELL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW_OR_CELL.exec(data)) !== null) {
    if (m[1] !== undefined) {
      const rowAt = m[1].includes("'") ? attrs(m[1]).r : attr(m[1], ' r="');
      r = rowAt != null ? parseInt(rowAt, 10) - 1 : r + 1;
      c = -1;
      continue;
    }
    const a = quickAttrs(m[3]);
    const body = m[4] ?? '';
    if (a.r) {
      if (!cellAt(a.r)) return null;
      c = at.c;
      r = at.r;
    } else c++;
    if (r < 0) return null;
    const t = a.t;
    if (t === 'd') return null;
    const vText = body === '' ? undefined : valueText(body);
    const v = vText ? unescapeXml(vText) : undefined;
    let formula: string | undefined;
    const fm = body.includes('<f') ? /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body) : null;
    if (fm) {
      const fa = attrs(fm[1]);
      if (fm[2]) {
        formula = unescapeXml(fm[2]).replace(/_xlfn\./g, '');
        if (fa.t === 'shared' && fa.si != null) shared[Number(fa.si)] = { f: formula, r, c };
        if (fa.t === 'array') return null;
      } else if (fa.t === 'shared' && fa.si != null) {
        const base = shared[Number(fa.si)];
        if (base) formula = shiftFormula(base.f, r - base.r, c - base.c);
      }
    }
    let raw: GridCell['raw'];
    /** The digits of a count past 2^53, which a JS number rounds (core/read/xlsx-exact.ts). */
    let exact: string | undefined;
    switch (t ?? 'n') {
      case 'n': {
        // A formula saved without its result (exceljs, scripts) is kept as { raw: null, formula },
        // as the SheetJS path keeps it (docs/formats.md "A cell as read"); an empty number cell is left out.
        if (v === undefined) {
          if (!formula) continue;
          raw = null;
          break;
        }
        raw = parseFloat(v);
        if (dates && a.s !== undefined && dates[Number(a.s)] && typeof raw === 'number') raw = serialDate(raw);
        else if (roundedByDouble(raw as number) && /^\s*[-+]?\d+\s*$/.test(v)) exact = v.trim().replace(/^\+/, '');
        break;
      }
      case 's': {
        if (v === undefined) continue;
        const s = strings[parseInt(v, 10)];
        if (s === undefined) return null;
        raw = s === '' ? null : s;
        break;
      }
      case 'str':
        raw = v === undefined || v === '' ? null : v;
        break;
      case 'inlineStr': {
        const is = /<is>([\s\S]*?)<\/is>/.exec(body);
        const s = is ? stringItem(is[1]) : '';
        raw = s === '' ? null : s;
        break;
      }
      case 'b':
        raw = v === '1' || v === 'true' || v === 'TRUE';
        break;
      case 'e':
        raw = v !== undefined && ERROR_TEXTS.has(v) ? v : '#ERROR';
        break;
      default:
        return null;
    }
    if (raw === null && !formula) continue;
    const cell: GridCell = formula ? { raw, formula } : { raw };
    if (exact) cell.exact = exact;
    (rows[r] ??= [])[c] = cell;
  }
  const merges: Merge[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g)) {
    const r0 = Number(m[2]) - 1;
    const c0 = columnIndex(m[1]);
    merges.push({ r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 });
  }
  return { rows, merges };
}

/** A package's sheets and defined names, or null: read it with SheetJS. */
export function readXlsxDirect(
  entries: ZipEntry[],
  inflated: Uint8Array[],
): { sheets: DirectSheet[]; definedNames: Book['definedNames'] } | null {
  const parts: Parts = new Map();
  entries.forEach((e, i) => parts.set(partKey(e.name), inflated[i]));
  const root = relationships(parts, '');
  const main = root && [...root.values()].find((x) => x.type === 'officeDocument');
  if (!main || !main.target.endsWith('.xml')) return null;
  const wbBytes = parts.get(main.target);
  if (!wbBytes) return null;
  const wb = unprefixed(utf8.decode(wbBytes));
  // Another prefix, 1904 dates: SheetJS handles them, and they are rare enough to leave to it.
  if (!/<workbook[\s>]/.test(wb) || /<\w+:(workbook|sheet|sheetData|row|c|si)[\s>/]/.test(wb)) return null;
  const pr = /<workbookPr\b([^>]*)>/.exec(wb);
  if (pr && /^(1|true)$/.test(attrs(pr[1]).date1904 ?? '')) return null;
  const rels = relationships(parts, main.target);
  if (!rels) return null;
  const kinds = [...rels.values()];
  const sstPart = kinds.find((x) => x.type === 'sharedStrings');
  const stylesPart = kinds.find((x) => x.type === 'styles');
  const sstBytes = sstPart && parts.get(sstPart.target);
  const sstXml = sstBytes ? unprefixed(utf8.decode(sstBytes)) : '';
  if (/<\w+:(sst|si|t)[\s>]/.test(sstXml)) return null;
  const strings = sharedStrings(sstXml);
  const stylesBytes = stylesPart && parts.get(stylesPart.target);
  const dates = dateStyles(stylesBytes ? unprefixed(utf8.decode(stylesBytes)) : undefined);
  const sheets: DirectSheet[] = [];
  for (const m of wb.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const id = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = id ? rels.get(id) : undefined;
    if (!rel || rel.type !== 'worksheet') return null;
    const bytes = parts.get(rel.target);
    if (!bytes || a.name == null) return null;
    const xml = unprefixed(utf8.decode(bytes));
    if (!/^\s*(<\?xml[^>]*\?>\s*)?<worksheet[\s>]/.test(xml)) return null;
    const sheet = readSheet(xml, strings, dates);
    if (!sheet) return null;
    sheets.push({ name: unescapeXml(a.name), ...sheet });
  }
  if (!sheets.length) return null;
  const definedNames: Record<string, string> = {};
  for (const m of wb.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const a = attrs(m[1]);
    if (!a.name) continue;
    const local = a.localSheetId != null ? sheets[Number(a.localSheetId)]?.name : undefined;
    definedNames[local ? `${local}!${unescapeXml(a.name)}` : unescapeXml(a.name)] = unescapeXml(m[2]);
  }
  return { sheets, definedNames: Object.keys(definedNames).length ? definedNames : undefined };
}
