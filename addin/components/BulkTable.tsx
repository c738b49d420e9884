/**
 * Many files checked: every file under its verdict (the same eight words, colours and counts as
 * the bulk report), the reason written out under it, readable in a 350–420 px pane; a file opens
 * with its findings already shown; the bulk report downloads as .xlsx.
 */
import * as React from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { STRINGS } from '../i18n';
import { download, XLSX_TYPE, type FileEntry } from '../files';
import type { Batch, BatchRow } from '../../core/batch/analyse';
import { VERDICT_COLOUR, VERDICTS, verdictName } from '../../core/batch/verdict';
import { batchSummary } from '../../core/batch/text';
import { say } from '../../core/messages';
import { useStyles } from './styles';

type SortKey = 'verdict' | 'department' | 'errors' | 'warnings' | 'notices';

const cell: React.CSSProperties = { padding: '2px 4px', verticalAlign: 'top', borderBottom: '1px solid #ddd' };
const num: React.CSSProperties = { ...cell, textAlign: 'right', whiteSpace: 'nowrap', width: '2.5em' };

export function BulkTable({
  entries,
  batch,
  lang,
  onOpen,
}: {
  entries: FileEntry[];
  batch: Batch;
  lang: Lang;
  onOpen: (entry: FileEntry) => void;
}) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [sort, setSort] = React.useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'verdict', dir: 1 });
  const col = (k: 'verdict' | 'department' | 'file' | 'errors' | 'warnings' | 'notices') => say(lang, `batch.col.${k}`);

  const value = (r: BatchRow, k: SortKey): number | string =>
    k === 'verdict' ? VERDICTS.indexOf(r.verdict) : k === 'department' ? (r.department ?? r.agency ?? '') : r[k];
  const sorted = [...batch.rows].sort((a, b) => {
    const x = value(a, sort.key),
      y = value(b, sort.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c * sort.dir || VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) || a.path.localeCompare(b.path);
  });
  const th = (key: SortKey, label: string, style: React.CSSProperties = {}) => (
    <th
      style={{ ...cell, cursor: 'pointer', whiteSpace: 'nowrap', ...style }}
      onClick={() => setSort((p) => ({ key, dir: p.key === key ? (-p.dir as 1 | -1) : 1 }))}
      data-testid={`sort-${key}`}
    >
      {label}
      {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
    </th>
  );

  const downloadReport = async () => {
    const { renderBatchReport } = await import(/* webpackChunkName: "batch-report" */ '../../core/batch/report');
    download(t.resultsFile, await renderBatchReport(batch, t.resultsFile, lang), XLSX_TYPE);
  };

  const base = (p: string) => p.replace(/^.*[\\/]/, '');
  return (
    <div className={s.col} data-testid="bulk">
      <div className={s.row}>
        <Text weight="semibold">{t.files(entries.length)}</Text>
        <Button size="small" onClick={() => void downloadReport()} data-testid="download-results">
          {t.downloadResults}
        </Button>
      </div>
      <Text size={200} data-testid="bulk-summary" style={{ whiteSpace: 'pre-wrap' }}>
        {batchSummary(batch, lang)}
      </Text>
      <table data-testid="bulk-table" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'auto', fontSize: 12 }}>
        <thead>
          <tr>
            {th('verdict', col('verdict'), { width: '6.5em' })}
            {th('department', `${col('department')} / ${col('file')}`)}
            {th('errors', col('errors'))}
            {th('warnings', col('warnings'))}
            {th('notices', col('notices'))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => {
            const entry = r.file >= 0 ? entries[r.file] : null;
            const where = [r.sheet && r.sheet !== r.path ? r.sheet : '', r.year ?? '', r.format ?? ''].filter(Boolean).join(' · ');
            return (
              <tr
                key={i}
                data-testid="bulk-row"
                data-file={r.path ? base(r.path) : ''}
                data-verdict={r.verdict}
                data-errors={r.errors}
                style={{ background: `#${VERDICT_COLOUR[r.verdict]}` }}
              >
                <td style={{ ...cell, whiteSpace: 'nowrap' }} data-testid="bulk-verdict">
                  {verdictName(r.verdict, lang)}
                </td>
                <td style={{ ...cell, overflowWrap: 'anywhere' }}>
                  <div>
                    <b>{r.department ?? r.agency ?? ''}</b>
                  </div>
                  {r.path && (
                    <div>
                      {entry?.book && entry.reports.length > 0 ? (
                        <Link onClick={() => onOpen(entry)} data-testid="open">
                          {base(r.path)}
                        </Link>
                      ) : (
                        base(r.path)
                      )}
                      {where && <span style={{ color: '#555' }}> {where}</span>}
                    </div>
                  )}
                  {r.verdict !== 'pass' && r.reason && (
                    <div data-testid="bulk-reason" style={{ color: '#333' }}>
                      {r.reason}
                    </div>
                  )}
                </td>
                <td style={num}>{r.errors}</td>
                <td style={num}>{r.warnings}</td>
                <td style={num}>{r.notices}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
