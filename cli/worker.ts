/** A child process of `xxgk check` (cli/pool.ts): reads and checks one file per message. */
import { checkInput, type CheckFileOptions } from '../core/checkfile';
import { ReadError } from '../core/read/errors';
import { readInputFile } from '../core/node/read';
import { FileError } from '../core/node/errors';
import type { FileResult } from '../core/model/findings';
import { say } from '../core/messages';
import { importParsedRules, type ParsedRule } from '../core/rules';

export interface Job {
  id: number;
  path: string;
}

/** Reads a file (size first, never modifying it) and checks it; never throws. */
export async function checkPath(path: string, opts: CheckFileOptions): Promise<FileResult> {
  const lang = opts.lang ?? 'zh';
  try {
    // A regular file only (a device or pipe is refused), its size checked before it is read.
    const buf = readInputFile(path, { maxBytes: opts.maxBytes });
    return await checkInput(buf, path, opts);
  } catch (e) {
    if (e instanceof ReadError || e instanceof FileError)
      return { path, status: 'unreadable', error: { code: e.code, message: e.messageIn(lang) }, reports: [] };
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      path,
      status: 'unreadable',
      error: {
        code: 'not_workbook',
        message: say(lang, code === 'ENOENT' ? 'batch.file_missing' : 'batch.file_unopenable', { file: path }),
      },
      reports: [],
    };
  }
}

// Only when started by cli/pool.ts: a test runner's own process has an IPC channel too.
if (process.send && process.argv.includes('--xxgk-check-child' /* CHILD_FLAG in cli/pool.ts */)) {
  let opts: CheckFileOptions = {};
  let queue: Promise<void> = Promise.resolve();
  // The main process gone (killed, or done): nothing is left to do.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (msg: { opts?: CheckFileOptions; parsed?: [string, ParsedRule[]][]; job?: Job }) => {
    if (msg.opts) {
      opts = msg.opts;
      importParsedRules(msg.parsed ?? []);
      return;
    }
    const job = msg.job;
    // One file at a time, in the order sent: the main process takes the first unanswered one for the one being checked.
    if (job)
      queue = queue
        .then(() => checkPath(job.path, opts))
        .then((result) => void (process.connected && process.send!({ id: job.id, result })));
  });
  process.send({ ready: true });
}
