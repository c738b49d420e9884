/**
 * Prose of a report's text sections for tests of copied text: sentences drawn with a seed from a
 * pool of words, so two seeds share no clause (as two agencies' own writing), and the standard
 * opening every report carries.
 */
import { rng } from './temp';

const WORDS = [
  '全面',
  '推进',
  '政务',
  '公开',
  '标准化',
  '规范化',
  '建设',
  '深化',
  '重点',
  '领域',
  '信息',
  '发布',
  '解读',
  '回应',
  '关切',
  '平台',
  '网站',
  '专栏',
  '更新',
  '维护',
  '审核',
  '保密',
  '制度',
  '落实',
  '培训',
  '业务',
  '人员',
  '能力',
  '提升',
  '群众',
  '企业',
  '办事',
  '便利',
  '服务',
  '窗口',
  '热线',
  '意见',
  '征集',
  '政策',
  '文件',
  '清理',
  '目录',
  '动态',
  '调整',
  '考核',
  '监督',
  '评议',
  '整改',
  '基层',
  '村务',
  '财政',
  '预算',
  '决算',
  '项目',
  '资金',
  '采购',
  '招标',
  '乡村',
  '振兴',
  '教育',
  '医疗',
  '养老',
  '就业',
  '住房',
  '环境',
  '安全',
  '生产',
  '应急',
  '救助',
  '社保',
  '扶持',
  '补贴',
  '年度',
  '季度',
  '月度',
  '及时',
  '准确',
  '完整',
  '主动',
  '依法',
  '有序',
  '稳步',
  '持续',
  '不断',
  '加强',
  '完善',
  '优化',
  '健全',
  '强化',
  '拓展',
  '创新',
  '融合',
  '协同',
  '联动',
  '共享',
  '集约',
];

/** `n` sentences of about 30 characters from `seed`'s own words. */
export function sentencesOf(seed: number, n: number): string[] {
  const next = rng(seed * 7919 + 13);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    while (s.length < 28) s += WORDS[Math.floor(next() * WORDS.length)];
    out.push(`${s}，共${Math.floor(next() * 90) + 3}件。`);
  }
  return out;
}

/** Paragraphs (each a line) of `seed`'s own prose: `paras` paragraphs of four sentences. */
export function paragraphsOf(seed: number, paras: number): string[] {
  const s = sentencesOf(seed, paras * 4);
  return Array.from({ length: paras }, (_, i) => s.slice(i * 4, i * 4 + 4).join(''));
}

/** The opening most reports carry, with the report's year. */
export const openingOf = (year: number) =>
  `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制，报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`;
