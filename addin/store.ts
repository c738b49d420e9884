/**
 * The workspace's state and every change to it, in one reducer (as Script Lab and the
 * Office-Addin-TaskPane samples keep a pane's state): the tab, the last check, the number of marks
 * in place, the changes the user can undo, the message shown, and the busy flag.
 */
import type { WriteRecord } from './host';
import type { CheckOutcome } from './pane';

export type TabKey = 'insert' | 'check' | 'fix' | 'export';
export type Scope = 'active' | 'all';
export type Message = { intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null;

export interface WorkspaceState {
  tab: TabKey;
  scope: Scope;
  /** Re-check while the user edits. */
  auto: boolean;
  outcome: CheckOutcome | null;
  /** Marks in place in the workbook (the host keeps what each changed). */
  marked: number;
  /** Batches of values the pane wrote, each undoable. */
  changes: WriteRecord[][];
  /** The finding selected with 上一个/下一个 (-1: none). */
  index: number;
  message: Message;
  /** Text for the user to copy where the host cannot download a file (Excel for Mac). */
  copyText: string | null;
  busy: boolean;
  /** Actions finished (tests wait on it). */
  version: number;
}

export type WorkspaceAction =
  | { type: 'tab'; tab: TabKey }
  | { type: 'scope'; scope: Scope }
  | { type: 'auto'; on: boolean }
  | { type: 'start' }
  | { type: 'finish' }
  | { type: 'message'; message: Message }
  | { type: 'checked'; outcome: CheckOutcome; message: Message }
  | { type: 'marked'; count: number }
  | { type: 'select'; index: number }
  | { type: 'wrote'; records: WriteRecord[] }
  | { type: 'undid'; batch: number; cell?: number }
  | { type: 'undidAll' }
  | { type: 'copy'; text: string | null };

export function initialWorkspace(live: boolean, marked = 0): WorkspaceState {
  return {
    tab: 'check',
    scope: live ? 'active' : 'all',
    auto: false,
    outcome: null,
    marked,
    changes: [],
    index: -1,
    message: null,
    copyText: null,
    busy: false,
    version: 0,
  };
}

export function workspaceReducer(s: WorkspaceState, a: WorkspaceAction): WorkspaceState {
  switch (a.type) {
    case 'tab':
      return { ...s, tab: a.tab };
    case 'scope':
      return { ...s, scope: a.scope };
    case 'auto':
      return { ...s, auto: a.on };
    case 'start':
      return { ...s, busy: true };
    case 'finish':
      return { ...s, busy: false, version: s.version + 1 };
    case 'message':
      return { ...s, message: a.message };
    case 'checked':
      return { ...s, outcome: a.outcome, index: -1, message: a.message };
    case 'marked':
      return { ...s, marked: a.count };
    case 'select':
      return { ...s, index: a.index };
    case 'wrote':
      return a.records.length ? { ...s, changes: [...s.changes, a.records] } : s;
    case 'undid':
      return {
        ...s,
        changes: s.changes
          .map((x, i) => (i !== a.batch ? x : a.cell === undefined ? [] : x.filter((_, j) => j !== a.cell)))
          .filter((x) => x.length),
      };
    case 'undidAll':
      return { ...s, changes: [] };
    case 'copy':
      return { ...s, copyText: a.text };
  }
}
