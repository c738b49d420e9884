/**
 * 整改 notices per agency (xxgk evaluate --notices DIR): one letter to each agency with something
 * to correct, year by year — each piece of evidence in words and, where evidence is a finding of
 * the ordinary check (a balance error: its `message`), the problem as the send-back notice says it
 * (core/batch/notices-letter.ts: the cells any one of which may be wrong and the values that
 * balance). Years not published are said too. Drawn by the send-back notice's letter writer.
 */
import type { Lang, ReportResult } from '../model/findings';
import { say } from '../messages';
import { letterHtml, type Block, type Letter } from '../batch/letter';
import { problemBlocks } from '../batch/notices-letter';
import { problemsOf } from '../batch/problems';
import { uniqueFileName } from '../batch/names';
import { checkName, checkNamed } from './checks';
import type { AgencyYear, Evaluation } from './index';

export interface EvalNotice {
  agency: string;
  /** File name, without folder: safe on every system, one per agency. */
  file: string;
  letter: Letter;
}

const baseName = (p: string) => p.replace(/^.*[\\/]/, '');

/** The report's findings (from the files read), to say a balance error with the values that balance; null when not at hand. */
export type ResultOf = (r: AgencyYear) => ReportResult | null;

function yearBlocks(r: AgencyYear, n: number, lang: Lang, resultOf: ResultOf, count: { problems: number }): Block[] {
  const out: Block[] = [
    { kind: 'heading', text: say(lang, 'evaluate.notice.year_heading', { n, year: r.year, file: baseName(r.file ?? ''), score: r.score }) },
  ];
  const said = new Set<string>();
  const result = resultOf(r);
  const messages = new Set(r.checks.flatMap((c) => c.evidence.map((e) => e.message).filter((m): m is string => !!m)));
  // Findings of the ordinary check: as the send-back notice says them, with the values that would balance.
  if (result && messages.size)
    for (const p of problemsOf(result, lang))
      if (p.broken.some((b) => messages.has(b))) {
        for (const b of p.broken) said.add(b);
        out.push(...problemBlocks(p, ++count.problems, lang));
      }
  for (const c of r.checks)
    for (const e of c.evidence) {
      if (e.message && said.has(e.message)) continue;
      const sentence = checkNamed(c.check)?.sentence(e, r, lang, (s) => s) ?? '';
      out.push({
        kind: 'text',
        text: say(lang, 'evaluate.notice.item', { n: ++count.problems, check: checkName(lang, c.check), sentence }),
      });
    }
  return out;
}

/** A notice for each agency with evidence against it or a year not published, by agency. */
export function evaluationNotices(ev: Evaluation, lang: Lang, resultOf: ResultOf, opts: { date?: string } = {}): EvalNotice[] {
  const agencies = [...new Set([...ev.records.map((r) => r.agency), ...ev.missing.map((m) => m.agency)])];
  const used = new Set<string>();
  const suffix = say(lang, 'evaluate.notice.suffix');
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const out: EvalNotice[] = [];
  for (const agency of agencies) {
    // A year not published is a record of its own (file ''): said once, as missing, below.
    const years = ev.records.filter((r) => r.agency === agency && r.file && r.checks.some((c) => c.evidence.length));
    const missing = ev.missing.filter((m) => m.agency === agency);
    if (!years.length && !missing.length) continue;
    const count = { problems: 0 };
    const blocks = years.flatMap((r, i) => yearBlocks(r, i + 1, lang, resultOf, count));
    if (missing.length) {
      blocks.push({ kind: 'text', indent: true, text: say(lang, 'evaluate.notice.body_missing') });
      for (const m of missing) blocks.push({ kind: 'text', text: `· ${say(lang, 'evaluate.missing', m)}`, indent: true });
    }
    const title = say(lang, 'evaluate.notice.title', { agency });
    const body = years.length
      ? [
          {
            kind: 'text' as const,
            indent: true,
            text: say(lang, 'evaluate.notice.body', { years: years.map((r) => r.year), problems: count.problems }),
          },
        ]
      : [];
    out.push({
      agency,
      file: uniqueFileName(agency, `-${suffix}.html`, 'notice', used),
      letter: {
        title,
        office: null,
        to: say(lang, 'notice.to', { department: agency }),
        blocks: [...body, ...blocks],
        closing: [],
        date: say(lang, 'notice.date', { date }),
        header: title,
        footer: agency,
        lang,
      },
    });
  }
  return out;
}

export const noticeHtml = (n: EvalNotice): Uint8Array => new TextEncoder().encode(letterHtml(n.letter));
