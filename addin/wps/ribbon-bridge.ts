/**
 * Task pane side of the ribbon: polls PluginStorage for a command from the entry page and presses
 * the pane's own tab and button for it, so that a ribbon click and a pane click do the same thing.
 */
import { COMMAND_KEY, DONE_KEY, PANE_STEPS, type RibbonAction } from './ribbon-actions';

interface Storage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to 5 s) for a pane element and clicks it unless it is disabled. */
async function press(doc: Document, testid: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const el = doc.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
    if (el) {
      if (!(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true') el.click();
      return;
    }
    await sleep(100);
  }
}

export function listenForRibbon(storage: Storage | undefined, doc: Document = document, everyMs = 400): () => void {
  if (!storage) return () => {};
  let busy = false;
  const tick = async () => {
    if (busy) return;
    let command: { action?: RibbonAction; seq?: string };
    try {
      command = JSON.parse(String(storage.getItem(COMMAND_KEY) ?? '{}'));
    } catch {
      return;
    }
    if (!command.seq || !command.action || String(storage.getItem(DONE_KEY) ?? '') === command.seq) return;
    busy = true;
    storage.setItem(DONE_KEY, command.seq);
    try {
      for (const id of PANE_STEPS[command.action] ?? []) {
        await press(doc, id);
        await sleep(50); // let the tab render before its button is looked for
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  void tick();
  return () => clearInterval(timer);
}
