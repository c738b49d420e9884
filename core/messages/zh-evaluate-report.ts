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
  // ── the evaluation report (--report out.html|xlsx, core/evaluate/report-*.ts) ──────────────────
  'evaluate.report.title': () => '政府信息公开工作年度报告评估结果',
  'evaluate.report.made': (p: { date: string }) => `${p.date} 生成。`,
  'evaluate.report.count': (p: { check: string }) => `${p.check}（处）`,
  'evaluate.report.points': (p: { check: string }) => `${p.check}（扣分）`,
  'evaluate.report.filter': () => '筛选：',
  'evaluate.report.only_failing': () => '只看有此问题的：',
  'evaluate.report.hint': () => '点击表头按该列排序，再点一次倒序；点击单位名称查看该单位的历年衔接图和每处问题的依据。',
  'evaluate.report.agencies': () => '各单位',
  'evaluate.report.back': () => '↑ 回到总表',
  'evaluate.report.year': (p: { year: number }) => `${p.year}年度`,
  'evaluate.report.clean': () => '未发现问题',
  'evaluate.report.break': () => '断点',
  'evaluate.report.chart_break': (p: { year: number; value: number | string; fromPrior: number | string }) =>
    `${p.year}年：本年填报 ${p.value}，按上年报告应为 ${p.fromPrior}`,
  'evaluate.report.legend': () =>
    '实线：本年填报数；虚线：按上年报告推算的数（表三上年结转即上年结转下年度，表二现行有效件数即上年数加本年制发减本年废止）；红圈：断点。',
  'evaluate.report.date': (p: { date: string }) => `日期 ${p.date}`,
  'evaluate.report.percent': (p: { percent: number }) => `重复 ${p.percent}%`,
  'evaluate.report.this_report': (p: { file: string }) => `本报告（${p.file}）`,
  'evaluate.report.other_report': (p: { agency: string; year: number; file: string }) => `${p.agency}${p.year}年（${p.file}）`,
  'evaluate.report.rulebook': () => '考核细则',
  'evaluate.report.rulebook_default': (p: { full: number }) => `按默认考核细则计分，满分 ${p.full} 分，扣完为止。`,
  'evaluate.report.rulebook_file': (p: { file: string; full: number }) => `按考核细则「${p.file}」计分，满分 ${p.full} 分，扣完为止。`,
  'evaluate.report.rule.check': () => '检查',
  'evaluate.report.rule.each': () => '每处扣分',
  'evaluate.report.rule.cap': () => '最多扣分',
  'evaluate.report.rule.threshold': () => '超过比例',
  'evaluate.report.rule.source': () => '出处',
  'evaluate.report.accounted': () => '文件清单',
  'evaluate.report.sheet.records': () => '评估结果',
  'evaluate.report.sheet.evidence': () => '问题及依据',
  'evaluate.report.sheet.files': () => '文件清单',
  'evaluate.report.col.check': () => '检查',
  'evaluate.report.col.result': () => '结果',
  'evaluate.report.col.place': () => '位置',
  'evaluate.report.col.cell': () => '单元格',
  'evaluate.report.col.date': () => '日期',
  'evaluate.report.col.percent': () => '重复比例（%）',
  'evaluate.report.col.sentence': () => '说明',
  'evaluate.report.col.status': () => '状态',
  'evaluate.report.col.reports': () => '报告份数',
  'evaluate.report.result.fail': () => '扣分',
  'evaluate.report.result.warn': () => '提示',
  'evaluate.report.status.read': () => '已读取',
  'evaluate.report.status.unreadable': () => '无法读取',
  'evaluate.report.status.not_report': () => '不是报告',
  'evaluate.report.status.unplaced': () => '报告未评估',
  'evaluate.report.status.missing': () => '未发布',
  'evaluate.report_written': (p: { file: string }) => `已写出评估报告：${p.file}`,
  'evaluate.report_not_written': (p: { file: string; why: string }) => `评估结果见上，但评估报告「${p.file}」未能写出：${p.why}`,
  'evaluate.report_type': (p: { file: string }) => `--report 应为 .html 或 .xlsx 文件，不是「${p.file}」`,
  // ── 整改通知 (--notices DIR, core/evaluate/notices.ts) ──────────────────────────────────────────
  'evaluate.notice.title': (p: { agency: string }) => `关于${p.agency}政府信息公开工作年度报告的整改通知`,
  'evaluate.notice.body': (p: { years: number[]; problems: number }) =>
    `经评估，你单位${p.years.map((y) => `${y}年`).join('、')}政府信息公开工作年度报告有以下 ${p.problems} 处问题，请逐项核实，整改后重新发布。`,
  'evaluate.notice.body_missing': () => '经评估，以下年度未找到你单位的政府信息公开工作年度报告，请核实发布情况。',
  'evaluate.notice.year_heading': (p: { n: number; year: number; file: string; score: number }) =>
    `${'一二三四五六七八九十'[p.n - 1] ?? p.n}、${p.year}年度报告「${p.file}」（得分 ${p.score}）`,
  'evaluate.notice.suffix': () => '整改通知',
  'evaluate.notices_written': (p: { n: number; dir: string }) => `已写出 ${p.n} 份整改通知：${p.dir}`,
  'evaluate.notices_none': () => '没有需要整改的单位，未写出整改通知',
  'evaluate.notice_not_written': (p: { file: string; why: string }) => `评估结果见上，但整改通知「${p.file}」未能写出：${p.why}`,
  'evaluate.notice.item': (p: { n: number; check: string; sentence: string }) => `${p.n}. ${p.check}：${p.sentence}`,
};
