/**
 * Task pane entry. The host is chosen at start-up from what the page finds: Excel through Office.js
 * (loaded by taskpane.html from Microsoft's CDN, or a copy beside the pane), WPS 表格's application
 * object (the page runs as a WPS 加载项 task pane; host-wps.ts is loaded only then), or neither: the
 * pane works on files. Inside Office (its address carries _host_Info) an Office.js that did not
 * load or never became ready is said, with a retry, never mistaken for "outside Office".
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { OfficeMissing } from './components/OfficeMissing';
import { OfficeHost } from './host-office';
import type { SheetHost } from './host';
import { findWpsApplication } from './wps/detect';

declare global {
  interface Window {
    __xxgkReady?: { mode: 'office' | 'wps' | 'files' | 'office-missing' };
    __xxgkOldWebview?: boolean;
  }
}

/**
 * Office opens a task pane at its SourceLocation with "_host_Info=Excel|Win32|…" (or Web, Mac)
 * added to the query, which Office.js itself reads; a plain browser has no such parameter.
 */
const openedByOffice = () => /[?&]_host_Info=/i.test(location.search);

async function officeHost(): Promise<SheetHost | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), openedByOffice() ? 15000 : 5000)), // never hang the page
  ]);
  if (!info || String(info.host) !== 'Excel' || typeof Excel === 'undefined') return null;
  return new OfficeHost();
}

async function wpsHost(): Promise<SheetHost | null> {
  const app = findWpsApplication();
  if (!app) return null;
  const [{ WpsHost }, { listenForRibbon }] = await Promise.all([import('./host-wps'), import('./wps/ribbon-bridge')]);
  listenForRibbon(app.PluginStorage); // the ribbon's buttons (检查, 清除标记 …) act through the pane
  return new WpsHost(app);
}

async function main() {
  if (window.__xxgkOldWebview) return; // legacy-check.js has said why this webview cannot run the pane
  const office = await officeHost().catch(() => null);
  const host = office ?? (await wpsHost().catch(() => null));
  const lang = /^en\b/i.test(new URLSearchParams(location.search).get('lang') ?? '') ? 'en' : 'zh';
  const root = createRoot(document.getElementById('root')!);
  if (!host && openedByOffice()) {
    root.render(<OfficeMissing lang={lang} />);
    window.__xxgkReady = { mode: 'office-missing' };
    return;
  }
  root.render(<App host={host} initialLang={lang} />);
  window.__xxgkReady = { mode: office ? 'office' : host ? 'wps' : 'files' };
}

void main();
