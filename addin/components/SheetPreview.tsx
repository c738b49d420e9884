/** The sheet of a workbook that is not the user's visible one (a file in memory), drawn in the pane with its marks and selection. */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { columnLetters } from '../../core/read/grid';
import type { PreviewWorkbook } from '../host';
import { useStyles } from './styles';

export function SheetPreview({ wb, version, title }: { wb: PreviewWorkbook; version: number; title: string }) {
  const s = useStyles();
  const sheet = wb.sheets[wb.active];
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    // scroll the preview (not the page) to the selected cell
    const box = ref.current;
    const el = box?.querySelector<HTMLElement>('[data-selected="1"]');
    if (!box || !el) return;
    if (el.offsetTop < box.scrollTop || el.offsetTop + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 2);
    if (el.offsetLeft < box.scrollLeft || el.offsetLeft + el.offsetWidth > box.scrollLeft + box.clientWidth)
      box.scrollLeft = Math.max(0, el.offsetLeft - box.clientWidth / 2);
  }, [version, wb.selection]);
  if (!sheet) return null;
  const [rows, cols] = wb.extent(sheet.name);
  const R = Math.min(rows, 80),
    C = Math.min(cols, 26);
  const covered = new Set<string>();
  const span = new Map<string, [number, number]>();
  for (const m of sheet.merges) {
    span.set(`${m.r0},${m.c0}`, [m.r1 - m.r0 + 1, m.c1 - m.c0 + 1]);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const sel = new Set(wb.selection.filter((x) => x.sheet === sheet.name).map((x) => `${x.r},${x.c}`));
  return (
    <div className={s.col} data-testid="preview" data-version={version}>
      <Text weight="semibold">
        {title}: {sheet.name}
      </Text>
      <div className={s.preview} ref={ref}>
        <table className={s.grid}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: C }, (_, c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: R }, (_, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: C }, (_, c) => {
                  const k = `${r},${c}`;
                  if (covered.has(k)) return null;
                  const cell = sheet.cells.get(k);
                  const sp = span.get(k);
                  const on = sel.has(k);
                  return (
                    <td
                      key={c}
                      rowSpan={sp?.[0]}
                      colSpan={sp?.[1]}
                      data-cell={`${columnLetters(c)}${r + 1}`}
                      data-selected={on ? '1' : undefined}
                      title={cell?.comment ?? undefined}
                      className={on ? s.selected : undefined}
                      style={{
                        background: cell?.fill ?? undefined,
                        fontWeight: cell?.bold ? 600 : undefined,
                        textAlign: typeof cell?.value === 'number' ? 'right' : undefined,
                      }}
                    >
                      {cell?.value === null || cell?.value === undefined ? '' : String(cell.value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
