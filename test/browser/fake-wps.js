/*
 * A fake of WPS 表格's JS API (the ET object model a WPS 加载项 page sees as window.Application),
 * in three files injected in order before the page's scripts: this one (state, cells, formulas,
 * addresses, protection), fake-wps-range.js (Range and what hangs off it) and fake-wps-app.js
 * (sheets, workbooks, Application, the test's handle), so that browser tests drive the real task pane and entry page
 * against a workbook whose every cell they can inspect. It implements the members the add-in uses,
 * as strictly as the sources say, and throws on any member it does not model.
 *
 * Sources (cited per rule below as [D] and [V]):
 *  [D] the vendor's declarations, npm et-jsapi-declare 2.5.0 (what `wpsjs create` installs for an
 *      ET project): lib.et.d.ts (Et.Application, Range, Worksheet, Sheets, Interior, Comment,
 *      Validation; enums XlColorIndex, XlCVError …), index.d.ts (WPS.AddonRoot: CreateTaskPane,
 *      PluginStorage, FileSystem, Env), addon.et.d.ts (ApiEvent 'SheetChange').
 *  [V] Microsoft's Excel VBA reference (learn.microsoft.com/office/vba/api/excel.*), which the ET
 *      model mirrors member for member: Range.Value2, Range.Formula, Range.MergeArea,
 *      Range.MergeCells, Range.AddComment, Range.Select, Interior.Color, Sheets.Add, Worksheet.Name.
 *
 * Every member access or call is counted (window.__fakeWps.calls; callLog lists them), and so is every
 * cell a Value2 or Formula read carries (cellsRead): a call into WPS crosses from the page into the
 * program, so its cost grows with the calls and the cells they carry. A test may set a budget
 * (__fakeWpsConfig.budget = { calls, cells }, cells per call): past it the fake throws, standing for
 * the program freezing on a million-row read.
 * Test side: window.__fakeWps = { calls, type(), comment(), cell(), snapshot(), fills(), comments(), … }.
 */
(function () {
  'use strict';
  if (!window.__fakeWpsConfig) return;

  var XL_NONE = -4142; // [D] XlColorIndex.xlColorIndexNone / Constants.xlNone
  var WHITE = 16777215; // [V] Interior.Color of a cell with no fill reads as white (RGB(255,255,255))
  var CV_BASE = 0x800a0000 - 0x100000000; // [V] CVErr(n) through COM: HRESULT 0x800A0000 + n

  function colNum(s) {
    var c = 0;
    for (var i = 0; i < s.length; i++) c = c * 26 + (s.toUpperCase().charCodeAt(i) - 64);
    return c - 1;
  }
  function colName(c) {
    var s = '';
    for (var n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function a1(r, c, abs) {
    return abs ? '$' + colName(c) + '$' + (r + 1) : colName(c) + (r + 1);
  }
  function wpsError(msg) {
    var e = new Error(msg);
    e.name = 'WpsApiError';
    return e;
  }

  // ———————————————————————————————————————— state and counting
  var budget = window.__fakeWpsConfig.budget || {};
  var state = {
    calls: 0,
    cellsRead: 0,
    callLog: [],
    workbooks: [],
    active: 0,
    selection: null,
    storage: {},
    panes: [],
    files: {},
    opened: [],
    listeners: [],
  };
  function count(what) {
    state.calls++;
    if (budget.calls && state.calls > budget.calls) throw wpsError('fake-wps: more than ' + budget.calls + ' calls (WPS would stall)');
    if (state.callLog.length < 20000) state.callLog.push(what);
  }
  /** A COM-like object: counted accessors and methods; any other member throws (the fake does not model it). */
  function com(kind, props, methods) {
    var target = {};
    return new Proxy(target, {
      get: function (_, k) {
        if (typeof k === 'symbol' || k === 'then' || k === 'toJSON') return undefined;
        if (methods && Object.prototype.hasOwnProperty.call(methods, k))
          return function () {
            count(kind + '.' + k + '()');
            return methods[k].apply(null, arguments);
          };
        if (props && Object.prototype.hasOwnProperty.call(props, k)) {
          count(kind + '.' + k);
          var p = props[k];
          if (typeof p === 'function') return p();
          return p && typeof p === 'object' && ('get' in p || 'set' in p) ? (p.get ? p.get() : undefined) : p;
        }
        throw wpsError('fake-wps: ' + kind + '.' + String(k) + ' is not modelled');
      },
      set: function (_, k, v) {
        var p = props && props[k];
        count(kind + '.' + String(k) + '=');
        if (!p || typeof p === 'function' || !p.set)
          throw wpsError('fake-wps: ' + kind + '.' + String(k) + ' is read-only or not modelled');
        p.set(v);
        return true;
      },
      has: function (_, k) {
        return !!((props && k in props) || (methods && k in methods));
      },
    });
  }

  function newSheet(name) {
    // formattedTo: the last row formatted down whole columns (no cell of its own), which UsedRange counts.
    return {
      name: name,
      cells: {},
      merges: [],
      comments: {},
      protection: null,
      colWidths: {},
      names: {},
      formattedTo: -1,
      formattedCols: -1,
    };
  }
  function newBook(name, sheetNames) {
    // names: workbook names, lower-case → { name, sheet (object; null: #REF!), box, visible } ([D] Names, Name).
    return { name: name, sheets: sheetNames.map(newSheet), active: 0, names: {} };
  }
  // The book WPS opens with: a file's name (__fakeWpsConfig.bookName, "某某局2024年报.xlsx") or a new book's "工作簿1".
  state.workbooks.push(newBook(window.__fakeWpsConfig.bookName || '工作簿1', [window.__fakeWpsConfig.firstSheet || 'Sheet1']));
  var book = function () {
    return state.workbooks[state.active];
  };
  var sheetOf = function (wb, name) {
    for (var i = 0; i < wb.sheets.length; i++) if (wb.sheets[i].name.toLowerCase() === String(name).toLowerCase()) return wb.sheets[i];
    return null;
  };

  function cellAt(sh, r, c, create) {
    var k = r + ',' + c;
    if (!sh.cells[k] && create) sh.cells[k] = {};
    return sh.cells[k];
  }
  function tidy(sh, r, c) {
    var k = r + ',' + c,
      x = sh.cells[k];
    if (!x) return;
    for (var p in x) if (x[p] === undefined || x[p] === null) delete x[p];
    if (x.fmt && !Object.keys(x.fmt).length) delete x.fmt;
    if (!Object.keys(x).length) delete sh.cells[k];
  }
  function mergeOf(sh, r, c) {
    for (var i = 0; i < sh.merges.length; i++) {
      var m = sh.merges[i];
      if (r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) return m;
    }
    return null;
  }
  function num(v) {
    return typeof v === 'number' ? v : 0;
  }

  /** Template formulas: numbers, cells, SUM(areas), + − and *. Enough for what the layout writes. */
  function evaluate(sh, text) {
    var s = text.replace(/^=/, '').replace(/\s+|\$/g, ''),
      i = 0;
    function cellVal(ref) {
      var m = /^([A-Z]+)(\d+)$/.exec(ref);
      var x = cellAt(sh, Number(m[2]) - 1, colNum(m[1]));
      return x ? num(x.value) : 0;
    }
    function atom() {
      var m = /^SUM\(([^)]*)\)/i.exec(s.slice(i));
      if (m) {
        i += m[0].length;
        return m[1].split(',').reduce(function (t, part) {
          var b = box(part);
          for (var r = b.r0; r <= b.r1; r++) for (var c = b.c0; c <= b.c1; c++) t += cellAt(sh, r, c) ? num(cellAt(sh, r, c).value) : 0;
          return t;
        }, 0);
      }
      m = /^([A-Z]+\d+|\d+(?:\.\d+)?)/.exec(s.slice(i));
      if (!m) throw wpsError('formula');
      i += m[0].length;
      return /^\d/.test(m[0]) ? Number(m[0]) : cellVal(m[0]);
    }
    function term() {
      var v = atom();
      while (s[i] === '*') {
        i++;
        v *= atom();
      }
      return v;
    }
    var sign = s[0] === '-' ? (i++, -1) : 1;
    var total = sign * term();
    while (i < s.length) {
      var op = s[i++];
      if (op !== '+' && op !== '-') throw wpsError('formula');
      total += (op === '+' ? 1 : -1) * term();
    }
    return Math.round(total * 1e6) / 1e6;
  }
  function recalc(sh) {
    for (var pass = 0; pass < 6; pass++) {
      var changed = false;
      for (var k in sh.cells) {
        var x = sh.cells[k];
        if (!x.formula) continue;
        var v;
        try {
          v = evaluate(sh, x.formula);
        } catch (e) {
          v = CV_BASE + 2029; // #NAME?
        }
        if (v !== x.value) {
          x.value = v;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }

  /** "A1", "$A$1:$C$3", "C:C", "A1,B2" → areas (0-based, inclusive). */
  function parseAreas(addr) {
    return String(addr)
      .split(',')
      .map(function (part) {
        return box(part);
      });
  }
  function box(part) {
    var s = part.trim().replace(/\$/g, '').toUpperCase();
    var col = /^([A-Z]+):([A-Z]+)$/.exec(s);
    if (col) return { r0: 0, c0: colNum(col[1]), r1: 1048575, c1: colNum(col[2]) };
    var pq = s.split(':');
    var p = /^([A-Z]{1,3})(\d+)$/.exec(pq[0]),
      q = /^([A-Z]{1,3})(\d+)$/.exec(pq[1] || pq[0]);
    var rows = /^(\d+):(\d+)$/.exec(s);
    if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383 };
    if (!p || !q || pq.length > 2) throw wpsError('Range("' + part + '"): not a reference'); // [V] Range with a bad address raises 1004
    var b = { r0: Number(p[2]) - 1, c0: colNum(p[1]), r1: Number(q[2]) - 1, c1: colNum(q[1]) };
    return { r0: Math.min(b.r0, b.r1), c0: Math.min(b.c0, b.c1), r1: Math.max(b.r0, b.r1), c1: Math.max(b.c0, b.c1) };
  }
  function each(areas, fn) {
    areas.forEach(function (b) {
      for (var r = b.r0; r <= b.r1; r++) for (var c = b.c0; c <= b.c1; c++) fn(r, c);
    });
  }

  /** [V] a protected sheet refuses changes to locked cells (error 1004); unlocked input cells stay editable. */
  function guardEdit(sh, areas) {
    if (!sh.protection) return;
    each(areas, function (r, c) {
      var x = cellAt(sh, r, c);
      if (!x || x.locked !== false) throw wpsError('单元格受保护 (' + sh.name + '!' + a1(r, c) + ')');
    });
  }
  function guardFormat(sh) {
    if (sh.protection && !sh.protection.formatCells) throw wpsError('工作表受保护，不能设置格式 (' + sh.name + ')');
  }

  /**
   * Typing, and Value2 / Formula set to a string ([V] Range.Value: a string is taken as if typed): one
   * like a number is stored as the number, one starting with "=" as a formula; one after an apostrophe
   * stays text, without the apostrophe, and so does any string in a cell formatted as text ("@")
   * (https://support.microsoft.com/office/format-numbers-as-text-583160db-666e-4f26-8c4e-7a2b7e4f4b36).
   */
  function store(sh, r, c, v) {
    var x = cellAt(sh, r, c, true);
    if (typeof v === 'string' && (v.charAt(0) === "'" || (x.fmt && x.fmt.numberFormat === '@'))) {
      delete x.formula;
      var text = v.charAt(0) === "'" ? v.slice(1) : v;
      x.value = text === '' ? null : text;
    } else if (typeof v === 'string' && v.charAt(0) === '=' && v.length > 1) {
      x.formula = v.slice(1);
      x.value = 0;
    } else {
      delete x.formula;
      x.value = v === '' || v === undefined || v === null ? null : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
    }
    tidy(sh, r, c);
  }
  function changed(sh, areas) {
    recalc(sh);
    if (!state.enableEvents) return;
    var ws = M.worksheetObj(book(), sh);
    var rg = M.rangeObj(sh, areas);
    state.listeners.forEach(function (l) {
      if (l.event === 'SheetChange')
        setTimeout(function () {
          l.fn(ws, rg);
        }, 0);
    });
  }
  state.enableEvents = true;

  // Shared with fake-wps-range.js and fake-wps-app.js (loaded after this file).
  var M = (window.__fakeWpsModel = {
    XL_NONE: XL_NONE,
    budget: budget,
    WHITE: WHITE,
    CV_BASE: CV_BASE,
    colNum: colNum,
    colName: colName,
    a1: a1,
    wpsError: wpsError,
    state: state,
    count: count,
    com: com,
    newSheet: newSheet,
    newBook: newBook,
    book: book,
    sheetOf: sheetOf,
    cellAt: cellAt,
    tidy: tidy,
    mergeOf: mergeOf,
    num: num,
    evaluate: evaluate,
    recalc: recalc,
    parseAreas: parseAreas,
    box: box,
    each: each,
    guardEdit: guardEdit,
    guardFormat: guardFormat,
    store: store,
    changed: changed,
  });
})();
