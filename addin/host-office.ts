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
import { MarkStore, queueLiveness, queueMarks, queueRemoval, type Liveness } from './office-marks';
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
   * Writes values in one round trip, capturing what each cell held in the same batch. Text is
   * written as text: Range.values takes text starting with "=", "+" or "-" as a formula and text
   * like "12" as a number, so the cell is formatted as text ("@") for the write and its number
   * format put back after it.
   */
  async writeValues(writes: ValueWrite[]): Promise<WriteRecord[]> {
    if (!writes.length) return [];
    return this.writing((ctx) => {
      const loaded = writes.map((w) => {
        const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(a1(w.r, w.c));
        range.load('values,formulas,numberFormat'); // what it held, captured in the same batch before the write
        if (w.formula) range.formulas = [[`=${w.formula.replace(/^=/, '')}`]];
        else if (typeof w.value === 'string') {
          range.numberFormat = [['@']];
          range.values = [[w.value]];
          range.numberFormat = [[w.numberFormat ?? 'General']];
        } else {
          range.values = [[w.value === null ? '' : w.value]];
          if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
        }
        return range;
      });
      return () =>
        writes.map((w, i) => {
          const f = loaded[i].formulas[0][0];
          const v = loaded[i].values[0][0] as Scalar;
          return {
            sheet: w.sheet,
            r: w.r,
            c: w.c,
            before: {
              value: v === '' ? null : v,
              formula: typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null,
              numberFormat: (loaded[i].numberFormat[0][0] as string) ?? null,
            },
            after: { value: w.value, formula: w.formula ? w.formula.replace(/^=/, '') : null },
          };
        });
    });
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

  async mark(marks: Mark[]): Promise<number> {
    const replacing = this.store.records;
    if (!marks.length && !replacing.length) return 0;
    const live = await this.liveness();
    // The one write round trip: old marks go first, in the same batch.
    const records = await this.writing((ctx) => {
      queueRemoval(ctx, replacing, live, this.api);
      return queueMarks(ctx, marks, live, this.api, (s) => this.capabilities.comments && !this.noComments.has(s));
    });
    await this.store.save(records);
    return records.length;
  }

  async clearMarks(): Promise<void> {
    const records = this.store.records;
    if (!records.length) return;
    const live = await this.liveness();
    await this.writing((ctx) => {
      queueRemoval(ctx, records, live, this.api);
      return () => undefined;
    });
    await this.store.save([]);
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
