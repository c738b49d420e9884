/**
 * Issue 8 items 5 and 15: zip bombs that lie about their sizes, bombs nested as Index.zip, and
 * damaged central directories. Each input is built here byte by byte; each is checked by the
 * real command in a child process with a time limit and a small heap, and read back unchanged.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import type { FindingsDoc } from '../core/model/findings';
import { readWorkbook } from '../core/read/xlsx';
import { unpackedSize } from '../core/read/zip-guard';
import { bombPart, deflatedPart, lyingBombXlsx, xlsxParts, zipBytes } from './helpers/hostile';
import { bookBytes, reportSheets, writeFile } from './helpers/workbooks';

const bin = path.join(__dirname, '..', 'bin', 'xxgk.js');
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** `xxgk check FILE --json` with 20 s and a 200 MB heap: a bomb that got through would exceed both (SheetJS took 15 s for 200 MB). */
function checkBounded(file: string): { status: number | null; doc: FindingsDoc; ms: number } {
  const before = hash(file);
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=200', bin, 'check', file, '--json'], { encoding: 'utf8', timeout: 20_000 });
  const ms = Date.now() - t;
  expect(r.signal, r.stderr).toBeNull();
  expect(hash(file)).toBe(before);
  return { status: r.status, doc: JSON.parse(r.stdout) as FindingsDoc, ms };
}

/** A stored (method 0) part holding other bytes as they are: how a package nests a package. */
const storedPart = (name: string, data: Uint8Array) => ({ name, data, method: 0 as const, crc: 0, declaredSize: data.length });

describe('bombs that lie are stopped on the bytes they really inflate to', () => {
  it('a sheet declaring 0 bytes (data descriptor) that inflates to 300 MB is too large, not empty', () => {
    const file = writeFile('dd-bomb.xlsx', lyingBombXlsx(300, 0, true));
    const { doc } = checkBounded(file);
    expect(doc.files[0]).toMatchObject({ status: 'unreadable', error: { code: 'too_large' } });
    expect(doc.files[0].error!.message).toMatch(/解压后超过它声明的 0 字节，疑为压缩炸弹/);
    expect(doc.files[0].error!.message).not.toMatch(/空的/);
  });

  it('a sheet declaring 1,000 bytes that inflates to 300 MB is stopped after its first slice', () => {
    const data = lyingBombXlsx(300, 1000);
    const t = Date.now();
    expect(unpackedSize(new Uint8Array(data), 64 << 20)).toMatchObject({ ok: false, why: 'lies', declared: 1000 });
    expect(Date.now() - t).toBeLessThan(2000);
    const { doc } = checkBounded(writeFile('small-bomb.xlsx', data));
    expect(doc.files[0]).toMatchObject({ status: 'unreadable', error: { code: 'too_large' } });
    expect(doc.files[0].error!.message).toMatch(/声明的 1000 字节/);
  });

  it('an honest bomb nested as Index.zip counts against the same limit', () => {
    const inner = zipBytes([bombPart('Index/Document.iwa', 100, 100 << 20)]);
    const outer = zipBytes([...xlsxParts('<worksheet/>'), storedPart('Index.zip', inner)]);
    expect(unpackedSize(new Uint8Array(outer), 64 << 20)).toEqual({ ok: false, why: 'too_large' }); // nested: counted, not declared at the top
    // A lying one inside a deflated Index.zip is stopped too.
    const lying = deflatedPart('Index.zip', zipBytes([bombPart('Index/Document.iwa', 100, 0, true)]));
    expect(unpackedSize(new Uint8Array(zipBytes([...xlsxParts('<worksheet/>'), lying])), 64 << 20)).toMatchObject({
      ok: false,
      why: 'lies',
      declared: 0,
    });
    const { doc } = checkBounded(writeFile('nested-bomb.numbers', outer));
    expect(doc.files[0]).toMatchObject({ status: 'unreadable', error: { code: 'too_large' } });
    expect(doc.files[0].error!.message).toMatch(/解压后超过 64\.0 MB/);
  });

  it('an ordinary workbook is counted in full and read as before', () => {
    const good = new Uint8Array(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
    const u = unpackedSize(good, 64 << 20);
    expect(u.ok && u.bytes).toBeGreaterThan(good.length / 2);
    expect(readWorkbook(good, 'good.xlsx').grids.length).toBe(1);
  });
});

describe('a damaged zip is called damaged, never password-protected', () => {
  const good = bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets);
  const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  const cd = good.readUInt32LE(eocd + 16);
  const damage: Record<string, (b: Buffer) => void> = {
    'directory signature': (b) => (b[cd] = 0),
    'directory offset': (b) => b.writeUInt32LE(5, eocd + 16),
    'directory garbage': (b) => {
      for (let i = cd; i < eocd; i++) b[i] = (i * 7) & 0xff;
    },
    'entry count': (b) => (b.writeUInt16LE(999, eocd + 10), b.writeUInt16LE(999, eocd + 8)),
    'local header offset': (b) => b.writeUInt32LE(99999999, cd + 42),
    // A garbled local header whose flags read as "encrypted" (SheetJS: "Unsupported ZIP encryption").
    'local flags': (b) => b.writeUInt16LE(0x41, 6),
  };
  for (const [what, f] of Object.entries(damage))
    it(`${what} → damaged`, () => {
      const b = Buffer.from(good);
      f(b);
      let code = '';
      let message = '';
      try {
        readWorkbook(new Uint8Array(b), 'x.xlsx');
      } catch (e) {
        code = (e as { code: string }).code;
        message = (e as Error).message;
      }
      expect(code).toBe('damaged');
      expect(message).toMatch(/文件「x\.xlsx」已损坏/);
      expect(message).not.toMatch(/密码|password|zip compression/i);
    });
});
