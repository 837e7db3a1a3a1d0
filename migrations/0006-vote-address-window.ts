// The hourly limit on new votes moves out of article_votes: a keyed address hash is kept in a
// table of its own, only until its hour has passed (the ratings sweep deletes older rows), and
// no vote row carries an address any more.
import type { Kysely } from 'kysely';
import { columnTypes, toDbTime } from '../src/core/db/dialect.ts';

const HOUR_MS = 3600_000;

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('vote_address_window')
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // The limit counts one address's rows in the last hour.
  await db.schema
    .createIndex('vote_address_window_address_time')
    .on('vote_address_window')
    .columns(['ip_hash', 'created_at'])
    .execute();
  // Votes of the last hour still count towards their address's limit after the upgrade.
  await db
    .insertInto('vote_address_window')
    .columns(['ip_hash', 'created_at'])
    .expression(
      db
        .selectFrom('article_votes')
        .select(['ip_hash', 'created_at'])
        .where('created_at', '>', toDbTime(new Date(Date.now() - HOUR_MS))),
    )
    .execute();
  // SQLite refuses to drop an indexed column, so the index goes first.
  await db.schema.dropIndex('article_votes_address_time').execute();
  await db.schema.alterTable('article_votes').dropColumn('ip_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // The hashes are gone for good: old rows get an empty one, which no address hashes to.
  await db.schema
    .alterTable('article_votes')
    .addColumn('ip_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('article_votes_address_time')
    .on('article_votes')
    .columns(['ip_hash', 'created_at'])
    .execute();
  await db.schema.dropTable('vote_address_window').execute();
}
