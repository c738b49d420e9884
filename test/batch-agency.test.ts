/** Issue 10: which department a report belongs to, region by region (core/batch/agency.ts). */
import { describe, expect, it } from 'vitest';
import { matchPrior } from '../core/checkfile';
import type { ReportData } from '../core/model/report';
import { listedInFileMatch, matchDepartment, officeOf, otherNamedInFile, regionOf, sameAgency } from '../core/batch/agency';

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
    expect(matchDepartment('某某县财政局', list)).toEqual({ department: '某某县财政局', guess: false, restated: false, among: [] });
    expect(matchDepartment('教育局', list)).toEqual({ department: '某某县教育局', guess: true, restated: false, among: [] });
    expect(matchDepartment('财政局', list)).toEqual({
      department: null,
      guess: false,
      restated: false,
      among: ['某某县财政局', '另一县财政局'],
    });
    expect(matchDepartment('财政局', list, '2025/另一县/财政局.xlsx')).toEqual({
      department: '另一县财政局',
      guess: true,
      restated: false,
      among: [],
    });
    expect(matchDepartment('第三县财政局', list).department).toBeNull();
  });

  it('a file name naming the same office of another county is flagged', () => {
    expect(otherNamedInFile('另一县财政局2025.xlsx', '某某县财政局', [])).toBe('另一县财政局');
    expect(otherNamedInFile('某某县财政局2025.xlsx', '某某县财政局', [])).toBeNull();
    expect(otherNamedInFile('财政局.xlsx', '某某县财政局', ['某某县财政局', '另一县财政局'])).toBeNull();
    expect(otherNamedInFile('县林业局2025年报.xlsx', '某某县财政局', [])).toBe('县林业局');
  });

  it('places within places: 某某市某某县 and 某某省某某市某某县 are within 某某县, 甲市某某县 is not 乙市某某县', () => {
    expect(regionOf('某某市某某县财政局')).toBe('某某市某某县');
    expect(officeOf('某某省某某市某某县财政局')).toBe('财政局');
    expect(sameAgency('某某市某某县财政局', '某某县财政局')).toBe(true);
    expect(sameAgency('某某省某某市某某县财政局', '某某县财政局')).toBe(true);
    expect(sameAgency('某某省某某县财政局', '某某省某某市某某县财政局')).toBe(true);
    expect(sameAgency('某某市某某县财政局', '另一县财政局')).toBe(false);
    expect(sameAgency('甲市某某县财政局', '乙市某某县财政局')).toBe(false);
    // A city's department is not its county's, nor is a county's the city's.
    expect(sameAgency('某某市财政局', '某某市某某县财政局')).toBe(false);
    expect(sameAgency('某某市某某县财政局', '某某市财政局')).toBe(false);
    // A lone 县 is a county's department, not a city's.
    expect(sameAgency('县财政局', '某某市财政局')).toBe(false);
    expect(sameAgency('县财政局', '某某市某某县财政局')).toBe(true);
  });

  it('real place names: 苏州市, 新乡县, 红旗区, 市中区, 自治州 and 街道 are places; 市场, 城乡, 分局 are not', () => {
    expect(regionOf('江苏省苏州市吴中区财政局')).toBe('江苏省苏州市吴中区');
    expect(regionOf('河南省新乡市红旗区人民政府办公室')).toBe('河南省新乡市红旗区');
    expect(regionOf('新乡县教育局')).toBe('新乡县');
    expect(regionOf('济南市市中区财政局')).toBe('济南市市中区');
    expect(regionOf('沛县财政局')).toBe('沛县');
    expect(regionOf('延边朝鲜族自治州某某市民政局')).toBe('延边朝鲜族自治州某某市');
    expect(regionOf('某某区某某街道办事处')).toBe('某某区某某街道');
    expect(officeOf('杭州市市场监督管理局')).toBe('市场监督管理局');
    expect(officeOf('某某自治州市场监督管理局')).toBe('市场监督管理局');
    expect(officeOf('某某镇市场监督管理所')).toBe('市场监督管理所');
    expect(officeOf('某某县住房和城乡建设局')).toBe('住房和城乡建设局');
    expect(officeOf('某某市公安局某某区分局')).toBe('公安局某某区分局');
    expect(regionOf('国家税务总局某某县税务局')).toBe('某某县');
    expect(sameAgency('国家税务总局某某市某某县税务局', '国家税务总局某某县税务局')).toBe(true);
    expect(sameAgency('国家税务总局某某县税务局', '国家税务总局另一县税务局')).toBe(false);
    expect(sameAgency('中共某某市某某县委办公室', '中共某某县委办公室')).toBe(true);
    // Real names of the published reports (test/fixtures/real/).
    // A government named by its places alone: the last place is its name.
    expect(regionOf('临夏回族自治州永靖县')).toBe('临夏回族自治州');
    expect(sameAgency('临夏回族自治州永靖县', '永靖县')).toBe(true);
    expect(sameAgency('临夏回族自治州永靖县', '另一州永靖县')).toBe(false);
    expect(regionOf('临夏回族自治州永靖县人民政府')).toBe('临夏回族自治州永靖县');
    expect(regionOf('西咸新区建章路街道办事处')).toBe('西咸新区建章路街道');
    expect(regionOf('邵武市金坑乡人民政府')).toBe('邵武市金坑乡');
    expect(regionOf('长春新区管委会')).toBe('长春新区');
    expect(officeOf('顺河回族区政务服务和大数据管理局')).toBe('政务服务和大数据管理局');
  });

  it('short forms keep the kind of office: 政府办公室 is 人民政府办公室, 人民政府 is not its office', () => {
    expect(sameAgency('某某县政府办公室', '某某县人民政府办公室')).toBe(true);
    expect(sameAgency('某某县政府办', '某某县人民政府办公室')).toBe(true);
    expect(sameAgency('某某县政府', '某某县人民政府')).toBe(true);
    expect(sameAgency('某某县人民政府', '某某县人民政府办公室')).toBe(false);
    expect(sameAgency('某某县政府办公室', '另一县人民政府办公室')).toBe(false);
    expect(sameAgency('某某县发改委', '某某县发展和改革委员会')).toBe(true);
    // 县政府办公室: a county's, which county unsaid (a guess, said as such); never a city's.
    expect(sameAgency('县政府办公室', '某某县人民政府办公室')).toBe(true);
    expect(sameAgency('县政府办公室', '某某市人民政府办公室')).toBe(false);
    expect(matchDepartment('县政府办公室', ['某某县人民政府办公室', '某某县人民政府'])).toEqual({
      department: '某某县人民政府办公室',
      guess: true,
      restated: false,
      among: [],
    });
  });

  it('matching to the list: places written otherwise are matched and said; two that fit are never chosen between', () => {
    const list = ['某某县财政局', '另一县财政局', '某某县人民政府办公室', '某某县人民政府', '甲市某某区民政局', '乙市某某区民政局'];
    const m = (name: string, path = '') => matchDepartment(name, list, path);
    expect(m('某某市某某县财政局')).toEqual({ department: '某某县财政局', guess: false, restated: true, among: [] });
    expect(m('某某省某某市某某县财政局').department).toBe('某某县财政局');
    expect(m('某某市另一县财政局').department).toBe('另一县财政局');
    expect(m('第三县财政局').department).toBeNull();
    expect(m('某某县政府办公室')).toEqual({ department: '某某县人民政府办公室', guess: false, restated: true, among: [] });
    expect(m('某某县政府').department).toBe('某某县人民政府');
    // 某某区 of two cities: the report must say which, or its folder.
    expect(m('某某区民政局').among).toEqual(['甲市某某区民政局', '乙市某某区民政局']);
    expect(m('某某区民政局', '2025/乙市/民政局.xlsx').department).toBe('乙市某某区民政局');
    expect(m('甲市某某区民政局').department).toBe('甲市某某区民政局');
    expect(m('某某省甲市某某区民政局')).toEqual({ department: '甲市某某区民政局', guess: false, restated: true, among: [] });
    expect(m('丙市某某区民政局').department).toBeNull();
  });

  it('a file name names a listed department only when nothing else fits', () => {
    const list = ['某某县财政局', '另一县财政局', '某某县人民政府办公室', '某某县人民政府'];
    expect(listedInFileMatch('另一县财政局2025.xlsx', list)).toEqual({ department: '另一县财政局', among: [] });
    expect(listedInFileMatch('某某市另一县财政局.xlsx', list)).toEqual({ department: '另一县财政局', among: [] });
    expect(listedInFileMatch('财政局.xlsx', list)).toEqual({ department: null, among: ['某某县财政局', '另一县财政局'] });
    expect(listedInFileMatch('第三县财政局.xlsx', list)).toEqual({ department: null, among: [] });
    expect(listedInFileMatch('某某县人民政府办公室年报.xlsx', list).department).toBe('某某县人民政府办公室');
    expect(listedInFileMatch('某某县人民政府年报.xlsx', list).department).toBe('某某县人民政府');
    expect(otherNamedInFile('某某市某某县财政局2025.xlsx', '某某县财政局', [])).toBeNull();
    expect(otherNamedInFile('甲市某某县财政局2025.xlsx', '乙市某某县财政局', [])).toBe('甲市某某县财政局');
  });

  it("last year's report: the same department, never one of two that fit", () => {
    const prior = (agency: string) => ({ name: `${agency}.xlsx`, report: { agency } as ReportData });
    const priors = [prior('甲市某某区民政局'), prior('乙市某某区民政局'), prior('某某县财政局')];
    expect(matchPrior({ agency: '某某市某某县财政局' }, priors)?.name).toBe('某某县财政局.xlsx');
    expect(matchPrior({ agency: '乙市某某区民政局' }, priors)?.name).toBe('乙市某某区民政局.xlsx');
    expect(matchPrior({ agency: '某某区民政局' }, priors)).toBeNull();
    expect(matchPrior({ agency: '另一县财政局' }, priors)).toBeNull();
    expect(matchPrior({ agency: null }, priors)).toBeNull();
  });
});
