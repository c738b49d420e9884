/** Doubtful readings of published reports (PDF, text, web pages), in English: the keys of zh-reading.ts. */
import type { zhReading } from './zh-reading';

export const enReading: typeof zhReading = {
  'check.uncertain': (p) => `read as ${p.value}, but the reading is uncertain: ${p.why}; check it against the file`,
  'doubt.crossed': (p) =>
    `the characters of the figure “${p.text}” cross a cell border; it was read whole in the cell holding most of them`,
  'doubt.wrapped': (p) =>
    `the figure wraps over lines in a narrow column (“${p.text}”); its pieces were joined by their places, which are not clear`,
  'doubt.column': (p) => `the column of the figure “${p.text}” was judged by its place, which is not clear`,
  'doubt.blank': () => 'figures of the same row wrap or stand in columns that are not clear; one of them may belong here',
  'doubt.spans': (p) => `the merged cells of the figure “${p.text}” do not line up with the header's columns; its column is not clear`,
  'doubt.spans_blank': () => "the row's merged cells do not line up with the header's columns; one of its figures may belong here",
};
