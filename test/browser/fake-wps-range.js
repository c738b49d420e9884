/*
 * Fake WPS 表格, part 2: Range, Interior, Validation and Comment (see fake-wps.js for the sources
 * [D] and [V] cited per rule, and for the shared state).
 */
(function () {
  'use strict';
  var M = window.__fakeWpsModel;
  if (!M) return;
  var XL_NONE = M.XL_NONE;
  var WHITE = M.WHITE;
  var a1 = M.a1;
  var wpsError = M.wpsError;
  var state = M.state;
  var com = M.com;
  var book = M.book;
  var cellAt = M.cellAt;
  var tidy = M.tidy;
  var mergeOf = M.mergeOf;
  var each = M.each;
  var guardEdit = M.guardEdit;
  var guardFormat = M.guardFormat;
  var store = M.store;
  var changed = M.changed;

  // ———————————————————————————————————————— Range
  function rangeObj(sh, areas) {
    var first = areas[0];
    var single = areas.length === 1 && first.r0 === first.r1 && first.c0 === first.c1;
    var rows = first.r1 - first.r0 + 1,
      cols = first.c1 - first.c0 + 1;
    /** [V] Value2/Formula of a multi-cell range: a 2-D array of its first area; of one cell: the scalar. */
    function grid(get) {
      var n = rows * cols;
      if (M.budget.cells && n > M.budget.cells) throw wpsError('fake-wps: ' + n + ' cells in one call (WPS would freeze)');
      state.cellsRead += n;
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
        /** [V] NumberFormat: "General" unless set; a format is a cell format (refused on a protected sheet without AllowFormattingCells). */
        NumberFormat: {
          get: function () {
            var x = cellAt(sh, first.r0, first.c0);
            return (x && x.fmt && x.fmt.numberFormat) || 'General';
          },
          set: function (v) {
            guardFormat(sh);
            each(areas, function (r, c) {
              var x = cellAt(sh, r, c, true);
              x.fmt = x.fmt || {};
              if (v === 'General') delete x.fmt.numberFormat;
              else x.fmt.numberFormat = String(v);
              tidy(sh, r, c);
            });
          },
        },
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
        Worksheet: () => M.worksheetObj(book(), sh),
      },
      {
        Address: addr,
        /**
         * [V] Range.Find(What, After, LookIn, LookAt, SearchOrder, SearchDirection): "*" with xlPrevious finds
         * the last cell holding something, by rows (xlByRows = 1) or by columns (2); Nothing when none.
         * Formatting alone is not found (it is not a value or formula).
         */
        Find: function (what, _after, _lookIn, _lookAt, order, direction) {
          if (what !== '*' || direction !== 2) throw wpsError('fake-wps: only Find("*", …, xlPrevious) is modelled');
          var best = null;
          Object.keys(sh.cells).forEach(function (k) {
            var x = sh.cells[k];
            if ((x.value === undefined || x.value === null) && !x.formula) return;
            var rc = k.split(',').map(Number);
            if (rc[0] < first.r0 || rc[0] > first.r1 || rc[1] < first.c0 || rc[1] > first.c1) return;
            var key = order === 2 ? rc[1] * 1e7 + rc[0] : rc[0] * 1e5 + rc[1];
            if (!best || key > best.key) best = { key: key, r: rc[0], c: rc[1] };
          });
          return best ? rangeObj(sh, [{ r0: best.r, c0: best.c, r1: best.r, c1: best.c }]) : null;
        },
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

  M.rangeObj = rangeObj;
  M.commentObj = commentObj;
})();
