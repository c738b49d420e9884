/** 检查: scope, check, clear marks, re-check while editing, and the findings. */
import { Button, Radio, RadioGroup, Spinner, Switch } from '@fluentui/react-components';
import type { Scope } from '../store';
import { useStyles } from './styles';
import type { WorkspaceModel } from './useWorkspace';
import { Results } from './Results';

export function CheckTab({ model }: { model: WorkspaceModel }) {
  const s = useStyles();
  const { state, t, actions, allFindings } = model;
  const { busy } = state;
  return (
    <div className={s.col}>
      <RadioGroup layout="horizontal" value={state.scope} onChange={(_, d) => actions.setScope(d.value as Scope)} aria-label={t.scope}>
        <Radio value="active" label={t.scopeActive} data-testid="scope-active" />
        <Radio value="all" label={t.scopeAll} data-testid="scope-all" />
      </RadioGroup>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy} onClick={actions.check} data-testid="check">
          {t.check}
        </Button>
        <Button disabled={busy || !state.marked} onClick={actions.clearMarks} data-testid="clear-marks">
          {t.clearMarks}
        </Button>
        {busy && <Spinner size="tiny" label={t.checking} />}
      </div>
      <Switch checked={state.auto} onChange={(_, d) => actions.setAuto(d.checked)} label={t.autoRecheck} data-testid="auto" />
      {state.outcome && (
        <Results
          t={t}
          outcome={state.outcome}
          index={state.index}
          onSelect={actions.selectFinding}
          onCell={actions.selectCell}
          onApply={actions.applyOne}
          onStep={actions.step}
          allFindings={allFindings}
        />
      )}
    </div>
  );
}
