/**
 * Why a file could not be read. Every reader failure is one of these codes, with a message in
 * Chinese then English that names the file (and the cell where one is to blame).
 */

export type ReadErrorCode = 'not_zip' | 'encrypted' | 'truncated' | 'not_workbook' | 'too_large' | 'no_tables' | 'empty';

const TEXT: Record<ReadErrorCode, { zh: (f: string, d: string) => string; en: (f: string, d: string) => string }> = {
  not_zip: {
    zh: (f) => `文件「${f}」不是有效的电子表格：既不是 .xlsx/.ods（zip 压缩包），也不是 .xls 文件`,
    en: (f) => `${f} is not a spreadsheet: neither an .xlsx/.ods (zip package) nor an .xls file`,
  },
  encrypted: {
    zh: (f) => `文件「${f}」设置了打开密码（已加密），无法读取；请去掉密码后另存再检查`,
    en: (f) => `${f} is password-protected (encrypted) and cannot be read; save a copy without the password and check that`,
  },
  truncated: {
    zh: (f) => `文件「${f}」不完整（可能下载或复制中断），无法读取`,
    en: (f) => `${f} is truncated (an interrupted download or copy?) and cannot be read`,
  },
  not_workbook: {
    zh: (f, d) => `文件「${f}」不是工作簿${d ? `（${d}）` : ''}，可能是改了扩展名的其他文件`,
    en: (f, d) => `${f} is not a workbook${d ? ` (${d})` : ''}; perhaps another kind of file renamed`,
  },
  too_large: {
    zh: (f, d) => `文件「${f}」太大（${d}），为避免耗尽内存未读取`,
    en: (f, d) => `${f} is too large (${d}); not read to avoid running out of memory`,
  },
  no_tables: {
    zh: (f) => `文件「${f}」中没有找到年度报告的统计表（表二、表三、表四）`,
    en: (f) => `no tables of the annual report (tables 2, 3, 4) found in ${f}`,
  },
  empty: {
    zh: (f) => `文件「${f}」是空的`,
    en: (f) => `${f} is empty`,
  },
};

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly file: string;
  /** Detail for the message (sizes, the library's own words). */
  readonly detail: string;
  readonly zh: string;
  readonly en: string;
  constructor(code: ReadErrorCode, file: string, detail = '', opts?: { cause?: unknown }) {
    const t = TEXT[code];
    const zh = t.zh(file, detail);
    const en = t.en(file, detail);
    super(`${zh} / ${en}`);
    this.name = 'ReadError';
    this.code = code;
    this.file = file;
    this.detail = detail;
    this.zh = zh;
    this.en = en;
    if (opts?.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }
  /** The message in one language ('zh' gives Chinese only, 'en' English only). */
  messageIn(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

export const isReadError = (e: unknown): e is ReadError => e instanceof ReadError;
