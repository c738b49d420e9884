/**
 * Every file and report not evaluated, a sentence each with why, and the count: what the command
 * line says on stderr and what the reports list under "files accounted for". `show` is how the
 * host shows text from a file (the terminal makes control characters visible; a page escapes it).
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { Show } from './check';
import type { Evaluation } from './index';

export function accountLines(ev: Evaluation, lang: Lang, show: Show): string[] {
  const lines: string[] = [];
  for (const f of ev.files)
    if (f.status !== 'read') lines.push(say(lang, `evaluate.file.${f.status}`, { file: show(f.file), reason: show(f.reason ?? '') }));
  for (const u of ev.unplaced) {
    const p = {
      file: show(u.file),
      agency: show(u.agency ?? ''),
      year: u.year ?? 0,
      among: u.among.map(show).join('、'),
      first: show(u.among[0] ?? ''),
    };
    lines.push(say(lang, `evaluate.unplaced.${u.why}`, p));
  }
  for (const m of ev.missing) lines.push(say(lang, 'evaluate.missing', { agency: show(m.agency), year: m.year }));
  lines.push(
    say(lang, 'evaluate.summary', {
      files: ev.files.length,
      read: ev.files.filter((f) => f.status === 'read').length,
      unreadable: ev.files.filter((f) => f.status === 'unreadable').length,
      notReport: ev.files.filter((f) => f.status === 'not_report').length,
      placed: ev.records.length,
      unplaced: ev.unplaced.length,
    }),
  );
  return lines;
}
