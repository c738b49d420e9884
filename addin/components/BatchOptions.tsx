/**
 * The batch as the command line's `--year` and `--agencies` judge it: the year being collected and
 * the list of departments expected (a text file, one name a line), both optional.
 */
import * as React from 'react';
import { Field, Input, Link, Text } from '@fluentui/react-components';
import { STRINGS, type Lang } from '../i18n';
import { FilePicker } from './FilePicker';
import { useStyles } from './styles';

export interface BatchChoice {
  year: number | null;
  agencies: string[] | null;
  /** The list file's name, to show which list is in use. */
  listName: string | null;
}

export const NO_CHOICE: BatchChoice = { year: null, agencies: null, listName: null };

export function BatchOptions({
  lang,
  choice,
  onChange,
  onError,
}: {
  lang: Lang;
  choice: BatchChoice;
  onChange: (c: BatchChoice) => void;
  onError: (text: string) => void;
}) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [year, setYear] = React.useState(choice.year === null ? '' : String(choice.year));
  const y = Number(year);
  const valid = year.trim() === '' || (Number.isInteger(y) && y >= 2008 && y <= 2100);

  const takeList = async (files: FileList | null) => {
    const f = files?.[0];
    if (!f) return;
    const [{ parseAgencyList }, { decodeText }] = await Promise.all([
      import(/* webpackChunkName: "batch" */ '../../core/batch/agency'),
      import(/* webpackChunkName: "batch" */ '../../core/read/decode'),
    ]);
    const names = parseAgencyList(decodeText(new Uint8Array(await f.arrayBuffer())));
    if (!names.length) onError(t.agencyListEmpty(f.name));
    else onChange({ ...choice, agencies: names, listName: f.name });
  };

  return (
    <div className={s.row} data-testid="batch-options">
      {/* The input sized itself (a native input is ~20 characters wide whatever its field): it covered 单位名单…. */}
      <Field label={t.batchYear} validationMessage={valid ? undefined : t.batchYearInvalid} style={{ flex: '0 0 auto' }}>
        <Input
          type="number"
          style={{ width: '7em', minWidth: 0 }}
          input={{ size: 6, style: { minWidth: 0 } }}
          value={year}
          placeholder={t.batchYearAny}
          data-testid="batch-year"
          onChange={(_, d) => {
            setYear(d.value);
            const n = Number(d.value);
            if (d.value.trim() === '') onChange({ ...choice, year: null });
            else if (Number.isInteger(n) && n >= 2008 && n <= 2100) onChange({ ...choice, year: n });
          }}
        />
      </Field>
      <div className={s.col} style={{ gap: 2 }}>
        <FilePicker
          label={t.agencyListPick}
          accept=".txt,text/plain"
          multiple={false}
          testid="agencies-input"
          onFiles={(f) => void takeList(f)}
        />
        {choice.agencies && (
          <Text size={200} data-testid="agencies-loaded">
            {t.agencyListLoaded(choice.listName ?? '', choice.agencies.length)}{' '}
            <Link onClick={() => onChange({ ...choice, agencies: null, listName: null })}>{t.agencyListClear}</Link>
          </Text>
        )}
      </div>
    </div>
  );
}
