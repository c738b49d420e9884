/**
 * Issue 22, row 8a: the digests by which `check DIR` knows copies of one file (cli/digests.ts) are
 * made of the bytes read for the check when a file of the same size came before, else of the file
 * read again, as before: the same SHA-256 either way. A file whose name is not UTF-8 has its
 * digest too (before, it was read again by its decoded name, which does not exist, so its copies
 * were not known as copies).
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { digestOfFile, FileDigests } from '../cli/digests';
import { checkBesideThread } from '../cli/locate-thread';
import { say } from '../core/messages';
import { rng, tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** 财政局副本.xlsx in GBK. */
const GBK_NAME = Buffer.from('b2c6d5febecdb8b1b1be2e786c7378', 'hex');

describe('file digests (issue 22)', () => {
  it('are the SHA-256 of the bytes, whether made as the file was checked or read again', () => {
    const d = tempDir('xxgk-digests-');
    const r = rng(8);
    const bytes = [0, 1, 100, 65536, 65537, 300_000].map((n) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256))));
    // Two files of each size, the second a copy of the first but for its last byte (when it has one).
    const files: string[] = [];
    const contents: Buffer[] = [];
    bytes.forEach((b, k) => {
      const copy = Buffer.from(b);
      if (copy.length) copy[copy.length - 1] ^= 1;
      for (const [j, c] of [b, copy].entries()) {
        files.push(path.join(d, `${k}-${j}`));
        contents.push(c);
        fs.writeFileSync(files[files.length - 1], c);
      }
    });
    const digests = new FileDigests(files);
    // Every file seen but the last two, as checking them would.
    contents.slice(0, -2).forEach((c, i) => digests.seen(i, c));
    contents.forEach((c, i) => expect(digests.of(i), files[i]).toBe(sha256(c)));
    contents.forEach((c, i) => expect(digestOfFile(files[i])).toBe(sha256(c)));
    // A file gone, or no regular file: no digest (it is then taken as distinct).
    expect(digestOfFile(path.join(d, 'gone'))).toBeNull();
    expect(digestOfFile(d)).toBeNull();
  });

  it('a locating thread hashes the copies it reads and sends their digests (--jobs 2 on two processors)', async () => {
    const d = tempDir('xxgk-digests-thread-');
    const report = fs.readFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'));
    const other = fs.readFileSync(path.join(root, 'examples', '某某县教育局-2024-有错误.xlsx'));
    const files = Array.from({ length: 240 }, (_, i) => path.join(d, `${String(i).padStart(3, '0')}.xlsx`));
    files.forEach((f, i) => fs.writeFileSync(f, i % 3 ? report : other));
    const fromThread: number[] = [];
    const digests = new (class extends FileDigests {
      hashed(i: number, digest: string): void {
        fromThread.push(i);
        super.hashed(i, digest);
      }
    })(files);
    const threadFile = path.join(root, 'dist', 'node', 'cli', 'locate-thread.js');
    const left = await checkBesideThread(
      threadFile,
      files,
      files.map((_, i) => i),
      { lang: 'zh', bounded: true },
      60_000,
      1000,
      () => {},
      digests,
    );
    expect(left).toEqual([]);
    // The thread reads from the start while this process checks from the end: it has many of them.
    expect(fromThread.length).toBeGreaterThan(20);
    files.forEach((_, i) => expect(digests.of(i)).toBe(sha256(i % 3 ? report : other)));
  }, 120_000);

  it.skipIf(process.platform !== 'linux')('check DIR knows a copy named in GBK as a copy', () => {
    const d = tempDir('xxgk-digests-gbk-');
    const report = fs.readFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'));
    fs.writeFileSync(path.join(d, 'a.xlsx'), report);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${d}/`), GBK_NAME]), report);
    const r = spawnSync(process.execPath, [bin, 'check', d, '--json'], { encoding: 'utf8' });
    const rows: { verdict: string; reason: string }[] = JSON.parse(r.stdout).batch.files;
    expect(rows.map((x) => x.verdict).sort()).toEqual(['duplicate', 'pass']);
    const identical = say('zh', 'batch.dup_why.identical');
    expect(rows.find((x) => x.verdict === 'duplicate')!.reason).toContain(identical);
  });
});
