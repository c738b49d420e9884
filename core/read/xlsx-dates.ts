/**
 * Which number formats make a cell a date, decided as SheetJS decides it (its fmt_is_date and
 * default format table), so that the direct .xlsx reader (xlsx-direct.ts) reads a count typed as
 * a date exactly as the SheetJS path does.
 */

/** The built-in formats SheetJS knows without a workbook defining them (ECMA-376 §18.8.30). */
const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * The built-in formats a Chinese Excel or WPS writes by number alone (ECMA-376 Part 1 §18.8.30,
 * zh-cn): dates and times such as 2024年1月5日 (31). SheetJS does not know them and fails on the
 * first number styled with one (the whole sheet is then lost): xlsx.ts loads them into it too.
 */
export const CHINESE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export const builtinFormat = (id: number): string | undefined => BUILTIN[id] ?? CHINESE_FORMATS[id];

const ABS_TIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;
const isGeneral = (f: string, i: number) => f.slice(i, i + 7).toLowerCase() === 'general';

/** Whether a format code shows a date or time (a port of SheetJS's fmt_is_date, quirks kept). */
export function isDateFormat(fmt: string): boolean {
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charAt(i);
    switch (c) {
      case 'G':
        if (isGeneral(fmt, i)) i += 6;
        i++;
        break;
      case '"':
        while (fmt.charCodeAt(++i) !== 34 && i < fmt.length);
        ++i;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case '@':
        ++i;
        break;
      case 'B':
      case 'b':
        if (fmt.charAt(i + 1) === '1' || fmt.charAt(i + 1) === '2') return true;
        return true;
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上':
        if (fmt.substr(i, 3).toUpperCase() === 'A/P') return true;
        if (fmt.substr(i, 5).toUpperCase() === 'AM/PM') return true;
        if (fmt.substr(i, 5).toUpperCase() === '上午/下午') return true;
        ++i;
        break;
      case '[': {
        let o = c;
        while (fmt.charAt(i++) !== ']' && i < fmt.length) o += fmt.charAt(i);
        if (ABS_TIME.test(o)) return true;
        break;
      }
      case '.':
      case '0':
      case '#': {
        let d: string;
        while (
          i < fmt.length &&
          ('0#?.,E+-%'.indexOf((d = fmt.charAt(++i))) > -1 ||
            (d === '\\' && fmt.charAt(i + 1) === '-' && '0#'.indexOf(fmt.charAt(i + 2)) > -1))
        );
        break;
      }
      case '?':
        while (fmt.charAt(++i) === c);
        break;
      case '*':
        ++i;
        if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') ++i;
        break;
      case '(':
      case ')':
        ++i;
        break;
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        while (i < fmt.length && '0123456789'.indexOf(fmt.charAt(++i)) > -1);
        break;
      default:
        ++i;
    }
  }
  return false;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A styles part with the Chinese built-in formats it uses defined in it, for SheetJS (which resets
 * its format table on every read, so only formats the file defines reach it); null when nothing
 * needs adding. The element prefix the part uses (WPS's x:) is kept.
 */
export function withChineseFormats(xml: string): string | null {
  const used = new Set<number>();
  for (const m of xml.matchAll(/<(?:\w+:)?xf\b[^>]*?numFmtId="(\d+)"/g)) if (CHINESE_FORMATS[Number(m[1])]) used.add(Number(m[1]));
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"/g)) used.delete(Number(m[1]));
  if (!used.size) return null;
  const root = /<(\w+:)?styleSheet\b[^>]*>/.exec(xml);
  if (!root) return null;
  const p = root[1] ?? '';
  const defs = [...used].map((id) => `<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(CHINESE_FORMATS[id])}"/>`).join('');
  const open = new RegExp(`<${p}numFmts\\b[^>]*?(/?)>`).exec(xml);
  if (open && open[1] === '/') return xml.replace(open[0], `<${p}numFmts>${defs}</${p}numFmts>`);
  if (open) return xml.replace(open[0], open[0] + defs);
  const at = root.index + root[0].length;
  return `${xml.slice(0, at)}<${p}numFmts>${defs}</${p}numFmts>${xml.slice(at)}`;
}
