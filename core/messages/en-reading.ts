/** Doubtful readings of published reports (PDF, text), in English: the keys of zh-reading.ts. */
import type { zhReading } from './zh-reading';

export const enReading: typeof zhReading = {
  'check.uncertain': (p) => `read as ${p.value}, but the reading is uncertain: ${p.why}; check it against the file`,
  'doubt.crossed': (p) =>
    `the characters of the figure “${p.text}” cross a cell border; it was read whole in the cell holding most of them`,
};
