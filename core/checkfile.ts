/**
 * One file's bytes → its FileResult (findings.md). Host-agnostic: the CLI's workers and the
 * task pane (files picked in a browser) both call this.
 */
import { checkReport, type CheckOptions } from './check';
import type { FileResult } from './model/findings';
import { parseHtml } from './import/html';
import { parseText } from './import/text';
import { ReadError } from './read/errors';
import { locateReports } from './read/locate';
import { readWorkbook } from './read/xlsx';
import type { ReportData } from './model/report';
import { textFindings } from './rules/text';

export const PUBLISHED_EXT = /\.(txt|html?|md)$/i;

/** Text as written by Chinese offices: UTF-8 (with or without BOM), else GB18030. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Reports in a file (workbook, or a published text/HTML report). Throws ReadError. */
export function readReportsFrom(data: Uint8Array, name: string, opts: { maxBytes?: number } = {}): ReportData[] {
  if (PUBLISHED_EXT.test(name)) {
    if (opts.maxBytes !== undefined && data.length > opts.maxBytes)
      throw new ReadError('too_large', name, `${data.length} > ${opts.maxBytes} bytes`);
    const text = decodeText(data);
    const parsed = /\.html?$/i.test(name) ? parseHtml(text, name) : parseText(text, name);
    const reports = locateReports(parsed.book);
    for (const r of reports) r.textLines = parsed.textLines;
    return reports;
  }
  return locateReports(readWorkbook(data, name, opts));
}

export interface CheckFileOptions extends CheckOptions {
  maxBytes?: number;
  /** Last year's reports to match by agency (bulk --prior DIR); `prior` alone applies to every report. */
  priors?: { name: string; report: ReportData }[];
}

export function checkData(data: Uint8Array, path: string, opts: CheckFileOptions = {}): FileResult {
  let reports: ReportData[];
  try {
    reports = readReportsFrom(data, path, opts);
  } catch (e) {
    if (e instanceof ReadError)
      return { path, status: 'unreadable', error: { code: e.code, message: e.messageIn(opts.lang ?? 'zh') }, reports: [] };
    const msg = e instanceof Error ? e.message : String(e);
    return {
      path,
      status: 'unreadable',
      error: {
        code: 'not_workbook',
        message: opts.lang === 'en' ? `${path}: cannot be read (${msg})` : `文件「${path}」无法读取（${msg}）`,
      },
      reports: [],
    };
  }
  return {
    path,
    status: 'checked',
    error: null,
    reports: reports.map((r) => {
      const match = opts.priors && matchPrior(r, opts.priors);
      return checkReport(r, { textRules: textFindings, ...opts, ...(match ? { prior: match.report, priorName: match.name } : {}) });
    }),
  };
}

/** Last year's report of the same agency (names compared without spaces and punctuation). */
export function matchPrior(r: ReportData, priors: { name: string; report: ReportData }[]): { name: string; report: ReportData } | null {
  const key = (s: string | null) => (s ?? '').normalize('NFKC').replace(/[\s\p{P}]/gu, '');
  if (!r.agency) return priors.length === 1 ? priors[0] : null;
  return priors.find((p) => key(p.report.agency) === key(r.agency)) ?? null;
}
