/**
 * Whether a government's report covers its departments (全县, 全区, 全市 …) or only itself (本级),
 * read from its title and its text (docs/evaluate.md "hierarchy"). Said only when the report says
 * it: a title "全区政府信息公开工作年度报告", or a sentence counting for the whole area
 * ("全县共收到政府信息公开申请…"); a report that says 本级 of its figures is the government's own,
 * unless its title says 全X. Anything else is unknown, and never guessed.
 */
import type { ReportData } from '../model/report';

export type Scope = 'whole' | 'own' | 'unknown';

const AREA = '(?:省|市|州|盟|区|县|旗)';
const WHOLE_TITLE = new RegExp(`全${AREA}[^。；，,]{0,12}政府信息公开(?:工作)?年度报告`);
// 全X, then what it did with requests and how many: "全县共受理依申请公开12件", "全区共收到70件申请".
const WHOLE_TEXT = new RegExp(
  `全${AREA}(?:各级|各部门|各单位|范围内|政府系统)?[^。；;，,]{0,8}?(?:共|累计)?(?:收到|接收|接到|受理|新收|办理|办结|答复)(?=[^。；;]{0,30}?申请)[^。；;]{0,30}?[0-9０-９]+\\s*件`,
);
const OWN_TEXT = /本级|本机关(?:共|累计|全年)?(?:收到|受理|新收)/;

export interface ScopeRead {
  scope: Scope;
  /** The line that says it. */
  quote?: { ref: string; text: string };
}

/** The sentence of `text` holding the match at `at`, at most 80 characters. */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(...['。', '；', ';'].map((c) => text.lastIndexOf(c, at))) + 1;
  const ends = ['。', '；', ';'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  const s = text.slice(start, ends.length ? Math.min(...ends) + 1 : text.length).trim();
  return Array.from(s).length > 80 ? `${Array.from(s).slice(0, 79).join('')}…` : s;
}

function said(lines: readonly { ref: string; text: string }[], re: RegExp): { ref: string; text: string } | undefined {
  for (const l of lines) {
    const m = re.exec(l.text);
    if (m) return { ref: l.ref, text: sentenceAt(l.text, m.index) };
  }
  return undefined;
}

export function scopeOf(report: ReportData): ScopeRead {
  const lines = report.textLines ?? [];
  const title = said(lines.slice(0, 5), WHOLE_TITLE);
  if (title) return { scope: 'whole', quote: title };
  const own = said(lines, OWN_TEXT);
  if (own) return { scope: 'own', quote: own };
  const whole = said(lines, WHOLE_TEXT);
  if (whole) return { scope: 'whole', quote: whole };
  return { scope: 'unknown' };
}
