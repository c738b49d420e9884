/**
 * The spreadsheet through Office.js: with office-*.ts the ONLY modules of the add-in that call
 * Excel's API.
 *
 * Round trips are the cost: a check reads the active sheet in one context.sync() and writes every
 * mark in one more (a mark's previous fill is loaded in the same batch, before it is overwritten).
 * Every API beyond the manifest's minimum (ExcelApi 1.7) is guarded by its documented requirement
 * set (office-api.ts). Every batch waits while the user types in a cell; the pane's own writes
 * raise no change events.
 */
import { a1 } from '../core/read/grid';
import {
  freeSheetName,
  HostError,
  type CellAt,
  type DrawLayout,
  type HostCapabilities,
  type Mark,
  type ReadResult,
  type Scalar,
  type SheetHost,
  type ValueWrite,
  type WriteRecord,
} from './host';
import { capabilitiesOf, detectApis, run, runWriting, type ExcelApis } from './office-api';
import {
  MarkStore,
  pendingRecords,
  queueLiveness,
  queueMarks,
  queuePlan,
  queueRemoval,
  reconcile,
  type Liveness,
  type OfficeMark,
} from './office-marks';
import { readSheets } from './office-read';
import { drawLayout } from './office-draw';

/** What this Excel can do (from the requirement sets it supports). */
export function detectCapabilities(): HostCapabilities {
  return capabilitiesOf(detectApis());
}

export class OfficeHost implements SheetHost {
  readonly capabilities: HostCapabilities;
  private readonly api: ExcelApis;
  private readonly store = new MarkStore();
  /** From the last read: sheets where marks add no comments, hidden sheets, and what existed. */
  private noComments = new Set<string>();
  private hidden = new Set<string>();
  private live: Liveness | null = null;
  /** Ignore change events until then (ms): the pane's own writes, where Excel cannot mark them (below ExcelApi 1.8). */
  private quietUntil = 0;

  constructor(api: ExcelApis = detectApis()) {
    this.api = api;
    this.capabilities = capabilitiesOf(api);
  }

  markCount(): number {
    return this.store.records.length;
  }

  async sheetNames(): Promise<string[]> {
    return run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async read(scope: 'active' | 'all'): Promise<ReadResult> {
    const ours = new Set(this.store.records.map((m) => m.commentId).filter((x): x is string => !!x));
    const r = await readSheets(this.api, scope, ours);
    this.noComments = r.noComments;
    this.hidden = r.hidden;
    this.live = r.live; // what exists now, for the marks written next
    return r.result;
  }

  private async writing<T>(queue: (ctx: Excel.RequestContext) => () => T): Promise<T> {
    // Below ExcelApi 1.8 nothing marks the pane's own changes: events are ignored while it writes and just after.
    const blind = !this.api.enableEvents && !this.api.triggerSource;
    if (blind) this.quietUntil = Number.MAX_SAFE_INTEGER;
    try {
      return await runWriting(this.api, queue);
    } finally {
      if (blind) this.quietUntil = Date.now() + 500;
    }
  }

  /**
   * Writes values in two round trips: first what each cell holds, whether it is locked and what its
   * sheet's protection allows; then the writes, only when every cell takes them, so that a refusal
   * changes nothing (the pane's change list stays in step with the sheet). Text is written as text:
   * Range.values takes text starting with "=", "+" or "-" as a formula and text like "12" as a
   * number, so the cell is formatted as text ("@") for the write and its number format put back;
   * on a sheet protected without "format cells" the text is written after an apostrophe instead,
   * as typing keeps it text (https://support.microsoft.com/office/format-numbers-as-text-583160db-666e-4f26-8c4e-7a2b7e4f4b36).
   */
  async writeValues(writes: ValueWrite[]): Promise<WriteRecord[]> {
    if (!writes.length) return [];
    const cells = await run(async (ctx) => {
      const protection = new Map<string, Excel.WorksheetProtection>();
      const loaded = writes.map((w) => {
        const ws = ctx.workbook.worksheets.getItem(w.sheet);
        if (!protection.has(w.sheet)) protection.set(w.sheet, ws.protection.load('protected,options'));
        const range = ws.getRange(a1(w.r, w.c)).load('values,formulas,numberFormat');
        return { range, locked: range.format.protection.load('locked') };
      });
      await ctx.sync();
      return loaded.map(({ range, locked }, i) => {
        const p = protection.get(writes[i].sheet)!;
        if (p.protected && locked.locked) throw new HostError('protected', writes[i].sheet);
        const f = range.formulas[0][0];
        const v = range.values[0][0] as Scalar;
        return {
          formats: !p.protected || p.options.allowFormatCells,
          before: {
            value: v === '' ? null : v,
            formula: typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null,
            numberFormat: (range.numberFormat[0][0] as string) ?? null,
          },
        };
      });
    });
    await this.writing((ctx) => {
      writes.forEach((w, i) => {
        const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(a1(w.r, w.c));
        const formats = cells[i].formats;
        if (w.formula) range.formulas = [[`=${w.formula.replace(/^=/, '')}`]];
        else if (typeof w.value === 'string' && !formats) range.values = [[`'${w.value}`]];
        else if (typeof w.value === 'string') {
          range.numberFormat = [['@']];
          range.values = [[w.value]];
          range.numberFormat = [[w.numberFormat ?? 'General']];
        } else {
          range.values = [[w.value === null ? '' : w.value]];
          if (w.numberFormat && formats) range.numberFormat = [[w.numberFormat]];
        }
      });
      return () => undefined;
    });
    return writes.map((w, i) => ({
      sheet: w.sheet,
      r: w.r,
      c: w.c,
      before: cells[i].before,
      after: { value: w.value, formula: w.formula ? w.formula.replace(/^=/, '') : null },
    }));
  }

  /** What exists now: from the read just done, or one round trip. */
  private async liveness(): Promise<Liveness> {
    const fresh = this.live;
    this.live = null;
    if (fresh) return fresh;
    return run(async (ctx) => {
      const live = queueLiveness(ctx, this.api);
      await ctx.sync();
      return live();
    });
  }

  /**
   * Marks in two round trips: the old marks are removed and the new cells' fills read (one batch),
   * the records saved with the document, then the names, fills and comments written (one batch).
   * A batch that fails part-way leaves what ran before the failure: the records are then reconciled
   * with what exists, so that 清除标记 still removes every mark placed. Sheets protected without
   * "format cells" are left unmarked and named in the error.
   */
  async mark(marks: Mark[]): Promise<number> {
    const replacing = this.store.records;
    if (!marks.length && !replacing.length) return 0;
    const live = await this.liveness();
    const commentOn = (s: string) => this.capabilities.comments && !this.noComments.has(s);
    let kept: OfficeMark[] = replacing;
    let pending: OfficeMark[] = [];
    let refused: string[] = [];
    const colours = new Map<string, string>();
    try {
      pending = await this.writing((ctx) => {
        kept = queueRemoval(ctx, replacing, live, this.api);
        const plan = queuePlan(ctx, marks, live, this.api);
        refused = plan.refused;
        for (const p of plan.planned) colours.set(p.name, p.mark.color);
        return () => pendingRecords(plan.planned, this.api, commentOn);
      });
      await this.store.save([...kept, ...pending]); // recorded before anything is written
      const placed = await this.writing((ctx) => queueMarks(ctx, pending, colours));
      await this.store.save([...kept, ...placed]);
    } catch (e) {
      await this.store.save(await reconcile([...replacing, ...pending], this.api, run).catch(() => [...replacing, ...pending]));
      throw e;
    }
    if (refused.length) throw new HostError('protected', refused[0]);
    return this.store.records.length;
  }

  async clearMarks(): Promise<void> {
    const records = this.store.records;
    if (!records.length) return;
    const live = await this.liveness();
    let kept: OfficeMark[] = [];
    try {
      await this.writing((ctx) => {
        kept = queueRemoval(ctx, records, live, this.api);
        return () => undefined;
      });
    } catch (e) {
      await this.store.save(await reconcile(records, this.api, run).catch(() => records));
      throw e;
    }
    await this.store.save(kept);
    // Marks on a sheet protected since without "format cells" stay recorded, to be cleared once it allows it.
    if (kept.length) throw new HostError('protected', kept[0].sheet);
  }

  async openWorkbook(base64: string): Promise<boolean> {
    if (!this.capabilities.openWorkbook) return false;
    await Excel.createWorkbook(base64);
    return true;
  }

  /** Activates the sheet and selects the cells: several at once from ExcelApi 1.18 (RangeAreas.select), else the first. */
  async select(cells: CellAt[]): Promise<void> {
    if (!cells.length) return;
    const sheet = cells[0].sheet;
    if (this.hidden.has(sheet)) throw new HostError('sheet-hidden', sheet);
    const same = cells.filter((c) => c.sheet === sheet);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) throw new HostError('sheet-missing', sheet);
      ws.activate();
      if (same.length > 1 && this.capabilities.selectMany) ws.getRanges(same.map((c) => a1(c.r, c.c)).join(',')).select();
      else ws.getRange(a1(same[0].r, same[0].c)).select();
      await ctx.sync();
    });
  }

  /**
   * Change events: the whole workbook from ExcelApi 1.9 (WorksheetCollection.onChanged), else
   * each sheet's own (Worksheet.onChanged, 1.7). Events the pane's own writes raise are dropped:
   * triggerSource "ThisLocalAddin" (1.14), events off while writing (1.8), and a quiet second
   * after each write below that.
   */
  async onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    if (!this.capabilities.events) return async () => {};
    const listener = async (e: Excel.WorksheetChangedEventArgs) => {
      if (this.api.triggerSource && e.triggerSource === 'ThisLocalAddin') return;
      if (Date.now() < this.quietUntil) return;
      handler(e.worksheetId);
    };
    const registered = await run(async (ctx) => {
      let regs: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[];
      if (this.api.workbookEvents) regs = [ctx.workbook.worksheets.onChanged.add(listener)];
      else {
        const sheets = ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        regs = sheets.items.map((ws) => ws.onChanged.add(listener));
      }
      await ctx.sync();
      return regs;
    });
    return async () => {
      if (!registered.length) return;
      // Removed on the context that added them (Excel.run with a previous object's context).
      await Excel.run(registered[0].context, async (ctx) => {
        for (const r of registered) r.remove();
        await ctx.sync();
      });
    };
  }

  async addSheet(name: string, layout: DrawLayout): Promise<string> {
    const taken = await this.sheetNames();
    const sheetName = freeSheetName(name, taken);
    // The template in one round trip.
    await this.writing((ctx) => {
      const ws = ctx.workbook.worksheets.add(sheetName);
      drawLayout(ws, layout, this.capabilities);
      ws.activate();
      return () => undefined;
    });
    return sheetName;
  }
}
