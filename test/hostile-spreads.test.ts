/**
 * Issue 20: arrays that grow with the input are appended one item at a time, never by a spread
 * (`push(...items)`, `Math.max(...items)`): a call takes at most some 120,000 arguments here, and
 * past that a line of numbers or a document of many tables was a stack overflow, "内部错误", where
 * the file should be read or refused for what it is. Each case threw RangeError before the fix.
 */
import { describe, expect, it } from 'vitest';
import { splitCells } from '../core/import/text';
import { documentBlocks } from '../core/read/docx';
import { readInputSync } from '../core/read/input';
import { ReadError } from '../core/read/errors';

const MANY = 300_000;

describe('inputs larger than a spread can pass (item 5 of the last round)', () => {
  it('a line of 300,000 numbers is cut into cells (core/import/text.ts)', () => {
    expect(splitCells('1 '.repeat(MANY)).length).toBeGreaterThan(0);
  });

  it('a text report with such a line is read or refused, never a stack overflow', () => {
    const bytes = new TextEncoder().encode(`本年新收政府信息公开申请数量 ${'1 '.repeat(MANY)}\n`);
    try {
      readInputSync(bytes, '长行.txt');
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
    }
  });

  it('a Word table holding 300,000 tables in its cell gives their blocks (core/read/docx.ts)', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const tiny = '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>';
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr><w:tc>${tiny.repeat(MANY)}<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`;
    expect(documentBlocks(xml).length).toBe(MANY + 1);
  }, 60_000);
});
