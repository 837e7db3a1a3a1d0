// The site's time zone for commands run outside the app (the importers): as an administrator
// saved it in the newsroom's settings, else the configured one.
import { getSetting, SITE_SETTINGS_KEY } from '../settings/index.ts';

export async function siteTimezone(db: Parameters<typeof getSetting>[0], fallback: string): Promise<string> {
  const stored = (await getSetting(db, SITE_SETTINGS_KEY)) as { timezone?: unknown } | undefined;
  const zone = stored?.timezone;
  if (typeof zone !== 'string') return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return fallback;
  }
}
