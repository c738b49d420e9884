/**
 * text.* rules (formats.md): figures that a published report's text quotes (收到/新收/受理 N 件,
 * 上年结转 N 件, 办结/答复 N 件, 予以公开 N 件, 结转 N 件, 行政复议 N 件, 行政诉讼 N 件 …) compared
 * with the table cells (or sums of cells) they describe. Warnings: differently scoped text
 * legitimately breaks them. Each finding quotes the sentence and its `line N`.
 */
import type { Finding, FindingCell, Lang } from '../model/findings';
import { parseCellId } from '../forms';
import type { ReportData } from '../model/report';
import { foldChars } from '../import/fold';

interface TextRule {
  id: string;
  /** Cells whose sum the figure describes. */
  cells: (formKey: string) => string[];
  what: { zh: string; en: string };
  table: { zh: string; en: string };
  /** The clause must contain one of these words too (收到 alone could be anything). */
  needs?: string[][];
}

const r3 = (prefix: string) => () => {
  const n = prefix === 'R3.3' ? 8 : prefix === 'R3.4' ? 3 : 5;
  return Array.from({ length: n }, (_, i) => `T3:${prefix}.${i + 1}:total`);
};

const RULES: Record<string, TextRule> = {
  received: {
    id: 'text.received',
    cells: () => ['T3:R1:total'],
    what: { zh: '收到申请', en: 'applications received' },
    table: { zh: '表三 本年新收 总计', en: 'Table 3 R1 total' },
  },
  carried_in: {
    id: 'text.carried_in',
    cells: () => ['T3:R2:total'],
    what: { zh: '上年结转', en: 'carried over from last year' },
    table: { zh: '表三 上年结转 总计', en: 'Table 3 R2 total' },
  },
  handled: {
    id: 'text.handled',
    cells: () => ['T3:R3.7:total'],
    what: { zh: '办结（答复）', en: 'applications handled' },
    table: { zh: '表三 办理结果（七）总计', en: 'Table 3 R3.7 total' },
  },
  disclosed: {
    id: 'text.disclosed',
    cells: () => ['T3:R3.1:total'],
    what: { zh: '予以公开', en: 'disclosed' },
    table: { zh: '表三 （一）予以公开 总计', en: 'Table 3 R3.1 total' },
  },
  partial: {
    id: 'text.partial',
    cells: () => ['T3:R3.2:total'],
    what: { zh: '部分公开', en: 'partly disclosed' },
    table: { zh: '表三 （二）部分公开 总计', en: 'Table 3 R3.2 total' },
  },
  withheld: {
    id: 'text.withheld',
    cells: r3('R3.3'),
    what: { zh: '不予公开', en: 'withheld' },
    table: { zh: '表三 （三）不予公开 各项总计之和', en: 'Table 3 sum of R3.3.* totals' },
  },
  carried_over: {
    id: 'text.carried_over',
    cells: () => ['T3:R4:total'],
    what: { zh: '结转下年度', en: 'carried over to next year' },
    table: { zh: '表三 结转下年度继续办理 总计', en: 'Table 3 R4 total' },
  },
  review: {
    id: 'text.review',
    cells: () => ['T4:R1:review.total'],
    what: { zh: '行政复议', en: 'administrative reviews' },
    table: { zh: '表四 行政复议 总计', en: 'Table 4 review total' },
  },
  suit: {
    id: 'text.suit',
    cells: () => ['T4:R1:suit.total', 'T4:R1:suit_after_review.total'],
    what: { zh: '行政诉讼', en: 'lawsuits' },
    table: { zh: '表四 行政诉讼（未经复议直接起诉 + 复议后起诉）总计', en: 'Table 4 suit total + suit after review total' },
  },
};

/**
 * Keywords, leftmost first: "上年结转" must win over "结转", "不予公开" over nothing else. Each
 * alternative is a fixed string (no backtracking); the rule key is looked up afterwards.
 */
const KEYWORDS: [string, keyof typeof RULES][] = [
  ['上一年度结转', 'carried_in'],
  ['上年度结转', 'carried_in'],
  ['上一年结转', 'carried_in'],
  ['上年结转', 'carried_in'],
  ['上年遗留', 'carried_in'],
  ['结转下一年度', 'carried_over'],
  ['结转下年度', 'carried_over'],
  ['结转到下一年', 'carried_over'],
  ['结转至下一年', 'carried_over'],
  ['结转', 'carried_over'],
  ['新收', 'received'],
  ['收到', 'received'],
  ['受理', 'received'],
  ['办结', 'handled'],
  ['答复', 'handled'],
  ['办理完毕', 'handled'],
  ['处理完毕', 'handled'],
  ['予以公开', 'disclosed'],
  ['部分公开', 'partial'],
  ['不予公开', 'withheld'],
  ['行政复议', 'review'],
  ['行政诉讼', 'suit'],
];
const KEY_RE = new RegExp(KEYWORDS.map(([k]) => k).join('|'), 'g');
const KEY_OF = new Map(KEYWORDS.map(([k, r]) => [k, r]));

/** A count as written: digits (maybe with thousands commas) or Chinese numerals, then its unit. */
const NUM_RE = /([0-9][0-9,]{0,12}|[零〇一二两三四五六七八九十百千]{1,8})\s{0,2}(件次|件|个|条|项|起|宗|次|例)/g;

const CN = '零一二三四五六七八九';
function cnToNumber(s: string): number | null {
  if (/^[0-9,]+$/.test(s)) return Number(s.replace(/,/g, ''));
  let total = 0;
  let cur = 0;
  for (const ch of s.replace(/〇/g, '零').replace(/两/g, '二')) {
    const d = CN.indexOf(ch);
    if (d >= 0) {
      cur = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (!unit) return null;
    total += (cur || (unit === 10 ? 1 : 0)) * unit;
    cur = 0;
  }
  return total + cur;
}

interface Quote {
  rule: keyof typeof RULES;
  value: number;
  sentence: string;
  ref: string;
}

/** Sentences of a line: split after 。！？；; (the quote keeps its punctuation). */
function sentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    cur += ch;
    if ('。！？；;!?'.includes(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const NEGATION = /(未|没有|无|尚无|并无)(发生|收到|出现|产生|受理|新收)?/;

/** Figures quoted by one sentence. */
export function quotesOf(sentence: string, ref: string): Quote[] {
  const out: Quote[] = [];
  const folded = foldChars(sentence).replace(/[\u00a0\u3000]/g, ' ');
  for (const clause of folded.split(/[，,]/)) {
    const keys: { at: number; end: number; rule: keyof typeof RULES; word: string }[] = [];
    KEY_RE.lastIndex = 0;
    for (let m = KEY_RE.exec(clause); m; m = KEY_RE.exec(clause))
      keys.push({ at: m.index, end: m.index + m[0].length, rule: KEY_OF.get(m[0])!, word: m[0] });
    if (!keys.length) continue;
    const nums: { at: number; value: number }[] = [];
    NUM_RE.lastIndex = 0;
    for (let m = NUM_RE.exec(clause); m; m = NUM_RE.exec(clause)) {
      const v = cnToNumber(m[1]);
      // "2020年" never reaches here (unit required); a digit run glued to a preceding digit is a year or code.
      if (v !== null && !(m.index > 0 && /[0-9.]/.test(clause[m.index - 1]))) nums.push({ at: m.index, value: v });
    }
    const appeal = /复议|诉讼/.test(clause);
    const applies = (k: (typeof keys)[number]) => {
      if (k.rule === 'received') {
        if (appeal) return false;
        if (k.word !== '新收' && !(clause.includes('申请') && /公开|信息/.test(clause))) return false;
        if (k.word === '受理' && clause.slice(Math.max(0, k.at - 2), k.at) === '不予') return false;
      }
      if ((k.rule === 'handled' || k.rule === 'carried_over' || k.rule === 'carried_in') && appeal && !/申请/.test(clause)) return false;
      return true;
    };
    if (!nums.length) {
      // "本年度未发生行政复议、行政诉讼案件", "未收到政府信息公开申请": the figure is 0.
      const neg = NEGATION.exec(clause);
      if (!neg) continue;
      for (const k of keys)
        if (k.at > neg.index && (k.rule === 'review' || k.rule === 'suit' || k.rule === 'received') && applies(k))
          out.push({ rule: k.rule, value: 0, sentence, ref });
      continue;
    }
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!applies(k)) continue;
      const num = nums.find((n) => n.at >= k.end);
      if (!num || num.at - k.end > 30) continue;
      const next = keys[i + 1];
      if (next && next.at < num.at) {
        // "行政复议、行政诉讼案件均为0件": keywords joined by 、和及与 share the figure when it is 0 or said of each (均/各/都).
        const between = clause.slice(k.end, next.at);
        const tail = clause.slice(keys.filter((x) => x.at < num.at).pop()!.end, num.at);
        if (/^[、和及与或\s]*$/.test(between) && (num.value === 0 || /[均各都]/.test(tail)))
          out.push({ rule: k.rule, value: num.value, sentence, ref });
        continue;
      }
      out.push({ rule: k.rule, value: num.value, sentence, ref });
    }
  }
  return out;
}

const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

function clip(s: string, max = 160): string {
  const a = Array.from(s);
  return a.length <= max ? s : `${a.slice(0, max - 1).join('')}…`;
}

/**
 * The text.* findings of a report imported with its text. `values(cellId)` gives the checked
 * value of a cell (null when it is not a number or absent: such figures are not compared).
 */
export function textFindings(report: ReportData, values: (cellId: string) => number | null, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const line of report.textLines ?? []) {
    for (const sentence of sentences(line.text)) {
      for (const q of quotesOf(sentence, line.ref)) {
        const rule = RULES[q.rule];
        const ids = rule.cells(report.format).filter((id) => report.cells[id] !== undefined || values(id) !== null);
        if (!ids.length) continue;
        const vals = ids.map(values);
        if (vals.some((v) => v === null)) continue;
        const table = (vals as number[]).reduce((a, b) => a + b, 0);
        if (table === q.value) continue;
        const key = `${rule.id}|${q.ref}|${q.value}|${sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const lineNo = q.ref.replace(/^line\s*/, '');
        const cells: FindingCell[] = [
          { ref: q.ref, table: 'text', row: q.rule, column: '', value: q.value },
          ...ids.map((id, i) => {
            const { table: t, row, column } = parseCellId(id);
            return { ref: report.cells[id]?.ref ?? id, table: t, row, column, value: vals[i] };
          }),
        ];
        const quote = clip(sentence);
        out.push({
          rule: rule.id,
          instance: q.ref,
          severity: 'warning',
          message: L(
            lang,
            `第 ${lineNo} 行文字称${rule.what.zh} ${q.value} 件，但${rule.table.zh}为 ${table}：“${quote}”`,
            `line ${lineNo}: the text says ${q.value} ${rule.what.en}, but ${rule.table.en} is ${table}: “${quote}”`,
          ),
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
