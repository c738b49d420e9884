/*
 * Fake WPS 表格, part 3: Worksheet, Sheets, Workbook, Application (Et.Application & WPS.AddonRoot)
 * and the test's handle window.__fakeWps (see fake-wps.js for the sources cited per rule).
 */
(function () {
  'use strict';
  var M = window.__fakeWpsModel;
  if (!M) return;
  var CV_BASE = M.CV_BASE;
  var a1 = M.a1;
  var colName = M.colName;
  var wpsError = M.wpsError;
  var state = M.state;
  var com = M.com;
  var newSheet = M.newSheet;
  var newBook = M.newBook;
  var book = M.book;
  var sheetOf = M.sheetOf;
  var cellAt = M.cellAt;
  var parseAreas = M.parseAreas;
  var box = M.box;
  var store = M.store;
  var changed = M.changed;
  var rangeObj = M.rangeObj;

  // ———————————————————————————————————————— Worksheet, Sheets, Workbook
  function removeSheet(wb, sh) {
    wb.sheets.splice(wb.sheets.indexOf(sh), 1);
    wb.active = Math.min(wb.active, wb.sheets.length - 1);
    Object.keys(wb.names).forEach(function (k) {
      if (wb.names[k].sheet === sh) wb.names[k].sheet = null;
    });
  }
  function worksheetObj(wb, sh) {
    return com(
      'Worksheet',
      {
        Name: {
          get: () => sh.name,
          set: function (n) {
            // [V] a sheet name: 1–31 characters, none of : \ / ? * [ ], unique in the workbook (case-insensitive)
            n = String(n);
            if (!n || n.length > 31 || /[:\\/?*[\]]/.test(n)) throw wpsError('工作表名称无效: ' + n);
            var other = sheetOf(wb, n);
            if (other && other !== sh) throw wpsError('工作表名称已存在: ' + n);
            sh.name = n;
          },
        },
        Index: () => wb.sheets.indexOf(sh) + 1,
        /** [V] Cells: every cell of the sheet. */
        Cells: () => rangeObj(sh, [{ r0: 0, c0: 0, r1: 1048575, c1: 16383 }]),
        /** [V] Worksheet.Protection.AllowFormattingCells (read-only; set through Protect). */
        Protection: () => com('Protection', { AllowFormattingCells: () => !!(sh.protection && sh.protection.formatCells) }, {}),
        UsedRange: function () {
          // [V] UsedRange spans every cell holding a value, a formula or formatting; an empty sheet gives A1
          var r0 = Infinity,
            c0 = Infinity,
            r1 = -1,
            c1 = -1;
          Object.keys(sh.cells).forEach(function (k) {
            var rc = k.split(',').map(Number);
            r0 = Math.min(r0, rc[0]);
            c0 = Math.min(c0, rc[1]);
            r1 = Math.max(r1, rc[0]);
            c1 = Math.max(c1, rc[1]);
          });
          sh.merges.forEach(function (m) {
            r0 = Math.min(r0, m.r0);
            c0 = Math.min(c0, m.c0);
            r1 = Math.max(r1, m.r1);
            c1 = Math.max(c1, m.c1);
          });
          if (sh.formattedTo >= 0) {
            r0 = Math.min(r0, 0);
            c0 = Math.min(c0, 0);
            r1 = Math.max(r1, sh.formattedTo);
            c1 = Math.max(c1, sh.formattedCols);
          }
          return rangeObj(sh, [r1 < 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : { r0: r0, c0: c0, r1: r1, c1: c1 }]);
        },
        Comments: () => com('Comments', { Count: Object.keys(sh.comments).length }, {}),
        ProtectContents: () => !!sh.protection,
        Names: () =>
          com(
            'Names',
            {},
            {
              Add: function (name, refersTo) {
                sh.names[name] = String(refersTo);
              },
            },
          ),
      },
      {
        Range: function (cell1) {
          if (wb.sheets.indexOf(sh) < 0) throw wpsError('对象已删除'); // [V] a deleted sheet's object is gone
          return rangeObj(sh, parseAreas(cell1));
        },
        Activate: function () {
          wb.active = wb.sheets.indexOf(sh);
        },
        // Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, AllowFormattingColumns, AllowFormattingRows, …) [D]
        Protect: function (_pw, drawingObjects, contents, _sc, _ui, formatCells, formatColumns, formatRows) {
          sh.protection = {
            drawingObjects: drawingObjects !== false, // [V] DrawingObjects defaults to True
            contents: contents !== false,
            formatCells: !!formatCells,
            formatColumns: !!formatColumns,
            formatRows: !!formatRows,
          };
        },
        Unprotect: function () {
          sh.protection = null;
        },
        /** [V] Worksheet.Delete: the sheet goes (the last visible one cannot); names on it become #REF!. */
        Delete: function () {
          if (wb.sheets.length < 2) throw wpsError('工作簿至少要有一个工作表');
          removeSheet(wb, sh);
        },
      },
    );
  }

  function sheetsObj(wb) {
    function item(i) {
      // [D] Sheets.Item(Index: string | number); [V] 1-based, a missing index or name raises (subscript out of range)
      var sh = typeof i === 'number' ? wb.sheets[i - 1] : sheetOf(wb, i);
      if (!sh || (typeof i === 'number' && (i < 1 || !Number.isInteger(i)))) throw wpsError('下标越界: ' + i);
      return worksheetObj(wb, sh);
    }
    return com(
      'Sheets',
      { Count: () => wb.sheets.length },
      {
        Item: item,
        /** [V] Sheets.Add(Before, After): a new sheet named SheetN before the active sheet unless placed; it becomes active. */
        Add: function (before, after) {
          var n = wb.sheets.length + 1;
          while (sheetOf(wb, 'Sheet' + n)) n++;
          var sh = newSheet('Sheet' + n);
          var at = wb.active;
          if (after) at = after.Index;
          else if (before) at = before.Index - 1;
          wb.sheets.splice(at, 0, sh);
          wb.active = at;
          return worksheetObj(wb, sh);
        },
      },
    );
  }

  /*
   * Workbook names ([D] Names.Add(Name, RefersTo, Visible), Names.Item(index | name), Count; Name.Name,
   * RefersTo, RefersToRange, Visible, Delete). [V] a name refers to its cells wherever they move: rows
   * inserted or deleted above them move it, renaming the sheet renames it in RefersTo, deleting the
   * cells or the sheet leaves "=#REF!", where RefersToRange raises. Names are saved with the workbook.
   */
  function quoteSheet(n) {
    return "'" + n.replace(/'/g, "''") + "'";
  }
  function refersTo(e) {
    return e.sheet ? '=' + quoteSheet(e.sheet.name) + '!' + a1(e.box.r0, e.box.c0, true) : '=#REF!';
  }
  function nameObj(wb, e) {
    return com(
      'Name',
      {
        Name: () => e.name,
        RefersTo: () => refersTo(e),
        Visible: { get: () => e.visible, set: (v) => (e.visible = !!v) },
        RefersToRange: function () {
          if (!e.sheet) throw wpsError('名称不引用单元格区域 (#REF!)');
          return rangeObj(e.sheet, [e.box]);
        },
      },
      {
        Delete: function () {
          delete wb.names[e.name.toLowerCase()];
        },
      },
    );
  }
  function namesObj(wb) {
    var list = () => Object.keys(wb.names).map((k) => wb.names[k]);
    return com(
      'Names',
      { Count: () => list().length },
      {
        Add: function (name, ref, visible) {
          name = String(name);
          if (!/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) || name.length > 255) throw wpsError('名称无效: ' + name);
          var m = /^='((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)$/.exec(String(ref));
          if (!m) throw wpsError('fake-wps: only RefersTo ="\'Sheet\'!$A$1" is modelled: ' + ref);
          var sh = sheetOf(wb, m[1].replace(/''/g, "'"));
          if (!sh) throw wpsError('引用无效: ' + ref);
          var b = box(m[2] + m[3]);
          var e = { name: name, sheet: sh, box: b, visible: visible !== false };
          wb.names[name.toLowerCase()] = e; // [V] Add with an existing name redefines it
          return nameObj(wb, e);
        },
        Item: function (i) {
          var e = typeof i === 'number' ? list()[i - 1] : wb.names[String(i).toLowerCase()];
          if (!e) throw wpsError('下标越界: ' + i);
          return nameObj(wb, e);
        },
      },
    );
  }

  function workbookObj(wb) {
    return com(
      'Workbook',
      {
        // [D] Workbook.Name (readonly string), [V] Workbook.Name: the file's name with its extension
        // (Workbooks.Open below), "工作簿N" for a book never saved (Workbooks.Add, the first book).
        Name: () => wb.name,
        Names: () => namesObj(wb),
        Worksheets: () => sheetsObj(wb),
        Sheets: () => sheetsObj(wb),
        ActiveSheet: () => worksheetObj(wb, wb.sheets[wb.active]),
      },
      {
        Activate: function () {
          state.active = state.workbooks.indexOf(wb);
        },
      },
    );
  }

  // ———————————————————————————————————————— Application (Et.Application & WPS.AddonRoot)
  var paneId = 100;
  var app = com(
    'Application',
    {
      Name: 'WPS 表格（测试用模拟）',
      ActiveWorkbook: () => (state.workbooks.length ? workbookObj(book()) : null),
      ActiveSheet: () => worksheetObj(book(), book().sheets[book().active]),
      Worksheets: () => sheetsObj(book()),
      Workbooks: () =>
        com(
          'Workbooks',
          { Count: () => state.workbooks.length },
          {
            Add: function () {
              state.workbooks.push(newBook('工作簿' + (state.workbooks.length + 1), ['Sheet1']));
              state.active = state.workbooks.length - 1;
              return workbookObj(book());
            },
            /** Opens a file written through FileSystem: the fake keeps its bytes for the test. */
            Open: function (path) {
              if (!(path in state.files)) throw wpsError('文件不存在: ' + path);
              state.opened.push(path);
              state.workbooks.push(newBook(path.replace(/^.*[\\/]/, ''), ['Sheet1']));
              state.active = state.workbooks.length - 1;
              return workbookObj(book());
            },
          },
        ),
      ScreenUpdating: { get: () => state.screen !== false, set: (v) => (state.screen = !!v) },
      EnableEvents: { get: () => state.enableEvents, set: (v) => (state.enableEvents = !!v) },
      ribbonUI: { get: () => state.ribbonUI, set: (v) => (state.ribbonUI = v) },
      // [D] PluginStorage: like localStorage, shared by the pages of one add-in
      PluginStorage: () =>
        com(
          'PluginStorage',
          {},
          {
            getItem: (k) => (k in state.storage ? state.storage[k] : null),
            setItem: function (k, v) {
              state.storage[k] = v;
            },
            removeItem: function (k) {
              delete state.storage[k];
            },
          },
        ),
      // [D] FileSystem.writeAsBinaryString(path, data): data is a binary string (one char per byte)
      FileSystem: () =>
        com(
          'FileSystem',
          {},
          {
            writeAsBinaryString: function (path, data) {
              if (!Array.from(data).every((ch) => ch.charCodeAt(0) < 256)) throw wpsError('不是二进制字符串');
              state.files[path] = data;
              return true;
            },
            Exists: (path) => path in state.files,
          },
        ),
      Env: () => com('Env', {}, { GetTempPath: () => window.__fakeWpsConfig.temp || '/tmp/wps-fake/' }),
      ApiEvent: () =>
        com(
          'ApiEvent',
          {},
          {
            AddApiEventListener: function (event, fn) {
              state.listeners.push({ event: event, fn: fn });
            },
            RemoveApiEventListener: function (event, fn) {
              state.listeners = state.listeners.filter(function (l) {
                return !(l.event === event && (!fn || l.fn === fn));
              });
            },
          },
        ),
    },
    {
      // [D] CreateTaskPane(url, title) → CustomTaskpane { ID, Visible, DockPosition, … }; GetTaskPane(id)
      CreateTaskPane: function (url, title) {
        var p = { ID: ++paneId, url: url, title: title, Visible: false, DockPosition: 0 };
        state.panes.push(p);
        return paneObj(p);
      },
      GetTaskPane: function (id) {
        var p = state.panes.filter((x) => x.ID === id)[0];
        if (!p) throw wpsError('没有任务窗格 ' + id);
        return paneObj(p);
      },
    },
  );
  function paneObj(p) {
    var rw = (k) => ({ get: () => p[k], set: (v) => (p[k] = v) });
    return com('CustomTaskpane', { ID: () => p.ID, Visible: rw('Visible'), DockPosition: rw('DockPosition') }, {});
  }
  window.Application = app;
  window.wps = app;

  // ———————————————————————————————————————— the test's handle (not counted)
  var named = function (name) {
    var sh = sheetOf(book(), name);
    if (!sh) throw new Error('no sheet ' + name);
    return sh;
  };
  window.__fakeWps = {
    state: state,
    get calls() {
      return state.calls;
    },
    get selection() {
      return state.selection;
    },
    sheetNames: () => book().sheets.map((s) => s.name),
    activeSheet: () => book().sheets[book().active].name,
    /** The user types into a cell (not through the add-in): stored as typed, recalculated, SheetChange fired. */
    type: function (sheet, addr, value) {
      var sh = named(sheet),
        b = box(addr);
      store(sh, b.r0, b.c0, value);
      changed(sh, [b]);
    },
    comment: function (sheet, addr, text) {
      named(sheet).comments[addr] = text;
    },
    /** The user renames a sheet. */
    rename: function (sheet, name) {
      named(sheet).name = name;
    },
    /** The user deletes a sheet: names on it become #REF!. */
    deleteSheet: function (sheet) {
      removeSheet(book(), named(sheet));
    },
    /** The user inserts (n > 0) or deletes (n < 0) rows at `at` (0-based): cells, merges, comments and names move. */
    rows: function (sheet, at, n) {
      var sh = named(sheet);
      var gone = (r) => n < 0 && r >= at && r < at - n;
      var move = (r) => (r < at ? r : r + n);
      var cells = {};
      Object.keys(sh.cells).forEach(function (k) {
        var rc = k.split(',').map(Number);
        if (!gone(rc[0])) cells[move(rc[0]) + ',' + rc[1]] = sh.cells[k];
      });
      sh.cells = cells;
      sh.merges = sh.merges.filter((m) => !gone(m.r0) && !gone(m.r1)).map((m) => ({ r0: move(m.r0), c0: m.c0, r1: move(m.r1), c1: m.c1 }));
      var comments = {};
      Object.keys(sh.comments).forEach(function (k) {
        var b = box(k);
        if (!gone(b.r0)) comments[a1(move(b.r0), b.c0)] = sh.comments[k];
      });
      sh.comments = comments;
      var names = book().names;
      Object.keys(names).forEach(function (k) {
        var e = names[k];
        if (e.sheet !== sh) return;
        if (gone(e.box.r0)) e.sheet = null;
        else e.box = { r0: move(e.box.r0), c0: e.box.c0, r1: move(e.box.r1), c1: e.box.c1 };
      });
    },
    /** The user formats whole columns A..(cols) down to the sheet's last row (UsedRange then reaches it). */
    formatColumns: function (sheet, cols) {
      var sh = named(sheet);
      sh.formattedTo = 1048575;
      sh.formattedCols = cols - 1;
    },
    protect: function (sheet, opts) {
      named(sheet).protection = Object.assign({ drawingObjects: true, contents: true, formatCells: false }, opts || {});
    },
    names: () => JSON.parse(JSON.stringify(book().names, (k, v) => (k === 'sheet' ? (v ? v.name : null) : v))),
    get cellsRead() {
      return state.cellsRead;
    },
    /** The user switches to another workbook window. */
    activateWorkbook: function (i) {
      state.active = i;
    },
    cell: function (sheet, addr) {
      var b = box(addr),
        x = cellAt(named(sheet), b.r0, b.c0);
      return x ? JSON.parse(JSON.stringify(x)) : null;
    },
    snapshot: function (sheet) {
      var sh = named(sheet),
        cells = {};
      Object.keys(sh.cells)
        .sort()
        .forEach(function (k) {
          cells[k] = sh.cells[k];
        });
      return JSON.stringify({
        cells: cells,
        merges: sh.merges,
        comments: sh.comments,
        protection: sh.protection,
        colWidths: sh.colWidths,
        names: sh.names,
      });
    },
    fills: function (sheet) {
      var sh = named(sheet),
        out = {};
      Object.keys(sh.cells).forEach(function (k) {
        if (sh.cells[k].fill !== undefined) {
          var rc = k.split(',').map(Number);
          out[a1(rc[0], rc[1])] = sh.cells[k].fill;
        }
      });
      return out;
    },
    comments: (sheet) => JSON.parse(JSON.stringify(named(sheet).comments)),
    merges: (sheet) => JSON.parse(JSON.stringify(named(sheet).merges)),
    /** Values and formulas ("=…") from A1 to the last used cell. */
    grid: function (sheet) {
      var sh = named(sheet),
        rows = [];
      var r1 = -1,
        c1 = -1;
      Object.keys(sh.cells).forEach(function (k) {
        var rc = k.split(',').map(Number);
        var x = sh.cells[k];
        if (x.value === undefined && !x.formula) return;
        r1 = Math.max(r1, rc[0]);
        c1 = Math.max(c1, rc[1]);
      });
      for (var r = 0; r <= r1; r++) {
        var row = [];
        for (var c = 0; c <= c1; c++) {
          var x = cellAt(sh, r, c);
          row.push(x ? (x.formula ? '=' + x.formula : x.value === undefined ? null : x.value) : null);
        }
        rows.push(row);
      }
      return rows;
    },
    /** A cell holding an error value, as Value2 returns it (CVErr). */
    error: function (sheet, addr, code) {
      var b = box(addr);
      cellAt(named(sheet), b.r0, b.c0, true).value = CV_BASE + code;
    },
    /** The sheet as an HTML table in a WPS-like look (for the picture beside the pane). */
    html: function (sheet, maxRows) {
      var sh = named(sheet),
        span = {},
        hidden = {},
        sel = {},
        r1 = 0,
        c1 = 0;
      Object.keys(sh.cells).forEach(function (k) {
        var rc = k.split(',').map(Number);
        r1 = Math.max(r1, rc[0]);
        c1 = Math.max(c1, rc[1]);
      });
      sh.merges.forEach(function (m) {
        span[m.r0 + ',' + m.c0] = [m.r1 - m.r0 + 1, m.c1 - m.c0 + 1];
        for (var r = m.r0; r <= m.r1; r++) for (var c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) hidden[r + ',' + c] = true;
      });
      if (state.selection && state.selection.sheet === sheet)
        parseAreas(state.selection.address).forEach(function (b) {
          sel[b.r0 + ',' + b.c0] = true;
        });
      var css = (n) => '#' + [n & 255, (n >> 8) & 255, (n >> 16) & 255].map((x) => (x < 16 ? '0' : '') + x.toString(16)).join('');
      var esc = (t) => String(t).replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]);
      var out = ['<table class="et"><tr><th></th>'];
      for (var c = 0; c <= c1; c++) out.push('<th style="width:' + Math.round((sh.colWidths[c] || 8) * 6) + 'px">' + colName(c) + '</th>');
      out.push('</tr>');
      for (var r = 0; r <= Math.min(r1, (maxRows || 60) - 1); r++) {
        out.push('<tr><th>' + (r + 1) + '</th>');
        for (c = 0; c <= c1; c++) {
          var k = r + ',' + c;
          if (hidden[k]) continue;
          var x = sh.cells[k] || {},
            f = x.fmt || {},
            style = [];
          if (x.fill !== undefined) style.push('background:' + css(x.fill));
          if (f['font.bold']) style.push('font-weight:600');
          if (f.borders) style.push('border:1px solid #777');
          if (typeof x.value === 'number') style.push('text-align:right');
          var cls = (sel[k] ? 'sel ' : '') + (sh.comments[a1(r, c)] !== undefined ? 'note' : '');
          out.push(
            '<td' +
              (span[k] ? ' rowspan="' + span[k][0] + '" colspan="' + span[k][1] + '"' : '') +
              (cls ? ' class="' + cls + '"' : '') +
              ' style="' +
              style.join(';') +
              '">' +
              (x.value === undefined || x.value === null ? '' : esc(x.value)) +
              '</td>',
          );
        }
        out.push('</tr>');
      }
      return out.join('') + '</table>';
    },
    storage: () => JSON.parse(JSON.stringify(state.storage)),
    panes: () => JSON.parse(JSON.stringify(state.panes)),
    files: () => state.files,
    opened: () => state.opened.slice(),
  };

  M.worksheetObj = worksheetObj;
})();
