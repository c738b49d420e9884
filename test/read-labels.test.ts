import { describe, expect, it } from 'vitest';
import { compareLabel, normLabel, labelParts, RADICAL_MAP, editDistance } from '../core/read/labels';
import { parseTitle } from '../core/read/locate';

describe('normLabel', () => {
  it('removes whitespace and line breaks, unifies width and numbering', () => {
    expect(normLabel('商业 企业')).toBe('商业企业');
    expect(normLabel('结 果\n维持\r\n')).toBe('结果维持');
    expect(normLabel('（三）不予公开')).toBe(normLabel('(三) 不予公开'));
    expect(normLabel('1、属于国家秘密')).toBe(normLabel('1.属于国家秘密'));
    expect(normLabel('1．属于国家秘密')).toBe(normLabel('1.属于国家秘密'));
    expect(normLabel('（1）属于国家秘密')).toBe(normLabel('1.属于国家秘密'));
    expect(normLabel('三、本年度办理结果')).toBe(normLabel('三．本年度办理结果'));
    expect(normLabel('3.危及“三安全一稳定”')).toBe(normLabel('3.危及"三安全一稳定"'));
  });
  it('maps CJK radicals to unified ideographs (Kangxi by NFKC, the supplement by table)', () => {
    expect(normLabel('⼀、本年新收')).toBe('一、本年新收');
    expect(normLabel('⺠')).toBe('民');
    expect(normLabel('⻓⻔⻋⻢')).toBe('长门车马');
    expect(RADICAL_MAP.get('⺠')).toBe('民');
    expect(normLabel('⾃然⼈')).toBe('自然人');
  });
  it('splits numbering from the words', () => {
    expect(labelParts('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toMatchObject({
      num: '(二)',
      core: '部分公开(区分处理的,只计这一情形,不计其他情形)',
      bare: '部分公开',
    });
    expect(labelParts('2.重复申请')).toMatchObject({ num: '2.', core: '重复申请' });
    expect(labelParts('二、上年结转')).toMatchObject({ num: '二、', core: '上年结转' });
  });
});

describe('compareLabel', () => {
  const q = (a: string, b: string, al: string[] = []) => compareLabel(a, b, al)?.quality ?? null;
  it('exact after normalisation', () => {
    expect(q('商业 企业', '商业企业')).toBe('exact');
    expect(q('(七) 总计', '（七）总计')).toBe('exact');
    expect(q('总计', '（七）总计')).toBe('exact');
  });
  it('loose: abbreviations, one wrong character, aliases', () => {
    expect(q('（二）部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('loose');
    expect(q('1.逾期不补正', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toBe('loose');
    expect(q('4.保护第三方合法权利', '4.保护第三方合法权益')).toBe('loose');
    expect(compareLabel('4.保护第三方合法权利', '4.保护第三方合法权益')?.how).toBe('typo');
    expect(q('社会组织', '社会公益组织', ['社会组织', '公益组织'])).toBe('loose');
    expect(compareLabel('合计', '总计', ['合计'])?.how).toBe('alias');
  });
  it('no match between different labels', () => {
    expect(q('行政许可', '行政处罚')).toBeNull();
    expect(q('行政复议', '行政许可')).toBeNull();
    expect(q('规章', '规范')).toBeNull();
    expect(q('四、政府信息公开行政复议、行政诉讼情况', '四、结转下年度继续办理')).toBeNull();
  });
  it('an exact match scores above every loose one', () => {
    const exact = compareLabel('2.重复申请', '2.重复申请')!.score;
    const other = compareLabel('2.重复申请', '3.重复申请')!;
    expect(other.quality).toBe('loose');
    expect(exact).toBeGreaterThan(other.score);
  });
  it('editDistance', () => {
    expect(editDistance('合法权益', '合法权利')).toBe(1);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
  });
});

describe('parseTitle', () => {
  it('reads year and agency from titles', () => {
    expect(parseTitle('某某县财政局2024年政府信息公开工作年度报告')).toEqual({ year: 2024, agency: '某某县财政局' });
    expect(parseTitle('2024年度某某县审计局政府信息公开工作年度报告')).toEqual({ year: 2024, agency: '某某县审计局' });
    expect(parseTitle('2024年度政府信息公开工作年度报告')).toEqual({ year: 2024, agency: null });
    expect(parseTitle('＿＿＿＿＿＿2025年政府信息公开工作年度报告')).toEqual({ year: 2025, agency: null });
    expect(parseTitle('政务服务和大数据管理局 2020 年政府信息公开工作年度报告')).toEqual({ year: 2020, agency: '政务服务和大数据管理局' });
    expect(parseTitle('三、收到和处理政府信息公开申请情况')).toBeNull();
  });
});
