/**
 * Two or more reports of one department for one year: which counts, decided visibly. A file the
 * statistician chose (--keep) counts; else a file that passes over one with errors and a file named
 * as a revision (修改后, 终稿, v2, (1)…) over one that is not, when both signs agree; a modification
 * time decides only when asked (--prefer newest: copying a file resets it). When nothing decides,
 * every candidate stays and the department is named for the statistician to choose.
 */
import type { Finding, Lang, ReportResult } from '../model/findings';
import { say } from '../messages';
import { agencyKey, officeOf, regionOf } from './agency';
import { NONE } from './compact';
import { reportVerdict } from './verdict';
import type { BatchFile, BatchOptions, BatchRow } from './analyse';

/** How a duplicate is decided by default (auto), or by one sign first. */
export type Prefer = 'auto' | 'newest' | 'passing' | 'revision';
export const PREFERS: readonly Prefer[] = ['auto', 'newest', 'passing', 'revision'];

type Why = 'chosen' | 'passing' | 'revision' | 'newest' | 'identical' | 'same_figures';

/** A department with several different reports and nothing to tell which counts. */
export interface Undecided {
  department: string;
  files: string[];
}

const baseName = (p: string) => p.replace(/^.*[\\/]/, '');
const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const numeral = (s: string) =>
  /^\d+$/.test(s) ? Number(s) : [...s].reduce((n, ch) => (ch === '十' ? (n || 1) * 10 : n + (NUMERALS[ch] ?? 0)), 0);

/**
 * How much a file name says it is a later version, compared in order: [final or revised (2, 1), or
 * an earlier draft (-1), else 0; its version number]. 终稿 > 修改后 > 第二版 over v1 > none > 旧/初稿.
 */
export function revisionOf(file: string): [number, number] {
  const name = baseName(file)
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .normalize('NFKC');
  const version =
    /(?:^|[^A-Za-z])[vV](\d{1,3})(?!\d)/.exec(name)?.[1] ??
    /第([0-9一二两三四五六七八九十]{1,3})[版稿次]/u.exec(name)?.[1] ??
    /\((\d{1,2})\)/.exec(name)?.[1] ??
    null;
  const n = version === null ? 0 : numeral(version);
  if (/最终|终稿|定稿|正式版/u.test(name)) return [2, n];
  if (/修改(?!前)|已改|改后|修订|更正|改正|更新|新版|最新/u.test(name) || version !== null) return [1, n];
  if (/旧|原稿|原版|初稿|草稿|作废|废弃|备份/u.test(name)) return [-1, n];
  return [0, n];
}

const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
const second = (mtime: number | null) => (mtime === null ? -Infinity : Math.floor(mtime / 1000));
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: BatchRow, b: BatchRow) =>
  byCodeUnits(baseName(a.path), baseName(b.path)) || byCodeUnits(a.path, b.path) || byCodeUnits(a.sheet ?? '', b.sheet ?? '');

/** The rows of a group a sign prefers: all of them when it does not tell them apart. */
function best(rows: BatchRow[], score: (r: BatchRow) => number): BatchRow[] {
  const top = Math.max(...rows.map(score));
  const out = rows.filter((r) => score(r) === top);
  return out.length === rows.length ? rows : out;
}

export function markDuplicates(
  rows: BatchRow[],
  files: readonly BatchFile[],
  opts: BatchOptions,
  lang: Lang,
  putFirst: (r: ReportResult, added: readonly Finding[]) => void,
  localTime: (ms: number) => string,
): Undecided[] {
  const groups = new Map<string, BatchRow[]>();
  // A name without its county (统计局) is the one department of that office the batch names with it, if only one.
  const named = new Map<string, string[]>();
  for (const d of new Set(rows.map((r) => r.department)))
    if (d && regionOf(d)) named.set(officeOf(d), [...(named.get(officeOf(d)) ?? []), d]);
  const canonical = (d: string | null) => {
    if (!d || regionOf(d)) return d;
    const fits = named.get(officeOf(d)) ?? [];
    return fits.length === 1 ? fits[0] : d;
  };
  for (const row of rows) {
    if (!row.report || reportVerdict(row.report) === 'year_format') continue;
    const department = canonical(row.department);
    const key = agencyKey(department) && `${agencyKey(department)}|${row.report.year ?? ''}`;
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const prefer = opts.prefer ?? 'auto';
  const keep = new Set((opts.keep ?? []).flatMap((k) => [k, baseName(k)]));
  // To the second: a browser's File.lastModified has whole milliseconds, a file system finer; the pane
  // and the command line must decide alike.
  const time = (r: BatchRow) => second(files[r.file].mtime);
  const when = (r: BatchRow) => {
    const t = files[r.file].mtime;
    return t === null ? '?' : localTime(t);
  };
  const nameOf = (r: BatchRow, other: BatchRow) => `${baseName(r.path)}${r.file === other.file && r.sheet ? `#${r.sheet}` : ''}`;
  const undecided: Undecided[] = [];

  for (const unordered of groups.values()) {
    if (unordered.length < 2) continue;
    // Never the order the files came in (a folder listed sorted, files picked in a browser): by name.
    const group = [...unordered].sort(byName);
    const department = group[0].department!;
    const passes = (r: BatchRow) => (reportVerdict(r.report!) === 'pass' ? 1 : 0);
    const revision = (r: BatchRow) => revisionOf(r.path);
    const byRevision = (rs: BatchRow[]) => {
      const top = rs.reduce((a, b) => (cmp(revision(b), revision(a)) > 0 ? b : a));
      const out = rs.filter((r) => cmp(revision(r), revision(top)) === 0);
      return out.length === rs.length ? rs : out;
    };
    let candidates = group;
    let why: Why | null = null;
    let conflict: { revision: BatchRow; passing: BatchRow } | null = null;
    const chosen = group.filter((r) => keep.has(r.path) || keep.has(baseName(r.path)));
    if (chosen.length) [candidates, why] = [chosen, 'chosen'];
    else if (prefer === 'newest') [candidates, why] = [best(group, time), 'newest'];
    else if (prefer === 'passing' || prefer === 'revision') {
      const first = prefer === 'passing' ? best(group, passes) : byRevision(group);
      const then = prefer === 'passing' ? byRevision(first) : best(first, passes);
      candidates = then;
      why = first.length < group.length ? prefer : then.length < first.length ? (prefer === 'passing' ? 'revision' : 'passing') : null;
    } else {
      const pass = best(group, passes);
      const rev = byRevision(group);
      const both = pass.filter((r) => rev.includes(r));
      if (both.length) {
        candidates = both;
        why = both.length === group.length ? null : rev.length < group.length ? 'revision' : 'passing';
      } else {
        candidates = group.filter((r) => pass.includes(r) || rev.includes(r));
        conflict = { revision: rev[0], passing: pass[0] };
      }
    }
    // Copies of one file: one counts, whichever; said so.
    if (candidates.length > 1 && opts.digestOf) {
      const seen = new Set<string>();
      const newestFirst = [...candidates].sort((a, b) => time(b) - time(a) || byName(a, b));
      const distinct = new Set(
        newestFirst.filter((r) => {
          const d = opts.digestOf!(r.file);
          if (d === null) return true;
          if (seen.has(d)) return false;
          seen.add(d);
          return true;
        }),
      );
      if (distinct.size === 1 && why === null) why = 'identical';
      candidates = candidates.filter((r) => distinct.has(r));
    }
    // The same report in two kinds of file (a workbook and its text): the same figures, one counts, said so.
    if (candidates.length > 1 && candidates.every((r) => r.report?.figures && r.report.figures === candidates[0].report!.figures)) {
      candidates = [[...candidates].sort((a, b) => time(b) - time(a) || byName(a, b))[0]];
      if (why === null) why = 'same_figures';
    }
    const others = group.filter((r) => !candidates.includes(r));
    if (candidates.length === 1) {
      const kept = candidates[0];
      const w = why ?? 'identical';
      // One finding for every file dropped (one more where the kept report is another sheet of the same
      // file): a folder of thousands of copies keeps one message, not thousands.
      const said = new Map<string, Finding>();
      for (const o of others) {
        const keptName = nameOf(kept, o);
        let finding = said.get(keptName);
        if (!finding) {
          const message = say(lang, 'batch.duplicate', { department, kept: keptName, why: whyText(lang, w, false, when(kept)) });
          finding = batchFinding('batch.duplicate', 'warning', message);
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
            others: others
              .slice(0, 5)
              .map((o) => baseName(o.path))
              .join(say(lang, 'batch.list_sep')),
            n: others.length,
            why: whyText(lang, w, true, when(kept)),
          }),
        ),
      ]);
      continue;
    }
    // Nothing decides: every candidate stays, each saying so; those no candidate outranks do not count.
    const list = candidates
      .slice(0, 5)
      .map((r) => say(lang, 'batch.dup_file', { file: baseName(r.path), time: when(r) }))
      .join(say(lang, 'batch.list_sep'));
    const detail = conflict
      ? say(lang, 'batch.dup_detail.conflict', { revision: baseName(conflict.revision.path), passing: baseName(conflict.passing.path) })
      : say(lang, 'batch.dup_detail.none');
    const question = batchFinding(
      'batch.duplicate_choose',
      'warning',
      say(lang, 'batch.duplicate_choose', { department, n: candidates.length, files: list, detail }),
    );
    for (const r of candidates) putFirst(r.report!, [question]);
    if (others.length) {
      const dropped = batchFinding(
        'batch.duplicate',
        'warning',
        say(lang, 'batch.duplicate', {
          department,
          kept: candidates.map((r) => baseName(r.path)).join(say(lang, 'batch.list_sep')),
          why: whyText(lang, why ?? 'passing', false, ''),
        }),
      );
      for (const o of others) putFirst(o.report!, [dropped]);
    }
    undecided.push({ department, files: candidates.map((r) => r.path) });
  }
  return undecided;
}

/** Why a file counts, said on the file kept or on those dropped. */
function whyText(lang: Lang, why: Why, kept: boolean, time: string): string {
  if (why === 'newest') return say(lang, kept ? 'batch.dup_kept_why.newest' : 'batch.dup_why.newest', { time });
  return say(lang, `${kept ? 'batch.dup_kept_why' : 'batch.dup_why'}.${why}`);
}

/** A finding the batch puts on a report (it names no cell). */
export const batchFinding = (rule: string, severity: Finding['severity'], message: string): Finding => ({
  rule,
  instance: null,
  severity,
  message,
  cells: NONE,
  suspects: NONE,
});
