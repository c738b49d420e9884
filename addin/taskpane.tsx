/**
 * Task pane entry. The host is chosen at start-up from what the page finds: Excel through Office.js
 * (from Microsoft's CDN, <script> in taskpane.html), WPS 表格's application object (the page runs
 * as a WPS 加载项 task pane; host-wps.ts is loaded only then), or neither: the pane works on files.
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { OfficeHost, detectCapabilities } from './host-office';
import type { SheetHost } from './host';
import { findWpsApplication } from './wps/detect';

declare global {
  interface Window {
    __xxgkReady?: { mode: 'office' | 'wps' | 'files' };
  }
}

async function officeHost(): Promise<SheetHost | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)), // never hang the page on a broken Office.js
  ]);
  if (!info || String(info.host) !== 'Excel' || typeof Excel === 'undefined') return null;
  return new OfficeHost(detectCapabilities());
}

async function wpsHost(): Promise<SheetHost | null> {
  const app = findWpsApplication();
  if (!app) return null;
  const [{ WpsHost }, { listenForRibbon }] = await Promise.all([import('./host-wps'), import('./wps/ribbon-bridge')]);
  listenForRibbon(app.PluginStorage); // the ribbon's buttons (检查, 清除标记 …) act through the pane
  return new WpsHost(app);
}

async function main() {
  const office = await officeHost().catch(() => null);
  const host = office ?? (await wpsHost().catch(() => null));
  const lang = /^en\b/i.test(new URLSearchParams(location.search).get('lang') ?? '') ? 'en' : 'zh';
  const root = createRoot(document.getElementById('root')!);
  root.render(<App host={host} initialLang={lang} />);
  window.__xxgkReady = { mode: office ? 'office' : host ? 'wps' : 'files' };
}

void main();
