/**
 * What a saved web page says about itself: its title (<title>, else the first <h1>) and the date
 * it was published (发布日期：2024-01-15, 发布时间:2024年01月15日, 来源：… 时间：…, a header line
 * "2022年01月18日 来源：…", a header table's cells 公开日期 | 2024-01-17, or a meta tag
 * such as <meta name="PubDate" content="2024-01-15 10:00">). An evaluator judges timeliness from
 * the date (条例第四十九条) and may place a report by the title; both keep where they were read.
 * Only labelled dates are taken (never a date in the report's sentences); of several, the earliest,
 * so that a page is never judged late on a later date (an update) when it also shows an earlier one.
 */
import { isEl, type El, type Node } from './html-tree';
import { fold } from './fold';

export interface PageFacts {
  title?: { text: string; ref: string };
  published?: { date: string; ref: string };
}

/** Meta tags that portal systems (拓尔思, 开普云, …) and the Open Graph protocol use for the first publication. */
const META_NAMES = new Set([
  'pubdate',
  'publishdate',
  'firstpublishedtime',
  'article:published_time',
  'og:published_time',
  'dc.date.issued',
]);

/** A label of the page's date, then the date: 2024-01-15, 2024/1/15, 2024.01.15 or 2024年1月15日. */
const LABELLED =
  /(?:发布日期|发布时间|发稿时间|发表时间|公开日期|公开时间|来源[:：][^:：]{0,40}?时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
/** A page's header line that opens on its date, then the source or the counter: "2022年01月18日来源:…", "2024-01-15 10:00 浏览次数". */
const DATE_THEN_SOURCE =
  /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\d{1,2}:\d{2}(?::\d{2})?)?(?:来源|信息来源|浏览|点击|阅读|访问|字号|【)/;
/** A cell that labels the next one as the page's date. */
const DATE_LABEL = /^(发布日期|发布时间|发稿时间|发表时间|公开日期|公开时间)[:：]?$/;
const PLAIN_DATE = /^\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

/** yyyy-mm-dd when the three parts make a real date, else null. */
function isoDate(y: string, m: string, d: string): string | null {
  const year = Number(y),
    month = Number(m),
    day = Number(d);
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a line labels as the page's own, or null. Lines of the report's text are long; labels are short. */
export function labelledDate(text: string): string | null {
  if (text.length > 200) return null;
  const f = fold(text);
  const m = LABELLED.exec(f) ?? DATE_THEN_SOURCE.exec(f);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

const earlier = (a: PageFacts['published'], b: PageFacts['published']) => (!a || (b && b.date < a.date) ? b : a);

/** The facts of a page read as text (a saved page's text, or an HTML page without tables): its labelled date. */
export function textPageFacts(lines: readonly { line: number; text: string }[]): PageFacts {
  let published: PageFacts['published'];
  for (const l of lines) {
    const date = labelledDate(l.text);
    if (date) published = earlier(published, { date, ref: `line ${l.line}` });
  }
  return published ? { published } : {};
}

/** An element's text, and the line of its first visible character (as the page's lines of text count it). */
const textOf = (el: El): { text: string; ref: string } => {
  const parts: string[] = [];
  let line = -1;
  const todo: Node[] = [el];
  while (todo.length) {
    const n = todo.pop()!;
    if (isEl(n)) for (let k = n.children.length - 1; k >= 0; k--) todo.push(n.children[k]);
    else {
      if (line < 0 && n.text.trim()) line = n.line;
      parts.push(n.text);
    }
  }
  if (line < 0) line = el.line;
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), ref: `line ${line}` };
};

/**
 * A header cell's short text, or null for a cell that holds a table or much text (a layout cell
 * around the page): bounded, so that reading every row stays linear in the page.
 */
function shortText(el: El): { text: string; ref: string } | null {
  if (el.hasTable) return null;
  const parts: string[] = [];
  let line = -1,
    size = 0,
    nodes = 0;
  const todo: Node[] = [el];
  while (todo.length) {
    if (++nodes > 32) return null;
    const n = todo.pop()!;
    if (isEl(n)) for (let k = n.children.length - 1; k >= 0; k--) todo.push(n.children[k]);
    else {
      if (line < 0 && n.text.trim()) line = n.line;
      size += n.text.length;
      if (size > 80) return null;
      parts.push(n.text);
    }
  }
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text ? { text, ref: `line ${line}` } : null;
}

/** The facts of an HTML page: meta tags and <title>/<h1> from the tree, labelled dates from its lines of text. */
export function htmlPageFacts(root: El, lines: readonly { line: number; text: string }[]): PageFacts {
  const facts = textPageFacts(lines);
  let title: PageFacts['title'];
  let h1: PageFacts['title'];
  const todo: Node[] = [root];
  while (todo.length) {
    const n = todo.pop()!;
    if (!isEl(n)) continue;
    if (n.tag === 'tr') {
      // A portal's 信息公开 header table: 索引号 … | 公开日期 | 2024-01-17 (the label and the date in cells side by side).
      const cells = n.children.filter((c): c is El => isEl(c) && (c.tag === 'td' || c.tag === 'th'));
      for (let k = 0; k + 1 < cells.length && k < 16; k++) {
        const label = shortText(cells[k]);
        if (!label || !DATE_LABEL.test(fold(label.text))) continue;
        const value = shortText(cells[k + 1]);
        const m = value ? PLAIN_DATE.exec(fold(value.text)) : null;
        const date = m && isoDate(m[1], m[2], m[3]);
        if (date && value) facts.published = earlier(facts.published, { date, ref: value.ref });
      }
    } else if (n.tag === 'meta') {
      const name = (n.attrs.name ?? n.attrs.property ?? '').toLowerCase();
      const m = META_NAMES.has(name) ? PLAIN_DATE.exec(n.attrs.content ?? '') : null;
      const date = m && isoDate(m[1], m[2], m[3]);
      if (date) facts.published = earlier(facts.published, { date, ref: `line ${n.line}` });
    } else if (n.tag === 'title' && !title) {
      const t = textOf(n);
      if (t.text) title = t;
    } else if (n.tag === 'h1' && !h1) {
      const t = textOf(n);
      if (t.text) h1 = t;
    }
    for (let k = n.children.length - 1; k >= 0; k--) todo.push(n.children[k]);
  }
  const t = title ?? h1;
  return t ? { ...facts, title: t } : facts;
}
