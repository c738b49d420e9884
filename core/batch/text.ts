/** The batch as a person reads it on the command line: files grouped by verdict, then the counts. */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { Batch } from './analyse';
import { VERDICTS, verdictName } from './verdict';

const baseName = (p: string) => p.replace(/^.*[\\/]/, '');

/** One line of counts: every verdict with its number, zeros included (so that nothing looks skipped). */
export function batchSummary(b: Batch, lang: Lang): string {
  const sep = say(lang, 'batch.list_sep');
  const verdicts = VERDICTS.filter((v) => v !== 'missing' || b.listed !== null)
    .map((v) => say(lang, 'batch.summary_verdict', { verdict: verdictName(v, lang), n: b.counts[v] }))
    .join(say(lang, 'batch.verdict_sep'));
  const lines = [
    say(lang, 'batch.summary', {
      files: say(lang, 'batch.count_files', { n: b.files }),
      reports: say(lang, 'batch.count_reports', { n: b.reports }),
      verdicts,
    }),
  ];
  if (b.listed !== null) lines.push(say(lang, 'batch.summary_listed', { listed: b.listed, submitted: b.listed - b.missing.length }));
  if (b.choose.length) {
    const list = b.choose
      .map((c) => {
        // Five names and the count: a folder of copies must not make one line of thousands of names.
        const five = c.files.slice(0, 5).map(baseName).join(sep);
        const files = c.files.length > 5 ? say(lang, 'batch.choose_more', { files: five, n: c.files.length }) : five;
        return say(lang, 'batch.choose_item', { department: c.department, files });
      })
      .join(say(lang, 'batch.verdict_sep'));
    lines.push(say(lang, 'batch.choose_summary', { n: b.choose.length, list }));
  }
  if (b.textNumbers) {
    lines.push(say(lang, 'batch.changed_numbers', { n: b.textNumbers }));
    for (const x of b.textNumberLines) lines.push(say(lang, 'batch.changed_number', x));
  }
  if (b.noPrior?.length) lines.push(say(lang, 'batch.no_prior', { count: b.noPrior.length, names: b.noPrior.join(sep) }));
  return lines.join('\n') + '\n';
}

/** Every file (and every listed department that sent nothing) under its verdict, failures first. */
export function batchListing(b: Batch, lang: Lang): string {
  return [...batchListingLines(b, lang)].join('\n') + '\n';
}

/** The listing one line at a time, so that a batch of any size is printed without holding it whole. */
export function* batchListingLines(b: Batch, lang: Lang): Generator<string> {
  const tally = new Map<string, number>();
  for (const r of b.rows) tally.set(r.verdict, (tally.get(r.verdict) ?? 0) + 1);
  for (const v of VERDICTS) {
    const n = tally.get(v);
    if (!n) continue;
    yield say(lang, 'batch.verdict_heading', { verdict: verdictName(v, lang), n });
    for (const r of b.rows) {
      if (r.verdict !== v) continue;
      const who = r.department ?? r.agency;
      const sheet = r.sheet && r.report && r.sheet !== r.path ? ` [${r.sheet}]` : '';
      // A read error names the file itself. The path as given, so a file is found among folders.
      const file = r.path && !(r.reason.includes(baseName(r.path)) && !r.report) ? `${r.path}${sheet}` : '';
      const parts = [who, file].filter(Boolean).join(say(lang, 'batch.row_sep'));
      const why = r.reason;
      yield `  ${parts}${parts && why ? say(lang, 'batch.reason_sep') : ''}${why}`;
    }
  }
}

/** With several report years and no --year, say so: another year's report is otherwise not flagged. */
export function yearsHint(b: Batch, lang: Lang, yearGiven: boolean): string {
  if (yearGiven || b.years.length < 2) return '';
  const years = b.years.map(([y, n]) => say(lang, 'batch.year_count', { year: y, n })).join(say(lang, 'batch.list_sep'));
  return say(lang, 'batch.years_seen', { years }) + '\n';
}
