import { describe, expect, it } from 'vitest';
import { confront } from '../core/check';
import type { Finding } from '../core/model/findings';
import { balancedValues, syntheticReport, type Raw } from './helpers/synthetic';

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const check = (format: string, values: Record<string, Raw>, opts: Parameters<typeof syntheticReport>[2] = {}) =>
  confront(syntheticReport(format, values, opts));

describe.each(['2019', '2021'])('format %s', (format) => {
  const good = balancedValues(format);

  it('a balanced report is clean', () => {
    expect(check(format, good).findings).toEqual([]);
  });

  // One wrong cell in every kind of position must come out as the single suspect with its correct value.
  it.each([
    ['inner cell of 表三', 'T3:R3.3.2:research'],
    ['total column', 'T3:R3.1:total'],
    ['（七）总计 row', 'T3:R3.7:commercial'],
    ['（七）总计 × 总计', 'T3:R3.7:total'],
    ['R1', 'T3:R1:social'],
    ['R2', 'T3:R2:natural'],
    ['R4', 'T3:R4:legal'],
  ])('localises one wrong %s', (_, id) => {
    const right = good[id] as number;
    const r = check(format, { ...good, [id]: right + 7 });
    const errs = errors(r.findings);
    expect(errs.length).toBeGreaterThan(0);
    for (const f of errs) {
      expect(f.suspects).toHaveLength(1);
      expect(`${f.suspects[0].table}:${f.suspects[0].row}:${f.suspects[0].column}`).toBe(id);
      expect(f.suspects[0].suggested).toBe(right);
      expect(f.suspects[0].value).toBe(right + 7);
    }
  });

  it('a wrong 表四 total lists every equally small explanation', () => {
    const r = check(format, { ...good, 'T4:R1:suit.total': 99 });
    const [f] = errors(r.findings);
    expect(f.rule).toBe('T4.total');
    expect(f.instance).toBe('suit');
    expect(f.suspects.map((s) => s.column).sort()).toEqual(['suit.corrected', 'suit.other', 'suit.pending', 'suit.total', 'suit.upheld']);
    expect(f.suspects.find((s) => s.column === 'suit.total')!.suggested).toBe(good['T4:R1:suit.total']);
  });

  it('names typing slips: swapped digits, flipped sign, added or dropped digit', () => {
    const id = 'T3:R3.1:natural';
    const base = {
      ...good,
      [id]: 12,
      'T3:R3.1:total': (good['T3:R3.1:total'] as number) - (good[id] as number) + 12,
      'T3:R3.7:natural': (good['T3:R3.7:natural'] as number) - (good[id] as number) + 12,
      'T3:R3.7:total': (good['T3:R3.7:total'] as number) - (good[id] as number) + 12,
      'T3:R1:natural': (good['T3:R1:natural'] as number) - (good[id] as number) + 12,
      'T3:R1:total': (good['T3:R1:total'] as number) - (good[id] as number) + 12,
    };
    expect(check(format, base).findings).toEqual([]);
    const reason = (written: number) => errors(check(format, { ...base, [id]: written }).findings)[0].suspects[0].reason;
    expect(reason(21)).toMatch(/两位数字颠倒（21 → 12）/);
    expect(reason(112)).toMatch(/多打了一位数字/);
    expect(reason(1)).toMatch(/漏打了一位数字/);
    expect(errors(confront(syntheticReport(format, { ...base, [id]: 21 }), { lang: 'en' }).findings)[0].suspects[0].reason).toMatch(
      /two digits swapped/,
    );
  });

  it('a blank total whose parts are not zero is an omitted total: one warning with its sum, no imbalance', () => {
    const r = check(format, { ...good, 'T3:R3.5.2:total': null });
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['cell.total_blank']);
    const [f] = r.findings;
    expect(f).toMatchObject({ severity: 'warning', cells: [{ row: 'R3.5.2', column: 'total', value: null }] });
    expect(f.message).toContain(`按各项之和应为 ${good['T3:R3.5.2:total']}`);
  });

  it('a total written as 0 over parts that are not is judged as written: an error', () => {
    const r = check(format, { ...good, 'T3:R3.5.2:total': 0 });
    const f = errors(r.findings).find((x) => x.rule === 'T3.applicant_total')!;
    expect(f.instance).toBe('R3.5.2');
    expect(f.suspects[0]).toMatchObject({ row: 'R3.5.2', column: 'total', value: 0, suggested: good['T3:R3.5.2:total'] });
    expect(r.findings.some((x) => x.rule === 'cell.total_blank')).toBe(false);
  });

  it('a whole （七）总计 row left blank: each blank total is named with the sum it should hold, no error', () => {
    const blanks = Object.fromEntries(
      Object.keys(good)
        .filter((k) => k.startsWith('T3:R3.7:'))
        .map((k) => [k, null]),
    );
    const r = check(format, { ...good, ...blanks });
    expect(errors(r.findings)).toEqual([]);
    const f = r.findings.find((x) => x.rule === 'cell.total_blank')!;
    expect(f.cells.map((c) => `${c.row}:${c.column}`)).toEqual(Object.keys(blanks).map((k) => k.slice(3)));
    for (const k of Object.keys(blanks).slice(0, 6)) expect(f.message).toContain(`按各项之和应为 ${good[k]}`);
  });

  it('a blank total beside a wrong inner cell: the inner cell is the suspect, the total gets the corrected sum', () => {
    const right = good['T3:R1:natural'] as number;
    const r = check(format, { ...good, 'T3:R1:total': null, 'T3:R1:natural': right + 5 });
    const balance = errors(r.findings).find((f) => f.rule === 'T3.balance' && f.instance === 'natural')!;
    expect(balance.suspects.map((s) => [s.row, s.column, s.suggested])).toEqual([['R1', 'natural', right]]);
    // The blank total is taken as the sum of its parts as written, so its row holds and the 总计 column's balance fails.
    expect(errors(r.findings).map((f) => `${f.rule}:${f.instance}`)).toEqual(['T3.balance:natural', 'T3.balance:total']);
    const column = errors(r.findings).find((f) => f.rule === 'T3.balance' && f.instance === 'total')!;
    expect(column.suspects.find((s) => s.column === 'total')!.suggested).toBe(good['T3:R1:total']);
  });

  it('text that is no number is solved for, not evaluated, and its value is suggested', () => {
    const r = check(format, { ...good, 'T3:R3.2:legal': '若干' });
    const errs = errors(r.findings);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ rule: 'cell.not_number', instance: 'T3:R3.2:legal' });
    expect(errs[0].cells[0].value).toBe('若干');
    expect(errs[0].suspects[0].suggested).toBe(good['T3:R3.2:legal']);
  });

  it('counts with decimals or negative counts are errors and take part as written', () => {
    const r = check(format, { ...good, 'T3:R3.1:natural': -1, 'T3:R3.1:commercial': 2.5 });
    const ids = errors(r.findings).map((f) => `${f.rule} ${f.instance}`);
    expect(ids).toContain('cell.nonnegative T3:R3.1:natural');
    expect(ids).toContain('cell.integer T3:R3.1:commercial');
    expect(ids).toContain('T3.applicant_total R3.1');
  });

  it('numbers in disguise are notices, not errors', () => {
    const r = check(format, {
      ...good,
      'T3:R1:natural': `${good['T3:R1:natural']}件`,
      'T4:R1:review.upheld': String(good['T4:R1:review.upheld']).replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d)),
    });
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'cell.text_number')).toHaveLength(2);
    expect(r.findings.every((f) => f.severity === 'notice')).toBe(true);
  });

  it('a formula total is derived: its input is the suspect, not the formula', () => {
    // R3.1:total = SUM of its row, written as a formula whose cached value follows the wrong input.
    const rep = syntheticReport(format, good);
    const row = ['natural', 'commercial', 'research', 'social', 'legal', 'other'].map((c) => rep.cells[`T3:R3.1:${c}`].ref.split('!')[1]);
    const formulaRep = syntheticReport(
      format,
      { ...good, 'T3:R3.1:natural': (good['T3:R3.1:natural'] as number) + 5, 'T3:R3.1:total': (good['T3:R3.1:total'] as number) + 5 },
      { formulas: { 'T3:R3.1:total': `SUM(${row[0]}:${row[5]})` } },
    );
    const errs = errors(confront(formulaRep).findings);
    expect(errs.map((f) => f.rule).sort()).toEqual(['T3.results_total', 'T3.results_total']); // natural and total columns
    for (const f of errs) {
      expect(f.suspects).toHaveLength(1);
      expect(f.suspects[0]).toMatchObject({ row: 'R3.1', column: 'natural', suggested: good['T3:R3.1:natural'] });
    }
  });

  it('a formula saved without its result is computed from its inputs (a notice, not a blank)', () => {
    const rep = syntheticReport(format, good);
    const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other'].map((c) => rep.cells[`T3:R1:${c}`].ref.split('!')[1]);
    const r = confront(
      syntheticReport(format, { ...good, 'T3:R1:total': null }, { formulas: { 'T3:R1:total': `SUM(${cols[0]}:${cols[5]})` } }),
    );
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['cell.formula_computed', 'notice']]);
    expect(r.findings[0].cells[0].value).toBe(good['T3:R1:total']);
    expect(r.findings[0].message).toContain(`=SUM(${cols[0]}:${cols[5]})`);
    // A formula over something outside the report is not guessed at: said on the cell, never read as
    // blank (issue 18: it was cell.blank, and its equations then accused the report), its equations withheld.
    const far = confront(
      syntheticReport(format, { ...good, 'T3:R1:total': null }, { formulas: { 'T3:R1:total': `SUM(${cols[0]}:${cols[5]})+ZZ999` } }),
    );
    expect(far.findings.map((f) => [f.rule, f.severity])).toEqual([['cell.formula_unevaluated', 'warning']]);
    expect(far.findings[0].message).toContain('S!ZZ999');
  });

  it('finding cells list every cell of the equation in order, with refs', () => {
    const r = check(format, {
      ...good,
      'T3:R2:natural': (good['T3:R2:natural'] as number) + 1,
      'T3:R2:total': (good['T3:R2:total'] as number) + 1,
    });
    const f = r.findings.find((x) => x.rule === 'T3.balance')!;
    expect(f.cells.map((c) => c.row)).toEqual(['R1', 'R2', 'R3.7', 'R4']);
    expect(f.cells.every((c) => /^S![A-Z]+\d+$/.test(c.ref))).toBe(true);
    expect(f.expected).toBe((f.cells[0].value as number) + (f.cells[1].value as number));
    expect(f.message).toMatch(/^表三 自然人 列：本年新收 \d+ \+ 上年结转 \d+ = \d+，但 办理结果总计 \d+ \+ 结转下年度 \d+ = \d+$/);
  });
});

describe('what the report does not print is said, not passed over', () => {
  it('a missing row or table is a warning naming it and the equations left unchecked', () => {
    const rep = syntheticReport('2021', balancedValues('2021'));
    for (const id of Object.keys(rep.cells)) if (id.startsWith('T3:R3.3.5:') || id.startsWith('T4:')) delete rep.cells[id];
    const r = confront(rep);
    expect(r.findings.map((f) => [f.rule, f.instance, f.severity])).toEqual([
      ['format.missing_cells', 'T3', 'warning'],
      ['format.missing_table', 'T4', 'warning'],
    ]);
    expect(r.findings[0].message).toBe('表三缺少 7 个单元格（行：不予公开：属于三类内部事务信息），涉及的 8 个等式未检查');
    expect(r.findings[1].message).toContain('其 3 个等式未检查');
  });
});

describe('money and format', () => {
  it('money: more decimals than the format prescribes are an error; where it prescribes none, a warning', () => {
    const good = balancedValues('2021');
    expect(check('2021', { ...good, 'T2:fees:amount': 160.5964 }).findings).toEqual([]);
    // 2021's 本年收费金额（单位：万元） sets no places: 6 (exact to the fen) is correct, never sent back.
    const r = check('2021', { ...good, 'T2:fees:amount': 24252.311082 });
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['cell.decimals', 'warning']]);
    expect(r.findings[0].message).toContain('格式未规定小数位数');
    // 2019's 采购总金额（单位：万元，保留4位小数） prescribes 4.
    const p = check('2019', { ...balancedValues('2019'), 'T2:procurement:amount': 0.12345 });
    expect(errors(p.findings).map((f) => f.rule)).toEqual(['cell.decimals']);
    expect(check('2019', { ...balancedValues('2019'), 'T2:procurement:amount': '251000元' }).findings.map((f) => f.rule)).toEqual([
      'cell.text_number',
    ]);
  });
  it('year and layout disagreeing is a warning, checked with the layout it has', () => {
    const r = check('2019', balancedValues('2019'), { year: 2023 });
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['format.year_mismatch', 'warning']]);
    expect(check('2019', balancedValues('2019'), { year: 2020 }).findings).toEqual([]);
  });
  it('a 2021 report with the old （六） row is checked with it and warned', () => {
    const v = balancedValues('2019');
    const r = check('2021', v, { variants: ['old_rows'], year: 2023 });
    expect(r.findings.map((f) => f.rule)).toEqual(['format.old_rows']);
    const bad = check('2021', { ...v, 'T3:R3.6:natural': (v['T3:R3.6:natural'] as number) + 3 }, { variants: ['old_rows'] });
    expect(errors(bad.findings)[0].suspects[0]).toMatchObject({ row: 'R3.6', column: 'natural' });
  });
  it('cross-year rules compare with last year, naming cells in both files', () => {
    const now = syntheticReport('2021', balancedValues('2021', 1));
    const last = syntheticReport('2021', balancedValues('2021', 2));
    const r = confront(now, { prior: last, priorName: '2023.xlsx' });
    const carry = r.findings.filter((f) => f.rule === 'X.carry_over');
    expect(carry.length).toBeGreaterThan(0);
    expect(carry.every((f) => f.severity === 'warning')).toBe(true);
    expect(carry[0].cells[1].ref).toMatch(/^\[2023\.xlsx\]S!/);
    const same = syntheticReport('2021', { ...balancedValues('2021', 1) });
    const last2 = syntheticReport(
      '2021',
      Object.fromEntries(Object.entries(balancedValues('2021', 1)).map(([k, v]) => [k.replace(':R4:', ':RX:').replace(':R2:', ':R4:'), v])),
    );
    expect(confront(same, { prior: last2 }).findings.filter((f) => f.rule === 'X.carry_over')).toEqual([]);
  });
  it('local rules run beside the built-in ones', () => {
    const r = confront(syntheticReport('2021', balancedValues('2021')), {
      extraRules: [{ name: 'extra.txt', text: 'local.cap [warning]: T3:R1:total <= 3' }],
    });
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['local.cap', 'warning']]);
  });
  it('English messages with lang en', () => {
    const good = balancedValues('2021');
    const r = confront(syntheticReport('2021', { ...good, 'T3:R1:natural': (good['T3:R1:natural'] as number) + 1 }), { lang: 'en' });
    // Rows and columns by the form's labels, quoted: no internal keys (natural, R1) in English either.
    expect(r.findings[0].message).toMatch(/^Table 3, column “自然人”: “本年新收” \d+ \+ “上年结转” \d+ = \d+, but/);
  });
});
