/**
 * A picked file read and checked in a worker (read.worker.ts), off the page's thread: the pane
 * stays responsive while a large workbook, a long text or a hostile PDF is read (issue 20, items
 * 11 and 12). The worker has the time `xxgk check` gives a file; past it the worker is ended and
 * the file is said to be too slow to read, as the command line says it. Files go through one
 * worker one at a time; a worker ended or broken is replaced for the next file. Where a worker
 * cannot be started (no Worker, a host that refuses one), the caller reads on the page (null).
 */
import type { CheckedFile } from '../core/check/file';
import type { Lang } from '../core/model/findings';
import { say } from '../core/messages';
import { pdfResources } from '../core/read/pdf-resources';
import { bookOf, type PlainBook } from './plain-book';
import type { ReadJob } from './read.worker';

/** Seconds a file may take to be read and checked: xxgk check's (cli/pool.ts FILE_SECONDS). */
export const FILE_SECONDS = 120;

/** The limit in force (a test lowers it through window.__xxgkFileSeconds). */
const limitSeconds = () => (globalThis as { __xxgkFileSeconds?: number }).__xxgkFileSeconds ?? FILE_SECONDS;

type Answer =
  | { xxgk: 'ready' }
  | { xxgk: 'read'; result: CheckedFile['result']; book: PlainBook | null; located: CheckedFile['located']; ms: number }
  | { xxgk: 'failed'; failed: string };

/** The worker's own answers: pdf.js's worker code, loaded there, also speaks to the page (read.worker.ts). */
const answerOf = (e: MessageEvent): Answer | null => (e.data && typeof e.data === 'object' && 'xxgk' in e.data ? (e.data as Answer) : null);

let worker: Promise<Worker | null> | null = null;
/** A worker could not be started here: every file is read on the page. */
let unavailable = false;
let queue: Promise<unknown> = Promise.resolve();

function startWorker(): Promise<Worker | null> {
  if (unavailable || typeof Worker === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let w: Worker;
    try {
      // Its scripts are under js/ (webpack.config.ts, publicPath ''): the chunks it loads are found one folder up.
      w = new Worker(
        /* webpackEntryOptions: { name: "read-worker", publicPath: "../" } */
        // @ts-expect-error -- import.meta: webpack bundles addin/ as ES modules; tsc checks it as CommonJS.
        new URL('./read.worker.ts', import.meta.url),
      );
    } catch {
      unavailable = true;
      resolve(null);
      return;
    }
    w.onmessage = (e) => {
      if (answerOf(e)?.xxgk === 'ready') resolve(w);
    };
    // An error before the worker said it is ready: its script did not load or run here.
    w.onerror = (e) => {
      e.preventDefault();
      unavailable = true;
      w.terminate();
      resolve(null);
    };
  });
}

const stopWorker = (w: Worker) => {
  w.terminate();
  worker = null;
};

/** The file's result when its reading was stopped: unreadable, naming the file and the limit. */
const stopped = (name: string, lang: Lang, code: 'too_slow' | 'crashed'): CheckedFile => ({
  result: {
    path: name,
    status: 'unreadable',
    error: {
      code,
      message:
        code === 'too_slow'
          ? say(lang, 'limits.read_time', { file: name, seconds: limitSeconds() })
          : say(lang, 'limits.read_exit', { file: name }),
    },
    reports: [],
  },
  book: null,
  located: [],
});

async function readOnce(name: string, bytes: Uint8Array, lang: Lang): Promise<(CheckedFile & { ms: number }) | null> {
  worker ??= startWorker();
  const w = await worker;
  if (!w) {
    worker = null;
    return null;
  }
  const t0 = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stopWorker(w);
      resolve({ ...stopped(name, lang, 'too_slow'), ms: performance.now() - t0 });
    }, limitSeconds() * 1000);
    w.onmessage = (e) => {
      const a = answerOf(e);
      if (!a || a.xxgk === 'ready') return;
      clearTimeout(timer);
      if (a.xxgk === 'failed') {
        const message = say(lang, 'read.unexpected', { file: name, detail: a.failed });
        resolve({
          result: { path: name, status: 'unreadable', error: { code: 'not_workbook', message }, reports: [] },
          book: null,
          located: [],
          ms: 0,
        });
      } else resolve({ result: a.result, book: a.book && bookOf(a.book), located: a.located, ms: a.ms });
    };
    // The worker died reading the file (out of memory, a crash): the file is unreadable, the next gets a new worker.
    w.onerror = (e) => {
      e.preventDefault();
      clearTimeout(timer);
      stopWorker(w);
      resolve({ ...stopped(name, lang, 'crashed'), ms: performance.now() - t0 });
    };
    const job: ReadJob = { name, bytes, lang, pdf: pdfResources() };
    w.postMessage(job);
  });
}

/** The file read and checked in the worker, one file at a time; null where no worker can run (read it on the page). */
export function checkOffPage(name: string, bytes: Uint8Array, lang: Lang): Promise<(CheckedFile & { ms: number }) | null> {
  const run = queue.then(() => readOnce(name, bytes, lang));
  queue = run.catch(() => undefined);
  return run;
}
