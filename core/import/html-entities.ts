/**
 * Character references of an HTML page (&amp; &#20013; &#x4e2d; and the named ones published
 * reports use), decoded in text and attribute values by the tree builder (html-tree.ts).
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  times: '×',
  divide: '÷',
  plusmn: '±',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  laquo: '«',
  raquo: '»',
  bull: '•',
  yen: '¥',
  minus: '−',
  permil: '‰',
  sect: '§',
  para: '¶',
  shy: '',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  ordm: 'º',
  frac12: '½',
};

/** Decode character references (&amp; &#20013; &#x4e2d; and common named ones); unknown ones are left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const v = NAMED[body] ?? NAMED[body.toLowerCase()];
    return v === undefined ? m : v;
  });
}
