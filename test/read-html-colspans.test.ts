/**
 * A page whose value cells span other columns than its header's (上海市人民政府办公厅 2019, 表二:
 * 本年增/减 spans two columns in the header, the figure of 上一年项目数量 two in the row below).
 * A row with as many cells as headers, each under its own at least in part, is read in order; a
 * row where the page leaves a figure's column open is read with a doubt, never into a column the
 * page does not give it. The same table written as a Word document (w:gridSpan) reads the same.
 */
import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import { importHtml } from '../core/import';
import { readInputSync, reportsOf } from '../core/read/input';
import { docxBytes, reportDocumentXml } from './helpers/docx';
import { fullValues, publishedHtml } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const values = fullValues('2019', balancedValues('2019'));
const page = { year: 2019, agency: '某某市人民政府办公厅' };

/** A row of 表二: its cells, each a text and how many of the table's five columns it spans. */
type Row = [string, number][];
const heading = (text: string): Row => [[text, 5]];
const header = (...cells: Row): Row => [['信息内容', 1], ...cells];

/** 表二 as written by hand (the layout of the Shanghai page); `rows` are the value rows of 第二十条第（五）项. */
function table2(rows: Row[]): Row[] {
  const h5: Row = header(['上一年项目数量', 1], ['本年增/减', 2], ['处理决定数量', 1]);
  return [
    heading('第二十条第（一）项'),
    header(['本年新\n制作数量', 1], ['本年新\n公开数量', 2], ['对外公开总数量', 1]),
    [
      ['规章', 1],
      ['13', 1],
      ['12', 2],
      ['524', 1],
    ],
    [
      ['规范性文件', 1],
      ['60', 1],
      ['59', 2],
      ['368', 1],
    ],
    heading('第二十条第（五）项'),
    h5,
    ...rows,
    heading('第二十条第（六）项'),
    h5,
    [
      ['行政处罚', 1],
      ['7', 1],
      ['1', 2],
      ['30', 1],
    ],
    [
      ['行政强制', 1],
      ['2', 1],
      ['0', 2],
      ['4', 1],
    ],
    heading('第二十条第（八）项'),
    header(['上一年项目数量', 2], ['本年增/减', 2]),
    [
      ['行政事业性收费', 1],
      ['3', 2],
      ['-1', 2],
    ],
    heading('第二十条第（九）项'),
    header(['采购项目数量', 2], ['采购总金额', 2]),
    [
      ['政府集中采购', 1],
      ['6', 2],
      ['25.1', 2],
    ],
  ];
}

/** The report as a web page, its 表二 in <td colspan>. */
function readPage(rows: Row[]) {
  const html = publishedHtml('2019', values, page);
  const td = ([text, span]: [string, number]) =>
    `<td${span > 1 ? ` colspan="${span}"` : ''}>${text ? text.replace('\n', '<br>') : '&nbsp;'}</td>`;
  const t2 = `<TABLE border=1 cellspacing=0><tbody>\n${table2(rows)
    .map((r) => `<tr>${r.map(td).join('')}</tr>`)
    .join('\n')}\n</tbody></TABLE>`;
  const start = html.indexOf('<TABLE border=1 cellspacing=0>');
  const end = html.indexOf('</TABLE>', start) + '</TABLE>'.length;
  return importHtml(html.slice(0, start) + t2 + html.slice(end), 'report.html')[0];
}

/** The report as a Word document, its 表二 in <w:gridSpan> (ECMA-376 §17.4.17). */
function readDocx(rows: Row[]) {
  const xml = reportDocumentXml('2019', values, page);
  const tc = ([text, span]: [string, number]) =>
    `<w:tc><w:tcPr><w:tcW w:w="${span * 1200}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr><w:p>${text
      .split('\n')
      .map((t) => `<w:r><w:t>${t}</w:t></w:r>`)
      .join('<w:r><w:br/></w:r>')}</w:p></w:tc>`;
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(5)}</w:tblGrid>`;
  const t2 = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${table2(rows)
    .map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
  const start = xml.indexOf('<w:tbl>');
  const end = xml.indexOf('</w:tbl>', start) + '</w:tbl>'.length;
  const bytes = docxBytes(xml.slice(0, start) + t2 + xml.slice(end));
  return reportsOf(readInputSync(bytes, 'report.docx'), 'report.docx')[0];
}

type Report = ReturnType<typeof readPage>;
const row = (r: Report, key: string) => ['prev_items', 'change', 'decisions'].map((c) => r.cells[`T2:${key}:${c}`]?.raw ?? null);
const doubts = (r: Report, key: string) => ['prev_items', 'change', 'decisions'].map((c) => r.cells[`T2:${key}:${c}`]?.doubt?.key ?? null);

describe.each([
  ['a web page', readPage],
  ['a Word document', readDocx],
])('表二 rows whose merged cells do not line up with the header, in %s', (_, read) => {
  it('reads three cells under three headers in order, each under its own header in part', () => {
    // As published: 上一年项目数量 spans two columns, 本年增/减 and 处理决定数量 one each.
    const r = read([
      [
        ['行政许可', 1],
        ['41', 2],
        ['-3', 1],
        ['1200', 1],
      ],
      [
        ['其他对外管理服务事项', 1],
        ['5', 2],
        ['', 1],
        ['9', 1],
      ],
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
    const r = read([
      [
        ['行政许可', 1],
        ['41', 1],
        ['', 1],
        ['-3', 1],
        ['1200', 1],
      ],
    ]);
    expect(row(r, 'licensing')).toEqual([41, -3, 1200]);
    expect(doubts(r, 'licensing')).toEqual([null, null, null]);
  });

  it('reads two figures under three headers with a doubt, never into a column the page does not give them', () => {
    const r = read([
      [
        ['行政许可', 1],
        ['41', 2],
        ['-3', 2],
      ],
    ]);
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
    const r = read([
      [
        ['行政许可', 1],
        ['41', 1],
        ['2', 1],
        ['-3', 1],
        ['1200', 1],
      ],
    ]);
    expect(row(r, 'licensing')).toEqual([41, 2, 1200]);
    expect(doubts(r, 'licensing')).toEqual([null, 'doubt.spans', null]);
  });
});
