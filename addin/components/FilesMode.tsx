/**
 * Outside Excel (a plain browser; WPS users): files picked, dropped or taken from a folder are
 * checked in the page; one file opens in a workspace on a copy in memory, many give a bulk table.
 */
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { MemoryHost } from '../host-memory';
import { STRINGS, type Lang } from '../i18n';
import {
  bookToMemory,
  checkFiles,
  download,
  judgeFiles,
  pickedFile,
  PICKER_ACCEPT,
  XLSX_TYPE,
  type FileEntry,
  type PickedFile,
} from '../files';
import type { Batch } from '../../core/batch/analyse';
import { loadWriters } from '../core-api';
import type { Message } from '../store';
import { useStyles } from './styles';
import { TemplateForm } from './TemplateForm';
import { Workspace } from './Workspace';
import { BulkTable } from './BulkTable';
import { FilePicker } from './FilePicker';
import { PaneTabs } from './PaneTabs';
import { PaneMessage } from './PaneMessage';
import { BatchOptions, NO_CHOICE, type BatchChoice } from './BatchOptions';
import { describeError } from './useWorkspace';

/** A checked file as a workspace on an in-memory copy, showing the sheet of its first report. */
function openEntry(entry: FileEntry) {
  const wb = bookToMemory(entry.book!);
  const first = wb.sheets.findIndex((x) => x.name === entry.reports[0]?.sheet);
  wb.active = Math.max(0, first);
  // The findings already found are shown at once: no second 检查.
  const initial = entry.book
    ? { book: entry.book, located: entry.located, reports: entry.reports, error: entry.error, ms: entry.ms }
    : undefined;
  return { entry, host: new MemoryHost(wb, entry.name), initial };
}

export function FilesMode({ lang }: { lang: Lang }) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [tab, setTab] = React.useState<'files' | 'template'>('files');
  const [entries, setEntries] = React.useState<FileEntry[]>([]);
  const [open, setOpen] = React.useState<ReturnType<typeof openEntry> | null>(null);
  const [batch, setBatch] = React.useState<Batch | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<string>('');
  const [over, setOver] = React.useState(false);
  const [msg, setMsg] = React.useState<Message>(null);
  const [choice, setChoice] = React.useState<BatchChoice>(NO_CHOICE);
  const failed = (e: unknown) => setMsg({ intent: 'error', text: describeError(e, t, lang) });

  // The verdicts follow the year and the list of departments, as `--year` and `--agencies` do.
  React.useEffect(() => {
    if (!entries.length) return;
    let live = true;
    judgeFiles(entries, lang, choice).then(
      (b) => live && setBatch(b),
      (e: unknown) => live && setMsg({ intent: 'error', text: describeError(e, t, lang) }),
    );
    return () => {
      live = false;
    };
  }, [entries, lang, choice, t]);

  // The files' findings speak the pane's language: switching it checks the same files again in it.
  const picked = React.useRef<PickedFile[]>([]);
  const checkedIn = React.useRef(lang);
  React.useEffect(() => {
    if (checkedIn.current === lang) return;
    checkedIn.current = lang;
    if (!picked.current.length) return;
    let live = true;
    setBusy(true);
    checkFiles(picked.current, lang, (n) => live && setProgress(`${n} / ${picked.current.length}`))
      .then(
        (out) => {
          if (!live) return;
          setBatch(null);
          setEntries(out);
        },
        (e: unknown) => live && setMsg({ intent: 'error', text: describeError(e, STRINGS[lang], lang) }),
      )
      .finally(() => {
        if (!live) return;
        setBusy(false);
        setProgress('');
      });
    return () => {
      live = false;
    };
  }, [lang]);

  const take = async (list: FileList | File[] | null, folder = false) => {
    // Every picked file is tried, and from a folder every file is taken (a Word file or a picture is
    // listed with what it is and what to do); only Office lock files (~$…) and hidden files are left.
    const all = [...(list ?? [])];
    const files = all.filter((f) => !folder || !/^(~\$|\.)/.test(f.name));
    // Said, not silently dropped (as the command line says it).
    const left = all.filter((f) => !files.includes(f)).map((f) => f.webkitRelativePath || f.name);
    const leftOut: Message = left.length ? { intent: 'info', text: t.leftOut(left.length, left.slice(0, 5).join('、')) } : null;
    if (!files.length) {
      setMsg(leftOut);
      return;
    }
    setBusy(true);
    setMsg(null);
    try {
      const data = files.map(pickedFile);
      picked.current = data;
      checkedIn.current = lang;
      const out = await checkFiles(data, lang, (n) => setProgress(`${n} / ${files.length}`));
      setBatch(null); // judged anew for these files (below)
      setEntries(out);
      setOpen(out.length === 1 && out[0].book ? openEntry(out[0]) : null);
      setMsg(leftOut);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  const downloadTemplate = async (year: number, agency: string) => {
    setBusy(true);
    try {
      const w = await loadWriters();
      download(
        `${agency}${year}年政府信息公开年报统计表模板.xlsx`,
        await w.writeTemplate(w.formForYear(year), { year, agency: agency || null }),
        XLSX_TYPE,
      );
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  if (open)
    return (
      <Workspace
        key={open.entry.name}
        host={open.host}
        lang={lang}
        name={open.entry.name}
        initial={open.initial}
        onBack={() => setOpen(null)}
      />
    );

  return (
    <div className={s.col} data-testid="files-mode">
      <MessageBar intent="info">
        <MessageBarBody>{t.outside}</MessageBarBody>
      </MessageBar>
      <PaneTabs<'files' | 'template'>
        selected={tab}
        onSelect={setTab}
        tabs={[
          { value: 'files', label: t.tabFiles },
          { value: 'template', label: t.tabTemplate },
        ]}
      />
      <PaneMessage message={msg} />
      {tab === 'template' && (
        <TemplateForm
          lang={lang}
          busy={busy}
          action={t.downloadTemplate}
          testid="template"
          onSubmit={(y, a) => void downloadTemplate(y, a)}
        />
      )}
      {tab === 'files' && (
        <>
          <div
            className={`${s.drop} ${over ? s.dropActive : ''}`}
            data-testid="drop"
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(false);
              void take(e.dataTransfer.files);
            }}
          >
            <Text>{t.drop} </Text>
            <FilePicker label={t.pick} primary accept={PICKER_ACCEPT} testid="file-input" onFiles={(f) => void take(f)} />{' '}
            <FilePicker label={t.pickFolder} folder testid="folder-input" onFiles={(f) => void take(f, true)} />
          </div>
          <BatchOptions lang={lang} choice={choice} onChange={setChoice} onError={(text) => setMsg({ intent: 'error', text })} />
          {busy && <Spinner size="tiny" label={progress || t.checking} />}
          {entries.length > 0 && batch && <BulkTable entries={entries} batch={batch} lang={lang} onOpen={(e) => setOpen(openEntry(e))} />}
        </>
      )}
    </div>
  );
}
