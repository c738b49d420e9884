/**
 * What a printed page is (issue 21, "Printing"): its paper size and orientation from poppler's
 * pdfinfo, and the smallest type on it from the word boxes `pdftotext -bbox` gives: a Chinese character is
 * one em wide, so a word of Chinese characters only is as wide as its font size times its length
 * (box heights vary with each producer's font metrics; widths do not).
 */
import { execFileSync } from 'child_process';

/** Pages and the first page's size in points, rounded (A4: 595 × 842). */
export function pdfPages(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), width: Math.round(+size[1]), height: Math.round(+size[2]) };
}

/** The font size in points of the smallest Chinese text on any page (the tenth percentile, so a stray mark does not count). */
export function smallestType(pdf: string): number {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const sizes = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<\/word>/g)]
    .filter((m) => m[3].length >= 2 && /^[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]+$/u.test(m[3]))
    .map((m) => (+m[2] - +m[1]) / m[3].length)
    .sort((a, b) => a - b);
  if (!sizes.length) return 0;
  return Math.round(sizes[Math.floor(sizes.length / 10)] * 10) / 10;
}
