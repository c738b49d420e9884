/**
 * The workspace's actions on one host (check, mark, clear, select, apply, undo, export), over the
 * reducer of store.ts. Every action runs through `guard`: one at a time, busy while it runs, an
 * error shown as a message, and `version` counted when it ends.
 */
import * as React from 'react';
import type { Finding } from '../../core/model/findings';
import { HostError, undoWrites, type CellAt, type ReadSkip, type SheetHost, type ValueWrite } from '../host';
import { STRINGS, type Lang, type Strings } from '../i18n';
import type { Book } from '../../core/read/grid';
import { blankTotals, checkBook, type CheckOutcome, findingTargets, insertTemplate, marksFor, suggestionsOf, toBase64 } from '../pane';
import { download, XLSX_TYPE } from '../files';
import { loadWriters } from '../core-api';
import { initialWorkspace, workspaceReducer, type Message } from '../store';

/** A failure in the user's language: the host's explained errors, core's errors in either language, else a plain apology. */
export function describeError(e: unknown, t: Strings, lang: Lang): string {
  if (e instanceof HostError) return (t.hostErrors[e.code] ?? t.hostErrors.host)(e.sheet, t.hostApp[e.app]);
  const own = e as { messageIn?: (l: Lang) => string };
  if (typeof own?.messageIn === 'function') return own.messageIn(lang);
  console.error(e); // for a support request; the user reads a sentence
  return t.unexpected;
}

const skipText = (s: ReadSkip, t: Strings) =>
  s.reason === 'too-large' ? t.skippedTooLarge(s.sheet, s.cells ?? 0) : t.skippedMerges(s.sheet);

/** Values and formulas of a book: an automatic re-check of an unchanged book changes nothing and writes nothing. */
const fingerprint = (book: Book) =>
  book.grids
    .map((g) => {
      const cells: string[] = [g.name];
      for (let r = 0; r < g.rows; r++)
        for (let c = 0; c < g.cols; c++) {
          const x = g.cell(r, c);
          if (x) cells.push(`${r},${c}=${String(x.raw)}|${x.formula ?? ''}`);
        }
      return cells.join('\u0001');
    })
    .join('\u0002');

export function useWorkspace(host: SheetHost, lang: Lang, initial?: CheckOutcome) {
  const t = STRINGS[lang];
  const [state, dispatch] = React.useReducer(workspaceReducer, host.capabilities.liveWorkbook, (live) =>
    initialWorkspace(live, host.markCount()),
  );
  const busyRef = React.useRef(false);
  /** The last exported workbook, offered for download where it was opened in a window the user may not get (Excel on the web asks first). */
  const [exportFile, setExportFile] = React.useState<{ name: string; bytes: Uint8Array } | null>(null);
  const say = React.useCallback((message: Message) => dispatch({ type: 'message', message }), []);

  const guard = React.useCallback(
    async (fn: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      dispatch({ type: 'start' });
      try {
        await fn();
      } catch (e) {
        say({ intent: 'error', text: `${t.error}: ${describeError(e, t, lang)}` });
      } finally {
        busyRef.current = false;
        dispatch({ type: 'finish' });
      }
    },
    [t, lang, say],
  );

  // A file opened from the bulk table shows the findings already found, marked, without a second check.
  const shown = React.useRef(false);
  React.useEffect(() => {
    if (!initial || shown.current) return;
    shown.current = true;
    void guard(async () => {
      const count = await host.mark(marksFor(initial.reports));
      dispatch({ type: 'marked', count });
      dispatch({ type: 'checked', outcome: initial, message: null });
    });
  }, [initial, host, guard]);

  const { scope, outcome, changes } = state;

  const lastBook = React.useRef('');
  /**
   * Read (one round trip), check and show the findings; then mark (one round trip, replacing the
   * previous marks) as a step of its own, whose failure is reported without hiding the findings.
   * An automatic re-check of a book whose values and formulas did not change does nothing.
   */
  const runCheck = React.useCallback(
    async (auto = false) => {
      const { book, skipped } = await host.read(scope);
      const print = fingerprint(book);
      if (auto && print === lastBook.current) return;
      lastBook.current = print;
      const out = await checkBook(book, lang);
      // A book without the tables is said in core's words (the command line's), never an empty list.
      const none = out.reports.length ? [] : [out.error?.message ?? t.noReport];
      const notes = [...none, ...(skipped ?? []).map((x) => skipText(x, t))];
      dispatch({ type: 'checked', outcome: out, message: notes.length ? { intent: 'warning', text: notes.join(' ') } : null });
      try {
        dispatch({ type: 'marked', count: await host.mark(marksFor(out.reports)) });
      } catch (e) {
        dispatch({ type: 'marked', count: host.markCount() });
        say({ intent: 'warning', text: `${t.markFailed}${describeError(e, t, lang)}` });
      }
    },
    [host, scope, lang, t, say],
  );

  // The findings speak the pane's language: switching it re-checks (one read, one mark), so that no
  // finding stays in the other language beside the translated labels.
  const checkedIn = React.useRef(lang);
  React.useEffect(() => {
    if (checkedIn.current === lang) return;
    checkedIn.current = lang;
    if (outcome) void guard(() => runCheck(false));
  }, [lang, outcome, guard, runCheck]);

  // Re-check while the user edits (debounced), only when turned on.
  React.useEffect(() => {
    if (!state.auto) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let off: (() => Promise<void>) | null = null;
    let live = true;
    host
      .onChanged(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (live && !busyRef.current) void guard(() => runCheck(true));
        }, 800);
      })
      .then((f) => {
        if (live) off = f;
        else void f();
      });
    return () => {
      live = false;
      clearTimeout(timer);
      void off?.();
    };
  }, [state.auto, host, guard, runCheck]);

  const allFindings = React.useMemo(() => (outcome ? outcome.reports.flatMap((r) => r.findings) : []), [outcome]);
  const suggestions = React.useMemo(() => (outcome ? suggestionsOf(outcome.reports) : []), [outcome]);

  const write = async (writes: ValueWrite[]) => {
    if (!writes.length) {
      say({ intent: 'info', text: t.noSuggestions });
      return;
    }
    dispatch({ type: 'wrote', records: await host.writeValues(writes) });
    await runCheck();
  };

  const selectFinding = (f: Finding, i?: number) =>
    guard(async () => {
      if (i !== undefined) dispatch({ type: 'select', index: i });
      await host.select(findingTargets(f));
    });

  /** The first report without errors, or null with a message saying why there is none. */
  const exportable = () => {
    if (!outcome || !outcome.located.length) {
      say({ intent: 'warning', text: t.exportNeedsCheck });
      return null;
    }
    const i = outcome.reports.findIndex((r) => !r.findings.some((f) => f.severity === 'error'));
    if (i < 0) {
      say({ intent: 'warning', text: t.exportHasErrors });
      return null;
    }
    return outcome.located[i];
  };

  const actions = {
    setTab: (tab: typeof state.tab) => dispatch({ type: 'tab', tab }),
    setScope: (s: typeof state.scope) => dispatch({ type: 'scope', scope: s }),
    setAuto: (on: boolean) => dispatch({ type: 'auto', on }),
    check: () => guard(() => runCheck()),
    clearMarks: () =>
      guard(async () => {
        await host.clearMarks();
        dispatch({ type: 'marked', count: host.markCount() });
        say({ intent: 'success', text: t.marksCleared });
      }),
    selectFinding,
    selectCell: (at: CellAt | null) => at && guard(() => host.select([at])),
    step: (d: number) => {
      if (!allFindings.length) return;
      const i = (state.index + d + allFindings.length) % allFindings.length;
      void selectFinding(allFindings[i], i);
    },
    applyOne: (ref: string) => guard(() => write(suggestions.filter((x) => x.ref === ref).map((x) => ({ ...x.at, value: x.value })))),
    applyAll: () => guard(() => write(suggestions.map((x) => ({ ...x.at, value: x.value })))),
    fillTotals: () =>
      guard(async () => {
        if (outcome) await write(await blankTotals(outcome.located));
      }),
    undo: (batch: number, cell?: number) =>
      guard(async () => {
        const b = changes[batch];
        await host.writeValues(undoWrites(cell === undefined ? b : [b[cell]]));
        dispatch({ type: 'undid', batch, cell });
        await runCheck();
      }),
    undoAll: () =>
      guard(async () => {
        await host.writeValues(undoWrites(changes.flat()));
        dispatch({ type: 'undidAll' });
        await runCheck();
      }),
    insert: (year: number, agency: string) =>
      guard(async () => {
        const name = await insertTemplate(host, { year, agency });
        say({ intent: 'success', text: t.inserted(name) });
      }),
    exportXlsx: () =>
      guard(async () => {
        const rep = exportable();
        if (!rep) return;
        const { exportXlsx: writeXlsx } = await loadWriters();
        const bytes = await writeXlsx(rep, lang);
        const name = `${rep.agency ?? ''}${rep.year ?? ''}年报统计表.xlsx`;
        // Opening can fail or be declined (Excel on the web asks first, office-js issue 4031): then the file is downloaded.
        let opened = false,
          failed = false;
        if (host.capabilities.openWorkbook)
          try {
            opened = await host.openWorkbook(toBase64(bytes));
          } catch (e) {
            console.error(e); // for a support request; the user gets the file another way
            failed = true;
          }
        setExportFile(opened && host.capabilities.download ? { name, bytes } : null);
        if (!opened && !host.capabilities.download) {
          say({ intent: 'warning', text: `${t.noDownload}${t.noDownloadXlsx}` });
          return;
        }
        if (!opened) download(name, bytes, XLSX_TYPE);
        say({ intent: 'success', text: opened ? t.exportOpened : failed ? t.exportOpenFailed : t.exported });
      }),
    exportHtml: () =>
      guard(async () => {
        const rep = exportable();
        if (!rep) return;
        const { exportHtml: writeHtml } = await loadWriters();
        if (!host.capabilities.download) {
          // No download in this webview (Excel for Mac): the page to copy, and the user told so.
          dispatch({ type: 'copy', text: writeHtml(rep, lang) });
          say({ intent: 'info', text: `${t.noDownload}${t.htmlToCopy}` });
          return;
        }
        download(`${rep.agency ?? ''}${rep.year ?? ''}年报统计表.html`, writeHtml(rep, lang), 'text/html;charset=utf-8');
        say({ intent: 'success', text: t.exported });
      }),
    downloadXlsx: () => exportFile && download(exportFile.name, exportFile.bytes, XLSX_TYPE),
  };

  return { state, t, allFindings, suggestions, actions, exportFile };
}

export type WorkspaceModel = ReturnType<typeof useWorkspace>;
