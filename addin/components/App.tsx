/**
 * The task pane (React 18 + Fluent UI v9). With a host that is the user's workbook (Excel, WPS)
 * it works on that workbook; without one (a plain browser, WPS users without the add-in) it works
 * on picked or dropped files. Chinese by default, English on the switch.
 */
import * as React from 'react';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { SheetHost } from '../host';
import { STRINGS, type Lang } from '../i18n';
import { useStyles } from './styles';
import { Workspace } from './Workspace';
import { FilesMode } from './FilesMode';

export interface AppProps {
  /** The user's workbook (Excel or WPS); null outside (files). */
  host: SheetHost | null;
  initialLang?: Lang;
}

export function App({ host, initialLang = 'zh' }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = STRINGS[lang];
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="pane" data-mode={host ? 'office' : 'files'}>
        <div className={s.header}>
          <div>
            <div className={s.title}>{t.appTitle}</div>
            <div className={s.sub}>{t.appSub}</div>
          </div>
          <Button size="small" appearance="subtle" data-testid="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.lang}
          </Button>
        </div>
        {host ? <Workspace host={host} lang={lang} /> : <FilesMode lang={lang} />}
      </div>
    </FluentProvider>
  );
}
