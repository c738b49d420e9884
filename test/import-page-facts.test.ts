/**
 * A saved page's title and 发布日期 (core/import/page-facts.ts), read by the HTML and text readers
 * and given to each report of the page: the labelled forms portals print, meta tags, the earliest
 * of several (never late on an update's date), no date taken from the report's own sentences.
 */
import { describe, expect, it } from 'vitest';
import { importHtml, importText } from '../core/import';
import { labelledDate } from '../core/import/page-facts';
import { publishedHtml, publishedText } from './helpers/published';
import { balancedValues } from './helpers/synthetic';

const values = balancedValues('2021', 2);

describe('发布日期 as pages print it', () => {
  it.each([
    ['发布日期：2024-01-15', '2024-01-15'],
    ['发布时间:2024年01月15日 10:20', '2024-01-15'],
    ['发布日期：２０２４－０１－１５', '2024-01-15'],
    ['来源：某某县民政局 时间：2024-02-01', '2024-02-01'],
    ['信息来源：县政府办　发布时间：2024/3/5', '2024-03-05'],
    ['2022年01月18日来源:1', '2022-01-18'],
    ['2024-01-15 10:00 浏览次数：12', '2024-01-15'],
  ])('%s → %s', (line, date) => expect(labelledDate(line)).toBe(date));

  it.each([
    '2023年，我局发布信息100条。',
    '发布日期: 2024-02-30',
    '时间：2024-01-01',
    '成文日期：2024-01-02',
    '本报告统计期限为2023年1月1日至12月31日。',
  ])('no date of publication in "%s"', (line) => expect(labelledDate(line)).toBeNull());
});

describe('the HTML reader gives each report its page title and date', () => {
  const page = (head: string, body = '') =>
    publishedHtml('2021', values, { year: 2023, agency: '某某县民政局' })
      .replace('<HEAD>', `<HEAD>${head}`)
      .replace('<p>一、总体情况</p>', `${body}<p>一、总体情况</p>`);

  it('a PubDate meta tag, with the line it is on', () => {
    const [r] = importHtml(page('\n<meta name="PubDate" content="2024-01-15 10:00">'), 'p.html');
    expect(r.published).toEqual({ date: '2024-01-15', ref: 'line 3' });
    expect(r.title).toEqual({ text: '某某县民政局2023年政府信息公开工作年度报告', ref: 'line 4' });
    expect(r.agency).toBe('某某县民政局');
  });

  it('of a meta date and a labelled one, the earlier', () => {
    const [r] = importHtml(
      page('<meta name="firstpublishedtime" content="2024-01-20-09:00:00">', '<div>发布时间：2024年01月18日</div>\n'),
      'p.html',
    );
    expect(r.published?.date).toBe('2024-01-18');
  });

  it('no <title>: the <h1>; no date: none, and the tables read as before', () => {
    const html = page('').replace(/<TITLE>[\s\S]*?<\/TITLE>/, '');
    const [r] = importHtml(html, 'p.html');
    expect(r.title?.text).toBe('某某县民政局2023年政府信息公开工作年度报告');
    expect(r.published).toBeUndefined();
    const [before] = importHtml(page(''), 'p.html');
    const raws = (c: typeof r.cells) => Object.fromEntries(Object.entries(c).map(([id, x]) => [id, x.raw]));
    expect(raws(r.cells)).toEqual(raws(before.cells));
    expect(Object.values(r.cells).filter((c) => typeof c.raw === 'number').length).toBeGreaterThan(100);
  });

  it('a text copy of a page: the date of its header line', () => {
    const text = `发布日期：2024-01-26    点击数：3\n${publishedText('2021', values, 'tabs', { year: 2023, agency: '某某县民政局' })}`;
    const [r] = importText(text, 'p.txt');
    expect(r.published).toEqual({ date: '2024-01-26', ref: 'line 1' });
    expect(r.title).toBeUndefined();
  });
});
