/**
 * A file that holds several reports one after another (a page listing several departments'
 * reports) gives each report its own text lines, so that the text.* rules never compare one
 * report's sentences with another's tables. The workbook path splits areas the same way
 * (core/read/locate/areas.ts).
 */
import type { ReportData } from '../model/report';
import { sectionHeading, type TextLine } from './common';

const lineOf = (ref: string): number | null => {
  const m = /^line (\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
};

/** A line that starts a report: its title (…年度报告) or its section 一 heading. */
function startsReport(text: string): boolean {
  const t = text.trim();
  if (sectionHeading(t) === 1) return true;
  return t.length <= 60 && /年度?报告$|年度报告[（(]/.test(t) && !/[。；]/.test(t);
}

/**
 * Each report's own text lines when one file holds several reports (a page listing several
 * departments' reports one after another): report k owns the lines from the start of its title
 * or section 一 up to where report k+1 starts. One report keeps all the lines. Lines before the
 * first report's title, between reports with no title or heading to split them on, are given to
 * the report whose tables follow them: text is never shared by two reports.
 */
export function textOfReports(reports: readonly ReportData[], lines: readonly TextLine[]): TextLine[][] {
  if (reports.length <= 1) return reports.map(() => [...lines]);
  const spans = reports.map((r, i) => {
    const at = Object.values(r.cells)
      .map((c) => lineOf(c.ref))
      .filter((n): n is number => n !== null);
    return { i, first: at.length ? Math.min(...at) : Infinity, last: at.length ? Math.max(...at) : -Infinity };
  });
  const order = [...spans].sort((a, b) => a.first - b.first);
  const numbered = lines.map((l) => ({ line: lineOf(l.ref) ?? -1, l }));
  // Where each report's text starts: the first title or section 一 after the previous report's tables.
  const starts = order.map((s, k) => {
    if (k === 0) return -Infinity;
    const prevLast = order[k - 1].last;
    const mark = numbered.find((n) => n.line > prevLast && n.line < s.first && startsReport(n.l.text));
    return mark ? mark.line : prevLast + 1;
  });
  const out: TextLine[][] = reports.map(() => []);
  for (const n of numbered) {
    let k = 0;
    while (k + 1 < order.length && n.line >= starts[k + 1]) k++;
    out[order[k].i].push(n.l);
  }
  return out;
}
