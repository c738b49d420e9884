/**
 * 评估模式的考核细则文件（--rules）、评估报告（--report）和整改通知（--notices）的中文文字。
 * en-evaluate-report.ts has the same keys; zh.ts spreads them in.
 */
import { zhEvaluate } from './zh-evaluate';

const checkZh = (k: string) => (zhEvaluate as unknown as Record<string, (() => string) | undefined>)[`evaluate.check.${k}`]?.() ?? k;

export const zhEvaluateReport = {
  // ── the rulebook language (core/evaluate/rulebook-parse.ts) ──────────────────────────────────
  'evaluate.rules.expect.head': () => '检查名加冒号，如 "balance:" 或 "full:"',
  'evaluate.rules.expect.once': () => '每项检查只写一次',
  'evaluate.rules.found.again': (p: { key: string; line: number }) => `"${p.key}" 在第 ${p.line} 行已写过`,
  'evaluate.rules.expect.check': (p: { checks: string[] }) =>
    `已知的检查名或 "full"（已知的检查：${p.checks.map((k) => `"${k}"（${checkZh(k)}）`).join('、')}）`,
  'evaluate.rules.expect.full': () => '满分，一个大于零的数，如 "full: 100"',
  'evaluate.rules.expect.points': () => '扣分，如 "-0.5 each, at most -2"',
  'evaluate.rules.expect.each': () => '"each"（每处扣分）',
  'evaluate.rules.expect.clause': () => '"at most"（本项最多扣分）或 "above"（超过多少比例算一处）',
  'evaluate.rules.expect.share': () => '比例，如 "above 50%"',
  'evaluate.rules.expect.two_decimals': () => '至多两位小数的分数',
  'evaluate.rules.expect.at_most': (p: { limit: number }) => `不超过 ${p.limit} 的分数`,
  'evaluate.rules.expect.end': () => '行尾（或以 # 开头的出处说明）',
  'evaluate.rules.expect.fewer_lines': (p: { limit: number }) => `至多 ${p.limit} 行的考核细则文件`,
  'evaluate.rules.found.nth_line': (p: { n: number }) => `${p.n} 行`,
  'evaluate.rules_unreadable': (p: { file: string; why: string }) => `无法读取考核细则「${p.file}」：${p.why}`,
};
