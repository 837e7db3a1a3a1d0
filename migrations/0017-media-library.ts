// The newsroom's media library: its pages of images newest first (one index range however many
// images, also per uploader), and where each image is used. An article's featured image is found
// by an index on articles.featured_media_id (which also spares a full scan of the articles when
// an image row is deleted and its foreign keys are checked); the images inside article and page
// bodies are kept in media_usages, one row per image and body, by the media domain's event
// consumer, and filled here from the bodies already stored.
import type { Kysely } from 'kysely';

/** The body's images: `data-media-id="12"` (the editor's) and `/media/KEY-960.jpg` addresses. */
const MEDIA_ID = /\bdata-media-id\s*=\s*["']?([1-9]\d{0,15})/g;
const MEDIA_PATH = /\/media\/([A-Za-z0-9_-]+?)-\d{1,5}\.(?:jpg|webp|avif)\b/g;
/** The largest id an integer column holds (PostgreSQL's integer): a larger number names no image. */
const MAX_ID = 2_147_483_647;
/** Bodies read per query while filling media_usages. */
const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('media_newest').on('media').columns(['created_at', 'id']).execute();
  // Replaces media_uploaded_by (0013): it starts with the same column, so it serves its lookups.
  await db.schema
    .createIndex('media_uploader_newest')
    .on('media')
    .columns(['uploaded_by', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('media_uploaded_by').execute();
  await db.schema.createIndex('articles_featured_media').on('articles').column('featured_media_id').execute();

  // No foreign key on media_id: a body may name an image that is gone, and the row is harmless.
  await db.schema
    .createTable('media_usages')
    .addColumn('media_id', 'integer', (c) => c.notNull())
    // 'article' or 'page'.
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_usages_pk', ['media_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('media_usages_subject')
    .on('media_usages')
    .columns(['subject_type', 'subject_id'])
    .execute();

  for (const table of ['articles', 'pages'] as const) await fillUsages(db, table);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_usages').execute();
  await db.schema.dropIndex('articles_featured_media').execute();
  await db.schema.createIndex('media_uploaded_by').on('media').column('uploaded_by').execute();
  await db.schema.dropIndex('media_uploader_newest').execute();
  await db.schema.dropIndex('media_newest').execute();
}

/** Records the images of every stored body of `table`, a batch of bodies at a time. */
async function fillUsages(db: Kysely<any>, table: 'articles' | 'pages'): Promise<void> {
  const subjectType = table === 'articles' ? 'article' : 'page';
  let after = 0;
  for (;;) {
    const rows: { id: number; body_html: string }[] = await db
      .selectFrom(table)
      .select(['id', 'body_html'])
      .where('id', '>', after)
      .where((eb) => eb.or([eb('body_html', 'like', '%data-media-id%'), eb('body_html', 'like', '%/media/%')]))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]!.id);
    const found = rows.map((r) => ({
      id: Number(r.id),
      ids: [...r.body_html.matchAll(MEDIA_ID)].map((m) => Number(m[1])).filter((id) => id <= MAX_ID),
      keys: [...r.body_html.matchAll(MEDIA_PATH)].map((m) => m[1]!),
    }));
    const keys = [...new Set(found.flatMap((f) => f.keys))];
    const byKey = new Map<string, number>();
    for (let i = 0; i < keys.length; i += BATCH) {
      const media: { id: number; storage_key: string }[] = await db
        .selectFrom('media')
        .select(['id', 'storage_key'])
        .where('storage_key', 'in', keys.slice(i, i + BATCH))
        .execute();
      for (const m of media) byKey.set(m.storage_key, Number(m.id));
    }
    const values = found.flatMap((f) =>
      [...new Set([...f.ids, ...f.keys.flatMap((k) => byKey.get(k) ?? [])])].map((mediaId) => ({
        media_id: mediaId,
        subject_type: subjectType,
        subject_id: f.id,
      })),
    );
    // 3 values a row: within both engines' limits on bound values per statement.
    for (let i = 0; i < values.length; i += BATCH) {
      await db
        .insertInto('media_usages')
        .values(values.slice(i, i + BATCH))
        .execute();
    }
  }
}
