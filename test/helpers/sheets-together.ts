/** Several reports laid into one sheet: side by side (each at its own origin) or one under another. */
import { reportSheets, type ReportLayoutOptions, type SheetSpec } from './workbooks';

export function sheetsTogether(name: string, list: ReportLayoutOptions[], stacked?: 'stacked'): SheetSpec {
  const sheet: SheetSpec = { name, aoa: [], merges: [] };
  let top = 0;
  for (const opts of list) {
    const placed = stacked ? { ...opts, origin: { r: top, c: 0 } } : opts;
    for (const s of reportSheets({ ...placed, sheetName: name }).sheets) {
      s.aoa.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          while (sheet.aoa.length <= r) sheet.aoa.push([]);
          if ((sheet.aoa[r][c] ?? null) !== null) throw new Error(`${name} ${r},${c} written twice`);
          sheet.aoa[r][c] = v;
        }),
      );
      sheet.merges.push(...s.merges);
    }
    top = sheet.aoa.length + 2;
  }
  return sheet;
}
