/**
 * A small .docx writer for tests: the report as Word writes it (ECMA-376 Part 1: w:tbl with
 * w:tblGrid, w:gridSpan for merges across, w:vMerge restart/continue for merges down, w:tblHeader
 * for header rows repeated on each page), zipped with fflate. Options reproduce what departments
 * do: narrow label columns (labels wrap over two or three lines), a table split into two tables,
 * a table nested in a cell, text sections quoting figures.
 */
import { strToU8, zipSync } from 'fflate';
import { getForm, withVariants } from '../../core/forms';
import { templateLayout, type LayoutCell } from '../../core/template/layout';
import type { Raw, TextOptions } from './published';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const show = (v: Raw | undefined) => (v === null || v === undefined ? '' : String(v));

export interface DocxOptions extends TextOptions {
  /** Sentences of sections 五 and 六 (defaults: one each). */
  closing?: string[];
  /** Label columns this narrow (twentieths of a point) so that labels wrap; default wide. */
  labelWidth?: number;
  /** Split this table (T2, T3 or T4) into two Word tables after this many of its rows. */
  split?: { table: string; after: number; repeatHeader?: boolean; pageBreak?: boolean };
  /** Mark the header rows of every table as repeated on each page (w:tblHeader). */
  repeatHeaders?: boolean;
  /** Put a small table inside the first label cell of 表四 (Word allows tables in cells). */
  nested?: boolean;
  /** Font size in half-points (default 21 = 10.5 pt). */
  fontSize?: number;
  /** A running header (the agency) and a footer with page numbers (第 N 页，共 M 页) on every page. */
  footer?: boolean;
  /**
   * Each table set to the page's width as Word and WPS do ("根据窗口自动调整"): the label columns
   * this wide (twentieths of a point, one number shared by them), the value columns sharing the rest
   * equally — narrow in 表四 and 表三, where long figures wrap inside their cells.
   */
  pageWidth?: { labels: number };
}

/** The text width of the page below (A4, 1000-twip margins). */
const PAGE_TEXT_WIDTH = 11906 - 2 * 1000;

const run = (text: string, size: number) =>
  text
    .split('\n')
    .map(
      (part, i) =>
        `${i ? '<w:r><w:br/></w:r>' : ''}<w:r><w:rPr><w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`,
    )
    .join('');
const para = (text: string, size = 21) => `<w:p>${run(text, size)}</w:p>`;

/** The report's body paragraphs and tables as document.xml. */
export function reportDocumentXml(format: string, values: Record<string, Raw>, opts: DocxOptions = {}): string {
  const form = withVariants(getForm(format), opts.variants ?? []);
  const layout = templateLayout(form, { year: opts.year ?? 2021, agency: opts.agency ?? '某某县财政局' });
  const size = opts.fontSize ?? 21;
  const title = layout.cells.find((c) => c.role === 'title')!.text!;
  const body: string[] = [para(title, 32), para('一、总体情况')];
  for (const s of opts.intro ?? ['本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。']) body.push(para(s));
  for (const t of layout.tables) {
    const section = layout.cells.find((c) => c.role === 'section' && c.r === t.r0 - 1)!;
    body.push(para(section.text!));
    const cols = t.c1 - t.c0 + 1;
    const labelCols = t.key === 'T4' ? 0 : 3;
    const widths = Array.from({ length: cols }, (_, k) => {
      const w = layout.columnWidths[t.c0 + k] ?? 10;
      if (opts.pageWidth)
        return k < labelCols
          ? opts.pageWidth.labels
          : Math.floor((PAGE_TEXT_WIDTH - labelCols * opts.pageWidth.labels) / (cols - labelCols));
      return k < 3 && opts.labelWidth ? opts.labelWidth : Math.round(Math.max(4, Math.min(w, 14)) * 60);
    });
    const cellsAt = new Map<string, LayoutCell>();
    for (const c of layout.cells) if (c.r >= t.r0 && c.r <= t.r1 && c.c >= t.c0 && c.c <= t.c1) cellsAt.set(`${c.r},${c.c}`, c);
    // Cells covered by a merge from above carry w:vMerge continue; those covered from the left are left out.
    const covered = new Map<string, { from: LayoutCell }>();
    for (const c of cellsAt.values())
      for (let r = c.r; r < c.r + c.rowSpan; r++)
        for (let k = c.c; k < c.c + c.colSpan; k++) if (r !== c.r || k !== c.c) covered.set(`${r},${k}`, { from: c });
    const headerRows = new Set<number>();
    for (const c of cellsAt.values())
      if (c.role === 'header' || c.role === 'corner') for (let r = c.r; r < c.r + c.rowSpan; r++) headerRows.add(r);
    const rowXml = (r: number, first: number) => {
      const tcs: string[] = [];
      for (let k = t.c0; k <= t.c1; k++) {
        const here = cellsAt.get(`${r},${k}`);
        const cov = covered.get(`${r},${k}`);
        const from = here ?? cov?.from;
        if (cov && cov.from.c !== k) continue; // inside a horizontal merge
        const span = from ? from.colSpan : 1;
        const width = widths.slice(k - t.c0, k - t.c0 + span).reduce((a, b) => a + b, 0);
        // A merge cut by a split starts again, empty, in the second table (as Word splits it).
        const restart = here || (from && from.r < first);
        const vm = from && from.rowSpan > 1 ? (restart ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
        const props = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vm}</w:tcPr>`;
        let text = '';
        if (here) text = here.cellId ? show(values[here.cellId]) : (here.text ?? '');
        const nested =
          opts.nested && here && t.key === 'T4' && here.role === 'corner'
            ? `<w:tbl><w:tblGrid><w:gridCol w:w="600"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="600" w:type="dxa"/></w:tcPr>${para('注', size)}</w:tc></w:tr></w:tbl>`
            : '';
        tcs.push(`<w:tc>${props}${para(text, size)}${nested}${nested ? '<w:p/>' : ''}</w:tc>`);
      }
      const trPr =
        (opts.repeatHeaders || (opts.split?.repeatHeader && opts.split.table === t.key)) && headerRows.has(r)
          ? '<w:trPr><w:tblHeader/></w:trPr>'
          : '';
      return `<w:tr>${trPr}${tcs.join('')}</w:tr>`;
    };
    const tbl = (rows: number[]) => {
      const body = rows.filter((r) => !headerRows.has(r) || rows.every((x) => headerRows.has(x)));
      return tblXml(rows, body[0] ?? rows[0]);
    };
    const tblXml = (rows: number[], first: number) =>
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
        .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
        .join(
          '',
        )}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.map((r) => rowXml(r, headerRows.has(r) ? Math.min(...headerRows) : first)).join('')}</w:tbl>`;
    const all = Array.from({ length: t.r1 - t.r0 + 1 }, (_, i) => t.r0 + i);
    if (opts.split?.table === t.key) {
      const cut = opts.split.after;
      const header = all.filter((r) => headerRows.has(r));
      // Between the two tables an empty paragraph, or one holding a page break (w:br w:type="page", §17.3.3.1).
      const between = opts.split.pageBreak ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : '<w:p/>';
      body.push(tbl(all.slice(0, cut)), between, tbl([...(opts.split.repeatHeader ? header : []), ...all.slice(cut)]));
    } else body.push(tbl(all));
  }
  body.push(para('五、存在的主要问题及改进情况'));
  for (const s of opts.closing ?? ['信息公开的内容有待进一步完善。']) body.push(para(s));
  body.push(para('六、其他需要报告的事项'), para('无'));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body.join('')}<w:sectPr>${opts.footer ? '<w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1000" w:bottom="1440" w:left="1000" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const field = (instr: string) => `<w:fldSimple w:instr=" ${instr} "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;
/** A header and a footer part (ECMA-376 §17.10), the footer numbering pages with PAGE and NUMPAGES fields. */
const HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}><w:p><w:r><w:t>某某县人民政府办公室 政务公开</w:t></w:r></w:p></w:hdr>`;
const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">第 </w:t></w:r>${field('PAGE')}<w:r><w:t xml:space="preserve"> 页，共 </w:t></w:r>${field('NUMPAGES')}<w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>`;

/** document.xml packed as a .docx (the parts Word needs to open it, and the header and footer it names). */
export function docxBytes(documentXml: string): Uint8Array {
  const parts: Record<string, Uint8Array> = documentXml.includes('r:id="rIdF"')
    ? {
        'word/_rels/document.xml.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>',
        ),
        'word/header1.xml': strToU8(HEADER),
        'word/footer1.xml': strToU8(FOOTER),
      }
    : {};
  return zipSync({
    ...parts,
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
  });
}

export function reportDocx(format: string, values: Record<string, Raw>, opts: DocxOptions = {}): Uint8Array {
  return docxBytes(reportDocumentXml(format, values, opts));
}
