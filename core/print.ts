/**
 * How every workbook the product writes prints (issue 21): as people print tables — A4 landscape,
 * fitted to the page width and running on down as many pages as it needs (fitToWidth 1,
 * fitToHeight 0: squeezing a whole report onto one page made 5 pt type), the header rows repeated
 * on each page, the title and department in the page header and the page number in the footer.
 * ECMA-376 Part 1, §18.3.1.63 pageSetup (paperSize 9 = A4, fitToHeight 0 = "automatic"), §18.3.1.46
 * headerFooter (&P page, &N pages, &C centre), §18.2.5 definedName _xlnm.Print_Titles.
 */
import type ExcelJS from 'exceljs';

export interface PrintOptions {
  /** Page header (centre), e.g. the title and department. */
  header?: string;
  /** Page footer (centre); the page number is added after it. */
  footer?: string;
  /** Rows repeated at the top of each page, 1-based inclusive ("3:4"). */
  titleRows?: [number, number];
  /** Print the cell gridlines (a report listing); the official layout draws its own borders. */
  gridlines?: boolean;
  /** Print area ("A1:J40"). */
  area?: string;
}

/** "&" starts a code in a header or footer: a literal one is doubled. */
const text = (s: string) => s.replace(/&/g, '&&');

export function printAsTable(ws: ExcelJS.Worksheet, o: PrintOptions = {}): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    showGridLines: !!o.gridlines,
    margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    ...(o.titleRows ? { printTitlesRow: `${o.titleRows[0]}:${o.titleRows[1]}` } : {}),
    // exceljs prefixes each side with "$" (making "$A1"), which LibreOffice does not read as the area: rows made absolute here.
    ...(o.area ? { printArea: o.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2') } : {}),
  } as ExcelJS.PageSetup;
  const footer = `&C${o.footer ? `${text(o.footer)}  ` : ''}&P / &N`;
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    ...(o.header ? { oddHeader: `&C${text(o.header)}` } : {}),
    oddFooter: footer,
  } as ExcelJS.HeaderFooter;
}
