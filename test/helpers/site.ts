// A reader page's view context for tests of views rendered without an app: one edition, its
// translator and formats in UTC.
import type { Site } from '../../src/core/views/site.ts';
import { createTranslator, formatsFor } from '../../src/i18n/index.ts';

/** The Site of edition `code` in `locale`; any field can be replaced. */
export function testSite(code: string, locale: string, overrides: Partial<Site> = {}): Site {
  const edition = { code, name: code, locale, direction: 'ltr' as const };
  return {
    edition,
    editions: [edition],
    t: createTranslator(code, locale),
    f: formatsFor(locale, 'UTC'),
    timezone: 'UTC',
    baseUrl: 'https://warta.test',
    menu: [],
    now: new Date(),
    assets: { css: '/a.css', js: '/a.js' },
    path: `/${code}`,
    ...overrides,
  };
}
