/**
 * 评估模式中文本、时效和衔接缺年的文字（core/evaluate/check-sections.ts、check-text-facts.ts、
 * check-timely.ts、chain.ts）。en-evaluate-text.ts has the same keys; zh-evaluate.ts spreads them in.
 */
const NUMERAL = ['', '一', '二', '三', '四', '五', '六'];
const KIND: Record<string, string> = {
  government: '按人民政府，3月31日前',
  department: '按政府部门，1月31日前',
  other: '单位名称看不出是政府还是部门（乡镇、街道、管委会等），按较宽的3月31日前',
};

type Quoted = { agency: string; year: number; file: string; ref: string; quote: string };
const at = (ref: string) => ref.replace(/^line\s*/, '第 ') + (ref.startsWith('line') ? ' 行' : '');

export const zhEvaluateText = {
  'evaluate.check.sections': () => '缺少部分',
  'evaluate.check.section_five': () => '问题部分为空',
  'evaluate.check.fees': () => '收费表述',
  'evaluate.check.text_year': () => '正文年份',
  'evaluate.check.timely': () => '发布时效',
  'evaluate.check.corrected': () => '复议纠错和败诉',
  'evaluate.corrected': (p: { agency: string; year: number; kind: string; n: number; ref: string; file: string }) =>
    `${p.agency}${p.year}年：表四${p.kind === 'review' ? '行政复议' : p.kind === 'suit' ? '行政诉讼（未经复议直接起诉）' : '行政诉讼（复议后起诉）'}结果纠正 ${p.n} 件（${p.ref}，「${p.file}」）`,
  'evaluate.source.corrected': () => '宿迁考核细则：行政复议纠错、行政诉讼败诉的，每件扣分（默认不扣，按当地细则设定）',
  'evaluate.check.published': () => '未发布',
  'evaluate.section_missing': (p: Quoted & { section: number }) =>
    `${p.agency}${p.year}年：正文完整（${at(p.ref)}「${p.quote}」），但没有找到第${NUMERAL[p.section] ?? p.section}部分的标题（「${p.file}」；标题写法不同的请人工核实）`,
  'evaluate.section_five.empty': (p: Quoted) =>
    `${p.agency}${p.year}年：第五部分「存在的主要问题及改进情况」没有内容（${at(p.ref)}「${p.quote}」，「${p.file}」）`,
  'evaluate.section_five.none': (p: Quoted) =>
    `${p.agency}${p.year}年：第五部分「存在的主要问题及改进情况」只写了“无”（${at(p.ref)}「${p.quote}」，「${p.file}」）`,
  'evaluate.fees': (p: { agency: string; year: number; file: string; line: string; quote: string; ref: string; amount: number }) =>
    `${p.agency}${p.year}年：第六部分称未收取任何费用（${at(p.line)}「${p.quote}」），而表二「行政事业性收费」（${at(p.ref)}）为 ${p.amount} 万元；如所指为信息处理费，请写明（「${p.file}」，请人工核实）`,
  'evaluate.text_year.period': (p: { agency: string; year: number; said: number; file: string; line: string; quote: string }) =>
    `${p.agency}${p.year}年：统计期限写的是${p.said}年（${at(p.line)}「${p.quote}」），不是报告年度，可能沿用了上年的报告（「${p.file}」，请人工核实）`,
  'evaluate.text_year.opening': (p: { agency: string; year: number; said: number; file: string; line: string; quote: string }) =>
    `${p.agency}${p.year}年：正文以${p.said}年叙述本年工作（${at(p.line)}「${p.quote}」），不是报告年度，可能沿用了上年的报告（「${p.file}」，请人工核实）`,
  'evaluate.late': (p: { agency: string; year: number; date: string; deadline: string; kind: string; file: string; ref: string }) =>
    `${p.agency}${p.year}年：报告发布日期 ${p.date}（${at(p.ref)}），晚于条例第四十九条的期限 ${p.deadline}（${KIND[p.kind] ?? KIND.other}；「${p.file}」）`,
  'evaluate.gap': (p: { agency: string; year: number; priorYear: number; missing: string }) =>
    `${p.agency}${p.year}年：缺少${p.missing}年的报告，未与${p.priorYear}年跨年核对衔接`,
  'evaluate.from_title': (p: { agency: string; year: number; what: string; ref: string; text: string; file: string }) =>
    `${p.agency}${p.year}年：报告正文未写明${p.what}，按网页标题认定（${at(p.ref)}「${p.text}」，「${p.file}」）`,
  'evaluate.from_title.agency': () => '单位',
  'evaluate.from_title.year': () => '年度',
  'evaluate.from_title.both': () => '单位和年度',
  'evaluate.not_judged.no_date': () => '网页未载明发布日期，未评发布时效',
  'evaluate.not_judged.no_text': () => '没有正文（表格文件），未评正文',
  'evaluate.not_judged.not_whole': () => '正文不完整（可能是截断的副本），未评各部分',
  'evaluate.not_judged.no_report': () => '未发布，无报告可评',
  'evaluate.not_judged.count': (p: { check: string; why: string; count: number }) => `「${p.check}」：${p.count} 份报告${p.why}`,
  'evaluate.source.sections': () => '第三方评估核对报告六个部分是否齐全（提示，不扣分，请人工核实）',
  'evaluate.source.section_five': () =>
    '宿迁考核细则要求“规范、高质量发布”年度报告；第三方评估将“存在的主要问题及改进情况”为空或“无”列为问题',
  'evaluate.source.fees': () => '第三方评估核对第六部分收费表述与表二行政事业性收费（提示，不扣分；信息处理费与行政事业性收费不同）',
  'evaluate.source.text_year': () => '第三方评估核对正文年份是否为报告年度（提示，不扣分，请人工核实）',
  'evaluate.source.timely': () => '条例第四十九条（部门1月31日前、政府3月31日前）；宿迁考核细则：未及时发布年度报告扣0.5分',
  'evaluate.source.published': () => '条例第四十九条；宿迁考核细则：未及时发布年度报告扣0.5分（各地对未发布扣分更重的，请以本地细则替换）',
};
