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
const WHOLE_TEXT = new RegExp(
  `全${AREA}(?:各级|各部门|各单位|范围内|政府系统)?[^。；，,]{0,8}?(?:共|累计)?(?:收到|受理|新收|办结|答复)[^。；]{0,20}?申请`,
);
const OWN_TEXT = /本级|本机关(?:共|累计|全年)?(?:收到|受理|新收)/;

export interface ScopeRead {
  scope: Scope;
  /** The line that says it. */
  quote?: { ref: string; text: string };
}

const clip = (s: string) => (Array.from(s).length > 80 ? `${Array.from(s).slice(0, 79).join('')}…` : s);

export function scopeOf(report: ReportData): ScopeRead {
  const lines = report.textLines ?? [];
  const title = lines.slice(0, 5).find((l) => WHOLE_TITLE.test(l.text));
  if (title) return { scope: 'whole', quote: { ref: title.ref, text: clip(title.text) } };
  const own = lines.find((l) => OWN_TEXT.test(l.text));
  if (own) return { scope: 'own', quote: { ref: own.ref, text: clip(own.text) } };
  const whole = lines.find((l) => WHOLE_TEXT.test(l.text));
  if (whole) return { scope: 'whole', quote: { ref: whole.ref, text: clip(whole.text) } };
  return { scope: 'unknown' };
}
