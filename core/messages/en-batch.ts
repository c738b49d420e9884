/** Messages of the batch about department lists, file names and duplicate files: the keys of zh-batch.ts. */
import type { zhBatch } from './zh-batch';

export const enBatch: typeof zhBatch = {
  'batch.year_name_unread': (p) =>
    `the file name says ${p.named}, and no year can be read from the report: the report's content decides, the name is only a hint`,
  'batch.agency_near': (p) =>
    `the report's agency ${p.agency} is one or two characters from ${p.department} on the list, and counted as it; please check: if the list is misspelt, correct ${p.department} there to ${p.agency}`,
  'batch.agency_near_ambiguous': (p) =>
    `the report's agency ${p.agency} is not on the list, and one or two characters from each of ${p.among}: which one cannot be told, so it is counted as none of them; please check the list or the report`,
  'batch.missing_near': (p) =>
    `${p.department} (on the list) sent no file found as its own; the agency ${p.agency} of the file ${p.file} is one or two characters from it and may be it: please check`,
  'batch.list_ignored': (p) => `line ${p.line} of the list of departments, "${p.text}", is no name (punctuation only) and is ignored`,
  'batch.dup_why.chosen': () => 'that one was chosen to be kept',
  'batch.dup_why.passing': () => 'that one passes, this file has errors',
  'batch.dup_why.revision': () => 'its file name says it is the revised version',
  'batch.dup_why.newest': (p) => `that one was modified later, at ${p.time}`,
  'batch.dup_why.identical': () => 'the two files are identical',
  'batch.dup_why.same_figures': () => 'the two files hold a report with the same figures',
  'batch.dup_kept_why.chosen': () => 'this file was chosen to be kept',
  'batch.dup_kept_why.passing': () => 'this file passes, the others have errors',
  'batch.dup_kept_why.revision': () => 'its file name says it is the revised version',
  'batch.dup_kept_why.newest': (p) => `this file was modified last, at ${p.time}`,
  'batch.dup_kept_why.identical': () => 'the files are identical',
  'batch.dup_kept_why.same_figures': () => 'the reports give the same figures',
  'batch.duplicate_choose': (p) =>
    `${p.department} sent ${p.n} different reports: ${p.files}. ${p.detail}: which one counts cannot be told, so all are kept; please choose one`,
  'batch.dup_file': (p) => `${p.file} (modified ${p.time})`,
  'batch.dup_detail.none': () => 'No file name says which is the revised version, and the checks do not tell them apart',
  'batch.dup_detail.conflict': (p) =>
    `The file name of ${p.revision} says it is the revised version, but the one that passes is ${p.passing}`,
  'batch.choose_summary': (p) =>
    `${p.n} ${p.n === 1 ? 'department' : 'departments'} sent several different reports; choose which counts: ${p.list}`,
  'batch.choose_more': (p) => `${p.files}, … (${p.n} in all)`,
  'batch.choose_item': (p) => `${p.department} (${p.files})`,
  'cli.keep_hint': () => 'once chosen, --keep FILE keeps that one, or --prefer sets a rule (see xxgk check --help)',
  'cli.prefer_invalid': (p) => `--prefer must be newest, passing or revision, not "${p.value}"`,
  'cli.keep_unknown': (p) => `the file ${p.file} given to --keep is not among the files checked`,
};
