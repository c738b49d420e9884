/*
 * A small fake of the Excel JavaScript API, injected into the task pane page before its scripts
 * (playwright addInitScript), so that browser tests drive the real add-in against a workbook
 * whose every cell they can inspect. It implements exactly the calls the add-in makes, with
 * Office.js's batching semantics: property sets, loads and methods are queued and run in order
 * at context.sync() (a load placed before a set sees the value before the set); reading a
 * property that was not loaded, or before sync, throws. Every context.sync() is counted.
 *
 * Test side: window.__fakeExcel = { syncs, syncLog, sheets, active, selection, created, type(), snapshot(), ... }
 * Configure before load with window.__fakeExcelConfig = { api: '1.13' } (highest ExcelApi set supported).
 */
(function () {
  'use strict';
  var config = window.__fakeExcelConfig || {};
  var API = config.api || '1.13';

  function vnum(v) {
    var p = String(v).split('.');
    return Number(p[0]) * 1000 + Number(p[1] || 0);
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
  function quote(name) {
    return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  /** "Sheet!A1:B2" / "A1" / "D8" → { sheet, r0, c0, r1, c1 } */
  function parseAddress(addr, defaultSheet) {
    var s = String(addr).trim();
    var sheet = defaultSheet;
    var bang = s.lastIndexOf('!');
    if (bang >= 0) {
      sheet = s
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      s = s.slice(bang + 1);
    }
    var parts = s.replace(/\$/g, '').split(':');
    var p = /^([A-Z]+)(\d+)$/i.exec(parts[0]);
    var q = /^([A-Z]+)(\d+)$/i.exec(parts[1] || parts[0]);
    if (!p || !q) throw officeError('InvalidArgument', 'bad address ' + addr);
    return { sheet: sheet, r0: Number(p[2]) - 1, c0: colNum(p[1]), r1: Number(q[2]) - 1, c1: colNum(q[1]) };
  }
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
    handlers: [],
    api: API,
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
    };
  }
  state.sheets.push(newSheet(config.firstSheet || 'Sheet1'));

  function sheetByName(name) {
    for (var i = 0; i < state.sheets.length; i++)
      if (state.sheets[i].name.toLowerCase() === String(name).toLowerCase()) return state.sheets[i];
    throw officeError('ItemNotFound', 'no sheet ' + name);
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

  /** Formulas of the kind templates use: SUM(ranges), cells, numbers, + − and n*. */
  function evalFormula(sh, f) {
    var rest = f.replace(/^=/, '').replace(/\s+/g, '').replace(/\$/g, '');
    var re = /^([+-]?)(?:(\d+(?:\.\d+)?)\*)?(?:SUM\(([^)]*)\)|([A-Z]{1,3})(\d+)|(\d+(?:\.\d+)?))/i;
    var total = 0,
      first = true;
    while (rest.length) {
      var m = re.exec(rest);
      if (!m || (!first && !m[1])) return undefined;
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
  var pendingChanges = [];
  function fireChanged(sh, box, source) {
    pendingChanges.push({
      worksheetId: sh.id,
      address: a1(box.r0, box.c0) + (box.r1 !== box.r0 || box.c1 !== box.c0 ? ':' + a1(box.r1, box.c1) : ''),
      source: source,
      changeType: 'RangeEdited',
      type: 'WorksheetChanged',
    });
  }
  function flushEvents() {
    var list = pendingChanges;
    pendingChanges = [];
    list.forEach(function (e) {
      state.handlers.forEach(function (h) {
        setTimeout(function () {
          h(e);
        }, 0);
      });
    });
  }

  // ———————————————————————————————————————— proxies, queue, load semantics
  function Ctx() {
    this.queue = [];
    this.workbook = new Workbook(this);
  }
  Ctx.prototype.sync = function () {
    var q = this.queue;
    this.queue = [];
    state.syncs++;
    state.syncLog.push(q.length);
    return new Promise(function (resolve, reject) {
      setTimeout(function () {
        try {
          for (var i = 0; i < q.length; i++) q[i]();
        } catch (e) {
          reject(e);
          return;
        }
        flushEvents();
        resolve();
      }, 1);
    });
  };
  Ctx.prototype.trackedObjects = { add: function () {}, remove: function () {} };
  function enqueue(ctx, fn) {
    ctx.queue.push(fn);
  }

  /** Defines loadable read-only properties: throws PropertyNotLoaded until a load ran at sync. */
  function loadable(obj, props) {
    obj._data = {};
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

  function Workbook(ctx) {
    this.context = ctx;
    this.worksheets = new Worksheets(ctx);
    this.comments = new Comments(ctx, null);
  }

  function Worksheets(ctx) {
    var self = this;
    this.context = ctx;
    loadable(this, ['items']);
    this.onChanged = {
      add: function (handler) {
        enqueue(ctx, function () {
          state.handlers.push(handler);
        });
        return {
          context: ctx,
          remove: function () {
            enqueue(ctx, function () {
              state.handlers = state.handlers.filter(function (h) {
                return h !== handler;
              });
            });
          },
        };
      },
    };
    this.load = function (arg) {
      var want = propsOf(arg);
      enqueue(ctx, function () {
        self._data.items = state.sheets.map(function (sh) {
          var w = new Worksheet(ctx, function () {
            return sh;
          });
          w._data.name = sh.name;
          w._data.id = sh.id;
          return w;
        });
      });
      void want;
      return self;
    };
  }
  Worksheets.prototype.getActiveWorksheet = function () {
    return new Worksheet(this.context, function () {
      return state.sheets[state.active];
    });
  };
  Worksheets.prototype.getItem = function (name) {
    return new Worksheet(this.context, function () {
      return sheetByName(name);
    });
  };
  Worksheets.prototype.add = function (name) {
    enqueue(this.context, function () {
      var exists = state.sheets.some(function (s) {
        return s.name.toLowerCase() === String(name).toLowerCase();
      });
      if (exists) throw officeError('ItemAlreadyExists', 'sheet exists ' + name);
      state.sheets.push(newSheet(name));
    });
    return new Worksheet(this.context, function () {
      return sheetByName(name);
    });
  };

  function Worksheet(ctx, resolve) {
    var self = this;
    this.context = ctx;
    this._resolve = resolve;
    loadable(this, ['name', 'id']);
    this.comments = new Comments(ctx, resolve);
    var protection = {
      protect: function (opts) {
        enqueue(ctx, function () {
          resolve().protected = opts || {};
        });
      },
    };
    loadable(protection, ['protected']);
    protection.load = function () {
      enqueue(ctx, function () {
        protection._data.protected = !!resolve().protected;
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
        var sh = resolve();
        if (want.indexOf('name') >= 0 || !want.length) self._data.name = sh.name;
        self._data.id = sh.id;
      });
      return self;
    };
  }
  Worksheet.prototype.activate = function () {
    var r = this._resolve;
    enqueue(this.context, function () {
      state.active = state.sheets.indexOf(r());
    });
  };
  Worksheet.prototype.getRange = function (addr) {
    var r = this._resolve;
    return new Range(this.context, r, function () {
      if (!addr) return { r0: 0, c0: 0, r1: 1048575, c1: 16383, whole: true };
      return parseAddress(addr, r().name);
    });
  };
  Worksheet.prototype.getRangeByIndexes = function (row, col, rows, cols) {
    return new Range(this.context, this._resolve, function () {
      return { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
    });
  };
  Worksheet.prototype.getRanges = function (addrs) {
    var ctx = this.context,
      resolve = this._resolve;
    return {
      select: function () {
        enqueue(ctx, function () {
          var sh = resolve();
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
  Worksheet.prototype.getUsedRangeOrNullObject = function () {
    var resolve = this._resolve;
    var rg = new Range(this.context, resolve, function () {
      return usedBox(resolve());
    });
    rg._nullable = true;
    return rg;
  };
  Worksheet.prototype.getUsedRange = function () {
    var resolve = this._resolve;
    return new Range(this.context, resolve, function () {
      var b = usedBox(resolve());
      if (!b) throw officeError('ItemNotFound', 'empty sheet');
      return b;
    });
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
    };
    loadable(this, ['values', 'formulas', 'rowIndex', 'columnIndex', 'address', 'rowCount', 'columnCount', 'isNullObject']);
    this.format = new RangeFormat(ctx, this);
    var dv = {};
    ['rule', 'prompt', 'errorAlert'].forEach(function (p) {
      Object.defineProperty(dv, p, {
        enumerable: true,
        set: function (v) {
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
        var vals = [],
          fs = [];
        for (var r = b.r0; r <= b.r1; r++) {
          var vr = [],
            fr = [];
          for (var c = b.c0; c <= b.c1; c++) {
            var x = cellAt(sh, r, c);
            var v = x && x.value !== undefined && x.value !== null ? x.value : '';
            vr.push(v);
            fr.push(x && x.formula ? '=' + x.formula : v);
          }
          vals.push(vr);
          fs.push(fr);
        }
        var all = {
          values: vals,
          formulas: fs,
          rowIndex: b.r0,
          columnIndex: b.c0,
          rowCount: b.r1 - b.r0 + 1,
          columnCount: b.c1 - b.c0 + 1,
          address: quote(sh.name) + '!' + a1(b.r0, b.c0) + (b.r1 !== b.r0 || b.c1 !== b.c0 ? ':' + a1(b.r1, b.c1) : ''),
        };
        (want.length ? want : Object.keys(all)).forEach(function (p) {
          if (p in all) self._data[p] = all[p];
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
        } else {
          delete x.formula;
          x.value = v === '' ? null : v;
        }
        clean(sh, r, c);
      }
    recalc(sh);
    fireChanged(sh, b, 'Local');
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
      state.active = state.sheets.indexOf(sh);
      state.selection = { sheet: sh.name, address: a1(b.r0, b.c0) + (b.r1 !== b.r0 || b.c1 !== b.c0 ? ':' + a1(b.r1, b.c1) : '') };
    });
  };
  Range.prototype.getMergedAreasOrNullObject = function () {
    var self = this,
      ctx = this.context;
    var areas = { context: ctx, _data: {} };
    loadable(areas, ['address', 'isNullObject']);
    areas.load = function () {
      enqueue(ctx, function () {
        var sh = self._sheet(),
          b = self._box();
        var ms = sh.merges.filter(function (m) {
          return m.r0 >= b.r0 && m.c0 >= b.c0 && m.r1 <= b.r1 && m.c1 <= b.c1;
        });
        areas._data.isNullObject = !ms.length;
        if (ms.length)
          areas._data.address = ms
            .map(function (m) {
              return quote(sh.name) + '!' + a1(m.r0, m.c0) + ':' + a1(m.r1, m.c1);
            })
            .join(', ');
      });
      return areas;
    };
    return areas;
  };

  /** range.format: fill (color loadable, clear), font, alignment, borders, protection, columnWidth; stored per cell. */
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
    this.protection = {};
    Object.defineProperty(this.protection, 'locked', {
      enumerable: true,
      set: function (v) {
        enqueue(ctx, function () {
          range._each(function (x) {
            x.locked = v ? undefined : false;
          });
        });
      },
    });
    this.borders = {
      getItem: function (edge) {
        var o = {};
        Object.defineProperty(o, 'style', { set: setter('border.' + edge) });
        Object.defineProperty(o, 'color', { set: setter('borderColor.' + edge) });
        return o;
      },
    };
    var fill = {
      _setters: {
        color: function (v) {
          enqueue(ctx, function () {
            range._each(function (x) {
              x.fill = String(v).toUpperCase();
            });
          });
        },
      },
    };
    loadable(fill, ['color']);
    fill.load = function () {
      enqueue(ctx, function () {
        var sh = range._sheet(),
          b = range._box();
        var x = cellAt(sh, b.r0, b.c0);
        fill._data.color = x && x.fill ? x.fill : '#FFFFFF'; // Excel reports no fill as white
      });
      return fill;
    };
    fill.clear = function () {
      enqueue(ctx, function () {
        range._each(function (x) {
          delete x.fill;
        });
      });
    };
    this.fill = fill;
  }

  function Comments(ctx, sheetResolve) {
    var self = this;
    this.context = ctx;
    loadable(this, ['items']);
    this.load = function () {
      enqueue(ctx, function () {
        var list = [];
        var sheets = sheetResolve ? [sheetResolve()] : state.sheets;
        sheets.forEach(function (sh) {
          Object.keys(sh.comments).forEach(function (k) {
            list.push({ id: sh.name + '!' + k, content: sh.comments[k] });
          });
        });
        self._data.items = list;
      });
      return self;
    };
  }
  Comments.prototype.add = function (addr, content) {
    var ctx = this.context;
    enqueue(ctx, function () {
      var p = parseAddress(addr, state.sheets[state.active].name);
      var sh = sheetByName(p.sheet);
      var k = a1(p.r0, p.c0);
      if (sh.comments[k] !== undefined) throw officeError('InvalidOperation', 'a comment exists at ' + k);
      sh.comments[k] = content;
    });
  };
  Comments.prototype.getItemByCell = function (addr) {
    var ctx = this.context;
    return {
      delete: function () {
        enqueue(ctx, function () {
          var p = parseAddress(addr, state.sheets[state.active].name);
          var sh = sheetByName(p.sheet);
          var k = a1(p.r0, p.c0);
          if (sh.comments[k] === undefined) throw officeError('ItemNotFound', 'no comment at ' + k);
          delete sh.comments[k];
        });
      },
    };
  };

  // ———————————————————————————————————————— globals
  window.Excel = {
    run: function (a, b) {
      var fn = typeof a === 'function' ? a : b;
      state.runs++;
      var ctx = new Ctx();
      return Promise.resolve().then(function () {
        return fn(ctx);
      });
    },
    createWorkbook: function (base64) {
      state.created.push(base64);
      return Promise.resolve();
    },
    RequestContext: Ctx,
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady: function (cb) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (cb) cb(info);
          resolve(info);
        }, 5);
      });
    },
    context: {
      requirements: {
        isSetSupported: function (name, v) {
          return name === 'ExcelApi' && vnum(v || '1.1') <= vnum(API);
        },
      },
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: 'fake' },
    },
  };

  // ———————————————————————————————————————— the test's handle
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
    sheetNames: function () {
      return state.sheets.map(function (s) {
        return s.name;
      });
    },
    /** The user types into a cell (not through the add-in): value, recalc, change event. */
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
      fireChanged(sh, p, 'Local');
      flushEvents();
    },
    /** The user adds a comment of their own. */
    comment: function (sheet, addr, text) {
      sheetByName(sheet).comments[addr] = text;
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
      return JSON.stringify({
        cells: cells,
        merges: sh.merges,
        comments: sh.comments,
        protected: sh.protected,
        colWidths: sh.colWidths,
        names: sh.names,
      });
    },
    fills: function (sheet) {
      var sh = sheetByName(sheet),
        out = {};
      Object.keys(sh.cells).forEach(function (k) {
        if (sh.cells[k].fill) {
          var rc = k.split(',');
          out[a1(Number(rc[0]), Number(rc[1]))] = sh.cells[k].fill;
        }
      });
      return out;
    },
    comments: function (sheet) {
      return JSON.parse(JSON.stringify(sheetByName(sheet).comments));
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
      for (var c = 0; c < cols; c++) out.push('<col style="width:' + Math.round((sh.colWidths[c] || 60 / 7) * 5.2) + 'px">');
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
          if (x.fill) style.push('background:' + x.fill);
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
