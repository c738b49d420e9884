/**
 * A figure of the chain of years as a small inline SVG chart (the evaluation report's per-agency
 * page): the figure as published each year (solid line) and as last year's report makes it (dashed),
 * the year that breaks the chain ringed in red with both figures in its tooltip. No script, no
 * external resource; every text escaped by the caller's `esc`.
 */
export interface ChartPoint {
  year: number;
  value: number | null;
  fromPrior: number | null;
  /** The chain breaks here (the figures differ, or a check names a cell of this figure's row). */
  broken: boolean;
  /** The tooltip of a break, in words. */
  why: string;
}

const W = 300,
  H = 132,
  LEFT = 36,
  RIGHT = 14,
  TOP = 24,
  BOTTOM = 24;

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

export function chartSvg(title: string, points: readonly ChartPoint[], esc: (s: string) => string, breakWord: string): string {
  const years = points.map((p) => p.year);
  const lo = Math.min(...years),
    hi = Math.max(...years);
  const values = points.flatMap((p) => [p.value, p.fromPrior]).filter((v): v is number => v !== null);
  const top = Math.max(1, ...values) * 1.15,
    bottom = Math.min(0, ...values);
  const x = (year: number) => (hi === lo ? (LEFT + W - RIGHT) / 2 : LEFT + ((year - lo) / (hi - lo)) * (W - LEFT - RIGHT));
  const y = (v: number) => TOP + (1 - (v - bottom) / (top - bottom)) * (H - TOP - BOTTOM);
  const line = (pick: (p: ChartPoint) => number | null) => {
    // A year with no figure breaks the line rather than joining across it.
    const runs: string[][] = [[]];
    for (const p of points) {
      const v = pick(p);
      if (v === null) runs.push([]);
      else runs[runs.length - 1].push(`${x(p.year).toFixed(1)},${y(v).toFixed(1)}`);
    }
    return runs.filter((r) => r.length);
  };
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<text x="${LEFT}" y="14" class="ct">${esc(title)}</text>`,
    `<line x1="${LEFT}" y1="${H - BOTTOM}" x2="${W - RIGHT}" y2="${H - BOTTOM}" class="axis"/>`,
    `<text x="${LEFT - 4}" y="${(y(0) + 4).toFixed(1)}" class="yl">0</text>`,
  ];
  for (const p of points) parts.push(`<text x="${x(p.year).toFixed(1)}" y="${H - 8}" class="xl">${p.year}</text>`);
  for (const run of line((p) => p.fromPrior)) parts.push(run.length > 1 ? `<polyline points="${run.join(' ')}" class="prior"/>` : '');
  for (const run of line((p) => p.value)) parts.push(run.length > 1 ? `<polyline points="${run.join(' ')}" class="value"/>` : '');
  for (const p of points) {
    if (p.fromPrior !== null)
      parts.push(`<rect x="${(x(p.year) - 2.5).toFixed(1)}" y="${(y(p.fromPrior) - 2.5).toFixed(1)}" width="5" height="5" class="pp"/>`);
    if (p.value === null) continue;
    const cx = x(p.year).toFixed(1),
      cy = y(p.value).toFixed(1);
    parts.push(`<circle cx="${cx}" cy="${cy}" r="3" class="vp"/>`);
    parts.push(`<text x="${cx}" y="${(y(p.value) - 6).toFixed(1)}" class="vl">${num(p.value)}</text>`);
    if (p.broken)
      parts.push(
        `<g class="break" data-year="${p.year}"><title>${esc(p.why)}</title><circle cx="${cx}" cy="${cy}" r="8"/>` +
          `<text x="${cx}" y="${(y(p.value) + 20).toFixed(1)}">${esc(breakWord)}</text></g>`,
      );
  }
  parts.push('</svg>');
  return parts.join('');
}

export const CHART_CSS = `svg.chart{background:#fff;border:1px solid #ddd;margin:0 8px 8px 0}
svg.chart .ct{font-size:12px;font-weight:bold}svg.chart .axis{stroke:#999}
svg.chart .xl{font-size:10px;text-anchor:middle;fill:#444}svg.chart .yl{font-size:9px;text-anchor:end;fill:#888}
svg.chart .value{fill:none;stroke:#1f4e79;stroke-width:2}svg.chart .prior{fill:none;stroke:#999;stroke-width:1.5;stroke-dasharray:4 3}
svg.chart .vp{fill:#1f4e79}svg.chart .pp{fill:#999}svg.chart .vl{font-size:10px;text-anchor:middle;fill:#1f4e79}
svg.chart .break circle{fill:none;stroke:#c00;stroke-width:2}svg.chart .break text{font-size:10px;fill:#c00;text-anchor:middle;font-weight:bold}`;
