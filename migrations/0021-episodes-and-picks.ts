// On-demand radio: a program's episodes (uploaded audio in the media store, or an external URL;
// duration read from the file; a transcript), the articles each is linked to, the podcast
// fields of a program, and the editors' picks of highlighted programs and episodes for a period.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // "No" in the flag's type: a boolean on PostgreSQL, an integer on SQLite.
  const no = t.flag === 'boolean' ? sql`false` : sql`0`;
  // What a podcast directory asks of a show (Apple's category names; "explicit" yes or no).
  await db.schema
    .alterTable('programs')
    .addColumn('podcast_category', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('programs')
    .addColumn('podcast_author', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('programs')
    .addColumn('is_explicit', t.flag, (c) => c.notNull().defaultTo(no))
    .execute();
  await db.schema
    .createTable('episodes')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Plain text, paragraphs split by blank lines: shown on the episode page, linked from the feed.
    .addColumn('transcript', 'text', (c) => c.notNull().defaultTo(''))
    // 'draft' or 'published', checked by the app.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    // Either a file in the media store (its name) or an external https address.
    .addColumn('audio_file', 'text')
    .addColumn('audio_url', 'text')
    // 'audio/mpeg' or 'audio/mp4'; bytes and seconds as read from the file (the feed's enclosure).
    .addColumn('audio_type', 'text', (c) => c.notNull())
    .addColumn('audio_bytes', 'integer')
    .addColumn('duration_seconds', 'integer')
    .addColumn('artwork_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('episode_number', 'integer')
    .addColumn('is_explicit', t.flag, (c) => c.notNull().defaultTo(no))
    // The podcast guid: set once, never changed (a changed guid is a new episode to every app).
    .addColumn('guid', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('episodes_program_slug', ['program_id', 'slug'])
    .execute();
  // A program's published episodes, newest first (program page and podcast feed).
  await db.schema
    .createIndex('episodes_program_published')
    .on('episodes')
    .columns(['program_id', 'status', 'published_at'])
    .execute();
  // An edition's newest episodes (the programs page, the sitemap).
  await db.schema
    .createIndex('episodes_edition_published')
    .on('episodes')
    .columns(['edition', 'status', 'published_at'])
    .execute();
  await db.schema
    .createTable('episode_articles')
    .addColumn('episode_id', 'integer', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('episode_articles_pkey', ['episode_id', 'article_id'])
    .execute();
  await db.schema.createIndex('episode_articles_article').on('episode_articles').column('article_id').execute();
  await db.schema
    .createTable('broadcast_picks')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    // A highlighted program, or one of its episodes.
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('episode_id', 'integer', (c) => c.references('episodes.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // An edition's picks running now: one range from "now" on.
  await db.schema
    .createIndex('broadcast_picks_edition')
    .on('broadcast_picks')
    .columns(['edition', 'ends_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['broadcast_picks', 'episode_articles', 'episodes']) await db.schema.dropTable(table).execute();
  for (const column of ['is_explicit', 'podcast_author', 'podcast_category'])
    await db.schema.alterTable('programs').dropColumn(column).execute();
}
