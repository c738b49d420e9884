/**
 * Reports read in a child process, within the limits `xxgk check` gives each file (cli/pool.ts):
 * its heap (--max-old-space-size), its whole resident memory and its time, watched from here.
 * Every command that reads a report (import, export, fill, sum, template --from, check --prior)
 * reads it through here, so a hostile file costs at most a killed child and a message naming
 * the file, never the machine (issue 20, item 11). One child serves a command's files one after
 * another; a child that is stopped is replaced for the next file.
 */
import { fork, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import type { Lang } from '../core/model/findings';
import type { ReportData } from '../core/model/report';
import { ReadError, type ReadErrorCode } from '../core/read/errors';
import { FileError, type FileErrorCode, type Why } from '../core/node/errors';
import { sayBoth } from '../core/messages';
import { fsPath } from '../core/node/raw-paths';
import { CHILD_FLAG, FILE_SECONDS, WORKER_HEAP_MB, WORKER_MEMORY_MB, residentMB } from './pool';
import { V8_FLAGS } from './v8-tuning';

/** A file whose reading was stopped at a limit (or whose reader died): its message in each language. */
export class ReadStopped extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly code: 'too_large' | 'too_slow' | 'crashed',
    readonly file: string,
    /** The limit passed, in MB, when it was memory: the heap's or the whole process's. */
    limitMB = WORKER_MEMORY_MB,
  ) {
    const m =
      code === 'too_large'
        ? sayBoth('limits.read_memory', { file, limit: `${limitMB} MB` })
        : code === 'too_slow'
          ? sayBoth('limits.read_time', { file, seconds: FILE_SECONDS })
          : sayBoth('limits.read_exit', { file });
    super(m.zh);
    this.name = 'ReadStopped';
    this.zh = m.zh;
    this.en = m.en;
  }
  messageIn(lang: Lang): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

/** What the child answers for one file (cli/worker.ts readJob). */
export type ReadAnswer =
  | { id: number; reports: ReportData[] }
  | { id: number; readError: { code: ReadErrorCode; file: string; detail: string | Record<Lang, string> } }
  | { id: number; fileError: { code: FileErrorCode; file: string; why: Why } }
  | { id: number; internal: string };

/** The error an answer stands for, as it was thrown in the child. */
export function answerError(a: ReadAnswer): Error | null {
  if ('readError' in a) return new ReadError(a.readError.code, a.readError.file, a.readError.detail);
  if ('fileError' in a) return new FileError(a.fileError.code, a.fileError.file, a.fileError.why);
  if ('internal' in a) return new Error(a.internal);
  return null;
}

const WATCH_MS = 50;
let child: ChildProcess | null = null;
let stderrTail = '';
let nextId = 0;
/** Files are read one at a time: each waits for the one before. */
let line: Promise<unknown> = Promise.resolve();

function startChild(workerFile: string): ChildProcess {
  const c = fork(workerFile, [CHILD_FLAG], {
    execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`, ...V8_FLAGS],
    serialization: 'advanced',
    // What V8 prints when the child runs out of memory is not for the user; its last lines say why it died.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  stderrTail = '';
  c.stderr!.on('data', (b: Buffer) => (stderrTail = (stderrTail + b.toString('latin1')).slice(-4096)));
  c.on('error', () => {
    /* the exit that follows says what happened */
  });
  return c;
}

/** An idle child does not keep the command running (it ends when this process does: cli/worker.ts). */
function idle(c: ChildProcess, busy: boolean): void {
  const channel = c.channel as { ref(): void; unref(): void } | undefined;
  if (busy) {
    c.ref();
    channel?.ref();
  } else {
    c.unref();
    channel?.unref();
  }
  (c.stderr as unknown as { ref?(): void; unref?(): void } | null)?.[busy ? 'ref' : 'unref']?.();
}

/** The reports in a file (any kind check reads), read in a child process. Throws ReadError, FileError or ReadStopped. */
export function readReportsBounded(file: string, opts: { maxBytes?: number } = {}): Promise<ReportData[]> {
  const next = line.then(
    () => readOne(file, opts),
    () => readOne(file, opts),
  );
  line = next.catch(() => undefined);
  return next;
}

async function readOne(file: string, opts: { maxBytes?: number }): Promise<ReportData[]> {
  const workerFile = path.join(__dirname, 'worker.js');
  // Run from source (tests that call a command's run()), there is no compiled child: read here.
  if (!existsSync(workerFile)) {
    const { readReportsAsync } = await import('../core/checkfile');
    const { readInputFile } = await import('../core/node/read');
    return readReportsAsync(readInputFile(file, opts), file, opts);
  }
  const c = (child ??= startChild(workerFile));
  idle(c, true);
  const id = nextId++;
  return new Promise<ReportData[]>((resolve, reject) => {
    const since = Date.now();
    let stopped: 'time' | 'memory' | null = null;
    const timer = setInterval(() => {
      if (stopped) return;
      if (Date.now() - since > FILE_SECONDS * 1000) stopped = 'time';
      else if (residentMB(c.pid) > WORKER_MEMORY_MB) stopped = 'memory';
      if (stopped) c.kill('SIGKILL');
    }, WATCH_MS);
    const done = () => {
      clearInterval(timer);
      c.off('message', onMessage);
      c.off('exit', onExit);
    };
    const onMessage = (m: ReadAnswer | { ready: true }) => {
      if (!('id' in m) || m.id !== id) return;
      done();
      idle(c, false);
      const e = answerError(m);
      if (e) reject(e);
      else resolve((m as { reports: ReportData[] }).reports);
    };
    const onExit = () => {
      done();
      child = null;
      const heap = /out of memory|heap limit|invalid (array|size|string|typed array) length/i.test(stderrTail);
      if (stopped === 'time') reject(new ReadStopped('too_slow', file));
      else if (stopped === 'memory') reject(new ReadStopped('too_large', file));
      else if (heap) reject(new ReadStopped('too_large', file, WORKER_HEAP_MB));
      else reject(new ReadStopped('crashed', file));
    };
    c.on('message', onMessage);
    c.on('exit', onExit);
    // A name that is not UTF-8 goes with its bytes, for the child to open it by (core/node/raw-paths.ts).
    const raw = fsPath(file);
    c.send({ read: { id, path: file, maxBytes: opts.maxBytes, ...(typeof raw === 'string' ? {} : { raw }) } });
  });
}
