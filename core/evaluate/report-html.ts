/**
 * The evaluation as one self-contained HTML page (xxgk evaluate --report out.html, issue 23): a
 * table a person sorts (click a header) and filters (a text box; a toggle per check keeps the rows
 * failing it), a row per agency and year with each check's count and points and the score; then a
 * section per agency (its anchor) with the chain drawn as a small chart per figure, each piece of
 * evidence in words, shared passages side by side; then the rulebook and every file accounted for.
 * Built from the Evaluation alone (so the JSON, or shards joined, draw the same page) and generic
 * over the registry: a new check is a column and a toggle with nothing to add here. No external
 * resource (a Content-Security-Policy says so to the browser); every text from a file escaped.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import { escapeHtml } from '../export/html';
import { visibleText } from '../batch/names';
import { placeOf } from '../batch/problems';
import { placeIn, type Evidence } from './check';
import { CHECKS, checkName, checkNamed } from './checks';
import type { AgencyYear, Evaluation } from './index';
import { accountLines } from './account';
import { chartSvg, CHART_CSS, type ChartPoint } from './report-chart';
import { REPORT_CSS, REPORT_SCRIPT } from './report-page';

/** Escaped for HTML; invisible characters (NUL, U+202E…) shown as \uXXXX rather than passed on raw. */
export const esc = (s: string): string => escapeHtml(visibleText(s));
const num = (n: number) => String(n);

export interface ReportPageOptions {
  /** The day the page was made (YYYY-MM-DD); today by default. */
  date?: string;
}

/** Each agency's anchor, by the order of first appearance (names from files never go into an id). */
function anchors(records: readonly AgencyYear[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) if (!out.has(r.agency)) out.set(r.agency, `agency-${out.size + 1}`);
  return out;
}

/** A file by its name, its whole path in the tooltip (and in data-path, what the JSON says). */
const fileCell = (file: string) =>
  `<td class="file" title="${esc(file)}" data-path="${esc(file)}">${esc(file.replace(/^.*[\\/]/, ''))}</td>`;

const checkOf = (r: AgencyYear, key: string) => r.checks.find((c) => c.check === key);

function recordsTable(ev: Evaluation, lang: Lang, ids: Map<string, string>): string {
  const th = (text: string, type: 'num' | 'text', key?: string) =>
    `<th scope="col" tabindex="0" data-type="${type}"${key ? ` data-key="${esc(key)}"` : ''}>${esc(text)}</th>`;
  const head = [
    th(say(lang, 'evaluate.col.agency'), 'text', 'agency'),
    th(say(lang, 'evaluate.col.year'), 'num', 'year'),
    ...CHECKS.flatMap((c) => [
      th(say(lang, 'evaluate.report.count', { check: checkName(lang, c.key) }), 'num', `${c.key}.count`),
      th(say(lang, 'evaluate.report.points', { check: checkName(lang, c.key) }), 'num', `${c.key}.points`),
    ]),
    th(say(lang, 'evaluate.col.score'), 'num', 'score'),
    th(say(lang, 'evaluate.col.file'), 'text', 'file'),
  ];
  const rows = ev.records.map((r) => {
    const failing = r.checks.filter((c) => c.result === 'fail').map((c) => c.check);
    const cells = CHECKS.flatMap((k) => {
      const c = checkOf(r, k.key);
      // A check that could not judge the report shows a dash, sorted below every count.
      if (!c || (c.result as string) === 'not_judged')
        return ['<td class="n na" data-v="-1">—</td>', '<td class="n na" data-v="-1">—</td>'];
      const cls = c.result === 'fail' ? ' fail' : c.result === 'warn' ? ' warn' : '';
      return [`<td class="n${cls}" data-v="${c.count}">${c.count}</td>`, `<td class="n${cls}" data-v="${c.points}">${num(c.points)}</td>`];
    });
    return (
      `<tr data-fail="${esc(failing.join(' '))}">` +
      `<td class="agency"><a href="#${ids.get(r.agency)}">${esc(r.agency)}</a></td><td class="n" data-v="${r.year}">${r.year}</td>` +
      cells.join('') +
      `<td class="n score" data-v="${r.score}">${num(r.score)}</td>${fileCell(r.file ?? '')}</tr>`
    );
  });
  // Fixed layout (widths from the colgroup): a region's thousands of rows are laid out in a tenth of the time on each sort.
  const cols = `<colgroup><col class="c-agency"><col class="c-year">${CHECKS.map(() => '<col class="c-n"><col class="c-n">').join('')}<col class="c-score"><col class="c-file"></colgroup>`;
  return `<table id="records" class="records">${cols}<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function controls(lang: Lang, total: number): string {
  const toggles = CHECKS.map(
    (c) => `<label><input type="checkbox" data-check="${esc(c.key)}"> ${esc(checkName(lang, c.key))}</label>`,
  ).join(' ');
  return (
    `<div class="controls"><label>${esc(say(lang, 'evaluate.report.filter'))} <input id="q" type="search" autocomplete="off"></label>` +
    `<span class="toggles">${esc(say(lang, 'evaluate.report.only_failing'))} ${toggles}</span>` +
    `<span class="shown"><span id="shown">${total}</span> / ${total}</span></div>` +
    `<p class="hint">${esc(say(lang, 'evaluate.report.hint'))}</p>`
  );
}

/** A cell (TABLE:ROW:COLUMN) in the form's words (表三 上年结转 总计), never its internal key; null for none. */
export function cellName(cell: string, lang: Lang): string {
  const [table, row, column] = cell.split(':');
  const p = placeOf({ ref: '', table, row, column, value: null }, '2021', lang);
  return [p.table, p.row, p.column].filter(Boolean).join(' ');
}

function charts(records: AgencyYear[], lang: Lang): string {
  const cells = [...new Set(records.flatMap((r) => (r.figures ?? []).map((f) => f.cell)))];
  const svgs = cells.map((cell) => {
    const [table, row] = cell.split(':');
    const points: ChartPoint[] = records.map((r) => {
      const f = (r.figures ?? []).find((x) => x.cell === cell);
      const value = f?.value ?? null,
        fromPrior = f?.fromPrior ?? null;
      // Broken where the figures differ, or where a check names a cell of this figure's row (a column that nets out in the total).
      const named = r.checks.some((c) => c.result === 'fail' && c.evidence.some((e) => e.cell?.startsWith(`${table}:${row}:`)));
      const broken = (value !== null && fromPrior !== null && value !== fromPrior) || named;
      return {
        year: r.year,
        value,
        fromPrior,
        broken,
        why: say(lang, 'evaluate.report.chart_break', { year: r.year, value: value ?? '—', fromPrior: fromPrior ?? '—' }),
      };
    });
    return chartSvg(cellName(cell, lang), points, esc, say(lang, 'evaluate.report.break'));
  });
  if (!svgs.length) return '';
  return `<div class="charts">${svgs.join('')}</div><p class="legend">${esc(say(lang, 'evaluate.report.legend'))}</p>`;
}

function evidenceItem(r: AgencyYear, key: string, e: Evidence, lang: Lang): string {
  const check = checkNamed(key);
  const sentence = check ? check.sentence(e, r, lang, (s) => s) : '';
  const where = [
    e.file,
    e.ref ? placeIn(lang, e.ref) : e.cell ? cellName(e.cell, lang) : '',
    e.date ? say(lang, 'evaluate.report.date', { date: e.date }) : '',
  ]
    .concat(typeof e.percent === 'number' ? [say(lang, 'evaluate.report.percent', { percent: Math.round(e.percent * 10) / 10 })] : [])
    .filter(Boolean);
  const parts = [
    `<li data-check="${esc(key)}"${e.severity === 'warning' ? ' class="warning"' : ''}>`,
    `<span class="tag">${esc(checkName(lang, key))}</span> ${esc(sentence)}`,
    `<div class="where">${esc(where.join(' · '))}</div>`,
  ];
  const shared = e.passages ?? [];
  const other = e.other ?? (e.prior ? { agency: '', ...e.prior } : null);
  if (shared.length) {
    const mine = say(lang, 'evaluate.report.this_report', { file: e.file });
    const theirs = other ? say(lang, 'evaluate.report.other_report', { agency: other.agency, year: other.year, file: other.file }) : '';
    parts.push(
      `<table class="sbs"><thead><tr><th>${esc(mine)}</th><th>${esc(theirs)}</th></tr></thead><tbody>` +
        shared
          .map(
            (p) =>
              `<tr><td><div class="at">${esc(placeIn(lang, p.ref))}</div>${esc(p.text)}</td><td><div class="at">${esc(placeIn(lang, p.otherRef))}</div>${esc(p.text)}</td></tr>`,
          )
          .join('') +
        '</tbody></table>',
    );
  } else if (e.quote) parts.push(`<blockquote><div class="at">${esc(placeIn(lang, e.quote.ref))}</div>${esc(e.quote.text)}</blockquote>`);
  parts.push('</li>');
  return parts.join('');
}

function agencySection(agency: string, id: string, records: AgencyYear[], ev: Evaluation, lang: Lang): string {
  const out = [`<section class="agency" id="${id}"><h2>${esc(agency)}</h2>`];
  out.push(`<p class="back"><a href="#top">${esc(say(lang, 'evaluate.report.back'))}</a></p>`);
  out.push(
    `<table class="years"><thead><tr><th>${esc(say(lang, 'evaluate.col.year'))}</th><th>${esc(say(lang, 'evaluate.col.score'))}</th><th>${esc(
      say(lang, 'evaluate.col.file'),
    )}</th></tr></thead><tbody>${records
      .map((r) => `<tr><td class="n">${r.year}</td><td class="n">${num(r.score)}</td>${fileCell(r.file ?? '')}</tr>`)
      .join('')}</tbody></table>`,
  );
  out.push(charts(records, lang));
  for (const r of records) {
    const items = r.checks.flatMap((c) => c.evidence.map((e) => evidenceItem(r, c.check, e, lang)));
    const notes: string[] = [];
    if (r.chainNotCompared) notes.push(say(lang, 'evaluate.not_compared', { agency: r.agency, year: r.year, priorYear: r.year - 1 }));
    out.push(`<h3>${esc(say(lang, 'evaluate.report.year', { year: r.year }))}</h3>`);
    out.push(
      items.length || notes.length
        ? `<ul class="evidence">${items.join('')}${notes.map((n) => `<li class="note">${esc(n)}</li>`).join('')}</ul>`
        : `<p class="clean">${esc(say(lang, 'evaluate.report.clean'))}</p>`,
    );
  }
  const missing = ev.missing.filter((m) => m.agency === agency);
  if (missing.length)
    out.push(`<ul class="missing">${missing.map((m) => `<li>${esc(say(lang, 'evaluate.missing', m))}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

function rulebookTable(ev: Evaluation, lang: Lang): string {
  const book = ev.rulebook;
  const rows = book.deductions.map((d) => {
    const source = d.source ? say(lang, `evaluate.source.${d.source}` as 'evaluate.source.balance') : (d.description ?? '');
    return `<tr><td>${esc(checkName(lang, d.check))}</td><td class="n">${num(d.each)}</td><td class="n">${d.cap === null ? '—' : num(d.cap)}</td><td class="n">${
      d.threshold === undefined ? '—' : `${num(d.threshold)}%`
    }</td><td>${esc(source)}</td></tr>`;
  });
  const h = (k: string) => `<th>${esc(say(lang, `evaluate.report.rule.${k}` as 'evaluate.report.rule.check'))}</th>`;
  return (
    `<h2 id="rulebook">${esc(say(lang, 'evaluate.report.rulebook'))}</h2>` +
    `<p>${esc(book.file ? say(lang, 'evaluate.report.rulebook_file', { file: book.file, full: book.full }) : say(lang, 'evaluate.report.rulebook_default', { full: book.full }))}</p>` +
    `<table class="rules"><thead><tr>${['check', 'each', 'cap', 'threshold', 'source'].map(h).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** The page (a string). */
export function evaluationHtml(ev: Evaluation, lang: Lang, opts: ReportPageOptions = {}): string {
  const ids = anchors(ev.records);
  const byAgency = new Map<string, AgencyYear[]>();
  for (const r of ev.records) byAgency.set(r.agency, [...(byAgency.get(r.agency) ?? []), r]);
  const title = say(lang, 'evaluate.report.title');
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const account = accountLines(ev, lang, (s) => s);
  const summary = account.pop() ?? '';
  const agencyLinks = [...ids].map(([a, id]) => `<a href="#${id}">${esc(a)}</a>`).join(' ');
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}" id="top"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk-tables report">
<title>${esc(title)}</title>
<style>${REPORT_CSS}\n${CHART_CSS}</style>
</head><body>
<h1>${esc(title)}</h1>
<p class="meta">${esc(say(lang, 'evaluate.report.made', { date }))} ${esc(summary)}</p>
${controls(lang, ev.records.length)}
${recordsTable(ev, lang, ids)}
<nav class="agencies"><h2>${esc(say(lang, 'evaluate.report.agencies'))}</h2>${agencyLinks}</nav>
${[...byAgency].map(([a, rs]) => agencySection(a, ids.get(a)!, rs, ev, lang)).join('\n')}
${rulebookTable(ev, lang)}
<h2 id="files">${esc(say(lang, 'evaluate.report.accounted'))}</h2>
<p>${esc(summary)}</p>
${account.length ? `<ul class="account">${account.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}
