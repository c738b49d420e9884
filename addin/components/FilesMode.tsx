/**
 * Outside Excel (a plain browser; WPS users): files picked, dropped or taken from a folder are
 * checked in the page; one file opens in a workspace on a copy in memory, many give a bulk table.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { MemoryHost } from '../host-memory';
import { STRINGS, type Lang } from '../i18n';
import { bookToMemory, checkFiles, download, isReportFileName, PICKER_ACCEPT, XLSX_TYPE, type FileEntry } from '../files';
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
  return { entry, host: new MemoryHost(wb, entry.name) };
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
  const [open, setOpen] = React.useState<{ entry: FileEntry; host: MemoryHost } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<string>('');
  const [over, setOver] = React.useState(false);
  const [msg, setMsg] = React.useState<Message>(null);

  const take = async (list: FileList | File[] | null, folder = false) => {
    // Every picked file is tried (one that is no workbook is listed as unreadable, with the reason);
    // from a folder only the spreadsheets are taken.
    const files = [...(list ?? [])].filter((f) => !folder || isReportFileName(f.name));
    if (!files.length) return;
    setBusy(true);
    setMsg(null);
    try {
      const data = await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
      const out = await checkFiles(data, lang, (n) => setProgress(`${n} / ${files.length}`));
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

  if (open) return <Workspace key={open.entry.name} host={open.host} lang={lang} name={open.entry.name} onBack={() => setOpen(null)} />;

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
          {entries.length > 0 && <BulkTable entries={entries} lang={lang} onOpen={(e) => setOpen(openEntry(e))} />}
        </>
      )}
    </div>
  );
}
