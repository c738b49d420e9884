/**
 * Issue 22, row 8a: core/node/own.ts reads a small file whole, in one read, and a larger one in
 * parts (head, tail, directory, part), and looks at a binary head without decoding it. Whichever
 * way, the product's outputs are known as before and a department's files are not taken for them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ownOutputKind } from '../core/node/own';
import { rng, tempDir } from './helpers/temp';

const dir = tempDir('xxgk-own-read-');
let n = 0;
const file = (bytes: Uint8Array | string): string => {
  const f = path.join(dir, `f${n++}`);
  fs.writeFileSync(f, bytes);
  return f;
};

/** Bytes that do not compress: a part that makes a workbook as large as wanted. */
function noise(size: number, seed: number): Uint8Array {
  const r = rng(seed);
  return Uint8Array.from({ length: size }, () => Math.floor(r() * 256));
}

const WORKBOOK_MARKED =
  '<?xml version="1.0"?><workbook><sheets><sheet name="汇总" sheetId="1"/></sheets>' +
  '<definedNames><definedName name="XXGK_OUTPUT_SUM">汇总!$A$1</definedName></definedNames></workbook>';
const WORKBOOK_PLAIN = '<?xml version="1.0"?><workbook><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>';

/** A workbook package with a padding part of `pad` bytes before or after xl/workbook.xml. */
function workbook(xml: string, pad: number, padFirst: boolean): Uint8Array {
  const parts: Zippable = {};
  if (padFirst && pad) parts['xl/media/pad.bin'] = [noise(pad, pad), { level: 0 }];
  parts['[Content_Types].xml'] = strToU8('<Types/>');
  parts['xl/workbook.xml'] = strToU8(xml);
  if (!padFirst && pad) parts['xl/media/pad.bin'] = [noise(pad, pad + 1), { level: 0 }];
  return zipSync(parts);
}

describe("the product's outputs are known whether read whole or in parts (issue 22)", () => {
  for (const pad of [0, 30 << 10, 70 << 10, 200 << 10])
    for (const padFirst of [true, false])
      it(`a workbook of ${pad >> 10} KB more, its workbook part ${padFirst ? 'last' : 'first'}`, () => {
        const marked = workbook(WORKBOOK_MARKED, pad, padFirst);
        expect(ownOutputKind(file(marked))).toBe('sum');
        expect(ownOutputKind(file(workbook(WORKBOOK_PLAIN, pad, padFirst)))).toBeNull();
        // Cut short (its directory gone) it is no output of ours, and no error either.
        expect(ownOutputKind(file(marked.subarray(0, marked.length - 30)))).toBeNull();
      });

  it('web pages with the generator mark, with or without a byte order mark, small or large', () => {
    const page = '<!doctype html><html><head><meta name="generator" content="xxgk-tables report"><title>x</title></head><body>';
    expect(ownOutputKind(file(page))).toBe('report');
    expect(ownOutputKind(file(`\uFEFF${page}${'<p>行</p>'.repeat(20000)}`))).toBe('report');
    expect(ownOutputKind(file('<!doctype html><html><head><title>某某县财政局</title></head></html>'))).toBeNull();
  });

  it('a binary file (an .xls) is looked at without being taken for an output, unless it carries the mark', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(ownOutputKind(file(Buffer.concat([ole, Buffer.from(noise(20 << 10, 7))])))).toBeNull();
    // As before: the mark's words among the bytes of a binary head are the mark.
    const mark = Buffer.from('<META name="generator" content="xxgk-tables notice">');
    expect(ownOutputKind(file(Buffer.concat([ole, Buffer.alloc(100), mark])))).toBe('notice');
    // A byte order mark and then binary: the same.
    expect(ownOutputKind(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xff]), mark])))).toBe('notice');
  });
});
