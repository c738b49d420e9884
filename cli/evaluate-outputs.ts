/**
 * What xxgk evaluate writes besides its table: `--report out.html` / `--report out.xlsx` (either or
 * both, by extension) and `--notices DIR` (an 整改 notice per agency). The destinations are checked
 * before any report is read (cli/write.ts, cli/folder.ts: never an input, never a folder, the
 * folder there); each is written whole or not at all, and one that fails is said without losing
 * the others or the table.
 */
import * as path from 'path';
import type { Lang, ReportResult } from '../core/model/findings';
import { say } from '../core/messages';
import type { AgencyYear, Evaluation, FileRead } from '../core/evaluate';
import { messageOf, UsageError } from './args';
import { planNoticeFolder, replaceFolder, type FolderPlan } from './folder';
import { err, shown } from './terminal';
import { Inputs, planOutput, writeOutput, type OutputPlan } from './write';

export interface EvaluateOutputs {
  reports: { plan: OutputPlan; kind: 'html' | 'xlsx' }[];
  notices: FolderPlan | null;
}

/** Checks every destination before the work: a bad one is a bad command line (status 2). */
export function planEvaluateOutputs(reports: readonly string[], notices: string | undefined, lang: Lang, inputs: Inputs): EvaluateOutputs {
  const planned = reports.map((file) => {
    const m = /\.(html?|xlsx)$/i.exec(file);
    if (!m) throw new UsageError(say(lang, 'evaluate.report_type', { file: shown(file) }));
    return { plan: planOutput(file, lang, inputs), kind: m[1].toLowerCase() === 'xlsx' ? ('xlsx' as const) : ('html' as const) };
  });
  return { reports: planned, notices: notices === undefined ? null : planNoticeFolder(notices, lang, inputs) };
}

const whyIn = (e: unknown, lang: Lang): string => {
  const why = (e as { why?: Record<Lang, string> }).why;
  return why ? why[lang] : messageOf(e, lang);
};

/** The report's findings as read, for a notice to say the values that balance. */
function resultsOf(files: readonly FileRead[]): (r: AgencyYear) => ReportResult | null {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return (r) => {
    const f = r.file ? byPath.get(r.file) : undefined;
    if (!f) return null;
    const i = f.located.findIndex((x) => x.sheet === r.sheet && x.year === r.year);
    return f.result.reports[i] ?? null;
  };
}

/** Writes what was planned; returns whether every output was written (the failures are said on stderr). */
export async function writeEvaluateOutputs(
  plan: EvaluateOutputs,
  ev: Evaluation,
  files: readonly FileRead[],
  lang: Lang,
): Promise<boolean> {
  let ok = true;
  for (const { plan: p, kind } of plan.reports) {
    try {
      // Loaded only when asked for: exceljs is the costliest module to load.
      const data =
        kind === 'xlsx'
          ? await (await import('../core/evaluate/report-xlsx')).evaluationXlsx(ev, lang)
          : new TextEncoder().encode((await import('../core/evaluate/report-html')).evaluationHtml(ev, lang));
      writeOutput(p, data);
      err(`xxgk: ${say(lang, 'evaluate.report_written', { file: shown(p.name) })}\n`);
    } catch (e) {
      ok = false;
      err(`xxgk: ${say(lang, 'evaluate.report_not_written', { file: shown(p.name), why: whyIn(e, lang) })}\n`);
    }
  }
  if (plan.notices) {
    const folder = plan.notices;
    const { evaluationNotices, noticeHtml } = await import('../core/evaluate/notices');
    const notices = evaluationNotices(ev, lang, resultsOf(files));
    let written = 0;
    try {
      // The folder is replaced as a whole by this run's notices (cli/folder.ts).
      const warning = await replaceFolder(
        folder,
        async (put) => {
          for (const n of notices)
            try {
              put(n.file, noticeHtml(n));
              written++;
            } catch (e) {
              ok = false;
              const file = path.join(folder.name, n.file);
              err(`xxgk: ${say(lang, 'evaluate.notice_not_written', { file: shown(file), why: whyIn(e, lang) })}\n`);
            }
        },
        lang,
      );
      if (warning) err(`xxgk: ${warning}\n`);
      err(
        `xxgk: ${notices.length ? say(lang, 'evaluate.notices_written', { n: written, dir: shown(folder.name) }) : say(lang, 'evaluate.notices_none')}\n`,
      );
    } catch (e) {
      ok = false;
      err(`xxgk: ${say(lang, 'evaluate.notice_not_written', { file: shown(folder.name), why: whyIn(e, lang) })}\n`);
    }
  }
  return ok;
}
