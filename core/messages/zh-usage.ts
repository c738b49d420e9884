/**
 * 命令行帮助（xxgk --help、xxgk 命令 --help）的中文文字。en-usage.ts has the same keys; zh.ts
 * spreads them into the catalogue, so `say(lang, 'cli.usage.check')` prints one language.
 */

/** How every command treats its input and output files (cli/write.ts). */
const OUTPUT = `输出文件（-o、--report、--notices）：
  从不覆盖输入文件；输出是指向文件的链接时，替换其所指的文件，链接保留；
  设备（如 /dev/null）直接写入；管道和文件夹拒绝写入。输入只读普通文件。
  按单位名生成的文件（--notices、xxgk template --agencies）不经链接写出，也不覆盖已有的文件；
  --notices 文件夹每次整个换成本次的退回通知，其中有其他文件时拒绝。
  文件夹中的隐藏文件、锁定文件（~$）和本程序生成的汇总表、检查报告、退回通知、导出文件不读取，逐个说明；
  在命令行上直接写出的文件总是读取。`;

const LANG = `  --lang zh|en                 输出语言：默认中文；环境变量 LANG 设为英文（如 LANG=en_US.UTF-8）时默认英文`;
const HELP = `  -h, --help                   显示本帮助`;
const EXIT = `退出码：0 全部通过；1 有错误或无法读取；2 命令行有误`;

const page = (...parts: string[]) => `${parts.join('\n\n')}\n`;

export const zhUsage = {
  'cli.usage.main': () =>
    page(
      'xxgk：政府信息公开工作年度报告统计表工具',
      `用法：
  xxgk check 文件或文件夹…                检查报告（Excel、WPS、Word、PDF、网页、文本）
  xxgk rules                              列出检查规则
  xxgk template --year 年度 -o 模板.xlsx   生成空白模板（可按上年报告预填）
  xxgk fill 文件 -o 输出.xlsx              补填空白合计和上年结转
  xxgk sum 文件… -o 汇总.xlsx              汇总各单位的报告
  xxgk export 文件 -o 输出                 导出为网页、.xlsx、.csv 或 .json 格式
  xxgk import 文件 [-o 输出.xlsx]          读入已发布的报告（网页、文本、Word、PDF）并检查
  xxgk evaluate 文件夹…                   评估一个地区历年的报告：逐个单位核对历年衔接并打分`,
      `各命令的选项见 xxgk 命令 --help，如 xxgk check --help。\n${LANG}`,
      OUTPUT,
      EXIT,
    ),
  'cli.usage.check': () =>
    page(
      `用法：xxgk check 文件或文件夹… [选项]
检查统计表：Excel（.xlsx .xls .et .ods）、WPS、Word（.docx）、PDF、网页和文本文件。
文件夹中的每个文件都列出并给出结论，不是报表的文件也一样。`,
      `选项：
  --year 年度                  本次收集的年度（如 2025）：其他年度或格式不符的报告标为“年度或格式不符”
  --agencies 名单.txt          应报送的单位名单（每行一个）：列出未报送、重复和名单外的单位
                               单位名与名单只差一两个字的，按名单中的单位计并提示改正；只有标点的行忽略
  --prefer newest|passing|revision
                               同一单位有多份不同的报告时以哪份为准。不给出时：通过检查的、文件名表明是
                               修改稿的（修改后、终稿、定稿、v2、(1)、第二版…）为准，两者矛盾或都分不出
                               时都保留，请选定。--prefer newest 以修改时间最新的为准；--prefer passing
                               先看是否通过检查；--prefer revision 先看文件名是否表明是修改稿
  --keep 文件                  指定保留的文件（可给出多次）：同一单位的其他文件标为“重复”
  --report 结果.xlsx           写出批量检查结果（.xlsx、.html 或 .csv）
  --notices 文件夹             为每个需退回的单位写出退回修改通知
  --notices-format html|xlsx   退回通知的格式：网页（默认）或 .xlsx 工作簿
  --deadline 年-月-日          退回通知写明的重新报送期限，如 --deadline 2026-01-25
  --contact 联系方式           退回通知写明的联系人和电话，如 --contact "张三 0371-12345678"
  --office 单位名称            发出退回通知的单位（落款），如 --office 某某县政务公开办公室
  --prior 文件或文件夹          上年的报告，用于跨年度核对
  --rules 规则.txt             附加的检查规则（可给出多次）
  --json                       以 JSON 格式输出检查结果
  --jobs 数量                  同时检查的文件数（不超过处理器数和内存所容）
  -q, --quiet                  不显示进度
${LANG}
${HELP}`,
      OUTPUT,
      EXIT,
    ),
  'cli.usage.rules': () =>
    page(
      `用法：xxgk rules [选项]
列出每种格式的检查规则：编号、级别、说明和规则式。`,
      `选项：
  --format 2019|2021           只列出这一种格式的规则
${LANG}
${HELP}`,
    ),
  'cli.usage.template': () =>
    page(
      `用法：xxgk template --year 年度 [选项] -o 模板.xlsx
      xxgk template --year 年度 --agencies 名单.txt [--from 文件夹] -o 文件夹
生成空白的统计表模板；给出上年报告时，预填上年结转等数据。`,
      `选项：
  --year 年度                  报告年度，决定所用的格式
  --format 2019|2021           指定格式（不按年度选择）
  --agency 单位名称            写在模板上的单位名称
  --agencies 名单.txt          为名单中的每个单位各生成一个模板，写到 -o 指定的文件夹
  --from 文件或文件夹           上年的报告：按单位名称匹配，预填上年数据
  -o 输出                      模板文件（.xlsx），或用 --agencies 时的文件夹
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.fill': () =>
    page(
      `用法：xxgk fill 文件 -o 输出.xlsx [选项]
读入已填写的报告，补填空白的合计和（给出上年报告时）上年结转，按标准格式写出。`,
      `选项：
  --prior 上年报告             按上年报告的结转下年度补填本年的上年结转
  --sheet 工作表               文件中有几份报告时，指定其中一份
  --json                       以 JSON 格式输出填写结果
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.sum': () =>
    page(
      `用法：xxgk sum 文件… -o 汇总.xlsx [选项]
      xxgk sum 文件夹 --only-clean [--year 年度] -o 汇总.xlsx
把各单位同一年度、同一格式的报告逐格相加，写成一份报告，另附汇总明细表。`,
      `选项：
  --only-clean                 只汇总通过检查的报告，其余的列出并说明原因（也写入“汇总明细”工作表）
  --agencies 单位名单.txt      列出名单中没有报告的单位（也写入“汇总明细”工作表）
  --year 年度                  与 --only-clean 同用：只汇总这一年度的报告
  --keep 文件                  同一单位有几份报告时，只汇总这一份（可多次给出），其余的列出并说明
  --force                      格式或年度不同、或同一单位有几份报告也汇总
  --allow-errors               有错误的报告也汇总
  --agency 单位名称            写在汇总表上的单位名称
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.export': () =>
    page(
      `用法：xxgk export 文件 -o 输出 [选项]
把报告的统计表导出为发布用的格式。有错误的报告不导出，除非加 --allow-errors。`,
      `选项：
  --to html|xlsx|csv|json      输出格式（默认按 -o 的扩展名）
  --sheet 工作表               文件中有几份报告时，指定其中一份
  --allow-errors               有错误也导出
${LANG}
${HELP}`,
      OUTPUT,
    ),
  'cli.usage.import': () =>
    page(
      `用法：xxgk import 文件 [-o 输出.xlsx] [选项]
读入已发布的报告（网页、文本、Word、PDF 或工作簿），找出统计表并检查，包括正文所称件数与表格是否一致；
给出 -o 时按标准格式写成工作簿。`,
      `选项：
  -o 输出.xlsx                 写出标准格式的工作簿
  --json                       以 JSON 格式输出读出的表格和检查结果
${LANG}
${HELP}`,
      OUTPUT,
    ),
};
