/*
 * A fake of the Excel JavaScript API, injected into the task pane page before its scripts
 * (playwright addInitScript), so that browser tests drive the real add-in against a workbook
 * whose every cell they can inspect. It implements the calls the add-in makes, as strictly as
 * Microsoft documents them; each rule cites its source. "[types]" means the declarations of
 * @types/office-js (generated from the same source as learn.microsoft.com/javascript/api/excel),
 * where each member carries its "[Api set: ExcelApi 1.x]".
 *
 * Batching: property sets, loads and methods are queued and run in order at context.sync() (a
 * load placed before a set sees the value before the set); reading a property that was not
 * loaded throws PropertyNotLoaded. Every context.sync() is counted.
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 *
 * A failed batch keeps what ran before the failing operation: nothing is rolled back (OfficeExtension.Error,
 * https://learn.microsoft.com/javascript/api/office/officeextension.error : its example's second batch
 * "successfully inserts the third and fourth paragraphs but fails" on the fifth, and the first four stay).
 *
 * Test side: window.__fakeExcel = { syncs, sheets, selection, created, type(), snapshot(), dump(), ... }
 * Configure before load with window.__fakeExcelConfig = {
 *   api: '1.13',              highest ExcelApi set supported
 *   platform: 'OfficeOnline', Office.context.platform ('PC', 'Mac', 'OfficeOnline')
 *   limits: { payload, cells, merges },  the documented limits, lowered by a test to exercise them on small sheets
 *   document: dump()          a workbook saved by an earlier page (cells, comments, settings, name): the pane reopened
 *   name: '某某局2024年报.xlsx' the workbook's name (Workbook.name; default 'Book1', a book never saved)
 * }
 */
(function () {
  'use strict';
  var config = window.__fakeExcelConfig || {};
  var API = config.api || '1.13';
  var PLATFORM = config.platform || 'OfficeOnline';
  /*
   * Resource limits, "Excel add-ins" section of
   * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization :
   * Excel on the web allows 5 MB per request and per response; a range read (get) is limited to
   * five million cells. getMergedAreasOrNullObject "will fail to return the result" above 512
   * merged areas ([types] Range.getMergedAreasOrNullObject).
   */
  var LIMITS = Object.assign({ payload: 5 * 1024 * 1024, cells: 5000000, merges: 512 }, config.limits || {});

  function vnum(v) {
    var p = String(v).split('.');
    return Number(p[0]) * 1000 + Number(p[1] || 0);
  }
  function supports(set) {
    return vnum(set) <= vnum(API);
  }
  function colNum(letters) {
    var c = 0;
    for (var i = 0; i < letters.length; i++) c = c * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return c - 1;
  }
  function colName(c) {
    var s = '';
    for (var n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function a1(r, c) {
    return colName(c) + (r + 1);
  }
  function boxAddress(b) {
    return a1(b.r0, b.c0) + (b.r1 !== b.r0 || b.c1 !== b.c0 ? ':' + a1(b.r1, b.c1) : '');
  }
  /*
   * A sheet name may stand unquoted in a reference only when it is letters, digits, '_' and '.'
   * and does not start with a digit; anything else (a space, '-', a leading digit as in 2023年报)
   * must be in single quotes, with ' doubled. Excel's own reference syntax:
   * https://support.microsoft.com/office/create-an-external-reference-link-to-a-cell-range-in-another-workbook-c98d1803-dd75-4668-ac6a-d7cca2a9b95f
   */
  var BARE_SHEET = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/;
  function quote(name) {
    return BARE_SHEET.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  /** "Sheet!A1:B2" / "'My sheet'!A1" / "A1" → { sheet, r0, c0, r1, c1 }; an unquoted name that needs quotes is refused. */
  function parseAddress(addr, defaultSheet) {
    var s = String(addr).trim();
    var sheet = defaultSheet;
    var bang = s.lastIndexOf('!');
    if (bang >= 0) {
      var raw = s.slice(0, bang);
      var q = /^'((?:[^']|'')+)'$/.exec(raw);
      if (q) sheet = q[1].replace(/''/g, "'");
      else if (BARE_SHEET.test(raw)) sheet = raw;
      else throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format: ' + addr);
      s = s.slice(bang + 1);
    }
    var parts = s.replace(/\$/g, '').split(':');
    var p = /^([A-Z]+)(\d+)$/i.exec(parts[0]);
    var r = /^([A-Z]+)(\d+)$/i.exec(parts[1] || parts[0]);
    if (!p || !r) throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format: ' + addr);
    return { sheet: sheet, r0: Number(p[2]) - 1, c0: colNum(p[1]), r1: Number(r[2]) - 1, c1: colNum(r[1]) };
  }
  /* Errors as Office.js reports them: RichApi.Error with a code from Excel.ErrorCodes ([types] enum ErrorCodes). */
  function officeError(code, message) {
    var e = new Error(message);
    e.code = code;
    e.name = 'RichApi.Error';
    return e;
  }

  // ———————————————————————————————————————— the workbook state
  var state = {
    syncs: 0,
    syncLog: [],
    runs: 0,
    sheets: [],
    active: 0,
    selection: null,
    created: [],
    nextId: 1,
    /** Registered change handlers: { sheetId (null: every sheet), fn }. */
    handlers: [],
    /** Context.runtime.enableEvents ([types] Runtime.enableEvents, ExcelApi 1.8). */
    enableEvents: true,
    /** The user is typing in a cell (cell-edit mode). */
    editing: false,
    /** Office.context.document.settings, saved with the document. */
    settings: {},
    /** Everything the pane asked Excel that failed, for the test to read. */
    failures: [],
    api: API,
    /** Workbook-scoped names ([types] NamedItemCollection): lower-case name → { name, sheetId, box (null: #REF!), visible }. */
    names: {},
    /** Another workbook window has the focus: every batch fails with InactiveWorkbook. */
    inactive: false,
    /** [types] Workbook.name "Gets the workbook name" (ExcelApi 1.7): the file's name, "Book1" for a book never saved. */
    name: config.name || 'Book1',
  };
  function newSheet(name) {
    return {
      id: '{sheet-' + state.nextId++ + '}',
      name: name,
      cells: {},
      merges: [],
      comments: {},
      protected: null,
      colWidths: {},
      names: {},
      visibility: 'Visible',
    };
  }
  if (config.document) {
    var doc = JSON.parse(config.document);
    state.sheets = doc.sheets;
    state.settings = doc.settings || {};
    state.nextId = doc.nextId || 100;
    state.active = doc.active || 0;
    state.names = doc.names || {};
    if (doc.name) state.name = doc.name;
  } else state.sheets.push(newSheet(config.firstSheet || 'Sheet1'));

  function sheetByKey(key) {
    for (var i = 0; i < state.sheets.length; i++) {
      var sh = state.sheets[i];
      // getItem takes a name (case-insensitive) or an id ([types] WorksheetCollection.getItem "key: The name or ID").
      if (sh.id === key || sh.name.toLowerCase() === String(key).toLowerCase()) return sh;
    }
    return null;
  }
  function sheetByName(name) {
    var sh = sheetByKey(name);
    if (!sh) throw officeError('ItemNotFound', 'The requested resource does not exist: worksheet ' + name);
    return sh;
  }
  function cellAt(sh, r, c, create) {
    var k = r + ',' + c;
    if (!sh.cells[k] && create) sh.cells[k] = {};
    return sh.cells[k];
  }
  function clean(sh, r, c) {
    var k = r + ',' + c,
      x = sh.cells[k];
    if (!x) return;
    for (var p in x) if (x[p] === undefined || x[p] === null || x[p] === '') delete x[p];
    if (!Object.keys(x).length) delete sh.cells[k];
  }
  function num(v) {
    return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && isFinite(Number(v)) ? Number(v) : 0;
  }

  /** Formulas of the kind templates use: SUM(ranges), cells, numbers, + − and n*; undefined for anything else. */
  function evalFormula(sh, f) {
    var rest = f.replace(/^=/, '').replace(/\s+/g, '').replace(/\$/g, '');
    var re = /^([+-]?)(?:(\d+(?:\.\d+)?)\*)?(?:SUM\(([^)]*)\)|([A-Z]{1,3})(\d+)|(\d+(?:\.\d+)?))/i;
    var total = 0,
      first = true;
    if (!rest.length) return undefined;
    while (rest.length) {
      var m = re.exec(rest);
      if (!m || (!first && !m[1]) || !m[0].replace(/^[+-]/, '').length) return undefined;
      var sign = (m[1] === '-' ? -1 : 1) * (m[2] ? Number(m[2]) : 1);
      var v = 0;
      if (m[3] !== undefined) {
        var areas = m[3].split(',');
        for (var i = 0; i < areas.length; i++) {
          var a = parseAddress(areas[i], sh.name);
          for (var r = a.r0; r <= a.r1; r++)
            for (var c = a.c0; c <= a.c1; c++) {
              var x = cellAt(sh, r, c);
              v += x ? num(x.value) : 0;
            }
        }
      } else if (m[4]) {
        var y = cellAt(sh, Number(m[5]) - 1, colNum(m[4]));
        v = y ? num(y.value) : 0;
      } else v = Number(m[6]);
      total += sign * v;
      rest = rest.slice(m[0].length);
      first = false;
    }
    return Math.round(total * 1e6) / 1e6;
  }
  function recalc(sh) {
    for (var pass = 0; pass < 5; pass++) {
      var changed = false;
      for (var k in sh.cells) {
        var x = sh.cells[k];
        if (!x.formula) continue;
        var v = evalFormula(sh, x.formula);
        if (v !== undefined && v !== x.value) {
          x.value = v;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }
  function usedBox(sh) {
    var r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (var k in sh.cells) {
      var x = sh.cells[k];
      if ((x.value === undefined || x.value === null || x.value === '') && !x.formula) continue;
      var rc = k.split(',').map(Number);
      r0 = Math.min(r0, rc[0]);
      c0 = Math.min(c0, rc[1]);
      r1 = Math.max(r1, rc[0]);
      c1 = Math.max(c1, rc[1]);
    }
    return r1 < 0 ? null : { r0: r0, c0: c0, r1: r1, c1: c1 };
  }

  /*
   * How Excel takes a value written through Range.values ([types] Range.values): "If the returned
   * value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as
   * a formula"; text that reads as a number becomes that number. A cell formatted as text ("@")
   * keeps what is written as text, as typing into it does:
   * https://support.microsoft.com/office/format-numbers-as-text-583160db-666e-4f26-8c4e-7a2b7e4f4b36
   * A formula Excel cannot read is refused ("There's a problem with this formula").
   */
  function store(sh, x, v, r, c) {
    // Text after an apostrophe stays text, as typed (format-numbers-as-text page, above); the apostrophe is not part of the value.
    if (typeof v === 'string' && v.charAt(0) === "'") {
      delete x.formula;
      x.value = v.slice(1) === '' ? null : v.slice(1);
      return;
    }
    if (typeof v === 'string' && x.numberFormat === '@') {
      delete x.formula;
      x.value = v;
      return;
    }
    if (typeof v === 'string' && /^[=+-]/.test(v)) {
      var f = v.charAt(0) === '=' ? v.slice(1) : v;
      var val = evalFormula(sh, f);
      if (val === undefined && !/^[A-Z]+\(/i.test(f))
        throw officeError('InvalidArgument', 'There is a problem with this formula: ' + v + ' at ' + a1(r, c));
      x.formula = f;
      x.value = val === undefined ? 0 : val;
      return;
    }
    delete x.formula;
    if (typeof v === 'string' && v.trim() !== '' && isFinite(Number(v))) x.value = Number(v);
    else x.value = v === '' ? null : v;
  }

  // ———————————————————————————————————————— change events
  /*
   * Worksheet.onChanged (ExcelApi 1.7) and WorksheetCollection.onChanged (ExcelApi 1.9) fire for
   * changes to values and, as observed and reported in OfficeDev/office-js, to formats and comments;
   * changes made by add-in code fire them too. Nothing is delivered while runtime.enableEvents is
   * false ([types] Runtime.enableEvents: "Toggle JavaScript events in the current task pane").
   * triggerSource ("ThisLocalAddin" / "Unknown") exists from ExcelApi 1.14
   * ([types] WorksheetChangedEventArgs.triggerSource).
   */
  var pendingChanges = [];
  function fireChanged(sh, box, byAddin) {
    if (!state.enableEvents) return;
    var e = {
      type: 'WorksheetChanged',
      worksheetId: sh.id,
      address: boxAddress(box),
      source: 'Local',
      changeType: 'RangeEdited',
    };
    if (supports('1.14')) e.triggerSource = byAddin ? 'ThisLocalAddin' : 'Unknown';
    pendingChanges.push(e);
  }
  function flushEvents() {
    var list = pendingChanges;
    pendingChanges = [];
    list.forEach(function (e) {
      state.handlers.forEach(function (h) {
        if (h.sheetId && h.sheetId !== e.worksheetId) return;
        setTimeout(function () {
          h.fn(e);
        }, 0);
      });
    });
  }

  // ———————————————————————————————————————— proxies, queue, load semantics
  function Ctx(options) {
    this.queue = [];
    this.delayForCellEdit = !!(options && options.delayForCellEdit);
    this.workbook = new Workbook(this);
    this.runtime = new Runtime(this);
    this._bytes = 0;
  }
  /*
   * context.sync(): the queue runs in order. In cell-edit mode a batch fails at once unless
   * Excel.run was given { delayForCellEdit: true }, which waits until the user leaves the cell
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions). A response over the 5 MB
   * payload limit fails with ResponsePayloadSizeLimitExceeded (resource limits, above).
   */
  Ctx.prototype.sync = function () {
    var self = this;
    var q = this.queue;
    this.queue = [];
    state.syncs++;
    state.syncLog.push(q.length);
    return new Promise(function (resolve, reject) {
      function run() {
        if (state.editing) {
          if (self.delayForCellEdit) {
            setTimeout(run, 20);
            return;
          }
          var err = officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
          state.failures.push(err.code);
          reject(err);
          return;
        }
        self._bytes = 0;
        try {
          /* Excel.ErrorCodes InactiveWorkbook: "multiple workbooks are open and the workbook being called by
             this API has lost focus" (application-specific-api-error-handling, above). */
          if (state.inactive && q.length) throw officeError('InactiveWorkbook', 'The workbook being called by this API has lost focus.');
          for (var i = 0; i < q.length; i++) q[i]();
          if (PLATFORM === 'OfficeOnline' && self._bytes > LIMITS.payload)
            throw officeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
        } catch (e) {
          state.failures.push(e.code || String(e));
          pendingChanges = [];
          reject(e);
          return;
        }
        flushEvents();
        resolve();
      }
      setTimeout(run, 1);
    });
  };
  Ctx.prototype.trackedObjects = { add: function () {}, remove: function () {} };
  function enqueue(ctx, fn) {
    ctx.queue.push(fn);
  }
  /* A call the host does not support fails the batch with ApiNotFound (the CDN's Office.js knows the
     member; the host refuses it): https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements */
  function requires(ctx, set, what) {
    if (!supports(set))
      enqueue(ctx, function () {
        throw officeError('ApiNotFound', what + ' needs ExcelApi ' + set + '; this Excel has ' + API);
      });
  }

  /** Loadable read-only properties: PropertyNotLoaded until a load ran at sync. */
  function loadable(obj, props) {
    obj._data = obj._data || {};
    props.forEach(function (p) {
      Object.defineProperty(obj, p, {
        configurable: true,
        enumerable: true,
        get: function () {
          if (!(p in obj._data))
            throw officeError(
              'PropertyNotLoaded',
              "The property '" +
                p +
                '\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
            );
          return obj._data[p];
        },
        set:
          obj._setters && obj._setters[p]
            ? obj._setters[p]
            : function () {
                throw officeError('InvalidOperation', p + ' is read-only');
              },
      });
    });
  }
  function propsOf(arg) {
    if (!arg) return [];
    if (Array.isArray(arg)) return arg;
    if (typeof arg === 'string')
      return arg
        .split(',')
        .map(function (s) {
          return s.trim();
        })
        .filter(Boolean);
    if (arg.select) return propsOf(arg.select);
    return Object.keys(arg);
  }
  function count(ctx, data) {
    ctx._bytes += JSON.stringify(data === undefined ? null : data).length;
  }

  function Runtime(ctx) {
    var self = this;
    this.context = ctx;
    Object.defineProperty(this, 'enableEvents', {
      enumerable: true,
      get: function () {
        return state.enableEvents;
      },
      set: function (v) {
        requires(ctx, '1.8', 'Runtime.enableEvents');
        enqueue(ctx, function () {
          state.enableEvents = !!v;
        });
      },
    });
    this.load = function () {
      return self;
    };
  }

  function Workbook(ctx) {
    var self = this;
    this.context = ctx;
    this.worksheets = new Worksheets(ctx);
    this.comments = new Comments(ctx, null);
    this.names = new Names(ctx);
    // [types] Workbook.name: "Gets the workbook name. [Api set: ExcelApi 1.7]" (read-only; the only property the fake loads here).
    loadable(this, ['name']);
    this.load = function (arg) {
      propsOf(arg).forEach(function (p) {
        if (p !== 'name') throw new Error('fake-excel: Workbook.load(' + p + ') is not modelled');
      });
      requires(ctx, '1.7', 'Workbook.name');
      enqueue(ctx, function () {
        self._data.name = state.name;
        count(ctx, state.name);
      });
      return self;
    };
  }

  /*
   * Workbook names ([types] NamedItemCollection, NamedItem): add(name, reference) ExcelApi 1.4,
   * getItem 1.1, getItemOrNullObject 1.4, NamedItem.delete 1.4, getRange 1.1, visible (settable) 1.1,
   * type "Range" or "Error" (1.1). A name refers to its cells wherever they move: inserting or
   * deleting rows above them moves the reference, renaming the sheet renames it, and deleting the
   * cells or their sheet leaves #REF! ("Define and use names in formulas",
   * https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64).
   * A name starts with a letter or "_" and holds letters, digits, "_" and "." (same page).
   */
  function nameEntry(key) {
    return state.names[String(key).toLowerCase()] || null;
  }
  function Names(ctx) {
    var self = this;
    this.context = ctx;
    loadable(this, ['items']);
    this.load = function () {
      enqueue(ctx, function () {
        self._data.items = Object.keys(state.names).map(function (k) {
          var n = new NamedItem(ctx, k);
          n._fill();
          return n;
        });
        count(ctx, self._data.items.length * 40);
      });
      return self;
    };
  }
  Names.prototype.add = function (name, reference) {
    var ctx = this.context;
    requires(ctx, '1.4', 'NamedItemCollection.add');
    enqueue(ctx, function () {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw officeError('InvalidArgument', 'not a valid name: ' + name);
      if (nameEntry(name)) throw officeError('ItemAlreadyExists', 'The name already exists: ' + name);
      if (!reference || !reference._box) throw officeError('InvalidArgument', 'the fake models names of ranges only');
      state.names[name.toLowerCase()] = { name: name, sheetId: reference._sheet().id, box: reference._box(), visible: true };
    });
    return new NamedItem(ctx, name.toLowerCase());
  };
  Names.prototype.getItem = function (name) {
    return new NamedItem(this.context, String(name).toLowerCase());
  };
  Names.prototype.getItemOrNullObject = function (name) {
    requires(this.context, '1.4', 'NamedItemCollection.getItemOrNullObject');
    var n = new NamedItem(this.context, String(name).toLowerCase());
    n._nullable = true;
    enqueue(this.context, function () {
      n._data.isNullObject = !nameEntry(name);
    });
    return n;
  };
  function NamedItem(ctx, key) {
    var self = this;
    this.context = ctx;
    this._key = key;
    this._setters = {
      visible: function (v) {
        enqueue(ctx, function () {
          self._entry().visible = !!v;
        });
      },
    };
    loadable(this, ['name', 'type', 'value', 'visible', 'isNullObject']);
    this.load = function () {
      enqueue(ctx, function () {
        if (self._nullable && !nameEntry(key)) return;
        self._fill();
      });
      return self;
    };
  }
  NamedItem.prototype._entry = function () {
    var e = nameEntry(this._key);
    if (!e) throw officeError('ItemNotFound', 'The requested resource does not exist: name ' + this._key);
    return e;
  };
  NamedItem.prototype._fill = function () {
    var e = this._entry();
    var sh = e.box && sheetByKey(e.sheetId);
    this._data.name = e.name;
    this._data.type = sh ? 'Range' : 'Error';
    this._data.value = sh ? quote(sh.name) + '!' + boxAddress(e.box) : '#REF!';
    this._data.visible = e.visible;
  };
  NamedItem.prototype.delete = function () {
    var self = this;
    requires(this.context, '1.4', 'NamedItem.delete');
    enqueue(this.context, function () {
      self._entry();
      delete state.names[self._key];
    });
  };
  /* [types] NamedItem.getRange: "Returns the range object that is associated with the name. Throws an error if the named item's type is not a range." */
  NamedItem.prototype.getRange = function () {
    var self = this;
    function entry() {
      var e = self._entry();
      var sh = e.box && sheetByKey(e.sheetId);
      if (!sh) throw officeError('InvalidReference', 'The name ' + e.name + ' does not refer to a range (#REF!).');
      return { sh: sh, box: e.box };
    }
    return new Range(
      this.context,
      function () {
        return entry().sh;
      },
      function () {
        return entry().box;
      },
    );
  };

  function eventHandlers(ctx, sheetId) {
    return {
      add: function (fn) {
        var entry = { sheetId: null, fn: fn };
        enqueue(ctx, function () {
          entry.sheetId = sheetId ? sheetId() : null;
          state.handlers.push(entry);
        });
        return {
          context: ctx,
          remove: function () {
            // Queued on the registering context: it runs only when that context syncs (Excel.run(result.context, …)).
            enqueue(ctx, function () {
              state.handlers = state.handlers.filter(function (h) {
                return h !== entry;
              });
            });
          },
        };
      },
    };
  }

  function Worksheets(ctx) {
    var self = this;
    this.context = ctx;
    loadable(this, ['items']);
    var handlers = eventHandlers(ctx, null);
    Object.defineProperty(this, 'onChanged', {
      get: function () {
        requires(ctx, '1.9', 'WorksheetCollection.onChanged'); // [types] WorksheetCollection.onChanged: ExcelApi 1.9
        return handlers;
      },
    });
    this.load = function (arg) {
      var want = propsOf(arg);
      enqueue(ctx, function () {
        self._data.items = state.sheets.map(function (sh) {
          var w = new Worksheet(ctx, function () {
            return sh;
          });
          w._data.name = sh.name;
          w._data.id = sh.id;
          w._data.visibility = sh.visibility;
          // A navigation path loads the related object too ("items/protection/protected", application-specific-api-model).
          if (want.some((p) => /^items\/protection\//.test(p))) fillProtection(w.protection, sh);
          return w;
        });
        count(ctx, self._data.items.length * 40);
      });
      return self;
    };
  }
  Worksheets.prototype.getActiveWorksheet = function () {
    return new Worksheet(this.context, function () {
      return state.sheets[state.active];
    });
  };
  Worksheets.prototype.getItem = function (key) {
    return new Worksheet(this.context, function () {
      return sheetByName(key);
    });
  };
  /* [types] WorksheetCollection.getItemOrNullObject: ExcelApi 1.4; isNullObject instead of ItemNotFound. */
  Worksheets.prototype.getItemOrNullObject = function (key) {
    requires(this.context, '1.4', 'WorksheetCollection.getItemOrNullObject');
    var w = new Worksheet(this.context, function () {
      return sheetByName(key);
    });
    w._nullable = function () {
      return !sheetByKey(key);
    };
    // isNullObject is set by the sync itself, without a load (application-specific-api-model, *OrNullObject).
    enqueue(this.context, function () {
      w._data.isNullObject = !sheetByKey(key);
    });
    return w;
  };
  Worksheets.prototype.add = function (name) {
    enqueue(this.context, function () {
      if (sheetByKey(name)) throw officeError('ItemAlreadyExists', 'The resource already exists: ' + name);
      state.sheets.push(newSheet(name));
    });
    return new Worksheet(this.context, function () {
      return sheetByName(name);
    });
  };

  /* [types] WorksheetProtection.protected (1.2) and .options (WorksheetProtectionOptions, 1.2): allowFormatCells … false unless given. */
  function fillProtection(protection, sh) {
    var o = sh.protected || {};
    protection._data.protected = !!sh.protected;
    protection._data.options = {
      allowFormatCells: !!o.allowFormatCells,
      allowEditObjects: !!o.allowEditObjects,
      allowFormatColumns: !!o.allowFormatColumns,
      allowFormatRows: !!o.allowFormatRows,
      allowInsertRows: !!o.allowInsertRows,
      allowDeleteRows: !!o.allowDeleteRows,
    };
  }

  function Worksheet(ctx, resolve) {
    var self = this;
    this.context = ctx;
    this._resolve = resolve;
    loadable(this, ['name', 'id', 'visibility', 'isNullObject']);
    this.comments = new Comments(ctx, resolve);
    var sheetHandlers = eventHandlers(ctx, function () {
      return resolve().id;
    });
    Object.defineProperty(this, 'onChanged', {
      get: function () {
        requires(ctx, '1.7', 'Worksheet.onChanged'); // [types] Worksheet.onChanged: ExcelApi 1.7
        return sheetHandlers;
      },
    });
    var protection = {
      /* [types] WorksheetProtection.protect: "Fails if the worksheet has already been protected." (ExcelApi 1.2) */
      protect: function (opts) {
        requires(ctx, '1.2', 'WorksheetProtection.protect');
        enqueue(ctx, function () {
          var sh = resolve();
          if (sh.protected) throw officeError('InvalidOperation', 'The worksheet is already protected.');
          sh.protected = opts || {};
        });
      },
    };
    loadable(protection, ['protected', 'options']);
    protection.load = function () {
      enqueue(ctx, function () {
        fillProtection(protection, resolve());
      });
      return protection;
    };
    this.protection = protection;
    this.names = {
      add: function (name, range) {
        enqueue(ctx, function () {
          var b = range._box();
          resolve().names[name] = a1(b.r0, b.c0) + ':' + a1(b.r1, b.c1);
        });
      },
    };
    this.load = function (arg) {
      var want = propsOf(arg);
      enqueue(ctx, function () {
        if (self._nullable) {
          self._data.isNullObject = self._nullable();
          if (self._data.isNullObject) return;
        }
        var sh = resolve();
        if (want.indexOf('name') >= 0 || !want.length) self._data.name = sh.name;
        self._data.id = sh.id;
        self._data.visibility = sh.visibility;
      });
      return self;
    };
  }
  /* A hidden sheet cannot be shown by activate(): Excel refuses (as its UI does) with InvalidOperation.
     [types] Worksheet.visibility (ExcelApi 1.1): Visible | Hidden | VeryHidden. */
  Worksheet.prototype.activate = function () {
    var r = this._resolve;
    enqueue(this.context, function () {
      var sh = r();
      if (sh.visibility !== 'Visible') throw officeError('InvalidOperation', 'The sheet is hidden: ' + sh.name);
      state.active = state.sheets.indexOf(sh);
    });
  };
  Worksheet.prototype.getRange = function (addr) {
    var r = this._resolve;
    return new Range(this.context, r, function () {
      if (!addr) return { r0: 0, c0: 0, r1: 1048575, c1: 16383, whole: true };
      var p = parseAddress(addr, r().name);
      if (p.sheet.toLowerCase() !== r().name.toLowerCase()) throw officeError('InvalidArgument', 'address on another sheet: ' + addr);
      return p;
    });
  };
  /* [types] Worksheet.getRangeByIndexes: ExcelApi 1.7. */
  Worksheet.prototype.getRangeByIndexes = function (row, col, rows, cols) {
    requires(this.context, '1.7', 'Worksheet.getRangeByIndexes');
    return new Range(this.context, this._resolve, function () {
      return { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
    });
  };
  /* [types] Worksheet.getRanges: ExcelApi 1.9; RangeAreas.select: ExcelApi 1.18. */
  Worksheet.prototype.getRanges = function (addrs) {
    var ctx = this.context,
      resolve = this._resolve;
    requires(ctx, '1.9', 'Worksheet.getRanges');
    return {
      select: function () {
        requires(ctx, '1.18', 'RangeAreas.select');
        enqueue(ctx, function () {
          var sh = resolve();
          if (sh.visibility !== 'Visible') throw officeError('InvalidOperation', 'The sheet is hidden: ' + sh.name);
          state.active = state.sheets.indexOf(sh);
          state.selection = {
            sheet: sh.name,
            address: String(addrs)
              .split(',')
              .map(function (s) {
                return s.trim();
              })
              .join(','),
          };
        });
      },
    };
  };
  /* [types] Worksheet.getUsedRangeOrNullObject: ExcelApi 1.4. */
  Worksheet.prototype.getUsedRangeOrNullObject = function () {
    requires(this.context, '1.4', 'Worksheet.getUsedRangeOrNullObject');
    var resolve = this._resolve;
    var rg = new Range(this.context, resolve, function () {
      return usedBox(resolve());
    });
    rg._nullable = true;
    return rg;
  };

  function Range(ctx, sheet, box) {
    var self = this;
    this.context = ctx;
    this._sheet = sheet;
    this._box = box;
    this._setters = {
      values: function (v) {
        enqueue(ctx, function () {
          self._write(v, false);
        });
      },
      formulas: function (v) {
        enqueue(ctx, function () {
          self._write(v, true);
        });
      },
      numberFormat: function (v) {
        enqueue(ctx, function () {
          self._guardFormat(); // a number format is a cell format: refused without allowFormatCells
          var b = self._box();
          self._each(function (x, r, c) {
            x.numberFormat = v[r - b.r0][c - b.c0] === 'General' ? undefined : v[r - b.r0][c - b.c0];
          });
        });
      },
    };
    loadable(this, [
      'values',
      'formulas',
      'numberFormat',
      'valueTypes',
      'rowIndex',
      'columnIndex',
      'address',
      'rowCount',
      'columnCount',
      'isNullObject',
    ]);
    this.format = new RangeFormat(ctx, this);
    var dv = {};
    ['rule', 'prompt', 'errorAlert'].forEach(function (p) {
      Object.defineProperty(dv, p, {
        enumerable: true,
        set: function (v) {
          requires(ctx, '1.8', 'Range.dataValidation'); // [types] Range.dataValidation: ExcelApi 1.8
          var copy = JSON.parse(JSON.stringify(v));
          enqueue(ctx, function () {
            self._each(function (x) {
              x.validation = x.validation || {};
              x.validation[p] = copy;
            });
          });
        },
      });
    });
    this.dataValidation = dv;
    this.load = function (arg) {
      var want = propsOf(arg);
      enqueue(ctx, function () {
        var sh = sheet();
        var b = box();
        if (self._nullable) {
          self._data.isNullObject = !b;
          if (!b) return;
        }
        var size = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
        var cellProps = ['values', 'formulas', 'numberFormat', 'valueTypes'].filter(function (p) {
          return !want.length || want.indexOf(p) >= 0;
        });
        /* Excel.ErrorCodes RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported
           number" (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling). */
        if (cellProps.length && size > LIMITS.cells)
          throw officeError('RangeExceedsLimit', 'A range read is limited to ' + LIMITS.cells + ' cells; asked for ' + size);
        var all = {
          rowIndex: b.r0,
          columnIndex: b.c0,
          rowCount: b.r1 - b.r0 + 1,
          columnCount: b.c1 - b.c0 + 1,
          address: quote(sh.name) + '!' + boxAddress(b),
        };
        if (cellProps.length) {
          var vals = [],
            fs = [],
            nfs = [],
            types = [];
          for (var r = b.r0; r <= b.r1; r++) {
            var vr = [],
              fr = [],
              nr = [],
              tr = [];
            for (var c = b.c0; c <= b.c1; c++) {
              var x = cellAt(sh, r, c);
              var v = x && x.value !== undefined && x.value !== null ? x.value : '';
              vr.push(v);
              fr.push(x && x.formula ? '=' + x.formula : v);
              nr.push((x && x.numberFormat) || 'General');
              tr.push(v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
            }
            vals.push(vr);
            fs.push(fr);
            nfs.push(nr);
            types.push(tr);
          }
          all.values = vals;
          all.formulas = fs;
          all.numberFormat = nfs;
          all.valueTypes = types;
        }
        (want.length ? want : Object.keys(all)).forEach(function (p) {
          if (p in all) {
            self._data[p] = all[p];
            count(ctx, all[p]);
          }
        });
      });
      return self;
    };
  }
  Range.prototype._each = function (fn) {
    var sh = this._sheet(),
      b = this._box();
    if (b.whole) throw officeError('InvalidArgument', 'whole-sheet formatting is not faked');
    for (var r = b.r0; r <= b.r1; r++)
      for (var c = b.c0; c <= b.c1; c++) {
        fn(cellAt(sh, r, c, true), r, c);
        clean(sh, r, c);
      }
  };
  /* A protected sheet refuses changes to locked cells, and formatting unless allowFormatCells
     ([types] WorksheetProtectionOptions.allowFormatCells; the error is AccessDenied). */
  Range.prototype._guardFormat = function () {
    var sh = this._sheet();
    if (sh.protected && !sh.protected.allowFormatCells) throw officeError('AccessDenied', 'The sheet ' + sh.name + ' is protected.');
  };
  Range.prototype._write = function (grid, formulas) {
    var sh = this._sheet(),
      b = this._box();
    if (!Array.isArray(grid) || grid.length !== b.r1 - b.r0 + 1) throw officeError('InvalidArgument', 'dimension mismatch');
    for (var r = b.r0; r <= b.r1; r++)
      for (var c = b.c0; c <= b.c1; c++) {
        var v = grid[r - b.r0][c - b.c0];
        var x = cellAt(sh, r, c, true);
        if (sh.protected && x.locked !== false) throw officeError('AccessDenied', 'the cell ' + a1(r, c) + ' is protected');
        if (formulas && typeof v === 'string' && v.charAt(0) === '=') {
          x.formula = v.slice(1);
          x.value = 0;
        } else store(sh, x, v, r, c);
        clean(sh, r, c);
      }
    recalc(sh);
    fireChanged(sh, b, true);
  };
  Range.prototype.merge = function () {
    var self = this;
    enqueue(this.context, function () {
      var b = self._box();
      self._sheet().merges.push({ r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 });
    });
  };
  Range.prototype.select = function () {
    var self = this;
    enqueue(this.context, function () {
      var sh = self._sheet(),
        b = self._box();
      if (sh.visibility !== 'Visible') throw officeError('InvalidOperation', 'The sheet is hidden: ' + sh.name);
      state.active = state.sheets.indexOf(sh);
      state.selection = { sheet: sh.name, address: boxAddress(b) };
    });
  };
  /* [types] Range.getMergedAreasOrNullObject: ExcelApi 1.13; fails above 512 merged areas. */
  Range.prototype.getMergedAreasOrNullObject = function () {
    var self = this,
      ctx = this.context;
    requires(ctx, '1.13', 'Range.getMergedAreasOrNullObject');
    var areas = { context: ctx, _data: {} };
    loadable(areas, ['address', 'isNullObject', 'areaCount']);
    areas.load = function () {
      enqueue(ctx, function () {
        var sh = self._sheet(),
          b = self._box();
        var ms = sh.merges.filter(function (m) {
          return m.r0 >= b.r0 && m.c0 >= b.c0 && m.r1 <= b.r1 && m.c1 <= b.c1;
        });
        if (ms.length > LIMITS.merges) throw officeError('GeneralException', 'There are more than ' + LIMITS.merges + ' merged areas.');
        areas._data.isNullObject = !ms.length;
        if (ms.length) {
          areas._data.areaCount = ms.length;
          areas._data.address = ms
            .map(function (m) {
              return quote(sh.name) + '!' + a1(m.r0, m.c0) + ':' + a1(m.r1, m.c1);
            })
            .join(',');
          count(ctx, areas._data.address);
        }
      });
      return areas;
    };
    return areas;
  };

  /*
   * range.format.fill ([types] RangeFill): color (1.1), pattern and tintAndShade (1.9). Excel reads
   * back "#FFFFFF" for both No Fill and white; No Fill has pattern "None" and tintAndShade null.
   * A theme or tinted fill reads back as its flat RGB colour.
   */
  function RangeFormat(ctx, range) {
    function setter(path) {
      return function (v) {
        enqueue(ctx, function () {
          if (path === 'columnWidth') {
            var b = range._box();
            for (var c = b.c0; c <= b.c1; c++) range._sheet().colWidths[c] = v;
            return;
          }
          range._each(function (x) {
            x.fmt = x.fmt || {};
            x.fmt[path] = v;
          });
        });
      };
    }
    var fmt = this;
    ['wrapText', 'verticalAlignment', 'horizontalAlignment', 'columnWidth', 'rowHeight'].forEach(function (p) {
      Object.defineProperty(fmt, p, { enumerable: true, set: setter(p) });
    });
    this.font = {};
    ['bold', 'size', 'color', 'name', 'italic'].forEach(function (p) {
      Object.defineProperty(fmt.font, p, { enumerable: true, set: setter('font.' + p) });
    });
    /* [types] FormatProtection.locked (ExcelApi 1.2): cells are locked unless unlocked; loadable. */
    var prot = {
      _setters: {
        locked: function (v) {
          enqueue(ctx, function () {
            range._each(function (x) {
              x.locked = v ? undefined : false;
            });
          });
        },
      },
    };
    loadable(prot, ['locked']);
    prot.load = function () {
      enqueue(ctx, function () {
        var x = cellAt(range._sheet(), range._box().r0, range._box().c0);
        prot._data.locked = !(x && x.locked === false);
      });
      return prot;
    };
    this.protection = prot;
    this.borders = {
      getItem: function (edge) {
        var o = {};
        Object.defineProperty(o, 'style', { set: setter('border.' + edge) });
        Object.defineProperty(o, 'color', { set: setter('borderColor.' + edge) });
        return o;
      },
    };
    function fillPart(part, conv) {
      return function (v) {
        if (part !== 'color') requires(ctx, '1.9', 'RangeFill.' + part);
        enqueue(ctx, function () {
          range._guardFormat();
          range._each(function (x) {
            var f = x.fill || { color: '#FFFFFF', pattern: 'Solid', tint: 0 };
            f[part] = conv(v);
            // An RGB colour replaces a theme colour and its tint (what is set is what is shown).
            if (part === 'color') f.tint = 0;
            if (part === 'color' && f.pattern === 'None') f.pattern = 'Solid';
            x.fill = f.pattern === 'None' ? undefined : f;
          });
          fireChanged(range._sheet(), range._box(), true);
        });
      };
    }
    var fill = {
      _setters: {
        color: fillPart('color', function (v) {
          return String(v).toUpperCase();
        }),
        pattern: fillPart('pattern', String),
        tintAndShade: fillPart('tint', Number),
      },
    };
    loadable(fill, ['color', 'pattern', 'tintAndShade']);
    fill.load = function (arg) {
      var want = propsOf(arg);
      if (want.indexOf('pattern') >= 0 || want.indexOf('tintAndShade') >= 0) requires(ctx, '1.9', 'RangeFill.pattern/tintAndShade');
      enqueue(ctx, function () {
        var sh = range._sheet(),
          b = range._box();
        var x = cellAt(sh, b.r0, b.c0);
        var f = x && x.fill;
        fill._data.color = f ? flat(f) : '#FFFFFF';
        fill._data.pattern = f ? f.pattern : 'None';
        fill._data.tintAndShade = f ? f.tint : null;
        count(ctx, 40);
      });
      return fill;
    };
    fill.clear = function () {
      enqueue(ctx, function () {
        range._guardFormat();
        range._each(function (x) {
          delete x.fill;
        });
        fireChanged(range._sheet(), range._box(), true);
      });
    };
    this.fill = fill;
  }
  /** The colour Excel reports for a tinted fill: the base RGB lightened (tint > 0) or darkened (< 0). */
  function flat(f) {
    if (!f.tint) return f.color;
    var n = parseInt(f.color.slice(1), 16);
    var ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (v) {
      var w = f.tint > 0 ? v + (255 - v) * f.tint : v * (1 + f.tint);
      return ('0' + Math.round(w).toString(16)).slice(-2);
    });
    return ('#' + ch.join('')).toUpperCase();
  }

  /*
   * Comments ([types] CommentCollection, ExcelApi 1.10): add(cellAddress: Range | string, content)
   * returns a Comment with an id; one comment per cell; getItemByCell and getItem throw
   * ItemNotFound where there is none; getItemOrNullObject is ExcelApi 1.14. A protected sheet
   * refuses new comments (AccessDenied).
   */
  function Comments(ctx, sheetResolve) {
    var self = this;
    this.context = ctx;
    loadable(this, ['items']);
    this.load = function () {
      requires(ctx, '1.10', 'CommentCollection');
      enqueue(ctx, function () {
        var list = [];
        var sheets = sheetResolve ? [sheetResolve()] : state.sheets;
        sheets.forEach(function (sh) {
          Object.keys(sh.comments).forEach(function (k) {
            var id = sh.comments[k].id;
            var item = commentProxy(ctx, function () {
              return findComment(id);
            });
            item._data.id = id;
            item._data.content = sh.comments[k].content;
            list.push(item);
          });
        });
        self._data.items = list;
        count(ctx, list.length * 60);
      });
      return self;
    };
  }
  function commentTarget(addr) {
    if (addr && addr._box) {
      var sh = addr._sheet(),
        b = addr._box();
      return { sh: sh, k: a1(b.r0, b.c0) };
    }
    var p = parseAddress(addr, state.sheets[state.active].name);
    return { sh: sheetByName(p.sheet), k: a1(p.r0, p.c0) };
  }
  function findComment(id) {
    for (var i = 0; i < state.sheets.length; i++)
      for (var k in state.sheets[i].comments) if (state.sheets[i].comments[k].id === id) return { sh: state.sheets[i], k: k };
    return null;
  }
  function commentProxy(ctx, locate) {
    var c = { context: ctx, _data: {} };
    loadable(c, ['id', 'content', 'isNullObject']);
    c.load = function () {
      enqueue(ctx, function () {
        var at = locate();
        if (!at) throw officeError('ItemNotFound', 'The requested comment does not exist.');
        c._data.id = at.sh.comments[at.k].id;
        c._data.content = at.sh.comments[at.k].content;
      });
      return c;
    };
    /* [types] Comment.getLocation: the cell the comment is on (ExcelApi 1.10); it moves with the cell. */
    c.getLocation = function () {
      return new Range(
        ctx,
        function () {
          var at = locate();
          if (!at) throw officeError('ItemNotFound', 'The requested comment does not exist.');
          return at.sh;
        },
        function () {
          var at = locate();
          if (!at) throw officeError('ItemNotFound', 'The requested comment does not exist.');
          return parseAddress(at.k, at.sh.name);
        },
      );
    };
    c.delete = function () {
      enqueue(ctx, function () {
        var at = locate();
        if (!at) throw officeError('ItemNotFound', 'The requested comment does not exist.');
        delete at.sh.comments[at.k];
        fireChanged(at.sh, parseAddress(at.k, at.sh.name), true);
      });
    };
    return c;
  }
  Comments.prototype.add = function (addr, content) {
    var ctx = this.context;
    requires(ctx, '1.10', 'CommentCollection.add');
    var created = { id: null };
    enqueue(ctx, function () {
      var t = commentTarget(addr);
      if (t.sh.protected) throw officeError('AccessDenied', 'The sheet ' + t.sh.name + ' is protected.');
      if (t.sh.comments[t.k] !== undefined) throw officeError('InvalidArgument', 'a comment exists at ' + t.k);
      created.id = 'comment-' + state.nextId++;
      t.sh.comments[t.k] = { id: created.id, content: content };
      fireChanged(t.sh, parseAddress(t.k, t.sh.name), true);
    });
    return commentProxy(ctx, function () {
      return created.id && findComment(created.id);
    });
  };
  Comments.prototype.getItemByCell = function (addr) {
    requires(this.context, '1.10', 'CommentCollection.getItemByCell');
    return commentProxy(this.context, function () {
      var t = commentTarget(addr);
      return t.sh.comments[t.k] ? t : null;
    });
  };
  Comments.prototype.getItem = function (id) {
    requires(this.context, '1.10', 'CommentCollection.getItem');
    return commentProxy(this.context, function () {
      return findComment(id);
    });
  };

  // ———————————————————————————————————————— globals
  window.Excel = {
    /*
     * Excel.run(batch), Excel.run(options, batch) and Excel.run(object, batch): the last reuses the
     * RequestContext of a previously created object ([types] Excel.run overloads).
     */
    run: function (a, b) {
      var fn = typeof a === 'function' ? a : b;
      state.runs++;
      var ctx = a && typeof a === 'object' && (a instanceof Ctx ? a : a.context instanceof Ctx ? a.context : null);
      if (!ctx) ctx = new Ctx(typeof a === 'object' ? a : null);
      return Promise.resolve().then(function () {
        return fn(ctx);
      });
    },
    /*
     * [types] Excel.createWorkbook: ExcelApi 1.8. Excel on the web first asks the user (a Yes/No prompt,
     * OfficeDev/office-js issue 4031); config.createWorkbook 'declined' stands for the user saying No,
     * which the fake reports as a rejected promise (GeneralException).
     */
    createWorkbook: function (base64) {
      if (!supports('1.8')) return Promise.reject(officeError('ApiNotFound', 'createWorkbook needs ExcelApi 1.8'));
      if (config.createWorkbook === 'declined') return Promise.reject(officeError('GeneralException', 'The user declined.'));
      state.created.push(base64);
      return Promise.resolve();
    },
    RequestContext: Ctx,
  };
  /*
   * Office.context.document.settings: saved with the document, read at Office.onReady
   * (https://learn.microsoft.com/javascript/api/office/office.settings); saveAsync persists them.
   */
  var settings = {
    _pending: JSON.parse(JSON.stringify(state.settings)),
    get: function (name) {
      return Object.prototype.hasOwnProperty.call(this._pending, name) ? JSON.parse(JSON.stringify(this._pending[name])) : null;
    },
    set: function (name, value) {
      this._pending[name] = JSON.parse(JSON.stringify(value));
    },
    remove: function (name) {
      delete this._pending[name];
    },
    saveAsync: function (a, b) {
      var cb = typeof a === 'function' ? a : b;
      var self = this;
      setTimeout(function () {
        state.settings = JSON.parse(JSON.stringify(self._pending));
        if (cb) cb({ status: 'succeeded' });
      }, 1);
    },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS' }, // [types] Office.PlatformType
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: function (cb) {
      var info = { host: 'Excel', platform: PLATFORM };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (cb) cb(info);
          resolve(info);
        }, 5);
      });
    },
    context: {
      platform: PLATFORM,
      document: { settings: settings },
      requirements: {
        isSetSupported: function (name, v) {
          return name === 'ExcelApi' && supports(v || '1.1');
        },
      },
      diagnostics: { host: 'Excel', platform: PLATFORM, version: 'fake' },
    },
  };

  // ———————————————————————————————————————— the test's handle
  function userChange(sh, box) {
    fireChanged(sh, box, false);
    flushEvents();
  }
  window.__fakeExcel = {
    state: state,
    get syncs() {
      return state.syncs;
    },
    get selection() {
      return state.selection;
    },
    get created() {
      return state.created;
    },
    get failures() {
      return state.failures;
    },
    sheetNames: function () {
      return state.sheets.map(function (s) {
        return s.name;
      });
    },
    /** The user types into a cell (not through the add-in): Excel parses it, recalculates, fires a change event. */
    type: function (sheet, addr, value) {
      var sh = sheetByName(sheet),
        p = parseAddress(addr, sheet);
      var x = cellAt(sh, p.r0, p.c0, true);
      if (typeof value === 'string' && value.charAt(0) === '=') {
        x.formula = value.slice(1);
        x.value = 0;
      } else {
        delete x.formula;
        x.value = value === '' ? null : value;
      }
      clean(sh, p.r0, p.c0);
      recalc(sh);
      userChange(sh, p);
    },
    /** The user pastes a block of values (and merges) into a sheet, adding the sheet if needed: one change event. */
    paste: function (sheet, aoa, merges) {
      var sh = sheetByKey(sheet);
      if (!sh) {
        sh = newSheet(sheet);
        state.sheets.push(sh);
      }
      var r1 = 0,
        c1 = 0;
      aoa.forEach(function (row, r) {
        (row || []).forEach(function (v, c) {
          if (v === null || v === undefined || v === '') return;
          var x = cellAt(sh, r, c, true);
          x.value = v;
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        });
      });
      (merges || []).forEach(function (m) {
        sh.merges.push({ r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 });
      });
      userChange(sh, { r0: 0, c0: 0, r1: r1, c1: c1 });
    },
    /** The user enters or leaves a cell (cell-edit mode). */
    edit: function (on) {
      state.editing = !!on;
    },
    /** The user formats a cell: fill { color, pattern, tint } (null: No Fill), numberFormat. */
    format: function (sheet, addr, fmt) {
      var sh = sheetByName(sheet),
        p = parseAddress(addr, sheet);
      var x = cellAt(sh, p.r0, p.c0, true);
      if ('fill' in fmt) x.fill = fmt.fill ? Object.assign({ pattern: 'Solid', tint: 0 }, fmt.fill) : undefined;
      if ('numberFormat' in fmt) x.numberFormat = fmt.numberFormat;
      clean(sh, p.r0, p.c0);
      userChange(sh, p);
    },
    /** The user adds a comment of their own. */
    comment: function (sheet, addr, text) {
      sheetByName(sheet).comments[addr] = { id: 'user-' + state.nextId++, content: text };
    },
    /** The user deletes a comment. */
    deleteComment: function (sheet, addr) {
      delete sheetByName(sheet).comments[addr];
    },
    rename: function (sheet, name) {
      sheetByName(sheet).name = name;
    },
    /** The user deletes a sheet: names on it become #REF! (define-and-use-names page, above). */
    deleteSheet: function (sheet) {
      var sh = sheetByName(sheet);
      state.sheets.splice(state.sheets.indexOf(sh), 1);
      state.active = Math.min(state.active, state.sheets.length - 1);
    },
    /**
     * The user inserts (n > 0) or deletes (n < 0) whole rows at row `at` (0-based): cells, merges,
     * comments and names below move with them; a name on a deleted row becomes #REF!
     * ([types] Range.insert / Range.delete with Shift "Down" / "Up"; define-and-use-names page).
     */
    rows: function (sheet, at, n) {
      var sh = sheetByName(sheet);
      var gone = function (r) {
        return n < 0 && r >= at && r < at - n;
      };
      var move = function (r) {
        return r < at ? r : n > 0 ? r + n : r + n;
      };
      var cells = {};
      Object.keys(sh.cells).forEach(function (k) {
        var rc = k.split(',').map(Number);
        if (!gone(rc[0])) cells[move(rc[0]) + ',' + rc[1]] = sh.cells[k];
      });
      sh.cells = cells;
      sh.merges = sh.merges
        .filter(function (m) {
          return !gone(m.r0) && !gone(m.r1);
        })
        .map(function (m) {
          return { r0: move(m.r0), c0: m.c0, r1: move(m.r1), c1: m.c1 };
        });
      var comments = {};
      Object.keys(sh.comments).forEach(function (k) {
        var p = parseAddress(k, sh.name);
        if (!gone(p.r0)) comments[a1(move(p.r0), p.c0)] = sh.comments[k];
      });
      sh.comments = comments;
      Object.keys(state.names).forEach(function (k) {
        var e = state.names[k];
        if (e.sheetId !== sh.id || !e.box) return;
        if (gone(e.box.r0) || gone(e.box.r1)) e.box = null;
        else e.box = { r0: move(e.box.r0), c0: e.box.c0, r1: move(e.box.r1), c1: e.box.c1 };
      });
      recalc(sh);
      userChange(sh, { r0: Math.max(0, at), c0: 0, r1: Math.max(0, at), c1: 0 });
    },
    /** Another workbook window takes the focus (true) or gives it back. */
    blur: function (on) {
      state.inactive = !!on;
    },
    names: function () {
      return JSON.parse(JSON.stringify(state.names));
    },
    protect: function (sheet, opts) {
      sheetByName(sheet).protected = opts || {};
    },
    hide: function (sheet) {
      sheetByName(sheet).visibility = 'Hidden';
    },
    cell: function (sheet, addr) {
      var sh = sheetByName(sheet),
        p = parseAddress(addr, sheet);
      var x = cellAt(sh, p.r0, p.c0);
      return x ? JSON.parse(JSON.stringify(x)) : null;
    },
    /** Everything about a sheet, for exact before/after comparisons. */
    snapshot: function (sheet) {
      var sh = sheetByName(sheet);
      var keys = Object.keys(sh.cells).sort();
      var cells = {};
      keys.forEach(function (k) {
        cells[k] = sh.cells[k];
      });
      var comments = {};
      Object.keys(sh.comments).forEach(function (k) {
        comments[k] = sh.comments[k].content;
      });
      return JSON.stringify({
        cells: cells,
        merges: sh.merges,
        comments: comments,
        protected: sh.protected,
        colWidths: sh.colWidths,
        names: sh.names,
      });
    },
    /** The document as saved (cells, comments, settings): pass as config.document to reopen it. */
    dump: function () {
      return JSON.stringify({
        sheets: state.sheets,
        settings: state.settings,
        nextId: state.nextId,
        active: state.active,
        names: state.names,
        name: state.name,
      });
    },
    settings: function () {
      return JSON.parse(JSON.stringify(state.settings));
    },
    handlers: function () {
      return state.handlers.length;
    },
    fills: function (sheet) {
      var sh = sheetByName(sheet),
        out = {};
      Object.keys(sh.cells).forEach(function (k) {
        if (sh.cells[k].fill) {
          var rc = k.split(',');
          out[a1(Number(rc[0]), Number(rc[1]))] = flat(sh.cells[k].fill);
        }
      });
      return out;
    },
    comments: function (sheet) {
      var sh = sheetByName(sheet),
        out = {};
      Object.keys(sh.comments).forEach(function (k) {
        out[k] = sh.comments[k].content;
      });
      return out;
    },
    /** Cell id → A1 map is not known here; tests find cells by their labels through grid(). */
    grid: function (sheet) {
      var sh = sheetByName(sheet),
        b = usedBox(sh),
        rows = [];
      if (!b) return rows;
      for (var r = 0; r <= b.r1; r++) {
        var row = [];
        for (var c = 0; c <= b.c1; c++) {
          var x = cellAt(sh, r, c);
          row.push(x ? (x.formula ? '=' + x.formula : x.value === undefined ? null : x.value) : null);
        }
        rows.push(row);
      }
      return rows;
    },
    a1: a1,
    /** The sheet drawn as an HTML table in an Excel-like look (for the screenshot beside the pane). */
    html: function (sheet, maxRows) {
      var sh = sheetByName(sheet),
        b = usedBox(sh) || { r1: 0, c1: 0 };
      var rows = Math.min(b.r1 + 1, maxRows || 60),
        cols = b.c1 + 1;
      var covered = {},
        span = {};
      sh.merges.forEach(function (m) {
        span[m.r0 + ',' + m.c0] = [m.r1 - m.r0 + 1, m.c1 - m.c0 + 1];
        for (var r = m.r0; r <= m.r1; r++) for (var c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered[r + ',' + c] = true;
      });
      var sel = {};
      if (state.selection && state.selection.sheet === sheet)
        state.selection.address.split(',').forEach(function (a) {
          var p = parseAddress(a, sheet);
          sel[p.r0 + ',' + p.c0] = true;
        });
      var esc = function (t) {
        return String(t).replace(/[&<>]/g, function (ch) {
          return { '&': '&amp;', '<': '&lt;', '>': '&gt;' }[ch];
        });
      };
      var out = ['<table class="xl"><colgroup><col style="width:34px">'];
      // columnWidth is in points; 96 px per 72 pt.
      for (var c = 0; c < cols; c++) out.push('<col style="width:' + Math.round(((sh.colWidths[c] || 48) * 4) / 3) + 'px">');
      out.push('</colgroup><tr><th></th>');
      for (c = 0; c < cols; c++) out.push('<th>' + colName(c) + '</th>');
      out.push('</tr>');
      for (var r = 0; r < rows; r++) {
        out.push('<tr><th>' + (r + 1) + '</th>');
        for (c = 0; c < cols; c++) {
          var k = r + ',' + c;
          if (covered[k]) continue;
          var x = sh.cells[k] || {},
            sp = span[k];
          var fmt = x.fmt || {};
          var style = [];
          if (x.fill) style.push('background:' + flat(x.fill));
          if (fmt['font.bold']) style.push('font-weight:600');
          if (fmt.horizontalAlignment === 'Center' || typeof x.value === 'number')
            style.push('text-align:' + (typeof x.value === 'number' ? 'right' : 'center'));
          if (fmt['border.EdgeTop']) style.push('border:1px solid #555');
          var cls = (sel[k] ? 'sel ' : '') + (sh.comments[a1(r, c)] !== undefined ? 'note' : '');
          out.push(
            '<td' +
              (sp ? ' rowspan="' + sp[0] + '" colspan="' + sp[1] + '"' : '') +
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
      out.push('</table>');
      return out.join('');
    },
  };
})();
