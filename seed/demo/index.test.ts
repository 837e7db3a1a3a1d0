// The demo site: enough real-looking content in two complete editions, and all of it valid.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { seedBase } from '../editions.ts';
import { seedDemo } from './index.ts';
import { mediaDir } from '../../src/media/index.ts';
import { writerFor } from '../../test/helpers/writer.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  await seedBase(writerFor(t.db.kysely));
  await seedDemo(writerFor(t.db.kysely), { dataDir: t.dataDir, timezone: 'Asia/Jakarta', now: new Date() });
});
after(() => t.cleanup());

describe('demo content', () => {
  it('has 30+ published articles over 5+ sections in English and Indonesian, and 4+ authors', async () => {
    const db = t.db.kysely;
    const perEdition = await db
      .selectFrom('articles')
      .select(['edition', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('edition')
      .execute();
    const count = (code: string) => Number(perEdition.find((r) => r.edition === code)?.n ?? 0);
    assert.ok(count('en') >= 30, `en has ${count('en')}`);
    assert.ok(count('id') >= 20, `id has ${count('id')}`);
    // Every other edition: at least eight stories of its own language (the radio's posts aside).
    for (const code of ['ar', 'fr', 'de', 'es', 'zh', 'ja']) {
      const news = await db
        .selectFrom('articles')
        .innerJoin('categories', 'categories.id', 'articles.category_id')
        .select('articles.id')
        .where('articles.edition', '=', code)
        .where('categories.position', '<', 100)
        .execute();
      assert.ok(news.length >= 8, `${code} has ${news.length} news stories`);
    }
    const sections = await db
      .selectFrom('articles')
      .select('category_id')
      .where('edition', '=', 'en')
      .distinct()
      .execute();
    assert.ok(sections.length >= 5, `${sections.length} sections used`);
    const authors = await db.selectFrom('users').select('id').execute();
    assert.ok(authors.length >= 4);
    const published = await db.selectFrom('articles').select('id').where('status', '=', 'published').execute();
    assert.equal(
      published.length,
      perEdition.reduce((n, r) => n + Number(r.n), 0),
    );
  });

  it('gives every article a photo with caption, credit and alt text, stored on disk', async () => {
    const rows = await t.db.kysely
      .selectFrom('articles')
      .innerJoin('media', 'media.id', 'articles.featured_media_id')
      .select([
        'articles.id',
        'articles.image_caption',
        'articles.image_credit',
        'articles.image_alt',
        'media.storage_key',
        'media.variants',
      ])
      .execute();
    const total = await t.db.kysely.selectFrom('articles').select('id').execute();
    assert.equal(rows.length, total.length);
    for (const r of rows) {
      assert.ok(r.image_caption.length > 20 && r.image_credit.length > 3 && r.image_alt.length > 3, `article ${r.id}`);
      for (const w of JSON.parse(r.variants) as number[]) {
        assert.ok(fs.existsSync(path.join(mediaDir(t.dataDir), `${r.storage_key}-${w}.jpg`)));
        assert.ok(fs.existsSync(path.join(mediaDir(t.dataDir), `${r.storage_key}-${w}.webp`)));
      }
    }
  });

  it('has datelines, tags, and translation groups that link editions', async () => {
    const db = t.db.kysely;
    const noDateline = await db.selectFrom('articles').select('id').where('dateline', '=', '').execute();
    assert.equal(noDateline.length, 0);
    const tagged = await db.selectFrom('article_tags').select('article_id').distinct().execute();
    const total = await db.selectFrom('articles').select('id').execute();
    assert.equal(tagged.length, total.length);
    const linked = await db
      .selectFrom('articles')
      .select(['translation_group', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('translation_group')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    assert.ok(linked.length >= 20);
  });

  it('builds the Company Profile tree and the main menus', async () => {
    const db = t.db.kysely;
    const pages = await db.selectFrom('pages').select(['edition', 'path']).where('edition', '=', 'en').execute();
    const paths = pages.map((p) => p.path);
    assert.ok(paths.includes('company-profile'));
    assert.ok(paths.filter((p) => p.startsWith('company-profile/')).length >= 4);
    // The integrity zone's pages, under the root its front page reads, and its document library.
    assert.ok(paths.includes('integrity'));
    assert.ok(paths.filter((p) => p.startsWith('integrity/')).length >= 4);
    for (const edition of ['en', 'id', 'ar']) {
      const docs = await db.selectFrom('integrity_documents').select(['file']).where('edition', '=', edition).execute();
      assert.ok(docs.length >= 1, edition);
    }
    const menu = await db
      .selectFrom('menu_items')
      .innerJoin('menus', 'menus.id', 'menu_items.menu_id')
      .select(['menu_items.label'])
      .where('menus.edition', '=', 'en')
      .orderBy('menu_items.position')
      .execute();
    const labels = menu.map((m) => m.label);
    assert.deepEqual(labels.slice(-4), ['Live Streaming', 'Program Highlight', 'Company Profile', 'Zona Integritas']);
    // Every edition: a Company Profile root its menu links, a channel, and translations of English stories.
    for (const code of ['id', 'ar', 'fr', 'de', 'es', 'zh', 'ja']) {
      const items = await db
        .selectFrom('menu_items')
        .innerJoin('menus', 'menus.id', 'menu_items.menu_id')
        .select('menu_items.href')
        .where('menus.edition', '=', code)
        .execute();
      const roots = await db
        .selectFrom('pages')
        .select('path')
        .where('edition', '=', code)
        .where('parent_id', 'is', null)
        .execute();
      assert.ok(
        roots.some((r) => items.some((i) => i.href === `/${code}/${encodeURI(r.path)}`)),
        `${code} profile in menu`,
      );
      assert.ok(
        roots.some((r) => r.path === 'integrity'),
        `${code} integrity root`,
      );
      const channels = await db.selectFrom('channels').select('id').where('edition', '=', code).execute();
      assert.equal(channels.length, 1, `${code} channel`);
      const withEnglish = await db
        .selectFrom('articles as a')
        .innerJoin('articles as e', (j) => j.onRef('e.translation_group', '=', 'a.translation_group'))
        .select('a.id')
        .where('a.edition', '=', code)
        .where('e.edition', '=', 'en')
        .execute();
      assert.ok(withEnglish.length >= 3, `${code} has ${withEnglish.length} translations of English stories`);
    }
    assert.ok(labels.length >= 9);
  });

  it('refuses to seed a site that already has articles', async () => {
    await assert.rejects(
      seedDemo(writerFor(t.db.kysely), { dataDir: t.dataDir, timezone: 'Asia/Jakarta', now: new Date() }),
      /already has articles/,
    );
  });
});
