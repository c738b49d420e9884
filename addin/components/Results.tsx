/** The findings of a check, by report, table and severity, each with its cells and suggested values. */
import * as React from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import type { Finding, ReportResult } from '../../core/model/findings';
import { parseRef, type CellAt } from '../host';
import type { Strings } from '../i18n';
import { groupFindings, type CheckOutcome } from '../pane';
import { useStyles } from './styles';
import { SevBadge } from './SevBadge';

/** A cell's place as people read it: a text report's `line 32` in the pane's language. */
const placeOf = (t: Strings, ref: string) => {
  const line = /^line (\d+)$/.exec(ref);
  return line ? t.lineRef(line[1]) : ref;
};

export function Results({
  t,
  outcome,
  index,
  onSelect,
  onCell,
  onApply,
  onStep,
  allFindings,
}: {
  t: Strings;
  outcome: CheckOutcome;
  index: number;
  allFindings: Finding[];
  onSelect: (f: Finding, i: number) => void;
  onCell: (at: CellAt | null) => void;
  onApply: (ref: string) => void;
  onStep: (d: number) => void;
}) {
  const s = useStyles();
  const count = (sev: string) => allFindings.filter((f) => f.severity === sev).length;
  return (
    <div className={s.col} data-testid="results">
      <div className={s.row}>
        <Text weight="semibold" data-testid="summary">
          {count('error')
            ? t.summary(count('error'), count('warning'), count('notice'))
            : `${t.clean} ${t.summary(0, count('warning'), count('notice'))}`}
        </Text>
      </div>
      <div className={s.row}>
        <Button size="small" disabled={!allFindings.length} onClick={() => onStep(-1)} data-testid="prev">
          {t.prev}
        </Button>
        <Button size="small" disabled={!allFindings.length} onClick={() => onStep(1)} data-testid="next">
          {t.next}
        </Button>
        <Text className={s.small}>{allFindings.length ? `${index + 1 > 0 ? index + 1 : '–'} / ${allFindings.length}` : ''}</Text>
        <Text className={s.small} data-testid="timing">
          {t.timing(outcome.ms)}
        </Text>
      </div>
      {outcome.reports.map((rep: ReportResult, ri) => (
        <div key={ri} data-testid="report" data-sheet={rep.sheet ?? ''}>
          <Text size={200}>
            {rep.sheet} · {rep.format} · {rep.year ?? '—'}
            {rep.agency ? ` · ${rep.agency}` : ''}
          </Text>
          {groupFindings(rep).map((g) => (
            <div key={`${g.table}-${g.severity}`} className={s.group}>
              <div className={s.groupTitle}>
                {t.table[g.table] ?? g.table} <SevBadge sev={g.severity} t={t} /> <Text size={200}>{g.findings.length}</Text>
              </div>
              {g.findings.map((f) => {
                const at = allFindings.indexOf(f);
                return (
                  <div
                    key={at}
                    className={`${s.finding} ${at === index ? s.current : ''}`}
                    data-testid="finding"
                    data-rule={f.rule}
                    data-severity={f.severity}
                    data-refs={f.cells.map((c) => c.ref).join(' ')}
                    data-suspects={f.suspects.map((x) => x.ref).join(' ')}
                    onClick={() => onSelect(f, at)}
                  >
                    <div>
                      <Text size={200}>{f.message}</Text>
                    </div>
                    <div className={s.small}>
                      {t.cells}:{' '}
                      {f.cells
                        .slice(0, 12)
                        .map((c) => (
                          <Link
                            key={c.ref}
                            onClick={(e) => {
                              e.stopPropagation();
                              onCell(parseRef(c.ref));
                            }}
                            data-testid="cell-link"
                          >
                            {placeOf(t, c.ref)}
                          </Link>
                        ))
                        .reduce<React.ReactNode[]>((a, x, k) => (k ? [...a, ' ', x] : [x]), [])}
                      {f.cells.length > 12 ? ' …' : ''}
                      {f.expected !== undefined && f.expected !== null && (
                        <>
                          {' '}
                          · {t.expected} {f.expected} · {t.actual} {f.actual ?? t.blank}
                        </>
                      )}
                    </div>
                    {f.suspects.slice(0, 3).map((x, k) => (
                      <div key={x.ref} className={s.suspect}>
                        <Text size={200}>
                          {k === 0 ? `${t.suggested}: ` : `${t.or} `}
                          <b>{placeOf(t, x.ref)}</b> → <b>{x.suggested ?? '?'}</b>
                          {k === 0 && x.reason ? t.because(x.reason) : ''}
                        </Text>
                        {x.suggested !== null && (
                          <Button
                            size="small"
                            appearance="transparent"
                            onClick={(e) => {
                              e.stopPropagation();
                              onApply(x.ref);
                            }}
                            data-testid="apply"
                          >
                            {t.apply}
                          </Button>
                        )}
                      </div>
                    ))}
                    {f.suspects.length > 3 && (
                      <Text size={200} className={s.small}>
                        {t.more(f.suspects.length - 3)}
                      </Text>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
