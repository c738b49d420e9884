/**
 * 批量检查中单位名单、文件名和重复文件的消息（core/batch）。en-batch.ts has the same keys; zh.ts
 * spreads them into the catalogue.
 */
export const zhBatch = {
  'batch.year_name_unread': (p: { named: number; want: number }) =>
    `文件名写的是 ${p.named} 年，报告中读不出年度：年度以报告内容为准，文件名仅作参考`,
  'batch.agency_near': (p: { agency: string; department: string }) =>
    `报告中的单位「${p.agency}」与名单中的「${p.department}」相差一两个字，按「${p.department}」计；请核对：若名单写错，请将名单中的「${p.department}」改为「${p.agency}」`,
  'batch.agency_near_ambiguous': (p: { agency: string; among: string }) =>
    `报告中的单位「${p.agency}」不在名单中，与名单中的${p.among}都只差一两个字，无法确定是哪一个单位，未计入其中任何一个：请核对名单或报告`,
  'batch.missing_near': (p: { department: string; file: string; agency: string }) =>
    `名单中的「${p.department}」没有找到报送文件；文件「${p.file}」的单位「${p.agency}」与它只差一两个字，可能就是该单位，请核对`,
  'batch.list_ignored': (p: { line: number; text: string }) => `单位名单第 ${p.line} 行「${p.text}」不是单位名称（只有标点），已忽略`,
  'batch.dup_why.chosen': () => '已指定保留那份',
  'batch.dup_why.passing': () => '那份通过检查，此文件有错误',
  'batch.dup_why.revision': () => '文件名表明那份是修改后的版本',
  'batch.dup_why.newest': (p: { time: string }) => `那份修改时间较新，修改于 ${p.time}`,
  'batch.dup_why.identical': () => '两份文件内容完全相同',
  'batch.dup_why.same_figures': () => '两份文件中报告的数字完全相同',
  'batch.dup_kept_why.chosen': () => '已指定保留此文件',
  'batch.dup_kept_why.passing': () => '此文件通过检查，其他文件有错误',
  'batch.dup_kept_why.revision': () => '文件名表明此文件是修改后的版本',
  'batch.dup_kept_why.newest': (p: { time: string }) => `此文件修改时间最新，修改于 ${p.time}`,
  'batch.dup_kept_why.identical': () => '内容完全相同',
  'batch.dup_kept_why.same_figures': () => '报告的数字完全相同',
  'batch.duplicate_choose': (p: { department: string; n: number; files: string; detail: string }) =>
    `「${p.department}」报送了 ${p.n} 份不同的报告：${p.files}。${p.detail}，无法判断以哪一份为准，都已保留，请选定一份`,
  'batch.dup_file': (p: { file: string; time: string }) => `「${p.file}」（修改于 ${p.time}）`,
  'batch.dup_detail.none': () => '文件名都没有表明哪一份是修改后的版本，检查结果也分不出',
  'batch.dup_detail.conflict': (p: { revision: string; passing: string }) =>
    `文件名表明「${p.revision}」是修改后的版本，但通过检查的是「${p.passing}」`,
  'batch.choose_summary': (p: { n: number; list: string }) => `${p.n} 个单位报送了多份不同的报告，需选定以哪一份为准：${p.list}`,
  'batch.choose_more': (p: { files: string; n: number }) => `${p.files} 等 ${p.n} 份`,
  'batch.choose_item': (p: { department: string; files: string }) => `${p.department}（${p.files}）`,
  'cli.keep_hint': () => '选定后可用 --keep 文件名 指定保留哪一份，或用 --prefer 指定规则（见 xxgk check --help）',
  'cli.prefer_invalid': (p: { value: string }) =>
    `--prefer 的值「${p.value}」无效，应为 --prefer newest、--prefer passing 或 --prefer revision`,
  'cli.keep_unknown': (p: { file: string }) => `--keep 指定的文件「${p.file}」不在本次检查的文件中`,
};
