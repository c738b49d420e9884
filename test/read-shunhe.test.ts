/**
 * The real report in shared/examples (顺河回族区政务服务和大数据管理局, 2020, format 2019)
 * transcribed into a styled, merged workbook (written with exceljs) with its quirks: 社会组织
 * column, 其他法律法规禁止公开, half-width parentheses, a row label slipped to the first column,
 * 表二 with its own one-column label area.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { readReports } from '../core/read';
import { formCells, getForm } from '../core/forms';
import { tempDir } from './helpers/temp';
import * as path from 'path';
import { noteText } from '../core/read/notes';

type Cell = string | number | null;

async function writeShunhe(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  let r = 1;
  const row = (cells: Cell[]) => {
    cells.forEach((v, i) => {
      if (v !== null) ws.getCell(r, i + 1).value = v;
    });
    r++;
  };
  const merge = (r0: number, c0: number, r1: number, c1: number) => ws.mergeCells(r0, c0, r1, c1);
  const thin = { style: 'thin' as const };

  row(['政务服务和大数据管理局2020年政府信息公开工作年度报告']);
  merge(1, 1, 1, 15);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  r++;
  row(['二、主动公开政府信息情况']);
  const t2: [string, string[], [string, number[]][]][] = [
    [
      '第二十条第（一）项',
      ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      [
        ['规章', [0, 0, 0]],
        ['规范性文件', [1, 1, 1]],
      ],
    ],
    [
      '第二十条第（五）项',
      ['上一年项目数量', '本年增/减', '处理决定数量'],
      [
        ['行政许可', [0, 0, 0]],
        ['其他对外管理服务事项', [0, 0, 0]],
      ],
    ],
    [
      '第二十条第（六）项',
      ['上一年项目数量', '本年增/减', '处理决定数量'],
      [
        ['行政处罚', [0, 0, 0]],
        ['行政强制', [0, 0, 0]],
      ],
    ],
    ['第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['行政事业性收费', [0, 0]]]],
    ['第二十条第（九）项', ['采购项目数量', '采购总金额（单位：万元，保留4位小数）'], [['政府集中采购', [0, 0]]]],
  ];
  for (const [caption, heads, rows] of t2) {
    row([caption]);
    merge(r - 1, 1, r - 1, 4);
    row(['信息内容', ...heads]);
    for (const [label, vals] of rows) row([label, ...vals]);
  }
  r++;
  row(['三、收到和处理政府信息公开申请情况']);
  const h = r;
  row(['(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)', null, null, '申请人情况']);
  row([null, null, null, '自然人', '法人或其他组织', null, null, null, null, '总计']);
  row([null, null, null, null, '商业企业', '科研机构', '社会组织', '法律服务机构', '其他']);
  merge(h, 1, h + 2, 3);
  merge(h, 4, h, 10);
  merge(h + 1, 4, h + 2, 4);
  merge(h + 1, 5, h + 1, 9);
  merge(h + 1, 10, h + 2, 10);
  const z = [0, 0, 0, 0, 0, 0, 0];
  const full = (label: string) => {
    row([label, null, null, ...z]);
    merge(r - 1, 1, r - 1, 3);
  };
  full('一、本年新收政府信息公开申请数量');
  full('二、上年结转政府信息公开申请数量');
  const r3 = r;
  row(['三、本年度办理结果', '(一) 予以公开', null, ...z]);
  merge(r - 1, 2, r - 1, 3);
  row([null, '(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)', null, ...z]);
  merge(r - 1, 2, r - 1, 3);
  const group = (name: string, items: string[], slipLast = false) => {
    const g = r;
    items.forEach((it, i) => {
      if (slipLast && i === items.length - 1)
        row([it, null, null, ...z]); // the label slipped to the first column
      else row([null, i === 0 ? name : null, it, ...z]);
    });
    merge(g, 2, r - 1 - (slipLast ? 1 : 0), 2);
  };
  group('(三) 不予公开', [
    '1.属于国家秘密',
    '2.其他法律法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
  ]);
  group('(四) 无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']);
  group(
    '(五) 不予处理',
    ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'],
    true,
  );
  row([null, '(六) 其他处理', null, ...z]);
  merge(r - 1, 2, r - 1, 3);
  row([null, '(七) 总计', null, ...z]);
  merge(r - 1, 2, r - 1, 3);
  merge(r3, 1, r - 1 - 2 - 1, 1); // 三、本年度办理结果 down to the row before the slipped one
  full('四、结转下年度继续办理');
  r++;
  row(['四、政府信息公开行政复议、行政诉讼情况']);
  const t4 = r;
  row(['行政复议', null, null, null, null, '行政诉讼']);
  row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', null, null, null, null, '复议后起诉']);
  row([
    null,
    null,
    null,
    null,
    null,
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
  ]);
  merge(t4, 1, t4, 5);
  merge(t4, 6, t4, 15);
  for (let c = 1; c <= 5; c++) merge(t4 + 1, c, t4 + 2, c);
  merge(t4 + 1, 6, t4 + 1, 10);
  merge(t4 + 1, 11, t4 + 1, 15);
  row(Array(15).fill(0));
  ws.eachRow((rw) =>
    rw.eachCell((c) => {
      c.border = { top: thin, left: thin, bottom: thin, right: thin };
    }),
  );
  ws.getColumn(1).width = 30;
  await wb.xlsx.writeFile(file);
}

describe('shunhe 2020 report transcribed into a workbook', () => {
  it('is located as format 2019, year 2020, its agency, every cell found', async () => {
    // The text this transcribes: check the quirks are really there.
    const text = readFileSync(`${__dirname}/../examples/shunhe-2020-report.txt`, 'utf8');
    expect(text).toContain('社会组织');
    expect(text).toContain('其他法律法规禁止公开');

    const file = path.join(tempDir(), 'shunhe-2020.xlsx');
    await writeShunhe(file);
    const reports = readReports(readFileSync(file), 'shunhe-2020.xlsx');
    expect(reports).toHaveLength(1);
    const [r] = reports;
    expect(r.format).toBe('2019');
    expect(r.year).toBe(2020);
    expect(r.agency).toBe('政务服务和大数据管理局');
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
    const ids = [...formCells(getForm('2019')).keys()];
    const missing = ids.filter((id) => !r.cells[id]);
    expect(missing).toEqual([]);
    // Every cell read from a distinct address, with the value written there.
    expect(new Set(ids.map((id) => r.cells[id].ref)).size).toBe(ids.length);
    expect(r.cells['T2:normative:made']).toEqual({ ref: 'Sheet1!B7', raw: 1 });
    expect(r.cells['T2:procurement:amount'].raw).toBe(0);
    for (const id of ids) if (id !== 'T2:normative:made' && !id.startsWith('T2:normative')) expect(r.cells[id].raw, id).toBe(0);
    // The slipped row is read on its own line, under the right columns.
    expect(r.cells['T3:R3.5.5:natural'].ref).toMatch(/^Sheet1!D\d+$/);
    expect(r.cells['T3:R3.5.5:total'].ref).toMatch(/^Sheet1!J\d+$/);
    expect(r.cells['T4:R1:suit_after_review.total'].ref).toMatch(/^Sheet1!O\d+$/);
    const notes = r.notes.map((n) => noteText('zh', n)).join('\n');
    expect(notes).toMatch(/列「社会组织」按「社会公益组织」读取/);
    expect(notes).toMatch(/其他法律法规禁止公开」按「/);
  });
});
