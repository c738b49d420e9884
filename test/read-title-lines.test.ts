/**
 * Issue 18: a title set on two lines, the agency above "2024 年政府信息公开工作年度报告", as Word
 * and WPS documents print it (three real WPS-exported PDFs of 淮安, test/real-reports.test.ts):
 * the agency is the line above, not "报告中没有写单位名称".
 */
import { describe, expect, it } from 'vitest';
import { readInputSync, reportsOf } from '../core/read/input';
import { publishedText, fullValues } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const text = publishedText('2021', fullValues('2021', balancedValues('2021')), 'tabs', { year: 2024, agency: '某某县财政局' });
const read = (s: string) => reportsOf(readInputSync(new TextEncoder().encode(s), 'report.txt'), 'report.txt')[0];

describe('a title on two lines', () => {
  it('takes the agency from the line above the year', () => {
    const r = read(text.replace('某某县财政局2024年政府信息公开工作年度报告', '淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告'));
    expect([r.year, r.agency]).toEqual([2024, '淮安市洪泽区人民政府']);
  });

  it('leaves out the field label a saved page prints before its title', () => {
    const r = read(text.replace('某某县财政局2024年政府信息公开工作年度报告', '名称 沭阳县发展和改革局2024年政府信息公开年度报告'));
    expect([r.year, r.agency]).toEqual([2024, '沭阳县发展和改革局']);
  });

  it('takes no agency from a line above that names none', () => {
    const r = read(text.replace('某某县财政局2024年政府信息公开工作年度报告', '附件2\n2024 年政府信息公开工作年度报告'));
    expect([r.year, r.agency]).toEqual([2024, null]);
  });
});
