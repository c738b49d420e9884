/**
 * Is this page inside WPS 表格? Kept apart from host-wps.ts so that the pane's first load only
 * carries this check; the host itself is loaded when WPS is found.
 */
/// <reference types="et-jsapi-declare" />

/** Finds the WPS 表格 application object, where the page runs inside WPS (null elsewhere). */
export function findWpsApplication(w: unknown = typeof window !== 'undefined' ? window : undefined): WPSMergedRoot | null {
  const g = (w ?? {}) as { Application?: unknown; wps?: { Application?: unknown; EtApplication?: () => unknown } };
  const candidates: (() => unknown)[] = [
    () => g.Application,
    () => g.wps,
    () => g.wps?.Application,
    () => (typeof g.wps?.EtApplication === 'function' ? g.wps.EtApplication() : undefined),
  ];
  for (const get of candidates) {
    try {
      const app = get() as { Workbooks?: unknown; Worksheets?: unknown } | undefined;
      // ET's Application has Workbooks and Worksheets; WPS 文字's has Documents instead.
      if (app && (typeof app === 'object' || typeof app === 'function') && app.Workbooks && app.Worksheets !== undefined)
        return app as WPSMergedRoot;
    } catch {
      // a host object that throws on access is not the one we want
    }
  }
  return null;
}
