/**
 * Checks files on N worker threads. Results are handed over in input order as soon as each is
 * ready and then dropped, so memory stays flat however many files there are.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CheckFileOptions } from '../core/checkfile';
import type { FileResult } from '../core/findings';
import { exportParsedRules } from '../core/rules';
import { checkPath } from './worker';

/** Jobs kept in flight per worker, so a worker never waits for the main thread between files. */
const IN_FLIGHT = 3;

export async function checkFiles(files: string[], opts: CheckFileOptions, jobs: number, onResult: (index: number, result: FileResult) => void): Promise<void> {
  if (jobs <= 1 || files.length <= 1) {
    for (let i = 0; i < files.length; i++) {
      onResult(i, checkPath(files[i], opts));
      if (i % 16 === 15) await new Promise((r) => setImmediate(r)); // let the progress bar draw
    }
    return;
  }
  // Results may finish out of order: hold them until every earlier one has been handed over.
  const waiting = new Map<number, FileResult>();
  let nextOut = 0;
  const arrived = (i: number, r: FileResult) => {
    waiting.set(i, r);
    while (waiting.has(nextOut)) { const x = waiting.get(nextOut)!; waiting.delete(nextOut); onResult(nextOut++, x); }
  };
  const workerFile = path.join(__dirname, 'worker.js');
  // Functions cannot cross to a worker: the worker uses core's own text rules.
  const { textRules: _local, ...plain } = opts;
  const parsed = exportParsedRules();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(workerFile);
    let busy = 0;
    const feed = () => {
      while (busy < IN_FLIGHT && next < files.length) { const id = next++; busy++; w.postMessage({ job: { id, path: files[id] } }); }
      if (busy === 0) void w.terminate().then(() => resolve());
    };
    w.on('message', (m: { id: number; result: FileResult }) => { busy--; arrived(m.id, m.result); feed(); });
    w.on('error', reject);
    w.postMessage({ opts: plain, parsed });
    feed();
  })));
}
