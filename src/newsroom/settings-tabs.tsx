// The tabs between the administrators' settings pages: the site's own, and sign-in security.
import { newsroomText as t } from './messages.ts';

/** Where the settings pages live. */
export const SITE_SETTINGS_PATH = '/newsroom/settings';
const SECURITY_PATH = '/newsroom/settings/security';

/** Tabs naming the current settings page. */
export function SettingsTabs(props: { current: 'site' | 'security' }): JSX.Element {
  return (
    <nav class="nr-tabs" aria-label={t('settings.tabs')}>
      <ul>
        <li>
          <a href={SITE_SETTINGS_PATH} aria-current={props.current === 'site' ? 'page' : undefined}>
            {t('settings.siteTab')}
          </a>
        </li>
        <li>
          <a href={SECURITY_PATH} aria-current={props.current === 'security' ? 'page' : undefined}>
            {t('settings.securityTab')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
