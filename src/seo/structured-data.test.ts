// What machines read from reader pages: JSON-LD (parsed and checked field by field), Open Graph
// and Twitter card tags, and the raster publisher logo they point to.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makeImage, makePage } from '../../test/helpers/factories.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { ArticleRow, CategoryRow, PageRow } from '../core/db/schema.ts';

let t: TestApp;
const NOW = new Date(Date.UTC(2024, 5, 15, 17, 0, 0));
const base = 'https://warta.test';
let national: CategoryRow;
let story: ArticleRow;
let wire: ArticleRow;
let history: PageRow;
let storyUrl: string;

before(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  national = await makeCategory(t.db, { name: 'National', slug: 'national' });
  const author = await makeAuthor(t.db, { name: 'Dewi Lestari', slug: 'dewi-lestari' });
  const image = await makeImage(t.db, t.testDb.dataDir, 1200, 675);
  story = await makeArticle(t.db, {
    title: 'Flood pumps pass their test </script><script>alert(1)</script>',
    summary: 'Engineers ran the pumps for six hours.',
    dateline: 'Jakarta',
    category_id: national.id,
    author_id: author.id,
    featured_media_id: image.id,
    image_alt: 'Pumps in a concrete channel',
    image_caption: 'The new pumps at Pluit.',
    image_credit: 'Warta Photo',
    // 16 June 2024 00:00 in Jakarta, edited an hour later.
    published_at: '2024-06-15T17:00:00.000Z',
    updated_at: '2024-06-15T18:00:00.000Z',
    tags: ['flooding', 'Jakarta'],
  });
  storyUrl = `${base}/en/news/${story.id}/${story.slug}`;
  wire = await makeArticle(t.db, {
    title: 'Budget passes',
    byline: 'Nusantara Wire',
    category_id: national.id,
    published_at: toDbTime(new Date(NOW.getTime() - 3600_000)),
  });
  const profile = await makePage(t.db, { title: 'Company Profile', slug: 'company-profile' });
  history = await makePage(t.db, { title: 'History', slug: 'history', parent: profile, summary: 'Since 1945.' });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** Loads a page and returns its JSON-LD objects and a DOM to query. */
async function load(path: string): Promise<{ jsonLd: any[]; doc: Document; html: string }> {
  const res = await get(path);
  assert.equal(res.statusCode, 200, path);
  const doc = new JSDOM(res.body).window.document;
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
  return { jsonLd, doc, html: res.body };
}

const byType = (jsonLd: any[], type: string) => {
  const found = jsonLd.filter((o) => o['@type'] === type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0];
};

function meta(doc: Document, key: string): string[] {
  return [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
    m.getAttribute('content')!,
  );
}

describe('article page', () => {
  it('has a NewsArticle with every field Google reads', async () => {
    const { jsonLd } = await load(`/en/news/${story.id}/${story.slug}`);
    const a = byType(jsonLd, 'NewsArticle');
    assert.equal(a['@context'], 'https://schema.org');
    assert.equal(a.headline, story.title, 'the title survives intact, markup and all');
    assert.equal(a.description, 'Engineers ran the pumps for six hours.');
    assert.equal(a.url, storyUrl);
    assert.deepEqual(a.mainEntityOfPage, { '@type': 'WebPage', '@id': storyUrl });
    assert.equal(a.datePublished, '2024-06-16T00:00:00+07:00', 'in station time, with its offset');
    assert.equal(a.dateModified, '2024-06-16T01:00:00+07:00');
    assert.deepEqual(a.author, [{ '@type': 'Person', name: 'Dewi Lestari', url: `${base}/en/author/dewi-lestari` }]);
    assert.equal(a.image.length, 1);
    const image = a.image[0];
    assert.equal(image['@type'], 'ImageObject');
    assert.match(image.url, /^https:\/\/warta\.test\/media\/.+-1200\.jpg$/);
    assert.equal(image.caption, 'The new pumps at Pluit.');
    const file = await get(new URL(image.url).pathname);
    assert.equal(file.statusCode, 200);
    const size = await sharp(file.rawPayload).metadata();
    assert.deepEqual([image.width, image.height], [size.width, size.height], 'width and height are the file’s');
    assert.equal(a.publisher['@type'], 'NewsMediaOrganization');
    assert.equal(a.publisher.name, 'Voice of Warta');
    assert.equal(a.publisher.url, `${base}/en`);
    assert.equal(a.publisher.logo['@type'], 'ImageObject');
    assert.match(a.publisher.logo.url, /^https:\/\/warta\.test\/publisher-logo\.[0-9a-f]{10}\.png$/);
    assert.equal(a.inLanguage, 'en-GB');
    assert.equal(a.isAccessibleForFree, true);
    assert.equal(a.articleSection, 'National');
    // Tag order follows the engine's collation; the set is what matters.
    assert.deepEqual([...a.keywords].sort(), ['Jakarta', 'flooding']);
    assert.equal(a.dateline, 'Jakarta');
  });

  it('links a raster publisher logo of the stated size, cached for a year', async () => {
    const { jsonLd } = await load(`/en/news/${story.id}/${story.slug}`);
    const logo = byType(jsonLd, 'NewsArticle').publisher.logo;
    const res = await get(new URL(logo.url).pathname);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    const png = await sharp(res.rawPayload).metadata();
    assert.deepEqual([png.format, png.width, png.height], ['png', logo.width, logo.height]);
    assert.ok(logo.width >= 112, 'Google asks for at least 112 px');
  });

  it('has a BreadcrumbList ending at the story', async () => {
    const { jsonLd } = await load(`/en/news/${story.id}/${story.slug}`);
    const crumbs = byType(jsonLd, 'BreadcrumbList');
    assert.deepEqual(crumbs.itemListElement, [
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${base}/en` },
      { '@type': 'ListItem', position: 2, name: 'National', item: `${base}/en/category/national` },
      { '@type': 'ListItem', position: 3, name: story.title, item: storyUrl },
    ]);
  });

  it('cannot be broken out of: text that closes a script stays inside the JSON', async () => {
    const { doc, jsonLd, html } = await load(`/en/news/${story.id}/${story.slug}`);
    assert.equal(jsonLd.length, 2, 'both JSON-LD blocks parse');
    const inline = [...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
    assert.ok(
      inline.every((s) => s.hasAttribute('src') && s.textContent === ''),
      'no script was injected',
    );
    assert.match(html, /"headline":"Flood pumps pass their test \\u003c\/script>/);
  });

  it('names a free-text byline as an Organization', async () => {
    const { jsonLd, doc } = await load(`/en/news/${wire.id}/${wire.slug}`);
    const a = byType(jsonLd, 'NewsArticle');
    assert.deepEqual(a.author, [{ '@type': 'Organization', name: 'Nusantara Wire' }]);
    assert.equal(a.image, undefined, 'no picture, no image');
    assert.deepEqual(meta(doc, 'article:author'), []);
    assert.deepEqual(meta(doc, 'twitter:card'), ['summary']);
  });

  it('has Open Graph and Twitter card tags, with the picture’s size and alt text', async () => {
    const { doc } = await load(`/en/news/${story.id}/${story.slug}`);
    const one = (key: string) => {
      const values = meta(doc, key);
      assert.equal(values.length, 1, key);
      return values[0];
    };
    assert.equal(one('og:type'), 'article');
    assert.equal(one('og:title'), story.title);
    assert.equal(one('og:description'), 'Engineers ran the pumps for six hours.');
    assert.equal(one('og:url'), storyUrl);
    assert.equal(one('og:site_name'), 'Voice of Warta');
    assert.equal(one('og:locale'), 'en_GB');
    assert.match(one('og:image')!, /^https:\/\/warta\.test\/media\/.+-1200\.jpg$/);
    assert.equal(one('og:image:type'), 'image/jpeg');
    assert.equal(one('og:image:width'), '1200');
    assert.equal(one('og:image:height'), '675');
    assert.equal(one('og:image:alt'), 'Pumps in a concrete channel');
    assert.equal(one('article:published_time'), '2024-06-16T00:00:00+07:00');
    assert.equal(one('article:modified_time'), '2024-06-16T01:00:00+07:00');
    assert.equal(one('article:section'), 'National');
    assert.equal(one('article:author'), `${base}/en/author/dewi-lestari`);
    assert.deepEqual(meta(doc, 'article:tag').sort(), ['Jakarta', 'flooding']);
    assert.equal(one('twitter:card'), 'summary_large_image');
    assert.equal(one('twitter:title'), story.title);
    assert.equal(one('twitter:image'), one('og:image'));
    assert.equal(one('twitter:image:alt'), 'Pumps in a concrete channel');
  });

  it('gives an Arabic story the right locale and language', async () => {
    const cat = await makeCategory(t.db, { edition: 'ar', name: 'محلي', slug: 'local' });
    const ar = await makeArticle(t.db, {
      edition: 'ar',
      title: 'خبر',
      category_id: cat.id,
      published_at: toDbTime(NOW),
    });
    const { jsonLd, doc } = await load(`/ar/news/${ar.id}/${encodeURIComponent(ar.slug)}`);
    assert.equal(byType(jsonLd, 'NewsArticle').inLanguage, 'ar');
    assert.deepEqual(meta(doc, 'og:locale'), ['ar_EG']);
  });
});

describe('home page', () => {
  it('has a WebSite with a search action and the NewsMediaOrganization', async () => {
    const { jsonLd, doc } = await load('/en');
    const site = byType(jsonLd, 'WebSite');
    assert.equal(site.name, 'Voice of Warta');
    assert.equal(site.url, `${base}/en`);
    assert.equal(site.inLanguage, 'en-GB');
    assert.deepEqual(site.potentialAction, {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${base}/en/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
    const org = byType(jsonLd, 'NewsMediaOrganization');
    assert.equal(org['@context'], 'https://schema.org');
    assert.equal(org.name, 'Voice of Warta');
    assert.equal(site.publisher['@id'], org['@id']);
    assert.match(org.logo.url, /\/publisher-logo\.[0-9a-f]{10}\.png$/);
    assert.deepEqual(meta(doc, 'og:type'), ['website']);
  });
});

describe('section page', () => {
  it('is a CollectionPage with breadcrumbs', async () => {
    const { jsonLd } = await load('/en/category/national');
    const page = byType(jsonLd, 'CollectionPage');
    assert.equal(page.url, `${base}/en/category/national`);
    assert.equal(page.name, 'National');
    assert.equal(page.inLanguage, 'en-GB');
    const crumbs = byType(jsonLd, 'BreadcrumbList');
    assert.equal(page.breadcrumb['@id'], crumbs['@id']);
    assert.deepEqual(
      crumbs.itemListElement.map((i: any) => [i.position, i.name, i.item]),
      [
        [1, 'Home', `${base}/en`],
        [2, 'National', `${base}/en/category/national`],
      ],
    );
  });
});

describe('static page', () => {
  it('is a WebPage with its last change and breadcrumbs', async () => {
    const { jsonLd } = await load(`/en/${history.path}`);
    const page = byType(jsonLd, 'WebPage');
    assert.equal(page.url, `${base}/en/company-profile/history`);
    assert.equal(page.name, 'History');
    assert.equal(page.description, 'Since 1945.');
    assert.ok(!Number.isNaN(Date.parse(page.dateModified)));
    assert.deepEqual(
      byType(jsonLd, 'BreadcrumbList').itemListElement.map((i: any) => i.item),
      [`${base}/en`, `${base}/en/company-profile`, `${base}/en/company-profile/history`],
    );
  });
});
