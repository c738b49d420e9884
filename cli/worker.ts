/** A worker thread of `xxgk check`: reads and checks one file per message. */
import { readFileSync, statSync } from 'fs';
import { parentPort } from 'worker_threads';
import { checkData, type CheckFileOptions } from '../core/checkfile';
import type { FileResult } from '../core/findings';
import { importParsedRules, type ParsedRule } from '../core/rules';

export interface Job { id: number; path: string }

/** Reads a file (size first, never modifying it) and checks it; never throws. */
export function checkPath(path: string, opts: CheckFileOptions): FileResult {
  const lang = opts.lang ?? 'zh';
  const max = opts.maxBytes ?? 50 * 1024 * 1024;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (st.size > max) return tooLarge(path, st.size, max, lang);
    const buf = readFileSync(path);
    return checkData(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path, opts);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { path, status: 'unreadable', error: { code: 'not_workbook', message: lang === 'en' ? `${path}: cannot open (${code})` : `文件「${path}」无法打开（${code}）` }, reports: [] };
  }
}

function tooLarge(path: string, size: number, max: number, lang: string): FileResult {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return { path, status: 'unreadable', error: { code: 'too_large', message: lang === 'en' ? `${path} is too large (${mb(size)} > ${mb(max)}); not read to avoid running out of memory` : `文件「${path}」太大（${mb(size)}，上限 ${mb(max)}），为避免耗尽内存未读取` }, reports: [] };
}

if (parentPort) {
  let opts: CheckFileOptions = {};
  parentPort.on('message', (msg: { opts?: CheckFileOptions; parsed?: [string, ParsedRule[]][]; job?: Job }) => {
    if (msg.opts) { opts = msg.opts; importParsedRules(msg.parsed ?? []); return; }
    if (msg.job) parentPort!.postMessage({ id: msg.job.id, result: checkPath(msg.job.path, opts) });
  });
}
