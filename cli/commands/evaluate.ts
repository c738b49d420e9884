/**
 * xxgk evaluate DIR… [--agencies LIST] [--tree TREE] [--years 2021-2025] [--json] [--lang zh|en]
 * Evaluator mode (issue 23, docs/evaluate.md): every file read with check's reader and limits
 * (a child process each, cli/read-child.ts), every report checked by the one core path
 * (checkLocated) and placed by agency and year, each agency's years chained, a row per agency and
 * year with its score. Every file is accounted for, on stderr (or in the JSON).
 */
import { readFileSync } from 'fs';
import type { Lang } from '../../core/model/findings';
import { say } from '../../core/messages';
import { whyOf } from '../../core/node/errors';
import { listInputFiles } from '../../core/node/files';
import { parseAgencyList } from '../../core/batch/agency';
import {
  CHECKS,
  checkName,
  checkNamed,
  evaluate,
  parseRulebook,
  RULEBOOK_LIMITS,
  type Evaluation,
  type Rulebook,
} from '../../core/evaluate';
import { accountLines } from '../../core/evaluate/account';
import { RuleSyntaxError } from '../../core/rules/parse';
import { decodeText } from '../../core/read/decode';
import { readInputFile } from '../../core/node/read';
import { regionOf } from '../evaluate-region';
import { treeOf } from '../evaluate-tree';
import { fail, langIn, langOf, messageOf, parse, UsageError } from '../args';
import { err, jsonText, out, shown } from '../terminal';
import { printHelp } from '../usage';
import { Inputs } from '../write';
import { planEvaluateOutputs, writeEvaluateOutputs } from '../evaluate-outputs';

/** "2021-2025" or "2024" → the years, or a usage error. */
export function yearsOf(v: string | undefined, lang: Lang): { from: number; to: number } | null {
  if (v === undefined) return null;
  const m = /^\s*(\d{4})\s*(?:[-–~至]\s*(\d{4}))?\s*$/.exec(v);
  const from = m ? Number(m[1]) : NaN,
    to = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || from > to || from < 2008 || to > 2100) throw new UsageError(say(lang, 'evaluate.years_invalid', { value: shown(v) }));
  return { from, to };
}

function agenciesOf(file: string | undefined, lang: Lang): string[] | null {
  if (file === undefined) return null;
  try {
    return parseAgencyList(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(say(lang, 'evaluate.agencies_unreadable', { file: shown(file), why: whyOf(e)[lang] }));
  }
}

/**
 * The local 考核细则 (--rules) in place of the default rulebook, read before any report: an error
 * in it is a bad command line (status 2) naming its file, line and column.
 */
export function rulebookOf(file: string | undefined, lang: Lang): Rulebook | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    // Read a little past the limit, so that a file too big is said with its line and column, not its size alone.
    text = decodeText(readInputFile(file, { maxBytes: RULEBOOK_LIMITS.bytes * 16 }));
  } catch (e) {
    throw new UsageError(say(lang, 'evaluate.rules_unreadable', { file: shown(file), why: messageOf(e, lang) }));
  }
  try {
    return { ...parseRulebook(text, file, { known: CHECKS.map((c) => c.key) }), file };
  } catch (e) {
    if (e instanceof RuleSyntaxError) throw new UsageError(e.messageIn(lang));
    throw e;
  }
}

/** The table, then each finding behind it (each check says its own evidence), then the notes. */
export function evaluationText(ev: Evaluation, lang: Lang): string {
  const header = [
    say(lang, 'evaluate.col.agency'),
    say(lang, 'evaluate.col.year'),
    ...CHECKS.map((c) => checkName(lang, c.key)),
    say(lang, 'evaluate.col.score'),
    say(lang, 'evaluate.col.file'),
  ];
  const lines = [header.join('  ')];
  // A check not judged shows "—"; one with warnings only, "0+2" (failures + warnings).
  const cell = (r: Evaluation['records'][number], k: string) => {
    const c = r.checks.find((x) => x.check === k);
    if (!c) return 0;
    if (c.result === 'not_judged') return '—';
    return c.warnings ? `${c.count}+${c.warnings}` : c.count;
  };
  for (const r of ev.records)
    lines.push([shown(r.agency), r.year, ...CHECKS.map((c) => cell(r, c.key)), r.score, r.file ? shown(r.file) : '—'].join('  '));
  lines.push('');
  const notJudged = new Map<string, number>();
  for (const r of ev.records) {
    const at = { agency: shown(r.agency), year: r.year };
    if (r.fromTitle) {
      const what = r.fromTitle.agency && r.fromTitle.year ? 'both' : r.fromTitle.agency ? 'agency' : 'year';
      const p = {
        ...at,
        what: say(lang, `evaluate.from_title.${what}`),
        ref: shown(r.fromTitle.ref),
        text: shown(r.fromTitle.text),
        file: shown(r.file),
      };
      lines.push(say(lang, 'evaluate.from_title', p));
    }
    for (const c of r.checks) {
      const check = checkNamed(c.check);
      if (check) for (const e of c.evidence) lines.push(check.sentence(e, r, lang, shown));
      if (c.notJudged && c.notJudged !== 'no_report') {
        const k = `${c.check}|${c.notJudged}`;
        notJudged.set(k, (notJudged.get(k) ?? 0) + 1);
      }
    }
    for (const n of r.notCompared ?? [])
      lines.push(
        n.why === 'gap'
          ? say(lang, 'evaluate.gap', { ...at, priorYear: n.priorYear, missing: (n.missing ?? []).join('、') })
          : say(lang, 'evaluate.not_compared', { ...at, priorYear: n.priorYear }),
      );
  }
  // Checks that could not judge some reports: said once per check and reason, with how many.
  for (const [k, count] of notJudged) {
    const [check, why] = k.split('|');
    lines.push(
      say(lang, 'evaluate.not_judged.count', {
        check: checkName(lang, check),
        why: say(lang, `evaluate.not_judged.${why}` as 'evaluate.not_judged.no_date'),
        count,
      }),
    );
  }
  return lines.join('\n');
}

/** Every file and report not evaluated, a line each with why, and the count (core/evaluate/account.ts). */
export function accountText(ev: Evaluation, lang: Lang): string[] {
  return accountLines(ev, lang, shown);
}

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = langIn(argv);
  try {
    const { values, positionals } = parse(argv, {
      agencies: { type: 'string' },
      years: { type: 'string' },
      rules: { type: 'string' },
      report: { type: 'string', multiple: true },
      notices: { type: 'string' },
      tree: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      shard: { type: 'string' },
      out: { type: 'string' },
      merge: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    lang = langOf(values.lang);
    if (values.help) return printHelp(lang, 'cli.usage.evaluate');
    if (!positionals.length) throw new UsageError(say(lang, 'evaluate.no_inputs'), true);
    const years = yearsOf(values.years, lang);
    const listed = agenciesOf(values.agencies, lang);
    const rulebook = rulebookOf(values.rules, lang);
    // Where the report and the notices go is checked before any file is read: never one of the inputs.
    const inputs = new Inputs(listInputFiles(positionals));
    for (const f of [values.agencies, values.rules, values.tree]) if (f) inputs.add(f);
    const outputs = planEvaluateOutputs(values.report ?? [], values.notices, lang, inputs);
    const tree = treeOf(values.tree, lang);
    // The files read here (--jobs), or one shard's written to its part (--shard), or every shard's parts merged (--merge).
    const region = await regionOf(positionals, { ...values, lang, langGiven: values.lang !== undefined, years, listed });
    if (!region) return 0;
    lang = region.options.lang;
    const ev = evaluate(region.files, { listed: region.options.agencies, years: region.options.years, lang, rulebook, tree });
    if (values.json) {
      const doc = {
        version: 1,
        records: ev.records,
        files: ev.files,
        unplaced: ev.unplaced,
        missing: ev.missing,
        rulebook: ev.rulebook,
        tree: values.tree ?? null,
      };
      out(`${jsonText(JSON.stringify(doc, null, 2))}\n`);
    } else {
      if (ev.records.some((r) => r.file)) out(`${evaluationText(ev, lang)}\n`);
      else err(`xxgk: ${say(lang, 'evaluate.none')}\n`);
      for (const l of accountText(ev, lang)) err(`${l}\n`);
      // Without a tree, no government is compared with its departments: said once.
      if (!tree) err(`${say(lang, 'evaluate.no_tree')}\n`);
    }
    const written = await writeEvaluateOutputs(outputs, ev, region.files, lang);
    return ev.records.some((r) => r.file) && written ? 0 : 1;
  } catch (e) {
    return fail(e, lang, 'cli.usage.evaluate');
  }
}
