/** 修正: suggested values to apply, blank totals to fill, and every change made, undoable. */
import { Button, Divider, Text } from '@fluentui/react-components';
import { a1 } from '../../core/read/grid';
import type { Strings } from '../i18n';
import { useStyles } from './styles';
import type { WorkspaceModel } from './useWorkspace';

const show = (v: unknown, t: Strings) => (v === null || v === undefined || v === '' ? t.blank : String(v));

export function FixTab({ model }: { model: WorkspaceModel }) {
  const s = useStyles();
  const { state, t, actions, suggestions } = model;
  const { busy, changes } = state;
  return (
    <div className={s.col}>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || !suggestions.length} onClick={actions.applyAll} data-testid="apply-all">
          {t.applyAll} ({suggestions.length})
        </Button>
        <Button disabled={busy || !state.outcome} onClick={actions.fillTotals} data-testid="fill-totals">
          {t.fillTotals}
        </Button>
      </div>
      {!state.outcome && <Text className={s.small}>{t.noSuggestions}</Text>}
      {suggestions.map((x) => (
        <div key={x.ref} className={s.change} data-testid="suggestion" data-ref={x.ref}>
          <span>{t.changeLine(x.ref, show(x.current, t), String(x.value))}</span>
          <Button size="small" disabled={busy} onClick={() => actions.applyOne(x.ref)}>
            {t.apply}
          </Button>
        </div>
      ))}
      <Divider />
      <div className={s.row}>
        <Text weight="semibold">{t.changes}</Text>
        {changes.length > 0 && (
          <Button size="small" disabled={busy} onClick={actions.undoAll} data-testid="undo-all">
            {t.undoAll}
          </Button>
        )}
      </div>
      {!changes.length && <Text className={s.small}>{t.noChanges}</Text>}
      {changes.map((b, bi) =>
        b.map((w, wi) => (
          <div key={`${bi}-${wi}`} className={s.change} data-testid="change">
            <span>
              {t.changeLine(
                `${w.sheet}!${a1(w.r, w.c)}`,
                show(w.before.formula ? `=${w.before.formula}` : w.before.value, t),
                show(w.after.value, t),
              )}
            </span>
            <Button size="small" disabled={busy} onClick={() => actions.undo(bi, wi)} data-testid="undo">
              {t.undo}
            </Button>
          </div>
        )),
      )}
    </div>
  );
}
