/** 导出: the final tables as a new workbook and as HTML, for a report without errors. */
import { Button, Text, Textarea } from '@fluentui/react-components';
import { useStyles } from './styles';
import type { WorkspaceModel } from './useWorkspace';

export function ExportTab({ model }: { model: WorkspaceModel }) {
  const s = useStyles();
  const { state, t, actions, exportFile } = model;
  return (
    <div className={s.col}>
      <Text className={s.small}>{t.exportNeedsCheck}</Text>
      <div className={s.row}>
        <Button appearance="primary" disabled={state.busy} onClick={actions.exportXlsx} data-testid="export-xlsx">
          {t.exportXlsx}
        </Button>
        <Button disabled={state.busy} onClick={actions.exportHtml} data-testid="export-html">
          {t.exportHtml}
        </Button>
        {exportFile && (
          <Button disabled={state.busy} onClick={actions.downloadXlsx} data-testid="download-xlsx">
            {t.downloadXlsx}
          </Button>
        )}
      </div>
      {state.copyText !== null && (
        <>
          <Text className={s.small}>{t.htmlToCopy}</Text>
          <Textarea readOnly value={state.copyText} rows={8} data-testid="copy-text" onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
    </div>
  );
}
