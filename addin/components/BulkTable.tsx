/** Many files checked: one row per report (or per file without one), sortable, downloadable as .xlsx. */
import * as React from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { STRINGS } from '../i18n';
import { download, XLSX_TYPE, type FileEntry } from '../files';
import { useStyles } from './styles';

type SortKey = 'file' | 'sheet' | 'format' | 'year' | 'agency' | 'errors' | 'warnings' | 'status';

interface BulkRow {
  file: string;
  sheet: string;
  format: string;
  year: number | null;
  agency: string;
  errors: number;
  warnings: number;
  status: string;
  entry: FileEntry;
}

export function BulkTable({ entries, lang, onOpen }: { entries: FileEntry[]; lang: Lang; onOpen: (entry: FileEntry) => void }) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [sort, setSort] = React.useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'file', dir: 1 });

  const rows: BulkRow[] = entries.flatMap((e) =>
    e.reports.length
      ? e.reports.map((r) => ({
          file: e.name,
          sheet: r.sheet ?? '',
          format: r.format,
          year: r.year,
          agency: r.agency ?? '',
          entry: e,
          errors: r.findings.filter((f) => f.severity === 'error').length,
          warnings: r.findings.filter((f) => f.severity === 'warning').length,
          status: r.findings.some((f) => f.severity === 'error') ? t.statusErrors : t.statusClean,
        }))
      : [
          {
            file: e.name,
            sheet: '',
            format: '',
            year: null,
            agency: '',
            errors: 0,
            warnings: 0,
            entry: e,
            status: e.status === 'unreadable' ? t.statusUnreadable : t.statusNoTables,
          },
        ],
  );
  const sorted = [...rows].sort((a, b) => {
    const x = a[sort.key],
      y = b[sort.key];
    const c =
      typeof x === 'number' || typeof y === 'number' ? Number(x ?? -1) - Number(y ?? -1) : String(x).localeCompare(String(y), 'zh-CN');
    return c * sort.dir || a.file.localeCompare(b.file);
  });
  const th = (key: SortKey, label: string) => (
    <th onClick={() => setSort((p) => ({ key, dir: p.key === key ? (-p.dir as 1 | -1) : 1 }))} data-testid={`sort-${key}`}>
      {label}
      {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
    </th>
  );

  const downloadResults = async () => {
    const { writeTable } = await import(/* webpackChunkName: "xlsx-write" */ '../xlsx-write');
    const header = [t.bulkFile, t.bulkSheet, t.resultCell, t.resultRule, t.resultSeverity, t.resultMessage, t.resultSuggested];
    const out: (string | number | null)[][] = [];
    for (const e of entries) {
      if (e.error) out.push([e.name, '', '', e.error.code, t.severity.error, e.error.message, null]);
      for (const r of e.reports)
        for (const f of r.findings)
          out.push([
            e.name,
            r.sheet ?? '',
            f.suspects[0]?.ref ?? f.cells[0]?.ref ?? '',
            f.rule,
            t.severity[f.severity] ?? f.severity,
            f.message,
            f.suspects[0]?.suggested ?? null,
          ]);
    }
    download(t.resultsFile, await writeTable(t.resultsSheet, header, out), XLSX_TYPE);
  };

  return (
    <div className={s.col} data-testid="bulk">
      <div className={s.row}>
        <Text weight="semibold">{t.files(entries.length)}</Text>
        <Button size="small" onClick={() => void downloadResults()} data-testid="download-results">
          {t.downloadResults}
        </Button>
      </div>
      <table className={s.table} data-testid="bulk-table">
        <thead>
          <tr>
            {th('file', t.bulkFile)}
            {th('sheet', t.bulkSheet)}
            {th('format', t.bulkFormat)}
            {th('year', t.bulkYear)}
            {th('errors', t.bulkErrors)}
            {th('warnings', t.bulkWarnings)}
            {th('status', t.bulkStatus)}
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            <tr key={i} data-testid="bulk-row" data-file={r.file} data-errors={r.errors}>
              <td>{r.file}</td>
              <td>{r.sheet}</td>
              <td>{r.format}</td>
              <td>{r.year ?? ''}</td>
              <td>{r.errors}</td>
              <td>{r.warnings}</td>
              <td title={r.entry.error?.message}>{r.status}</td>
              <td>
                {r.entry.book && r.entry.reports.length > 0 && (
                  <Link onClick={() => onOpen(r.entry)} data-testid="open">
                    {t.openFile}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
