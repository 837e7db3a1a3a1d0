// oEmbed for story URLs: the card for a published story, a link when there is no room, 404 for
// anything that is not a published story of this site, 501 for XML; and the story page's discovery tag.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeImage } from '../../test/helpers/factories.ts';

let t: TestApp;
let story: { id: number; slug: string };
let plain: { id: number; slug: string };
let draft: { id: number; slug: string };
let scheduled: { id: number; slug: string };
let arabic: { id: number; slug: string };

const oembed = (url: string, extra = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/oembed?url=${encodeURIComponent(url)}${extra}` });
const storyUrl = (a: { id: number; slug: string }, edition = 'en') =>
  `https://warta.test/${edition}/news/${a.id}/${a.slug}`;

before(async () => {
  t = await createTestApp();
  const image = await makeImage(t.db, t.config.dataDir);
  story = await makeArticle(t.db, {
    title: 'Ferries <resume> & sail',
    summary: 'Boats left "Kali Adem" at dawn.',
    featured_media_id: image.id,
    image_alt: 'A ferry',
  });
  plain = await makeArticle(t.db, { title: 'No picture here', byline: 'Antara' });
  draft = await makeArticle(t.db, { status: 'draft' });
  scheduled = await makeArticle(t.db, { published_at: new Date(Date.now() + 3600_000).toISOString() });
  arabic = await makeArticle(t.db, { edition: 'ar', title: 'خبر عاجل' });
});

after(() => t.close());

describe('oEmbed', () => {
  it('answers a published story with a rich card, escaped, without script', async () => {
    const res = await oembed(storyUrl(story));
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const body = res.json();
    assert.equal(body.version, '1.0');
    assert.equal(body.type, 'rich');
    assert.equal(body.title, 'Ferries <resume> & sail');
    assert.equal(body.provider_url, 'https://warta.test/en');
    assert.equal(body.width, 480);
    assert.ok(body.height > 160);
    assert.match(body.thumbnail_url, /^https:\/\/warta\.test\/media\/.+\.jpg$/);
    assert.ok(body.thumbnail_width <= 480);
    assert.match(body.html, /^<blockquote class="warta-embed" cite="https:\/\/warta\.test\/en\/news\//);
    assert.match(body.html, /Ferries &lt;resume(&gt;|>) &amp; sail/);
    assert.match(body.html, /&quot;Kali Adem&quot;|&#34;Kali Adem&#34;|"Kali Adem"/);
    assert.doesNotMatch(body.html, /<script|<style|<iframe|on\w+=/i);
    assert.match(body.html, /<time datetime="\d{4}-\d\d-\d\dT[\d:]+[+-]\d\d:\d\d">/);
  });

  it('takes the URL without its slug, and a story of another edition in its language', async () => {
    const bare = await oembed(`https://warta.test/en/news/${plain.id}`);
    assert.equal(bare.statusCode, 200);
    assert.equal(bare.json().author_name, 'Antara');
    assert.equal(bare.json().thumbnail_url, undefined);
    const ar = (await oembed(storyUrl(arabic, 'ar'))).json();
    assert.match(ar.html, /lang="ar" dir="rtl"/);
    assert.equal(ar.provider_url, 'https://warta.test/ar');
  });

  it('fits maxwidth and maxheight, and falls back to a link when a card cannot fit', async () => {
    const narrow = (await oembed(storyUrl(story), '&maxwidth=300')).json();
    assert.equal(narrow.type, 'rich');
    assert.equal(narrow.width, 300);
    const short = (await oembed(storyUrl(story), '&maxheight=200')).json();
    assert.equal(short.type, 'rich');
    assert.ok(short.height <= 200, String(short.height));
    assert.doesNotMatch(short.html, /<img/);
    for (const extra of ['&maxwidth=120', '&maxheight=80']) {
      const link = (await oembed(storyUrl(story), extra)).json();
      assert.equal(link.type, 'link', extra);
      assert.equal(link.html, undefined);
      assert.equal(link.width, undefined);
    }
  });

  it('is a 404 for anything that is not a published story of this site', async () => {
    for (const url of [
      storyUrl(draft),
      storyUrl(scheduled),
      'https://other.example/en/news/1/x',
      `http://warta.test/en/news/${story.id}/${story.slug}`,
      `https://warta.test/id/news/${story.id}/${story.slug}`,
      'https://warta.test/en/category/nation',
      'https://warta.test/en/news/99999999/x',
      'not a url',
    ]) {
      const res = await oembed(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'article_not_found', url);
    }
  });

  it('answers format=xml with 501, and refuses unknown parameters', async () => {
    const xml = await oembed(storyUrl(story), '&format=xml');
    assert.equal(xml.statusCode, 501);
    assert.equal(xml.json().error.code, 'not_implemented');
    const extra = await oembed(storyUrl(story), '&callback=x');
    assert.equal(extra.statusCode, 400);
    assert.equal(extra.json().error.code, 'invalid_query');
  });

  it('is named by the story page in its head', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/en/news/${story.id}/${story.slug}` });
    assert.equal(page.statusCode, 200);
    const tag = /<link rel="alternate" href="([^"]+)" type="application\/json\+oembed"[^>]*>/.exec(page.body);
    assert.ok(tag, 'discovery link');
    const href = tag[1]!.replaceAll('&amp;', '&');
    const url = new URL(href);
    assert.equal(url.origin + url.pathname, 'https://warta.test/api/v1/oembed');
    assert.equal(url.searchParams.get('format'), 'json');
    const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().title, 'Ferries <resume> & sail');
  });
});
