/**
 * anyEntered (core/batch/unfilled.ts) looks at the form's cells first and then at every cell the
 * report holds: a report is "entered" by a typed cell wherever it is, the form's or not (a
 * template's tag may name cells the form does not), and never by formulas, blanks or spaces.
 */
import { describe, expect, it } from 'vitest';
import { anyEntered } from '../core/batch/unfilled';
import { formCells, getForm } from '../core/forms';
import type { CellRead, ReportData } from '../core/model/report';

const ids = [...formCells(getForm('2021')).keys()];
function report(cells: Record<string, CellRead>): ReportData {
  return { format: '2021', year: 2025, agency: null, sheet: 'S', cells, notes: [], tables: ['T2', 'T3', 'T4'] };
}
const blank = (): Record<string, CellRead> => Object.fromEntries(ids.map((id, k) => [id, { ref: `S!B${k + 1}`, raw: null }]));

describe('a typed cell, wherever the report holds it', () => {
  it('none: blanks, spaces and formulas', () => {
    const cells = blank();
    cells[ids[3]] = { ref: 'S!B4', raw: '  ' };
    cells[ids[4]] = { ref: 'S!B5', raw: 12, formula: 'B1+B2' };
    expect(anyEntered(report(cells))).toBe(false);
  });

  it("the form's last cell, or one only the tag names", () => {
    const last = blank();
    last[ids[ids.length - 1]] = { ref: 'S!Z9', raw: 0 };
    expect(anyEntered(report(last))).toBe(true);
    const extra = blank();
    extra['T9:x:y'] = { ref: 'S!Z10', raw: '有' };
    expect(anyEntered(report(extra))).toBe(true);
  });
});
