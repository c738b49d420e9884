/**
 * Keeps a checking thread's heap near what it holds. A batch checked in the main process allocates
 * a few megabytes per file that die at once, and keeps a few hundred bytes per file for the batch's
 * verdicts; left alone, V8 lets such a heap grow to two or three times what it holds before it
 * collects, and the main process's memory grew with the batch (the soak: 296 MB in the first half
 * of 20,000 files, 395 MB in the second). A full collection when the heap has grown 64 MB past
 * what the last one kept holds it flat, for a collection of some 25-40 ms every few thousand files.
 */
import { getHeapStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/** Growth over what the last collection kept before another is asked for. */
const SLACK = 64 * 1024 * 1024;

let collect: (() => void) | null = null;
let kept = 0;

/**
 * To call between turns of work, in any thread: collects when its heap has grown too far. V8 offers
 * its collector to scripts only with --expose-gc, which takes effect for contexts made after it is set.
 */
export function keepHeap(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
    kept = getHeapStatistics().used_heap_size;
  }
  if (getHeapStatistics().total_heap_size <= kept + SLACK) return;
  collect();
  kept = getHeapStatistics().used_heap_size;
}
