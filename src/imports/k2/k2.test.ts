// The K2 importer against a real MariaDB server and real image files: two Joomla installs (an
// English and an Indonesian one, with the same ids) of our own fixture content, imported into
// two editions; dry run, re-runs, edits at both ends, a run stopped midway, and the imported
// totals as readers see them.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deleteArticle, updateArticle } from '../../articles/index.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { isoInZone } from '../../i18n/index.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { runImport, type ImportSummary } from '../index.ts';
import { openK2Source, type K2Source } from './reader.ts';
import {
  createK2Database,
  createK2Schema,
  insertK2Site,
  k2Files,
  makeJoomlaFolder,
  makeJpeg,
  type FixtureSite,
  type K2Database,
} from './test-fixtures.ts';

const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
const ZONE = 'Asia/Jakarta';
const BASE_URL = 'https://old.example/english';

const probe = await createK2Database();
if ('unreachable' in probe && IS_CI)
  throw new Error(`MariaDB at 127.0.0.1:3306 is required under CI: ${probe.unreachable}`);
const skip =
  'unreachable' in probe
    ? `K2 import tests skipped: MariaDB at 127.0.0.1:3306 is unreachable (${probe.unreachable})`
    : false;
if (skip) console.log(skip);

const ENGLISH: FixtureSite = {
  users: [
    {
      id: 42,
      name: 'Rina Hartono',
      username: 'rina',
      email: 'rina@example.test',
      bio: '<p>Rina covers transport &amp; the coast.</p>',
    },
    { id: 43, name: 'Budi Santoso', username: 'budi', email: 'budi@example.test' },
  ],
  categories: [
    { id: 1, name: 'News', alias: 'news', parent: 0 },
    { id: 2, name: 'Regional', alias: 'regional', parent: 1, description: 'Stories from the provinces.' },
    { id: 3, name: 'Sport', alias: 'sport', parent: 0 },
    { id: 4, name: 'Old Stuff', alias: 'old-stuff', parent: 0, trash: 1 },
  ],
  tags: [
    { id: 1, name: 'Flood' },
    { id: 2, name: 'Transport' },
    { id: 3, name: 'Harbour' },
    { id: 4, name: 'Hidden', published: 0 },
  ],
  items: [
    {
      id: 1,
      title: 'Ferry service resumes after storm',
      alias: 'ferry-service-resumes',
      catid: 2,
      featured: 1,
      introtext: '<p>JAKARTA: The morning ferry to the islands left on time on Tuesday, the first since the storm.</p>',
      fulltext: '<p>Operators said bookings were back to normal. /Antara/VOI</p>',
      created: '2024-03-04 23:30:00',
      created_by: 42,
      publish_up: '2024-03-04 23:45:00',
      image_caption: 'The ferry at the pier',
      image_credits: 'Photo: R. Hartono',
      hits: 1200,
      metadesc: 'The first ferry since the storm.',
    },
    {
      id: 2,
      title: 'Rail line reopens between two towns',
      alias: 'rail-line-reopens',
      catid: 1,
      introtext:
        '<p>Bandung (VOI) - Trains ran again on the mountain line on Wednesday.</p><p><img src="images/news/rail.jpg" alt="A train on the bridge"></p>',
      fulltext: `<p><img src="/english/media/k2/items/cache/${k2Files.original(1).slice(19, 51)}_M.jpg" alt="The ferry"> The ferry was busy too.</p><p>Passengers were pleased. (ant)</p>`,
      created: '2024-03-06 02:00:00',
      created_by: 43,
      hits: 300,
    },
    {
      id: 3,
      title: 'Harbour festival planned',
      alias: 'harbour-festival',
      catid: 1,
      introtext: '<p>The city will hold a harbour festival with boat races.</p>',
      fulltext: '<p>Source: Harbour Authority</p>',
      created: '2024-03-07 03:00:00',
      created_by: 42,
      publish_up: '2099-05-01 06:00:00',
    },
    {
      id: 4,
      title: 'Notes on the city budget',
      alias: 'city-budget-notes',
      catid: 1,
      published: 0,
      introtext: '<p>Figures to check before this runs.</p>',
      created: '2024-03-08 03:00:00',
      created_by: 42,
    },
    {
      id: 5,
      title: 'A story nobody wanted',
      alias: 'unwanted',
      catid: 1,
      trash: 1,
      introtext: '<p>Thrown away.</p>',
      created: '2024-03-08 04:00:00',
      created_by: 42,
    },
    {
      id: 6,
      title: 'Market prices steady',
      alias: 'market-prices-steady',
      catid: 1,
      introtext: '<p>Rice and sugar cost the same as last week.</p>',
      created: '2024-03-09 01:00:00',
      created_by: 99,
      created_by_alias: 'Guest Writer',
      publish_down: '2030-01-01 00:00:00',
      hits: 50,
    },
    {
      id: 7,
      title: 'Weather warning lifted',
      alias: 'weather-warning-lifted',
      catid: 2,
      introtext: '<p>MEDAN - Forecasters lifted the warning\u0000 on Friday.</p>',
      created: '2024-03-10 01:00:00',
      created_by: 98,
    },
    {
      id: 8,
      title: 'Archive piece',
      alias: 'archive-piece',
      catid: 4,
      introtext: '<p>From a section that was thrown away.</p>',
      created: '2024-03-11 01:00:00',
      created_by: 43,
    },
  ],
  itemTags: { 1: [1, 2], 2: [2], 3: [3, 1], 4: [4] },
  ratings: [{ itemID: 1, rating_sum: 18, rating_count: 4 }],
};

const INDONESIAN: FixtureSite = {
  users: [{ id: 42, name: 'Siti Aminah', username: 'siti', email: 'siti@example.test' }],
  categories: [
    { id: 1, name: 'Berita', alias: 'berita', parent: 0 },
    { id: 2, name: 'Daerah', alias: 'daerah', parent: 1 },
  ],
  tags: [
    { id: 1, name: 'Banjir' },
    { id: 2, name: 'Transportasi' },
  ],
  items: [
    {
      id: 1,
      title: 'Banjir surut di Medan',
      alias: 'banjir-surut',
      catid: 2,
      introtext: '<p>MEDAN - Air mulai surut di tiga kecamatan pada Senin.</p>',
      fulltext: '<p>Warga kembali ke rumah. (ant)</p>',
      created: '2024-04-01 01:00:00',
      created_by: 42,
      hits: 75,
    },
    {
      id: 2,
      title: 'Kereta kembali beroperasi',
      alias: 'kereta-beroperasi',
      catid: 1,
      introtext: '<p>Jakarta, 2/4 (ANTARA) - Kereta kembali berjalan pada Selasa.</p>',
      created: '2024-04-02 01:00:00',
      created_by: 42,
    },
  ],
  itemTags: { 1: [1], 2: [1, 2] },
  ratings: [{ itemID: 1, rating_sum: 8, rating_count: 2 }],
};

describe('warta import k2', { skip }, () => {
  let t: TestApp;
  let k2: K2Database;
  let english: Awaited<ReturnType<typeof makeJoomlaFolder>>;
  let indonesian: Awaited<ReturnType<typeof makeJoomlaFolder>>;
  let w: WriteContext;

  before(async () => {
    k2 = probe as K2Database;
    t = await createTestApp();
    w = t.app.ctx.writer;
    await createK2Schema(k2.connection, 'jen_');
    await createK2Schema(k2.connection, 'jid_');
    await insertK2Site(k2.connection, 'jen_', ENGLISH);
    await insertK2Site(k2.connection, 'jid_', INDONESIAN);
    english = await makeJoomlaFolder();
    await english.put(k2Files.original(1), await makeJpeg(64, 48, [200, 40, 40]));
    await english.put(k2Files.cached(1, 'M'), await makeJpeg(32, 24, [200, 40, 40]));
    await english.put('images/news/rail.jpg', await makeJpeg(100, 50, [40, 160, 40]));
    // Item 3's original is gone: only cached copies, the XL one the best.
    await english.put(k2Files.cached(3, 'XL'), await makeJpeg(80, 60, [40, 40, 200]));
    await english.put(k2Files.cached(3, 'S'), await makeJpeg(16, 12, [40, 40, 200]));
    indonesian = await makeJoomlaFolder();
    // The same file name as the English item 1 (same id), another picture.
    await indonesian.put(k2Files.original(1), await makeJpeg(48, 48, [20, 20, 120]));
  });
  after(async () => {
    await t?.close();
    await k2?.drop();
    await english?.remove();
    await indonesian?.remove();
  });

  async function importSite(
    edition: string,
    prefix: string,
    root: string,
    extra: { isDryRun?: boolean; afterItem?: (done: number) => void } = {},
  ): Promise<ImportSummary> {
    const source: K2Source = await openK2Source({
      databaseUrl: k2.url,
      prefix,
      mediaRoot: root,
      baseUrl: prefix === 'jen_' ? BASE_URL : '',
      basePath: prefix === 'jen_' ? '/english' : '',
    });
    try {
      return await runImport(w, source, {
        edition,
        dataDir: t.config.dataDir,
        timezone: ZONE,
        ...(prefix === 'jen_' ? { baseUrl: BASE_URL } : {}),
        ...extra,
      });
    } finally {
      await source.close();
    }
  }

  /** Rows per table, and the media files on disk: what a dry run must leave as it was. */
  async function snapshot(): Promise<Record<string, number | string>> {
    const tables = [
      'articles',
      'categories',
      'tags',
      'article_tags',
      'users',
      'user_editions',
      'media',
      'import_links',
      'legacy_sites',
      'article_reads_daily',
      'outbox_events',
    ] as const;
    const counts: Record<string, number | string> = {};
    for (const table of tables) {
      const row = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    const files = await fs.readdir(path.join(t.config.dataDir, 'media')).catch(() => []);
    counts.mediaFiles = files.sort().join(',');
    return counts;
  }

  async function articleOf(edition: string, sourceId: string) {
    const link = await t.db
      .selectFrom('import_links')
      .select('target_id')
      .where('edition', '=', edition)
      .where('system', '=', 'k2')
      .where('kind', '=', 'item')
      .where('source_id', '=', sourceId)
      .executeTakeFirstOrThrow();
    return t.db.selectFrom('articles').selectAll().where('id', '=', link.target_id).executeTakeFirstOrThrow();
  }

  async function tagsOf(articleId: number): Promise<string[]> {
    const rows = await t.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', articleId)
      .orderBy('tags.name')
      .execute();
    return rows.map((r) => r.name);
  }

  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

  it('changes nothing on a dry run, and says what a run would do', async () => {
    const before = await snapshot();
    const summary = await importSite('en', 'jen_', english.root, { isDryRun: true });
    assert.deepEqual(await snapshot(), before);
    assert.equal(summary.isDryRun, true);
    assert.deepEqual(summary.counts.article, { created: 7, updated: 0, unchanged: 0, skipped: 1 });
    assert.deepEqual(summary.counts.category, { created: 4, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.author, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.tag, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.image, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
  });

  let firstRun: ImportSummary;

  it('imports an install: counts per kind, skipped items and warnings with source ids', async () => {
    const summary = (firstRun = await importSite('en', 'jen_', english.root));
    assert.equal(summary.isDryRun, false);
    assert.deepEqual(summary.counts.article, { created: 7, updated: 0, unchanged: 0, skipped: 1 });
    assert.deepEqual(summary.counts.category, { created: 4, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.author, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.tag, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.image, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.skipped, [{ sourceId: '5', reason: 'trashed in K2' }]);
    const warnings = summary.warnings.map((x) => `${x.sourceId}: ${x.message}`);
    assert.ok(
      warnings.some((x) => x.startsWith('item 6: its author 99 is gone')),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((x) => x.startsWith('item 8: its category 4 is not imported')),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.includes('item 7: its author 98 is gone at the source: credited to the Editorial team'),
      warnings.join('\n'),
    );
    assert.equal(warnings.length, 3, warnings.join('\n'));
    const legacy = await t.db.selectFrom('legacy_sites').selectAll().execute();
    assert.deepEqual(
      legacy.map((l) => [l.edition, l.system, l.base_url, l.base_path]),
      [['en', 'k2', BASE_URL, '/english']],
    );
  });

  it('makes the category tree, and authors who cannot sign in', async () => {
    const sections = await t.db.selectFrom('categories').selectAll().where('edition', '=', 'en').execute();
    const bySlug = new Map(sections.map((s) => [s.slug, s]));
    assert.equal(bySlug.get('regional')?.parent_id, bySlug.get('news')?.id);
    assert.equal(bySlug.get('regional')?.description, 'Stories from the provinces.');
    assert.equal(bySlug.get('sport')?.parent_id, null);
    assert.ok(bySlug.has('imported'), 'the section for stories whose category is gone');
    assert.ok(!bySlug.has('old-stuff'), 'a trashed category is not imported');
    const rina = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'rina@example.test')
      .executeTakeFirstOrThrow();
    assert.equal(rina.display_name, 'Rina Hartono');
    assert.equal(rina.role, 'author');
    assert.equal(rina.password_hash, null);
    assert.equal(rina.bio, 'Rina covers transport & the coast.');
    const editions = await t.db.selectFrom('user_editions').select('edition').where('user_id', '=', rina.id).execute();
    assert.deepEqual(editions, [{ edition: 'en' }]);
  });

  it('imports every field of a story, with its dateline and source moved out of the body', async () => {
    const a = await articleOf('en', '1');
    const regional = await t.db
      .selectFrom('categories')
      .select('id')
      .where('edition', '=', 'en')
      .where('slug', '=', 'regional')
      .executeTakeFirstOrThrow();
    const rina = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'rina@example.test')
      .executeTakeFirstOrThrow();
    assert.equal(a.edition, 'en');
    assert.equal(a.title, 'Ferry service resumes after storm');
    assert.equal(a.slug, 'ferry-service-resumes');
    assert.equal(a.category_id, regional.id);
    assert.equal(a.author_id, rina.id);
    assert.equal(a.byline, null);
    assert.equal(a.status, 'published');
    assert.equal(iso(a.published_at), '2024-03-04T23:45:00.000Z');
    assert.equal(iso(a.created_at), '2024-03-04T23:30:00.000Z');
    assert.equal(Boolean(a.is_featured), true);
    assert.equal(a.summary, 'The first ferry since the storm.');
    assert.equal(a.dateline, 'Jakarta');
    assert.equal(a.source, 'Antara/VOI');
    assert.equal(
      a.body_html,
      '<p>The morning ferry to the islands left on time on Tuesday, the first since the storm.</p>\n<p>Operators said bookings were back to normal.</p>',
    );
    assert.equal(a.image_caption, 'The ferry at the pier');
    assert.equal(a.image_credit, 'Photo: R. Hartono');
    assert.deepEqual(await tagsOf(a.id), ['Flood', 'Transport']);
    const photo = await t.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', a.featured_media_id!)
      .executeTakeFirstOrThrow();
    assert.deepEqual([photo.width, photo.height], [64, 48]);
  });

  it('reports every dateline and source it moved', async () => {
    assert.deepEqual(
      firstRun.moved.map((m) => `${m.sourceId} ${m.field}: ${m.text}`),
      [
        '1 dateline: Jakarta',
        '1 source: Antara/VOI',
        '2 dateline: Bandung',
        '2 source: ant',
        '3 source: Harbour Authority',
        '7 dateline: Medan',
      ],
    );
    // A dry run after the import: nothing to do, so nothing reported as moved.
    const again = await importSite('en', 'jen_', english.root, { isDryRun: true });
    assert.deepEqual(again.moved, []);
    const first = await t.db
      .selectFrom('articles')
      .select(['dateline', 'source', 'title'])
      .where('edition', '=', 'en')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      first.map((a) => [a.title, a.dateline, a.source]),
      [
        ['Ferry service resumes after storm', 'Jakarta', 'Antara/VOI'],
        ['Rail line reopens between two towns', 'Bandung', 'ant'],
        ['Harbour festival planned', '', 'Harbour Authority'],
        ['Notes on the city budget', '', ''],
        ['Market prices steady', '', ''],
        ['Weather warning lifted', 'Medan', ''],
        ['Archive piece', '', ''],
      ],
    );
  });

  it('keeps statuses and dates: scheduled, draft, an end date', async () => {
    const scheduled = await articleOf('en', '3');
    assert.equal(scheduled.status, 'published');
    assert.equal(iso(scheduled.published_at), '2099-05-01T06:00:00.000Z');
    assert.equal(scheduled.body_html, '<p>The city will hold a harbour festival with boat races.</p>');
    const draft = await articleOf('en', '4');
    assert.equal(draft.status, 'draft');
    assert.deepEqual(await tagsOf(draft.id), [], 'an unpublished K2 tag is not imported');
    const ending = await articleOf('en', '6');
    assert.equal(iso(ending.unpublish_at), '2030-01-01T00:00:00.000Z');
    const trashed = await t.db
      .selectFrom('import_links')
      .select('target_id')
      .where('kind', '=', 'item')
      .where('source_id', '=', '5')
      .execute();
    assert.deepEqual(trashed, []);
  });

  it('keeps the byline of a story whose author is gone, else credits the Editorial team', async () => {
    const withAlias = await articleOf('en', '6');
    assert.equal(withAlias.author_id, null);
    assert.equal(withAlias.byline, 'Guest Writer');
    const without = await articleOf('en', '7');
    assert.equal(without.body_html, '<p>Forecasters lifted the warning on Friday.</p>', 'a NUL in K2 text is dropped');
    const team = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', without.author_id!)
      .executeTakeFirstOrThrow();
    assert.equal(team.display_name, 'Editorial team');
    assert.equal(team.password_hash, null);
    const archive = await articleOf('en', '8');
    const section = await t.db
      .selectFrom('categories')
      .select('slug')
      .where('id', '=', archive.category_id)
      .executeTakeFirstOrThrow();
    assert.equal(section.slug, 'imported');
  });

  it('chooses the best image file and points inline images at the imported media', async () => {
    const festival = await articleOf('en', '3');
    const xl = await t.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', festival.featured_media_id!)
      .executeTakeFirstOrThrow();
    assert.deepEqual([xl.width, xl.height], [80, 60], 'the _XL copy, not the _S one');
    const rail = await articleOf('en', '2');
    assert.equal(rail.featured_media_id, null, 'an item with no image file has no photo');
    const images = [
      ...rail.body_html.matchAll(
        /<img src="\/media\/([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)" data-media-id="(\d+)">/g,
      ),
    ];
    assert.equal(images.length, 2, rail.body_html);
    const ferry = await articleOf('en', '1');
    const inline = await t.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', Number(images[0]![5]))
      .executeTakeFirstOrThrow();
    assert.deepEqual([images[0]![2], inline.width, inline.height], ['A train on the bridge', 100, 50]);
    assert.equal(
      Number(images[1]![5]),
      ferry.featured_media_id,
      "K2's cached copy of item 1's image is item 1's photo",
    );
    assert.equal(
      rail.body_html,
      `<p>Trains ran again on the mountain line on Wednesday.</p><p>${images[0]![0]}</p>\n<p>${images[1]![0]} The ferry was busy too.</p><p>Passengers were pleased.</p>`,
    );
    const links = await t.db
      .selectFrom('import_links')
      .select(['source_id', 'target_id'])
      .where('edition', '=', 'en')
      .where('kind', '=', 'image')
      .orderBy('source_id')
      .execute();
    assert.deepEqual(
      links.map((l) => l.source_id),
      ['images/news/rail.jpg', k2Files.original(1), k2Files.original(3)].sort(),
    );
  });

  it('links tags by their lower-case name and by id, shared by the stories that carry them', async () => {
    const links = await t.db
      .selectFrom('import_links')
      .innerJoin('tags', 'tags.id', 'import_links.target_id')
      .select(['import_links.kind', 'import_links.source_id', 'tags.name'])
      .where('import_links.edition', '=', 'en')
      .where('import_links.kind', 'in', ['tag', 'tag-id'])
      .orderBy('import_links.kind')
      .orderBy('import_links.source_id')
      .execute();
    assert.deepEqual(
      links.map((l) => `${l.kind}:${l.source_id}=${l.name}`),
      [
        'tag:flood=Flood',
        'tag:harbour=Harbour',
        'tag:transport=Transport',
        'tag-id:1=Flood',
        'tag-id:2=Transport',
        'tag-id:3=Harbour',
      ],
    );
    const tags = await t.db.selectFrom('tags').select('name').where('edition', '=', 'en').orderBy('name').execute();
    assert.deepEqual(
      tags.map((x) => x.name),
      ['Flood', 'Harbour', 'Transport'],
    );
  });

  it("adds K2's hits to the read count as a daily row, so the count stays the sum of its days", async () => {
    const a = await articleOf('en', '1');
    assert.equal(Number(a.hit_count), 1200);
    const days = await t.db
      .selectFrom('article_reads_daily')
      .select(['day', 'reads'])
      .where('article_id', '=', a.id)
      .execute();
    // Published 23:45 UTC on the 4th: the 5th in Jakarta.
    assert.deepEqual(days, [{ day: isoInZone(new Date('2024-03-04T23:45:00Z'), ZONE).slice(0, 10), reads: 1200 }]);
    assert.equal(days[0]!.day, '2024-03-05');
    assert.equal(a.baseline_rating_sum, 18);
    assert.equal(a.baseline_rating_count, 4);
    assert.deepEqual([a.rating_sum, a.rating_count], [0, 0], 'the vote totals stay those of the vote rows');
  });

  it('imports a second install into another edition, with the same ids kept apart', async () => {
    const summary = await importSite('id', 'jid_', indonesian.root);
    assert.deepEqual(summary.counts.article, { created: 2, updated: 0, unchanged: 0, skipped: 0 });
    assert.deepEqual(summary.counts.author, { created: 1, updated: 0, unchanged: 0, skipped: 0 });
    const en = await articleOf('en', '1');
    const id = await articleOf('id', '1');
    assert.notEqual(en.id, id.id);
    assert.equal(id.edition, 'id');
    assert.equal(id.title, 'Banjir surut di Medan');
    assert.equal(id.dateline, 'Medan');
    assert.equal(id.source, 'ant');
    assert.notEqual(id.featured_media_id, en.featured_media_id);
    const photo = await t.db
      .selectFrom('media')
      .select(['width', 'height'])
      .where('id', '=', id.featured_media_id!)
      .executeTakeFirstOrThrow();
    assert.deepEqual([photo.width, photo.height], [48, 48]);
    const siti = await t.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', id.author_id!)
      .executeTakeFirstOrThrow();
    assert.equal(
      siti.display_name,
      'Siti Aminah',
      'user 42 of the Indonesian install is not user 42 of the English one',
    );
    const train = await articleOf('id', '2');
    assert.equal(train.dateline, 'Jakarta');
    assert.equal(train.source, 'ANTARA');
    assert.deepEqual(await tagsOf(train.id), ['Banjir', 'Transportasi']);
  });

  it('changes nothing when run again on an unchanged install', async () => {
    const before = await snapshot();
    const summary = await importSite('en', 'jen_', english.root);
    const after = await snapshot();
    // Only the run itself is recorded: legacy_sites' time and its import.finished event.
    assert.deepEqual({ ...after, outbox_events: 0 }, { ...before, outbox_events: 0 });
    assert.equal(Number(after.outbox_events), Number(before.outbox_events) + 1);
    assert.deepEqual(summary.counts.article, { created: 0, updated: 0, unchanged: 7, skipped: 1 });
    assert.deepEqual(summary.counts.category, { created: 0, updated: 0, unchanged: 3, skipped: 0 });
    assert.deepEqual(summary.counts.author, { created: 0, updated: 0, unchanged: 2, skipped: 0 });
    assert.deepEqual(summary.counts.tag, { created: 0, updated: 0, unchanged: 3, skipped: 0 });
    assert.deepEqual(summary.editedInWarta, []);
  });

  it('picks up an edit made in K2, and K2 reads counted since', async () => {
    await k2.connection.query(
      `update jen_k2_items set title = 'Rail line reopens after repairs', hits = 450, modified = '2024-03-12 05:00:00' where id = 2`,
    );
    await k2.connection.query(`insert into jen_k2_rating (itemID, rating_sum, rating_count) values (2, 9, 3)`);
    await k2.connection.query(`update jen_k2_categories set name = 'Sports' where id = 3`);
    await k2.connection.query(`update jen_users set name = 'Budi S. Santoso' where id = 43`);
    const summary = await importSite('en', 'jen_', english.root);
    assert.deepEqual(summary.counts.article, { created: 0, updated: 1, unchanged: 6, skipped: 1 });
    assert.deepEqual(summary.counts.category, { created: 0, updated: 1, unchanged: 2, skipped: 0 });
    assert.deepEqual(summary.counts.author, { created: 0, updated: 1, unchanged: 1, skipped: 0 });
    const sport = await t.db
      .selectFrom('categories')
      .select('name')
      .where('edition', '=', 'en')
      .where('slug', '=', 'sport')
      .executeTakeFirstOrThrow();
    assert.equal(sport.name, 'Sports');
    const budi = await t.db
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', 'budi@example.test')
      .executeTakeFirstOrThrow();
    assert.equal(budi.display_name, 'Budi S. Santoso');
    const rail = await articleOf('en', '2');
    assert.equal(rail.title, 'Rail line reopens after repairs');
    assert.equal(rail.version, 2);
    assert.equal(Number(rail.hit_count), 450);
    const days = await t.db
      .selectFrom('article_reads_daily')
      .select(['reads'])
      .where('article_id', '=', rail.id)
      .execute();
    assert.equal(
      days.reduce((n, d) => n + d.reads, 0),
      450,
    );
    assert.deepEqual([rail.baseline_rating_sum, rail.baseline_rating_count], [9, 3]);
    const articles = await t.db.selectFrom('articles').select('id').where('edition', '=', 'en').execute();
    assert.equal(articles.length, 7, 'no duplicate');
  });

  it('does not overwrite a story edited in Warta since its import, and lists it', async () => {
    const ferry = await articleOf('en', '1');
    await updateArticle(w, ferry.id, { title: 'Ferry back on schedule' });
    await k2.connection.query(`update jen_k2_items set title = 'Ferry service resumes at last' where id = 1`);
    const summary = await importSite('en', 'jen_', english.root);
    assert.deepEqual(summary.editedInWarta, [{ sourceId: '1', articleId: ferry.id }]);
    assert.equal((await articleOf('en', '1')).title, 'Ferry back on schedule');
  });

  it('does not make again a story deleted in Warta since its import', async () => {
    const archive = await articleOf('en', '8');
    await deleteArticle(w, archive.id);
    const summary = await importSite('en', 'jen_', english.root);
    assert.ok(
      summary.warnings.some(
        (x) =>
          x.sourceId === 'item 8' &&
          x.message === `article ${archive.id} was deleted in Warta since its import; not made again`,
      ),
    );
    assert.equal(summary.counts.article?.created, 0);
    const titles = await t.db.selectFrom('articles').select('title').where('title', '=', 'Archive piece').execute();
    assert.deepEqual(titles, []);
  });

  it('leaves whole stories when a run stops midway, and the next run completes it', async () => {
    await assert.rejects(
      importSite('ar', 'jid_', indonesian.root, {
        afterItem: (done) => {
          if (done === 1) throw new Error('stopped by the test');
        },
      }),
      /stopped by the test/,
    );
    const half = await t.db.selectFrom('articles').selectAll().where('edition', '=', 'ar').execute();
    assert.equal(half.length, 1);
    const first = await articleOf('ar', '1');
    assert.equal(first.id, half[0]!.id);
    assert.deepEqual(await tagsOf(first.id), ['Banjir']);
    assert.notEqual(first.featured_media_id, null);
    const summary = await importSite('ar', 'jid_', indonesian.root);
    assert.deepEqual(summary.counts.article, { created: 1, updated: 0, unchanged: 1, skipped: 0 });
    const whole = await t.db.selectFrom('articles').select('id').where('edition', '=', 'ar').execute();
    assert.equal(whole.length, 2);
  });

  it('shows the imported rating with the votes on the article page, and a vote adds to it', async () => {
    const ferry = await articleOf('en', '1');
    const page = await t.app.inject({ url: `/en/news/${ferry.id}/${ferry.slug}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rated 4\.5 out of 5/);
    assert.match(page.body, /\(4 votes\)/);
    const vote = await t.app.inject({
      method: 'POST',
      url: `/en/news/ratings/${ferry.id}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: `warta_voter=${t.signCookie(randomBytes(16).toString('base64url'))}`,
      },
      payload: JSON.stringify({ rating: 5 }),
    });
    assert.equal(vote.statusCode, 200, vote.body);
    const answer = vote.json() as { rating: { sum: number; count: number } };
    assert.deepEqual([answer.rating.sum, answer.rating.count], [23, 5], 'the baseline and the new vote');
    const stored = await articleOf('en', '1');
    assert.deepEqual([stored.rating_sum, stored.rating_count], [5, 1], 'the vote rows alone');
    assert.deepEqual([stored.baseline_rating_sum, stored.baseline_rating_count], [18, 4]);
  });
});
