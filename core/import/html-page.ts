/**
 * An HTML page's tree (html-tree.ts) as what a report is made of, in document order: lines of text
 * (whitespace collapsed, <br> and block elements ending a line) and data tables (tables holding no
 * other table; a layout table around them is read as text), each cell's text with its spans.
 */
import { MAX_SPAN } from './common';
import { isEl, SKIP, type El, type Node } from './html-tree';

/** Elements that end a line of text. */
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

export interface TableItem {
  kind: 'table';
  line: number;
  rows: { line: number; cells: { text: string; line: number; rowSpan: number; colSpan: number }[] }[];
}
export interface TextItem {
  kind: 'text';
  line: number;
  text: string;
}
export type Item = TableItem | TextItem;

/** The page as a sequence of text lines and data tables, in document order. */
export function flatten(root: El): Item[] {
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
