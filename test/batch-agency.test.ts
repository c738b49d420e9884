/** Issue 10: which department a report belongs to, region by region (core/batch/agency.ts). */
import { describe, expect, it } from 'vitest';
import { matchDepartment, otherNamedInFile, regionOf, sameAgency } from '../core/batch/agency';

describe('agency names with their region', () => {
  it('the same office of two counties is two departments', () => {
    expect(sameAgency('某某县财政局', '另一县财政局')).toBe(false);
    expect(sameAgency('某某镇人民政府', '另一镇人民政府')).toBe(false);
    expect(sameAgency('某某县财政局', '某某县 财政局')).toBe(true);
  });

  it('a name without its region, or a short form, may be the department', () => {
    expect(sameAgency('财政局', '某某县财政局')).toBe(true);
    expect(sameAgency('县财政局', '某某县财政局')).toBe(true);
    expect(sameAgency('某某县卫健委', '某某县卫生健康委员会')).toBe(true);
    expect(sameAgency('住房和城乡建设局', '某某县住房和城乡建设局')).toBe(true);
    expect(sameAgency('城市管理局', '某某县城市管理局')).toBe(true);
  });

  it('the region of a name: none for a lone 县, nor for 城市… or 住房和城乡…', () => {
    expect(regionOf('某某县财政局')).toBe('某某县');
    expect(regionOf('县林业局')).toBeNull();
    expect(regionOf('财政局')).toBeNull();
    expect(regionOf('住房和城乡建设局')).toBeNull();
    expect(regionOf('城市管理局')).toBeNull();
    expect(regionOf('某某县市场监督管理局')).toBe('某某县');
  });

  it('matching to the list: exact, a guess said, told apart by the folder, or left undecided', () => {
    const list = ['某某县财政局', '另一县财政局', '某某县教育局'];
    expect(matchDepartment('某某县财政局', list)).toEqual({ department: '某某县财政局', guess: false, among: [] });
    expect(matchDepartment('教育局', list)).toEqual({ department: '某某县教育局', guess: true, among: [] });
    expect(matchDepartment('财政局', list)).toEqual({ department: null, guess: false, among: ['某某县财政局', '另一县财政局'] });
    expect(matchDepartment('财政局', list, '2025/另一县/财政局.xlsx')).toEqual({ department: '另一县财政局', guess: true, among: [] });
    expect(matchDepartment('第三县财政局', list).department).toBeNull();
  });

  it('a file name naming the same office of another county is flagged', () => {
    expect(otherNamedInFile('另一县财政局2025.xlsx', '某某县财政局', [])).toBe('另一县财政局');
    expect(otherNamedInFile('某某县财政局2025.xlsx', '某某县财政局', [])).toBeNull();
    expect(otherNamedInFile('财政局.xlsx', '某某县财政局', ['某某县财政局', '另一县财政局'])).toBeNull();
    expect(otherNamedInFile('县林业局2025年报.xlsx', '某某县财政局', [])).toBe('县林业局');
  });
});
