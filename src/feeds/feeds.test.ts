// RSS, Atom and JSON Feed per edition and per section: parsed with a real feed parser, checked
// for well-formed XML, and never showing drafts, scheduled stories or another edition's news.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makeImage } from '../../test/helpers/factories.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { ArticleRow, CategoryRow, MediaRow, UserRow } from '../core/db/schema.ts';

let t: TestApp;
const NOW = new Date(Date.UTC(2026, 5, 16, 3, 0, 0));
const hoursAgo = (h: number) => toDbTime(new Date(NOW.getTime() - h * 3600_000));
let politics: CategoryRow;
let elections: CategoryRow;
let author: UserRow;
let image: MediaRow;
let lead: ArticleRow;
let wire: ArticleRow;
let other: ArticleRow;

before(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  politics = await makeCategory(t.db, { name: 'Politics', slug: 'politics', description: 'Parliament and parties.' });
  elections = await makeCategory(t.db, { name: 'Elections', slug: 'elections', parent_id: politics.id });
  const sports = await makeCategory(t.db, { name: 'Sports', slug: 'sports' });
  author = await makeAuthor(t.db, { name: 'Dewi Lestari', slug: 'dewi-lestari' });
  image = await makeImage(t.db, t.testDb.dataDir, 1200, 675);
  lead = await makeArticle(t.db, {
    title: 'Voters <queue> early & "patiently" in Jakarta',
    summary: 'Polling stations opened at seven.',
    body_html: '<p>Polls opened across the city.</p><p>See <a href="/en/category/elections">our coverage</a>.</p>',
    dateline: 'Jakarta',
    source: 'Antara/VOI',
    category_id: elections.id,
    author_id: author.id,
    featured_media_id: image.id,
    image_alt: 'A queue outside a polling station',
    image_caption: 'Voters wait in line.',
    image_credit: 'Warta Photo',
    published_at: hoursAgo(2),
    updated_at: hoursAgo(1),
    tags: ['Election', 'Jakarta'],
  });
  wire = await makeArticle(t.db, {
    title: 'Parliament passes the budget',
    byline: 'Nusantara Wire',
    category_id: politics.id,
    author_id: author.id,
    published_at: hoursAgo(5),
  });
  other = await makeArticle(t.db, {
    title: 'Badminton pair reach the final',
    category_id: sports.id,
    published_at: hoursAgo(3),
  });
  await makeArticle(t.db, { title: 'Draft about the coalition', category_id: politics.id, status: 'draft' });
  await makeArticle(t.db, { title: 'Scheduled result story', category_id: elections.id, published_at: hoursAgo(-1) });
  await makeArticle(t.db, { title: 'Berita dalam bahasa Indonesia', edition: 'id', published_at: hoursAgo(1) });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const base = 'https://warta.test';
const canonical = (a: ArticleRow) => `${base}/en/news/${a.id}/${a.slug}`;

type Custom = {
  'content:encoded'?: string;
  'media:content'?: { $: Record<string, string> };
  'dc:creator'?: string[];
  links?: { $: Record<string, string> }[];
  categoryList?: { $: Record<string, string> }[];
};
const parser = new Parser<Record<string, unknown>, Custom>({
  customFields: {
    item: [
      'media:content',
      ['dc:creator', 'dc:creator', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
      ['category', 'categoryList', { keepArray: true }],
    ],
  },
});

/** The well-formedness check every XML response passes. */
function assertWellFormed(xml: string, url: string) {
  const result = XMLValidator.validate(xml);
  assert.equal(result, true, `${url} is well-formed XML: ${JSON.stringify(result)}`);
}

/** The size in bytes of the stored file behind a media URL. */
function mediaFileSize(url: string): number {
  return fs.statSync(path.join(t.testDb.dataDir, 'media', path.basename(url))).size;
}

describe('RSS 2.0', () => {
  it('lists the edition’s published stories, newest first, with every element a reader needs', async () => {
    const res = await get('/en/feed.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(String(res.headers['cache-control']), /^public, max-age=300\b/);
    assert.equal(res.headers['set-cookie'], undefined);
    assertWellFormed(res.body, '/en/feed.xml');
    const feed = await parser.parseString(res.body);
    assert.equal(feed.title, 'Voice of Warta');
    assert.equal(feed.link, `${base}/en`);
    assert.equal(feed.feedUrl, `${base}/en/feed.xml`);
    assert.equal(feed.language, 'en-gb');
    assert.deepEqual(
      feed.items.map((i) => i.title),
      [lead.title, other.title, wire.title],
      'published English stories only, newest first',
    );

    const item = feed.items[0]!;
    assert.equal(item.link, canonical(lead));
    assert.equal(item.guid, `${base}/en/news/${lead.id}`);
    assert.equal(
      new Date(item.pubDate!).toISOString(),
      new Date(hoursAgo(2)).toISOString().replace(/\.\d+Z$/, '.000Z'),
    );
    assert.equal(item.creator, 'Dewi Lestari');
    assert.equal(item.content, 'Polling stations opened at seven.', 'the summary is the description');
    const html = String(item['content:encoded']);
    assert.match(
      html,
      /^<figure><img src="https:\/\/warta\.test\/media\/[^"]+\.jpg" alt="A queue outside a polling station"/,
    );
    assert.match(html, /<figcaption>Voters wait in line\. Photo: Warta Photo<\/figcaption>/);
    assert.match(html, /<p><strong>Jakarta:<\/strong> Polls opened/, 'the dateline opens the body');
    assert.match(html, / \/Antara\/VOI<\/p>$/, 'the source closes it');
    assert.match(html, /<a href="https:\/\/warta\.test\/en\/category\/elections">/, 'links are absolute');
    assert.deepEqual(
      (item.categories as unknown as { _: string; $: { domain: string } }[]).map((c) => [c._, c.$.domain]),
      [
        ['Elections', `${base}/en/category/elections`],
        ['Election', `${base}/en/tag/election`],
        ['Jakarta', `${base}/en/tag/jakarta`],
      ],
    );
    const enclosure = item.enclosure!;
    assert.match(enclosure.url, /^https:\/\/warta\.test\/media\/.+-1200\.jpg$/);
    assert.equal(enclosure.type, 'image/jpeg');
    assert.equal(Number(enclosure.length), mediaFileSize(enclosure.url), 'the enclosure length is the file size');
    const media = item['media:content']!.$;
    assert.deepEqual(
      { url: media.url, medium: media.medium, width: media.width, height: media.height },
      { url: enclosure.url, medium: 'image', width: '1200', height: '675' },
    );
    assert.equal((await get(new URL(enclosure.url).pathname)).statusCode, 200, 'the picture is served');
  });

  it('credits a free-text byline instead of the staff author', async () => {
    const feed = await parser.parseString((await get('/en/feed.xml')).body);
    const item = feed.items.find((i) => i.title === wire.title)!;
    assert.deepEqual(item['dc:creator'], ['Nusantara Wire']);
    assert.equal(item.enclosure, undefined, 'no picture, no enclosure');
  });

  it('escapes markup characters in titles and keeps the summary as the description', async () => {
    const body = (await get('/en/feed.xml')).body;
    assert.match(body, /<description>Polling stations opened at seven\.<\/description>/);
    assert.match(body, /<title>Voters &lt;queue&gt; early &amp; &quot;patiently&quot; in Jakarta<\/title>/);
  });
});

describe('Atom', () => {
  it('has ids, links, dates, authors, categories, the summary, the full text and the picture', async () => {
    const res = await get('/en/atom.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assert.match(String(res.headers['cache-control']), /^public, max-age=300\b/);
    assertWellFormed(res.body, '/en/atom.xml');
    const feed = await parser.parseString(res.body);
    assert.equal(feed.title, 'Voice of Warta');
    assert.equal(feed.link, `${base}/en`);
    assert.equal(feed.feedUrl, `${base}/en/atom.xml`);
    assert.deepEqual(
      feed.items.map((i) => i.title),
      [lead.title, other.title, wire.title],
    );
    const entry = feed.items[0]! as Parser.Item & Custom & { id: string; author: string };
    assert.equal(entry.id, `${base}/en/news/${lead.id}`);
    assert.equal(entry.link, canonical(lead));
    assert.equal(entry.isoDate, new Date(hoursAgo(2)).toISOString());
    assert.equal(entry.author, 'Dewi Lestari');
    assert.equal(entry.summary, 'Polling stations opened at seven.');
    assert.match(entry.content ?? '', /<strong>Jakarta:<\/strong> Polls opened/);
    assert.match(
      res.body,
      new RegExp(`<updated>${new Date(hoursAgo(1)).toISOString()}</updated>`),
      'updated is the last change',
    );
    const enclosure = entry.links!.find((l) => l.$.rel === 'enclosure')!.$;
    assert.equal(enclosure.type, 'image/jpeg');
    assert.equal(Number(enclosure.length), mediaFileSize(enclosure.href!));
    assert.equal(entry['media:content']!.$.width, '1200');
    assert.deepEqual(
      entry.categoryList!.map((c) => [c.$.term, c.$.label, c.$.scheme]),
      [
        ['elections', 'Elections', `${base}/en/category/`],
        ['election', 'Election', `${base}/en/tag/`],
        ['jakarta', 'Jakarta', `${base}/en/tag/`],
      ],
    );
    const wireEntry = feed.items.find((i) => i.title === wire.title) as { author?: string };
    assert.equal(wireEntry.author, 'Nusantara Wire');
    assert.match(res.body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"[^>]*>\s*<id>/);
    assert.match(res.body, /<author>\s*<name>Voice of Warta<\/name>/, 'a feed-level author, as Atom requires');
  });
});

describe('JSON Feed', () => {
  it('is version 1.1 with items carrying id, url, title, content, summary, dates, authors, image and tags', async () => {
    const res = await get('/en/feed.json');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8');
    assert.match(String(res.headers['cache-control']), /^public, max-age=300\b/);
    const feed = JSON.parse(res.body);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, 'Voice of Warta');
    assert.equal(feed.home_page_url, `${base}/en`);
    assert.equal(feed.feed_url, `${base}/en/feed.json`);
    assert.equal(feed.language, 'en-GB');
    assert.match(feed.icon, /^https:\/\/warta\.test\/publisher-logo\.[0-9a-f]{10}\.png$/);
    assert.deepEqual(
      feed.items.map((i: { title: string }) => i.title),
      [lead.title, other.title, wire.title],
    );
    const item = feed.items[0];
    assert.equal(item.id, `${base}/en/news/${lead.id}`);
    assert.equal(item.url, canonical(lead));
    assert.equal(item.summary, 'Polling stations opened at seven.');
    assert.match(item.content_html, /<strong>Jakarta:<\/strong> Polls opened/);
    assert.equal(item.date_published, new Date(hoursAgo(2)).toISOString());
    assert.equal(item.date_modified, new Date(hoursAgo(1)).toISOString());
    assert.deepEqual(item.authors, [{ name: 'Dewi Lestari', url: `${base}/en/author/dewi-lestari` }]);
    assert.match(item.image, /^https:\/\/warta\.test\/media\/.+-1200\.jpg$/);
    assert.deepEqual(item.tags, ['Elections', 'Election', 'Jakarta']);
    const wireItem = feed.items.find((i: { title: string }) => i.title === wire.title);
    assert.deepEqual(wireItem.authors, [{ name: 'Nusantara Wire' }]);
    assert.equal(wireItem.image, undefined);
  });
});

describe('section feeds', () => {
  it('hold the section’s and its subsections’ stories, in all three formats', async () => {
    const rss = await get('/en/category/politics/feed.xml');
    assertWellFormed(rss.body, 'politics rss');
    const feed = await parser.parseString(rss.body);
    assert.equal(feed.title, 'Politics · Voice of Warta');
    assert.equal(feed.description, 'Parliament and parties.');
    assert.equal(feed.link, `${base}/en/category/politics`);
    assert.deepEqual(
      feed.items.map((i) => i.title),
      [lead.title, wire.title],
    );
    const atom = await parser.parseString((await get('/en/category/elections/atom.xml')).body);
    assert.deepEqual(
      atom.items.map((i) => i.title),
      [lead.title],
    );
    const json = JSON.parse((await get('/en/category/politics/feed.json')).body);
    assert.equal(json.feed_url, `${base}/en/category/politics/feed.json`);
    assert.equal(json.items.length, 2);
  });

  it('answer 404 for an unknown edition or section', async () => {
    for (const url of [
      '/xx/feed.xml',
      '/xx/atom.xml',
      '/xx/feed.json',
      '/en/category/no-such-section/feed.xml',
      '/en/category/no-such-section/atom.xml',
      '/en/category/no-such-section/feed.json',
      '/id/category/politics/feed.xml',
    ]) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });
});

describe('drafts and scheduled stories', () => {
  it('never appear, until a scheduled story’s minute comes', async () => {
    for (const url of ['/en/feed.xml', '/en/atom.xml', '/en/feed.json', '/en/category/politics/feed.json']) {
      const body = (await get(url)).body;
      assert.doesNotMatch(body, /Draft about the coalition/, url);
      assert.doesNotMatch(body, /Scheduled result story/, url);
      assert.doesNotMatch(body, /Berita dalam bahasa Indonesia/, url);
    }
    t.setNow(new Date(NOW.getTime() + 2 * 3600_000));
    try {
      const feed = await parser.parseString((await get('/en/category/elections/feed.xml')).body);
      assert.equal(feed.items[0]!.title, 'Scheduled result story');
    } finally {
      t.setNow(NOW);
    }
  });
});

describe('feed discovery', () => {
  it('advertises the edition’s feeds on its home page and a section’s feeds on its page', async () => {
    const home = (await get('/en')).body;
    assert.match(
      home,
      /<link rel="alternate" href="https:\/\/warta\.test\/en\/feed\.xml" type="application\/rss\+xml" title="Voice of Warta \(RSS\)"\/>/,
    );
    assert.match(
      home,
      /<link rel="alternate" href="https:\/\/warta\.test\/en\/atom\.xml" type="application\/atom\+xml"/,
    );
    assert.match(
      home,
      /<link rel="alternate" href="https:\/\/warta\.test\/en\/feed\.json" type="application\/feed\+json"/,
    );
    const section = (await get('/en/category/politics')).body;
    assert.match(
      section,
      /<link rel="alternate" href="https:\/\/warta\.test\/en\/category\/politics\/feed\.xml" type="application\/rss\+xml" title="Politics · Voice of Warta \(RSS\)"\/>/,
    );
    for (const link of section.matchAll(
      /<link rel="alternate" href="https:\/\/warta\.test(\/[^"]+)" type="application/g,
    )) {
      assert.equal((await get(link[1]!)).statusCode, 200, link[1]);
    }
  });
});

describe('an empty edition', () => {
  it('still has valid feeds', async () => {
    for (const url of ['/ar/feed.xml', '/ar/atom.xml']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200);
      assertWellFormed(res.body, url);
      assert.equal((await parser.parseString(res.body)).items.length, 0);
    }
    assert.deepEqual(JSON.parse((await get('/ar/feed.json')).body).items, []);
  });
});
