/**
 * The scan of what a person reads (issue 10, "Messages"), shared by test/messages-scan.test.ts
 * (every command, report and notice) and test/messages-refusals.test.ts (every refusal): the
 * other language, internal keys, raw errors and visible escapes the program made itself.
 */
import * as path from 'path';
import { vi } from 'vitest';
import { main } from '../../cli/main';

export type Lang = 'zh' | 'en';

// ── What may stay ──────────────────────────────────────────────────────────────────────────────

/** Rule ids, which stand in a column (or brackets) of their own beside the rule's words, in both languages. */
export const RULE_ID = /\b(?:T[234]|X|cell|format|text|local|batch|file)\.[a-z_.]+[a-z]/g;

/**
 * English a Chinese text may hold: product, format and encoding names, what is typed on a command
 * line (xxgk, its commands, options and their values, the LANG variable), cell addresses and
 * the rule language of `xxgk rules` (after 规则式：). Nothing else.
 */
export const ZH_ALLOWED = [
  /规则式：[^\n]*/g, // the rule as written in the rule language (xxgk rules)
  /\bLANG(?:=en_US\.UTF-8)?/g, // the environment variable that chooses the language
  /\bTMPDIR\b/g, // the environment variable that names the temporary folder
  /\b(?:Excel|WPS|Word|PDF|JSON|Office|Windows|UTF-8|GB18030|GBK|SUM|zip)\b/g, // products, formats, encodings, the spreadsheet function
  /\.(?:xlsx|xlsm|xls|et|ods|docx|doc|wps|pdf|html?|csv|json|txt|zip|jpg|png)\b/gi, // file extensions
  /\bxxgk(?: (?:check|rules|template|fill|sum|export|import|evaluate))?\b/g, // the command and its subcommands
  /(?<![\w-])--?[a-z][a-z-]*(?:[ =](?:zh|en|html|xlsx|csv|json|2019|2021|newest|passing|revision)(?:\|(?:zh|en|html|xlsx|csv|json|2019|2021|newest|passing|revision))*)?/g, // options and their values
  /\b[A-Z]{1,3}\d+\b/g, // cell addresses (B12)
  /\/dev\/null/g,
];

/** What is quoted (from a file, the form or the command line) may be in any language. */
export const QUOTED = [/“[^”\n]*”/g, /"[^"\n]*"/g, /「[^」\n]*」/g];

/** Never, in either language. */
export const NEVER: [string, RegExp][] = [
  ['internal cell key', /\bT[234]:[\w.]+/],
  // R1 is a row key, yet R1:AF53 is a range of cells (a report beside another from column R).
  ['internal row key', /(?<![\w.!:])R\d+(?:\.\d+)+\b|(?<![\w.!:])R[1-4]\b(?!:[A-Z]{1,3}\d)/],
  ['internal column key', /\b(?:natural(?! person)|commercial|review\.pending|suit\.\w+|in_force)\b/],
  ['Node error code', /\bE(?:NOENT|ISDIR|ACCES|PERM|NOTDIR|EXIST|MFILE)\b|ERR_[A-Z_]+/],
  [
    'library error',
    /Could not find workbook|Unsupported file|Cannot read propert|is not a function|\bundefined\b|\bNaN\b|\[object |readInput/,
  ],
  ['stack trace', /\n\s+at [\w.<>]+ \(|\bat Object\.|node:internal/],
  ['"中文 / English" pair', /[\p{Script=Han}）]\s+\/\s+[A-Za-z]{2,}/u],
  // The scanned inputs hold no control character: a visible escape is one the program made of its own
  // line break (a message of several lines passed whole through shown()).
  ['visible escape of a line break or control character', /\\x[0-9A-F]{2}|\\u[0-9A-F]{4}/],
];

/**
 * Never in a refusal (what a command prints when it will not do the work): a person reads each
 * finding by its place and words, not by the rule id that `check` puts in brackets beside them.
 */
const NEVER_IN_REFUSALS: [string, RegExp][] = [
  ['a refusal called an internal error', /内部错误|internal error/],
  ['rule id', /\b(?:[a-z]{2,}|T\d|X)\.(?!(?:xlsx|xlsm|xls|et|ods|docx|doc|wps|pdf|html?|csv|json|txt|zip|jpg|png)\b)[a-z_]+\b/],
];

const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff1f]+/gu; // Chinese characters and full-width punctuation

/** How a text is scanned: `work` is the test's folder (paths under it are names); a refusal may hold no rule id. */
export interface ScanOptions {
  work?: string;
  refusal?: boolean;
}

/** What a person reads: names from files taken out, HTML markup and styles too, rule ids too (but in a refusal). */
function readable(text: string, names: string[], { work, refusal }: ScanOptions): string {
  let t = text;
  // A path under the test's folder is a file name, whatever its language, up to a space, a quote or punctuation.
  if (work)
    t = t
      .split(`${work}${path.sep}`)
      .join('⟦')
      .replace(/⟦[^\s"“”「」，。；：、,;:<>]*/g, ' ');
  for (const n of names) t = t.split(n).join(' ');
  return t
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>|&#?\w+;/g, ' ')
    .replace(refusal ? /(?!)/g : RULE_ID, ' ');
}

export function defects(text: string, lang: Lang | 'form', names: string[], opts: ScanOptions = {}): string[] {
  const out: string[] = [];
  const t = readable(text, names, opts);
  // Quoted text is the report's, the user's or the rule language's; so is the rule as written.
  let rest = t;
  for (const re of QUOTED) rest = rest.replace(re, ' ');
  const prose = rest.replace(/规则式：[^\n]*|as written: [^\n]*/g, ' ');
  for (const [what, re] of opts.refusal ? [...NEVER, ...NEVER_IN_REFUSALS] : NEVER) {
    const m = re.exec(prose);
    if (m) out.push(`${what}: ${JSON.stringify(prose.slice(Math.max(0, m.index - 40), m.index + 40))}`);
  }
  if (lang === 'zh') {
    for (const re of ZH_ALLOWED) rest = rest.replace(re, ' ');
    for (const w of new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])) out.push(`English word: ${w}`);
  } else if (lang === 'en') for (const w of new Set(rest.match(HAN) ?? [])) out.push(`Chinese: ${w}`);
  return out;
}

// ── Running the commands in-process ──────────────────────────────────────────────────────────

/** stdout and stderr of one command, run in this process (no build needed, no process start). */
export async function xxgk(args: string[]): Promise<{ status: number; text: string }> {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((s) =>
    vi.spyOn(s, 'write').mockImplementation((c: string | Uint8Array) => {
      chunks.push(typeof c === 'string' ? c : new TextDecoder().decode(c));
      return true;
    }),
  );
  try {
    const status = await main(args);
    return { status, text: chunks.join('') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}
