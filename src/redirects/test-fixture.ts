// Test fixture for old K2 addresses: an imported site's old address (recorded as an import run does)
// and the import links the K2 importer would write, made directly: no Joomla database needed.
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { WriteContext } from '../core/events/index.ts';
import { recordLegacySite } from '../imports/index.ts';
import type { K2Kind } from './k2-urls.ts';

/** Records an imported K2 site of `edition` at `baseUrl`, as an import run does (every process reloads the prefixes). */
export function addK2Site(w: WriteContext, edition: string, baseUrl: string): Promise<void> {
  return recordLegacySite(w, { edition, system: 'k2', baseUrl });
}

/** Links K2 record `sourceId` of `kind` in `edition` to the Warta row `targetId`. */
export async function linkK2(
  db: Kysely<Database>,
  link: { edition: string; kind: K2Kind; sourceId: string | number; targetId: number },
): Promise<void> {
  await db
    .insertInto('import_links')
    .values({
      edition: link.edition,
      system: 'k2',
      kind: link.kind,
      source_id: String(link.sourceId),
      target_id: link.targetId,
      source_hash: 'test',
      target_version: null,
      imported_at: toDbTime(new Date()),
    })
    .execute();
}
