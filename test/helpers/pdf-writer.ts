/**
 * A report written straight as PDF, with a Chinese font that is NOT embedded: Adobe's STSong-Light
 * CID font through the predefined UniGB-UCS2-H CMap (PDF 32000-1:2008, 9.7.5.2 and table 118;
 * Adobe TN 5079 for Adobe-GB1), as older WPS and report generators write PDFs. A reader needs the
 * CMap to turn the codes into characters. Tables drawn cell by cell with stroked borders, labels
 * wrapped inside their cells; the title and section 一 with 表二 on page 1, 表三 on page 2, 表四 and
 * sections 五 and 六 on page 3.
 */
import { getForm, withVariants } from '../../core/forms';
import { templateLayout } from '../../core/template/layout';
import type { Raw, TextOptions } from './published';

/** Text as a PDF hex string of UCS-2 (big-endian) codes, what UniGB-UCS2-H takes. */
const ucs2 = (s: string) =>
  `<${Array.from(s)
    .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
    .join('')}>`;

const PAGE_W = 595;
const PAGE_H = 842;
const LEFT = 40;
const WIDTH = PAGE_W - 2 * LEFT;

/** Every glyph is 1 em wide (DW 1000, no W array): lines of at most this many characters fit. */
const wrap = (text: string, width: number, size: number) => {
  const per = Math.max(1, Math.floor((width - 4) / size));
  const out: string[] = [];
  for (const part of text.split('\n')) for (let i = 0; i < Math.max(part.length, 1); i += per) out.push(part.slice(i, i + per));
  return out;
};

/** Figures drawn across cell borders, as some generators and clipped spreadsheet cells print them. */
export interface CrossingRuns {
  /** Value cells drawn in one run with their row's label, the label ending at the cell's border (pdf.js reads one item, `行政规范性文件58`). */
  joined?: string[];
  /** Value cells whose figure starts this many characters left of the cell's left border (a figure too wide for its cell). */
  shifted?: Record<string, number>;
}

/**
 * openLastRow: each table's last row drawn without the border below it, as Word and WPS print the
 * row that ends a page when the table goes on to the next (its side borders reach down regardless).
 */
export function reportPdfCid(
  format: string,
  values: Record<string, Raw>,
  opts: TextOptions & { runs?: CrossingRuns; openLastRow?: boolean } = {},
): Uint8Array {
  const layout = templateLayout(withVariants(getForm(format), opts.variants ?? []), {
    year: opts.year ?? 2021,
    agency: opts.agency ?? '某某县财政局',
  });
  const title = layout.cells.find((c) => c.role === 'title')!.text!;
  const pages: string[][] = [[], [], []];
  const text = (page: number, s: string, x: number, y: number, size: number) =>
    pages[page].push(`BT /F1 ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${ucs2(s)} Tj ET`);
  let y = PAGE_H - 60;
  text(0, title, LEFT, y, 12);
  y -= 30;
  for (const s of ['一、总体情况', ...(opts.intro ?? ['本机关扎实推进政务公开工作。'])]) {
    text(0, s, LEFT, y, 10);
    y -= 18;
  }
  const size = 7;
  const line = size + 2;
  layout.tables.forEach((t, k) => {
    const page = k;
    if (k > 0) y = PAGE_H - 60;
    const section = layout.cells.find((c) => c.role === 'section' && c.r === t.r0 - 1)!;
    text(page, section.text!, LEFT, y, 10);
    y -= 16;
    const widths = layout.columnWidths.slice(t.c0, t.c1 + 1);
    const scale = WIDTH / widths.reduce((a, b) => a + b, 0);
    const xs = [LEFT];
    for (const w of widths) xs.push(xs[xs.length - 1] + w * scale);
    const cells = layout.cells.filter((c) => c.r >= t.r0 && c.r <= t.r1 && c.c >= t.c0 && c.c <= t.c1);
    const content = (c: (typeof cells)[number]) =>
      c.cellId ? (values[c.cellId] === null || values[c.cellId] === undefined ? '' : String(values[c.cellId])) : (c.text ?? '');
    // Row heights: enough for the wrapped lines of each one-row cell.
    const tops: number[] = [y];
    for (let r = t.r0; r <= t.r1; r++) {
      const lines = Math.max(
        1,
        ...cells
          .filter((c) => c.r === r && c.rowSpan === 1)
          .map((c) => wrap(content(c), xs[c.c - t.c0 + c.colSpan] - xs[c.c - t.c0], size).length),
      );
      tops.push(tops[tops.length - 1] - lines * line - 4);
    }
    // The label cell of each joined value: the last cell left of it in its row that is no value.
    const joined = new Map<(typeof cells)[number], (typeof cells)[number]>();
    for (const c of cells)
      if (c.cellId && opts.runs?.joined?.includes(c.cellId)) {
        const label = cells.filter((l) => l.r === c.r && l.c < c.c && !l.cellId).sort((p, q) => q.c - p.c)[0];
        joined.set(label, c);
      }
    const joinedValues = new Set(joined.values());
    for (const c of cells) {
      const [x0, x1] = [xs[c.c - t.c0], xs[c.c - t.c0 + c.colSpan]];
      const [top, bottom] = [tops[c.r - t.r0], tops[c.r - t.r0 + c.rowSpan]];
      if (opts.openLastRow && c.r + c.rowSpan - 1 === t.r1) {
        const [a, b, u, v] = [x0, x1, top, bottom].map((n) => n.toFixed(2));
        pages[page].push(`${a} ${v} m ${a} ${u} l ${b} ${u} l ${b} ${v} l S`);
      } else pages[page].push(`${x0.toFixed(2)} ${bottom.toFixed(2)} ${(x1 - x0).toFixed(2)} ${(top - bottom).toFixed(2)} re S`);
      if (joinedValues.has(c)) continue;
      const value = joined.get(c);
      if (value) {
        const label = content(c);
        const vx = xs[value.c - t.c0] + 2 - (opts.runs?.shifted?.[value.cellId!] ?? 0) * size;
        text(page, label + content(value), vx - label.length * size, top - 2 - size, size);
        continue;
      }
      const shift = c.cellId ? (opts.runs?.shifted?.[c.cellId] ?? 0) * size : 0;
      wrap(content(c), x1 - x0, size).forEach((l, i) => l && text(page, l, x0 + 2 - shift, top - 2 - size - i * line, size));
    }
    y = tops[tops.length - 1] - 24;
  });
  for (const s of ['五、存在的主要问题及改进情况', '信息公开的内容有待进一步完善。', '六、其他需要报告的事项', '无']) {
    text(2, s, LEFT, y, 10);
    y -= 18;
  }
  const objs: string[] = [
    '<</Type/Catalog/Pages 2 0 R>>',
    `<</Type/Pages/Kids[${pages.map((_, i) => `${3 + 2 * i} 0 R`).join(' ')}]/Count ${pages.length}>>`,
  ];
  const fontObj = 3 + 2 * pages.length;
  pages.forEach((ops, i) => {
    const body = `0.5 w\n${ops.join('\n')}`;
    objs.push(
      `<</Type/Page/Parent 2 0 R/MediaBox[0 0 ${PAGE_W} ${PAGE_H}]/Resources<</Font<</F1 ${fontObj} 0 R>>>>/Contents ${4 + 2 * i} 0 R>>`,
    );
    objs.push(`<</Length ${body.length}>> stream\n${body}\nendstream`);
  });
  objs.push(
    `<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[${fontObj + 1} 0 R]>>`,
    `<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 2>>/FontDescriptor ${fontObj + 2} 0 R/DW 1000>>`,
    '<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[-25 -254 1000 880]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880/StemV 93>>',
  );
  // Objects and a cross-reference table with their byte offsets (the body is ASCII: hex strings only).
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
