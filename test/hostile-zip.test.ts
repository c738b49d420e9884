/**
 * Issue 8 items 5 and 15: zip bombs that lie about their sizes, bombs nested as Index.zip, and
 * damaged central directories. Each input is built here byte by byte; each is checked by the
 * real command in a child process with a time limit and a small heap, and read back unchanged.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { deflateRawSync } from 'zlib';
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

// A part whose inflating is bounded by the budget is inflated in one call (core/read/zip-guard.ts):
// it must be told exactly as the 512-byte slices tell it.
describe('parts inflated in one call are counted as the slices count them', () => {
  const sheet = (data: Uint8Array, declaredSize: number) => ({
    name: 'xl/worksheets/sheet1.xml',
    data,
    method: 8 as const,
    crc: 0,
    declaredSize,
  });
  const withSheet = (part: ReturnType<typeof sheet>) => {
    const parts = xlsxParts('');
    parts[parts.length - 1] = part;
    return new Uint8Array(zipBytes(parts));
  };
  const others = xlsxParts('')
    .slice(0, -1)
    .reduce((n, p) => n + p.declaredSize, 0);

  it('a 6 MB part declaring its size is counted to the byte; one byte less declared is a lie', () => {
    const six = bombPart('x', 6, 0).data;
    expect(unpackedSize(withSheet(sheet(six, 6 << 20)), 64 << 20)).toMatchObject({ ok: true, bytes: others + (6 << 20) });
    expect(unpackedSize(withSheet(sheet(six, (6 << 20) - 1)), 64 << 20)).toMatchObject({ ok: false, why: 'lies', declared: (6 << 20) - 1 });
  });

  it('small lying bombs (20 MB from 20 KB) are lies, with or without a data descriptor', () => {
    expect(unpackedSize(new Uint8Array(lyingBombXlsx(20, 1000)), 64 << 20)).toMatchObject({ ok: false, why: 'lies', declared: 1000 });
    expect(unpackedSize(new Uint8Array(lyingBombXlsx(20, 0, true)), 64 << 20)).toMatchObject({ ok: false, why: 'lies', declared: 0 });
  });

  it('a part of stored deflate blocks longer than it declares is a lie, not damage', () => {
    const stored = deflateRawSync(Buffer.alloc(5000, 0x61), { level: 0 });
    expect(unpackedSize(withSheet(sheet(stored, 1000)), 64 << 20)).toMatchObject({ ok: false, why: 'lies', declared: 1000 });
    expect(unpackedSize(withSheet(sheet(stored, 5000)), 64 << 20)).toMatchObject({ ok: true, bytes: others + 5000 });
  });

  it('a part cut short is unreadable, and an empty part counts nothing', () => {
    const cut = deflateRawSync(Buffer.from('<worksheet>' + 'x'.repeat(9000) + '</worksheet>')).subarray(0, 40);
    expect(unpackedSize(withSheet(sheet(cut, 9023)), 64 << 20)).toEqual({ ok: false, why: 'unreadable' });
    expect(unpackedSize(withSheet(sheet(new Uint8Array(0), 0)), 64 << 20)).toMatchObject({ ok: true, bytes: others });
  });

  it('an ordinary workbook counts to what its parts declare', () => {
    const good = new Uint8Array(bookBytes(reportSheets({ format: '2021', year: 2023 }).sheets));
    const view = new DataView(good.buffer, good.byteOffset);
    const eocd = Buffer.from(good).lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
    let at = view.getUint32(eocd + 16, true);
    let declared = 0;
    for (let k = 0; k < view.getUint16(eocd + 10, true); k++) {
      declared += view.getUint32(at + 24, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(unpackedSize(good, 64 << 20)).toMatchObject({ ok: true, bytes: declared });
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
