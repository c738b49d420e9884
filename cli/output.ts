/** What `xxgk check` prints: the readable summary of each file (the bulk report is core/batch's). */
import type { FileResult, FindingCell, Lang } from '../core/model/findings';
import { placeOf } from '../core/batch/problems';
import { findingPlace, placeName, say } from '../core/messages';
import { shown } from './terminal';

/**
 * A suspect's place: its address, and for a line of a published page its table, row and column
 * too — a saved page often holds a whole table on one source line, and every cell of it has the
 * same line (the real 平潭 pages do).
 */
function suspectPlace(s: FindingCell, format: string, lang: Lang): string {
  const at = placeName(lang, s.ref);
  if (!/^line \d+$/.test(s.ref)) return at;
  const p = placeOf(s, format, lang);
  const words = [p.table, p.row, p.column].filter(Boolean).join(' ');
  return words ? say(lang, 'cli.summary.line_place', { at, words }) : at;
}

/** The readable lines for one file. Text from the file (names, cells, messages) is shown(): one line, no controls. */
export function fileSummary(f: FileResult, lang: Lang, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  if (f.status === 'unreadable') return `${c('31', `✗ ${shown(f.path)}`)}\n    ${shown(f.error!.message)}\n`;
  const out: string[] = [];
  const cell = (ref: string) => shown(placeName(lang, ref.replace(/^.*!/, '')));
  for (const r of f.reports) {
    const n = (s: string) => r.findings.filter((x) => x.severity === s).length;
    const head = say(lang, 'cli.summary.head', {
      file: shown(f.path),
      sheet: r.sheet ? shown(r.sheet) : null,
      format: r.format,
      year: r.year,
      agency: r.agency ? shown(r.agency) : null,
    });
    out.push(n('error') ? c('31', `✗ ${head}`) : c('32', `✓ ${head}`));
    out.push(`    ${say(lang, 'cli.summary.counts', { errors: n('error'), warnings: n('warning'), notices: n('notice') })}`);
    const blanks = r.findings.filter((x) => x.rule === 'cell.blank');
    for (const x of r.findings) {
      // A notice that changed a number (text read as a number) is shown: the reader must confirm it.
      if ((x.severity === 'notice' && x.rule !== 'cell.text_number') || x.rule === 'cell.blank') continue;
      const at = findingPlace(x, lang, { show: shown });
      const severity = say(lang, 'cli.severity', { severity: x.severity });
      // The place, then the words: never the rule id (issue 21), which --json and the bulk report keep.
      out.push(
        `    ${c(x.severity === 'error' ? '31' : x.severity === 'warning' ? '33' : '36', severity)} ${at ? `${at} ` : ''}${shown(x.message)}`,
      );
      for (const s of x.suspects.slice(0, 5)) {
        // Text found in the cell is quoted (it is the report's, not ours); a number is shown as it is.
        const value = s.value === null ? null : typeof s.value === 'string' ? `“${shown(s.value)}”` : String(s.value);
        out.push(
          `        → ${say(lang, 'cli.summary.suspect', { ref: shown(suspectPlace(s, r.format, lang)), value, suggested: String(s.suggested), reason: shown(s.reason) })}`,
        );
      }
      if (x.suspects.length > 5) out.push(`        → ${say(lang, 'cli.summary.more_suspects', { n: x.suspects.length - 5 })}`);
    }
    // Totals computed from formulas saved without results change no number the file shows, but are said: one line.
    const computed = r.findings.filter((x) => x.rule === 'cell.formula_computed');
    if (computed.length) {
      const cells = computed.slice(0, 12).map((b) => cell(b.cells[0].ref));
      const text = say(lang, 'cli.summary.formulas_computed', { n: computed.length, cells, more: computed.length > 12 });
      out.push(`    ${c('36', say(lang, 'cli.severity', { severity: 'notice' }))} ${text}`);
    }
    if (blanks.length) {
      // Places once each: cells of a row of published text share its line (第 49 行, five times).
      const places = [...new Set(blanks.map((b) => cell(b.cells[0].ref)))];
      const cells = places.slice(0, 12);
      const text = say(lang, 'cli.summary.blanks', { n: blanks.length, cells, more: places.length > 12 });
      out.push(`    ${c('33', say(lang, 'cli.severity', { severity: 'warning' }))} ${text}`);
    }
    for (const note of r.notes) out.push(`    ${say(lang, 'cli.summary.note', { note: shown(note) })}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * JSON.stringify(value, null, 2) as it stands `levels` deep in a document so indented: each line
 * after its first indented 2 × levels spaces more. Written by JSON.stringify itself, as an array's
 * element: indenting its text afterwards (a replace of every line break) cost as much again.
 */
export function nestedJson(value: object, levels: number): string {
  let nested: unknown = value;
  for (let k = 0; k < levels; k++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  // Before the value, "[\n" and two spaces more per level; after it, a line break, the spaces and "]" per level.
  return text.slice(levels * levels + 3 * levels, text.length - levels * levels - levels);
}

/** stdout in chunks, respecting back-pressure, so a long bulk listing neither piles up in memory nor is cut off. */
export class BufferedOut {
  /** `filter` makes the text safe for where it goes (cli/terminal.ts: plain, coloured or jsonText). */
  constructor(private readonly filter: (s: string) => string) {}
  private buf: string[] = [];
  private size = 0;
  /** Set while the stream's own buffer is full: drain() waits for it. */
  private full: Promise<void> | null = null;
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  /** Written at once, never held in a pending callback: a long output is not kept whole in memory. */
  private flush(): void {
    if (!this.buf.length) return;
    const chunk = this.filter(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!process.stdout.write(chunk) && !this.full)
      this.full = new Promise<void>((resolve) =>
        process.stdout.once('drain', () => {
          this.full = null;
          resolve();
        }),
      );
  }
  /** Waits until what was written has gone out (the caller calls it every so many files). */
  drain(): Promise<void> {
    this.flush();
    return this.full ?? Promise.resolve();
  }
  end(): Promise<void> {
    return this.drain();
  }
}
