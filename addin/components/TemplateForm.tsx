/** Year and agency for a template (inserted in the workbook, or downloaded outside it). */
import * as React from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { STRINGS, type Lang } from '../i18n';
import { loadTemplates } from '../core-api';
import { useStyles } from './styles';

export function TemplateForm({
  lang,
  busy,
  action,
  onSubmit,
  testid,
}: {
  lang: Lang;
  busy: boolean;
  action: string;
  testid: string;
  onSubmit: (year: number, agency: string) => void;
}) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [year, setYear] = React.useState(String(new Date().getFullYear() - 1));
  const [agency, setAgency] = React.useState('');
  // The format a year uses comes from the form data (core/forms: each format's years), loaded on first use.
  const [formatOf, setFormatOf] = React.useState<((y: number) => string) | null>(null);
  React.useEffect(() => {
    let live = true;
    void loadTemplates().then((m) => live && setFormatOf(() => (y: number) => m.formForYear(y).key));
    return () => {
      live = false;
    };
  }, []);
  const y = Number(year);
  const valid = Number.isInteger(y) && y >= 2008 && y <= 2100;
  return (
    <div className={s.col}>
      <Field label={t.year} hint={valid && formatOf ? t.formatNote(formatOf(y), y) : undefined}>
        <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} data-testid={`${testid}-year`} />
      </Field>
      <Field label={t.agency}>
        <Input value={agency} placeholder={t.agencyPlaceholder} onChange={(_, d) => setAgency(d.value)} data-testid={`${testid}-agency`} />
      </Field>
      <div>
        <Button appearance="primary" disabled={busy || !valid} onClick={() => onSubmit(y, agency.trim())} data-testid={`${testid}-go`}>
          {action}
        </Button>
      </div>
    </div>
  );
}
