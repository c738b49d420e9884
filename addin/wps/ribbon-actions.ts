/**
 * The ribbon's buttons (ribbon.xml) and how they reach the task pane. The entry page (ribbon.ts)
 * and the task pane are two pages of one 加载项; PluginStorage is shared between them (the vendor's
 * declaration: 在一个插件的不同网页间共享数据), so a button writes a command there and the pane,
 * which polls it, carries it out by pressing its own button.
 */

/** Button id in ribbon.xml → command. */
export const RIBBON_ACTIONS: Record<string, RibbonAction> = {
  btnInsertTemplate: 'insert',
  btnCheck: 'check',
  btnClearMarks: 'clear',
  btnFix: 'fix',
  btnExport: 'export',
  btnTaskPane: 'pane',
};

export type RibbonAction = 'insert' | 'check' | 'clear' | 'fix' | 'export' | 'pane';

/** PluginStorage keys: the last command ({ action, seq } as JSON), the seq the pane carried out, the pane's id. */
export const COMMAND_KEY = 'xxgk.command';
export const DONE_KEY = 'xxgk.command.done';
export const PANE_KEY = 'xxgk.taskpane';

/** What the pane presses for each command (its tabs and buttons, by data-testid). */
export const PANE_STEPS: Record<RibbonAction, string[]> = {
  insert: ['tab-insert'],
  check: ['tab-check', 'check'],
  clear: ['tab-check', 'clear-marks'],
  fix: ['tab-fix'],
  export: ['tab-export'],
  pane: [],
};
