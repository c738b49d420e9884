/** Reading reports from workbook bytes: readWorkbook (bytes → Book) + locateReports (Book → ReportData[]). */
import type { ReportData } from '../model/report';
import { readWorkbook, type ReadOptions } from './xlsx';
import { locateReports } from './locate';

export { ReadError, isReadError, type ReadErrorCode } from './errors';
export { readWorkbook, sheetGrid, checkSize, DEFAULT_MAX_BYTES, type ReadOptions } from './xlsx';
export { locateReports, parseTitle, registerSparse, TAG_SHEET, TAG_MAGIC } from './locate';
export { normLabel, labelParts, compareLabel, type LabelMatch, type MatchQuality } from './labels';

/** Every report in a workbook file's bytes. Throws ReadError (unreadable file, no tables). */
export function readReports(data: Uint8Array, name: string, opts?: ReadOptions): ReportData[] {
  return locateReports(readWorkbook(data, name, opts));
}
