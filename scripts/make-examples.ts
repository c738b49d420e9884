/**
 * Writes the bundled example workbooks (run: npx tsx scripts/make-examples.ts). They are what
 * README's first command checks: a clean report, one with planted errors, a WPS-style file with
 * prefixed XML and label variants, an .xls in the 2019 format, and the real 2020 report of
 * 顺河回族区政务服务和大数据管理局 (shared/examples) transcribed with its quirks.
 */
import { writeFileSync, copyFileSync, existsSync } from 'fs';
import * as path from 'path';
import { bookBytes, prefixXml, reportSheets } from '../test/helpers/workbooks';
import { balancedValues } from '../test/helpers/synthetic';
import { formCells, getForm } from '../core/forms';

// examples/ holds only examples: `xxgk check examples/` lists every file in it.
const out = (name: string) => path.join(__dirname, '..', 'examples', name);

async function main() {
  const clean = balancedValues('2021', 3);
  writeFileSync(
    out('某某县财政局-2024.xlsx'),
    bookBytes(
      reportSheets({ format: '2021', year: 2024, agency: '某某县财政局', values: { ...clean, 'T2:fees:amount': 160.5964 } }).sheets,
    ),
  );

  const bad = { ...balancedValues('2021', 2) };
  bad['T3:R3.3.4:natural'] = (bad['T3:R3.3.4:natural'] as number) + 10; // a wrong inner cell
  bad['T3:R2:total'] = null; // a blank total with its parts written: an omitted total (cell.total_blank, a warning)
  bad['T4:R1:review.pending'] = '若干'; // text in a number cell
  writeFileSync(
    out('某某县教育局-2024-有错误.xlsx'),
    bookBytes(reportSheets({ format: '2021', year: 2024, agency: '某某县教育局', values: bad }).sheets),
  );

  const wps = reportSheets({
    format: '2021',
    year: 2025,
    agency: '某某县卫生健康委员会',
    values: balancedValues('2021', 4),
    origin: { r: 2, c: 1 },
    colLabel: (t) => t.replace('社会公益组织', '社会组织').replace('总计', '合计'),
    rowLabel: (t) =>
      t
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/^(\d)\./, '$1、'),
  });
  writeFileSync(out('某某县卫健委-2025-WPS.xlsx'), await prefixXml(bookBytes(wps.sheets)));

  writeFileSync(
    out('某某县民政局-2020.xls'),
    bookBytes(reportSheets({ format: '2019', year: 2020, agency: '某某县民政局', values: balancedValues('2019', 5) }).sheets, 'xls'),
  );

  // The real report: every cell 0 except 规范性文件 made/published/total 1; labels as printed.
  const zeros: Record<string, number> = {};
  for (const id of formCells(getForm('2019')).keys()) zeros[id] = /^T2:normative:/.test(id) ? 1 : 0;
  const shunhe = reportSheets({
    format: '2019',
    year: 2020,
    agency: '政务服务和大数据管理局',
    title: '政务服务和大数据管理局2020年政府信息公开工作年度报告',
    values: zeros,
    colLabel: (t) => t.replace('社会公益组织', '社会组织'),
    rowLabel: (t) => t.replace('其他法律行政法规禁止公开', '其他法律法规禁止公开').replace(/（/g, '(').replace(/）/g, ')'),
  });
  writeFileSync(out('顺河回族区政数局-2020.xlsx'), bookBytes(shunhe.sheets));
  const txt = path.join(__dirname, '..', '..', 'shared', 'examples', 'shunhe-2020-report.txt');
  if (existsSync(txt)) copyFileSync(txt, out('shunhe-2020-report.txt'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
