// The article page's lookups read a few index entries however large the archive and however
// popular a tag:
// - translations: the translation group with the "published" rule in one index. With the group
//   alone indexed, SQLite (which keeps no statistics here) preferred (status, published_at) and
//   walked every published story.
// - related stories: article_tags carries its story's publication time while the story is
//   published (null otherwise), kept by triggers on both engines, so "a tag's newest published
//   stories" is one range of (tag_id, published_at) that stops after a few rows, and ranking
//   the candidates never reads a story's row (on SQLite the wide body sits before the status).
// - the home page's top story: an edition's newest featured story, one index lookup (the flag
//   sits after the body too, so each of the last three days' stories was read to find it).
// - sitemap files: an edition's published stories in id order with their publication and
//   change times, from the index alone (the pass that splits them into files read every row).
import { sql, type Kysely } from 'kysely';
import { columnTypes, engineOf } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('articles_translation_group_published')
    .on('articles')
    .columns(['translation_group', 'status', 'published_at'])
    .execute();
  // The new index starts with the group, so it serves every lookup the old one did.
  await db.schema.dropIndex('articles_translation_group').execute();

  await db.schema
    .createIndex('articles_edition_featured_published')
    .on('articles')
    .columns(['edition', 'is_featured', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_edition_status_id_dates')
    .on('articles')
    .columns(['edition', 'status', 'id', 'published_at', 'updated_at'])
    .execute();
  await db.schema.dropIndex('articles_edition_status_id').execute();

  await db.schema.alterTable('article_tags').addColumn('published_at', columnTypes(db).timestamp).execute();
  await sql`update article_tags set published_at = (
      select articles.published_at from articles
      where articles.id = article_tags.article_id and articles.status = 'published')`.execute(db);
  if (engineOf(db) === 'sqlite') await createSqliteTriggers(db);
  else await createPostgresTriggers(db);
  // It also serves what the narrower (tag_id, article_id) did: finding a tag's rows.
  await db.schema
    .createIndex('article_tags_tag_published')
    .on('article_tags')
    .columns(['tag_id', 'published_at', 'article_id'])
    .execute();
  await db.schema.dropIndex('article_tags_tag_article').execute();
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql`create trigger article_tags_published_insert after insert on article_tags begin
      update article_tags set published_at = (
        select published_at from articles where id = new.article_id and status = 'published')
      where article_id = new.article_id and tag_id = new.tag_id;
    end`.execute(db);
  await sql`create trigger articles_published_to_tags after update of status, published_at on articles begin
      update article_tags set published_at = case when new.status = 'published' then new.published_at end
      where article_id = new.id;
    end`.execute(db);
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  await sql`create function article_tags_published_fill() returns trigger language plpgsql as $$
    begin
      new.published_at := (select published_at from articles where id = new.article_id and status = 'published');
      return new;
    end $$`.execute(db);
  await sql`create trigger article_tags_published_insert before insert on article_tags
    for each row execute function article_tags_published_fill()`.execute(db);
  await sql`create function articles_published_to_tags() returns trigger language plpgsql as $$
    begin
      update article_tags set published_at = case when new.status = 'published' then new.published_at end
      where article_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger articles_published_to_tags after update of status, published_at on articles
    for each row execute function articles_published_to_tags()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('article_tags_tag_article')
    .on('article_tags')
    .columns(['tag_id', 'article_id'])
    .execute();
  await db.schema.dropIndex('article_tags_tag_published').execute();
  if (engineOf(db) === 'sqlite') {
    await sql`drop trigger article_tags_published_insert`.execute(db);
    await sql`drop trigger articles_published_to_tags`.execute(db);
  } else {
    await sql`drop trigger article_tags_published_insert on article_tags`.execute(db);
    await sql`drop trigger articles_published_to_tags on articles`.execute(db);
    await sql`drop function article_tags_published_fill()`.execute(db);
    await sql`drop function articles_published_to_tags()`.execute(db);
  }
  await db.schema.alterTable('article_tags').dropColumn('published_at').execute();
  await db.schema.dropIndex('articles_edition_featured_published').execute();
  await db.schema
    .createIndex('articles_edition_status_id')
    .on('articles')
    .columns(['edition', 'status', 'id'])
    .execute();
  await db.schema.dropIndex('articles_edition_status_id_dates').execute();
  await db.schema.createIndex('articles_translation_group').on('articles').column('translation_group').execute();
  await db.schema.dropIndex('articles_translation_group_published').execute();
}
