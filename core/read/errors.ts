/**
 * Why a file could not be read. Every reader failure is one of these codes, with its message in
 * each language (from core/messages) naming the file (and the cell where one is to blame).
 */
import type { Lang } from '../model/findings';
import { sayBoth } from '../messages';

export type ReadErrorCode =
  | 'not_zip'
  | 'encrypted'
  | 'truncated'
  | 'damaged'
  | 'not_workbook'
  | 'too_large'
  | 'no_tables'
  | 'empty'
  // Several reports on one sheet that cannot be told apart (core/read/locate/areas.ts):
  | 'mixed_reports'
  // Kinds recognised by core/read/kinds.ts and refused, or read and found wanting:
  | 'word_binary'
  | 'image'
  | 'archive'
  | 'not_docx'
  | 'scanned_pdf'
  | 'not_pdf'
  // A PDF that draws text whose characters cannot be named (a font's encoding unknown):
  | 'pdf_fonts'
  // A PDF whose tables are drawn without borders (columns would be guessed):
  | 'pdf_no_borders'
  // A PDF damaged or built to exhaust its reader (core/read/pdf-guard.ts):
  | 'pdf_damaged'
  | 'encoding'
  // A Word document or a PDF read whole, holding no tables of the report:
  | 'docx'
  | 'pdf';

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly file: string;
  /** Detail for the message: language-neutral (sizes), or in each language (from the catalogue). */
  readonly detail: string | Record<Lang, string>;
  readonly zh: string;
  readonly en: string;
  constructor(code: ReadErrorCode, file: string, detail: string | Record<Lang, string> = '', opts?: { cause?: unknown }) {
    const [dz, de] = typeof detail === 'string' ? [detail, detail] : [detail.zh, detail.en];
    const zh = sayBoth(`read.${code}`, { file, detail: dz }).zh;
    const en = sayBoth(`read.${code}`, { file, detail: de }).en;
    super(zh);
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

/**
 * Not a verdict: a reader asked to stay bounded (ReadOptions.bounded, a process without memory or
 * time limits: `xxgk check` in its main process) met an input its guards do not bound tightly
 * enough (a large file, a PDF, a Word document, big parts). The caller has it read where the
 * limits are (a checking process, cli/pool.ts), which gives the verdict.
 */
export class NeedsLimits extends Error {
  constructor(readonly file: string) {
    super('needs a checking process with limits');
    this.name = 'NeedsLimits';
  }
}

export const isReadError = (e: unknown): e is ReadError => e instanceof ReadError;
