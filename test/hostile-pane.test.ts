/**
 * Issue 8, the task pane's file mode: the pane reads picked files through addin/files.ts, which
 * applies core's limits (core/read/input.ts: 50 MB; core/read/zip-guard.ts: bytes really
 * inflated). A lying zip bomb and an oversized file each get one unreadable entry naming the file.
 * A picked file (FilesMode) is refused by its size before it is read, and files are read one at a time.
 */
import { describe, expect, it } from 'vitest';
import { checkFile, checkFiles, type PickedFile } from '../addin/files';
import { lyingBombXlsx } from './helpers/hostile';

describe("the pane's file reading refuses what check refuses", () => {
  it('a sheet declaring 0 bytes that inflates to 300 MB is too large, named, in both languages', async () => {
    const bomb = new Uint8Array(lyingBombXlsx(300, 0, true));
    const zh = await checkFile('bomb.xlsx', bomb, 'zh');
    expect(zh).toMatchObject({ status: 'unreadable', book: null, reports: [] });
    expect(zh.error).toEqual({
      code: 'too_large',
      message: '文件「bomb.xlsx」太大（其中一个部件解压后超过它声明的 0 字节，疑为压缩炸弹），为避免耗尽内存未读取',
    });
    expect((await checkFile('bomb.xlsx', bomb, 'en')).error!.message).toMatch(/bomb\.xlsx.*decompression bomb/);
  });

  it('a file over 50 MB is refused by its size, named', async () => {
    const big = new Uint8Array(51 * 1024 * 1024);
    big.set([0x50, 0x4b, 3, 4]);
    const r = await checkFile('big.xlsx', big, 'zh');
    expect(r.error).toEqual({ code: 'too_large', message: '文件「big.xlsx」太大（51.0 MB > 50.0 MB），为避免耗尽内存未读取' });
  });

  it('a picked file over 50 MB is refused before a byte of it is read', async () => {
    let reads = 0;
    const picked = (name: string, size: number, data: Uint8Array): PickedFile => ({
      name,
      size,
      mtime: null,
      read: async () => {
        reads++;
        return data;
      },
    });
    const [big, small] = await checkFiles(
      [picked('大.xlsx', 60 * 1024 * 1024, new Uint8Array(0)), picked('bomb.xlsx', 1000, new Uint8Array(lyingBombXlsx(300, 0, true)))],
      'zh',
    );
    expect(big.error).toEqual({ code: 'too_large', message: '文件「大.xlsx」太大（60.0 MB > 50.0 MB），为避免耗尽内存未读取' });
    expect(small.error!.code).toBe('too_large');
    expect(reads).toBe(1);
  });
});
