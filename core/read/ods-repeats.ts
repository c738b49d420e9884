/**
 * How many cells an OpenDocument spreadsheet's repeat attributes make: a row may say it is
 * repeated (table:number-rows-repeated, OpenDocument 1.2 Part 1, 19.676) and a cell too
 * (table:number-columns-repeated, 19.675), and SheetJS makes one cell object per copy of a cell
 * that holds a value. A 2.7 KB .ods repeating one number 1,000 × 1,000,000 times kept `export`
 * busy past 120 s. Counted here on the XML before the parser sees it, stopping past the limit.
 */

/** Rows, cells and their paragraphs; SheetJS also reads UOF's Chinese names for them (行, 数据, 文本串). */
const TAGS = /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|行|数据|p|文本串)(?=[\s/>])([^>]*)>/g;
const ROWS_REPEATED = /number-rows-repeated\s*=\s*["']\s*(\d{1,10})/;
const COLUMNS_REPEATED = /number-columns-repeated\s*=\s*["']\s*(\d{1,10})/;

const repeat = (attrs: string, re: RegExp): number => {
  const m = re.exec(attrs);
  const n = m ? parseInt(m[1], 10) : 1;
  return n >= 1 ? n : 1;
};

/**
 * True when the cells holding a value, with their repeats, come to more than `limit`. An empty
 * cell (no paragraph) makes nothing however often it is repeated, as in every sheet LibreOffice
 * writes (`<table:table-cell table:number-columns-repeated="1020"/>`).
 */
export function repeatsOver(xml: string, limit: number): boolean {
  let rows = 1;
  let pending = 0;
  let cells = 0;
  TAGS.lastIndex = 0;
  for (let m = TAGS.exec(xml); m; m = TAGS.exec(xml)) {
    const [, closing, tag, attrs] = m;
    const selfClosing = attrs.endsWith('/');
    if (tag === 'table-row' || tag === '行') {
      rows = closing ? 1 : repeat(attrs, ROWS_REPEATED);
    } else if (tag === 'table-cell' || tag === '数据') {
      pending = closing || selfClosing ? 0 : rows * repeat(attrs, COLUMNS_REPEATED);
    } else if (!closing && pending) {
      // The cell's first paragraph: it holds a value, so every copy of it is made.
      cells += pending;
      pending = 0;
      if (cells > limit) return true;
    }
  }
  return false;
}
