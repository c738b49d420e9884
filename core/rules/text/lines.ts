/**
 * The report's text lines made ready for the text.* rules: sentences wrapped over several lines
 * joined again (text copied from a PDF breaks lines anywhere: "…受理政府" / "信息公开申请17件").
 */
import { sectionHeading, type TextLine } from '../../import/common';

/** A line that starts a heading or an item: never the continuation of the line above. */
const HEADING =
  /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十]+[，、章节条是]|[一二三四五六七八九十]是|[0-9]+[.．、](?![0-9]))/;
/** How a sentence ends (a line ending so is complete). */
const ENDS = /[。！？；：!?;:」”]$/;

/** Shortest line taken for a wrapped one: a PDF or a page column is wider than this; a short line is a heading or a title. */
const MIN_WRAPPED = 16;

/**
 * Lines as sentences are written: a line of at least MIN_WRAPPED characters that ends no
 * sentence, followed by one that is no heading, continues on it. The joined line keeps the
 * first line's ref.
 */
export function joinWrapped(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let open = false;
  for (const l of lines) {
    const text = l.text.trim();
    if (!text) continue;
    const prev = out[out.length - 1];
    if (prev && open && !HEADING.test(text) && !sectionHeading(text)) prev.text += text;
    else out.push({ ref: l.ref, text });
    const last = out[out.length - 1];
    // A line is open when it is long enough to have been wrapped and stops mid-sentence; a heading ("（四）…情况") is complete.
    const heading = HEADING.test(text) && !/[。；！？;!?]/.test(text);
    open = !heading && Array.from(text).length >= MIN_WRAPPED && !ENDS.test(last.text);
  }
  return out;
}
