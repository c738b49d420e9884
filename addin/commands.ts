/** Function file of the ribbon (the Home-tab button only shows the task pane; nothing else runs here). */
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady();
}
export {};
