/**
 * Stand-in for core/read/locate.ts until it lands (webpack uses it only while that file is
 * missing): finds sheets drawn exactly from core/template/layout.ts. Not the real reader.
 */
import { FORMS } from '../../core/forms';
import { templateLayout } from '../../core/template/layout';
import type { Book } from '../../core/read/grid';
import type { ReportData } from '../../core/report';

export function locateReports(book: Book): ReportData[] {
  const out: ReportData[] = [];
  for (const g of book.grids) {
    for (const form of FORMS) {
      const layout = templateLayout(form, {});
      const labels = layout.cells.filter((c) => c.role === 'label' && c.text);
      if (!labels.every((l) => String(g.cell(l.r, l.c)?.raw ?? '') === l.text)) continue;
      const title = String(g.cell(0, 0)?.raw ?? '');
      const y = /(\d{4})年政府信息公开/.exec(title);
      const cells: ReportData['cells'] = {};
      for (const c of layout.cells) if (c.cellId) {
        const gc = g.cell(c.r, c.c);
        cells[c.cellId] = { ref: g.ref(c.r, c.c), raw: gc?.raw ?? null, ...(gc?.formula ? { formula: gc.formula } : {}) };
      }
      out.push({ format: form.key, year: y ? Number(y[1]) : null, agency: null, sheet: g.name, cells, notes: [], tables: ['T2', 'T3', 'T4'] });
      break;
    }
  }
  return out;
}
