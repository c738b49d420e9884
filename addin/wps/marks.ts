/**
 * The pane's marks in WPS 表格, kept in the document itself: each marked cell gets a hidden workbook
 * name (Names.Add(Name, RefersTo, Visible = False), et-jsapi-declare's Names/Name, as VBA's) whose
 * own text holds what clearing it needs — the cell's fill before the mark and whether the mark
 * added a comment. A name moves with its cell when rows are inserted or deleted, follows a renamed
 * sheet, and turns to #REF! when its cell or sheet is deleted; it is saved with the workbook, so
 * 清除标记 works after the pane or WPS was closed, and never looks a sheet up by a stale name.
 */
import { a1 } from '../../core/read/grid';
import { HostError, type Mark } from '../host';
import { XL_NONE, bgr, hexOf } from './colour';

const PREFIX = '_xxgk_mark_';
/** "_xxgk_mark_<stamp>_<n>_<RRGGBB|none>_<c|n>". */
const MARK = /^_xxgk_mark_[0-9a-z]+_\d+_([0-9A-F]{6}|none)_([cn])$/i;

interface NameInfo {
  /** The fill before the mark ("#RRGGBB"); null: no fill. */
  prevFill: string | null;
  comment: boolean;
}

function parse(name: string): NameInfo | null {
  const m = MARK.exec(name);
  return m ? { prevFill: m[1].toLowerCase() === 'none' ? null : `#${m[1].toUpperCase()}`, comment: m[2] === 'c' } : null;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const absolute = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** A sheet refuses formats: protected without "format cells" (Worksheet.Protection.AllowFormattingCells). */
export const refusesFormats = (ws: Et.Worksheet): boolean => !!ws.ProtectContents && !ws.Protection.AllowFormattingCells;

/** The names of the marks in the workbook (two calls per name in the workbook). */
function ours(wb: Et.Workbook): { item: Et.Name; info: NameInfo }[] {
  const names = wb.Names;
  const out: { item: Et.Name; info: NameInfo }[] = [];
  for (let i = names.Count; i >= 1; i--) {
    const item = names.Item(i);
    const info = parse(String(item.Name));
    if (info) out.push({ item, info });
  }
  return out; // last first: deleting one leaves the indexes of those still to come unchanged
}

export const markCount = (wb: Et.Workbook | null): number => (wb ? ours(wb).length : 0);

/** The comments the marks in the workbook added, per sheet (for a pane opened again on marks left in place). */
export function markCommentsPerSheet(wb: Et.Workbook): Map<string, number> {
  const out = new Map<string, number>();
  for (const { item, info } of ours(wb)) {
    if (!info.comment) continue;
    try {
      const sheet = item.RefersToRange.Worksheet.Name;
      out.set(sheet, (out.get(sheet) ?? 0) + 1);
    } catch {
      // #REF!: its cell is gone, and its comment with it
    }
  }
  return out;
}

/**
 * Puts back every mark: its cell's fill, its comment removed, its name deleted. A mark whose cell
 * or sheet is gone (#REF!) only loses its name; one on a sheet that now refuses formats is kept,
 * and that sheet is named in the error. Returns the sheets whose comments were removed, with counts.
 */
export function clearMarks(wb: Et.Workbook): Map<string, number> {
  const removed = new Map<string, number>();
  let refused = '';
  for (const { item, info } of ours(wb)) {
    let range: Et.Range | null;
    try {
      range = item.RefersToRange; // raises on #REF!
    } catch {
      range = null;
    }
    if (range) {
      const ws = range.Worksheet;
      if (refusesFormats(ws)) {
        refused ||= ws.Name;
        continue;
      }
      if (info.prevFill === null) range.Interior.ColorIndex = XL_NONE;
      else range.Interior.Color = bgr(info.prevFill);
      if (info.comment) {
        range.Comment?.Delete();
        removed.set(ws.Name, (removed.get(ws.Name) ?? 0) + 1);
      }
    }
    item.Delete();
  }
  if (refused) throw new HostError('protected', refused, '', 'wps');
  return removed;
}

/**
 * Places the marks. For each: its name first (what clearing needs, written before anything it
 * describes, so a failure part-way leaves nothing that cannot be cleared), then the fill, then the
 * comment. Marks on a sheet that refuses formats are left out and the sheet named in the error.
 * Returns the marks placed and the comments added per sheet.
 */
export function placeMarks(
  wb: Et.Workbook,
  marks: Mark[],
  sheet: (name: string) => Et.Worksheet,
  commentOn: (sheet: string) => boolean,
  added: (sheet: string) => void,
): number {
  const stamp = Date.now().toString(36);
  const refuses = new Map<string, boolean>();
  let refused = '';
  let placed = 0;
  marks.forEach((m, i) => {
    const ws = sheet(m.sheet);
    if (!refuses.has(m.sheet)) refuses.set(m.sheet, refusesFormats(ws));
    if (refuses.get(m.sheet)) {
      refused ||= m.sheet;
      return;
    }
    const range = ws.Range(a1(m.r, m.c));
    const interior = range.Interior;
    const prevFill = interior.ColorIndex === XL_NONE ? null : hexOf(Number(interior.Color));
    const comment = !!m.text && commentOn(m.sheet) && !range.Comment; // AddComment fails on a cell that has one
    const name = `${PREFIX}${stamp}_${i}_${prevFill ? prevFill.slice(1) : 'none'}_${comment ? 'c' : 'n'}`;
    wb.Names.Add(name, `=${quote(ws.Name)}!${absolute(m.r, m.c)}`, false);
    interior.Color = bgr(m.color);
    if (comment) {
      range.AddComment(m.text);
      added(m.sheet);
    }
    placed++;
  });
  if (refused) throw new HostError('protected', refused, '', 'wps');
  return placed;
}
