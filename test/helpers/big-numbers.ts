/**
 * Reports holding counts past 2^53 (issue 20, item 16), written as .xlsx whose number cells'
 * `<v>` hold the exact digits (a JS number cannot: SheetJS would write them rounded), as
 * Excel or a report generator writes them.
 */
import JSZip from 'jszip';
import { balancedValues } from './synthetic';
import { bookBytes, reportSheets } from './workbooks';

/** 2^53 + 2: added to odd counts, it makes integers a JS number does not hold (2^53 + 43…). */
export const BIG = 9007199254740994n;

/** Cells that `BIG` is added to, keeping every equation of the 2021 form: the applicant's column and the total. */
export const BIG_CELLS = ['T3:R1:natural', 'T3:R3.1:natural', 'T3:R3.7:natural', 'T3:R1:total', 'T3:R3.1:total', 'T3:R3.7:total'];

/** Balanced values with BIG added to BIG_CELLS (exact, as text); `off` added to the first of them too. */
export function bigValues(off = 0n): Record<string, string | number | boolean | null> {
  const v: Record<string, string | number | boolean | null> = balancedValues('2021', 1);
  BIG_CELLS.forEach((id, i) => (v[id] = String(BigInt(v[id] as number) + BIG + (i === 0 ? off : 0n))));
  return v;
}

/** An .xlsx of the values, the big ones written as number cells with their exact digits. */
export async function bigXlsx(values: Record<string, string | number | boolean | null>, agency = '某某县财政局'): Promise<Buffer> {
  // Written first with small markers (distinct, unused elsewhere), then each marker's <v> replaced by the digits.
  const marked: Record<string, string | number | boolean | null> = { ...values };
  const digits = new Map<number, string>();
  let k = 0;
  for (const [id, x] of Object.entries(values))
    if (typeof x === 'string' && /^\d{16,}$/.test(x)) {
      const m = 777_000 + k++;
      digits.set(m, x);
      marked[id] = m;
    }
  const xlsx = bookBytes(reportSheets({ format: '2021', year: 2024, agency, values: marked }).sheets);
  const zip = await JSZip.loadAsync(xlsx);
  for (const name of Object.keys(zip.files)) {
    if (!/worksheets\/.*\.xml$/.test(name)) continue;
    let xml: string = await zip.file(name)!.async('string');
    for (const [m, d] of digits) xml = xml.replace(`<v>${m}</v>`, `<v>${d}</v>`);
    zip.file(name, xml);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
