/** The year and agency of a report, from its title (else the sheet or file name, for the year). */
import type { Scan } from './scan';

const YEAR_TITLE = /^(.*?)((?:19|20)\d{2})\s*年度?(.*?)(?:政府)?信息公开/;

function cleanAgency(s: string): string | null {
  const t = s
    .replace(/[\s＿_]+/g, '')
    .replace(/^(关于|印发)/, '')
    // A page's field label before its title ("名称 某某局2023年…报告", a saved page printed or copied).
    .replace(/^(名称|标题|题名|文件名称|文章标题)[:：]?/, '')
    .replace(/(的|关于)$/, '')
    .replace(/^[《“"「]+|[》”"」]+$/g, '');
  if (!t || /^[\d\p{P}]+$/u.test(t) || t.length > 40) return null;
  return t;
}

export function parseTitle(text: string): { year: number; agency: string | null } | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = YEAR_TITLE.exec(s);
  if (!m) return null;
  const year = Number(m[2]);
  const agency = cleanAgency(m[1]) ?? cleanAgency(m[3]);
  return { year, agency };
}

/** A line naming an agency and nothing else ("淮安市人民政府"), as the first line of a title set on two lines. */
const AGENCY_LINE =
  /^[\p{Script=Han}（）()]{2,30}(?:政府|局|委员会|委|办公室|办公厅|厅|院|中心|管委会|办事处|街道|乡|镇|署|部|所|站|队|处|馆|会)$/u;

/**
 * The agency of a title set on two lines, the name above "2024 年政府信息公开工作年度报告" (as
 * Word and WPS documents print it): the text just above the year line, when it names an agency.
 */
function agencyAbove(sc: Scan, i: number): string | null {
  const t = sc.texts[i];
  const above = sc.texts[i - 1];
  if (!above || above.r >= t.r || t.r - above.r > 2) return null;
  const name = above.text.normalize('NFKC').replace(/\s+/g, '');
  return AGENCY_LINE.test(name) ? cleanAgency(name) : null;
}

/**
 * The year and agency from the title, else the year from a sheet's name, else from the workbook's
 * name ("某某县民政局2024年报.xlsx" → 2024; the same name on every face: the command line's file,
 * the pane's File, Excel's Workbook.name, WPS's Workbook.Name). A year from the workbook's name is
 * marked `fromFileName`: a name is ground for notes and warnings only, never for an error.
 */
export function findTitle(scans: Scan[], bookName: string): { year: number | null; agency: string | null; fromFileName?: true } {
  let year: number | null = null;
  let agency: string | null = null;
  for (const sc of scans) {
    for (const [i, t] of sc.texts.entries()) {
      if (t.text.length > 120) continue;
      const p = parseTitle(t.text);
      if (p) {
        if (year === null) year = p.year;
        if (agency === null) agency = p.agency ?? agencyAbove(sc, i);
        if (year !== null && agency !== null) return { year, agency };
      }
    }
  }
  if (year === null) {
    for (const sc of scans) {
      const m = /((?:19|20)\d{2})/.exec(sc.grid.name);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  if (year === null) {
    // The name alone, not its folders: Excel and WPS know no folder, the command line and a picked folder do.
    const m = /((?:19|20)\d{2})\s*年/.exec(bookName.replace(/^.*[\\/]/, '').normalize('NFKC'));
    if (m) return { year: Number(m[1]), agency, fromFileName: true };
  }
  return { year, agency };
}
