import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import { decodeEntities, htmlToBook, importHtml, readPublished } from '../core/import';
import { parseHtml } from '../core/import/html';
import type { Grid } from '../core/read/grid';
import { textFindings } from '../core/rules/text';
import { cellIds, fullValues, publishedHtml } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const rowsOf = (g: Grid) => Array.from({ length: g.rows }, (_, r) => Array.from({ length: g.cols }, (_, c) => g.cell(r, c)?.raw ?? null));

describe.each(['2019', '2021'])('format %s published as a web page with merged cells', (format) => {
  const values = fullValues(format, balancedValues(format));
  const year = format === '2019' ? 2020 : 2023;

  it('reads every value, in place, with the line of its <td>', () => {
    const html = publishedHtml(format, values, { year, agency: '某某县卫生健康委员会' });
    const reports = importHtml(html, 'report.html');
    expect(reports).toHaveLength(1);
    const r = reports[0];
    expect([r.format, r.year, r.agency]).toEqual([format, year, '某某县卫生健康委员会']);
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
    const lines = html.split('\n');
    for (const id of cellIds(format)) {
      expect(r.cells[id]?.raw, id).toBe(values[id]);
      const n = Number(/^line (\d+)$/.exec(r.cells[id].ref)![1]);
      expect(lines[n - 1], `${id} at line ${n}`).toMatch(
        new RegExp(`<[tT][dD][^>]*>(<p><span>&nbsp;)?${String(values[id]).replace('.', '\\.')}`),
      );
    }
    const res = confront(r, { textRules: textFindings });
    expect(res.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
    const texts = r.textLines!.map((t) => t.text);
    expect(texts).toContain('信息公开的内容有待进一步完善…');
    expect(texts).not.toContain('var s');
  });
});

describe('the HTML tokenizer and table model', () => {
  it('expands rowspan and colspan into merges, with cells where the browser puts them', () => {
    const html = [
      '<table>',
      '<tr><th rowspan=2 colspan=2>corner</th><th colspan="2">top</th></tr>',
      '<tr><td>a<td>b',
      '<tr><td rowspan="2">L1<td>x<td>1<td>2',
      '<tr><td>y<td>3<td>4',
      '</table>',
    ].join('\n');
    const g = htmlToBook(html, 't.html').grids[0];
    expect(g.kind).toBe('sheet');
    expect(rowsOf(g)).toEqual([
      ['corner', null, 'top', null],
      [null, null, 'a', 'b'],
      ['L1', 'x', 1, 2],
      [null, 'y', 3, 4],
    ]);
    expect(g.merges).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 0, c0: 2, r1: 0, c1: 3 },
      { r0: 2, c0: 0, r1: 3, c1: 0 },
    ]);
    expect(g.ref(2, 3)).toBe('line 4');
    expect(g.ref(3, 1)).toBe('line 5');
    // A covered cell points at the merged cell's start tag.
    expect(g.ref(1, 1)).toBe('line 2');
  });

  it('decodes entities, turns <br> into a line break, ignores scripts, styles and comments', () => {
    expect(decodeEntities('a&amp;b &lt;c&gt; &#20013;&#x6587; &nbsp;&ldquo;x&rdquo; &bogus; &#0;')).toBe(
      'a&b <c> 中文 \u00a0“x” &bogus; \ufffd',
    );
    const g = htmlToBook(
      '<style>td{}</style><script>document.write("<td>9</td>")</script><!-- <table><tr><td>8 --><table><tr><td>一、本年<br/>新收&amp;<TD>&nbsp;12&nbsp;</table>',
      'x.html',
    ).grids[0];
    expect(rowsOf(g)).toEqual([['一、本年\n新收&', 12]]);
  });

  it('keeps the text outside tables, by section, with its lines', () => {
    const p = parseHtml(
      '<h1>某局2021年政府信息公开工作年度报告</h1>\n<p>一、总体情况</p>\n<p>共收到申请3件。<br>\n第二句。</p>\n<p>二、主动公开政府信息情况</p><table><tr><td>规章<td>1</table>\n<div>六、其他需要报告的事项</div><div>无</div>',
      'x.html',
    );
    expect(p.textLines).toEqual([
      { ref: 'line 1', text: '某局2021年政府信息公开工作年度报告' },
      { ref: 'line 2', text: '一、总体情况' },
      { ref: 'line 3', text: '共收到申请3件。' },
      { ref: 'line 4', text: '第二句。' },
      { ref: 'line 6', text: '六、其他需要报告的事项' },
      { ref: 'line 6', text: '无' },
    ]);
    // Prose of sections 一、五、六 never reaches the grid; the title and the table section do.
    const rows = rowsOf(p.book.grids[0]).map((r) => r[0]);
    expect(rows).toEqual(['某局2021年政府信息公开工作年度报告', '二、主动公开政府信息情况', '规章']);
  });

  it('reads tables nested in layout tables as tables, and a page without tables as text', () => {
    const g = htmlToBook('<table><tr><td><p>title</p><table><tr><td>行政许可</td><td>5</td></tr></table></td></tr></table>', 'x.html')
      .grids[0];
    expect(rowsOf(g)).toEqual([
      ['title', null],
      ['行政许可', 5],
    ]);
    const t = htmlToBook('<p>二、主动公开政府信息情况</p><p>行政许可</p><p>5</p>', 'x.html').grids[0];
    expect(t.kind).toBe('text');
    expect(rowsOf(t)).toContainEqual(['行政许可', 5]);
  });

  it('chooses HTML by extension or content', () => {
    const html = publishedHtml('2021', fullValues('2021', balancedValues('2021')), { year: 2022 });
    expect(readPublished(html, 'no-extension')[0].format).toBe('2021');
    expect(readPublished(html, 'page.htm')[0].tables).toEqual(['T2', 'T3', 'T4']);
  });

  it('survives hostile input: deep nesting, unclosed tags and quotes, huge spans', { timeout: 60_000 }, () => {
    const inputs = [
      '<div>'.repeat(100_000) + 'x',
      '<table><tr><td>'.repeat(20_000) + '1',
      '<table>' + '<tr><td colspan=99999 rowspan=99999>1'.repeat(2_000) + '</table>',
      '<table><tr><td>a</td></tr><tr><td x="' + 'y'.repeat(500_000),
      '<!--' + '<table>'.repeat(50_000),
      '<' + '<a'.repeat(100_000) + '&#x' + '1'.repeat(100_000) + '&' + 'a'.repeat(100_000),
      '</td></tr></table></p>'.repeat(50_000),
      '<script>' + '<'.repeat(200_000),
    ];
    for (const html of inputs) {
      const b = htmlToBook(html, 'hostile.html');
      for (const g of b.grids) {
        expect(g.cols).toBeLessThanOrEqual(256);
        for (const m of g.merges) expect(m.r1 < g.rows && m.c1 < 256).toBe(true);
      }
    }
  });
});
