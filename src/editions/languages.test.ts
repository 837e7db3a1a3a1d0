// Every edition in its own language code, wherever one is written: the page, its feeds, its
// sitemaps and structured data; and the edition switcher, which leads to a page's translation
// when there is one and to the edition's home otherwise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EDITIONS } from '../../seed/editions.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import type { ArticleRow } from '../core/db/schema.ts';
import { articlePath } from '../articles/index.ts';

/** Each edition's codes: the page's lang, RSS's <language>, Google News's <news:language>. */
const CODES: Record<string, { rss: string; news: string }> = {
  en: { rss: 'en-gb', news: 'en' },
  id: { rss: 'id-id', news: 'id' },
  ar: { rss: 'ar', news: 'ar' },
  fr: { rss: 'fr-fr', news: 'fr' },
  de: { rss: 'de-de', news: 'de' },
  es: { rss: 'es-es', news: 'es' },
  zh: { rss: 'zh-cn', news: 'zh-cn' },
  ja: { rss: 'ja-jp', news: 'ja' },
};

let t: TestApp;
const stories = new Map<string, ArticleRow>();
let english: ArticleRow;
let french: ArticleRow;
before(async () => {
  t = await createTestApp();
  for (const e of EDITIONS) stories.set(e.code, await makeArticle(t.db, { edition: e.code, title: `Story ${e.code}` }));
  english = await makeArticle(t.db, { title: 'Harbour reopens' });
  french = await makeArticle(t.db, {
    edition: 'fr',
    title: 'Le port rouvre',
    translation_group: english.translation_group,
  });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const path = (a: ArticleRow) => articlePath({ edition: a.edition, id: a.id, slug: a.slug });

describe('language codes per edition', () => {
  it('covers every edition', () => {
    assert.deepEqual(Object.keys(CODES).sort(), EDITIONS.map((e) => e.code).sort());
  });

  for (const e of EDITIONS) {
    it(`${e.code}: page, feeds, news sitemap and JSON-LD say ${e.locale}`, async () => {
      const page = await get(path(stories.get(e.code)!));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<html lang="${e.code}" dir="${e.direction}">`));
      assert.match(page.body, new RegExp(`"inLanguage":"${e.locale}"`));

      const rss = await get(`/${e.code}/feed.xml`);
      assert.equal(rss.statusCode, 200);
      assert.match(rss.body, new RegExp(`<language>${CODES[e.code]!.rss}</language>`));
      const atom = await get(`/${e.code}/atom.xml`);
      assert.match(atom.body, new RegExp(`<feed [^>]*xml:lang="${e.locale}"`));
      const json = JSON.parse((await get(`/${e.code}/feed.json`)).body) as { language: string };
      assert.equal(json.language, e.locale);

      const news = await get(`/sitemap-${e.code}-news.xml`);
      assert.equal(news.statusCode, 200);
      assert.match(news.body, new RegExp(`<news:language>${CODES[e.code]!.news}</news:language>`));
    });
  }

  it('lists every edition in the sitemap index', async () => {
    const index = await get('/sitemap.xml');
    for (const e of EDITIONS) assert.match(index.body, new RegExp(`/sitemap-${e.code}-news\\.xml`));
  });
});

describe('edition switcher', () => {
  /** The switcher's links: edition code → href, and each link's own lang. */
  const switcher = (html: string) => {
    const nav = /<nav class="editions"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    return Object.fromEntries(
      [...nav.matchAll(/<a href="([^"]*)" lang="([^"]*)" hreflang="\2"[^>]*>([^<]*)<\/a>/g)].map((m) => [
        m[2]!,
        { href: m[1]!, name: m[3]! },
      ]),
    );
  };

  it('names every edition in its own language and script, each link with its own lang', async () => {
    const links = switcher((await get('/en')).body);
    assert.deepEqual(
      Object.fromEntries(Object.entries(links).map(([code, l]) => [code, l.name])),
      Object.fromEntries(EDITIONS.map((e) => [e.code, e.name])),
    );
    assert.equal(links.zh!.name, '中文');
    assert.equal(links.ja!.name, '日本語');
  });

  it('leads from a story to its translation where there is one, else to the edition home', async () => {
    const fromEnglish = switcher((await get(path(english))).body);
    assert.equal(fromEnglish.fr!.href, path(french));
    assert.equal(fromEnglish.de!.href, '/de');
    assert.equal(fromEnglish.ja!.href, '/ja');
    const fromFrench = switcher((await get(path(french))).body);
    assert.equal(fromFrench.en!.href, path(english));
    assert.equal(fromFrench.zh!.href, '/zh');
    // A story without a translation: every link goes home.
    const alone = switcher((await get(path(stories.get('de')!))).body);
    for (const e of EDITIONS) assert.equal(alone[e.code]!.href, `/${e.code}`);
  });
});
