/**
 * Outside Excel (a plain browser; WPS users): files picked, dropped or taken from a folder are
 * checked in the page; one file opens in a workspace on a copy in memory, many give a bulk table.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { MemoryHost } from '../host-memory';
import { STRINGS, type Lang } from '../i18n';
import { bookToMemory, checkFiles, download, judgeFiles, PICKER_ACCEPT, XLSX_TYPE, type FileEntry } from '../files';
import type { Batch } from '../../core/batch/analyse';
import { loadWriters } from '../core-api';
import type { Message } from '../store';
import { useStyles } from './styles';
import { TemplateForm } from './TemplateForm';
import { Workspace } from './Workspace';
import { BulkTable } from './BulkTable';

/** A checked file as a workspace on an in-memory copy, showing the sheet of its first report. */
function openEntry(entry: FileEntry) {
  const wb = bookToMemory(entry.book!);
  const first = wb.sheets.findIndex((x) => x.name === entry.reports[0]?.sheet);
  wb.active = Math.max(0, first);
  // The findings already found are shown at once: no second 检查.
  const initial = entry.book ? { book: entry.book, located: entry.located, reports: entry.reports, ms: entry.ms } : undefined;
  return { entry, host: new MemoryHost(wb, entry.name), initial };
}

/** A hidden file input behind a button (the input is what the browser lets a page open). */
function Picker({
  label,
  folder,
  primary,
  onFiles,
}: {
  label: string;
  folder?: boolean;
  primary?: boolean;
  onFiles: (f: FileList | null) => void;
}) {
  return (
    <label>
      <input
        type="file"
        multiple
        accept={folder ? undefined : PICKER_ACCEPT}
        style={{ display: 'none' }}
        data-testid={folder ? 'folder-input' : 'file-input'}
        ref={(el) => {
          if (el && folder) {
            el.setAttribute('webkitdirectory', '');
            el.setAttribute('directory', '');
          }
        }}
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      <Button
        as="a"
        appearance={primary ? 'primary' : undefined}
        onClick={(e) => ((e.currentTarget as HTMLElement).parentElement?.querySelector('input') as HTMLInputElement | null)?.click()}
      >
        {label}
      </Button>
    </label>
  );
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

  const take = async (list: FileList | File[] | null, folder = false) => {
    // Every picked file is tried, and from a folder every file is taken (a Word file or a picture is
    // listed with what it is and what to do); only Office lock files (~$…) and hidden files are left.
    const files = [...(list ?? [])].filter((f) => !folder || !/^(~\$|\.)/.test(f.name));
    if (!files.length) return;
    setBusy(true);
    setMsg(null);
    try {
      const data = await Promise.all(
        files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()), mtime: f.lastModified || null })),
      );
      const out = await checkFiles(data, lang, (n) => setProgress(`${n} / ${files.length}`));
      setBatch(await judgeFiles(out, lang));
      setEntries(out);
      setOpen(out.length === 1 && out[0].book ? openEntry(out[0]) : null);
    } catch (e) {
      setMsg({ intent: 'error', text: `${t.error}: ${e instanceof Error ? e.message : String(e)}` });
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
      setMsg({ intent: 'error', text: `${t.error}: ${e instanceof Error ? e.message : String(e)}` });
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
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'files' | 'template')}>
        <Tab value="files" data-testid="tab-files">
          {t.tabFiles}
        </Tab>
        <Tab value="template" data-testid="tab-template">
          {t.tabTemplate}
        </Tab>
      </TabList>
      {msg && (
        <MessageBar intent={msg.intent} data-testid="message">
          <MessageBarBody>{msg.text}</MessageBarBody>
        </MessageBar>
      )}
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
            <Picker label={t.pick} primary onFiles={(f) => void take(f)} />{' '}
            <Picker label={t.pickFolder} folder onFiles={(f) => void take(f, true)} />
          </div>
          {busy && <Spinner size="tiny" label={progress || t.checking} />}
          {entries.length > 0 && batch && <BulkTable entries={entries} batch={batch} lang={lang} onOpen={(e) => setOpen(openEntry(e))} />}
        </>
      )}
    </div>
  );
}
