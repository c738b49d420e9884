/**
 * A page whose value cells span other columns than its header's (上海市人民政府办公厅 2019, 表二:
 * 本年增/减 spans two columns in the header, the figure of 上一年项目数量 two in the row below).
 * A row with as many cells as headers, each under its own at least in part, is read in order; a
 * row where the page leaves a figure's column open is read with a doubt, never into a column the
 * page does not give it.
 */
import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import { importHtml } from '../core/import';
import { fullValues, publishedHtml } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const values = fullValues('2019', balancedValues('2019'));

/** The page with its 表二 as written by hand: `rows` are the value rows of 第二十条第（五）项. */
function page(rows: string[]): string {
  const html = publishedHtml('2019', values, { year: 2019, agency: '某某市人民政府办公厅' });
  const t2 = [
    '<TABLE border=1 cellspacing=0><tbody>',
    '<tr><td colspan="5">第二十条第（一）项</td></tr>',
    '<tr><td>信息内容</td><td>本年新<br>制作数量</td><td colspan="2">本年新<br>公开数量</td><td>对外公开总数量</td></tr>',
    '<tr><td>规章</td><td>13</td><td colspan="2">12</td><td>524</td></tr>',
    '<tr><td>规范性文件</td><td>60</td><td colspan="2">59</td><td>368</td></tr>',
    '<tr><td colspan="5">第二十条第（五）项</td></tr>',
    '<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>',
    ...rows,
    '<tr><td colspan="5">第二十条第（六）项</td></tr>',
    '<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>',
    '<tr><td>行政处罚</td><td>7</td><td colspan="2">1</td><td>30</td></tr>',
    '<tr><td>行政强制</td><td>2</td><td colspan="2">0</td><td>4</td></tr>',
    '<tr><td colspan="5">第二十条第（八）项</td></tr>',
    '<tr><td>信息内容</td><td colspan="2">上一年项目数量</td><td colspan="2">本年增/减</td></tr>',
    '<tr><td>行政事业性收费</td><td colspan="2">3</td><td colspan="2">-1</td></tr>',
    '<tr><td colspan="5">第二十条第（九）项</td></tr>',
    '<tr><td>信息内容</td><td colspan="2">采购项目数量</td><td colspan="2">采购总金额</td></tr>',
    '<tr><td>政府集中采购</td><td colspan="2">6</td><td colspan="2">25.1</td></tr>',
    '</tbody></TABLE>',
  ].join('\n');
  const start = html.indexOf('<TABLE border=1 cellspacing=0>');
  const end = html.indexOf('</TABLE>', start) + '</TABLE>'.length;
  return html.slice(0, start) + t2 + html.slice(end);
}

const read = (rows: string[]) => importHtml(page(rows), 'report.html')[0];
const row = (r: ReturnType<typeof read>, key: string) =>
  ['prev_items', 'change', 'decisions'].map((c) => r.cells[`T2:${key}:${c}`]?.raw ?? null);
const doubts = (r: ReturnType<typeof read>, key: string) =>
  ['prev_items', 'change', 'decisions'].map((c) => r.cells[`T2:${key}:${c}`]?.doubt?.key ?? null);

describe('表二 rows whose merged cells do not line up with the header', () => {
  it('reads three cells under three headers in order, each under its own header in part', () => {
    // As published: 上一年项目数量 spans two columns, 本年增/减 and 处理决定数量 one each.
    const r = read([
      '<tr><td>行政许可</td><td colspan="2">41</td><td>-3</td><td>1200</td></tr>',
      '<tr><td>其他对外管理服务事项</td><td colspan="2">5</td><td>&nbsp;</td><td>9</td></tr>',
    ]);
    expect(row(r, 'licensing')).toEqual([41, -3, 1200]);
    expect(row(r, 'other_services')).toEqual([5, null, 9]);
    expect([...doubts(r, 'licensing'), ...doubts(r, 'other_services')].every((d) => d === null)).toBe(true);
    // Rows whose cells do line up read as before.
    expect(row(r, 'penalty')).toEqual([7, 1, 30]);
    expect(['made', 'published', 'total_published'].map((c) => r.cells[`T2:rules:${c}`].raw)).toEqual([13, 12, 524]);
    expect(['prev_items', 'change'].map((c) => r.cells[`T2:fees:${c}`].raw)).toEqual([3, -1]);
    const blank = confront(r).findings.filter((f) => f.rule === 'cell.blank' && f.cells[0].table === 'T2');
    expect(blank.map((f) => `${f.cells[0].row} ${f.cells[0].column}`)).toEqual(['other_services change']);
    expect(confront(r).findings.filter((f) => f.rule === 'cell.uncertain')).toEqual([]);
  });

  it('reads a figure wholly under one header there, wherever in its span', () => {
    const r = read(['<tr><td>行政许可</td><td>41</td><td>&nbsp;</td><td>-3</td><td>1200</td></tr>']);
    expect(row(r, 'licensing')).toEqual([41, -3, 1200]);
    expect(doubts(r, 'licensing')).toEqual([null, null, null]);
  });

  it('reads two figures under three headers with a doubt, never into a column the page does not give them', () => {
    const r = read(['<tr><td>行政许可</td><td colspan="2">41</td><td colspan="2">-3</td></tr>']);
    // 41 may be 上一年 or 本年增/减, -3 本年增/减 or 处理决定数量: each column is said to be unsure.
    expect(row(r, 'licensing')).toEqual([41, null, null]);
    expect(doubts(r, 'licensing')).toEqual(['doubt.spans', 'doubt.spans_blank', 'doubt.spans_blank']);
    const res = confront(r);
    const uncertain = res.findings.filter((f) => f.rule === 'cell.uncertain');
    expect(uncertain.map((f) => `${f.severity} ${f.cells[0].row} ${f.cells[0].column}`)).toEqual([
      'warning licensing prev_items',
      'warning licensing change',
      'warning licensing decisions',
    ]);
    expect(uncertain[0].message).toContain('41');
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads two figures under one header with a doubt', () => {
    const r = read(['<tr><td>行政许可</td><td>41</td><td>2</td><td>-3</td><td>1200</td></tr>']);
    expect(row(r, 'licensing')).toEqual([41, 2, 1200]);
    expect(doubts(r, 'licensing')).toEqual([null, 'doubt.spans', null]);
  });
});
