/** Notes on how a report was read: each said once, in the order found. */
import type { TableSpec } from '../../forms';

export interface Notes {
  list: string[];
  add(s: string): void;
}

export const newNotes = (): Notes => {
  const list: string[] = [];
  return {
    list,
    add: (s) => {
      if (!list.includes(s)) list.push(s);
    },
  };
};

export function looseNote(notes: Notes, table: TableSpec, what: 'row' | 'column', written: string, official: string): void {
  const w = written.replace(/\s+/g, ' ').trim();
  notes.add(`${table.short} ${what === 'row' ? '行' : '列'} ${w} matched as ${official}`);
}
