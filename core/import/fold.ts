/**
 * Text folding used by the importers and the text.* rules to recognise words: NFKC (full-width
 * forms, Kangxi radicals U+2F00–U+2FDF) plus the CJK Radicals Supplement (U+2E80–U+2EFF) that
 * NFKC leaves alone but PDF text extraction produces (⺠ for 民). Never applied to stored values.
 */
const SUPPLEMENT: Record<string, string> = {
  '\u2E84': '乙', '\u2E86': '冂', '\u2E87': '几', '\u2E88': '刀', '\u2E8A': '卜', '\u2E8C': '小', '\u2E8D': '小',
  '\u2E8E': '兀', '\u2E8F': '尢', '\u2E90': '尢', '\u2E92': '巳', '\u2E93': '幺', '\u2E94': '彐', '\u2E95': '彐',
  '\u2E96': '心', '\u2E97': '心', '\u2E98': '手', '\u2E99': '攵', '\u2E9B': '旡', '\u2E9D': '月', '\u2E9E': '歹',
  '\u2E9F': '母', '\u2EA0': '民', '\u2EA1': '水', '\u2EA2': '水', '\u2EA3': '火', '\u2EA4': '爪', '\u2EA5': '爪',
  '\u2EA6': '丬', '\u2EA7': '牛', '\u2EA8': '犬', '\u2EA9': '王', '\u2EAA': '疋', '\u2EAB': '目', '\u2EAC': '示',
  '\u2EAD': '示', '\u2EAE': '竹', '\u2EAF': '糸', '\u2EB0': '纟', '\u2EB1': '网', '\u2EB2': '网', '\u2EB3': '网',
  '\u2EB4': '网', '\u2EB5': '网', '\u2EB6': '羊', '\u2EB7': '羊', '\u2EB8': '羊', '\u2EB9': '老', '\u2EBA': '肀',
  '\u2EBB': '肀', '\u2EBC': '月', '\u2EBD': '臼', '\u2EBE': '艹', '\u2EBF': '艹', '\u2EC0': '艹', '\u2EC1': '虎',
  '\u2EC2': '衣', '\u2EC3': '西', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC7': '角', '\u2EC8': '讠',
  '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车', '\u2ECC': '辶', '\u2ECD': '辶', '\u2ECE': '辶', '\u2ECF': '阝',
  '\u2ED0': '钅', '\u2ED1': '长', '\u2ED2': '长', '\u2ED3': '长', '\u2ED4': '门', '\u2ED5': '阜', '\u2ED6': '阝',
  '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食',
  '\u2EDE': '食', '\u2EDF': '食', '\u2EE0': '饣', '\u2EE1': '首', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼',
  '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '齐',
  '\u2EEC': '齐', '\u2EED': '齿', '\u2EEE': '齿', '\u2EEF': '龙', '\u2EF0': '龙', '\u2EF1': '龟', '\u2EF2': '龟',
  '\u2EF3': '龟',
};

/** NFKC plus the radical supplement; keeps length roughly (one char per char) for quoting. */
export function foldChars(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC')) out += SUPPLEMENT[ch] ?? ch;
  return out;
}

/** foldChars without any whitespace: for comparing labels and headings. */
export function fold(s: string): string {
  return foldChars(s).replace(/[\s\u3000\u00a0]+/g, '');
}
