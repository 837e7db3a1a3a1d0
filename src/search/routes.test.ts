// /{edition}/search over HTTP, on the engine the suite runs on: ranking, fields, languages,
// filters, pagination, scheduled stories, hostile queries and escaping.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory } from '../../test/helpers/factories.ts';
import { reindexAll } from './indexer.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const search = (params: Record<string, string>, edition = 'en') =>
  t.app.inject({ method: 'GET', url: `/${edition}/search`, query: params });
/** Titles of the results, in order. */
const titles = (html: string) =>
  [...html.matchAll(/<h3 class="search-result__title"><a [^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    m[1]!.replace(/<\/?mark>/g, ''),
  );
const hoursAgo = (h: number) => toDbTime(new Date(Date.now() - h * 3600_000));

describe('search page', () => {
  it('shows the form and an introduction without a query, as a noindex page cached briefly', async () => {
    const res = await search({});
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /^public, max-age=30, s-maxage=30$/);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(res.body, /<meta name="robots" content="noindex"/);
    assert.match(res.body, /<form class="search-form" role="search" method="get" action="\/en\/search">/);
    assert.match(res.body, /<label for="search-q">Search for<\/label>/);
    assert.match(res.body, /<label for="search-category">Section<\/label>/);
    assert.match(res.body, /<input id="search-from" type="date" name="from"\/>/);
    assert.match(res.body, /Find stories in this edition/);
  });

  it('is linked from the masthead of every page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/id' });
    assert.match(res.body, /<a class="masthead-search" href="\/id\/search">[\s\S]*?Cari<\/span>/);
  });

  it('ranks a title match above a body match, and counts results', async () => {
    await makeArticle(t.db, {
      title: 'Fishing fleet returns',
      body_html: `<p>${'The marigoldfish season was good. '.repeat(20)}</p>`,
      published_at: hoursAgo(1),
    });
    await makeArticle(t.db, { title: 'Marigoldfish prices fall at auction', published_at: hoursAgo(30) });
    const res = await search({ q: 'marigoldfish' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(titles(res.body), ['Marigoldfish prices fall at auction', 'Fishing fleet returns']);
    assert.match(
      res.body,
      /<h2 id="search-count" class="search__count">2 results for “\u2068marigoldfish\u2069”<\/h2>/,
    );
    assert.match(res.body, /<mark>Marigoldfish<\/mark> prices fall/);
    assert.match(res.body, /The <mark>marigoldfish<\/mark> season/);
  });

  it('finds a story by its dateline, source, tag, byline and author name', async () => {
    const author = await makeAuthor(t.db, { name: 'Wulandari Prameswari' });
    await makeArticle(t.db, {
      title: 'Batik exports rise',
      author_id: author.id,
      dateline: 'Pekalongan',
      source: 'Zetawire/VOI',
      tags: ['Handicrafts'],
    });
    await makeArticle(t.db, { title: 'Guest column on trade', author_id: null, byline: 'Quillon Agency' });
    for (const [q, title] of [
      ['pekalongan', 'Batik exports rise'],
      ['zetawire', 'Batik exports rise'],
      ['handicrafts', 'Batik exports rise'],
      ['wulandari prameswari', 'Batik exports rise'],
      ['quillon', 'Guest column on trade'],
    ]) {
      const res = await search({ q: q! });
      assert.deepEqual(titles(res.body), [title], `"${q}" finds "${title}"`);
    }
  });

  it('finds Indonesian and English words, and words by their beginning', async () => {
    await makeArticle(t.db, {
      edition: 'id',
      title: 'Pelabuhan Tanjung Priok dibuka kembali',
      body_html: '<p>Pelabuhan itu dibuka kembali setelah perbaikan dermaga selesai.</p>',
    });
    await makeArticle(t.db, { title: 'Ferry timetable restored', summary: 'Crossings resume after the overhaul.' });
    assert.deepEqual(titles((await search({ q: 'perbaikan DERMAGA' }, 'id')).body), [
      'Pelabuhan Tanjung Priok dibuka kembali',
    ]);
    assert.deepEqual(titles((await search({ q: 'crossings resume' })).body), ['Ferry timetable restored']);
    assert.deepEqual(titles((await search({ q: 'overha' })).body), ['Ferry timetable restored']);
    // Each edition searches its own stories.
    assert.deepEqual(titles((await search({ q: 'perbaikan' })).body), []);
  });

  it('finds Arabic words whatever their tashkeel, hamza form or article', async () => {
    await makeArticle(t.db, {
      edition: 'ar',
      title: 'إعادة فتح الميناء بعد التحديث',
      body_html: '<p>أعادتِ السلطاتُ فتحَ المـيناءِ أمامَ السفنِ التجارية.</p>',
    });
    for (const q of ['ميناء', 'المِيناء', 'اعادت السفن', 'التجارية']) {
      const res = await search({ q }, 'ar');
      assert.deepEqual(titles(res.body), ['إعادة فتح الميناء بعد التحديث'], q);
    }
    const res = await search({ q: 'ميناء' }, 'ar');
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /نتيجة واحدة لـ«\u2068ميناء\u2069»/);
  });

  it('finds Chinese and Japanese words in text written without spaces, and marks them in place', async () => {
    await makeArticle(t.db, { title: '雅加达港口今天重新开放', summary: '货船在码头外排队等待进港。', body_html: '' });
    await makeArticle(t.db, {
      title: '東京都庁で新しい展示会',
      summary: 'ジャカルタの港が再開しました。',
      body_html: '',
    });
    for (const [q, title] of [
      ['港口', '雅加达港口今天重新开放'],
      ['重新开放', '雅加达港口今天重新开放'],
      ['码头', '雅加达港口今天重新开放'],
      ['展示会', '東京都庁で新しい展示会'],
      ['東京', '東京都庁で新しい展示会'],
      ['ジャカルタ', '東京都庁で新しい展示会'],
    ]) {
      assert.deepEqual(titles((await search({ q: q! })).body), [title], q);
    }
    const res = await search({ q: '码头' });
    assert.match(res.body, /货船在<mark>码头<\/mark>外排队等待进港。/);
  });

  it('finds a two-character word from the middle of a Chinese or Japanese headline, however the text was segmented', async () => {
    // The segmenter reads 香港 | 口岸 and 经济 | 特区: the queries straddle its words.
    await makeArticle(t.db, {
      edition: 'zh',
      title: '新加坡与香港口岸合作扩大',
      summary: '两地海关签署协议，简化货物通关手续。',
      body_html: '<p>协议自下月起生效。</p>',
    });
    await makeArticle(t.db, { edition: 'zh', title: '巴淡岛经济特区吸引新投资', summary: '', body_html: '' });
    await makeArticle(t.db, {
      edition: 'ja',
      title: 'ジャカルタで防災訓練、地震と津波に備える',
      summary: '市民三千人が避難経路を確認しました。',
      body_html: '',
    });
    for (const [edition, q, title] of [
      ['zh', '港口', '新加坡与香港口岸合作扩大'],
      ['zh', '合作', '新加坡与香港口岸合作扩大'],
      ['zh', '通关', '新加坡与香港口岸合作扩大'],
      ['zh', '济特', '巴淡岛经济特区吸引新投资'],
      ['zh', '特区', '巴淡岛经济特区吸引新投资'],
      ['ja', '防災', 'ジャカルタで防災訓練、地震と津波に備える'],
      ['ja', '地震', 'ジャカルタで防災訓練、地震と津波に備える'],
      ['ja', '地震津波', 'ジャカルタで防災訓練、地震と津波に備える'],
      ['ja', '避難', 'ジャカルタで防災訓練、地震と津波に備える'],
    ] as const) {
      assert.deepEqual(titles((await search({ q }, edition)).body), [title], `${edition}: ${q}`);
    }
    // Not in another edition, and not for a word the text does not hold.
    assert.deepEqual(titles((await search({ q: '港口' }, 'ja')).body), []);
    assert.deepEqual(titles((await search({ q: '港湾' }, 'zh')).body), []);
    const res = await search({ q: '港口' }, 'zh');
    assert.match(res.body, /新加坡与香<mark>港口<\/mark>岸合作扩大/);
    assert.match(res.body, /<html lang="zh" dir="ltr">/);
  });

  it('folds accents in French and Spanish, and finds German compounds by their first part', async () => {
    await makeArticle(t.db, {
      edition: 'es',
      title: 'La economía indonesia crece en el tercer trimestre',
      body_html: '',
    });
    await makeArticle(t.db, { edition: 'fr', title: 'Une année record pour le café de Sumatra', body_html: '' });
    await makeArticle(t.db, { edition: 'de', title: 'Neuer Hochwasserschutz für die Nordküste Javas', body_html: '' });
    await makeArticle(t.db, { edition: 'de', title: 'Straßenbahn in Surabaya fährt wieder', body_html: '' });
    for (const [edition, q, title] of [
      ['es', 'economia', 'La economía indonesia crece en el tercer trimestre'],
      ['es', 'ECONOMÍA indonésia', 'La economía indonesia crece en el tercer trimestre'],
      ['fr', 'annee cafe', 'Une année record pour le café de Sumatra'],
      ['de', 'Hochwasser', 'Neuer Hochwasserschutz für die Nordküste Javas'],
      ['de', 'Hochwasser Nordküste', 'Neuer Hochwasserschutz für die Nordküste Javas'],
      ['de', 'nordkuste hochwasser', 'Neuer Hochwasserschutz für die Nordküste Javas'],
      ['de', 'Strassenbahn', 'Straßenbahn in Surabaya fährt wieder'],
      ['de', 'Straße', 'Straßenbahn in Surabaya fährt wieder'],
    ] as const) {
      assert.deepEqual(titles((await search({ q }, edition)).body), [title], `${edition}: ${q}`);
    }
    // Only German reads every word as a beginning: in English a whole first word must match.
    assert.match((await search({ q: 'Hochwasser Nordküste' }, 'de')).body, /<mark>Hochwasserschutz<\/mark>/);
    assert.deepEqual(titles((await search({ q: 'economi indonesia' }, 'es')).body), []);
  });

  it('filters by section (with its subsections) and by publication day in the station time zone', async () => {
    const world = await makeCategory(t.db, { name: 'World', slug: 'world-filter' });
    const asia = await makeCategory(t.db, { name: 'Asia', slug: 'asia-filter', parent_id: world.id });
    const sports = await makeCategory(t.db, { name: 'Sports', slug: 'sports-filter' });
    // 18:00 UTC on 10 March is 01:00 on 11 March in Jakarta.
    await makeArticle(t.db, {
      title: 'Quokkaball summit',
      category_id: asia.id,
      published_at: '2024-03-10T18:00:00.000Z',
    });
    await makeArticle(t.db, {
      title: 'Quokkaball final',
      category_id: sports.id,
      published_at: '2024-03-20T03:00:00.000Z',
    });
    assert.deepEqual(titles((await search({ q: 'quokkaball', category: 'world-filter' })).body), ['Quokkaball summit']);
    assert.deepEqual(titles((await search({ q: 'quokkaball', from: '2024-03-11', to: '2024-03-11' })).body), [
      'Quokkaball summit',
    ]);
    assert.deepEqual(titles((await search({ q: 'quokkaball', to: '2024-03-10' })).body), []);
    assert.deepEqual(titles((await search({ q: 'quokkaball', from: '2024-03-12' })).body), ['Quokkaball final']);
    // A reversed range is swapped; the form shows the filters back.
    const res = await search({ q: 'quokkaball', from: '2024-03-31', to: '2024-03-01', category: 'sports-filter' });
    assert.deepEqual(titles(res.body), ['Quokkaball final']);
    assert.match(res.body, /<option value="sports-filter" selected>Sports<\/option>/);
    assert.match(res.body, /<option value="asia-filter">– Asia<\/option>/);
    assert.match(res.body, /name="from" value="2024-03-01"/);
  });

  it('pages through results, keeping the query in the links, and 404s past the end', async () => {
    for (let i = 0; i < 12; i++)
      await makeArticle(t.db, { title: `Pangolin count ${i}`, published_at: hoursAgo(i + 1) });
    const first = await search({ q: 'pangolin' });
    assert.equal(titles(first.body).length, 10);
    assert.match(first.body, /12 results/);
    assert.match(first.body, /href="\/en\/search\?q=pangolin&(amp;)?page=2" rel="next">More results</);
    const second = await search({ q: 'pangolin', page: '2' });
    assert.equal(second.statusCode, 200);
    assert.deepEqual(titles(second.body), ['Pangolin count 10', 'Pangolin count 11']);
    assert.match(second.body, /<ol class="search-results" start="11">/);
    assert.equal((await search({ q: 'pangolin', page: '3' })).statusCode, 404);
    assert.equal((await search({ q: 'pangolin', page: 'x' })).statusCode, 400);
  });

  it('shows a story scheduled for later only from its minute on', async () => {
    const at = new Date(Date.now() + 3600_000);
    await makeArticle(t.db, { title: 'Narwhal embargo lifted', published_at: toDbTime(at) });
    try {
      t.setNow(new Date(at.getTime() - 60_000));
      assert.deepEqual(titles((await search({ q: 'narwhal' })).body), []);
      t.setNow(at);
      assert.deepEqual(titles((await search({ q: 'narwhal' })).body), ['Narwhal embargo lifted']);
    } finally {
      t.setNow(new Date());
    }
  });

  it('hides drafts and archived stories', async () => {
    await makeArticle(t.db, { title: 'Okapi draft', status: 'draft' });
    await makeArticle(t.db, { title: 'Okapi archive', status: 'archived' });
    const res = await search({ q: 'okapi' });
    assert.deepEqual(titles(res.body), []);
  });

  it('offers a way on when nothing matches, and a way out of the filters', async () => {
    const res = await search({ q: 'xylophonequay', from: '2020-01-01' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /No results for “\u2068xylophonequay\u2069”/);
    assert.match(res.body, /<a href="\/en\/search\?q=xylophonequay">Search all sections and dates<\/a>/);
    assert.match(res.body, /<a href="\/en">Browse the latest news<\/a>/);
  });

  it('escapes HTML from stories and from the query in results and snippets', async () => {
    await makeArticle(t.db, {
      title: 'Why <script>alert(1)</script> zanzibarite matters',
      summary: '',
      body_html: '<p>A note on &lt;script&gt;alert(2)&lt;/script&gt; and zanzibarite &amp; more.</p>',
    });
    const res = await search({ q: 'zanzibarite <script>alert(3)</script>"' });
    assert.equal(res.statusCode, 200);
    // Inside a quoted attribute "<" is plain text; what matters is that the quote is escaped.
    assert.match(res.body, /name="q" value="zanzibarite <script>alert\(3\)<\/script>&#34;"/);
    const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""');
    assert.doesNotMatch(outsideAttributes, /<script>alert/);
    assert.match(res.body, /No results for “\u2068zanzibarite &lt;script>alert\(3\)&lt;\/script>&#34;\u2069”/);
    const plain = await search({ q: 'zanzibarite' });
    assert.match(plain.body, /Why &lt;script>alert\(1\)&lt;\/script> <mark>zanzibarite<\/mark> matters/);
    assert.match(plain.body, /A note on &lt;script>alert\(2\)&lt;\/script> and <mark>zanzibarite<\/mark> &amp; more\./);
  });

  it('answers every absurd query with a page, never a 500', async () => {
    const queries = [
      'x'.repeat(10 * 1024),
      'harbour '.repeat(1300),
      '"',
      "'",
      '"unterminated',
      "it's",
      '* ^ : ( ) NEAR AND OR NOT -',
      'NEAR(a b, 2)',
      'title:foo',
      '-foo',
      'foo*',
      '^foo',
      'a AND OR NOT b',
      "'; DROP TABLE articles; --",
      "') OR 1=1 --",
      '\\',
      '%_%',
      '{}[]<>&|!~@#$',
      '\u0000\u0001\u0007\u001b\u007f',
      '\u202eevil\u202c',
      '😀👍🏽',
      '\ufffe\uffff',
      '   ',
    ];
    for (const q of queries) {
      const res = await search({ q });
      if (q.includes('\u0000')) {
        // A NUL byte never reaches the database: the input guard refuses it, in the reader's language.
        assert.equal(res.statusCode, 400, `q=${JSON.stringify(q.slice(0, 40))} answers 400`);
        continue;
      }
      assert.equal(res.statusCode, 200, `q=${JSON.stringify(q.slice(0, 40))} answers 200`);
      assert.match(res.body, /<h1>Search<\/h1>/);
      const isUnwanted = (c: string) => (/\p{Cc}/u.test(c) && !'\t\n\r'.includes(c)) || c === '\u202e';
      assert.ok(![...res.body].some(isUnwanted), 'no control or bidi-override characters come back');
    }
    const long = await search({ q: 'x'.repeat(10 * 1024) });
    assert.match(long.body, /only its first 200 characters were used/);
    const symbols = await search({ q: '" * ^ : ( )' });
    assert.match(symbols.body, /Type at least one word or number/);
    // Broken UTF-8 (a lone surrogate, a cut sequence) is refused before any query runs.
    for (const url of ['/en/search?q=%ED%A0%80', '/en/search?q=%E0%A4%A']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, `${url} answers 400`);
    }
    for (const url of [
      '/en/search?q=%',
      '/en/search?q=a&q=b',
      '/en/search?q[]=a',
      '/en/search?q[a]=b',
      '/en/search?q=x&category=%27%22%3C%3E&from=2024-02-30&to=99999-01-01',
      '/en/search?q=x&from=0000-01-01&to=9999-12-31',
      '/en/search?category=',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url} answers 200`);
    }
  });

  it('is rebuilt from the articles by reindexAll', async () => {
    await makeArticle(t.db, { title: 'Axolotl census' });
    await t.db.deleteFrom('article_search').execute();
    assert.deepEqual(titles((await search({ q: 'axolotl' })).body), []);
    const count = await reindexAll(t.db);
    const published = await t.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    assert.equal(count, Number(published.n));
    // A rebuild is maintenance, not a content change: it records no event, so the cached empty
    // answer above stands until purged (or for the cache's few seconds).
    t.app.ctx.pageCache.purge('all');
    assert.deepEqual(titles((await search({ q: 'axolotl' })).body), ['Axolotl census']);
  });
});
