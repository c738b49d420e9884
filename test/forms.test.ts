/** Form files are checked when loaded: a wrong key or a missing field names the file and the place. */
import { describe, expect, it } from 'vitest';
import { FormError, FORMS, formForYear, getForm, validateForm } from '../core/forms';
import f2021 from '../core/forms/format-2021.json';

const copy = () => JSON.parse(JSON.stringify(f2021)) as Record<string, unknown> & { tables: { blocks: { rows: object[] }[] }[] };
const error = (data: unknown): FormError => {
  try {
    validateForm(data, 'format-2099.json');
  } catch (e) {
    return e as FormError;
  }
  throw new Error('accepted');
};

describe('form files', () => {
  it('the shipped forms pass', () => {
    expect(FORMS.map((f) => f.key)).toEqual(['2019', '2021']);
  });

  it('a misspelt key is named with the file and its place', () => {
    const f = copy();
    const row = f.tables[1].blocks[0].rows[2] as Record<string, unknown>;
    row.lable = row.label;
    delete row.label;
    const e = error(f);
    expect(e).toBeInstanceOf(FormError);
    expect(e.zh).toBe('表格式文件 format-2099.json 的 tables[1].blocks[0].rows[2]有未知的键“lable”（拼写有误？）');
    expect(e.en).toBe('form file format-2099.json, at tables[1].blocks[0].rows[2]: unknown key "lable" (misspelt?)');
  });

  it('a missing field, a wrong type, a repeated key', () => {
    const f = copy();
    delete f.issuedBy;
    expect(error(f).en).toBe('form file format-2099.json: the required "issuedBy" is missing');
    const g = copy();
    (g.years as { from: unknown }).from = '2021';
    expect(error(g).en).toBe('form file format-2099.json, at years.from: should be a year (2000–2100)');
    const h = copy();
    h.tables[1].blocks[0].rows.push(h.tables[1].blocks[0].rows[0]);
    expect(error(h).zh).toMatch(/rows\[\d+\]的键“R1”重复$/);
  });

  it('the format for a year comes from the forms’ own years', () => {
    expect(formForYear(2020).key).toBe('2019');
    expect(formForYear(2021).key).toBe('2021');
    expect(formForYear(2030).key).toBe('2021');
    for (const f of FORMS) expect(formForYear(f.years.from)).toBe(f);
  });

  it('an unknown format is a FormError in each language', () => {
    expect(() => getForm('2030')).toThrow(FormError);
    expect(() => getForm('2030')).toThrow('未知的报告格式“2030”（已知：2019、2021）');
  });
});
