/**
 * Checks files on N worker threads. Results are handed over in input order as soon as each is
 * ready and then dropped, so memory stays flat however many files there are. A worker that dies
 * (a hostile file exhausting its memory) costs only the files it held: they are reported as
 * unreadable and a fresh worker takes over.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CheckFileOptions } from '../core/checkfile';
import type { FileResult, Lang } from '../core/model/findings';
import { say } from '../core/messages';
import { exportParsedRules } from '../core/rules';

/** Jobs kept in flight per worker, so a worker never waits for the main thread between files. */
const IN_FLIGHT = 3;
/** Heap a worker may grow to (XXGK_WORKER_HEAP_MB): a report workbook needs a small fraction of it; a hostile file does not get the machine. */
export const WORKER_HEAP_MB = Number(process.env.XXGK_WORKER_HEAP_MB) || 256;

export async function checkFiles(
  files: string[],
  opts: CheckFileOptions,
  jobs: number,
  onResult: (index: number, result: FileResult) => void,
): Promise<void> {
  if (!files.length) return;
  const workerFile = path.join(__dirname, 'worker.js');
  // One file goes to a worker too, so that it gets the same heap limit, and the same verdict, as
  // in a batch. Only when run from source (no compiled worker beside this file) is it checked here.
  if (!existsSync(workerFile)) {
    const { checkPath } = await import('./worker');
    for (let i = 0; i < files.length; i++) onResult(i, await checkPath(files[i], opts));
    return;
  }
  // Results may finish out of order: hold them until every earlier one has been handed over.
  const waiting = new Map<number, FileResult>();
  let nextOut = 0;
  const arrived = (i: number, r: FileResult) => {
    waiting.set(i, r);
    while (waiting.has(nextOut)) {
      const x = waiting.get(nextOut)!;
      waiting.delete(nextOut);
      onResult(nextOut++, x);
    }
  };
  // Functions cannot cross to a worker: the worker uses core's own text rules.
  const { textRules: _local, ...plain } = opts;
  const parsed = exportParsedRules();
  const queue = files.map((_, i) => i);
  const lang = opts.lang ?? 'zh';

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const w = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const held = new Set<number>();
      let finished = false;
      const feed = () => {
        while (held.size < IN_FLIGHT && queue.length) {
          const id = queue.shift()!;
          held.add(id);
          w.postMessage({ job: { id, path: files[id] } });
        }
        if (!held.size && !finished) {
          finished = true;
          void w.terminate().then(() => resolve());
        }
      };
      const died = (why: string) => {
        if (finished) return;
        finished = true;
        // The file being checked is the first one held; the others go back to the queue.
        const [first, ...rest] = [...held].sort((a, b) => a - b);
        queue.unshift(...rest);
        if (first !== undefined) arrived(first, crashed(files[first], why, lang));
        void runWorker().then(resolve);
      };
      w.on('message', (m: { id: number; result: FileResult }) => {
        held.delete(m.id);
        arrived(m.id, m.result);
        feed();
      });
      w.on('error', (e) => died(e.message));
      w.on('exit', (code) => {
        if (!finished) died(`exit ${code}`);
      });
      w.postMessage({ opts: plain, parsed });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(Math.max(jobs, 1), files.length) }, runWorker));
}

/**
 * The verdict of a file whose worker died. The worker's own reason (a Node error such as
 * ERR_WORKER_OUT_OF_MEMORY, or an exit code) is no sentence for a person: the catalogue's is.
 */
function crashed(file: string, _why: string, lang: Lang): FileResult {
  return {
    path: file,
    status: 'unreadable',
    error: { code: 'too_large', message: say(lang, 'cli.crashed_memory', { file }) },
    reports: [],
  };
}
