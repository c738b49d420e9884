/**
 * Reading sheets through Office.js within Excel's limits. The active sheet is read in one round
 * trip; when Excel refuses that as too large, and always for every sheet at once, the sizes are
 * read first, then the values sheet by sheet in chunks a request can carry. A sheet too large to
 * check, or whose merged areas Excel will not list, is named in `skipped`, never dropped silently.
 *
 * Limits, "Excel add-ins" in
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization :
 * Excel on the web carries at most 5 MB per request and response, and a range read at most five
 * million cells; Range.getMergedAreasOrNullObject fails above 512 merged areas (@types/office-js).
 */
import { arrayGrid, sheetRef, type Grid, type Merge } from '../core/read/grid';
import { parseRef, HostError, type ReadResult, type ReadSkip, type Scalar } from './host';
import { run, type ExcelApis } from './office-api';
import { queueLiveness, type Liveness } from './office-marks';

/** Cells per round trip: values and formulas of 50,000 cells stay well under 5 MB. */
export const CELLS_PER_SYNC = 50_000;
/** A sheet with more used cells than this is not checked (a report's sheet has a few thousand). */
export const MAX_SHEET_CELLS = 1_000_000;

export interface OfficeRead {
  result: ReadResult;
  live: Liveness;
  /** Sheets where marks add no comments: comments of the user's own, or protected. */
  noComments: Set<string>;
  /** Sheets that are hidden (they cannot be activated to show a finding). */
  hidden: Set<string>;
}

/** "Sheet1!A1:C2,Sheet1!D4" → 0-based areas. */
export function parseAreas(address: string): Merge[] {
  const out: Merge[] = [];
  for (const part of address.split(/,\s*/)) {
    const local = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const [p, q] = local.split(':');
    const a = parseRef(p),
      b = parseRef(q ?? p);
    if (a && b) out.push({ r0: a.r, c0: a.c, r1: b.r, c1: b.c });
  }
  return out;
}

function toGrid(name: string, top: number, left: number, values: Scalar[][], formulas: unknown[][], merges: Merge[]): Grid {
  const fs = formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined)));
  const vs = values.map((row) => row.map((v) => (v === '' ? null : v)));
  return arrayGrid(name, vs, {
    formulas: fs,
    merges: merges.map((m) => ({ r0: m.r0 - top, c0: m.c0 - left, r1: m.r1 - top, c1: m.c1 - left })).filter((m) => m.r1 >= 0 && m.c1 >= 0),
    ref: (r, c) => sheetRef(name, r + top, c + left),
  });
}

/**
 * The workbook's name, loaded with the first read: the file's name, "Book1" / "工作簿1" for one never
 * saved (Workbook.name, "Gets the workbook name", ExcelApi 1.7, the manifest's minimum). The reader
 * may take the year from it, as the command line does from the file's name.
 */
const queueBookName = (ctx: Excel.RequestContext): Excel.Workbook => ctx.workbook.load('name');

const tooLarge = (e: unknown) =>
  e instanceof HostError && (e.code === 'too-large' || (e.code === 'host' && /^(GeneralException|ResponsePayload)/.test(e.detail)));

interface SheetMeta {
  ws: Excel.Worksheet;
  used: Excel.Range;
  comments: Excel.CommentCollection | null;
}

function queueMeta(ws: Excel.Worksheet, api: ExcelApis, values: boolean): SheetMeta {
  ws.load('name,id,visibility');
  const used = ws.getUsedRangeOrNullObject(true); // values only: formatting does not widen the block
  used.load(values ? 'values,formulas,rowIndex,columnIndex,rowCount,columnCount' : 'rowIndex,columnIndex,rowCount,columnCount');
  const comments = api.comments ? ws.comments.load('items/id') : null;
  if (comments) ws.protection.load('protected');
  return { ws, used, comments };
}

function noteComments(m: SheetMeta, ours: Set<string>, out: OfficeRead): void {
  if (m.ws.visibility !== 'Visible') out.hidden.add(m.ws.name);
  if (!m.comments) return;
  // No comments where the sheet has its own (add() fails on a commented cell) or is protected (comments are blocked there).
  if (m.comments.items.some((c) => !ours.has(c.id)) || m.ws.protection.protected) out.noComments.add(m.ws.name);
}

/** Reads the active sheet (one round trip) or every sheet (sizes first, then chunks). */
export async function readSheets(api: ExcelApis, scope: 'active' | 'all', ours: Set<string>): Promise<OfficeRead> {
  if (scope === 'all') return readBySize(api, 'all', ours);
  try {
    return await run(async (ctx) => {
      const live = queueLiveness(ctx, api);
      const meta = queueMeta(ctx.workbook.worksheets.getActiveWorksheet(), api, true);
      const merges = api.merges ? meta.ws.getRange().getMergedAreasOrNullObject().load('address') : null;
      const book = queueBookName(ctx);
      await ctx.sync(); // the one read round trip
      const out: OfficeRead = {
        result: { book: { name: book.name, grids: [] }, sheets: [] },
        live: live(),
        noComments: new Set(),
        hidden: new Set(),
      };
      noteComments(meta, ours, out);
      const name = meta.ws.name;
      if (meta.used.isNullObject) {
        out.result.book.grids.push(arrayGrid(name, []));
        out.result.sheets.push({ name, top: 0, left: 0 });
        return out;
      }
      const { rowIndex: top, columnIndex: left } = meta.used;
      const m = merges && !merges.isNullObject && merges.address ? parseAreas(merges.address) : [];
      out.result.book.grids.push(toGrid(name, top, left, meta.used.values as Scalar[][], meta.used.formulas as unknown[][], m));
      out.result.sheets.push({ name, top, left });
      return out;
    });
  } catch (e) {
    if (!tooLarge(e)) throw e;
    return readBySize(api, 'active', ours);
  }
}

interface Planned {
  name: string;
  id: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  values: Scalar[][];
  formulas: unknown[][];
  merges: Merge[];
}

async function readBySize(api: ExcelApis, scope: 'active' | 'all', ours: Set<string>): Promise<OfficeRead> {
  const out: OfficeRead = {
    result: { book: { name: '', grids: [] }, sheets: [] },
    live: { sheets: new Map(), comments: null, names: new Map(), locked: new Set() },
    noComments: new Set(),
    hidden: new Set(),
  };
  const skipped: ReadSkip[] = [];
  // Round trip 1: which sheets, how large.
  const plan: Planned[] = await run(async (ctx) => {
    const live = queueLiveness(ctx, api);
    const book = queueBookName(ctx);
    let wss: Excel.Worksheet[];
    if (scope === 'all') {
      await ctx.sync(); // the sheets, in order, from the one load of the collection
      out.live = live();
      wss = [...out.live.sheets.keys()].map((id) => ctx.workbook.worksheets.getItem(id));
    } else wss = [ctx.workbook.worksheets.getActiveWorksheet()];
    const metas = wss.map((ws) => queueMeta(ws, api, false));
    await ctx.sync();
    out.result.book.name = book.name;
    if (scope !== 'all') out.live = live();
    return metas.map((m) => {
      noteComments(m, ours, out);
      const empty = m.used.isNullObject;
      return {
        name: m.ws.name,
        id: m.ws.id,
        top: empty ? 0 : m.used.rowIndex,
        left: empty ? 0 : m.used.columnIndex,
        rows: empty ? 0 : m.used.rowCount,
        cols: empty ? 0 : m.used.columnCount,
        values: [],
        formulas: [],
        merges: [],
      };
    });
  });
  const readable = plan.filter((p) => {
    if (p.rows * p.cols <= MAX_SHEET_CELLS) return true;
    skipped.push({ sheet: p.name, reason: 'too-large', cells: p.rows * p.cols });
    return false;
  });
  // Then the values, in chunks of whole rows that fit one request, several small sheets per round
  // trip; where Excel still finds a request too large (long texts), in chunks eight times smaller.
  for (let budget = CELLS_PER_SYNC; ; budget = Math.floor(budget / 8)) {
    try {
      for (const p of readable) {
        p.values = [];
        p.formulas = [];
        p.merges = [];
      }
      await readValues(api, readable, budget, skipped);
      break;
    } catch (e) {
      if (!tooLarge(e) || budget < 8) throw e;
    }
  }
  for (const p of readable) {
    out.result.book.grids.push(toGrid(p.name, p.top, p.left, p.values, p.formulas, p.merges));
    out.result.sheets.push({ name: p.name, top: p.top, left: p.left });
  }
  if (skipped.length) out.result.skipped = skipped;
  return out;
}

type Chunk = { p: Planned; r0: number; n: number; merges: boolean };

async function readValues(api: ExcelApis, sheets: Planned[], budget: number, skipped: ReadSkip[]): Promise<void> {
  const batches: Chunk[][] = [[]];
  let left = budget;
  for (const p of sheets) {
    if (!p.rows) continue;
    const per = Math.max(1, Math.floor(budget / p.cols));
    for (let r0 = 0; r0 < p.rows; r0 += per) {
      const n = Math.min(per, p.rows - r0);
      if (n * p.cols > left && batches[batches.length - 1].length) {
        batches.push([]);
        left = budget;
      }
      batches[batches.length - 1].push({ p, r0, n, merges: r0 === 0 && api.merges });
      left -= n * p.cols;
    }
  }
  for (const batch of batches.filter((b) => b.length)) {
    const fetch = (withMerges: boolean) =>
      run(async (ctx) => {
        const parts = batch.map((ch) => {
          const ws = ctx.workbook.worksheets.getItem(ch.p.id);
          const range = ws.getRangeByIndexes(ch.p.top + ch.r0, ch.p.left, ch.n, ch.p.cols).load('values,formulas');
          const merges = withMerges && ch.merges ? ws.getRange().getMergedAreasOrNullObject().load('address') : null;
          return { ch, range, merges };
        });
        await ctx.sync();
        return parts.map(({ ch, range, merges }) => ({
          ch,
          values: range.values as Scalar[][],
          formulas: range.formulas as unknown[][],
          merges: merges && !merges.isNullObject && merges.address ? parseAreas(merges.address) : [],
        }));
      });
    let got;
    try {
      got = await fetch(true);
    } catch (e) {
      if (!tooLarge(e) || !batch.some((c) => c.merges)) throw e;
      got = await fetch(false); // too many merged areas for Excel to list: read the values without them, and say so
      for (const c of batch.filter((x) => x.merges))
        if (!skipped.some((s) => s.sheet === c.p.name)) skipped.push({ sheet: c.p.name, reason: 'merges' });
    }
    for (const g of got) {
      g.ch.p.values.push(...g.values);
      g.ch.p.formulas.push(...g.formulas);
      g.ch.p.merges.push(...g.merges);
    }
  }
}
