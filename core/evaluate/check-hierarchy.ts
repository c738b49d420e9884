/**
 * Hierarchy (issue 23 item 5): a government's report that covers its departments (全县, read from
 * its title and text: scope.ts) against the sum of its departments' reports of the same year
 * (hierarchy.ts). Which agencies are its departments comes from the region's tree (--tree,
 * tree.ts); without one the check gives nothing, and the command says so once. A report of the
 * government's own figures (本级) is not compared; one that says neither is a warning.
 */
import { agencyKey, matchDepartment } from '../batch/agency';
import { formCells, getForm } from '../forms';
import { say } from '../messages';
import type { Lang } from '../model/findings';
import { placeIn, type AgencyReports, type EvalCheck, type Evidence, type Region, type Show } from './check';
import { sumAgainst, type Department } from './hierarchy';
import { scopeOf } from './scope';

/** The region's agency a name in the tree stands for, or null. */
function inRegion(name: string, region: Region): AgencyReports | null {
  const k = agencyKey(name);
  const exact = region.agencies.find((a) => agencyKey(a.agency) === k);
  if (exact) return exact;
  const m = matchDepartment(
    name,
    region.agencies.map((a) => a.agency),
  ).department;
  return m ? (region.agencies.find((a) => a.agency === m) ?? null) : null;
}

/** The tree's departments of this agency (when the tree makes it a government), as the region names them. */
function departmentsOf(agency: AgencyReports, region: Region): { agency: string; reports: AgencyReports | null }[] | null {
  if (!region.tree) return null;
  for (const [gov, names] of region.tree.departments)
    if (inRegion(gov, region) === agency)
      return names.map((n) => {
        const a = inRegion(n, region);
        return { agency: a?.agency ?? n, reports: a };
      });
  return null;
}

/** A cell as a person reads it: 表三「本年新收政府信息公开申请数量」「总计」. */
function cellName(id: string, lang: Lang): string {
  const spec = ['2021', '2019'].map((f) => formCells(getForm(f)).get(id)).find(Boolean);
  if (!spec) return id;
  const row = spec.row.label[spec.row.label.length - 1] ?? null;
  return say(lang, 'text.cell', {
    table: lang === 'en' ? spec.table.shortEn : spec.table.short,
    row: row ? row.replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[0-9]+[.．、])/, '') : null,
    column: spec.column.header.filter((h) => h !== '申请人情况').join('」「'),
    ref: null,
  });
}

export const hierarchyCheck: EvalCheck = {
  key: 'hierarchy',
  run(agency, region) {
    const departments = departmentsOf(agency, region);
    if (!departments) return agency.reports.map(() => []);
    return agency.reports.map((p) => {
      const scope = scopeOf(p.report);
      if (scope.scope === 'own') return [];
      const base = { file: p.file, year: p.year };
      if (scope.scope === 'unknown') return [{ ...base, cell: null, ref: null, rule: 'scope_unknown', severity: 'warning' as const }];
      const of: Department[] = departments.map((d) => ({
        agency: d.agency,
        report: d.reports?.reports.find((r) => r.year === p.year) ?? null,
      }));
      return sumAgainst(p, of).map<Evidence>((d) => ({
        ...base,
        cell: d.cell,
        ref: d.ref,
        rule: d.kind,
        expected: d.expected,
        actual: d.actual,
        departments: { summed: d.summed, missing: d.missing },
        ...(d.cells ? { cells: d.cells } : {}),
        ...(d.suspect ? { suspect: d.suspect } : {}),
        ...(scope.quote ? { quote: scope.quote } : {}),
        ...(d.warning ? { severity: 'warning' as const } : {}),
      }));
    });
  },
  sentence(e: Evidence, at, lang, show: Show) {
    const p = { agency: show(at.agency), year: at.year, file: show(e.file) };
    if (e.rule === 'scope_unknown') return say(lang, 'evaluate.hierarchy.scope_unknown', p);
    const missing = (e.departments?.missing ?? []).map(show).join(say(lang, 'evaluate.hierarchy.list_and'));
    if (e.rule === 'left_out')
      return say(lang, 'evaluate.hierarchy.left_out', { ...p, department: show(e.suspect?.agency ?? ''), missing });
    const suspect = e.suspect
      ? say(lang, 'evaluate.hierarchy.suspect', {
          department: show(e.suspect.agency),
          ref: show(placeIn(lang, e.suspect.ref ?? '')),
          value: e.suspect.value ?? 0,
          file: show(e.suspect.file),
        })
      : '';
    const key =
      e.rule === 'sum_litigation'
        ? 'evaluate.hierarchy.litigation'
        : e.rule === 'sum_incomplete'
          ? 'evaluate.hierarchy.incomplete'
          : 'evaluate.hierarchy.sum';
    return say(lang, key, {
      cells: e.cells ?? 1,
      ...p,
      cell: cellName(e.cell ?? '', lang),
      ref: show(placeIn(lang, e.ref ?? '')),
      actual: e.actual ?? 0,
      expected: e.expected ?? 0,
      summed: e.departments?.summed.length ?? 0,
      missing,
      suspect,
    });
  },
};
