/** A finding's severity as a coloured badge. */
import { Badge } from '@fluentui/react-components';
import type { Strings } from '../i18n';

export function SevBadge({ sev, t }: { sev: string; t: Strings }) {
  const color = sev === 'error' ? 'danger' : sev === 'warning' ? 'warning' : 'informative';
  return (
    <Badge size="small" color={color} appearance="tint">
      {t.severity[sev] ?? sev}
    </Badge>
  );
}
