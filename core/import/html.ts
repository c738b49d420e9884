/**
 * A published report as an HTML page turned into a Book, without a DOM (core runs in node and in
 * the browser alike): a small tolerant tokenizer and tree builder (unclosed tags, stray end tags,
 * tables nested in layout tables, depth capped), <table>/<tr>/<td>/<th> expanded with rowspan
 * and colspan into Grid merges, entities decoded, <br> → newline, <script>/<style> ignored.
 * Text outside tables is kept as text lines; every ref is `line N` of the source (for a cell: the
 * line of its start tag). Linear time in the size of the input.
 */
import type { Book, Merge } from '../read/grid';
import {
  MAX_COLS,
  MAX_SPAN,
  cellValue,
  isTextSection,
  linesGrid,
  sectionHeading,
  type RowOut,
  type SourceLine,
  type TextLine,
} from './common';
import { parseLines, type ParsedText } from './text';

/** Elements nested deeper than this are flattened into their ancestor (hostile input). */
const MAX_DEPTH = 200;
/** Largest number of grid cells one HTML table may expand to (spans beyond are clamped to 1). */
const MAX_TABLE_AREA = 1_000_000;

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  line: number;
  hasTable?: boolean;
}
interface Txt {
  text: string;
  line: number;
}
type Node = El | Txt;
const isEl = (n: Node): n is El => (n as El).tag !== undefined;

const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'col',
  'area',
  'base',
  'wbr',
  'source',
  'embed',
  'param',
  'track',
  'keygen',
  'frame',
]);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template', 'xmp', 'iframe', 'noembed', 'noframes']);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'noembed',
  'noframes',
  'svg',
  'math',
  'object',
  'select',
  'button',
]);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'center',
  'dl',
  'dt',
  'dd',
  'form',
  'body',
  'html',
  'main',
  'nav',
  'address',
  'figure',
  'figcaption',
  'caption',
  'table',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'title',
  'aside',
  'fieldset',
  'legend',
  'textarea',
  'xmp',
]);
const TABLE_PARTS = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  times: '×',
  divide: '÷',
  plusmn: '±',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  laquo: '«',
  raquo: '»',
  bull: '•',
  yen: '¥',
  minus: '−',
  permil: '‰',
  sect: '§',
  para: '¶',
  shy: '',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  ordm: 'º',
  frac12: '½',
};

/** Decode character references (&amp; &#20013; &#x4e2d; and common named ones); unknown ones are left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const v = NAMED[body] ?? NAMED[body.toLowerCase()];
    return v === undefined ? m : v;
  });
}

/** Tokenize and build a tolerant tree. */
function buildTree(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [], line: 1 };
  const stack: El[] = [root];
  const n = html.length;
  // Line numbers: positions only move forward, and so does the next newline (searching afresh
  // from each position would scan a long line once per tag: quadratic on a one-line page).
  let line = 1;
  let nextNewline = html.indexOf('\n');
  if (nextNewline < 0) nextNewline = n;
  const lineAt = (pos: number) => {
    while (nextNewline < pos) {
      line++;
      nextNewline = html.indexOf('\n', nextNewline + 1);
      if (nextNewline < 0) nextNewline = n;
    }
    return line;
  };
  const top = () => stack[stack.length - 1];
  // A text node's line is the line of its first visible character.
  const addText = (text: string, pos: number) => {
    if (!text) return;
    const lead = text.search(/\S/);
    top().children.push({ text: decodeEntities(text), line: lineAt(pos + Math.max(0, lead)) });
  };
  const nearest = (names: Set<string> | string, stopAtTable: boolean) => {
    for (let k = stack.length - 1; k > 0; k--) {
      const t = stack[k].tag;
      if (typeof names === 'string' ? t === names : names.has(t)) return k;
      if (stopAtTable && t === 'table') return -1;
    }
    return -1;
  };
  const popTo = (k: number) => {
    if (k > 0) stack.length = k;
  }; // removes stack[k] and above
  const CELL = new Set(['td', 'th']);
  const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
  const open = (tag: string, attrs: Record<string, string>, pos: number) => {
    // Implied end tags.
    if (tag === 'td' || tag === 'th') {
      const k = nearest(CELL, true);
      if (k > 0 && nearest('tr', true) < k) popTo(k);
      if (nearest('tr', true) < 0 && nearest('table', false) > 0 && top().tag !== 'tr') {
        const t = nearest('table', false);
        const s = nearest(SECTIONS, true);
        popTo(Math.max(t, s) + 1);
        push('tr', {}, pos);
      }
    } else if (tag === 'tr') {
      const k = nearest('tr', true);
      if (k > 0) popTo(k);
    } else if (SECTIONS.has(tag)) {
      const t = nearest('table', false);
      if (t > 0) popTo(t + 1);
    } else if (tag === 'p' || tag === 'li' || tag === 'dt' || tag === 'dd') {
      const k = nearest(tag === 'p' ? 'p' : tag, true);
      if (k > 0) popTo(k);
    }
    push(tag, attrs, pos);
  };
  const push = (tag: string, attrs: Record<string, string>, pos: number) => {
    const el: El = { tag, attrs, children: [], line: lineAt(pos) };
    top().children.push(el);
    if (!VOID.has(tag) && stack.length < MAX_DEPTH) stack.push(el);
  };
  const close = (tag: string) => {
    const k = nearest(tag, TABLE_PARTS.has(tag) || tag === 'p' || tag === 'li');
    if (k > 0) popTo(k);
  };

  let i = 0;
  let textStart = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      addText(html.slice(textStart, lt), textStart);
      const end = html.indexOf('-->', lt + 4);
      i = textStart = end < 0 ? n : end + 3;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      addText(html.slice(textStart, lt), textStart);
      const end = html.indexOf('>', lt + 2);
      i = textStart = end < 0 ? n : end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    let j = nameStart;
    while (j < n && isNameChar(html.charCodeAt(j), j === nameStart)) j++;
    if (j === nameStart) {
      i = lt + 1;
      continue;
    } // a literal '<'
    addText(html.slice(textStart, lt), textStart);
    const tag = html.slice(nameStart, j).toLowerCase();
    // Attributes, up to the '>' that is not inside quotes.
    const attrs: Record<string, string> = {};
    let k = j;
    while (k < n && html.charCodeAt(k) !== 62 /* > */) {
      const c = html.charCodeAt(k);
      if (c === 34 || c === 39 || c === 47 || c <= 32) {
        k++;
        continue;
      }
      let e = k;
      while (e < n) {
        const d = html.charCodeAt(e);
        if (d <= 32 || d === 61 || d === 62 || d === 47) break;
        e++;
      }
      if (e === k) {
        k++;
        continue;
      }
      const name = html.slice(k, e).toLowerCase();
      k = e;
      while (k < n && html.charCodeAt(k) <= 32) k++;
      let value = '';
      if (html.charCodeAt(k) === 61 /* = */) {
        k++;
        while (k < n && html.charCodeAt(k) <= 32) k++;
        const q = html.charCodeAt(k);
        if (q === 34 || q === 39) {
          const end = html.indexOf(q === 34 ? '"' : "'", k + 1);
          value = html.slice(k + 1, end < 0 ? n : end);
          k = end < 0 ? n : end + 1;
        } else {
          let e2 = k;
          while (e2 < n && html.charCodeAt(e2) > 32 && html.charCodeAt(e2) !== 62) e2++;
          value = html.slice(k, e2);
          k = e2;
        }
      }
      if (!(name in attrs) && Object.keys(attrs).length < 64) attrs[name] = decodeEntities(value);
    }
    const tagEnd = Math.min(k + 1, n);
    if (closing) {
      close(tag);
      i = textStart = tagEnd;
      continue;
    }
    open(tag, attrs, lt);
    i = textStart = tagEnd;
    if (RAW.has(tag) && html.charCodeAt(k - 1) !== 47) {
      // Raw text up to </tag (case-insensitive), without lowering the whole input.
      let from = tagEnd;
      let end = -1;
      for (;;) {
        const c = html.indexOf('</', from);
        if (c < 0) break;
        if (html.slice(c + 2, c + 2 + tag.length).toLowerCase() === tag) {
          end = c;
          break;
        }
        from = c + 2;
      }
      const stop = end < 0 ? n : end;
      if (!SKIP.has(tag)) addText(html.slice(tagEnd, stop), tagEnd);
      close(tag);
      const gt = end < 0 ? -1 : html.indexOf('>', end);
      i = textStart = end < 0 ? n : gt < 0 ? n : gt + 1;
    }
  }
  addText(html.slice(textStart), textStart);
  markTables(root);
  return root;
}

function isNameChar(c: number, first: boolean): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return !first && ((c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95);
}

/** Marks elements that contain a <table> (iteratively: the tree can be deep). */
function markTables(root: El): void {
  const order: El[] = [];
  const todo: El[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    order.push(el);
    for (const ch of el.children) if (isEl(ch)) todo.push(ch);
  }
  const parent = new Map<El, El>();
  for (const el of order) for (const ch of el.children) if (isEl(ch)) parent.set(ch, el);
  for (let k = order.length - 1; k >= 0; k--) {
    const el = order[k];
    const p = parent.get(el);
    if (p && (el.tag === 'table' || el.hasTable)) p.hasTable = true;
  }
}

/** Collapsed text of a subtree: whitespace runs → one space, <br> and blocks → newline. */
class TextSink {
  parts: { text: string; line: number }[] = [];
  add(text: string, line: number) {
    this.parts.push({ text, line });
  }
  br(line: number) {
    this.parts.push({ text: '\n', line });
  }
  /** Lines of text, each with the line of its first visible character. */
  take(): { text: string; line: number }[] {
    const out: { text: string; line: number }[] = [];
    let cur = '';
    let curLine = -1;
    const flush = () => {
      const t = cur.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
      if (t) out.push({ text: t, line: curLine });
      cur = '';
      curLine = -1;
    };
    for (const p of this.parts) {
      if (p.text === '\n') {
        flush();
        continue;
      }
      if (curLine < 0 && /\S/.test(p.text.replace(/\u00a0/g, ' '))) curLine = p.line;
      cur += p.text;
    }
    flush();
    this.parts = [];
    return out;
  }
}

interface TableItem {
  kind: 'table';
  line: number;
  rows: { line: number; cells: { text: string; line: number; rowSpan: number; colSpan: number }[] }[];
}
interface TextItem {
  kind: 'text';
  line: number;
  text: string;
}
type Item = TableItem | TextItem;

/** The page as a sequence of text lines and data tables, in document order. */
function flatten(root: El): Item[] {
  const items: Item[] = [];
  const sink = new TextSink();
  const flushText = () => {
    for (const t of sink.take()) items.push({ kind: 'text', line: t.line, text: t.text });
  };
  // Iterative walk: [node, phase] where phase 1 = after children.
  const walk = (start: El, into: TextSink, blocks: boolean) => {
    const todo: [Node, boolean][] = [[start, false]];
    while (todo.length) {
      const [node, after] = todo.pop()!;
      if (!isEl(node)) {
        into.add(node.text, node.line);
        continue;
      }
      if (after) {
        if (BLOCK.has(node.tag)) {
          into.br(node.line);
          if (blocks && into === sink) flushText();
        }
        continue;
      }
      if (SKIP.has(node.tag)) continue;
      if (node.tag === 'br') {
        into.br(node.line);
        continue;
      }
      if (blocks && node.tag === 'table' && !node.hasTable && node !== start) {
        into.br(node.line);
        flushText();
        const t = readTable(node);
        if (t.caption) for (const c of t.caption) items.push({ kind: 'text', line: c.line, text: c.text });
        if (t.table.rows.length) items.push(t.table);
        continue;
      }
      if (BLOCK.has(node.tag)) {
        into.br(node.line);
        if (blocks && into === sink) flushText();
      }
      todo.push([node, true]);
      for (let k = node.children.length - 1; k >= 0; k--) todo.push([node.children[k], false]);
    }
  };
  walk(root, sink, true);
  flushText();
  return items;
}

function readTable(table: El): { table: TableItem; caption: { text: string; line: number }[] | null } {
  const rows: TableItem['rows'] = [];
  let caption: { text: string; line: number }[] | null = null;
  // Rows of this table only (not of tables nested in its cells: there are none, the caller checked).
  const todo: Node[] = [...table.children].reverse();
  while (todo.length) {
    const node = todo.pop()!;
    if (!isEl(node)) continue;
    if (node.tag === 'caption') {
      const s = new TextSink();
      collect(node, s);
      caption = s.take();
      continue;
    }
    if (node.tag === 'tr') {
      const cells: TableItem['rows'][number]['cells'] = [];
      for (const ch of node.children) {
        if (!isEl(ch) || (ch.tag !== 'td' && ch.tag !== 'th')) continue;
        const s = new TextSink();
        collect(ch, s);
        const text = s
          .take()
          .map((t) => t.text)
          .join('\n');
        cells.push({ text, line: ch.line, rowSpan: span(ch.attrs.rowspan), colSpan: span(ch.attrs.colspan) });
      }
      rows.push({ line: node.line, cells });
      continue;
    }
    if (SKIP.has(node.tag)) continue;
    for (let k = node.children.length - 1; k >= 0; k--) todo.push(node.children[k]);
  }
  return { table: { kind: 'table', line: table.line, rows }, caption };
}

function collect(el: El, sink: TextSink): void {
  const todo: [Node, boolean][] = [[el, false]];
  while (todo.length) {
    const [node, after] = todo.pop()!;
    if (!isEl(node)) {
      sink.add(node.text, node.line);
      continue;
    }
    if (after) {
      if (BLOCK.has(node.tag) && node !== el) sink.br(node.line);
      continue;
    }
    if (SKIP.has(node.tag)) continue;
    if (node.tag === 'br') {
      sink.br(node.line);
      continue;
    }
    if (BLOCK.has(node.tag) && node !== el) sink.br(node.line);
    todo.push([node, true]);
    for (let k = node.children.length - 1; k >= 0; k--) todo.push([node.children[k], false]);
  }
}

function span(v: string | undefined): number {
  if (!v) return 1;
  const m = /^\s*([0-9]{1,7})/.exec(v);
  const x = m ? parseInt(m[1], 10) : 1;
  return x >= 1 ? Math.min(x, MAX_SPAN) : 1;
}

export function htmlToBook(html: string, name: string): Book {
  return parseHtml(html, name).book;
}

export function parseHtml(html: string, name: string): ParsedText {
  const items = flatten(buildTree(html.charCodeAt(0) === 0xfeff ? html.slice(1) : html));
  const tables = items.filter((x): x is TableItem => x.kind === 'table');
  if (!tables.length) {
    // A page with no <table>: its text may still hold tables (one cell per paragraph, tabs, spaces).
    const lines: SourceLine[] = items.map((x) => ({ line: x.line, text: (x as TextItem).text }));
    return parseLines(lines, name, 'text');
  }
  const hasSections = items.some((x) => x.kind === 'text' && sectionHeading(x.text) > 0);
  const rows: RowOut[] = [];
  const merges: Merge[] = [];
  const textLines: TextLine[] = [];
  let section = 0;
  for (const item of items) {
    if (item.kind === 'text') {
      const n = sectionHeading(item.text);
      if (n > section) section = n;
      const inText = !hasSections || isTextSection(section);
      if (inText) textLines.push({ ref: `line ${item.line}`, text: item.text });
      if (!hasSections || !isTextSection(section) || (section === 0 && item.text.length <= 60))
        rows.push({ cells: [item.text], lines: [item.line] });
      continue;
    }
    placeTable(item, rows, merges);
  }
  return { book: { name, grids: [linesGrid(name, 'sheet', rows, merges)] }, textLines };
}

/** The HTML table algorithm: each cell goes to the next free slot of its row; spans occupy slots below and right. */
function placeTable(t: TableItem, rows: RowOut[], merges: Merge[]): void {
  const r0 = rows.length;
  const taken: Uint8Array[] = [];
  const slot = (r: number) => (taken[r] ??= new Uint8Array(MAX_COLS));
  let area = 0;
  for (const row of t.rows) area += row.cells.reduce((a, c) => a + c.rowSpan * c.colSpan, 0);
  const clamp = area > MAX_TABLE_AREA;
  const out: RowOut[] = [];
  const ensure = (r: number) => {
    while (out.length <= r) out.push({ cells: [], lines: [] });
    return out[r];
  };
  t.rows.forEach((row, r) => {
    ensure(r);
    let c = 0;
    for (const cell of row.cells) {
      const s = slot(r);
      while (c < MAX_COLS && s[c]) c++;
      if (c >= MAX_COLS) break;
      const rs = clamp ? 1 : Math.min(cell.rowSpan, MAX_SPAN);
      const cs = clamp ? 1 : Math.min(cell.colSpan, MAX_COLS - c);
      // A rowspan never reaches past the table's last row.
      const rEnd = Math.min(r + rs - 1, Math.max(t.rows.length - 1, r));
      for (let y = r; y <= rEnd; y++) {
        const sy = slot(y);
        for (let x = c; x < c + cs; x++) sy[x] = 1;
      }
      const o = ensure(r);
      while (o.cells.length < c) {
        o.cells.push(null);
        o.lines.push(cell.line);
      }
      o.cells[c] = cellValue(cell.text);
      o.lines[c] = cell.line;
      if (rEnd > r || cs > 1) merges.push({ r0: r0 + r, c0: c, r1: r0 + rEnd, c1: c + cs - 1 });
      // Covered slots carry the cell's line too (refs of merged areas).
      for (let y = r; y <= rEnd; y++) {
        const oy = ensure(y);
        for (let x = y === r ? c + 1 : c; x < c + cs; x++) {
          while (oy.cells.length < x) {
            oy.cells.push(null);
            oy.lines.push(cell.line);
          }
          if (oy.cells.length === x) {
            oy.cells.push(null);
            oy.lines.push(cell.line);
          } else oy.lines[x] = cell.line;
        }
      }
      c += cs;
    }
  });
  for (const o of out) {
    while (o.cells.length && o.cells[o.cells.length - 1] === null) {
      o.cells.pop();
      o.lines.pop();
    }
    if (!o.lines.length) o.lines.push(t.line);
    rows.push(o);
  }
}
