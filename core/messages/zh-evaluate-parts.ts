/**
 * 评估模式分片运行与合并（xxgk evaluate --shard / --merge，cli/evaluate-parts.ts）的中文文字。
 * en-evaluate-parts.ts has the same keys; zh.ts spreads them in.
 */
export const zhEvaluateParts = {
  'evaluate.shard_invalid': (p: { value: string }) => `分片「${p.value}」无效，应写作如 2/8（共 8 片中的第 2 片）`,
  'evaluate.shard_needs_out': () => '分片运行需用 --out 给出部分结果文件',
  'evaluate.out_needs_shard': () => '--out 只用于分片运行（与 --shard 一起），写出这一片的部分结果；评估结果用 --json 输出到标准输出',
  'evaluate.shard_and_merge': () => '--shard 与 --merge 不能同时使用：先分片运行，再合并各片的部分结果',
  'evaluate.shard_written': (p: { shard: string; files: number; total: number; file: string }) =>
    `第 ${p.shard} 片：读取 ${p.files} 个文件（文件夹共 ${p.total} 个），部分结果已写入「${p.file}」；各片完成后用 xxgk evaluate --merge 合并`,
  'evaluate.merge.none': () => '请给出要合并的部分结果文件（各片 --out 写出的文件）',
  'evaluate.merge.not_part': (p: { file: string }) => `「${p.file}」不是 xxgk evaluate --shard 写出的部分结果文件`,
  'evaluate.merge.bad_line': (p: { file: string; line: number }) =>
    `部分结果「${p.file}」第 ${p.line} 行已损坏，不能合并；请重新运行这一片`,
  'evaluate.merge.unreadable': (p: { file: string; why: string }) => `无法读取部分结果「${p.file}」：${p.why}`,
  'evaluate.merge.version': (p: { file: string; version: string; ours: string }) =>
    `部分结果「${p.file}」由 xxgk ${p.version} 写出，与本程序（${p.ours}）版本不同，不能合并；请用同一版本重新运行各片`,
  'evaluate.merge.incomplete': (p: { file: string; shard: string; files: number }) =>
    `部分结果「${p.file}」（第 ${p.shard} 片）不完整，只有 ${p.files} 个文件且缺少结尾：这一片未运行完或未复制完，请重新运行这一片`,
  'evaluate.merge.count': (p: { file: string; count: number; first: string; firstCount: number }) =>
    `「${p.file}」把文件分为 ${p.count} 片，「${p.first}」分为 ${p.firstCount} 片，不能合并`,
  'evaluate.merge.options': (p: { file: string; first: string; what: string }) =>
    `「${p.file}」与「${p.first}」运行时的${p.what}不同，不能合并；请用相同的选项重新运行各片`,
  'evaluate.merge.given': (p: { what: string }) => `合并时给出的${p.what}与各片运行时不同；合并沿用各片的选项，可不再给出`,
  'evaluate.merge.option.lang': () => '输出语言（--lang）',
  'evaluate.merge.option.years': () => '年度范围（--years）',
  'evaluate.merge.option.agencies': () => '单位名单（--agencies）',
  'evaluate.merge.listing': (p: { file: string; files: number; first: string; firstFiles: number }) =>
    `「${p.file}」运行时文件夹中有 ${p.files} 个文件，「${p.first}」运行时有 ${p.firstFiles} 个：各片读取的不是同一批文件，不能合并`,
  'evaluate.merge.duplicate': (p: { shard: string; a: string; b: string }) =>
    `第 ${p.shard} 片给出了两次（「${p.a}」和「${p.b}」），不能合并`,
  'evaluate.merge.missing': (p: { shards: string; count: number }) => `共 ${p.count} 片，缺少第 ${p.shards} 片的部分结果，不能合并`,
  'evaluate.merge.file_twice': (p: { file: string }) => `「${p.file}」出现在两片中：各片读取的不是同一批文件，不能合并`,
  'evaluate.merge.listing_short': (p: { files: number; total: number }) =>
    `各片合计 ${p.files} 个文件，而文件夹中有 ${p.total} 个：各片读取的不是同一批文件，不能合并`,
};
