// Saving the site settings: every field checked (all problems listed at once), the logo's image
// checked inside the transaction (it could be deleted meanwhile), one row and one event.
import { z } from 'zod';
import { forUpdate } from '../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { InputError, parseInput } from '../core/validation.ts';
import { isTimeZone } from '../core/config.ts';
import { SITE_SETTINGS_KEY, type SiteSettingsValues } from './site-settings.ts';
import { writeSetting } from './store.ts';

/** The longest site name a masthead holds. */
export const SITE_NAME_MAX = 80;

/** What the form may send; `editions` are the codes a default edition and a name may be for. */
function schemaFor(editions: readonly string[]) {
  return z.strictObject({
    siteNames: z.record(
      z.string().refine((code) => editions.includes(code), 'names an edition that does not exist'),
      z
        .string()
        .trim()
        .max(SITE_NAME_MAX, `is longer than ${SITE_NAME_MAX} characters`)
        .refine((name) => !/\p{Cc}/u.test(name), 'holds control characters'),
    ),
    logoMediaId: z.number().int().positive().nullable(),
    timezone: z
      .string()
      .max(64, 'is not a time zone name')
      .refine(isTimeZone, 'is not a time zone this server knows (e.g. Asia/Jakarta)'),
    defaultEdition: z.string().refine((code) => editions.includes(code), 'is not an active edition'),
  });
}

/** The input of saveSiteSettings, before checking. */
export type SiteSettingsInput = z.input<ReturnType<typeof schemaFor>>;

/**
 * Saves the settings and records 'settings.changed'; throws InputError listing every problem
 * (nothing is saved then). An empty name means "the catalog's name" and is not stored.
 */
export async function saveSiteSettings(
  w: WriteContext,
  raw: SiteSettingsInput,
  activeEditions: readonly string[],
): Promise<SiteSettingsValues> {
  const input = parseInput(schemaFor(activeEditions), raw);
  const values: SiteSettingsValues = {
    ...input,
    siteNames: Object.fromEntries(Object.entries(input.siteNames).filter(([, name]) => name !== '')),
  };
  return runCommand(w, async (trx, emit) => {
    if (values.logoMediaId !== null) {
      // Locked, as media deletion locks it: a delete running meanwhile waits and then sees the logo.
      const image = await forUpdate(
        trx,
        trx.selectFrom('media').select('id').where('id', '=', values.logoMediaId),
      ).executeTakeFirst();
      if (!image) throw new InputError([`logoMediaId: there is no image number ${values.logoMediaId} in the library`]);
    }
    await writeSetting(trx, SITE_SETTINGS_KEY, values, w.now());
    await emit('settings.changed', { key: SITE_SETTINGS_KEY });
    return values;
  });
}
