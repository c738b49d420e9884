/**
 * Counts beyond 2^53 read exactly (issue 20, item 16). The workbook library parses an .xlsx
 * number cell's `<v>` into a JS number, which keeps integers exactly only up to 2^53
 * (9007199254740993 becomes 9007199254740992): checked as read, a consistent report got false
 * errors and a real one was blamed on the wrong cell. Where such a number was read, the cell's
 * `<v>` text is taken from the sheet's XML (ECMA-376 Part 1, 18.3.1.4 c, 18.3.1.96 v; the
 * sheet's part found through the workbook's relationships, 18.2.20 sheet and Part 2, 9.3) and
 * kept beside the number as `exact`. Where it cannot be (.xls, .ods), the number stays flagged
 * as not exact when read (core/model/values.ts), never silently rounded.
 */
import type { Book, GridCell } from './grid';
import { inflateEntry, zipEntries } from './zip';
import { a1 } from './grid';
import { eachCell } from './locate/scan';

/** A number read from a file that no JS number holds exactly: an integer past 2^53. */
export const roundedByDouble = (n: number) => Number.isInteger(n) && !Number.isSafeInteger(n);

/** The sheets' parts by sheet name, from xl/workbook.xml and its relationships. */
function sheetParts(part: (name: string) => string | null): Map<string, string> {
  const out = new Map<string, string>();
  const wb = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[0]);
    const target = id && targets.get(id[1] ?? id[2]);
    if (name !== undefined && target) out.set(unescapeXml(name), target);
  }
  return out;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()],
  );

/**
 * Gives each number cell of `book` that a JS number rounds its `<v>` text as `exact`, when the
 * file is an .xlsx package whose sheet says it. Cheap when there is none (the usual case).
 */
export function keepExactNumbers(data: Uint8Array, book: Book, maxPartBytes: number): void {
  const wanted = new Map<string, Map<string, GridCell>>();
  for (const g of book.grids) {
    const cells = new Map<string, GridCell>();
    eachCell(g, (r, c, cell) => {
      if (typeof cell.raw === 'number' && roundedByDouble(cell.raw)) cells.set(a1(r, c), cell);
    });
    if (cells.size) wanted.set(g.name, cells);
  }
  if (!wanted.size) return;
  const entries = zipEntries(data);
  if (!entries) return;
  const part = (name: string): string | null => {
    const e = entries.find((x) => x.name === name);
    if (!e) return null;
    try {
      return new TextDecoder().decode(inflateEntry(data, e, maxPartBytes));
    } catch {
      return null;
    }
  };
  const parts = sheetParts(part);
  for (const [sheet, cells] of wanted) {
    const p = parts.get(sheet);
    const xml = p ? part(p) : null;
    if (!xml) continue;
    for (const m of xml.matchAll(/<c\b([^>]*)>(.*?)<\/c>/gs)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
      const cell = ref && cells.get(ref);
      if (!cell) continue;
      const v = /<v>\s*([-+]?\d+)\s*<\/v>/.exec(m[2])?.[1];
      // Only the text the number was parsed from: the same number once read as a JS number.
      if (v && Number(v) === cell.raw) cell.exact = v.replace(/^\+/, '');
    }
  }
}
