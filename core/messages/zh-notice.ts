/**
 * 退回修改通知（core/batch/notices.ts）的文字：一封可以直接发出的信。en-notice.ts has the same
 * keys; zh.ts spreads them into the catalogue.
 */

/** "2026-01-25" → "2026年1月25日". */
const day = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export const zhNotice = {
  // xxgk sum --only-clean and --agencies (issue 21): what was not summed stays with the total.
  'sum.left_out_heading': (p: { n: number }) => `未计入汇总的文件（${p.n} 个，--only-clean）：文件、结论、原因`,
  'sum.missing_heading': (p: { n: number }) => `名单中没有报告的单位（${p.n} 个）：`,
  'sum.missing': (p: { department: string }) => `名单中的「${p.department}」没有报告，未计入汇总`,
  // xxgk template --from (issue 21): last year's report of another department, or of a name that only resembles.
  'template.from_other': (p: { file: string; theirs: string; agency: string }) =>
    `注意：「${p.file}」是「${p.theirs}」的报告，不是「${p.agency}」的；仍按它预填上年数字，请确认选对了文件`,
  'template.from_resembles': (p: { file: string; theirs: string; agency: string }) =>
    `注意：「${p.file}」的单位名称「${p.theirs}」与「${p.agency}」只是相近，按同一单位预填上年数字，请核对`,
  'notice.to': (p: { department: string }) => `${p.department}：`,
  'notice.body': (p: { files: string[]; problems: number; deadline: string | null }) =>
    `你单位报送的${p.files.map((f) => `「${f}」`).join('、')}经检查，有以下 ${p.problems} 处问题，请逐项核实修改后${p.deadline ? `于 ${day(p.deadline)}前` : ''}重新报送。`,
  'notice.body_unread': (p: { files: string[]; deadline: string | null }) =>
    `你单位报送的${p.files.map((f) => `「${f}」`).join('、')}未能按报表检查，原因如下，请处理后${p.deadline ? `于 ${day(p.deadline)}前` : ''}重新报送。`,
  'notice.file_heading': (p: { n: number; file: string; sheet: string | null; verdict: string }) =>
    `${'一二三四五六七八九十'[p.n - 1] ?? p.n}、「${p.file}」${p.sheet ? `工作表「${p.sheet}」` : ''}（${p.verdict}）`,
  'notice.problem': (p: { n: number; severity: 'error' | 'warning' | 'notice'; rule: string }) =>
    `问题 ${p.n}（${({ error: '错误，必须修改', warning: '警告，请核实', notice: '提示' } as const)[p.severity]}）：${p.rule}`,
  'notice.broken': (p: { n: number }) => (p.n > 1 ? `以下 ${p.n} 个等式不成立：` : '以下等式不成立：'),
  'notice.what': () => '发现的情况：',
  'notice.any_of': (p: { n: number }) => `以下任一处有误，请核实（共 ${p.n} 种可能，最可能的在前）：`,
  'notice.this_one': () => '请核实以下单元格：',
  'notice.look_at': () => '涉及的单元格：',
  'notice.col.n': () => '序号',
  'notice.col.sheet': () => '工作表',
  'notice.col.address': () => '单元格',
  'notice.col.table': () => '表',
  'notice.col.row': () => '行',
  'notice.col.column': () => '列',
  'notice.col.found': () => '现填',
  'notice.col.balance': () => '改为此值即平衡',
  'notice.col.why': () => '说明',
  'notice.balances': () => '改为此值后各等式均成立',
  'notice.place': (p: { cell: string; where: string | null }) => `${p.cell}${p.where ? `（${p.where}）` : ''}`,
  'notice.blank': () => '空白',
  'notice.none': () => '（无可推算的值，请按台账核实）',
  'notice.advice': () => '“改为此值即平衡”是按统计表的等式推算出的值，只说明改哪一处能使表格平衡；请以本单位台账为准核实后填写。',
  'notice.contact': (p: { contact: string }) => `如有疑问，请联系：${p.contact}。`,
  'notice.date': (p: { date: string }) => day(p.date),
  'notice.sheet_name': () => '退回通知',
  'notice.deadline_invalid': (p: { value: string }) => `报送期限应写成 年-月-日，如 --deadline 2026-01-25，不是「${p.value}」`,
};
