/** Colours as the ET object model takes them. */

/** Interior.ColorIndex of a cell with no fill (XlColorIndex.xlColorIndexNone = xlNone = -4142). */
export const XL_NONE = -4142;

/** "#RRGGBB" → the BGR integer Interior.Color takes (VBA's RGB(r, g, b) = r + g·256 + b·65536). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ''), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
}

/** BGR integer → "#RRGGBB". */
export function hexOf(bgrColor: number): string {
  const r = bgrColor & 0xff,
    g = (bgrColor >> 8) & 0xff,
    b = (bgrColor >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}
