/** The main process's own files under a time limit (cli/in-time.ts; issue 22 kept issue 20's limits). */
import { describe, expect, it } from 'vitest';
import { workATurn } from '../cli/in-time';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* a file that takes its time */
  }
};

describe('workATurn', () => {
  it('stops the item that runs past the limit, keeps the ones before it and leaves the rest queued', () => {
    const queue = [0, 1, 2, 3];
    const done = workATurn(
      queue,
      (i) => {
        if (i === 2) for (;;) busy(1); // never ends
        return i * 10;
      },
      // Half a second: a busy machine may hold the two quick items back a while, never that long.
      500,
      20,
    );
    expect(done).toEqual([
      { i: 0, value: 0 },
      { i: 1, value: 10 },
      { i: 2, stopped: true },
    ]);
    expect(queue).toEqual([3]);
    // The process goes on: the next turn takes the rest.
    expect(workATurn(queue, (i) => i, 500, 1000)).toEqual([{ i: 3, value: 3 }]);
    expect(queue).toEqual([]);
  });

  it('ends a turn after its time, each item whole, and passes a failure on', () => {
    const queue = [0, 1, 2, 3, 4, 5];
    const done = workATurn(queue, (i) => (busy(15), i), 10_000, 20);
    // Past 20 ms after the second item (the first, when a busy machine held it back): the turn ends there, nothing is stopped.
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThanOrEqual(2);
    expect(done.every((d) => 'value' in d)).toBe(true);
    expect(queue).toEqual([0, 1, 2, 3, 4, 5].slice(done.length));
    expect(() =>
      workATurn(
        queue,
        () => {
          throw new Error('a fault');
        },
        1000,
        10,
      ),
    ).toThrow('a fault');
  });
});
