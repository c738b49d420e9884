/** Inside Office, Office.js did not load (slow network, a blocked CDN): said, with a retry, instead of a silent switch to files. */
import { Button, FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { STRINGS, type Lang } from '../i18n';
import { useStyles } from './styles';

export function OfficeMissing({ lang }: { lang: Lang }) {
  const s = useStyles();
  const t = STRINGS[lang];
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root} data-testid="office-missing">
        <MessageBar intent="error">
          <MessageBarBody>{t.officeMissing}</MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" onClick={() => location.reload()} data-testid="office-retry">
            {t.retry}
          </Button>
        </div>
      </div>
    </FluentProvider>
  );
}
