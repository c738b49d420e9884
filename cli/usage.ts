export function usage(): string {
  return `xxgk — 政府信息公开工作年度报告 统计表工具 / annual report tables toolkit

用法 / usage:
  xxgk check PATH… [--json] [--lang zh|en] [--report out.xlsx|out.csv|out.html] [--jobs N] [--rules extra.txt] [--prior FILE|DIR]
  xxgk rules [--format 2019|2021] [--lang zh|en]
  xxgk template --year Y [--format 2019|2021] [--agency NAME] [--from LAST_YEAR_FILE|DIR] -o OUT.xlsx
  xxgk template --year Y --agencies list.txt [--from DIR] -o DIR/
  xxgk fill FILE -o OUT.xlsx [--prior LAST_YEAR_FILE] [--sheet NAME] [--json]
  xxgk sum FILES… -o TOTAL.xlsx [--force] [--allow-errors] [--agency NAME]
  xxgk export FILE --to html|xlsx|csv|json -o OUT [--allow-errors] [--sheet NAME]
  xxgk import FILE.txt|FILE.html [-o OUT.xlsx] [--json]

${OUTPUT_NOTE}
退出码 / exit status: 0 全部通过 all clean; 1 有错误或无法读取 errors or unreadable files; 2 命令行有误 bad command line
`;
}

/** How every command treats its output file (cli/write.ts), for the usage texts. */
export const OUTPUT_NOTE = `输出 / output (-o, --report):
  从不覆盖输入文件；指向文件的链接：替换其所指文件，链接保留；设备（/dev/null）：直接写入；管道、文件夹：拒绝。
  never replaces an input; a link is followed (the file it points to is replaced, the link stays);
  a device (/dev/null) is written through; a pipe or a folder is refused. Inputs: regular files only.
`;
