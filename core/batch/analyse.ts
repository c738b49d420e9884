/**
 * A batch of submissions as the office handles it: every file gets a verdict and a reason. Adds
 * the batch findings to the reports (another year or format, a file name naming another
 * department, an agency not on the list, a second file of one department) and lists the listed
 * departments that sent nothing. Host-agnostic: the CLI and the pane give results and times.
 */
import type { FileResult, Finding, Lang, ReportResult } from '../model/findings';
import { FORMS, formForYear } from '../forms';
import { placeName, say } from '../messages';
import { listedInFile, listedInFileMatch, matchDepartment, otherNamedInFile, regionOf } from './agency';
import { fileVerdict, reportVerdict, VERDICTS, type Verdict } from './verdict';
import { omittedOf } from './compact';
import { indexOf } from './agency-index';
import { batchFinding, markDuplicates, type Prefer, type Undecided } from './duplicates';

export interface BatchFile {
  result: FileResult;
  /** The file's own modification time (ms since 1970), to keep the newer of two files of one department. */
  mtime: number | null;
}

export interface BatchOptions {
  lang?: Lang;
  /** The year being collected (--year). */
  year?: number | null;
  /** The departments expected (--agencies). */
  agencies?: readonly string[] | null;
  /** How two files of one department are decided (--prefer); by default the one that passes or is named a revision. */
  prefer?: Prefer;
  /** Files the statistician chose to count (--keep), by path or file name. */
  keep?: readonly string[] | null;
  /** A digest of a file's bytes (by its index), or null: copies of one file need no choosing. */
  digestOf?: (file: number) => string | null;
  /** Agencies of last year's reports (--prior DIR): departments without one are named. */
  priorAgencies?: readonly (string | null)[] | null;
}

export interface BatchRow {
  path: string;
  sheet: string | null;
  /** The listed department (with --agencies), else the report's agency. */
  department: string | null;
  agency: string | null;
  year: number | null;
  format: string | null;
  verdict: Verdict;
  errors: number;
  warnings: number;
  notices: number;
  /** Why, in one line: the first batch finding or error, or the file's read error. */
  reason: string;
  /** The report checked (null for a file that was not read, or a department that sent nothing). */
  report: ReportResult | null;
  /** Index of the file in the input (-1 for 未报送). */
  file: number;
}

export interface Batch {
  rows: BatchRow[];
  counts: Record<Verdict, number>;
  files: number;
  reports: number;
  /** Departments with several different reports and nothing to tell which counts: the statistician chooses. */
  choose: Undecided[];
  /** Listed departments with no file. */
  missing: string[];
  /** Departments with no last-year report (only with priorAgencies). */
  noPrior: string[] | null;
  /** Report years seen, with how many reports each. */
  years: [number, number][];
  listed: number | null;
  /** Texts read as numbers (cell.text_number notices) across the batch. */
  textNumbers: number;
  /** Each of them: the file, the cell and what was read (printed, not only counted). */
  textNumberLines: { path: string; cell: string; message: string }[];
}

/** The one year a file name gives (某某县财政局2024年报.xlsx → 2024), or null. */
export function yearInFileName(file: string): number | null {
  const base = file.replace(/^.*[\\/]/, '');
  const years = new Set([...base.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export function localTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const baseName = (p: string) => p.replace(/^.*[\\/]/, '');

/**
 * The year and format a report must have: from its content and --year only. A file name giving
 * another year (a format year, a date, a version) is a note: a name is never evidence for an error.
 */
function yearAndFormat(path: string, r: ReportResult, opts: BatchOptions, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const named = yearInFileName(path);
  // A year the reader took from the file's name (the report states none) is no content: judged as
  // none, a warning at most; a name that gives the batch's year leaves nothing to say.
  const stated = r.yearFrom === 'file_name' ? null : r.year;
  const nameGivesIt = r.yearFrom === 'file_name' && r.year === opts.year;
  if (opts.year) {
    if (stated !== null && stated !== opts.year)
      out.push(batchFinding('batch.year', 'error', say(lang, 'batch.year', { found: stated, want: opts.year })));
    else if (stated === null && !nameGivesIt) {
      out.push(batchFinding('batch.year_unknown', 'warning', say(lang, 'batch.year_unknown', { want: opts.year })));
      if (named !== null && named !== opts.year)
        out.push(batchFinding('batch.year_name', 'notice', say(lang, 'batch.year_name_unread', { named, want: opts.year })));
    }
  }
  if (stated !== null && named !== null && named !== stated)
    out.push(batchFinding('batch.year_name', 'notice', say(lang, 'batch.year_file', { found: stated, named })));
  // A name's year against the layout is the check's warning (format.year_mismatch), not an error here.
  const year = stated ?? opts.year ?? null;
  if (year !== null && year >= FORMS[0].years.from) {
    const want = formForYear(year).key;
    if (want !== r.format) out.push(batchFinding('batch.format', 'error', say(lang, 'batch.format', { year, want, found: r.format })));
  }
  return out;
}

/** Judges a batch. Mutates the reports' findings (batch findings first), so JSON and reports carry them. */
export function analyseBatch(files: readonly BatchFile[], opts: BatchOptions = {}): Batch {
  const lang = opts.lang ?? 'zh';
  const listed = opts.agencies?.length ? opts.agencies : null;
  const rows: BatchRow[] = [];
  /** Listed departments a file is named for whose content is another's: said when they count as 未报送. */
  const misnamed = new Map<string, { file: string; agency: string }>();
  /** Listed departments a report's agency is one or two characters from, among others: said when 未报送. */
  const nearly = new Map<string, { file: string; agency: string }>();
  const known = listed ?? [...new Set(files.flatMap((f) => f.result.reports.map((r) => r.agency).filter((a): a is string => !!a)))];

  files.forEach((f, i) => {
    const fv = fileVerdict(f.result);
    if (fv) {
      rows.push({
        path: f.result.path,
        sheet: null,
        department: listed ? listedInFile(f.result.path, listed) : null,
        agency: null,
        year: null,
        format: null,
        verdict: fv,
        errors: 1,
        warnings: 0,
        notices: 0,
        reason: f.result.error?.message ?? '',
        report: null,
        file: i,
      });
      return;
    }
    for (const r of f.result.reports) {
      const added: Finding[] = [];
      let department: string | null = r.agency;
      if (listed) {
        const match = matchDepartment(r.agency, listed, f.result.path);
        department = match.department;
        const among = (names: string[]) => names.map((n) => say(lang, 'batch.quoted', { name: n })).join(say(lang, 'batch.list_sep'));
        if (!r.agency) {
          const byFile = listedInFileMatch(f.result.path, listed);
          department = byFile.department;
          added.push(
            department
              ? batchFinding('batch.agency_none', 'warning', say(lang, 'batch.agency_by_file', { department }))
              : byFile.among.length
                ? batchFinding('batch.agency_none', 'error', say(lang, 'batch.agency_by_file_ambiguous', { among: among(byFile.among) }))
                : batchFinding('batch.agency_none', 'error', say(lang, 'batch.agency_none')),
          );
        } else if (match.among.length) {
          const key = regionOf(r.agency) ? 'batch.agency_ambiguous_named' : 'batch.agency_ambiguous';
          added.push(batchFinding('batch.agency_unlisted', 'error', say(lang, key, { agency: r.agency, among: among(match.among) })));
        } else if (!department) {
          // One or two characters from a listed name (a slip in the list or the report): matched and said;
          // from two, a question, never a silent pick.
          const near = indexOf(listed).nearTo(r.agency);
          if (near.length === 1) {
            department = near[0];
            added.push(batchFinding('batch.agency_near', 'warning', say(lang, 'batch.agency_near', { agency: r.agency, department })));
          } else if (near.length > 1) {
            added.push(
              batchFinding(
                'batch.agency_near',
                'warning',
                say(lang, 'batch.agency_near_ambiguous', { agency: r.agency, among: among(near) }),
              ),
            );
            for (const d of near) if (!nearly.has(d)) nearly.set(d, { file: baseName(f.result.path), agency: r.agency });
          } else added.push(batchFinding('batch.agency_unlisted', 'error', say(lang, 'batch.agency_unlisted', { agency: r.agency })));
        } else if (match.guess)
          added.push(batchFinding('batch.agency_guess', 'warning', say(lang, 'batch.agency_guess', { agency: r.agency, department })));
        else if (match.restated)
          added.push(batchFinding('batch.agency_restated', 'notice', say(lang, 'batch.agency_restated', { agency: r.agency, department })));
      } else if (!r.agency) added.push(batchFinding('batch.agency_none', 'warning', say(lang, 'batch.agency_none')));
      const named = otherNamedInFile(f.result.path, r.agency, known);
      if (named) {
        // The content says whose report it is; a file name naming another department is a note, never an error.
        added.push(batchFinding('batch.agency_file', 'notice', say(lang, 'batch.agency_file', { named, agency: r.agency! })));
        const namedListed = listed ? listedInFile(f.result.path, listed) : null;
        if (namedListed && namedListed !== department && !misnamed.has(namedListed))
          misnamed.set(namedListed, { file: baseName(f.result.path), agency: r.agency! });
      }
      added.push(...yearAndFormat(f.result.path, r, opts, lang));
      putFirst(r, added);
      rows.push(rowOf(f.result.path, r, department, i));
    }
  });

  const choose = markDuplicates(rows, files, opts, lang, putFirst, localTime);
  for (const row of rows) if (row.report) Object.assign(row, counts(row.report));

  const submitted = new Set(rows.map((r) => r.department));
  const missing = listed ? listed.filter((d) => !submitted.has(d)) : [];
  for (const d of missing)
    rows.push({
      path: '',
      sheet: null,
      department: d,
      agency: null,
      year: opts.year ?? null,
      format: null,
      verdict: 'missing',
      errors: 0,
      warnings: 0,
      notices: 0,
      reason: misnamed.has(d)
        ? say(lang, 'batch.missing_misfiled', { department: d, ...misnamed.get(d)! })
        : nearly.has(d)
          ? say(lang, 'batch.missing_near', { department: d, ...nearly.get(d)! })
          : say(lang, 'batch.missing', { department: d }),
      report: null,
      file: -1,
    });

  const tally = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rows) tally[r.verdict]++;
  const years = new Map<number, number>();
  for (const r of rows) if (r.report?.year) years.set(r.report.year, (years.get(r.report.year) ?? 0) + 1);
  const textNumberLines = rows.flatMap((r) =>
    (r.report?.findings ?? [])
      .filter((x) => x.rule === 'cell.text_number')
      .map((x) => ({ path: r.path, cell: x.cells.map((c) => placeName(lang, c.ref)).join(' '), message: x.message })),
  );
  let noPrior: string[] | null = null;
  if (opts.priorAgencies) {
    const priors = opts.priorAgencies.filter((a): a is string => !!a);
    noPrior = [
      ...new Set(
        rows
          .filter((r) => r.report && r.verdict !== 'duplicate' && !matchDepartment(r.report.agency, priors).department)
          .map((r) => r.department ?? r.agency ?? baseName(r.path)),
      ),
    ];
  }
  return {
    rows,
    counts: tally,
    files: files.length,
    reports: files.reduce((n, f) => n + f.result.reports.length, 0),
    missing,
    choose,
    noPrior,
    years: [...years].sort((a, b) => a[0] - b[0]),
    listed: listed ? listed.length : null,
    textNumbers: textNumberLines.length,
    textNumberLines,
  };
}

const SAID_ON_PASS = new Set(['batch.agency_restated', 'batch.agency_file', 'batch.duplicate_kept']);

function counts(r: ReportResult) {
  // A compacted report (core/batch/compact.ts) counts the findings it no longer holds.
  const n = (s: Finding['severity']) => r.findings.filter((x) => x.severity === s).length + (omittedOf(r)?.[s] ?? 0);
  const verdict = reportVerdict(r);
  const why: Record<string, (f: Finding) => boolean> = {
    year_format: (f) => f.rule === 'batch.year' || f.rule === 'batch.format',
    duplicate: (f) => f.rule === 'batch.duplicate',
    unfilled: (f) => f.rule === 'batch.unfilled',
    send_back: (f) => f.severity === 'error',
    // A report that passes may still carry what the batch guessed (its department): said, not hidden.
    pass: (f) => f.severity === 'warning' && f.rule.startsWith('batch.'),
  };
  // Else a note the batch made: the listed name it was counted as, a file name naming another
  // department, which of two files was kept and why.
  const restated = (f: Finding) => SAID_ON_PASS.has(f.rule);
  const first = why[verdict] ? (r.findings.find(why[verdict]) ?? (verdict === 'pass' ? r.findings.find(restated) : undefined)) : undefined;
  return { errors: n('error'), warnings: n('warning'), notices: n('notice'), verdict, reason: first?.message ?? '' };
}

function rowOf(path: string, r: ReportResult, department: string | null, file: number): BatchRow {
  return { path, sheet: r.sheet, department, agency: r.agency, year: r.year, format: r.format, ...counts(r), report: r, file };
}

/**
 * Puts batch findings before a report's own. A compacted report (core/batch/compact.ts), the
 * batch's own record, gets a list of the exact size (a batch keeps thousands); a whole report's
 * list is changed in place, as callers holding it expect.
 */
function putFirst(r: ReportResult, added: readonly Finding[]): void {
  if (!added.length) return;
  if (omittedOf(r)) r.findings = [...added, ...r.findings];
  else r.findings.unshift(...added);
}
