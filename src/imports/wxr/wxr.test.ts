// The WordPress importer on a WXR file of our own (fixtures/site.wxr.xml) and a real JPEG in an
// uploads folder: counts, fields, featured and inline images, pages in their tree, old permalinks
// answered with 301, a second run that changes nothing, a dry run that writes nothing, and files
// that are refused before anything is written.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { Database } from '../../core/db/schema.ts';
import { formatSummary, type ImportSummary } from '../index.ts';
import { checkArguments } from '../../cli/import-wxr.ts';
import { FIXTURE_FILE, makeUploads } from './fixtures/uploads.ts';
import { importWxr, WxrError } from './index.ts';

const TABLES = [
  'articles',
  'article_tags',
  'categories',
  'tags',
  'users',
  'media',
  'pages',
  'redirects',
  'import_links',
  'legacy_sites',
] as const;

/** Rows per table: what "nothing was written" is checked against. */
async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

function counts(summary: ImportSummary, kind: string) {
  return summary.counts[kind] ?? { created: 0, updated: 0, unchanged: 0, skipped: 0 };
}

describe('warta import wxr', { timeout: 300_000 }, () => {
  let t: TestApp;
  let xml: string;
  let mediaDir: string;
  let first: ImportSummary;

  const run = (text: string, options: { edition?: string; isDryRun?: boolean } = {}) =>
    importWxr(t.app.ctx.writer, text, {
      edition: options.edition ?? 'id',
      dataDir: t.testDb.dataDir,
      timezone: 'Asia/Jakarta',
      mediaDir,
      isDryRun: options.isDryRun,
    });
  const articleOf = (title: string) =>
    t.db.selectFrom('articles').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp();
    xml = await readFile(FIXTURE_FILE, 'utf8');
    mediaDir = await makeUploads(path.join(t.testDb.dataDir, 'wordpress'));
  });

  after(async () => {
    await t.close();
  });

  it('a dry run says what it would do and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const dry = await run(xml, { isDryRun: true });
    assert.equal(dry.isDryRun, true);
    assert.equal(counts(dry, 'article').created, 4);
    assert.equal(counts(dry, 'page').created, 2);
    assert.equal(counts(dry, 'attachment').created, 1);
    assert.deepEqual(await tableCounts(t.db), before);
    assert.match(formatSummary(dry), /dry run: nothing was written/);
  });

  it('refuses a malformed file, another RSS feed and a DOCTYPE with a clear error, writing nothing', async () => {
    const before = await tableCounts(t.db);
    const cases: [string, RegExp][] = [
      [xml.replace('</channel>', ''), /not well-formed XML: .*line \d+/],
      [xml.slice(0, xml.length / 2), /not well-formed XML/],
      ['<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>', /no <wp:wxr_version>/],
      [xml.replace('<wp:wxr_version>1.2</wp:wxr_version>', '<wp:wxr_version>9.9</wp:wxr_version>'), /version 9\.9/],
      [`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]>${xml.slice(xml.indexOf('<rss'))}`, /DOCTYPE/],
      [xml.replace('Kabar Pelabuhan', 'Kabar\u0000Pelabuhan'), /NUL/],
      ['not xml at all', /not well-formed XML|not an RSS document/],
    ];
    for (const [text, message] of cases) {
      await assert.rejects(run(text), (error: unknown) => {
        assert.ok(error instanceof WxrError, String(error));
        assert.match(error.message, message);
        return true;
      });
    }
    await assert.rejects(run(xml, { edition: 'xx' }), /edition "xx" does not exist/);
    assert.deepEqual(await tableCounts(t.db), before);
  });

  it('imports authors, sections with their parent, tags, posts, pages and the attachment', async () => {
    first = await run(xml);
    assert.deepEqual(counts(first, 'category'), { created: 2, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(counts(first, 'author'), { created: 2, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(counts(first, 'tag'), { created: 2, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(counts(first, 'article'), { created: 4, updated: 0, unchanged: 0, skipped: 1 });
    assert.deepEqual(counts(first, 'attachment'), { created: 1, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(counts(first, 'page'), { created: 2, updated: 0, unchanged: 0, skipped: 0 });
    assert.equal(counts(first, 'redirect').created, 13);
    assert.deepEqual(first.skipped, [{ sourceId: '16', reason: 'status "trash"' }]);
    assert.deepEqual(first.warnings, []);

    const sections = await t.db.selectFrom('categories').selectAll().where('edition', '=', 'id').execute();
    const berita = sections.find((c) => c.slug === 'berita')!;
    const ekonomi = sections.find((c) => c.slug === 'ekonomi')!;
    assert.equal(ekonomi.name, 'Ekonomi & Bisnis');
    assert.equal(ekonomi.parent_id, berita.id);
    assert.equal(ekonomi.description, 'Trade, prices and the port.');
    const people = await t.db
      .selectFrom('users')
      .select(['display_name', 'email', 'role', 'password_hash'])
      .where('display_name', 'in', ['Sari Wulandari', 'Budi Santoso'])
      .orderBy('display_name')
      .execute();
    assert.equal(people.length, 2);
    for (const person of people) {
      assert.equal(person.role, 'author');
      assert.equal(person.password_hash, null, 'no sign-in until invited');
    }
  });

  it('brings each post over with its fields, featured image and inline image', async () => {
    const harbour = await articleOf('Harbour reopens after the storm');
    const sari = await t.db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Sari Wulandari')
      .executeTakeFirstOrThrow();
    const ekonomi = await t.db
      .selectFrom('categories')
      .select('id')
      .where('slug', '=', 'ekonomi')
      .executeTakeFirstOrThrow();
    assert.equal(harbour.edition, 'id');
    assert.equal(harbour.slug, 'harbour-reopens');
    assert.equal(harbour.status, 'published');
    assert.equal(new Date(harbour.published_at!).toISOString(), '2024-05-01T02:00:00.000Z');
    assert.equal(harbour.author_id, sari.id);
    assert.equal(harbour.category_id, ekonomi.id);
    assert.equal(harbour.summary, 'Ferries run again after three days.');
    assert.equal(harbour.is_featured ? 1 : 0, 1, 'a sticky post is featured');
    assert.doesNotMatch(harbour.body_html, /wp:|<!--/);
    assert.match(harbour.body_html, /Ferries to Madura/);
    assert.equal(harbour.dateline.toLowerCase(), 'surabaya');
    // The featured image is the attachment, with its alt text and caption; the body's resized copy is the same file.
    assert.ok(harbour.featured_media_id);
    const photo = await t.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', harbour.featured_media_id)
      .executeTakeFirstOrThrow();
    assert.equal(photo.width, 640);
    assert.equal(photo.alt, 'Ships at the quay');
    assert.equal(photo.caption, 'Ships at the quay on Wednesday.');
    assert.match(harbour.body_html, new RegExp(`data-media-id="${photo.id}"`));
    assert.equal((await t.db.selectFrom('media').select('id').execute()).length, 1, 'one file, imported once');
    const tags = await t.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', harbour.id)
      .orderBy('tags.name')
      .execute();
    assert.deepEqual(
      tags.map((tag) => tag.name),
      ['Harga beras', 'Pelabuhan'],
    );

    const classic = await articleOf('Rice prices, a classic-editor post');
    assert.match(
      classic.body_html,
      /<p>Rice costs more at the market this week\.<\/p>\s*<p>Traders blame the weather\.<\/p>/,
    );
    const draft = await articleOf('A draft about the new crane');
    assert.equal(draft.status, 'draft');
    assert.equal(draft.published_at, null);
    const scheduled = await articleOf('The harbour festival opens next year');
    assert.equal(scheduled.status, 'published');
    assert.equal(new Date(scheduled.published_at!).toISOString(), '2099-01-10T01:00:00.000Z');
    assert.equal((await t.app.inject({ url: `/id/news/${scheduled.id}/${scheduled.slug}` })).statusCode, 404);
  });

  it('puts pages in the page tree under their parent', async () => {
    const pages = await t.db.selectFrom('pages').selectAll().where('edition', '=', 'id').orderBy('path').execute();
    const about = pages.find((p) => p.path === 'about')!;
    const team = pages.find((p) => p.path === 'about/team')!;
    assert.ok(about && team);
    assert.equal(team.parent_id, about.id);
    assert.equal(team.status, 'published');
    assert.doesNotMatch(about.body_html, /wp:/);
    assert.equal((await t.app.inject({ url: '/id/about/team' })).statusCode, 200);
  });

  it('answers the old permalinks with 301: pretty, ?p=, ?page_id=, category and tag archives', async () => {
    const harbour = await articleOf('Harbour reopens after the storm');
    const rice = await articleOf('Rice prices, a classic-editor post');
    const cases: [string, string][] = [
      ['/blog/2024/05/harbour-reopens/', `/id/news/${harbour.id}/harbour-reopens`],
      ['/blog/2024/05/harbour-reopens', `/id/news/${harbour.id}/harbour-reopens`],
      ['/blog/?p=12', `/id/news/${harbour.id}/harbour-reopens`],
      ['/blog/?p=13&utm_source=newsletter', `/id/news/${rice.id}/rice-prices`],
      ['/blog/about/', '/id/about'],
      ['/blog/?page_id=31', '/id/about/team'],
      ['/blog/about/team/', '/id/about/team'],
      ['/blog/category/berita/ekonomi/', '/id/category/ekonomi'],
      ['/blog/category/ekonomi/', '/id/category/ekonomi'],
      ['/blog/tag/pelabuhan/', '/id/tag/pelabuhan'],
    ];
    for (const [from, to] of cases) {
      const res = await t.app.inject({ url: from });
      assert.equal(res.statusCode, 301, from);
      assert.equal(res.headers.location, to, from);
    }
    // Drafts and scheduled posts were not out at the old site: no redirect tells their address.
    for (const from of ['/blog/?p=14', '/blog/?p=15', '/blog/2099/01/harbour-festival/']) {
      assert.equal((await t.app.inject({ url: from })).statusCode, 404, from);
    }
    const rows = await t.db.selectFrom('redirects').select(['origin', 'edition']).distinct().execute();
    assert.deepEqual(rows, [{ origin: 'wxr', edition: 'id' }]);
  });

  it('a second run changes nothing, and keeps a redirect made by hand', async () => {
    await t.db
      .updateTable('redirects')
      .set({ origin: 'manual', to_path: '/id/about' })
      .where('from_path', '=', '/blog/tag/harga-beras')
      .execute();
    const before = await tableCounts(t.db);
    const again = await run(xml);
    for (const kind of ['category', 'author', 'tag', 'article', 'attachment', 'page']) {
      const c = counts(again, kind);
      assert.equal(c.created + c.updated, 0, `${kind}: ${JSON.stringify(c)}`);
    }
    assert.deepEqual(counts(again, 'redirect'), { created: 0, updated: 0, unchanged: 12, skipped: 1 });
    assert.match(again.warnings.map((w) => w.message).join('\n'), /kept the newsroom's redirect to \/id\/about/);
    assert.deepEqual(await tableCounts(t.db), before);
  });

  it('a changed export updates what changed', async () => {
    const changed = xml.replace('Harbour reopens after the storm', 'Harbour reopens after the great storm');
    const summary = await run(changed);
    assert.equal(counts(summary, 'article').updated, 1);
    await articleOf('Harbour reopens after the great storm');
  });

  it('checks the command line before touching anything', () => {
    assert.deepEqual(checkArguments([], {}), ['give exactly one export FILE', '--edition is required']);
    assert.deepEqual(checkArguments(['/no/such/file.xml'], { edition: 'id', 'media-dir': '/no/such/dir' }), [
      '/no/such/file.xml is not a file',
      '--media-dir /no/such/dir is not a folder',
    ]);
    assert.deepEqual(checkArguments([FIXTURE_FILE.pathname], { edition: 'id\u0000' }), [
      'an argument holds a NUL byte or text that is not UTF-8',
    ]);
    assert.deepEqual(checkArguments([FIXTURE_FILE.pathname], { edition: 'id', 'media-dir': mediaDir }), []);
  });
});
