/**
 * A report's text as the evaluator's text checks read it: its lines by section (一 … 六, headings as
 * the readers recognise them, core/import/common.ts), its sentences, and whether the text is whole.
 * A copy of a page cut short must never be accused of missing sections: the text is judged whole
 * only when the report's tables are all there and either section 六 is there or the text after the
 * tables ends the report (a date line, the page's footer).
 */
import type { ReportData } from '../model/report';
import { sectionHeading } from '../import/common';
import { fold } from '../import/fold';
import { joinWrapped, sentences } from '../rules/text';

export interface SectionLine {
  ref: string;
  text: string;
  /** The section the line is in (0 before 一); a heading line is in its own section. */
  section: number;
  heading: boolean;
}

const lineNo = (ref: string): number | null => {
  const m = /^line (\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
};

/**
 * The report's text lines, each with its section. Lines from section 一 on are joined where a
 * sentence was wrapped (a PDF's lines); the lines before it — title, the page's header, date — are
 * each a line of their own, never run into one sentence.
 */
export function sectionLines(report: ReportData): SectionLine[] {
  const all = report.textLines ?? [];
  const first = all.findIndex((l) => sectionHeading(l.text) > 0);
  const head = first < 0 ? all : all.slice(0, first);
  let section = 0;
  const out: SectionLine[] = [];
  for (const l of [...head.filter((x) => x.text.trim()), ...joinWrapped(first < 0 ? [] : all.slice(first))]) {
    const n = sectionHeading(l.text);
    if (n > section) section = n;
    out.push({ ref: l.ref, text: l.text, section, heading: n > 0 && n === section });
  }
  return out;
}

/** Each sentence of the lines, with the line it is on. */
export function sentencesOf(lines: readonly SectionLine[]): { ref: string; text: string; section: number }[] {
  const out: { ref: string; text: string; section: number }[] = [];
  for (const l of lines) for (const s of sentences(l.text)) out.push({ ref: l.ref, text: s, section: l.section });
  return out;
}

/** A line that ends a report: its date (2024年1月20日), or the page's footer after it. */
const ENDING =
  /^((19|20)\d{2}年\d{1,2}月\d{1,2}日|(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})$|主办单位|承办单位|版权所有|网站标识码|ICP备|网站地图|联系我们|关闭窗口|打印本页/;

/** Whether the text reaches the end of the report (see the file's comment), and the line that shows it. */
export function wholeText(report: ReportData, lines: readonly SectionLine[]): { index: number; ref: string; text: string } | null {
  if (!['T2', 'T3', 'T4'].every((t) => report.tables.includes(t))) return null;
  const six = lines.findIndex((l) => l.heading && l.section === 6);
  if (six >= 0) return { index: six, ref: lines[six].ref, text: lines[six].text };
  // Text after the tables: its line is past every cell's (a page on one line cannot show it, and is not judged).
  let last = -1;
  for (const c of Object.values(report.cells)) last = Math.max(last, lineNo(c.ref) ?? -1);
  if (last < 0) return null;
  const end = lines.findIndex((l) => (lineNo(l.ref) ?? -1) > last && ENDING.test(fold(l.text)));
  return end >= 0 ? { index: end, ref: lines[end].ref, text: lines[end].text } : null;
}

/** A quote no longer than a sentence shown in a table cell. */
export function clip(s: string, max = 120): string {
  const a = Array.from(s);
  return a.length <= max ? s : `${a.slice(0, max - 1).join('')}…`;
}
