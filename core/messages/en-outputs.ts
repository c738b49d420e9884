/** English words for output files and input listings: the same keys as zh-outputs.ts. */
import type { zhOutputs } from './zh-outputs';

const KIND: Record<string, string> = {
  sum: 'total',
  report: 'check report',
  notice: 'send-back notice',
  export: 'export',
  evaluation: 'partial evaluation',
};

export const enOutputs: typeof zhOutputs = {
  'outputs.why.exists': () => 'a file of that name is already there (not made by this run): not replaced',
  'outputs.left.hidden': (p) => `not read: ${p.file}: a hidden file (.…), not a submission`,
  'outputs.left.lock': (p) => `not read: ${p.file}: an Office lock file (~$…), not a submission`,
  'outputs.left.hidden_folder': (p) => `not read: folder ${p.file}: a hidden folder (.…)`,
  'outputs.left.own': (p) =>
    `not read: ${p.file}: a ${KIND[p.kind] ?? 'file'} made by xxgk, not a submitted report (name the file itself on the command line to read it)`,
  'outputs.left.special': (p) => `not read: ${p.file}: ${p.why}`,
  'outputs.left.unlistable': (p) => `not read: folder ${p.file}: ${p.why}`,
  'outputs.decoded': (p) => `the file name ${p.file} is not UTF-8: shown decoded as ${p.encoding} (as unzip leaves Windows archives)`,
  'outputs.notices_foreign': (p) =>
    `the notices folder ${p.folder} holds ${p.file}, which is not a send-back notice made by xxgk; the folder is replaced as a whole by this run's notices, so nothing was done rather than delete it; give an empty or new folder`,
  'outputs.notices_not_folder': (p) => `the notices folder ${p.folder} is not a folder; nothing done`,
  'outputs.no_folder': (p) => `cannot make the folder ${p.folder}: ${p.why}; nothing done`,
  'outputs.no_spool': (p) =>
    `cannot keep the results in the temporary folder ${p.folder}: ${p.why} (set TMPDIR to another folder that can be written); nothing done`,
  'outputs.notices_kept_old': (p) =>
    `the old notices were moved to ${p.folder}; other files were added to it meanwhile, so it was not removed`,
};
