/**
 * Task pane entry. Office.js comes from Microsoft's CDN (<script> in taskpane.html); where it is
 * missing (no network, tests) or Office.onReady reports no host, the pane works on files.
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { OfficeHost, detectCapabilities } from './host-office';
import type { SheetHost } from './host';

declare global {
  interface Window {
    __xxgkReady?: { mode: 'office' | 'files' };
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

async function main() {
  const host = await officeHost().catch(() => null);
  const lang = /^en\b/i.test(new URLSearchParams(location.search).get('lang') ?? '') ? 'en' : 'zh';
  const root = createRoot(document.getElementById('root')!);
  root.render(<App host={host} initialLang={lang} />);
  window.__xxgkReady = { mode: host ? 'office' : 'files' };
}

void main();
