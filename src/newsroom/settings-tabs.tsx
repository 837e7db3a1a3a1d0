// The tabs between the administrators' settings pages: the site's own, sign-in security, the
// public API's keys and the webhooks.
import { newsroomText as t } from './messages.ts';

/** Where the settings pages live. */
export const SITE_SETTINGS_PATH = '/newsroom/settings';
const SECURITY_PATH = '/newsroom/settings/security';
const API_KEYS_PATH = '/newsroom/api-keys';
const WEBHOOKS_PATH = '/newsroom/webhooks';

/** Tabs naming the current settings page. */
export function SettingsTabs(props: { current: 'site' | 'security' | 'apiKeys' | 'webhooks' }): JSX.Element {
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
        <li>
          <a href={API_KEYS_PATH} aria-current={props.current === 'apiKeys' ? 'page' : undefined}>
            {t('settings.apiKeysTab')}
          </a>
        </li>
        <li>
          <a href={WEBHOOKS_PATH} aria-current={props.current === 'webhooks' ? 'page' : undefined}>
            {t('settings.webhooksTab')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
