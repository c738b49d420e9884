/**
 * Issue 22: `xxgk check` checks ordinary files in its own process (no child to start, no messages,
 * no spool written by another process) and sends to a checking process, with its memory and time
 * limits (cli/pool.ts), only what the readers' guards do not bound tightly: a large file, a PDF,
 * a Word document, an OpenDocument spreadsheet, big parts (core/read/size.ts). The verdicts are
 * the same whichever process gives them. Node processes are counted by a preload that notes
 * each one's pid (NODE_OPTIONS reaches the children too).
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { filesPerProcess } from '../cli/pool';
import { checkPath } from '../cli/worker';
import { NeedsLimits } from '../core/read/errors';
import { docxBytes, reportDocumentXml } from './helpers/docx';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { countedCheck } from './helpers/counted-check';
import { bookBytes, reportSheets } from './helpers/workbooks';

/** A folder of `n` good workbooks; returns it and a preload that counts the node processes of a run. */
function folder(n: number): { dir: string; files: string[] } {
  const dir = tempDir('xxgk-inproc-');
  const files = Array.from({ length: n }, (_, i) => {
    const file = path.join(dir, `r${i}.xlsx`);
    const values = balancedValues('2021', i + 1);
    writeFileSync(file, bookBytes(reportSheets({ format: '2021', year: 2024, agency: `某某县第${i + 1}局`, values }).sheets));
    return file;
  });
  return { dir, files };
}

/** Runs check, counting the node processes it took (itself and its children). */
const counted = (args: string[], env: Record<string, string> = {}) => countedCheck(args, env);

describe('check in its own process (issue 22)', () => {
  it('reads an ordinary workbook bounded, and leaves a PDF, a Word document and a large file to a process with limits', async () => {
    const dir = tempDir('xxgk-bounded-');
    const { files } = folder(1);
    const at = (name: string, bytes: Uint8Array | string) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const here = { lang: 'zh' as const, bounded: true };
    expect((await checkPath(files[0], here)).status).toBe('checked');
    const limited = [
      at('a.pdf', '%PDF-1.4\n%%EOF\n'),
      at('a.docx', docxBytes(reportDocumentXml('2021', balancedValues('2021', 1)))),
      at('big.txt', Buffer.alloc(1_100_000, '1,2,3,4\n')),
    ];
    for (const file of limited) await expect(checkPath(file, here), file).rejects.toBeInstanceOf(NeedsLimits);
    // Without being asked to stay bounded, the same call gives a verdict.
    for (const file of limited) expect((await checkPath(file, { lang: 'zh' })).path).toBe(file);
  });

  it('--jobs 1 on ordinary workbooks starts no checking process; a file needing limits gets one, with the same verdicts', () => {
    const { dir, files } = folder(4);
    const alone = counted([dir, '--jobs', '1']);
    expect(alone.processes).toBe(1);
    expect(alone.doc.summary).toMatchObject({ files: 4, reports: 4, unreadable: 0 });
    // A text just over the bound: read in a child, which says it holds no report, as in-process reading would.
    writeFileSync(path.join(dir, 'm-big.txt'), Buffer.alloc(1_100_000, '1,2,3,4\n'));
    const mixed = counted([dir, '--jobs', '1']);
    expect(mixed.processes).toBe(2);
    const big = mixed.doc.files.find((f) => f.path.endsWith('m-big.txt'))!;
    expect(big.status).toBe('unreadable');
    for (const f of files) expect(mixed.doc.files.find((x) => x.path === f)).toEqual(alone.doc.files.find((x) => x.path === f));
    // --jobs 2 on a batch too small to share: still one process (a child would cost more than the files).
    expect(counted([...files, '--jobs', '2']).processes).toBe(1);
    // Past the files a process must get, a second one shares the batch, with the same verdicts.
    const shared = counted([...files, '--jobs', '2'], { XXGK_FILES_PER_PROCESS: '2' });
    expect(shared.processes).toBe(2);
    for (const f of files) expect(shared.doc.files.find((x) => x.path === f)).toEqual(alone.doc.files.find((x) => x.path === f));
  }, 300_000);

  it('stops a file checked in this process at the time limit, as a checking process would, and goes on', () => {
    const { files } = folder(3);
    const slow = counted([...files, '--jobs', '1'], { XXGK_FILE_SECONDS: '0.0001' });
    expect(slow.processes).toBe(1);
    expect(slow.doc.summary).toMatchObject({ files: 3, unreadable: 3 });
    for (const f of files) {
      const r = slow.doc.files.find((x) => x.path === f)!;
      expect(r.error).toMatchObject({ code: 'too_slow', message: expect.stringContaining(f) });
    }
    // With the usual limit the same files are checked.
    expect(counted([...files, '--jobs', '1']).doc.summary).toMatchObject({ files: 3, unreadable: 0 });
  }, 300_000);

  it('shares a batch between processes only when a processor is spare for each one warming up', () => {
    // Two processors: a second process competes with the first one's compiler (measured 0.75× at 600 files, 0.98× at 5,000).
    expect(filesPerProcess(2)).toBe(Infinity);
    expect(filesPerProcess(1)).toBe(Infinity);
    expect(filesPerProcess(8)).toBeLessThanOrEqual(50);
  });
});
