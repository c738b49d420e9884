/**
 * An HTML page as a tree, without a DOM (core runs in node and in the browser alike): a small
 * tolerant tokenizer and tree builder (unclosed tags, implied end tags of cells, rows and
 * paragraphs, stray end tags, tables nested in layout tables, depth capped), entities decoded,
 * the raw text of <script>/<style> and the like skipped. Every node keeps the source line of its
 * start. Linear time in the size of the input.
 */
import { decodeEntities } from './html-entities';

/** Elements nested deeper than this are flattened into their ancestor (hostile input). */
const MAX_DEPTH = 200;

export interface El {
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
export type Node = El | Txt;
export const isEl = (n: Node): n is El => (n as El).tag !== undefined;

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
/** Elements whose content is never text of the page (scripts, styles, forms, embedded objects). */
export const SKIP = new Set([
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
const TABLE_PARTS = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup']);

/** Tokenize and build a tolerant tree. */
export function buildTree(html: string): El {
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
