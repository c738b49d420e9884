/**
 * Rows of a table as `pdftotext -layout` prints them: a cell's wrapped label runs over several
 * lines, its figures stand on one of them (the middle line when the label wraps), and rows are
 * set apart by an empty line (the cell padding). Labels of an outer group (（三）不予公开 down the
 * left, one or two characters a line) cut through the rows beside them. A run of lines between
 * empty lines with figures on exactly one line is one row: its label is the label pieces standing
 * in the row's own label column (the rightmost one), joined top to bottom; the pieces further left
 * (the group's label) are left out, as the row's place is known by its own label. The row keeps
 * the figures' line, so its cells are named by that line. Runs with no figures or figures on
 * several lines (headers, rows printed without empty lines between them) are left as they are.
 */
import { spansOf } from './spaces';
import { isColumnHeaderWord, isTextSection, isValueText, sectionHeading, type SourceLine } from './common';

/** A piece of text set apart by two or more spaces. */
interface Piece {
  text: string;
  x0: number;
  x1: number;
}

const pieces = (raw: string): Piece[] => {
  const out: Piece[] = [];
  for (const s of spansOf(raw)) {
    const last = out[out.length - 1];
    // Words one space apart are one piece, but a figure one space after a label is a piece of its own.
    if (last && !s.wide && isValueText(last.text) === isValueText(s.text) && !isValueText(s.text)) {
      last.text += ` ${s.text}`;
      last.x1 = s.x1;
    } else out.push({ text: s.text, x0: s.x0, x1: s.x1 });
  }
  return out;
};

/** The line's figures at its end (two or more), and the label pieces before them; null when it has none. */
function valuesOf(ps: Piece[]): { labels: Piece[]; values: Piece[] } | null {
  let k = ps.length;
  while (k > 0 && isValueText(ps[k - 1].text)) k--;
  return ps.length - k >= 2 ? { labels: ps.slice(0, k), values: ps.slice(k) } : null;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const width = (s: string) => Array.from(s).reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
/** How a row's label starts (1. （一） 一、): a line starting so begins the next row's label. */
const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、](?![0-9]))/;

/** The value line rebuilt with its whole label, the figures keeping their columns. */
function rebuilt(line: SourceLine, label: string, start: number): SourceLine {
  const head = width(label) + 2 <= start ? label + ' '.repeat(start - width(label)) : `${label}  `;
  let x = 0;
  let cut = 0;
  for (const ch of line.text) {
    if (x >= start) break;
    x += WIDE.test(ch) ? 2 : 1;
    cut += ch.length;
  }
  return { line: line.line, text: head + line.text.slice(cut) };
}

/** One run of lines (between empty lines) as its rows, or the lines as they were. */
function joinRun(run: SourceLine[]): SourceLine[] {
  if (run.length < 2 || run.some((l) => l.text.includes('\t') || l.text.includes('|'))) return run;
  const ps = run.map((l) => pieces(l.text));
  const read = ps.map(valuesOf);
  const at = read.flatMap((r, i) => (r ? [i] : []));
  if (!at.length) return run;
  const labelsOf = (i: number) => (read[i] ? read[i]!.labels : ps[i]);
  // Lines without figures hold label pieces only: no figure, no column header, no block header (第二十条第（一）项).
  for (let i = 0; i < run.length; i++)
    if (!read[i] && ps[i].some((p) => isValueText(p.text) || p.text.split(' ').some(isColumnHeaderWord) || /^第.{1,4}条/.test(p.text)))
      return run;
  const all = run.flatMap((_, i) => labelsOf(i));
  if (!all.length) return run;
  // The row labels' own column (the rightmost; a wrapped line may start two columns off, as CJK
  // characters are placed to the nearest even column); pieces further left belong to a group's label.
  const column = all.reduce((m, p) => Math.max(m, p.x0), 0);
  const own = run.map((_, i) =>
    labelsOf(i)
      .filter((p) => p.x0 >= column - 2)
      .map((p) => p.text)
      .join(''),
  );
  // Each line to a row: lines after a row's figures stay with it until a line starts a numbered label.
  const owner: number[] = [];
  let k = 0;
  for (let i = 0; i < run.length; i++) {
    if (k + 1 < at.length && i > at[k] && (i === at[k + 1] || NUMBERED.test(own[i]))) k++;
    owner.push(k);
  }
  return at.map((v, j) => {
    const label = own.filter((_, i) => owner[i] === j).join('');
    return rebuilt(run[v], label, read[v]!.values[0].x0);
  });
}

/** The lines of a layout text with each table row's runs joined (sections 二、三、四 only). */
export function joinLayoutRows(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let section = 0;
  let run: SourceLine[] = [];
  const flush = () => {
    // One at a time: a run may be millions of lines long (a spread of them overflows the stack).
    for (const l of isTextSection(section) ? run : joinRun(run)) out.push(l);
    run = [];
  };
  for (const line of lines) {
    // A page break (form feed) starts the first line of the next page.
    const l = line.text.includes('\f') ? { line: line.line, text: line.text.replace(/\f/g, '') } : line;
    const n = sectionHeading(l.text);
    if (n) {
      flush();
      if (n > section) section = n;
      out.push(l);
      continue;
    }
    if (!l.text.trim()) {
      flush();
      out.push(l);
      continue;
    }
    run.push(l);
  }
  flush();
  return out;
}
