/**
 * The workspace: one host (the open workbook in Excel or WPS, or one file in memory), with its
 * tabs. What is shown follows the host's capabilities, never which host it is.
 */
import { Link, Text } from '@fluentui/react-components';
import type { SheetHost } from '../host';
import type { Lang } from '../i18n';
import type { TabKey } from '../store';
import type { CheckOutcome } from '../pane';
import { useStyles } from './styles';
import { useWorkspace } from './useWorkspace';
import { TemplateForm } from './TemplateForm';
import { CheckTab } from './CheckTab';
import { FixTab } from './FixTab';
import { ExportTab } from './ExportTab';
import { SheetPreview } from './SheetPreview';
import { PaneTabs } from './PaneTabs';
import { PaneMessage } from './PaneMessage';

export function Workspace({
  host,
  lang,
  name,
  initial,
  onBack,
}: {
  host: SheetHost;
  lang: Lang;
  name?: string;
  /** Findings already found (a file opened from the bulk table): shown at once. */
  initial?: CheckOutcome;
  onBack?: () => void;
}) {
  const s = useStyles();
  const model = useWorkspace(host, lang, initial);
  const { state, t, actions } = model;
  const live = host.capabilities.liveWorkbook;
  return (
    <div className={s.split} data-testid="workspace" data-busy={state.busy ? '1' : '0'} data-done={state.version}>
      <div className={s.paneCol}>
        {onBack && (
          <div className={s.row}>
            <Link onClick={onBack} data-testid="back">
              ← {t.back}
            </Link>
            <Text weight="semibold">{name}</Text>
          </div>
        )}
        <PaneTabs<TabKey>
          selected={state.tab}
          onSelect={actions.setTab}
          tabs={[
            ...(live ? [{ value: 'insert' as const, label: t.tabInsert }] : []),
            { value: 'check', label: t.tabCheck },
            { value: 'fix', label: t.tabFix },
            { value: 'export', label: t.tabExport },
          ]}
        />
        <PaneMessage message={state.message} />
        {state.tab === 'insert' && (
          <TemplateForm lang={lang} busy={state.busy} action={t.insert} testid="insert" onSubmit={actions.insert} />
        )}
        {state.tab === 'check' && <CheckTab model={model} />}
        {state.tab === 'fix' && <FixTab model={model} />}
        {state.tab === 'export' && <ExportTab model={model} />}
      </div>
      {host.preview && (
        <div className={s.previewCol}>
          <SheetPreview wb={host.preview} version={state.version} title={t.sheetPreview} />
        </div>
      )}
    </div>
  );
}
