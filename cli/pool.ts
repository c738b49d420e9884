/**
 * Checks a batch's files: ordinary ones in this process (core's readers asked to stay bounded),
 * the others (and, with --jobs N and a batch large enough, a share of the rest) in child
 * processes with memory and time limits. Results are handed over in input order as soon as each
 * is ready and then dropped, so memory stays flat however many files there are. A child that
 * dies or is stopped (a hostile file exhausting its memory or its time) costs only the file it
 * was checking: that file is reported as unreadable and a fresh child takes over the rest.
 *
 * Processes, not worker threads, for what needs limits: a thread's heap limit (resourceLimits) is
 * not a wall. A worker that runs out of heap in a young-generation allocation aborts the whole
 * process (V8's FatalProcessOutOfMemory; measured: a 49 MB text file took `check --jobs 1` down with
 * exit 134 and no output), and buffers outside the heap are not counted at all. A child process has
 * its own heap limit (--max-old-space-size), its whole memory is watched from here (Linux: /proc),
 * and whatever kills it kills only it. The one thread (cli/locate-thread.ts) reads only what this
 * process would read itself: files the readers bound without limits.
 */
import { fork } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckFileOptions } from '../core/checkfile';
import { NeedsLimits } from '../core/read/errors';
import type { FileResult, Lang } from '../core/model/findings';
import { say } from '../core/messages';
import { exportParsedRules } from '../core/rules';
import { compactResult, withOmitted } from '../core/batch/compact';
import type { Omitted } from '../core/batch/compact';
import type { Spool } from './spool';
import type { FileDigests } from './digests';
import { fsPath } from '../core/node/raw-paths';
import { workATurn, type Done } from './in-time';
import { keepHeap } from './heap';
import { V8_FLAGS } from './v8-tuning';

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
 * Files each checking process must get before one more is worth starting to share a batch
 * (XXGK_FILES_PER_PROCESS overrides it, for tests and measuring). A process costs its start and its
 * warming up: V8 compiles the hot code on a helper thread, so while it warms up one process keeps
 * about one and a half processors busy, and a second one on a two-processor machine competes with
 * the first one's compiler. Measured on two cores (issue 22), a shared batch never finished sooner
 * than one process alone: 0.75× the speed at 600 files, 0.97× at 1,800 and 0.98× at 5,000 (each
 * process paid 1-3 s of CPU to warm up), so there a batch is not shared. With more processors the
 * threshold stays what it was (24: a process's start costs about as much as 15 files), not measured here.
 */
export function filesPerProcess(cores: number): number {
  const set = Number(process.env.XXGK_FILES_PER_PROCESS);
  if (Number.isInteger(set) && set > 0) return set;
  return cores <= 2 ? Infinity : 24;
}

/** Fewer files than this are not worth a locating thread's start (it loads the readers again: tens of milliseconds). */
const THREAD_MIN_FILES = 40;

/** Whether a batch of this many files gets a locating thread (cli/locate-thread.ts); XXGK_LOCATE_THREAD=0 or 1 decides instead. */
export function besideThread(files: number): boolean {
  const set = process.env.XXGK_LOCATE_THREAD;
  if (set === '0' || set === '1') return set === '1';
  return files >= THREAD_MIN_FILES;
}

/**
 * Checks `files`, handing each result over in input order: the whole results go to the spool (the
 * children write them there themselves) and `onResult` gets each compacted (core/batch/compact.ts).
 *
 * This process checks the files itself, reading only what the readers' guards bound tightly
 * (opts.bounded, core/read/size.ts), each within the same time limit as in a child
 * (cli/in-time.ts): no child to start, no messages, no spool written by another process. A file
 * they do not bound (large, a PDF or Word document, big parts) goes to a child with the memory and
 * time limits, whatever `jobs` says; with `jobs` ≥ 2 and a batch large enough (filesPerProcess),
 * `jobs` − 1 children share the rest of the batch with this process. `digests` are made of the
 * bytes of the files read here and in a locating thread (cli/digests.ts).
 */
export async function checkFiles(
  files: string[],
  opts: CheckFileOptions,
  jobs: number,
  onResult: (index: number, result: FileResult) => void,
  spool: Spool<FileResult>,
  digests?: FileDigests,
): Promise<void> {
  if (!files.length) return;
  const workerFile = path.join(__dirname, 'worker.js');
  /** A result made in this process: spooled here. */
  const ownResult = (i: number, whole: FileResult): FileResult => {
    spool.put(i, whole);
    return compactResult(whole);
  };
  const { checkPath, checkPathSync } = await import('./worker');
  // Only when run from source (no compiled worker beside this file) is every file checked here.
  if (!existsSync(workerFile)) {
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
  const lang = opts.lang ?? 'zh';
  /** Files for anyone, in order; files this process found it cannot bound, for children only. */
  const queue = files.map((_, i) => i);
  const limited: number[] = [];
  let hereDone = false;
  const take = (shared: boolean): number | undefined => limited.shift() ?? (shared ? queue.shift() : undefined);
  // Files a stopped child held besides the one it was on: first in line for the next child.
  const giveBack = (ids: number[]) => limited.unshift(...ids);
  const left = (shared: boolean) => limited.length > 0 || (shared && queue.length > 0);
  const pool = new Children(files, opts, lang, workerFile, spool, arrived, { take, giveBack, left, hereDone: () => hereDone });
  const sharing = Math.min(jobs - 1, Math.floor(files.length / filesPerProcess(os.availableParallelism?.() ?? os.cpus().length)));
  for (let k = 0; k < sharing; k++) pool.start(true);

  const here: CheckFileOptions = { ...opts, bounded: true };
  const check = (i: number): FileResult | null => {
    try {
      return checkPathSync(files[i], here, digests && ((bytes) => digests.seen(i, bytes)));
    } catch (e) {
      if (e instanceof NeedsLimits) return null;
      throw e;
    }
  };
  // A second at most per turn (less under a short limit), so that a stopped file has had its whole time.
  const turnMs = Math.min(1000, (FILE_SECONDS * 1000) / 8);
  const done = (d: Done<FileResult | null>) => {
    if ('stopped' in d) arrived(d.i, ownResult(d.i, stoppedResult(files[d.i], 'time', lang)));
    else if (d.value) arrived(d.i, ownResult(d.i, d.value));
    else {
      limited.push(d.i);
      pool.wake();
    }
  };
  // A second job with no process to share the batch with: a thread reads and locates ahead of this process's checking.
  const threadFile = path.join(__dirname, 'locate-thread.js');
  if (jobs >= 2 && !sharing && besideThread(queue.length) && existsSync(threadFile)) {
    const { checkBesideThread } = await import('./locate-thread');
    const left = await checkBesideThread(threadFile, files, queue.splice(0), here, FILE_SECONDS * 1000, turnMs, done, digests);
    queue.push(...left);
  }
  while (queue.length) {
    for (const d of workATurn(queue, check, FILE_SECONDS * 1000, turnMs)) done(d);
    keepHeap();
    // The event loop turns between turns: the children's messages, and a signal's handler (SIGTERM, Ctrl-C: cli/write.ts).
    await new Promise(setImmediate);
  }
  hereDone = true;
  pool.wake();
  await pool.done();
}

/** The checking processes of one batch: started as needed, each taking files until none is left for it. */
class Children {
  private readonly live = new Set<() => void>();
  private readonly ended: Promise<void>[] = [];
  constructor(
    private readonly files: string[],
    private readonly opts: CheckFileOptions,
    private readonly lang: Lang,
    private readonly workerFile: string,
    private readonly spool: Spool<FileResult>,
    private readonly arrived: (i: number, r: FileResult) => void,
    private readonly line: {
      take: (shared: boolean) => number | undefined;
      giveBack: (ids: number[]) => void;
      left: (shared: boolean) => boolean;
      hereDone: () => boolean;
    },
  ) {}

  get running(): boolean {
    return this.live.size > 0;
  }

  /** Tells idle children there is a file for them (or that none will come); starts one if a file needs limits and none runs. */
  wake(): void {
    for (const feed of [...this.live]) feed();
    if (!this.live.size && this.line.left(false)) this.start(false);
  }

  async done(): Promise<void> {
    while (this.ended.length) await this.ended.shift();
  }

  /** A child: `shared` takes files of the batch too, not only those needing limits. */
  start(shared: boolean): void {
    this.ended.push(this.runChild(shared));
  }

  private runChild(shared: boolean): Promise<void> {
    const { take, giveBack, left, hereDone } = this.line;
    const { files, spool, arrived, lang } = this;
    // Functions cannot cross to a child: it uses core's own text rules.
    const { textRules: _local, ...plain } = this.opts;
    return new Promise<void>((resolve) => {
      // A spool file of its own (its descriptor SPOOL_FD in the child, cli/worker.ts): what it wrote stays readable if it dies.
      const spoolFd = spool.openFile();
      const child = fork(this.workerFile, [CHILD_FLAG], {
        execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`, ...V8_FLAGS, ...profiling()],
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
      const send = (id: number) => {
        // A child that waited idle starts its file's time now.
        if (!held.length) since = Date.now();
        held.push(id);
        // A name that is not UTF-8 goes with its bytes, for the child to open it by (core/node/raw-paths.ts).
        const raw = fsPath(files[id]);
        child.send({ job: { id, path: files[id], ...(typeof raw === 'string' ? {} : { raw }) } });
      };
      const feed = () => {
        if (finished || stopped) return;
        while (held.length < IN_FLIGHT) {
          const id = take(shared);
          if (id === undefined) break;
          send(id);
        }
        // Idle: it ends once this process has checked its files (none can come for it after that).
        if (!held.length && hereDone()) {
          finished = true;
          this.live.delete(feed);
          unwatch();
          child.once('exit', () => resolve());
          child.disconnect();
        }
      };
      const unwatch = every(WATCH_MS, () => {
        if (finished || stopped) return;
        if (held.length && Date.now() - since > FILE_SECONDS * 1000) stopped = 'time';
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
      const ownResult = (i: number, whole: FileResult): FileResult => {
        spool.put(i, whole);
        return compactResult(whole);
      };
      child.on('error', () => {
        /* the exit that follows says what happened */
      });
      child.on('exit', () => {
        if (finished) return;
        finished = true;
        this.live.delete(feed);
        unwatch();
        // The child checks its files in the order sent: the one it was on is the first held; the others go to the next child.
        const [first, ...rest] = held;
        // Out of heap, V8 aborts the child and says so on stderr; past the whole memory, this side stopped it.
        const why: Stop =
          stopped ?? (/out of memory|heap limit|invalid (array|size|string|typed array) length/i.test(stderrTail) ? 'heap' : 'exit');
        if (first !== undefined) arrived(first, ownResult(first, stoppedResult(files[first], why, lang)));
        giveBack(rest);
        // A fresh child takes over what is left for this one.
        if (left(shared)) this.start(shared);
        resolve();
      });
      child.send({ opts: plain, parsed: exportParsedRules() });
      this.live.add(feed);
      feed();
    });
  }
}

/** Children profiled too when this process is (XXGK_PROF=DIR, for measuring only). */
const profiling = (): string[] => (process.env.XXGK_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.XXGK_PROF}`] : []);

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
