/**
 * Issue 8 (nothing lost): a spool that cannot write a record (a full disk) keeps it in memory
 * instead of ending the run with a stack trace; every record still comes back, in order.
 */
import { describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ writes: 0, refused: 0 }));

vi.mock('fs', async (original) => {
  const fs = await original<typeof import('fs')>();
  return {
    ...fs,
    // Every third write fails as a full disk does.
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (++disk.writes % 3 === 0 && ++disk.refused)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (fs.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

describe('the spool on a full disk', () => {
  it('keeps what it cannot write and gives every record back as written', async () => {
    const { Spool } = await import('../cli/spool');
    const spool = new Spool<{ n: number; text: string; odd: number[] }>();
    const records = Array.from({ length: 10 }, (_, n) => ({ n, text: `第${n}份`, odd: [NaN, -0, Infinity] }));
    for (const r of records) spool.add(r);
    expect(spool.length).toBe(10);
    expect(disk.refused).toBe(3); // records 2, 5 and 8 were not written
    expect(Array.from({ length: 10 }, (_, i) => spool.get(i))).toEqual(records);
    // A record read back is a copy: adding to it changes nothing kept.
    spool.get(2).text = 'changed';
    expect(spool.get(2).text).toBe('第2份');
    spool.close();
  });
});
