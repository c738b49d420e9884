/** The checker's view of a report's value cells: spec, what was read, and the value it means. */
import { Dec } from '../model/decimal';
import type { FindingCell } from '../model/findings';
import { formCells, type CellSpec, type FormSpec } from '../forms';
import type { CellRead, ReportData } from '../model/report';
import { readValue, shownValue, type CellValue } from '../model/values';
/** A cell as the checker sees it. */
export interface Cell {
  id: string;
  spec: CellSpec;
  read: CellRead;
  value: CellValue;
  /** A total left blank with its parts written, holding their sum for the equations (check/blank-totals.ts). */
  omittedTotal?: boolean;
}

/** The form's cells the report prints, with their values read. */
export function readCells(form: FormSpec, report: ReportData): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [id, spec] of formCells(form)) {
    const read = report.cells[id];
    if (!read) continue;
    out.set(id, { id, spec, read, value: readValue(read.raw, spec.kind, read.exact) });
  }
  return out;
}

export const valueOf = (c: Cell): Dec => (c.value.kind === 'number' ? c.value.value : Dec.ZERO);

/** A finding's cell: its place from the spec (the parts of its id, not parsed again for every finding). */
export const findingCell = (c: Cell, ref = c.read.ref): FindingCell => ({
  ref,
  table: c.spec.table.key,
  row: c.spec.row.key,
  column: c.spec.column.key,
  // What was read: an omitted total is blank, whatever sum the equations took for it.
  value: c.omittedTotal ? null : shownValue(c.read.raw, c.value),
});
