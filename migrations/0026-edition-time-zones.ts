// An edition may keep its own time zone (issue 12): a French service dates its stories in Paris
// time, a Japanese one in Tokyo time, while the newsroom keeps the station's. Null: the site's
// zone (Settings), as every edition had until now.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').addColumn('time_zone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').dropColumn('time_zone').execute();
}
