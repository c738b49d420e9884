/**
 * Each file's work in two halves on two threads (cli/pool.ts, `--jobs` 2 or more where a second
 * checking process does not pay: two processors). A thread reads each file and locates its
 * reports (cli/worker.ts locatePathSync) ahead of this process, which checks them
 * (checkLocatedPath), the same two halves checkPathSync runs one after the other: the same results.
 * A second process sharing the batch warmed up all the code again and competed with the first
 * one's compiler (measured slower on two processors); here each half warms up once, in its thread.
 *
 * While nothing from the thread is ready, this process checks a file wholly itself, one just ahead
 * of the thread (which then passes it by): neither waits for the other, and a result made here waits
 * only briefly for those before it to be handed over (memory stays flat however long the batch).
 *
 * The thread reads only what the readers bound without limits (opts.bounded), as this process
 * does; a file that needs limits is answered as such and goes to a child. A file is held to the
 * same time limit: the thread says which file it is on since when, and one on a file too long is
 * stopped, that file reported too slow and the rest checked in this process as without a thread.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'worker_threads';
import { NeedsLimits } from '../core/read/errors';
import type { ReportData } from '../core/model/report';
import { fsPath, rememberRawPath } from '../core/node/raw-paths';
import { checkLocatedPath, checkPathSync, locatePathSync, type LocatedResult, type PathOptions } from './worker';
import { workATurn, type Done } from './in-time';
import { keepHeap } from './heap';
import { FileDigests } from './digests';

/** Answers the thread may be ahead of this process by: enough to keep it busy through a turn, few enough to weigh little. */
const AHEAD = 64;

// The shared state: answers posted, answers taken, the file being read (-1 between files), the
// next file the thread comes to; then, as a double, since when the thread is on its file; then one
// claim per file (FREE, the thread's or this process's), each taken by a compare-and-exchange.
const POSTED = 0;
const TAKEN = 1;
const CURRENT = 2;
const NEXT = 3;
const SINCE_AT = 16;
const CLAIMS_AT = 24;
const FREE = 0;
const THREAD = 1;
const HERE = 2;
/** How far ahead of the thread this process may take a file: what waits to be handed over in order stays few. */
const MOST_AHEAD = 256;

/** Atomics.waitAsync (Node 16 and later; ES2024's lib, newer than this project's). */
const waitAsync = (
  Atomics as unknown as { waitAsync: (a: Int32Array, i: number, v: number, ms: number) => { value: Promise<string> | string } }
).waitAsync;

/**
 * Until the thread posts an answer, or `ms` at most. The timer keeps the command alive meanwhile:
 * a pending waitAsync does not (Node would end the process with the batch unfinished).
 */
function answerOrWhile(state: Int32Array, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void Promise.resolve(waitAsync(state, POSTED, Atomics.load(state, POSTED), ms).value).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** What the thread says of one file, by its place in the list it was given. */
type Answer = ({ k: number; reports: ReportData[] } | { k: number; result: LocatedResult } | { k: number; limits: true }) & {
  /** The digest of the file's bytes, when a file of the same size came before it (cli/digests.ts). */
  digest?: string;
};

interface ThreadData {
  xxgkLocate: true;
  files: string[];
  /** Names that are not UTF-8: their bytes, by place (core/node/raw-paths.ts). */
  raws: [number, Uint8Array][];
  /** Whether the batch wants the files' digests (copies of one file, cli/digests.ts). */
  hash: boolean;
  opts: PathOptions;
  port: MessagePort;
  shared: SharedArrayBuffer;
}

/**
 * Checks the files at `queue`'s places with a locating thread, calling `done` for each in order as
 * checkFiles's own loop does (a null value: the file needs limits). Returns the places left to
 * check without a thread (after a stop or if the thread failed), in order; empty when all are done.
 */
export async function checkBesideThread(
  threadFile: string,
  files: string[],
  queue: number[],
  opts: PathOptions,
  limitMs: number,
  turnMs: number,
  done: (d: Done<LocatedResult | null>) => void,
  digests?: FileDigests,
): Promise<number[]> {
  const paths = queue.map((i) => files[i]);
  const raws: [number, Uint8Array][] = [];
  paths.forEach((p, k) => {
    const raw = fsPath(p);
    if (typeof raw !== 'string') raws.push([k, raw]);
  });
  const shared = new SharedArrayBuffer(CLAIMS_AT + 4 * paths.length);
  const state = new Int32Array(shared, 0, 4);
  const since = new Float64Array(shared, SINCE_AT, 1);
  const claims = new Int32Array(shared, CLAIMS_AT, paths.length);
  state[CURRENT] = -1;
  const { port1, port2 } = new MessageChannel();
  // Functions do not cross to a thread, and the thread neither checks nor needs the rules.
  const { textRules: _t, extraRules: _r, priors: _p, prior: _q, ...plain } = opts;
  const data: ThreadData = { xxgkLocate: true, files: paths, raws, hash: !!digests, opts: plain, port: port2, shared };
  const worker = new Worker(threadFile, { workerData: data, transferList: [port2] });
  // It never keeps the command alive by itself (stopped below in any case).
  worker.unref();
  // Ended: after its last file, or early (it could not start): what is left is checked here.
  let ended = false;
  worker.on('error', () => (ended = true));
  worker.on('exit', () => (ended = true));
  const stop = async () => {
    port1.close();
    await worker.terminate();
  };

  const resolved = new Uint8Array(paths.length);
  let left = paths.length;
  const finish = (d: Done<LocatedResult | null>) => {
    resolved[d.i] = 1;
    left--;
    done({ ...d, i: queue[d.i] });
  };
  const unresolved = () => queue.filter((_, k) => !resolved[k]);
  const answered = new Map<number, Answer>();
  const wholly = (k: number): LocatedResult | null => {
    try {
      return checkPathSync(paths[k], opts, digests && ((bytes) => digests.seen(queue[k], bytes)));
    } catch (e) {
      if (e instanceof NeedsLimits) return null;
      throw e;
    }
  };
  /** The places to check here next: the thread's answers, else a file just ahead of the thread, checked wholly here. */
  const places: number[] = [];
  const refill = () => {
    let took = 0;
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const a = m.message as Answer;
      if (a.digest) digests?.hashed(queue[a.k], a.digest);
      answered.set(a.k, a);
      places.push(a.k);
      took++;
    }
    if (took) {
      Atomics.add(state, TAKEN, took);
      Atomics.notify(state, TAKEN);
      return;
    }
    const taken = claimAhead(state, claims);
    if (taken >= 0) places.push(taken);
  };
  // One turn goes on while there is something to check (a turn's watchdog costs as much as a file).
  const check = (k: number): LocatedResult | null => {
    const a = answered.get(k);
    answered.delete(k);
    const r = !a ? wholly(k) : 'limits' in a ? null : 'result' in a ? a.result : checkLocatedPath(paths[k], a.reports, opts);
    if (places[places.length - 1] === k) refill();
    return r;
  };
  try {
    while (left > 0) {
      if (!places.length) refill();
      if (places.length) {
        for (const d of workATurn(places, check, limitMs, turnMs)) finish(d);
        keepHeap();
        // The event loop turns between turns: the children's messages, and a signal's handler.
        await new Promise(setImmediate);
        continue;
      }
      const on = Atomics.load(state, CURRENT);
      if (on >= 0 && Date.now() - since[0] > limitMs) {
        await stop();
        finish({ i: on, stopped: true });
        break;
      }
      if (ended) break;
      await answerOrWhile(state, 100);
    }
  } finally {
    // Whatever happened here, the thread goes too: it never outlives the batch.
    await stop();
  }
  return unresolved();
}

/**
 * A file just ahead of the thread that neither side has taken, now this process's; -1 when there is
 * none within MOST_AHEAD of it. Each file is taken by one compare-and-exchange of its claim, by
 * whichever side comes first: the thread passes by a file taken here.
 */
function claimAhead(state: Int32Array, claims: Int32Array): number {
  const next = Atomics.load(state, NEXT);
  const end = Math.min(claims.length, next + MOST_AHEAD);
  for (let j = next + 1; j < end; j++) if (Atomics.compareExchange(claims, j, FREE, HERE) === FREE) return j;
  return -1;
}

/** The thread: reads and locates the files in order, never more than AHEAD answers ahead of what was taken. */
function runThread({ files, raws, hash, opts, port, shared }: ThreadData): void {
  for (const [k, raw] of raws) rememberRawPath(files[k], raw);
  const state = new Int32Array(shared, 0, 4);
  const since = new Float64Array(shared, SINCE_AT, 1);
  const claims = new Int32Array(shared, CLAIMS_AT, files.length);
  // The same rule as this process's own digests, over the files read here (cli/digests.ts).
  const digests = hash ? new FileDigests(files) : null;
  for (let k = 0; k < files.length; k++) {
    if (k % 16 === 0) keepHeap();
    for (let taken = Atomics.load(state, TAKEN); Atomics.load(state, POSTED) - taken >= AHEAD; taken = Atomics.load(state, TAKEN))
      Atomics.wait(state, TAKEN, taken, 1000);
    Atomics.store(state, NEXT, k);
    // The file is the thread's unless the main process has taken it (claimAhead).
    if (Atomics.compareExchange(claims, k, FREE, THREAD) !== FREE) continue;
    since[0] = Date.now();
    Atomics.store(state, CURRENT, k);
    let a: Answer;
    try {
      const l = locatePathSync(files[k], opts, digests ? (bytes) => digests.seen(k, bytes) : undefined);
      a = 'result' in l ? { k, result: l.result } : { k, reports: l.reports };
    } catch (e) {
      if (!(e instanceof NeedsLimits)) throw e;
      a = { k, limits: true };
    }
    const digest = digests?.take(k);
    if (digest) a.digest = digest;
    Atomics.store(state, CURRENT, -1);
    port.postMessage(a);
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  }
  port.close();
}

if (!isMainThread && (workerData as ThreadData | null)?.xxgkLocate) runThread(workerData as ThreadData);
