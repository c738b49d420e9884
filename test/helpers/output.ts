/** What a command writes to stdout and stderr, captured in-process (restored after each test). */
import { afterEach, vi } from 'vitest';

/** Registers the restore and returns the lines and the function that starts capturing. */
export function outputCapture(): { out: string[]; capture: () => void } {
  const out: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    out.length = 0;
  });
  const capture = () => {
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation((s) => {
        out.push(String(s));
        return true;
      });
  };
  return { out, capture };
}
