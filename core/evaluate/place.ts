/**
 * Every file of a region accounted for, and every report placed by agency and year, both read
 * from the report's own content (never the file's name: an evaluator's finding needs evidence in
 * the report). With a list of agencies, a report's agency is matched to the list as a batch matches
 * departments (core/batch/agency.ts); a report that fits none, or several, is left unplaced with why.
 */
import type { FileResult, ReportResult } from '../model/findings';
import type { ReportData } from '../model/report';
import { agencyKey, matchDepartment } from '../batch/agency';
import { parseTitle } from '../read/locate/title';
import { fold } from '../import/fold';

/** A file as read: its result and the reports located in it (in the same order). */
export interface FileRead {
  path: string;
  result: FileResult;
  located: ReportData[];
}

/** One report placed: the agency (as listed, or as the report writes it) and the year it reports on. */
export interface Placed {
  agency: string;
  year: number;
  file: string;
  report: ReportData;
  result: ReportResult;
  /** The content names no agency (or year): taken from the saved page's title, which is quoted. */
  fromTitle?: { text: string; ref: string; agency: boolean; year: boolean };
}

/** Why a report (or a file) was not placed. */
export type UnplacedWhy = 'no_agency' | 'no_year' | 'not_listed' | 'ambiguous' | 'out_of_years' | 'duplicate';

export interface Unplaced {
  file: string;
  sheet: string | null;
  agency: string | null;
  year: number | null;
  why: UnplacedWhy;
  /** The listed agencies it fits ('ambiguous'), or the file already placed for this agency and year ('duplicate'). */
  among: string[];
}

/** Each file once: read (with how many reports), or unreadable / not a report with the reader's sentence. */
export interface FileAccount {
  file: string;
  status: 'read' | 'unreadable' | 'not_report';
  reports: number;
  reason: string | null;
}

export interface Placing {
  placed: Placed[];
  unplaced: Unplaced[];
  files: FileAccount[];
}

/** Read errors that say "this file holds no report" rather than "this file could not be read". */
const NOT_REPORT = new Set(['no_tables', 'empty', 'docx', 'pdf', 'image', 'archive']);

export interface PlaceOptions {
  /** The region's agencies (--agencies): reports are placed under these names. */
  listed?: readonly string[] | null;
  years?: { from: number; to: number } | null;
}

/**
 * The agency and year a saved page's title names (…局2023年政府信息公开工作年度报告), where the
 * content names none. The readers see a short <title> as a line of the page, so the report's own
 * agency may have come from the title alone: then too it is said as taken from the title.
 */
function titleFacts(report: ReportData): { text: string; ref: string; agency: string | null; year: number; named: boolean } | null {
  if (!report.title) return null;
  const t = parseTitle(report.title.text);
  if (!t) return null;
  const title = report.title;
  const elsewhere = (name: string) => (report.textLines ?? []).some((l) => l.ref !== title.ref && fold(l.text).includes(fold(name)));
  const named = !!report.agency && !!t.agency && fold(report.agency) === fold(t.agency) && !elsewhere(report.agency);
  if (report.agency && report.year !== null && !named) return null;
  return { ...title, agency: t.agency, year: t.year, named };
}

/** The files accounted for and their reports placed by agency and year. */
export function placeReports(files: readonly FileRead[], opts: PlaceOptions = {}): Placing {
  const out: Placing = { placed: [], unplaced: [], files: [] };
  const listed = opts.listed?.length ? opts.listed : null;
  const seen = new Map<string, Placed>();
  for (const f of files) {
    if (f.result.status === 'unreadable') {
      const code = f.result.error?.code ?? '';
      out.files.push({
        file: f.path,
        status: NOT_REPORT.has(code) ? 'not_report' : 'unreadable',
        reports: 0,
        reason: f.result.error?.message ?? null,
      });
      continue;
    }
    out.files.push({ file: f.path, status: 'read', reports: f.located.length, reason: null });
    f.located.forEach((report, i) => {
      const result = f.result.reports[i];
      const fromTitle = titleFacts(report);
      const named = report.agency ?? fromTitle?.agency ?? null;
      const year = report.year ?? fromTitle?.year ?? null;
      const base = { file: f.path, sheet: report.sheet, agency: named, year, among: [] as string[] };
      if (!named) return out.unplaced.push({ ...base, why: 'no_agency' });
      if (year === null) return out.unplaced.push({ ...base, why: 'no_year' });
      if (opts.years && (year < opts.years.from || year > opts.years.to)) return out.unplaced.push({ ...base, why: 'out_of_years' });
      let agency = named;
      if (listed) {
        const m = matchDepartment(report.agency, listed, f.path);
        if (m.department === null) return out.unplaced.push({ ...base, why: m.among.length ? 'ambiguous' : 'not_listed', among: m.among });
        agency = m.department;
      }
      const key = `${agencyKey(agency)}|${year}`;
      const first = seen.get(key);
      // Two reports of one agency and year are never mixed: the first (by file order) is evaluated, the other said.
      if (first) return out.unplaced.push({ ...base, why: 'duplicate', among: [first.file] });
      const p: Placed = { agency, year, file: f.path, report, result };
      if (fromTitle && (!report.agency || fromTitle.named || report.year === null))
        p.fromTitle = { text: fromTitle.text, ref: fromTitle.ref, agency: !report.agency || fromTitle.named, year: report.year === null };
      seen.set(key, p);
      out.placed.push(p);
    });
  }
  return out;
}
