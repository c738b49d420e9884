/**
 * The 加载项's entry page (index.html): WPS loads it when 表格 starts and calls these functions by
 * the names ribbon.xml gives them (onLoad, onAction, getImage, getEnabled). Every button opens the
 * task pane; the others also leave a command for it (ribbon-actions.ts).
 */
import { findWpsApplication } from './detect';
import { COMMAND_KEY, PANE_KEY, RIBBON_ACTIONS } from './ribbon-actions';

interface Control {
  Id: string;
}

const MSO_CTP_DOCK_RIGHT = 2; // MsoCTPDockPosition.msoCTPDockPositionRight

/** The folder this page was served from (online: the server's URL; offline: the unpacked package). */
function baseUrl(): string {
  const href = decodeURI(document.location.toString()).split(/[?#]/)[0];
  return href.slice(0, href.lastIndexOf('/') + 1);
}

function app() {
  const a = findWpsApplication();
  if (!a) throw new Error('WPS Application');
  return a;
}

/** The task pane, created once per WPS window and shown. */
function showPane(toggle: boolean): void {
  const a = app();
  const id = Number(a.PluginStorage.getItem(PANE_KEY));
  let pane: WPS.CustomTaskpane | null;
  try {
    pane = id ? a.GetTaskPane(id) : null;
  } catch {
    pane = null; // closed with its window
  }
  if (!pane) {
    pane = a.CreateTaskPane(`${baseUrl()}taskpane.html`, '政务公开年报');
    pane.DockPosition = MSO_CTP_DOCK_RIGHT;
    a.PluginStorage.setItem(PANE_KEY, pane.ID);
    pane.Visible = true;
    return;
  }
  pane.Visible = toggle ? !pane.Visible : true;
}

function OnAddinLoad(ribbonUI: WPS.RibbonUi): boolean {
  const a = app() as { ribbonUI?: WPS.RibbonUi };
  if (typeof a.ribbonUI !== 'object' || !a.ribbonUI) a.ribbonUI = ribbonUI;
  return true;
}

let seq = 0;
function OnAction(control: Control): boolean {
  const action = RIBBON_ACTIONS[control.Id];
  if (!action) return true;
  showPane(action === 'pane');
  if (action !== 'pane') app().PluginStorage.setItem(COMMAND_KEY, JSON.stringify({ action, seq: `${Date.now()}-${++seq}` }));
  return true;
}

function GetImage(control: Control): string {
  return `images/${RIBBON_ACTIONS[control.Id] ?? 'pane'}.svg`;
}

function OnGetEnabled(): boolean {
  return true;
}

// WPS finds the callbacks as globals of the entry page.
Object.assign(window, { OnAddinLoad, OnAction, GetImage, OnGetEnabled });
