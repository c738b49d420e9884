/**
 * Evaluator mode's words in English (xxgk evaluate, core/evaluate). zh-evaluate.ts has the same keys; en.ts spreads them in.
 */
import type { zhEvaluate } from './zh-evaluate';
import { enEvaluateText } from './en-evaluate-text';

const TABLE: Record<string, string> = { T2: 'Table 2', T3: 'Table 3', T4: 'Table 4' };
const table = (t: string) => TABLE[t] ?? t;

type Break = {
  agency: string;
  year: number;
  ref: string;
  file: string;
  actual: number;
  priorYear: number;
  priorRef: string;
  priorFile: string;
  expected: number;
};

export const enEvaluate: typeof zhEvaluate = {
  'cli.usage.evaluate': () => `Usage: xxgk evaluate FOLDER-OR-FILE… [options]
Reads a region's published annual reports over the years, places each by the agency and year its
content names, follows each agency's figures from year to year, and prints a row per agency and
year: balance errors, breaks in the chain of years, tables identical to last year's, copied text,
the sum of departments, and the score under the default rulebook.

Options:
  --agencies LIST.txt   the region's agencies (one a line): reports are placed under these names;
                        a report of no listed agency is said
  --years 2021-2025     evaluate only the reports of these years
  --rules RULEBOOK.txt  score by a local rulebook instead of the default (see the documentation)
  --report OUT.html    write the evaluation report: .html (sortable, filterable, a chart of
                        each agency's chain) or .xlsx; both may be given
  --notices FOLDER      write a notice of corrections (.html) to each agency with problems
  --tree TREE.txt       which agencies are a government's departments (indented, or "government >
                        department"): a government's report covering them is held against their sum
  --json                print JSON (a record per agency and year, see docs/evaluate.md)
  --lang zh|en          language of the output
  --jobs N              read and check N files at a time (default: as many as the machine holds)
  -q, --quiet           no progress line
  --shard I/N --out F   read only shard I of N (split by file name) and write its partial results to F
  --merge F…            evaluate the partial results of every shard together, as one run would
  -h, --help            show this help
`,
  'evaluate.col.agency': () => 'agency',
  'evaluate.col.year': () => 'year',
  'evaluate.col.score': () => 'score',
  'evaluate.col.file': () => 'file',
  'evaluate.check.balance': () => 'balance errors',
  'evaluate.check.chain': () => 'chain breaks',
  'evaluate.check.identical': () => 'tables as last year',
  'evaluate.check.copying': () => 'copied text',
  'evaluate.copying.own_prior': (p) =>
    `${p.agency} ${p.year}: ${p.percent}% of the text repeats the agency's own report of ${p.otherYear} ("${p.file}" against "${p.otherFile}")${p.passages ? `; longest shared passages: ${p.passages}` : ''}`,
  'evaluate.copying.other_agency': (p) =>
    `${p.agency} ${p.year}: ${p.percent}% of the text repeats the report of ${p.other} of ${p.otherYear} ("${p.file}" against "${p.otherFile}")${p.passages ? `; longest shared passages: ${p.passages}` : ''}`,
  'evaluate.copying.passage': (p) => `"${p.text}" (this report ${p.ref}, the other ${p.otherRef})`,
  'evaluate.copying.and': () => '; ',
  'evaluate.check.hierarchy': () => 'sum of departments',
  'evaluate.hierarchy.sum': (p) =>
    `${p.agency} ${p.year} (covering its departments): ${p.cell}${p.ref ? ` (${p.ref})` : ''} is ${p.actual}; the reports of its ${p.summed} departments add up to ${p.expected}${p.missing ? `; not in the sum: ${p.missing} (no comparable report of that year)` : ''}${p.suspect}`,
  'evaluate.hierarchy.litigation': (p) =>
    `${p.agency} ${p.year} (covering its departments): ${p.cell}${p.ref ? ` (${p.ref})` : ''} is ${p.actual}; the reports of its ${p.summed} departments add up to ${p.expected}${p.missing ? `; not in the sum: ${p.missing} (no comparable report of that year)` : ''}${p.suspect}. A note only: under the State Council General Office's letter No. 201 of 2016 on disclosure statistics, a suit naming the review body as co-defendant counts for the original body only, so Table 4's suits need not equal the departments' sum`,
  'evaluate.hierarchy.incomplete': (p) =>
    `${p.agency} ${p.year} (covering its departments): ${p.cells} cells are above the sum of its ${p.summed} departments' reports, e.g. ${p.cell}${p.ref ? ` (${p.ref})` : ''} is ${p.actual}, the sum ${p.expected}; not in the sum: ${p.missing} (no comparable report of that year), whose figures the difference may be; a note only`,
  'evaluate.hierarchy.suspect': (p) =>
    `; most likely wrong: ${p.department}'s cell (${p.ref}, ${p.value}, "${p.file}"), where its own table does not balance`,
  'evaluate.hierarchy.left_out': (p) =>
    `${p.agency} ${p.year} (covering its departments): Tables 3 and 4 are exactly the sum of all departments but ${p.department}: its figures are left out, or it is not covered (check the tree file)${p.missing ? `; also not in the sum: ${p.missing}` : ''}`,
  'evaluate.hierarchy.scope_unknown': (p) =>
    `${p.agency} ${p.year}: neither the title nor the text says whether the report covers the whole area or the government itself only; not compared with its departments' sum ("${p.file}")`,
  'evaluate.hierarchy.list_and': () => ', ',
  'evaluate.no_tree': () => "No tree file (--tree): governments' reports are not compared with the sum of their departments'",
  'evaluate.tree_unreadable': (p) => `Cannot read the tree file "${p.file}": ${p.why}`,
  'evaluate.tree.two_parents': (p) =>
    `Tree file "${p.file}" line ${p.line}: "${p.name}" is already under "${p.other}"; it cannot be under another`,
  'evaluate.tree.cycle': (p) => `Tree file "${p.file}" line ${p.line}: "${p.name}" would be above itself (through "${p.other}")`,
  'evaluate.tree.empty': (p) =>
    `Tree file "${p.file}" names no department: one agency a line, a department indented under its government, or "government > department"`,
  'evaluate.break.carry_over': (p: Break) =>
    `${p.agency} ${p.year}: Table 3 carried over ("上年结转") ${p.ref} is ${p.actual}; last year's (${p.priorYear}) carried forward ("结转下年度") ${p.priorRef} is ${p.expected} ("${p.file}" against "${p.priorFile}")`,
  'evaluate.break.in_force': (p: Break) =>
    `${p.agency} ${p.year}: Table 2 in force ("现行有效件数") ${p.ref} is ${p.actual}; last year's (${p.priorYear}) ${p.priorRef} plus issued less repealed makes ${p.expected} ("${p.file}" against "${p.priorFile}")`,
  'evaluate.identical': (p) =>
    `${p.agency} ${p.year}: ${table(p.table)} is identical to last year's (${p.priorYear}) ("${p.file}" and "${p.priorFile}")`,
  'evaluate.balance': (p) => `${p.agency} ${p.year}: ${p.place} ${p.message}`,
  'evaluate.not_compared': (p) =>
    `${p.agency} ${p.year}: the report of ${p.priorYear} is in the format before 2021, whose Table 2 has no count in force ("现行有效件数"); that figure is not chained (Table 3's carry-over is)`,
  ...enEvaluateText,
  'evaluate.file.unreadable': (p) => `Not evaluated: ${p.reason || `cannot read "${p.file}"`}`,
  'evaluate.file.not_report': (p) => `"${p.file}" holds no report's tables: ${p.reason}`,
  'evaluate.unplaced.no_agency': (p) => `The report in "${p.file}" names no agency; not evaluated`,
  'evaluate.unplaced.no_year': (p) => `The report in "${p.file}" names no year; not evaluated`,
  'evaluate.unplaced.not_listed': (p) => `The report in "${p.file}" (${p.agency}) is of no listed agency; not evaluated`,
  'evaluate.unplaced.ambiguous': (p) => `The report in "${p.file}" (${p.agency}) fits several listed agencies (${p.among}); not evaluated`,
  'evaluate.unplaced.out_of_years': (p) =>
    `The report in "${p.file}" (${p.agency} ${p.year}) is outside the years evaluated; not evaluated`,
  'evaluate.unplaced.duplicate': (p) =>
    `The report in "${p.file}" (${p.agency} ${p.year}) is of the same agency and year as "${p.first}"; only the latter is evaluated, the two are not mixed`,
  'evaluate.summary': (p) =>
    `${p.files} files: ${p.read} read, ${p.unreadable} unreadable, ${p.notReport} holding no report; ${p.placed} reports evaluated, ${p.unplaced} not evaluated`,
  'evaluate.missing': (p) => `${p.agency} ${p.year}: on the list, but no report of that year was found (not published)`,
  'evaluate.none': () => 'No report to evaluate',
  'evaluate.no_inputs': () => 'Give the folders or files to evaluate',
  'evaluate.years_invalid': (p) => `The years "${p.value}" are not valid; write them as 2021-2025`,
  'evaluate.agencies_unreadable': (p) => `Cannot read the list of agencies "${p.file}": ${p.why}`,
  'evaluate.source.balance': () => 'every notice of the assessments deducts for tables that do not balance (inaccurate data)',
  'evaluate.source.chain': () =>
    "third-party evaluation checks the chain of years: carried over equals last year's carried forward; in force equals last year's plus issued less repealed",
  'evaluate.source.hierarchy': () =>
    'third-party evaluation (KIROGOVCOMPARE) holds a report covering departments against their sum, and names departments that did not report',
  'evaluate.source.copying': () =>
    "the assessment rules of Suqian and Licheng deduct for a report whose text repeats the agency's last year or another agency's by more than 50%",
  'evaluate.source.identical': () => "the assessment rules of Suqian and Licheng deduct for a report repeating last year's",
};
