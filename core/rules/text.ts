/**
 * text.* rules (docs/formats.md): figures that a published report's text quotes (收到/新收/受理 N 件,
 * 上年结转 N 件, 办结/答复 N 件, 予以公开及部分公开 N 件, 不予公开 N 件, 行政复议 N 件 …) compared with
 * the table cells they stand for, each rule's `target` in core/rules/builtin.ts. Warnings: text
 * scoped differently may legitimately disagree. Precision first: wrapped sentences are joined
 * before they are read (text/lines.ts), what is no count is left out (text/read.ts), and a blank
 * total is compared by the sum of its parts. A finding quotes the sentence, its `line N`, and
 * names the table cells by their labels.
 */
import type { Finding, FindingCell, Lang } from '../model/findings';
import type { ReportData } from '../model/report';
import { formCells, getForm, parseCellId, rowName, withVariants, type CellSpec } from '../forms';
import { derivedCells } from './compile';
import { say } from '../messages';
import { joinWrapped } from './text/lines';
import { quotesOf, sentences } from './text/read';
import { textTargets } from './text/targets';

export { quotesOf, sentences } from './text/read';
export { joinWrapped } from './text/lines';

function clip(s: string, max = 160): string {
  const a = Array.from(s);
  return a.length <= max ? s : `${a.slice(0, max - 1).join('')}…`;
}

/** A blank or a placeholder ("/", "—", "无"): a total left so is compared by the sum of its parts. */
const isBlank = (raw: unknown) =>
  raw === null || raw === undefined || (typeof raw === 'string' && /^\s*([/／\\\-－—–―]{1,3}|无)?\s*$/.test(raw));

/** A row label without its numbering and notes: "一、本年新收政府信息公开申请数量" → "本年新收政府信息公开申请数量". */
function plainLabel(label: string): string {
  return label
    .replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[0-9]+[.．、])/, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .trim();
}

/** "表三「本年新收政府信息公开申请数量」「总计」（D8）", or a sum of a row's items named by their parent row. */
function nameCells(ids: string[], specs: Map<string, CellSpec>, report: ReportData, lang: Lang): string {
  const specOf = ids.map((id) => specs.get(id)!);
  const table = (s: CellSpec) => (lang === 'en' ? s.table.shortEn : s.table.short);
  const column = (s: CellSpec) => s.column.header.filter((h) => h !== '申请人情况').join('」「');
  const parent = (s: CellSpec) => (s.row.label.length >= 3 ? plainLabel(s.row.label[s.row.label.length - 2]) : null);
  const p0 = parent(specOf[0]);
  if (ids.length > 1 && p0 && specOf.every((s) => parent(s) === p0 && s.column.key === specOf[0].column.key))
    return say(lang, 'text.cells_sum', { table: table(specOf[0]), row: p0, column: column(specOf[0]), count: ids.length });
  const names = specOf.map((s, i) =>
    say(lang, 'text.cell', {
      table: table(s),
      row: s.row.label.length ? plainLabel(s.row.label[s.row.label.length - 1]) || rowName(s.row) : null,
      column: column(s),
      ref: report.cells[ids[i]]?.ref ?? null,
    }),
  );
  return names.join(say(lang, 'text.plus'));
}

/**
 * The text.* findings of a report imported with its text. `values(cellId)` gives the checked
 * value of a cell (null when it is not a number or absent: such figures are not compared).
 */
export function textFindings(report: ReportData, values: (cellId: string) => number | null, lang: Lang): Finding[] {
  const form = withVariants(getForm(report.format), report.variants ?? []);
  const targets = textTargets(form);
  const specs = formCells(form);
  const parts = derivedCells(form);
  /** A cell's value; a blank total (published tables often leave it) is the sum of its parts, when any part is written. */
  const valueOf = (id: string): { value: number | null; summed: boolean } => {
    const cell = report.cells[id];
    const own = parts.get(id);
    if (cell && isBlank(cell.raw) && own) {
      const written = own.filter((t) => !t.prior && report.cells[t.cell] && !isBlank(report.cells[t.cell].raw));
      if (!written.length) return { value: null, summed: false };
      const vals = own.map((t) => (t.prior ? null : values(t.cell)));
      if (vals.some((v) => v === null)) return { value: null, summed: false };
      return { value: own.reduce((a, t, k) => a + t.coef.toNumber() * (vals[k] as number), 0), summed: true };
    }
    return { value: values(id), summed: false };
  };
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const line of joinWrapped(report.textLines ?? [])) {
    for (const sentence of sentences(line.text)) {
      for (const q of quotesOf(sentence, line.ref)) {
        const ids = (targets.get(q.rule) ?? []).filter((id) => report.cells[id] !== undefined);
        if (!ids.length || ids.length !== (targets.get(q.rule) ?? []).length) continue;
        const got = ids.map(valueOf);
        if (got.some((v) => v.value === null)) continue;
        const table = got.reduce((a, v) => a + (v.value as number), 0);
        if (table === q.value) continue;
        const key = `${q.rule}|${q.ref}|${q.value}|${sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const cells: FindingCell[] = [
          { ref: q.ref, table: 'text', row: q.rule.slice(5), column: '', value: q.value },
          ...ids.map((id, i) => {
            const { table: t, row, column } = parseCellId(id);
            return { ref: report.cells[id]?.ref ?? id, table: t, row, column, value: got[i].value };
          }),
        ];
        out.push({
          rule: q.rule,
          instance: q.ref,
          severity: 'warning',
          message: say(lang, 'text.disagrees', {
            line: q.ref.replace(/^line\s*/, ''),
            what: say(lang, 'text.what', { rule: q.rule }),
            said: q.value,
            cells: nameCells(ids, specs, report, lang),
            value: table,
            summed: got.some((v) => v.summed),
            quote: clip(sentence),
          }),
          cells,
          expected: table,
          actual: q.value,
          suspects: [],
        });
      }
    }
  }
  return out;
}
