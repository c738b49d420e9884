/**
 * 评估模式（xxgk evaluate，core/evaluate）的中文文字。en-evaluate.ts has the same keys; zh.ts spreads them in.
 */
import { zhEvaluateText } from './zh-evaluate-text';

const TABLE: Record<string, string> = { T2: '表二', T3: '表三', T4: '表四' };
const table = (t: string) => TABLE[t] ?? t;

type Break = {
  agency: string;
  year: number;
  ref: string;
  file: string;
  actual: number;
  priorYear: number;
  priorRef: string;
  priorFile: string;
  expected: number;
};

type Copied = {
  agency: string;
  year: number;
  percent: number;
  other: string;
  otherYear: number;
  file: string;
  otherFile: string;
  passages: string;
};

type Summed = {
  cells: number;
  agency: string;
  year: number;
  file: string;
  cell: string;
  ref: string;
  actual: number;
  expected: number;
  summed: number;
  missing: string;
  suspect: string;
};

export const zhEvaluate = {
  'cli.usage.evaluate': () => `用法：xxgk evaluate 文件夹或文件… [选项]
逐份读取一个地区历年发布的年度报告，按报告内容认定单位和年度，逐个单位核对历年衔接，
每个单位每个年度一行：平衡关系错误、历年衔接断点、与上年相同的表格、文字雷同、
上下级汇总，以及按默认考核细则的得分。

选项：
  --agencies 名单.txt   单位名单（每行一个）：报告按名单认定单位，名单外的报告列出并说明
  --years 2021-2025     只评估这些年度的报告
  --rules 考核.txt      按本地考核细则计分，代替默认细则（写法见说明文档）
  --report 评估.html    写出评估报告：.html（可排序、筛选，含各单位衔接图）或 .xlsx，可各给一次
  --notices 文件夹      为每个有问题的单位写一份整改通知（.html）
  --tree 区划.txt       上下级关系（下级缩进，或写作“上级 > 下级”）：汇总全县的政府报告与所属部门之和核对
  --json                以 JSON 输出（每个单位每个年度一条记录，字段见说明文档）
  --lang zh|en          输出语言
  --jobs N              同时读取和检查的文件数（默认按本机处理器和内存）
  -q, --quiet           不显示进度
  --shard I/N --out 文件  只读取 N 片中的第 I 片（按文件名划分），部分结果写入该文件
  --merge 文件…         合并各片的部分结果一并评估，与一次读取全部文件的结果相同
  -h, --help            显示本帮助
`,
  'evaluate.col.agency': () => '单位',
  'evaluate.col.year': () => '年度',
  'evaluate.col.score': () => '得分',
  'evaluate.col.file': () => '文件',
  'evaluate.check.balance': () => '平衡错误',
  'evaluate.check.chain': () => '衔接断点',
  'evaluate.check.identical': () => '与上年相同的表',
  'evaluate.check.copying': () => '文字雷同',
  'evaluate.copying.own_prior': (p: Copied) =>
    `${p.agency}${p.year}年：正文有 ${p.percent}% 与本单位${p.otherYear}年的报告相同（「${p.file}」对「${p.otherFile}」）${p.passages ? `；最长的相同段落：${p.passages}` : ''}`,
  'evaluate.copying.other_agency': (p: Copied) =>
    `${p.agency}${p.year}年：正文有 ${p.percent}% 与${p.other}${p.otherYear}年的报告相同（「${p.file}」对「${p.otherFile}」）${p.passages ? `；最长的相同段落：${p.passages}` : ''}`,
  'evaluate.copying.passage': (p: { text: string; ref: string; otherRef: string }) => `“${p.text}”（本报告${p.ref}，对方${p.otherRef}）`,
  'evaluate.copying.and': () => '；',
  'evaluate.check.hierarchy': () => '上下级汇总',
  'evaluate.hierarchy.sum': (p: Summed) =>
    `${p.agency}${p.year}年（汇总所属部门的报告）：${p.cell}${p.ref ? `（${p.ref}）` : ''}为 ${p.actual}，所属 ${p.summed} 个部门的报告合计为 ${p.expected}${p.missing ? `；未计入：${p.missing}（没有这一年度可比的报告）` : ''}${p.suspect}`,
  'evaluate.hierarchy.litigation': (p: Summed) =>
    `${p.agency}${p.year}年（汇总所属部门的报告）：${p.cell}${p.ref ? `（${p.ref}）` : ''}为 ${p.actual}，所属 ${p.summed} 个部门的报告合计为 ${p.expected}${p.missing ? `；未计入：${p.missing}（没有这一年度可比的报告）` : ''}${p.suspect}。仅作提示：按国办公开办函〔2016〕201号，以复议机关为共同被告的行政诉讼只计入原行政行为机关，表四的诉讼数可以不等于各部门之和`,
  'evaluate.hierarchy.incomplete': (p: Summed) =>
    `${p.agency}${p.year}年（汇总所属部门的报告）：有 ${p.cells} 格大于所属 ${p.summed} 个部门的报告之和，如${p.cell}${p.ref ? `（${p.ref}）` : ''}为 ${p.actual}、合计为 ${p.expected}；未计入：${p.missing}（没有这一年度可比的报告），差额可能就是它们的数字，仅作提示`,
  'evaluate.hierarchy.suspect': (p: { department: string; ref: string; value: number; file: string }) =>
    `；最可能有误的是${p.department}的这一格（${p.ref}，为 ${p.value}，「${p.file}」），该单位自己的表在此处不平衡`,
  'evaluate.hierarchy.left_out': (p: { agency: string; year: number; file: string; department: string; missing: string }) =>
    `${p.agency}${p.year}年（汇总所属部门的报告）：表三、表四的数字恰好等于除${p.department}以外各部门之和——${p.department}的数字没有计入，或${p.department}不在其汇总范围内（请核对区划文件）${p.missing ? `；另未计入：${p.missing}` : ''}`,
  'evaluate.hierarchy.scope_unknown': (p: { agency: string; year: number; file: string }) =>
    `${p.agency}${p.year}年：标题和正文都没有说明报告是汇总全县（区、市）还是仅含本级，未与所属部门之和核对（「${p.file}」）`,
  'evaluate.hierarchy.list_and': () => '、',
  'evaluate.no_tree': () => '未给出区划文件（--tree）：未核对政府的汇总报告与所属部门之和',
  'evaluate.tree_unreadable': (p: { file: string; why: string }) => `无法读取区划文件「${p.file}」：${p.why}`,
  'evaluate.tree.two_parents': (p: { file: string; line: number; name: string; other: string }) =>
    `区划文件「${p.file}」第 ${p.line} 行：「${p.name}」已是「${p.other}」的下级，不能再属于另一个上级`,
  'evaluate.tree.cycle': (p: { file: string; line: number; name: string; other: string }) =>
    `区划文件「${p.file}」第 ${p.line} 行：「${p.name}」成了自己的上级（经由「${p.other}」）`,
  'evaluate.tree.empty': (p: { file: string; line: number; name: string; other: string }) =>
    `区划文件「${p.file}」中没有上下级关系：每行一个单位，下级比上级多缩进，或写作“上级 > 下级”`,
  'evaluate.break.carry_over': (p: Break) =>
    `${p.agency}${p.year}年：表三「上年结转」${p.ref} 为 ${p.actual}，上年（${p.priorYear}年）「结转下年度」${p.priorRef} 为 ${p.expected}（「${p.file}」对「${p.priorFile}」）`,
  'evaluate.break.in_force': (p: Break) =>
    `${p.agency}${p.year}年：表二「现行有效件数」${p.ref} 为 ${p.actual}，按上年（${p.priorYear}年）${p.priorRef} 加本年制发减本年废止应为 ${p.expected}（「${p.file}」对「${p.priorFile}」）`,
  'evaluate.identical': (p: { agency: string; year: number; table: string; priorYear: number; file: string; priorFile: string }) =>
    `${p.agency}${p.year}年：${table(p.table)}与上年（${p.priorYear}年）完全相同（「${p.file}」与「${p.priorFile}」）`,
  'evaluate.balance': (p: { agency: string; year: number; place: string; message: string }) =>
    `${p.agency}${p.year}年：${p.place} ${p.message}`,
  'evaluate.not_compared': (p: { agency: string; year: number; priorYear: number }) =>
    `${p.agency}${p.year}年：${p.priorYear}年的报告为 2021 年以前的格式，表二没有「现行有效件数」，未核对现行有效件数的衔接（表三上年结转已核对）`,
  ...zhEvaluateText,
  'evaluate.file.unreadable': (p: { file: string; reason: string }) => `未评估：${p.reason || `无法读取「${p.file}」`}`,
  'evaluate.file.not_report': (p: { file: string; reason: string }) => `「${p.file}」不是年度报告统计表：${p.reason}`,
  'evaluate.unplaced.no_agency': (p: { file: string }) => `「${p.file}」中的报告未写明单位名称，未评估`,
  'evaluate.unplaced.no_year': (p: { file: string }) => `「${p.file}」中的报告未写明年度，未评估`,
  'evaluate.unplaced.not_listed': (p: { file: string; agency: string }) => `「${p.file}」中的报告（${p.agency}）不在单位名单上，未评估`,
  'evaluate.unplaced.ambiguous': (p: { file: string; agency: string; among: string }) =>
    `「${p.file}」中的报告（${p.agency}）可对应名单上的多个单位（${p.among}），无法区分，未评估`,
  'evaluate.unplaced.out_of_years': (p: { file: string; agency: string; year: number }) =>
    `「${p.file}」中的报告（${p.agency}${p.year}年）不在所评估的年度内，未评估`,
  'evaluate.unplaced.duplicate': (p: { file: string; agency: string; year: number; first: string }) =>
    `「${p.file}」中的报告（${p.agency}${p.year}年）与「${p.first}」是同一单位同一年度，只评估了后者，两份未合并`,
  'evaluate.summary': (p: { files: number; read: number; unreadable: number; notReport: number; placed: number; unplaced: number }) =>
    `共 ${p.files} 个文件：读取 ${p.read} 个，无法读取 ${p.unreadable} 个，不是报告 ${p.notReport} 个；评估报告 ${p.placed} 份，未评估 ${p.unplaced} 份`,
  'evaluate.missing': (p: { agency: string; year: number }) =>
    `${p.agency}${p.year}年：名单上有这个单位，但没有找到这一年度的报告（未发布）`,
  'evaluate.none': () => '没有可评估的报告',
  'evaluate.no_inputs': () => '请给出要评估的文件夹或文件',
  'evaluate.years_invalid': (p: { value: string }) => `年度范围「${p.value}」无效，应写作如 2021-2025`,
  'evaluate.agencies_unreadable': (p: { file: string; why: string }) => `无法读取单位名单「${p.file}」：${p.why}`,
  'evaluate.source.balance': () => '各地通报均以表格平衡关系不符为“数据失准”扣分',
  'evaluate.source.chain': () => '第三方评估核对历年衔接：上年结转等于上年结转下年度，现行有效件数等于上年数加本年制发减本年废止',
  'evaluate.source.hierarchy': () => '第三方评估核对汇总报告：上级的数字等于所属各部门之和，并列出缺报的部门',
  'evaluate.source.copying': () => '宿迁、鲤城等地考核细则：报告文字与本单位上年或其他单位雷同超过 50% 的扣分',
  'evaluate.source.identical': () => '宿迁、鲤城等地考核细则对与上年雷同的报告扣分',
};
