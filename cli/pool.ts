/**
 * Checks files in N child processes. Results are handed over in input order as soon as each is
 * ready and then dropped, so memory stays flat however many files there are. A child that dies
 * or is stopped (a hostile file exhausting its memory or its time) costs only the file it was
 * checking: that file is reported as unreadable and a fresh child takes over the rest.
 *
 * Processes, not worker threads: a thread's heap limit (resourceLimits) is not a wall. A worker
 * that runs out of heap in a young-generation allocation aborts the whole process (V8's
 * FatalProcessOutOfMemory; measured: a 49 MB text file took `check --jobs 1` down with exit 134
 * and no output), and buffers outside the heap are not counted at all. A child process has its
 * own heap limit (--max-old-space-size), its whole memory is watched from here (Linux: /proc),
 * and whatever kills it kills only it.
 */
import { fork } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { CheckFileOptions } from '../core/checkfile';
import type { FileResult, Lang } from '../core/model/findings';
import { say } from '../core/messages';
import { exportParsedRules } from '../core/rules';
import { compactResult, withOmitted } from '../core/batch/compact';
import type { Omitted } from '../core/batch/compact';
import type { Spool } from './spool';
import { fsPath } from '../core/node/raw-paths';

/** Jobs kept in flight per child, so a child never waits for the main process between files. */
const IN_FLIGHT = 3;
/** Heap a child may grow to (XXGK_WORKER_HEAP_MB): a report workbook needs a small fraction of it; a hostile file does not get the machine. */
export const WORKER_HEAP_MB = Number(process.env.XXGK_WORKER_HEAP_MB) || 256;
/**
 * Whole resident memory a child may reach, heap and buffers outside it (XXGK_WORKER_MEMORY_MB):
 * an ordinary check stays near 100 MB; past this the child is stopped and its file reported.
 */
export const WORKER_MEMORY_MB = Number(process.env.XXGK_WORKER_MEMORY_MB) || WORKER_HEAP_MB * 2 + 256;
/** Time one file may take (XXGK_FILE_SECONDS): an ordinary file takes well under a second. */
export const FILE_SECONDS = Number(process.env.XXGK_FILE_SECONDS) || 120;
/** How often the children's memory and time are looked at. */
const WATCH_MS = 50;
/** Passed to a child so that it knows it is one (a test runner's process has an IPC channel too). */
export const CHILD_FLAG = '--xxgk-check-child';

type Stop = 'heap' | 'memory' | 'time' | 'exit';

/**
 * Checks `files`, handing each result over in input order: the whole results go to the spool (the
 * children write them there themselves) and `onResult` gets each compacted (core/batch/compact.ts).
 */
export async function checkFiles(
  files: string[],
  opts: CheckFileOptions,
  jobs: number,
  onResult: (index: number, result: FileResult) => void,
  spool: Spool<FileResult>,
): Promise<void> {
  if (!files.length) return;
  const workerFile = path.join(__dirname, 'worker.js');
  /** A result made in this process: spooled here. */
  const ownResult = (i: number, whole: FileResult): FileResult => {
    spool.put(i, whole);
    return compactResult(whole);
  };
  // One file goes to a child too, so that it gets the same limits, and the same verdict, as in a
  // batch. Only when run from source (no compiled worker beside this file) is it checked here.
  if (!existsSync(workerFile)) {
    const { checkPath } = await import('./worker');
    for (let i = 0; i < files.length; i++) onResult(i, ownResult(i, await checkPath(files[i], opts)));
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
  // Functions cannot cross to a child: it uses core's own text rules.
  const { textRules: _local, ...plain } = opts;
  const parsed = exportParsedRules();
  const queue = files.map((_, i) => i);
  const lang = opts.lang ?? 'zh';

  const runChild = () =>
    new Promise<void>((resolve) => {
      // A spool file of its own (its descriptor SPOOL_FD in the child, cli/worker.ts): what it wrote stays readable if it dies.
      const spoolFd = spool.openFile();
      const child = fork(workerFile, [CHILD_FLAG], {
        execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
        // Structured clone, as between threads: a result crosses as it was made.
        serialization: 'advanced',
        // What V8 prints when a child runs out of memory is not for the user; its last lines tell why it died.
        stdio: ['ignore', 'ignore', 'pipe', 'ipc', spoolFd],
      });
      let stderrTail = '';
      child.stderr!.on('data', (b: Buffer) => (stderrTail = (stderrTail + b.toString('latin1')).slice(-4096)));
      const held: number[] = [];
      let since = Date.now();
      let stopped: Stop | null = null;
      let finished = false;
      const feed = () => {
        while (held.length < IN_FLIGHT && queue.length) {
          const id = queue.shift()!;
          held.push(id);
          // A name that is not UTF-8 goes with its bytes, for the child to open it by (core/node/raw-paths.ts).
          const raw = fsPath(files[id]);
          child.send({ job: { id, path: files[id], ...(typeof raw === 'string' ? {} : { raw }) } });
        }
        if (!held.length && !finished) {
          finished = true;
          unwatch();
          child.once('exit', () => resolve());
          child.disconnect();
        }
      };
      const unwatch = every(WATCH_MS, () => {
        if (finished || stopped) return;
        if (Date.now() - since > FILE_SECONDS * 1000) stopped = 'time';
        else if (residentMB(child.pid) > WORKER_MEMORY_MB) stopped = 'memory';
        if (stopped) child.kill('SIGKILL');
      });
      child.on(
        'message',
        (m: { ready?: true; id: number; result: FileResult; omitted?: (Omitted | undefined)[]; at?: number; size?: number }) => {
          if (finished || stopped) return;
          // Loading the readers is not the file's time.
          if (m.ready) {
            since = Date.now();
            return;
          }
          held.splice(held.indexOf(m.id), 1);
          since = Date.now();
          if (m.at === undefined) arrived(m.id, ownResult(m.id, m.result));
          else {
            spool.place(m.id, spoolFd, m.at, m.size!);
            arrived(m.id, withOmitted(m.result, m.omitted ?? []));
          }
          feed();
        },
      );
      child.on('error', () => {
        /* the exit that follows says what happened */
      });
      child.on('exit', () => {
        if (finished) return;
        finished = true;
        unwatch();
        // The child checks its files in the order sent: the one it was on is the first held; the others go back to the queue.
        const [first, ...rest] = held;
        queue.unshift(...rest);
        // Out of heap, V8 aborts the child and says so on stderr; past the whole memory, this side stopped it.
        const why: Stop =
          stopped ?? (/out of memory|heap limit|invalid (array|size|string|typed array) length/i.test(stderrTail) ? 'heap' : 'exit');
        if (first !== undefined) arrived(first, ownResult(first, stoppedResult(files[first], why, lang)));
        if (queue.length) void runChild().then(resolve);
        else resolve();
      });
      child.send({ opts: plain, parsed });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(Math.max(jobs, 1), files.length) }, runChild));
}

/** Calls `look` every `ms` until the returned function is called (never keeping the process alive). */
function every(ms: number, look: () => void): () => void {
  const timer = setInterval(look, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** Resident memory of a process in MB, where the system tells it (Linux /proc); 0 elsewhere. */
export function residentMB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ');
    return (Number(statm[1]) * 4096) / 1024 / 1024;
  } catch {
    return 0;
  }
}

function stoppedResult(file: string, why: Stop, lang: Lang): FileResult {
  const error =
    why === 'heap' || why === 'memory'
      ? {
          code: 'too_large',
          message: say(lang, 'limits.worker_memory', { file, limit: `${why === 'heap' ? WORKER_HEAP_MB : WORKER_MEMORY_MB} MB` }),
        }
      : why === 'time'
        ? { code: 'too_slow', message: say(lang, 'limits.worker_time', { file, seconds: FILE_SECONDS }) }
        : { code: 'crashed', message: say(lang, 'limits.worker_exit', { file }) };
  return { path: file, status: 'unreadable', error, reports: [] };
}
