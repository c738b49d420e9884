/**
 * The main process's own files (cli/pool.ts), checked a while at a time under the same time limit
 * per file as a checking process: V8 stops a script that runs past its timeout (node:vm, with a
 * watchdog thread), and the file it was on is reported as too slow, while the files before it
 * keep their results. One watchdog serves a turn of many files: starting one per file cost about
 * 0.17 ms, a tenth of an ordinary file's check.
 */
import { Script } from 'vm';

/** What a turn did with one item: its value, or that the time limit stopped it. */
export type Done<T> = { i: number; value: T } | { i: number; stopped: true };

const TURN = new Script('globalThis.__xxgkTurn()');

/**
 * Works through `queue` in order for about `turnMs`, each item within `limitMs`, and takes the
 * items done off the queue. An item starts at most `turnMs` into the turn and the turn is stopped
 * at `limitMs + turnMs`: an item stopped has run at least `limitMs`.
 */
export function workATurn<T>(queue: number[], work: (i: number) => T, limitMs: number, turnMs: number): Done<T>[] {
  const out: Done<T>[] = [];
  const started = performance.now();
  const g = globalThis as { __xxgkTurn?: () => void };
  g.__xxgkTurn = () => {
    // Only `out` changes in here: an item stopped mid-way is the one after those it holds.
    while (out.length < queue.length) {
      const i = queue[out.length];
      out.push({ i, value: work(i) });
      if (performance.now() - started > turnMs) return;
    }
  };
  try {
    TURN.runInThisContext({ timeout: Math.ceil(limitMs + turnMs) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
    if (out.length < queue.length) out.push({ i: queue[out.length], stopped: true });
  } finally {
    delete g.__xxgkTurn;
  }
  queue.splice(0, out.length);
  return out;
}
