/** Checks files on N worker threads, results in input order; progress reported as files finish. */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CheckFileOptions } from '../core/checkfile';
import type { FileResult } from '../core/findings';
import { checkPath } from './worker';
import { exportParsedRules } from '../core/rules';

export async function checkFiles(files: string[], opts: CheckFileOptions, jobs: number, onDone: (done: number, file: string) => void): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  if (jobs <= 1 || files.length <= 1) {
    for (let i = 0; i < files.length; i++) {
      results[i] = checkPath(files[i], opts);
      onDone(++done, files[i]);
      if (i % 16 === 15) await new Promise((r) => setImmediate(r)); // let the progress bar draw
    }
    return results;
  }
  const workerFile = path.join(__dirname, 'worker.js');
  const n = Math.min(jobs, files.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(workerFile);
    // Functions cannot cross to a worker: the worker sets its own text rules.
    const { textRules: _local, ...plain } = opts;
    w.postMessage({ opts: plain, parsed: exportParsedRules() });
    const feed = () => {
      if (next >= files.length) { void w.terminate().then(() => resolve()); return; }
      const id = next++;
      w.postMessage({ job: { id, path: files[id] } });
    };
    w.on('message', (m: { id: number; result: FileResult }) => {
      results[m.id] = m.result;
      onDone(++done, files[m.id]);
      feed();
    });
    w.on('error', reject);
    feed();
  })));
  return results;
}
