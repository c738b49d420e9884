/**
 * The spreadsheet through Office.js: the ONLY module of the add-in that calls Excel's API.
 *
 * Round trips are the cost: reading a sheet for a check is one context.sync(), writing every mark
 * is one more (a mark's previous fill is loaded in the same batch, before it is overwritten, so
 * that removing the marks restores the cells exactly). Requirement sets beyond the manifest's
 * minimum (ExcelApi 1.7) are detected at run time.
 */
import { arrayGrid, a1, sheetRef, type Grid, type Merge } from '../core/read/grid';
import {
  freeSheetName,
  parseRef,
  type CellAt,
  type DrawCell,
  type DrawLayout,
  type HostCapabilities,
  type Mark,
  type MarkRecord,
  type ReadResult,
  type Scalar,
  type SheetHost,
  type ValueWrite,
  type WriteRecord,
} from './host';

const supported = (v: string) => {
  try {
    return !!Office.context?.requirements?.isSetSupported('ExcelApi', v);
  } catch {
    return false;
  }
};

/** What this Excel can do, from the requirement sets it supports. */
export function detectCapabilities(): HostCapabilities {
  return {
    liveWorkbook: true,
    comments: supported('1.10'),
    selectMany: supported('1.9'),
    readMerges: supported('1.13'),
    validation: supported('1.8'),
    protection: supported('1.2'),
    events: supported('1.7'),
    openWorkbook: supported('1.8'),
    download: true,
  };
}

/** "Sheet1!A1:C2, Sheet1!D4" → 0-based areas. */
function parseAreas(address: string): Merge[] {
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

const isWhite = (c: string | null | undefined) => !c || /^#?FFFFFF$/i.test(c) || c.toLowerCase() === 'white';

function toGrid(name: string, top: number, left: number, values: Scalar[][], formulas: unknown[][], merges: Merge[]): Grid {
  const fs = formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined)));
  const vs = values.map((row) => row.map((v) => (v === '' ? null : v)));
  return arrayGrid(name, vs, {
    formulas: fs,
    merges: merges.map((m) => ({ r0: m.r0 - top, c0: m.c0 - left, r1: m.r1 - top, c1: m.c1 - left })).filter((m) => m.r1 >= 0 && m.c1 >= 0),
    ref: (r, c) => sheetRef(name, r + top, c + left),
  });
}

export class OfficeHost implements SheetHost {
  readonly capabilities: HostCapabilities;
  /** Sheets that held comments of their own, or were protected, when last read: marks add no comments there. */
  private sheetsWithComments = new Set<string>();
  /** Comments our marks added and have not removed, per sheet. */
  private ourComments = new Map<string, number>();

  constructor(capabilities: HostCapabilities = detectCapabilities()) {
    this.capabilities = capabilities;
  }

  async sheetNames(): Promise<string[]> {
    return Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async read(scope: 'active' | 'all'): Promise<ReadResult> {
    const names = scope === 'all' ? await this.sheetNames() : null;
    return Excel.run(async (ctx) => {
      const wss = names ? names.map((n) => ctx.workbook.worksheets.getItem(n)) : [ctx.workbook.worksheets.getActiveWorksheet()];
      const parts = wss.map((ws) => {
        ws.load('name');
        const used = ws.getUsedRangeOrNullObject(true); // values only: formatting does not widen the block
        used.load('values,formulas,rowIndex,columnIndex');
        const merges = this.capabilities.readMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
        merges?.load('address');
        const comments = this.capabilities.comments ? ws.comments : null;
        comments?.load('items/id');
        if (comments) ws.protection.load('protected');
        return { ws, used, merges, comments };
      });
      await ctx.sync(); // the one read round trip
      const grids: Grid[] = [];
      const sheets: ReadResult['sheets'] = [];
      for (const { ws, used, merges, comments } of parts) {
        const name = ws.name;
        if (comments) {
          // No comments where the sheet has its own (add() would fail on a commented cell) or is protected (comments are blocked there).
          if (comments.items.length > (this.ourComments.get(name) ?? 0) || ws.protection.protected) this.sheetsWithComments.add(name);
          else this.sheetsWithComments.delete(name);
        }
        if (used.isNullObject) {
          grids.push(arrayGrid(name, []));
          sheets.push({ name, top: 0, left: 0 });
          continue;
        }
        const top = used.rowIndex,
          left = used.columnIndex;
        const m = merges && !merges.isNullObject && merges.address ? parseAreas(merges.address) : [];
        grids.push(toGrid(name, top, left, used.values as Scalar[][], used.formulas as unknown[][], m));
        sheets.push({ name, top, left });
      }
      return { book: { name: 'workbook', grids }, sheets };
    });
  }

  async writeValues(writes: ValueWrite[]): Promise<WriteRecord[]> {
    if (!writes.length) return [];
    return Excel.run(async (ctx) => {
      const loaded = writes.map((w) => {
        const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(a1(w.r, w.c));
        range.load('values,formulas'); // what it held, captured in the same batch before the write
        if (w.formula) range.formulas = [[`=${w.formula.replace(/^=/, '')}`]];
        else range.values = [[w.value === null ? '' : w.value]];
        return range;
      });
      await ctx.sync();
      return writes.map((w, i) => {
        const f = loaded[i].formulas[0][0];
        const v = loaded[i].values[0][0] as Scalar;
        return {
          sheet: w.sheet,
          r: w.r,
          c: w.c,
          before: { value: v === '' ? null : v, formula: typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null },
          after: { value: w.value, formula: w.formula ? w.formula.replace(/^=/, '') : null },
        };
      });
    });
  }

  /** What each mark in place changed. */
  private records: MarkRecord[] = [];

  markCount(): number {
    return this.records.length;
  }

  async mark(marks: Mark[]): Promise<number> {
    const replacing = this.records;
    if (!marks.length && !replacing.length) return 0;
    this.records = await Excel.run(async (ctx) => {
      this.queueRemoval(ctx, replacing); // old marks go first, in the same batch
      const fills = marks.map((m) => {
        const range = ctx.workbook.worksheets.getItem(m.sheet).getRange(a1(m.r, m.c));
        range.format.fill.load('color'); // before the mark: executed in order within the batch
        range.format.fill.color = m.color;
        const comment = !!m.text && this.capabilities.comments && !this.sheetsWithComments.has(m.sheet);
        if (comment) ctx.workbook.comments.add(sheetRef(m.sheet, m.r, m.c), m.text!);
        return { fill: range.format.fill, comment };
      });
      await ctx.sync(); // the one write round trip
      for (const f of fills) if (f.comment) this.count(marks[fills.indexOf(f)].sheet, 1);
      return marks.map((m, i) => ({
        sheet: m.sheet,
        r: m.r,
        c: m.c,
        prevFill: isWhite(fills[i].fill.color) ? null : fills[i].fill.color,
        comment: fills[i].comment,
      }));
    });
    return this.records.length;
  }

  async clearMarks(): Promise<void> {
    if (!this.records.length) return;
    await Excel.run(async (ctx) => {
      this.queueRemoval(ctx, this.records);
      await ctx.sync();
    });
    this.records = [];
  }

  private queueRemoval(ctx: Excel.RequestContext, records: MarkRecord[]): void {
    for (const m of [...records].reverse()) {
      const range = ctx.workbook.worksheets.getItem(m.sheet).getRange(a1(m.r, m.c));
      if (m.prevFill === null) range.format.fill.clear();
      else range.format.fill.color = m.prevFill;
      if (m.comment) {
        ctx.workbook.comments.getItemByCell(sheetRef(m.sheet, m.r, m.c)).delete();
        this.count(m.sheet, -1);
      }
    }
  }

  private count(sheet: string, d: number): void {
    this.ourComments.set(sheet, Math.max(0, (this.ourComments.get(sheet) ?? 0) + d));
  }

  async openWorkbook(base64: string): Promise<boolean> {
    if (!this.capabilities.openWorkbook) return false;
    await Excel.createWorkbook(base64);
    return true;
  }

  async select(cells: CellAt[]): Promise<void> {
    if (!cells.length) return;
    const sheet = cells[0].sheet;
    const same = cells.filter((c) => c.sheet === sheet);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (same.length > 1 && this.capabilities.selectMany) ws.getRanges(same.map((c) => a1(c.r, c.c)).join(',')).select();
      else ws.getRange(a1(same[0].r, same[0].c)).select();
      await ctx.sync();
    });
  }

  async onChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    if (!this.capabilities.events) return async () => {};
    let registered: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    await Excel.run(async (ctx) => {
      registered = ctx.workbook.worksheets.onChanged.add(async (e) => handler(e.worksheetId));
      await ctx.sync();
    });
    return async () => {
      const r = registered!;
      await Excel.run(r.context, async (ctx) => {
        r.remove();
        await ctx.sync();
      });
    };
  }

  async addSheet(name: string, layout: DrawLayout): Promise<string> {
    const taken = await this.sheetNames();
    const sheetName = freeSheetName(name, taken);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add(sheetName);
      for (const cell of layout.cells) drawCell(ws, cell, this.capabilities);
      (layout.columnWidths ?? []).forEach((w, c) => {
        if (w) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 7); // points ≈ 7 per character
      });
      for (const [n, ref] of Object.entries(layout.names ?? {})) ws.names.add(n, ws.getRange(ref.replace(/^.*!/, '')));
      if (this.capabilities.protection)
        ws.protection.protect({ allowFormatCells: true, allowEditObjects: true, allowFormatColumns: true, allowFormatRows: true });
      ws.activate();
      await ctx.sync(); // the template in one round trip
    });
    return sheetName;
  }
}

const BORDERED = new Set(['header', 'corner', 'label', 'input', 'derived', 'value']);

function drawCell(ws: Excel.Worksheet, cell: DrawCell, f: HostCapabilities): void {
  const rs = cell.rowSpan ?? 1,
    cs = cell.colSpan ?? 1;
  const range = ws.getRangeByIndexes(cell.r, cell.c, rs, cs);
  const anchor = rs > 1 || cs > 1 ? ws.getRangeByIndexes(cell.r, cell.c, 1, 1) : range;
  if (rs > 1 || cs > 1) range.merge(false);
  if (cell.formula) anchor.formulas = [[`=${cell.formula.replace(/^=/, '')}`]];
  else if (cell.text !== undefined && cell.text !== null && cell.text !== '') anchor.values = [[cell.text]];
  const role = cell.role ?? '';
  range.format.wrapText = role !== 'title';
  range.format.verticalAlignment = 'Center';
  if (role === 'title') {
    range.format.font.bold = true;
    range.format.font.size = 14;
    range.format.horizontalAlignment = 'Center';
  }
  if (role === 'section') range.format.font.bold = true;
  if (role === 'header' || role === 'corner') {
    range.format.font.bold = true;
    range.format.horizontalAlignment = 'Center';
    range.format.fill.color = '#F2F2F2';
  }
  if (cell.formula) range.format.fill.color = '#EDF5EE';
  if (BORDERED.has(role)) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) range.format.borders.getItem(edge).style = 'Continuous';
  }
  if (role === 'input') {
    if (f.protection) range.format.protection.locked = false;
    if (f.validation) {
      const money = cell.kind === 'money';
      const signed = cell.kind === 'signed';
      range.dataValidation.rule = money
        ? { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }
        : {
            wholeNumber: signed
              ? { formula1: -1e9, formula2: 1e9, operator: 'Between' }
              : { formula1: 0, operator: 'GreaterThanOrEqualTo' },
          };
      range.dataValidation.prompt = {
        showPrompt: true,
        title: money ? '金额（万元）' : '件数',
        message: money ? '请输入金额（万元），最多 4 位小数' : signed ? '请输入整数（可为负数）' : '请输入不小于 0 的整数',
      };
      range.dataValidation.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: '输入有误',
        message: money ? '金额须为不小于 0 的数，最多 4 位小数' : signed ? '请输入整数' : '件数须为不小于 0 的整数',
      };
    }
  }
}
