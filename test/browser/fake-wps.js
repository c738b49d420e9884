/*
 * A fake of WPS 表格's JS API (the ET object model a WPS 加载项 page sees as window.Application),
 * injected before the page's scripts, so that browser tests drive the real task pane and entry page
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
 * Every member access or call is counted (window.__fakeWps.calls; callLog lists them).
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
  var state = {
    calls: 0,
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
    return { name: name, cells: {}, merges: [], comments: {}, protection: null, colWidths: {}, names: {} };
  }
  function newBook(name, sheetNames) {
    return { name: name, sheets: sheetNames.map(newSheet), active: 0 };
  }
  state.workbooks.push(newBook('工作簿1', [window.__fakeWpsConfig.firstSheet || 'Sheet1']));
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

  /** Typing: [V] a string like a number is stored as the number, one starting with "=" as a formula. */
  function store(sh, r, c, v) {
    var x = cellAt(sh, r, c, true);
    if (typeof v === 'string' && v.charAt(0) === '=' && v.length > 1) {
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
    var ws = worksheetObj(book(), sh);
    var rg = rangeObj(sh, areas);
    state.listeners.forEach(function (l) {
      if (l.event === 'SheetChange')
        setTimeout(function () {
          l.fn(ws, rg);
        }, 0);
    });
  }
  state.enableEvents = true;

  // ———————————————————————————————————————— Range
  function rangeObj(sh, areas) {
    var first = areas[0];
    var single = areas.length === 1 && first.r0 === first.r1 && first.c0 === first.c1;
    var rows = first.r1 - first.r0 + 1,
      cols = first.c1 - first.c0 + 1;
    /** [V] Value2/Formula of a multi-cell range: a 2-D array of its first area; of one cell: the scalar. */
    function grid(get) {
      if (single) return get(first.r0, first.c0);
      var out = [];
      for (var r = first.r0; r <= first.r1; r++) {
        var row = [];
        for (var c = first.c0; c <= first.c1; c++) row.push(get(r, c));
        out.push(row);
      }
      return out;
    }
    function put(v) {
      guardEdit(sh, areas);
      if (Array.isArray(v)) {
        if (v.length !== rows || !v.every((row) => Array.isArray(row) && row.length === cols)) throw wpsError('数组大小与区域不符'); // [V] 2-D array the size of the range
        for (var r = 0; r < rows; r++) for (var c = 0; c < cols; c++) store(sh, first.r0 + r, first.c0 + c, v[r][c]);
      } else
        each(areas, function (r, c) {
          store(sh, r, c, v); // [V] a scalar fills every cell
        });
      changed(sh, areas);
    }
    var valueOf = function (r, c) {
      var x = cellAt(sh, r, c);
      return x && x.value !== undefined && x.value !== null ? x.value : undefined; // [V] an empty cell is Empty
    };
    var formulaText = function (r, c) {
      var x = cellAt(sh, r, c);
      if (!x) return ''; // [V] Formula of an empty cell is ""
      return x.formula ? '=' + x.formula : x.value === undefined || x.value === null ? '' : String(x.value); // [V] a constant's Formula is its text
    };
    var interior = com(
      'Interior',
      {
        Color: {
          get: function () {
            var x = cellAt(sh, first.r0, first.c0);
            return x && x.fill !== undefined ? x.fill : WHITE;
          },
          set: function (v) {
            // [D]/[V] Interior.Color is a BGR integer (RGB(r,g,b) = r + 256·g + 65536·b): a "#RRGGBB" text is a type mismatch
            if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > WHITE)
              throw wpsError('Interior.Color 需要 0..16777215 的整数: ' + v);
            guardFormat(sh);
            each(areas, function (r, c) {
              cellAt(sh, r, c, true).fill = v;
            });
          },
        },
        ColorIndex: {
          get: function () {
            var x = cellAt(sh, first.r0, first.c0);
            return x && x.fill !== undefined ? 1 + (x.fill % 56) : XL_NONE; // [V] xlColorIndexNone when the cell has no fill
          },
          set: function (v) {
            if (v !== XL_NONE) throw wpsError('fake-wps: only ColorIndex = xlNone is modelled');
            guardFormat(sh);
            each(areas, function (r, c) {
              var x = cellAt(sh, r, c);
              if (x) delete x.fill;
              tidy(sh, r, c);
            });
          },
        },
      },
      {},
    );
    function fmtProp(name) {
      return {
        get: function () {
          var x = cellAt(sh, first.r0, first.c0);
          return x && x.fmt && x.fmt[name] !== undefined ? x.fmt[name] : undefined;
        },
        set: function (v) {
          guardFormat(sh);
          each(areas, function (r, c) {
            var x = cellAt(sh, r, c, true);
            x.fmt = x.fmt || {};
            x.fmt[name] = v;
          });
        },
      };
    }
    var validation = com(
      'Validation',
      {
        InputTitle: fmtValidation('inputTitle'),
        InputMessage: fmtValidation('inputMessage'),
        ErrorTitle: fmtValidation('errorTitle'),
        ErrorMessage: fmtValidation('errorMessage'),
        ShowInput: fmtValidation('showInput'),
        ShowError: fmtValidation('showError'),
      },
      {
        Add: function (type, alert, op, f1, f2) {
          each(areas, function (r, c) {
            var x = cellAt(sh, r, c, true);
            if (x.validation) throw wpsError('已有数据有效性'); // [V] Validation.Add fails where validation exists: Delete first
            x.validation = { type: type, alert: alert, operator: op, formula1: f1, formula2: f2 };
          });
        },
      },
    );
    function fmtValidation(name) {
      return {
        get: function () {
          var x = cellAt(sh, first.r0, first.c0);
          return x && x.validation ? x.validation[name] : undefined;
        },
        set: function (v) {
          each(areas, function (r, c) {
            var x = cellAt(sh, r, c);
            if (!x || !x.validation) throw wpsError('没有数据有效性');
            x.validation[name] = v;
          });
        },
      };
    }
    var addr = function (ra, ca) {
      var abs = ra !== false && ca !== false; // [V] Address() is absolute unless told otherwise
      return areas
        .map(function (b) {
          return b.r0 === b.r1 && b.c0 === b.c1 ? a1(b.r0, b.c0, abs) : a1(b.r0, b.c0, abs) + ':' + a1(b.r1, b.c1, abs);
        })
        .join(',');
    };
    return com(
      'Range',
      {
        Value2: { get: () => grid(valueOf), set: put },
        Formula: { get: () => grid(formulaText), set: put },
        Row: () => first.r0 + 1, // [V] 1-based
        Column: () => first.c0 + 1,
        Rows: () => com('Range.Rows', { Count: rows }, {}),
        Columns: () => com('Range.Columns', { Count: cols }, {}),
        Count: () => rows * cols,
        Interior: () => interior,
        Font: () => com('Font', { Bold: fmtProp('font.bold'), Size: fmtProp('font.size') }, {}),
        Borders: () => com('Borders', { LineStyle: fmtProp('borders') }, {}),
        HorizontalAlignment: fmtProp('hAlign'),
        VerticalAlignment: fmtProp('vAlign'),
        WrapText: fmtProp('wrap'),
        ColumnWidth: {
          get: () => sh.colWidths[first.c0],
          set: function (w) {
            for (var c = first.c0; c <= first.c1; c++) sh.colWidths[c] = w;
          },
        },
        Locked: {
          get: function () {
            var x = cellAt(sh, first.r0, first.c0);
            return !(x && x.locked === false); // [V] cells are locked by default
          },
          set: function (v) {
            if (sh.protection) throw wpsError('工作表受保护'); // [V] Locked cannot change while protected
            each(areas, function (r, c) {
              cellAt(sh, r, c, true).locked = v ? undefined : false;
              tidy(sh, r, c);
            });
          },
        },
        Validation: () => validation,
        /** [V] True when every cell is merged, False when none is, Null when mixed. */
        MergeCells: function () {
          var any = false,
            all = true;
          each(areas, function (r, c) {
            if (mergeOf(sh, r, c)) any = true;
            else all = false;
          });
          return all ? true : any ? null : false;
        },
        /** [V] MergeArea works on one cell only: the merged area containing it, or the cell itself. */
        MergeArea: function () {
          if (!single) throw wpsError('MergeArea 只适用于单个单元格');
          var m = mergeOf(sh, first.r0, first.c0);
          return rangeObj(sh, [m ? { r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 } : first]);
        },
        Comment: function () {
          var t = sh.comments[a1(first.r0, first.c0)];
          return t === undefined ? null : commentObj(sh, a1(first.r0, first.c0)); // [V] Nothing when the cell has no comment
        },
        Worksheet: () => worksheetObj(book(), sh),
      },
      {
        Address: addr,
        ClearContents: function () {
          guardEdit(sh, areas);
          each(areas, function (r, c) {
            var x = cellAt(sh, r, c);
            if (x) {
              delete x.value;
              delete x.formula;
              tidy(sh, r, c);
            }
          });
          changed(sh, areas);
        },
        Merge: function () {
          guardFormat(sh);
          var b = first;
          each([b], function (r, c) {
            if (mergeOf(sh, r, c)) throw wpsError('与已合并的单元格重叠');
            if ((r !== b.r0 || c !== b.c0) && cellAt(sh, r, c)) {
              var x = cellAt(sh, r, c);
              delete x.value; // [V] Merge keeps the upper-left value only
              delete x.formula;
              tidy(sh, r, c);
            }
          });
          sh.merges.push({ r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 });
        },
        /** [V] AddComment: one cell, which must not have a comment already (error 1004); a sheet protecting objects refuses. */
        AddComment: function (text) {
          if (!single) throw wpsError('AddComment 只适用于单个单元格');
          var k = a1(first.r0, first.c0);
          if (sh.comments[k] !== undefined) throw wpsError('该单元格已有批注: ' + k);
          if (sh.protection && sh.protection.drawingObjects) throw wpsError('工作表受保护，不能添加批注');
          sh.comments[k] = String(text);
          return commentObj(sh, k);
        },
        /** [V] Range.Select fails unless its sheet is the active sheet of the active workbook. */
        Select: function () {
          var wb = book();
          if (wb.sheets[wb.active] !== sh) throw wpsError('Range 类的 Select 方法无效（工作表未激活）');
          state.selection = { sheet: sh.name, address: addr(false, false) };
          return true;
        },
      },
    );
  }

  function commentObj(sh, key) {
    return com(
      'Comment',
      {},
      {
        Text: () => sh.comments[key],
        Delete: function () {
          delete sh.comments[key];
        },
      },
    );
  }

  // ———————————————————————————————————————— Worksheet, Sheets, Workbook
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

  function workbookObj(wb) {
    return com(
      'Workbook',
      {
        Name: () => wb.name,
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
      Env: () => com('Env', {}, { GetTempPath: () => '/tmp/wps-fake/' }),
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
    storage: () => JSON.parse(JSON.stringify(state.storage)),
    panes: () => JSON.parse(JSON.stringify(state.panes)),
    files: () => state.files,
    opened: () => state.opened.slice(),
  };
})();
