/**
 * The marks the pane places in Excel, kept with the document (Office.context.document.settings,
 * https://learn.microsoft.com/javascript/api/office/office.settings) so that 清除标记 restores
 * every cell exactly even after the pane was closed and reopened; and the Excel batches that
 * place and remove them.
 *
 * A mark is found again by its sheet's id (which survives a rename) and its comment's id; a mark
 * whose sheet or comment the user deleted is dropped, never an error.
 */
import { a1 } from '../core/read/grid';
import type { Mark } from './host';
import type { ExcelApis } from './office-api';

/** What one mark changed. */
export interface OfficeMark {
  sheetId: string;
  sheet: string;
  r: number;
  c: number;
  /** The fill before the mark as shown (a tint read back flat); null: No Fill. pattern and tint where ExcelApi 1.9 reads them. */
  prev: { color: string; pattern?: string; tint?: number | null } | null;
  /** The comment the mark added, by id; null when it added none. */
  commentId: string | null;
}

/** Which sheets (id → name) and comments (ids; null where comments are not supported) exist now. */
export interface Liveness {
  sheets: Map<string, string>;
  comments: Set<string> | null;
}

const KEY = 'xxgk.marks';

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

/** Queues the reading of which sheets and comments exist; the function returned reads them after the sync. */
export function queueLiveness(ctx: Excel.RequestContext, api: ExcelApis): () => Liveness {
  const sheets = ctx.workbook.worksheets.load('items/id,items/name');
  const comments = api.comments ? ctx.workbook.comments.load('items/id') : null;
  return () => ({
    sheets: new Map(sheets.items.map((s) => [s.id, s.name])),
    comments: comments ? new Set(comments.items.map((c) => c.id)) : null,
  });
}

/** Queues putting back every mark whose sheet still exists; returns the marks it could not restore (sheet gone). */
export function queueRemoval(ctx: Excel.RequestContext, records: OfficeMark[], live: Liveness, api: ExcelApis): OfficeMark[] {
  const gone: OfficeMark[] = [];
  for (const m of [...records].reverse()) {
    if (!live.sheets.has(m.sheetId)) {
      gone.push(m);
      continue;
    }
    const range = ctx.workbook.worksheets.getItem(m.sheetId).getRange(a1(m.r, m.c));
    if (m.prev === null) range.format.fill.clear();
    else {
      range.format.fill.color = m.prev.color;
      if (api.fillPattern && m.prev.pattern) range.format.fill.pattern = m.prev.pattern as Excel.FillPattern;
      // The colour read back is the one shown (a theme tint already applied), so no tint is added to it again.
    }
    // Deleted by id, and only if it is still there (the user may have deleted it, or undone it).
    if (m.commentId && live.comments?.has(m.commentId)) ctx.workbook.comments.getItem(m.commentId).delete();
  }
  return gone;
}

/**
 * Queues the marks: each cell's fill is loaded before it is painted (in order within the batch)
 * and a comment is added, addressed by its Range (no sheet name in an address string to quote).
 * Returns the function that builds the records after the sync.
 */
export function queueMarks(
  ctx: Excel.RequestContext,
  marks: Mark[],
  live: Liveness,
  api: ExcelApis,
  commentOn: (sheet: string) => boolean,
): () => OfficeMark[] {
  const ids = new Map([...live.sheets].map(([id, name]) => [name, id]));
  const queued = marks
    .filter((m) => ids.has(m.sheet))
    .map((m) => {
      const range = ctx.workbook.worksheets.getItem(ids.get(m.sheet)!).getRange(a1(m.r, m.c));
      const fill = range.format.fill.load(api.fillPattern ? 'color,pattern,tintAndShade' : 'color');
      range.format.fill.color = m.color;
      const comment = m.text && commentOn(m.sheet) ? ctx.workbook.comments.add(range, m.text).load('id') : null;
      return { m, fill, comment };
    });
  return () =>
    queued.map(({ m, fill, comment }) => ({
      sheetId: ids.get(m.sheet)!,
      sheet: m.sheet,
      r: m.r,
      c: m.c,
      prev: previousFill(fill, api),
      commentId: comment ? comment.id : null,
    }));
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
