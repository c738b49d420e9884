/**
 * Reading the figures a report's text quotes: "共收到政府信息公开申请17件" → text.received 17.
 * Keywords are the report's own words (收到/受理/新收, 办结/答复, 予以公开及部分公开 …); a figure is
 * a number with its unit (件, 起 …) after the keyword in the same clause, or, for a few keywords
 * and fixed phrasings only, before it ("另有5件申请结转下年度", "发生1起行政复议案件"). Cases of
 * 行政复议 and 行政诉讼 may be counted in 次, applications never. What is no count is left
 * out: 一 written out in a slogan (办结一件申请、解决一个问题), an ordinal (第一件), a change
 * (较上年增加3件), a span of time (15个工作日). Linear time; no backtracking regexes.
 */
import { foldChars } from '../../import/fold';

export interface Quote {
  /** The text.* rule (core/rules/builtin.ts). */
  rule: string;
  value: number;
  sentence: string;
  ref: string;
}

/**
 * Keywords, longest first at a position: "上年结转" wins over "结转", "予以公开及部分公开" over
 * "予以公开". Each alternative is a fixed string (no backtracking).
 */
const KEYWORDS: [string, string][] = [
  ['予以公开及部分公开', 'text.disclosed_partial'],
  ['予以公开和部分公开', 'text.disclosed_partial'],
  ['予以公开或部分公开', 'text.disclosed_partial'],
  ['全部公开和部分公开', 'text.disclosed_partial'],
  ['全部公开及部分公开', 'text.disclosed_partial'],
  ['全部公开或部分公开', 'text.disclosed_partial'],
  ['全部或部分公开', 'text.disclosed_partial'],
  ['全部或部分予以公开', 'text.disclosed_partial'],
  ['上一年度结转', 'text.carried_in'],
  ['上年度结转', 'text.carried_in'],
  ['上一年结转', 'text.carried_in'],
  ['上年结转', 'text.carried_in'],
  ['上年遗留', 'text.carried_in'],
  ['上年度转结', 'text.carried_in'],
  ['上年转结', 'text.carried_in'],
  ['转结下年度', 'text.carried_over'],
  ['转结下一年度', 'text.carried_over'],
  ['结转下一年度', 'text.carried_over'],
  ['结转下年度', 'text.carried_over'],
  ['结转到下一年', 'text.carried_over'],
  ['结转至下一年', 'text.carried_over'],
  ['结转至下年', 'text.carried_over'],
  ['转下一年度', 'text.carried_over'],
  ['转下一年', 'text.carried_over'],
  ['转下年度', 'text.carried_over'],
  ['结转', 'text.carried_over'],
  ['新收', 'text.received'],
  ['收到', 'text.received'],
  ['受理', 'text.received'],
  ['接到', 'text.received'],
  ['接收', 'text.received'],
  ['办结', 'text.handled'],
  ['答复', 'text.handled'],
  ['办理完毕', 'text.handled'],
  ['处理完毕', 'text.handled'],
  ['予以公开答复', 'text.disclosed'],
  ['部分公开答复', 'text.partial'],
  ['不予公开答复', 'text.withheld'],
  ['予以公开', 'text.disclosed'],
  ['部分公开', 'text.partial'],
  ['不予公开', 'text.withheld'],
  ['无法提供', 'text.unavailable'],
  ['不予处理', 'text.not_processed'],
  ['其他处理', 'text.other_processing'],
  ['行政复议', 'text.review'],
  ['行政诉讼', 'text.suit'],
];
const KEY_RE = new RegExp(
  [...KEYWORDS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([k]) => k)
    .join('|'),
  'g',
);
const KEY_OF = new Map(KEYWORDS);

/** Two keywords joined by 和/及/与/、 and then totalled (共/合计): the figure is their sum. */
const COMBINED: Record<string, string> = {
  'text.received|text.carried_in': 'text.received_all',
  'text.disclosed|text.partial': 'text.disclosed_partial',
  'text.review|text.suit': 'text.review_suit',
};

/** A count as written: digits (maybe with thousands commas) or Chinese numerals, then its unit. */
const NUM_RE = /([0-9][0-9,]{0,12}|[零〇一二两三四五六七八九十百千]{1,8})\s{0,2}(件次|件|个|条|项|起|宗|例|次)/g;
/** What follows a number that makes it no count of applications: a span of time, a share. */
const NOT_COUNT_AFTER =
  /^(工作日|自然日|日|天|月|小时|百分点|批次|部门|单位|科室|处室|乡镇|街道|栏目|网站|平台|窗口|方面|部分|方式|环节|领域|类|种|层次|渠道|途径|阶段|步骤|重点|账号|模块)/;
/** What comes just before a number that makes it a change or an ordinal, not a count. */
const NOT_COUNT_BEFORE = /(第|增加|减少|增长|下降|上升|多|少|增|减|同比|环比)$/;

/** Most characters between a keyword and its figure ("受理公民、法人和其他组织向市政府…提出的政府信息公开申请5件"). */
const MAX_GAP = 40;

/** Applications counted by the way they came (受理线上…申请, 收到网上申请): the sentence gives parts, not totals. */
const BY_CHANNEL = /(?:受理|收到|新收|接收|接到)了?(?:线上|线下|网上|网络|信函|当面|现场|邮寄|传真|电子邮件)/;

/** Rules whose cases may be counted in 次 (表四's reviews and lawsuits, one per case); applications never are. */
const TIMES_RULES = new Set(['text.review', 'text.suit', 'text.review_suit']);
/** Between 行政复议 and its count in 次 ("行政复议0次", "行政复议案件共2次"): nothing else (not "行政复议培训2次"). */
const TIMES_GAP = /^(?:案件|案)?(?:共|合计|总计)?(?:为|有|达|计)?$/;
/** After a count in 次: the clause ends, or 均/已… follow (not "2次会议"). */
const TIMES_AFTER = /^(?:$|[。；;、)）\s]|均|已|全)/;

/**
 * Figures written before their keyword, in these phrasings only: what may come just before the
 * figure (`lead`), between it and the keyword (`link`), its units, and what may follow the keyword
 * (`tail`). "另有5件申请结转下年度继续办理", "5件结转下年度", "其中3件为上年结转", "发生1起行政复议案件".
 */
const BEFORE: Record<string, { lead: RegExp; link: RegExp; units: RegExp; tail: RegExp }> = {
  'text.carried_over': {
    lead: /(?:^|另有|其中|尚有|还有|剩余|余下|有)$/,
    link: /^(?:政府信息公开申请|信息公开申请|依申请公开申请|申请)?(?:需|须|将|已|均|因故)?$/,
    units: /^件$/,
    tail: /^/,
  },
  'text.carried_in': { lead: /(?:^|其中|含|有)$/, link: /^(?:为|系|属于|属|是)?$/, units: /^件$/, tail: /^/ },
  'text.review': {
    lead: /(?:^|发生|被申请|共有|有|共)$/,
    link: /^(?:政府信息公开类?|信息公开类?)?$/,
    units: /^(?:件|起|次|宗|例)$/,
    tail: /^(?:案件|案)?[)）。；;]*$/,
  },
  'text.suit': {
    lead: /(?:^|发生|被提起|共有|有|共)$/,
    link: /^(?:政府信息公开类?|信息公开类?)?$/,
    units: /^(?:件|起|次|宗|例)$/,
    tail: /^(?:案件|案)?[)）。；;]*$/,
  },
};

const CN = '零一二三四五六七八九';
export function cnToNumber(s: string): number | null {
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

/** Sentences of a line: split after 。！？；; (the quote keeps its punctuation). */
export function sentences(text: string): string[] {
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

const NEGATION = /(未|没有|无|尚无|并无)(发生|收到|接到|接收|出现|产生|受理|新收)?/;

interface Key {
  at: number;
  end: number;
  rule: string;
  /** The keyword means its rule here (a keyword that does not still separates others from their figure). */
  ok: boolean;
}

interface Count {
  at: number;
  end: number;
  value: number;
  unit: string;
}

/** The counts of a clause, with where each starts. */
function countsOf(clause: string): Count[] {
  const nums: Count[] = [];
  NUM_RE.lastIndex = 0;
  for (let m = NUM_RE.exec(clause); m; m = NUM_RE.exec(clause)) {
    const v = cnToNumber(m[1]);
    if (v === null) continue;
    const before = clause.slice(Math.max(0, m.index - 4), m.index).trimEnd();
    const after = clause.slice(m.index + m[0].length);
    // A digit run glued to a preceding digit is a year or a code; a change or an ordinal is no count.
    if (m.index > 0 && /[0-9.]/.test(clause[m.index - 1])) continue;
    if (NOT_COUNT_BEFORE.test(before) || NOT_COUNT_AFTER.test(after)) continue;
    // 办结一件申请、解决一个问题: 一 written out is a figure of speech unless totalled (共一件); 六个方面 counts no applications.
    if (v === 1 && !/[0-9]/.test(m[1]) && !/[共计为了]$/.test(before)) continue;
    if (!/[0-9]/.test(m[1]) && !/^(件|起|宗|例)/.test(m[2])) continue;
    nums.push({ at: m.index, end: m.index + m[0].length, value: v, unit: m[2] });
  }
  return nums;
}

/** Figures quoted by one sentence. */
export function quotesOf(sentence: string, ref: string): Quote[] {
  const out: Quote[] = [];
  const folded = foldChars(sentence).replace(/[\u00a0\u3000]/g, ' ');
  const appealSentence = /复议|诉讼/.test(folded);
  for (const clause of folded.split(/[，,：:]/)) {
    const keys: Key[] = [];
    KEY_RE.lastIndex = 0;
    for (let m = KEY_RE.exec(clause); m; m = KEY_RE.exec(clause)) {
      const rule = KEY_OF.get(m[0])!;
      keys.push({ at: m.index, end: m.index + m[0].length, rule, ok: applies(clause, m[0], m.index, rule, folded) });
    }
    if (!keys.length) continue;
    const nums = countsOf(clause);
    // Figures before their keyword first: each such figure and keyword is then taken.
    for (const k of keys) {
      const num = figureBefore(clause, k, keys, nums);
      if (!num) continue;
      out.push({ rule: k.rule, value: num.value, sentence, ref });
      nums.splice(nums.indexOf(num), 1);
      k.ok = false;
    }
    if (!nums.length) {
      // "本年度未发生行政复议、行政诉讼案件", "未收到政府信息公开申请": the figure is 0.
      const neg = NEGATION.exec(clause);
      if (!neg) continue;
      for (const k of keys)
        if (
          k.ok &&
          k.at > neg.index &&
          (k.rule === 'text.review' || k.rule === 'text.suit' || (k.rule === 'text.received' && !appealSentence))
        )
          out.push({ rule: k.rule, value: 0, sentence, ref });
      continue;
    }
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!k.ok) continue;
      const num = nums.find((n) => n.at >= k.end);
      if (!num || num.at - k.end > MAX_GAP) continue;
      // A count in 次 is a count of cases of review or suit, said right after its keyword; else nothing is read.
      if (num.unit === '次' && !(TIMES_RULES.has(k.rule) && timesFigure(clause, k, num))) continue;
      const next = keys[i + 1];
      if (next && next.at < num.at) {
        const between = clause.slice(k.end, next.at);
        const tail = clause.slice(keys.filter((x) => x.at < num.at).pop()!.end, num.at);
        if (!/^[、和及与或\s]*(被?提起|被?申请)?$/.test(between)) continue;
        // "行政复议、行政诉讼案件均为0件": each; "行政复议和行政诉讼共3件": their sum.
        const combined = COMBINED[`${k.rule}|${next.rule}`];
        if (num.value === 0 || /[均各都]/.test(tail)) out.push({ rule: k.rule, value: num.value, sentence, ref });
        else if (combined && next.ok && /[共计]/.test(tail) && !(keys[i + 2] && keys[i + 2].at < num.at)) {
          out.push({ rule: combined, value: num.value, sentence, ref });
          i++;
        }
        continue;
      }
      out.push({ rule: k.rule, value: num.value, sentence, ref });
    }
  }
  // "受理线上信息公开申请65件，依法办结62件，…受理线下信息公开申请9件": counts by channel are parts, never the totals.
  return BY_CHANNEL.test(folded) ? out.filter((q) => TIMES_RULES.has(q.rule)) : out;
}

/** Whether a count in 次 follows its keyword directly ("行政复议0次", not "行政复议业务培训2次" nor "2次会议"). */
function timesFigure(clause: string, k: Key, num: Count): boolean {
  return TIMES_GAP.test(clause.slice(k.end, num.at)) && TIMES_AFTER.test(clause.slice(num.end));
}

/** The figure written just before a keyword in one of the BEFORE phrasings, if any. */
function figureBefore(clause: string, k: Key, keys: readonly Key[], nums: readonly Count[]): Count | undefined {
  const how = BEFORE[k.rule];
  if (!how || !k.ok) return undefined;
  const num = nums.filter((n) => n.end <= k.at).pop();
  if (!num || !how.units.test(num.unit)) return undefined;
  if (!how.link.test(clause.slice(num.end, k.at)) || !how.lead.test(clause.slice(0, num.at).trimEnd())) return undefined;
  // A figure an earlier keyword reads as its own ("办结有5件结转…") is that keyword's: neither is guessed.
  if (keys.some((o) => o !== k && o.ok && o.end <= num.at && nums.find((n) => n.at >= o.end) === num)) return undefined;
  return how.tail.test(clause.slice(k.end).trim()) ? num : undefined;
}

/** Whether a keyword says what its rule means here ("收到" alone could be anything). */
function applies(clause: string, word: string, at: number, rule: string, sentence: string): boolean {
  // "行政复议及行政诉讼情况、存在的主要问题…": a topic named in a list, not a count.
  if (clause.startsWith('情况', at + word.length)) return false;
  const appeal = /复议|诉讼/.test(clause);
  if (rule === 'text.received') {
    if (appeal) return false;
    if (word !== '新收' && !(clause.includes('申请') && /公开|信息/.test(clause))) return false;
    if (word === '受理' && clause.slice(Math.max(0, at - 2), at) === '不予') return false;
  }
  if ((rule === 'text.handled' || rule === 'text.carried_over' || rule === 'text.carried_in') && appeal && !clause.includes('申请'))
    return false;
  // "受理群众网上来访信件34件，办结34件": 办结 counts applications only where the sentence speaks of them.
  if (rule === 'text.handled' && !sentence.includes('申请')) return false;
  return true;
}
