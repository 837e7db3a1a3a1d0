// Site settings edited in the newsroom: one JSON value per key in the settings table. A change is
// a command that records 'settings.changed' (the key only), which the audit log shows and which
// tells every app process to drop what it cached.
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';

declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** A site setting changed (the key only; the value is in the settings table). */
    'settings.changed': { readonly key: string };
  }
}

/** Every settings event. */
export const SETTINGS_EVENTS = ['settings.changed'] as const;

type Db = Kysely<Database>;

/** A setting's stored value (parsed JSON), or undefined when it was never set or does not parse. */
export async function getSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores a setting's value (as JSON) and records 'settings.changed'. */
export async function setSetting(w: WriteContext, key: string, value: unknown): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    await writeSetting(trx, key, value, w.now());
    await emit('settings.changed', { key });
  });
}

/** Writes one setting inside a command's transaction (the command records the event). */
export async function writeSetting(trx: Db, key: string, value: unknown, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  const at = toDbTime(now);
  await trx
    .insertInto('settings')
    .values({ key, value: json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
    .execute();
}
