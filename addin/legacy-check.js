/*
 * Runs before everything else in taskpane.html, in ES5 so that every webview can run it. Office
 * 2019 and 2016 (volume editions) run task panes in Internet Explorer 11 (Trident) or EdgeHTML
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins),
 * which cannot run the pane's ES2020 bundle: without this the pane stays blank. Here such a
 * webview shows a sentence saying why and what to do instead.
 */
(function () {
  'use strict';
  function modern() {
    try {
      // Syntax the bundle uses (ES2020): optional chaining, nullish coalescing, arrow functions, let.
      new Function('let o = { a: 1 }; return (() => o?.a ?? 0)();');
      return typeof Promise !== 'undefined' && typeof Symbol !== 'undefined' && typeof Map !== 'undefined';
    } catch (e) {
      return false;
    }
  }
  if (modern()) return;
  window.__xxgkOldWebview = true;
  var en = /[?&]lang=en\b/i.test(location.search);
  var text = en
    ? 'This version of Office shows task panes with an old web browser that cannot run this add-in. ' +
      'Use Excel on the web, or Microsoft 365 or Office 2021 and later; or open this page in a current browser to check files.'
    : '此版本的 Office 用以显示任务窗格的浏览器组件过旧，无法运行本加载项。' +
      '请改用 Excel 网页版，或 Microsoft 365、Office 2021 及以上版本；也可以在新版浏览器中打开本页面检查文件。';
  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    root.setAttribute('data-testid', 'old-webview');
    root.style.padding = '12px';
    root.style.fontSize = '14px';
    root.style.lineHeight = '1.6';
    root.appendChild(document.createTextNode(text));
  }
  if (document.getElementById('root')) show();
  else document.addEventListener('DOMContentLoaded', show);
})();
