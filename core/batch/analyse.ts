/**
 * A batch of submissions as the office handles it: every file gets a verdict and a reason. Adds
 * the batch findings to the reports (another year or format, a file name naming another
 * department, an agency not on the list, a second file of one department) and lists the listed
 * departments that sent nothing. Host-agnostic: the CLI and the pane give results and times.
 */
import type { FileResult, Finding, Lang, ReportResult } from '../model/findings';
import { FORMS, formForYear } from '../forms';
import { placeName, say } from '../messages';
import { agencyKey, listedInFile, listedInFileMatch, matchDepartment, officeOf, otherNamedInFile, regionOf } from './agency';
import { fileVerdict, reportVerdict, VERDICTS, type Verdict } from './verdict';
import { NONE, omittedOf } from './compact';

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

const batchFinding = (rule: string, severity: Finding['severity'], message: string): Finding => ({
  rule,
  instance: null,
  severity,
  message,
  cells: NONE,
  suspects: NONE,
});

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

function yearAndFormat(path: string, r: ReportResult, opts: BatchOptions, lang: Lang): Finding[] {
  const out: Finding[] = [];
  if (opts.year) {
    if (r.year !== null && r.year !== opts.year)
      out.push(batchFinding('batch.year', 'error', say(lang, 'batch.year', { found: r.year, want: opts.year })));
    else if (r.year === null) {
      const named = yearInFileName(path);
      if (named !== null && named !== opts.year)
        out.push(batchFinding('batch.year', 'error', say(lang, 'batch.year', { found: named, want: opts.year })));
      else out.push(batchFinding('batch.year_unknown', 'warning', say(lang, 'batch.year_unknown', { want: opts.year })));
    }
  } else if (r.year !== null) {
    const named = yearInFileName(path);
    if (named !== null && named !== r.year)
      out.push(batchFinding('batch.year', 'error', say(lang, 'batch.year_file', { found: r.year, named })));
  }
  const year = r.year ?? opts.year ?? null;
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
        } else if (!department)
          added.push(batchFinding('batch.agency_unlisted', 'error', say(lang, 'batch.agency_unlisted', { agency: r.agency })));
        else if (match.guess)
          added.push(batchFinding('batch.agency_guess', 'warning', say(lang, 'batch.agency_guess', { agency: r.agency, department })));
        else if (match.restated)
          added.push(batchFinding('batch.agency_restated', 'notice', say(lang, 'batch.agency_restated', { agency: r.agency, department })));
      } else if (!r.agency) added.push(batchFinding('batch.agency_none', 'warning', say(lang, 'batch.agency_none')));
      const named = otherNamedInFile(f.result.path, r.agency, known);
      if (named) {
        added.push(batchFinding('batch.agency_file', 'error', say(lang, 'batch.agency_file', { named, agency: r.agency! })));
        // The file is the named department's submission (theirs to correct), never silently the agency's.
        department = listed ? (listedInFile(f.result.path, listed) ?? named) : named;
      }
      added.push(...yearAndFormat(f.result.path, r, opts, lang));
      putFirst(r, added);
      rows.push(rowOf(f.result.path, r, department, i));
    }
  });

  markDuplicates(rows, files, lang);
  for (const row of rows) if (row.report) Object.assign(row, counts(row.report));

  const missing = listed ? listed.filter((d) => !rows.some((r) => r.department === d)) : [];
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
      reason: misfiledReason(rows, d, lang),
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
    noPrior,
    years: [...years].sort((a, b) => a[0] - b[0]),
    listed: listed ? listed.length : null,
    textNumbers: textNumberLines.length,
    textNumberLines,
  };
}

/** Why a listed department counts as 未报送: no file, or its report only in a file named for another department. */
function misfiledReason(rows: readonly BatchRow[], department: string, lang: Lang): string {
  const misfiled = rows.find(
    (r) => r.report?.findings.some((f) => f.rule === 'batch.agency_file') && matchDepartment(r.agency, [department]).department,
  );
  return misfiled
    ? say(lang, 'batch.missing_misfiled', { department, file: baseName(misfiled.path) })
    : say(lang, 'batch.missing', { department });
}

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
  // Else the listed name it was counted as, when the report writes it otherwise (a notice).
  const restated = (f: Finding) => f.rule === 'batch.agency_restated';
  const first = why[verdict] ? (r.findings.find(why[verdict]) ?? (verdict === 'pass' ? r.findings.find(restated) : undefined)) : undefined;
  return { errors: n('error'), warnings: n('warning'), notices: n('notice'), verdict, reason: first?.message ?? '' };
}

function rowOf(path: string, r: ReportResult, department: string | null, file: number): BatchRow {
  return { path, sheet: r.sheet, department, agency: r.agency, year: r.year, format: r.format, ...counts(r), report: r, file };
}

/**
 * Two reports of one department for one year (of the right year and format, and not flagged as
 * another department's): the newer file counts, the other is 重复.
 */
function markDuplicates(rows: BatchRow[], files: readonly BatchFile[], lang: Lang): void {
  const groups = new Map<string, BatchRow[]>();
  const named = [...new Set(rows.map((r) => r.department).filter((d): d is string => !!d && !!regionOf(d)))];
  // A name without its county (统计局) is the one department of that office the batch names with it, if only one.
  const canonical = (d: string | null) => {
    if (!d || regionOf(d)) return d;
    const fits = named.filter((n) => officeOf(n) === officeOf(d));
    return fits.length === 1 ? fits[0] : d;
  };
  for (const row of rows) {
    if (!row.report || reportVerdict(row.report) === 'year_format') continue;
    if (row.report.findings.some((f) => f.rule === 'batch.agency_file')) continue;
    const department = canonical(row.department);
    const key = agencyKey(department) && `${agencyKey(department)}|${row.report.year ?? ''}`;
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => keptFirst(a, b, files));
    const [kept, ...older] = sorted;
    const department = kept.department!;
    const mtime = files[kept.file].mtime;
    // One finding for every older file of the group (one more where the kept report is another sheet of the
    // same file): a folder of thousands of copies keeps one message, not thousands.
    const said = new Map<string, Finding>();
    for (const o of older) {
      const keptName = `${baseName(kept.path)}${kept.file === o.file && kept.sheet ? `#${kept.sheet}` : ''}`;
      let finding = said.get(keptName);
      if (!finding) {
        const time = mtime === null ? '?' : localTime(mtime);
        finding = batchFinding('batch.duplicate', 'warning', say(lang, 'batch.duplicate', { department, kept: keptName, time }));
        said.set(keptName, finding);
      }
      putFirst(o.report!, [finding]);
    }
    putFirst(kept.report!, [
      batchFinding(
        'batch.duplicate_kept',
        'notice',
        // Five names and the count: a folder of copies must not make one line of thousands of names.
        say(lang, 'batch.duplicate_kept', {
          department,
          others: older
            .slice(0, 5)
            .map((o) => baseName(o.path))
            .join(say(lang, 'batch.list_sep')),
          n: older.length,
        }),
      ),
    ]);
  }
}

const second = (mtime: number | null) => (mtime === null ? -Infinity : Math.floor(mtime / 1000));
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Of two reports of one department, which counts: the newer file, to the second (a browser's
 * File.lastModified has whole milliseconds, a file system finer), then the file name, then the
 * path, then the sheet's place. Never the order the files came in, which differs between a folder
 * the command line lists and one picked in a browser: the pane and the command line keep the same one.
 */
function keptFirst(a: BatchRow, b: BatchRow, files: readonly BatchFile[]): number {
  return (
    second(files[b.file].mtime) - second(files[a.file].mtime) ||
    byCodeUnits(baseName(a.path), baseName(b.path)) ||
    byCodeUnits(a.path, b.path) ||
    a.file - b.file
  );
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
