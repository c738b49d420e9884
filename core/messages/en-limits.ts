/** Messages of issue 20's limits in English: the same keys and parameters as zh-limits.ts. */
import type { zhLimits } from './zh-limits';

export const enLimits: typeof zhLimits = {
  'read.pdf_damaged': (p) => `${p.file} is a damaged PDF${p.detail ? ` (${p.detail})` : ''} and cannot be read`,
  'limits.pdf.nesting': (p) => `arrays or dictionaries in it are nested more than ${p.limit} deep (at least ${p.depth})`,
  'limits.pdf.saves': (p) => `graphics states in it are nested more than ${p.limit} deep`,
  'limits.pdf.text_items': (p) => `a page of it holds more than ${p.limit} pieces of text`,
  'limits.pdf.structure': () => 'its page structure cannot be read: it may refer to itself or be nested too deep',
  'limits.pdf.stream': (p) => `a data stream in it (object ${p.object}) inflates to more than ${p.limit}`,
  'limits.pdf.streams': (p) => `its data streams inflate to more than ${p.limit} in all`,
  'limits.read_memory': (p) =>
    `${p.file} cannot be read: reading it needs more than ${p.limit} of memory (an ordinary report needs far less); it may be damaged or hostile`,
  'limits.read_time': (p) =>
    `${p.file} cannot be read: it was not read after ${p.seconds} seconds (an ordinary report takes under a second); it may be damaged or hostile`,
  'check.inexact': (p) =>
    `the number ${p.value} is past the largest whole number a spreadsheet holds exactly (2 to the 53rd) and the file does not give its digits: it may have been rounded; the equations it is in are warnings only`,
  'limits.sum_inexact': (p) =>
    `these figures have more digits than a spreadsheet holds exactly, so the sum cannot be written exactly; nothing written:\n  ${p.cells.join('\n  ')}`,
  'rules.expect.smaller_file': (p) => `a rule file of at most ${p.limit}`,
  'rules.expect.fewer_rules': (p) => `at most ${p.limit} rules`,
  'rules.expect.fewer_terms': (p) => `at most ${p.limit} terms in a rule`,
  'rules.expect.shallower': (p) => `parentheses nested at most ${p.limit} deep`,
  'limits.rules.size': (p) => `a file of ${p.size}`,
  'limits.rules.nth_rule': (p) => `rule ${p.n}`,
  'limits.rules.nth_term': (p) => `term ${p.n}`,
  'limits.rules.depth': (p) => `parentheses ${p.n} deep`,
  'limits.read_exit': (p) => `${p.file} cannot be read: the process reading it stopped unexpectedly; it may be damaged or hostile`,
};
