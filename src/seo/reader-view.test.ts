// Firefox's reader view (Mozilla Readability, the same code) must find an article page readable
// and extract it cleanly: the headline, the byline and the whole body, without the site's
// navigation, the most-read list, the live card or related stories.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makeImage } from '../../test/helpers/factories.ts';
import type { ArticleRow } from '../core/db/schema.ts';

let t: TestApp;
let story: ArticleRow;
let wire: ArticleRow;
const others: ArticleRow[] = [];

const PARAGRAPHS = [
  'Engineers ran the largest flood pumping stations along the northern coast at full capacity for six hours, in a test meant to show that newly installed equipment can cope with the heavy rain forecast for the wet season.',
  'Four of the eleven stations received new pumps and control panels this year, replacing units that had been in service for more than two decades and had failed twice during last year’s storms.',
  '“Every pump started on the first attempt, and the new control system lets us follow the water level in each retention pond in real time,” the head of the city’s water agency told reporters at the Pluit station.',
  'Residents of the lowest-lying neighbourhoods welcomed the test but said the real measure would come with the first big storm of the season, when the sea is high and the rivers are full.',
];

before(async () => {
  t = await createTestApp();
  const national = await makeCategory(t.db, { name: 'National', slug: 'national' });
  const author = await makeAuthor(t.db, { name: 'Dewi Lestari', slug: 'dewi-lestari' });
  const image = await makeImage(t.db, t.testDb.dataDir);
  for (let i = 0; i < 4; i++) {
    others.push(
      await makeArticle(t.db, {
        title: `Neighbouring story ${i} about the harbour`,
        category_id: national.id,
        hit_count: 10 + i,
      }),
    );
  }
  story = await makeArticle(t.db, {
    title: 'Jakarta tests upgraded flood pumps ahead of the rainy season',
    summary: 'City engineers ran the pumps at full capacity for six hours.',
    body_html: PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'),
    dateline: 'Jakarta',
    source: 'Antara/VOI',
    category_id: national.id,
    author_id: author.id,
    featured_media_id: image.id,
    image_alt: 'Pumps in a concrete channel',
    image_caption: 'The new pumps at Pluit.',
    image_credit: 'Warta Photo',
    tags: ['flooding', 'Jakarta'],
  });
  wire = await makeArticle(t.db, {
    title: 'Parliament passes next year’s budget after a late-night session',
    byline: 'Nusantara Wire',
    body_html: PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'),
    category_id: national.id,
  });
});
after(() => t.close());

/** Renders an article page and runs reader view on it. */
async function readerView(a: ArticleRow) {
  const path = `/en/news/${a.id}/${a.slug}`;
  const res = await t.app.inject({ method: 'GET', url: path });
  assert.equal(res.statusCode, 200);
  const dom = new JSDOM(res.body, { url: `https://warta.test${path}` });
  const isReaderable = isProbablyReaderable(dom.window.document);
  const result = new Readability(dom.window.document).parse();
  assert.ok(result, 'Readability extracts an article');
  return { isReaderable, result, text: result.textContent!.replace(/\s+/g, ' ') };
}

describe('reader view', () => {
  it('offers the page as readable and extracts the headline, byline and whole body with dateline and source', async () => {
    const { isReaderable, result, text } = await readerView(story);
    assert.equal(isReaderable, true, 'Firefox shows the reader view button');
    assert.equal(result.title, story.title);
    assert.equal(result.byline, 'Dewi Lestari');
    assert.equal(result.lang, 'en');
    assert.equal(result.siteName, 'Voice of Warta');
    for (const p of PARAGRAPHS) assert.ok(text.includes(p), `the body has: ${p.slice(0, 40)}…`);
    assert.match(text, /^\s*Jakarta: Engineers ran/, 'the dateline opens the body');
    assert.match(text, /the rivers are full\.\/Antara\/VOI\s*$/, 'the source closes it');
  });

  it('leaves out navigation, most read, the live card, related stories and the footer', async () => {
    const { result, text } = await readerView(story);
    for (const unwanted of [
      'Skip to main content',
      'Live Streaming',
      'Program Highlight',
      'Most read',
      'On air now',
      'Listen live',
      'Related news',
      'Rate this item',
      'Radio Warta Nusantara',
      ...others.map((o) => o.title),
    ]) {
      assert.ok(!text.includes(unwanted), `not in reader view: ${unwanted}`);
    }
    assert.doesNotMatch(result.content!, /<nav|<aside|<form/);
  });

  it('credits a free-text byline', async () => {
    const { result, text } = await readerView(wire);
    assert.equal(result.title, wire.title);
    assert.equal(result.byline, 'Nusantara Wire');
    assert.ok(text.includes(PARAGRAPHS[3]!));
  });
});
