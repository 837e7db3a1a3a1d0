// The public side of episodes, on both engines: the episode page and its transcript, the podcast
// feed read by a real parser (rss-parser) field by field and against Apple's required tags, the
// stored audio served with ranges (206, 416) and the right types, drafts and scheduled episodes
// nowhere until their minute, and bad addresses answered with 4xx.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Parser from 'rss-parser';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makeImage } from '../../../test/helpers/factories.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { mediaStorage } from '../../media/index.ts';
import { storeAudioFile } from './audio.ts';
import { createEpisode, publishEpisode, updateEpisode } from './commands.ts';
import { findEpisode } from './queries.ts';
import { audioFixtures, makeProgram, type AudioFixture } from './test-fixtures.ts';

let t: TestApp;
let w: WriteContext;
let fixtures: { mp3: AudioFixture; m4a: AudioFixture; dir: string };
let programId: number;
/** The stored MP3's name and bytes. */
let mp3: { file: string; bytes: Buffer };
let m4aFile: string;
let publishedId: number;
let articleId: number;

const BASE = 'https://warta.test';
const EPISODE = '/en/programs/morning-show/episodes/harbour-at-dawn';
const FEED = '/en/programs/morning-show/podcast.xml';

type PodcastItem = {
  itunes?: Record<string, string>;
  transcript?: { $: { url: string; type: string; language?: string } };
};
const parser = new Parser<Record<string, unknown>, PodcastItem>({
  customFields: { item: [['podcast:transcript', 'transcript', { keepArray: false }]] },
});

before(async () => {
  t = await createTestApp();
  w = t.app.ctx.writer;
  fixtures = await audioFixtures();
  programId = await makeProgram(w, 'en', 'morning-show', { title: 'The Morning Show' });
  await t.db
    .updateTable('programs')
    .set({ podcast_author: 'Voice of Warta English', podcast_category: 'Daily News', is_explicit: 0 })
    .where('id', '=', programId)
    .execute();
  const storage = mediaStorage(t.config.dataDir);
  const storedMp3 = await storeAudioFile(storage, fixtures.mp3.file);
  const storedM4a = await storeAudioFile(storage, fixtures.m4a.file);
  mp3 = { file: storedMp3.file, bytes: await fs.readFile(fixtures.mp3.file) };
  m4aFile = storedM4a.file;
  const article = await makeArticle(t.db, { edition: 'en', title: 'Fishermen return to the harbour' });
  articleId = article.id;
  const art = await makeImage(t.db, t.config.dataDir, 1200, 675);
  publishedId = await createEpisode(w, {
    programId,
    title: 'Harbour at dawn',
    description: 'Fishermen & their boats <before> sunrise.',
    transcript: 'Good morning from the harbour.\n\nThe boats come back at six.\r\nThe market opens at seven.',
    episodeNumber: 12,
    isExplicit: false,
    articleIds: [article.id],
    artworkMediaId: art.id,
    audio: {
      kind: 'file',
      file: storedMp3.file,
      type: storedMp3.probe.type,
      bytes: storedMp3.probe.bytes,
      durationSeconds: storedMp3.probe.durationSeconds,
    },
  });
  await publishEpisode({ ...w, now: () => new Date(Date.now() - 3600_000) }, publishedId);
  const second = await createEpisode(w, {
    programId,
    title: 'Evening tide',
    audio: {
      kind: 'file',
      file: storedM4a.file,
      type: storedM4a.probe.type,
      bytes: storedM4a.probe.bytes,
      durationSeconds: storedM4a.probe.durationSeconds,
    },
  });
  await publishEpisode({ ...w, now: () => new Date(Date.now() - 7200_000) }, second);
  // A draft and a scheduled episode: on no page and in no feed.
  await createEpisode(w, {
    programId,
    title: 'Secret draft',
    audio: { kind: 'url', url: 'https://cdn.example/d.mp3' },
  });
  const future = await createEpisode(w, {
    programId,
    title: 'Tomorrow already',
    audio: { kind: 'url', url: 'https://cdn.example/f.mp3' },
  });
  await publishEpisode(w, future, { at: new Date(Date.now() + 86_400_000) });
});
after(async () => {
  await fs.rm(fixtures.dir, { recursive: true, force: true });
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('episode page', () => {
  it('shows the episode with its player, download size, transcript, stories and JSON-LD; cacheable, no cookie', async () => {
    const response = await get(EPISODE);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['cache-control']), /^public, max-age=30/);
    assert.equal(response.headers['set-cookie'], undefined);
    const html = response.body;
    assert.match(html, /<h1 class="episode__title">Harbour at dawn<\/h1>/);
    assert.match(html, /<a href="\/en\/programs\/morning-show">The Morning Show<\/a>/);
    assert.match(
      html,
      new RegExp(
        `<audio class="episode__audio" controls="" preload="none"><source src="/media/${mp3.file}" type="audio/mpeg"/>`,
      ),
    );
    assert.match(html, /Download the audio \(MP3, 0\.1 MB\)/);
    assert.match(html, /Episode 12/);
    assert.match(html, /Length: \d+ s/);
    assert.match(html, /Fishermen &amp; their boats &lt;before> sunrise\./);
    assert.match(html, /<h2 id="transcript-title" class="section-title">Transcript<\/h2>/);
    assert.match(html, /<p>The boats come back at six\. The market opens at seven\.<\/p>/);
    assert.match(html, new RegExp(`href="/en/news/${articleId}/fishermen-return-to-the-harbour"`));
    assert.match(html, /href="\/en\/programs\/morning-show\/podcast\.xml"/);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
      JSON.parse(m[1]!),
    );
    const episode = ld.find((d) => d['@type'] === 'PodcastEpisode');
    assert.ok(episode, 'PodcastEpisode JSON-LD');
    assert.equal(episode.associatedMedia.contentUrl, `${BASE}/media/${mp3.file}`);
    assert.equal(episode.partOfSeries.webFeed, `${BASE}${FEED}`);
    assert.equal(episode.episodeNumber, 12);
  });

  it('serves the transcript as plain text', async () => {
    const response = await get(`${EPISODE}/transcript.txt`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(
      response.body,
      'Harbour at dawn\n\nGood morning from the harbour.\n\nThe boats come back at six. The market opens at seven.\n',
    );
    // An episode without one has none.
    assert.equal((await get('/en/programs/morning-show/episodes/evening-tide/transcript.txt')).statusCode, 404);
  });

  it('answers 404 for drafts, scheduled episodes, other editions and unknown programs', async () => {
    for (const url of [
      '/en/programs/morning-show/episodes/secret-draft',
      '/en/programs/morning-show/episodes/tomorrow-already',
      '/en/programs/morning-show/episodes/tomorrow-already/transcript.txt',
      '/id/programs/morning-show/episodes/harbour-at-dawn',
      '/en/programs/no-such-show/episodes/harbour-at-dawn',
      '/en/programs/no-such-show/podcast.xml',
      '/xx/programs/morning-show/podcast.xml',
    ])
      assert.equal((await get(url)).statusCode, 404, url);
  });

  it('answers 4xx, never 500, for NUL bytes, broken UTF-8 and over-long slugs', async () => {
    for (const url of [
      '/en/programs/morning-show/episodes/a%00b',
      '/en/programs/morning%00/podcast.xml',
      '/en/programs/morning-show/episodes/%FF%FE',
      '/en/programs/%C3/podcast.xml',
      `/en/programs/morning-show/episodes/${'a'.repeat(300)}`,
      '/en/programs/morning-show/podcast-artwork.jpg?v=%00',
      `${EPISODE}/artwork.jpg?v=%FF`,
    ]) {
      const status = (await get(url)).statusCode;
      assert.ok(status >= 400 && status < 500, `${url} answered ${status}`);
    }
  });

  it('shows a "Listen" link under the story the episode is about', async () => {
    const article = await get(`/en/news/${articleId}/fishermen-return-to-the-harbour`);
    assert.equal(article.statusCode, 200);
    assert.match(
      article.body,
      /<a href="\/en\/programs\/morning-show\/episodes\/harbour-at-dawn">Listen to the episode: Harbour at dawn<\/a>/,
    );
  });
});

describe('podcast feed', () => {
  it('is RSS 2.0 with the tags podcast apps read, field by field', async () => {
    const response = await get(FEED);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(String(response.headers['cache-control']), /^public, max-age=300/);
    const feed = await parser.parseString(response.body);
    assert.equal(feed.title, 'The Morning Show');
    assert.equal(feed.link, `${BASE}/en/programs/morning-show`);
    assert.equal(feed.language, 'en-gb');
    assert.equal(feed.itunes?.author, 'Voice of Warta English');
    assert.match(
      feed.itunes?.image ?? '',
      /^https:\/\/warta\.test\/en\/programs\/morning-show\/podcast-artwork\.jpg\?v=g[0-9a-f]{10}$/,
    );
    assert.deepEqual(feed.itunes?.categoriesWithSubs, [{ name: 'News', subs: [{ name: 'Daily News' }] }]);
    assert.equal(feed.itunes?.explicit, 'false');
    assert.match(
      response.body,
      /<itunes:category text="News"><itunes:category text="Daily News"\/><\/itunes:category>/,
    );
    assert.match(response.body, /<itunes:type>episodic<\/itunes:type>/);
    // Newest first; no draft, no scheduled episode.
    assert.deepEqual(
      feed.items.map((i) => i.title),
      ['Harbour at dawn', 'Evening tide'],
    );
    const [first, second] = feed.items;
    assert.ok(first && second);
    const stored = (await findEpisode(t.db, publishedId))!;
    assert.equal(first.guid, stored.guid);
    assert.match(response.body, new RegExp(`<guid isPermaLink="false">${stored.guid}</guid>`));
    assert.equal(first.link, `${BASE}${EPISODE}`);
    assert.equal(first.pubDate, stored.publishedAt!.toUTCString());
    assert.match(first.pubDate!, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    assert.deepEqual(
      { ...first.enclosure },
      {
        url: `${BASE}/media/${mp3.file}`,
        length: String(mp3.bytes.length) as unknown as number,
        type: 'audio/mpeg',
      },
    );
    assert.equal(first.itunes?.duration, String(fixtures.mp3.seconds));
    assert.equal(first.itunes?.episode, '12');
    assert.equal(first.itunes?.explicit, 'false');
    assert.match(
      first.itunes?.image ?? '',
      /^https:\/\/warta\.test\/en\/programs\/morning-show\/episodes\/harbour-at-dawn\/artwork\.jpg\?v=m\d+$/,
    );
    assert.deepEqual(
      { ...first.transcript?.$ },
      {
        url: `${BASE}${EPISODE}/transcript.txt`,
        type: 'text/plain',
        language: 'en-gb',
      },
    );
    assert.equal(second.enclosure?.type, 'audio/x-m4a');
    assert.equal(second.enclosure?.url, `${BASE}/media/${m4aFile}`);
    assert.equal(second.itunes?.duration, String(fixtures.m4a.seconds));
    assert.equal(second.itunes?.episode, undefined);
    assert.equal(second.transcript, undefined);
    assert.equal(second.itunes?.image, undefined);
  });

  it('has every tag Apple Podcasts requires, in the namespaces it names', async () => {
    const xml = (await get(FEED)).body;
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);
    assert.match(xml, /xmlns:itunes="http:\/\/www\.itunes\.com\/dtds\/podcast-1\.0\.dtd"/);
    assert.match(xml, /xmlns:podcast="https:\/\/podcastindex\.org\/namespace\/1\.0"/);
    const channel = xml.slice(xml.indexOf('<channel>'), xml.indexOf('<item>'));
    // Apple's required show tags, then its recommended ones we always write.
    for (const tag of [
      '<title>',
      '<description>',
      '<itunes:image href="',
      '<language>',
      '<itunes:category text="',
      '<itunes:explicit>',
    ])
      assert.ok(channel.includes(tag), `channel lacks ${tag}`);
    for (const tag of ['<itunes:author>', '<link>', '<itunes:type>', '<copyright>'])
      assert.ok(channel.includes(tag), `channel lacks ${tag}`);
    const items = xml.split('<item>').slice(1);
    assert.equal(items.length, 2);
    for (const item of items) {
      for (const tag of [
        '<title>',
        '<enclosure url="',
        '<guid isPermaLink="false">',
        '<pubDate>',
        '<itunes:duration>',
        '<itunes:explicit>',
        '<description>',
      ])
        assert.ok(item.includes(tag), `item lacks ${tag}`);
      assert.match(item, /<enclosure url="https:\/\/[^"]+" length="\d+" type="audio\/(mpeg|x-m4a)"\/>/);
    }
  });

  it('keeps an episode guid across an edit, and follows the edit', async () => {
    const before = (await parser.parseString((await get(FEED)).body)).items[0]!;
    const stored = (await findEpisode(t.db, publishedId))!;
    await updateEpisode(w, publishedId, {
      title: 'Harbour at dawn (updated)',
      slug: stored.slug,
      description: stored.description,
      transcript: stored.transcript,
      episodeNumber: 12,
      articleIds: [articleId],
      artworkMediaId: stored.artwork?.id ?? null,
    });
    const after = (await parser.parseString((await get(FEED)).body)).items[0]!;
    assert.equal(after.title, 'Harbour at dawn (updated)');
    assert.equal(after.guid, before.guid);
    assert.equal(after.enclosure?.url, before.enclosure?.url);
  });

  it('drops control characters and escapes markup', async () => {
    const id = await createEpisode(w, {
      programId,
      title: 'Bell \u0007 & <b>bold</b>',
      description: 'Tab\tand "quotes"',
      audio: { kind: 'url', url: 'https://cdn.example/x.mp3?a=1&b=2' },
    });
    await publishEpisode(w, id);
    const xml = (await get(FEED)).body;
    assert.ok(!xml.includes('\u0007'));
    assert.match(xml, /<title>Bell {2}&amp; &lt;b&gt;bold&lt;\/b&gt;<\/title>/);
    assert.match(xml, /url="https:\/\/cdn\.example\/x\.mp3\?a=1&amp;b=2" length="0"/);
    const feed = await parser.parseString(xml);
    assert.equal(feed.items[0]?.title, 'Bell  & <b>bold</b>');
  });

  it('draws square artwork of 1400 px for the show and the episode', async () => {
    const feed = await parser.parseString((await get(FEED)).body);
    const { default: sharp } = await import('sharp');
    for (const url of [feed.itunes?.image, feed.items.find((i) => i.itunes?.image)?.itunes?.image]) {
      assert.ok(url);
      const response = await get(url.replace(BASE, ''));
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-type'], 'image/jpeg');
      const meta = await sharp(response.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1400, 1400]);
    }
    // A version that is not the current one is no picture.
    assert.equal((await get('/en/programs/morning-show/podcast-artwork.jpg?v=m1')).statusCode, 404);
  });
});

describe('a scheduled episode', () => {
  it('appears in the cached feed and on its page at its minute, with no command run then', async () => {
    const before = await get(FEED);
    assert.doesNotMatch(before.body, /Tomorrow already/);
    assert.equal((await get('/en/programs/morning-show/episodes/tomorrow-already')).statusCode, 404);
    t.setNow(new Date(Date.now() + 2 * 86_400_000));
    try {
      assert.match((await get(FEED)).body, /<title>Tomorrow already<\/title>/);
      assert.equal((await get('/en/programs/morning-show/episodes/tomorrow-already')).statusCode, 200);
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('stored audio', () => {
  const url = () => `/media/${mp3.file}`;

  it('is served whole with its type and length', async () => {
    const response = await get(url());
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'audio/mpeg');
    assert.equal(Number(response.headers['content-length']), mp3.bytes.length);
    assert.equal(response.headers['accept-ranges'], 'bytes');
    const m4a = await get(`/media/${m4aFile}`);
    assert.equal(m4a.statusCode, 200);
    assert.equal(m4a.headers['content-type'], 'audio/mp4');
  });

  it('answers a range with 206 and exactly those bytes', async () => {
    const response = await get(url(), { range: 'bytes=0-99' });
    assert.equal(response.statusCode, 206);
    assert.equal(response.headers['content-range'], `bytes 0-99/${mp3.bytes.length}`);
    assert.equal(response.rawPayload.length, 100);
    assert.deepEqual(response.rawPayload, mp3.bytes.subarray(0, 100));
    const middle = await get(url(), { range: 'bytes=1000-1499' });
    assert.equal(middle.statusCode, 206);
    assert.deepEqual(middle.rawPayload, mp3.bytes.subarray(1000, 1500));
  });

  it('answers a suffix range with the last bytes', async () => {
    const response = await get(url(), { range: 'bytes=-64' });
    assert.equal(response.statusCode, 206);
    const size = mp3.bytes.length;
    assert.equal(response.headers['content-range'], `bytes ${size - 64}-${size - 1}/${size}`);
    assert.deepEqual(response.rawPayload, mp3.bytes.subarray(size - 64));
  });

  it('answers 416 for a range past the end', async () => {
    const response = await get(url(), { range: `bytes=${mp3.bytes.length + 10}-` });
    assert.equal(response.statusCode, 416);
    // The unsatisfied form tells the player the file's real length.
    assert.equal(response.headers['content-range'], `bytes */${mp3.bytes.length}`);
  });
});
