/**
 * The marks the pane places in Excel, kept with the document (Office.context.document.settings,
 * https://learn.microsoft.com/javascript/api/office/office.settings) so that 清除标记 restores
 * every cell exactly even after the pane was closed and reopened; and the Excel batches that
 * place and remove them.
 *
 * Each marked cell carries a hidden workbook name (NamedItemCollection.add, ExcelApi 1.4): a name
 * moves with its cell when the user inserts or deletes rows above it or renames the sheet, and
 * turns to #REF! when the cell or its sheet is deleted, so a mark is always found where the cell
 * is now. Records are saved before the marks are written: Excel keeps the operations of a failed
 * batch that ran before the failing one (OfficeExtension.Error), and after a failure the records
 * are reconciled with the names and comments that exist, so that nothing placed is orphaned.
 */
import { a1 } from '../core/read/grid';
import type { Mark } from './host';
import type { ExcelApis } from './office-api';

/** What one mark changed. */
export interface OfficeMark {
  /** The hidden name on the marked cell; absent in records saved before marks were named (found by sheet id and cell). */
  name?: string;
  sheetId: string;
  sheet: string;
  r: number;
  c: number;
  /** The fill before the mark as shown (a tint read back flat); null: No Fill. pattern and tint where ExcelApi 1.9 reads them. */
  prev: { color: string; pattern?: string; tint?: number | null } | null;
  /** The comment the mark added, by id; null when it added none (or its id is not known yet). */
  commentId: string | null;
  /** The comment's text while its id is not known (a batch failed part-way): it is found again by cell and text. */
  text?: string | null;
}

/** What exists now: sheets (id → name), comments (ids; null below ExcelApi 1.10), names, sheets that refuse formats. */
export interface Liveness {
  sheets: Map<string, string>;
  comments: Set<string> | null;
  /** Workbook names, lower-case → true while the name refers to cells, false once it is #REF!. */
  names: Map<string, boolean>;
  /** Sheet ids where cells cannot be formatted: protected without "format cells" (WorksheetProtectionOptions.allowFormatCells). */
  locked: Set<string>;
}

const KEY = 'xxgk.marks';
const PREFIX = '_xxgk_mark_';

function settings(): Office.Settings | null {
  try {
    return Office.context?.document?.settings ?? null;
  } catch {
    return null;
  }
}

/** The records of the marks in place, read from and saved with the document. */
export class MarkStore {
  records: OfficeMark[] = [];

  constructor() {
    const saved = settings()?.get(KEY);
    if (Array.isArray(saved)) this.records = saved.filter((m) => m && typeof m.sheetId === 'string' && Number.isInteger(m.r));
  }

  /** Replaces the records and saves them with the document (the user's next save keeps them). */
  async save(records: OfficeMark[]): Promise<void> {
    this.records = records;
    const s = settings();
    if (!s) return;
    if (records.length) s.set(KEY, records);
    else s.remove(KEY);
    await new Promise<void>((resolve) => s.saveAsync(() => resolve()));
  }
}

/** Queues the reading of what exists; the function returned reads it after the sync. */
export function queueLiveness(ctx: Excel.RequestContext, api: ExcelApis): () => Liveness {
  // A navigation path loads each sheet's protection in the same request (protection and its options: ExcelApi 1.2).
  const sheets = ctx.workbook.worksheets.load('items/id,items/name,items/protection/protected,items/protection/options');
  const names = ctx.workbook.names.load('items/name,items/type');
  const comments = api.comments ? ctx.workbook.comments.load('items/id') : null;
  return () => ({
    sheets: new Map(sheets.items.map((s) => [s.id, s.name])),
    comments: comments ? new Set(comments.items.map((c) => c.id)) : null,
    names: new Map(names.items.map((n) => [n.name.toLowerCase(), n.type !== 'Error'])),
    locked: new Set(sheets.items.filter((s) => s.protection.protected && !s.protection.options.allowFormatCells).map((s) => s.id)),
  });
}

function restoreFill(range: Excel.Range, m: OfficeMark, api: ExcelApis): void {
  if (m.prev === null) range.format.fill.clear();
  else {
    range.format.fill.color = m.prev.color;
    if (api.fillPattern && m.prev.pattern) range.format.fill.pattern = m.prev.pattern as Excel.FillPattern;
    // The colour read back is the one shown (a theme tint already applied), so no tint is added to it again.
  }
}

/**
 * Queues putting back every mark that can be: a named mark where its name now points (the name is
 * deleted with it), an older record at its sheet and cell. Returns the marks kept for later: those
 * on a sheet that now refuses formats (protected without "format cells").
 */
export function queueRemoval(ctx: Excel.RequestContext, records: OfficeMark[], live: Liveness, api: ExcelApis): OfficeMark[] {
  const kept: OfficeMark[] = [];
  for (const m of [...records].reverse()) {
    if (live.locked.has(m.sheetId) && live.sheets.has(m.sheetId)) {
      kept.unshift(m);
      continue;
    }
    if (m.name) {
      const state = live.names.get(m.name.toLowerCase());
      if (state === undefined) continue; // never placed (a failed batch) or removed already: nothing to put back
      const item = ctx.workbook.names.getItem(m.name);
      if (state) restoreFill(item.getRange(), m, api); // else #REF!: the cell was deleted
      item.delete();
    } else if (live.sheets.has(m.sheetId)) restoreFill(ctx.workbook.worksheets.getItem(m.sheetId).getRange(a1(m.r, m.c)), m, api);
    // Deleted by id, and only if it is still there (the user may have deleted it, or undone it).
    if (m.commentId && live.comments?.has(m.commentId)) ctx.workbook.comments.getItem(m.commentId).delete();
  }
  return kept;
}

/** A mark to place, on a sheet that exists and takes formats. */
export interface PlannedMark {
  mark: Mark;
  sheetId: string;
  name: string;
  fill: Excel.RangeFill;
}

/**
 * Queues the reading of each new mark's cell fill (after the removal queued before it in the same
 * batch, so that a cell marked again gives back its own fill, not the old mark's). Marks on a sheet
 * that is gone or refuses formats are left out: `refused` names those sheets.
 */
export function queuePlan(
  ctx: Excel.RequestContext,
  marks: Mark[],
  live: Liveness,
  api: ExcelApis,
): { planned: PlannedMark[]; refused: string[] } {
  const ids = new Map([...live.sheets].map(([id, name]) => [name, id]));
  const stamp = Date.now().toString(36);
  const refused = new Set<string>();
  const planned: PlannedMark[] = [];
  marks.forEach((mark, i) => {
    const sheetId = ids.get(mark.sheet);
    if (!sheetId) return;
    if (live.locked.has(sheetId)) {
      refused.add(mark.sheet);
      return;
    }
    const range = ctx.workbook.worksheets.getItem(sheetId).getRange(a1(mark.r, mark.c));
    const fill = range.format.fill.load(api.fillPattern ? 'color,pattern,tintAndShade' : 'color');
    planned.push({ mark, sheetId, name: `${PREFIX}${stamp}_${i}`, fill });
  });
  return { planned, refused: [...refused] };
}

/** The records of planned marks, saved before they are written (comments not known yet: by text). */
export function pendingRecords(planned: PlannedMark[], api: ExcelApis, commentOn: (sheet: string) => boolean): OfficeMark[] {
  return planned.map((p) => ({
    name: p.name,
    sheetId: p.sheetId,
    sheet: p.mark.sheet,
    r: p.mark.r,
    c: p.mark.c,
    prev: previousFill(p.fill, api),
    commentId: null,
    text: p.mark.text && commentOn(p.mark.sheet) ? p.mark.text : null,
  }));
}

/**
 * Queues the marks: for each, the hidden name first (so that whatever of it a failed batch left is
 * found by its name), then the fill, then the comment (addressed by its Range: no sheet name in an
 * address string to quote). Returns the function that gives the records their comment ids after the sync.
 */
export function queueMarks(ctx: Excel.RequestContext, records: OfficeMark[], colours: Map<string, string>): () => OfficeMark[] {
  const queued = records.map((rec) => {
    const range = ctx.workbook.worksheets.getItem(rec.sheetId).getRange(a1(rec.r, rec.c));
    const item = ctx.workbook.names.add(rec.name!, range);
    item.visible = false; // kept out of the user's Name Manager (NamedItem.visible, ExcelApi 1.1)
    range.format.fill.color = colours.get(rec.name!)!;
    const comment = rec.text ? ctx.workbook.comments.add(range, rec.text).load('id') : null;
    return { rec, comment };
  });
  return () => queued.map(({ rec, comment }) => ({ ...rec, commentId: comment ? comment.id : null, text: null }));
}

/**
 * After a failed batch: the records whose marks exist. A named mark exists while its name does; a
 * comment whose id was not delivered is found on its mark's cell by its text. Two round trips
 * (what exists, then where), on the failure path only.
 */
export async function reconcile(
  records: OfficeMark[],
  api: ExcelApis,
  run: <T>(b: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>,
): Promise<OfficeMark[]> {
  return run(async (ctx) => {
    const names = ctx.workbook.names.load('items/name,items/type');
    const comments = api.comments ? ctx.workbook.comments.load('items/id,items/content') : null;
    await ctx.sync();
    const exists = new Map(names.items.map((n) => [n.name.toLowerCase(), n.type !== 'Error']));
    const known = new Set(comments ? comments.items.map((c) => c.id) : []);
    const alive = records.filter((m) => !m.name || exists.has(m.name.toLowerCase()));
    const pending = alive.filter((m) => m.text && m.name && exists.get(m.name.toLowerCase()));
    if (!pending.length || !comments) return alive.map((m) => (m.commentId && !known.has(m.commentId) ? { ...m, commentId: null } : m));
    const taken = new Set(records.map((m) => m.commentId).filter(Boolean));
    const texts = new Set(pending.map((m) => m.text));
    const loose = comments.items
      .filter((c) => !taken.has(c.id) && texts.has(c.content))
      .map((c) => ({ c, at: c.getLocation().load('address') }));
    const cells = pending.map((m) => ({ m, at: ctx.workbook.names.getItem(m.name!).getRange().load('address') }));
    await ctx.sync();
    const found = new Map<OfficeMark, string>();
    for (const { m, at } of cells) {
      const hit = loose.find((l) => l.at.address === at.address && l.c.content === m.text);
      if (hit) found.set(m, hit.c.id);
    }
    return alive.map((m) => (found.has(m) ? { ...m, commentId: found.get(m)!, text: null } : m));
  });
}

/**
 * The fill to restore. Excel reads back "#FFFFFF" for No Fill and for white alike; from ExcelApi
 * 1.9 the pattern tells them apart ("None", tintAndShade null) and is restored too. Below 1.9
 * white is taken as No Fill. A theme colour comes back as the RGB shown, without its theme link.
 */
function previousFill(fill: Excel.RangeFill, api: ExcelApis): OfficeMark['prev'] {
  if (api.fillPattern) {
    if (fill.pattern === 'None' || fill.pattern === null) return null;
    return { color: fill.color, pattern: fill.pattern, tint: fill.tintAndShade };
  }
  return !fill.color || /^#?FFFFFF$/i.test(fill.color) || fill.color.toLowerCase() === 'white' ? null : { color: fill.color };
}
