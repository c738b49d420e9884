/**
 * What this Excel supports and how every batch is run. Each API the add-in uses beyond the
 * manifest's minimum (ExcelApi 1.7) is guarded by the requirement set Microsoft documents for it
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets;
 * the set of each member is in @types/office-js as "[Api set: ExcelApi 1.x]").
 */
import { HostError, type HostCapabilities } from './host';

export const supported = (v: string): boolean => {
  try {
    return !!Office.context?.requirements?.isSetSupported('ExcelApi', v);
  } catch {
    return false;
  }
};

/** The requirement sets behind each API the host uses. */
export interface ExcelApis {
  /** Worksheet.onChanged (1.7); else no change events at all. */
  sheetEvents: boolean;
  /** WorksheetCollection.onChanged (1.9); else one handler per sheet. */
  workbookEvents: boolean;
  /** Runtime.enableEvents (1.8): the pane's own writes fire no events. */
  enableEvents: boolean;
  /** WorksheetChangedEventArgs.triggerSource (1.14): "ThisLocalAddin" marks the pane's own changes. */
  triggerSource: boolean;
  /** RangeFill.pattern and tintAndShade (1.9): No Fill told apart from white, tints restored. */
  fillPattern: boolean;
  /** Comments (1.10). */
  comments: boolean;
  /** RangeAreas.select (1.18). */
  selectAreas: boolean;
  /** Range.getMergedAreasOrNullObject (1.13). */
  merges: boolean;
  /** Data validation (1.8). */
  validation: boolean;
  /** Excel.createWorkbook (1.8). */
  createWorkbook: boolean;
}

export function detectApis(): ExcelApis {
  return {
    sheetEvents: supported('1.7'),
    workbookEvents: supported('1.9'),
    enableEvents: supported('1.8'),
    triggerSource: supported('1.14'),
    fillPattern: supported('1.9'),
    comments: supported('1.10'),
    selectAreas: supported('1.18'),
    merges: supported('1.13'),
    validation: supported('1.8'),
    createWorkbook: supported('1.8'),
  };
}

/**
 * Excel for Mac and Excel on iPad run the pane in a WKWebView that ignores `<a download>`
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins:
 * "Safari WKWebView" on Mac and iOS; Office.PlatformType "Mac" and "iOS"): files are handed
 * over another way there.
 */
export const noDownloads = (): boolean => {
  const apple = (p: unknown) => p === 'Mac' || p === 'iOS';
  try {
    return apple(String(Office.context?.platform)) || apple(String(Office.context?.diagnostics?.platform));
  } catch {
    return false;
  }
};

export function capabilitiesOf(api: ExcelApis): HostCapabilities {
  return {
    liveWorkbook: true,
    comments: api.comments,
    selectMany: api.selectAreas,
    readMerges: api.merges,
    validation: api.validation,
    protection: supported('1.2'),
    events: api.sheetEvents,
    openWorkbook: api.createWorkbook,
    download: !noDownloads(),
  };
}

/**
 * Every batch waits while the user is typing in a cell instead of failing
 * (Excel.RunOptions.delayForCellEdit, https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 */
export function run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch).catch((e: unknown) => {
    throw explain(e);
  });
}

/**
 * A batch that writes, in one round trip: `queue` queues the writes and returns what reads the
 * results after the sync. The pane's own writes raise no change events (Runtime.enableEvents,
 * ExcelApi 1.8: off before the writes and on again after them, in the same batch).
 */
export async function runWriting<T>(api: ExcelApis, queue: (ctx: Excel.RequestContext) => () => T): Promise<T> {
  try {
    return await run(async (ctx) => {
      if (api.enableEvents) ctx.runtime.enableEvents = false;
      const read = queue(ctx);
      if (api.enableEvents) ctx.runtime.enableEvents = true;
      await ctx.sync();
      return read();
    });
  } catch (e) {
    // A failed batch may have left events off: turn them back on.
    if (api.enableEvents)
      await run(async (ctx) => {
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      }).catch(() => undefined);
    throw e;
  }
}

/**
 * Excel's error codes the pane can explain, each with its own sentence (Excel.ErrorCodes,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * anything else is a host error with its code kept.
 */
export function explain(e: unknown): unknown {
  if (e instanceof HostError) return e;
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'InvalidOperationInCellEditMode') return new HostError('cell-edit', '', code);
  // AccessDenied: a protected sheet (or workbook) refused the change; InvalidOperation is what protection raises too.
  if (code === 'AccessDenied') return new HostError('protected', '', code);
  if (code === 'InvalidOperation') return new HostError('refused', '', code);
  if (code === 'ItemNotFound' || code === 'InvalidReference') return new HostError('missing', '', code);
  if (code === 'InactiveWorkbook') return new HostError('inactive', '', code);
  if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit')
    return new HostError('too-large', '', code);
  if (code) return new HostError('host', '', `${code}: ${(e as Error).message ?? ''}`);
  return e;
}
