// The live radio through HTTP on a test app with the page cache on, on both engines: the on-air
// box and the live page at slot edges, the status answer, cached pages that never outlive a slot,
// bad addresses, and a real Icecast (on air with its title, off air when the server or the source
// is gone). The Icecast part skips without icecast2/ffmpeg, except under CI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { JSDOM } from 'jsdom';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { missingStreamTools, startIcecast, startTone, type Icecast } from '../../../test/helpers/icecast.ts';
import { makeImage } from '../../../test/helpers/factories.ts';
import { freePort } from '../../../test/helpers/serve-process.ts';
import { instantOfWallTime } from '../../i18n/index.ts';
import { addScheduleChange, removeScheduleChange, saveChannel, saveProgram } from '../commands.ts';
import { liveBoardOf } from './setup.tsx';

/** A Monday; the station and the site are both on Jakarta time. */
const DAY = '2030-01-07';
const jakarta = (time: string, day = DAY) => instantOfWallTime(`${day}T${time}`, 'Asia/Jakarta')!;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** An anonymous reader's GET (the page cache answers it when it can). */
function read(t: TestApp, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ url, headers: { accept: 'text/html' } });
}

function dom(html: string): Document {
  return new JSDOM(html).window.document;
}

/** The on-air box of a page that has a side column (the most-read page has no box of its own). */
async function boxOf(t: TestApp, edition = 'en'): Promise<Element | null> {
  const res = await read(t, `/${edition}/most-read`);
  assert.equal(res.statusCode, 200);
  return dom(res.body).querySelector('aside .live-card');
}

/** The radio's link in the top bar of a page, and what it says. */
async function topbarOf(t: TestApp, url = '/en/most-read') {
  const link = dom((await read(t, url)).body).querySelector('.topbar a.listen-live');
  return (
    link && { text: text(link), href: link.getAttribute('href'), hasDot: !!link.querySelector('.listen-live__dot') }
  );
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The seconds of a Cache-Control directive. */
function directive(res: LightMyRequestResponse, name: string): number {
  const match = new RegExp(`\\b${name}=(\\d+)`).exec(String(res.headers['cache-control']));
  assert.ok(match, `${name} in ${res.headers['cache-control']}`);
  return Number(match[1]);
}

async function status(t: TestApp, edition = 'en', query = '') {
  const res = await t.app.inject({
    url: `/${edition}/live/status.json${query}`,
    headers: { accept: 'application/json' },
  });
  assert.equal(res.statusCode, 200, res.body);
  return { res, body: JSON.parse(res.body) as StatusBody };
}

interface AiringBody {
  programTitle: string;
  programUrl: string | null;
  startsAt: string;
  endsAt: string;
}
interface StatusBody {
  checkedAt: string;
  channels: {
    id: number;
    slug: string;
    name: string;
    state: string;
    title: string | null;
    listeners: number | null;
    now: AiringBody | null;
    next: AiringBody[];
  }[];
}

describe('an edition without channels', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  it('shows no on-air box, no "Listen live" link, an honest live page and an empty status', async () => {
    assert.equal(await boxOf(t), null);
    assert.equal(await topbarOf(t), null, 'no promise of a radio in the top bar');
    assert.equal(await topbarOf(t, '/en'), null);
    const page = await read(t, '/en/live');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /^public, max-age=30/);
    assert.equal(page.headers['set-cookie'], undefined);
    const doc = dom(page.body);
    assert.equal(text(doc.querySelector('main h1')), 'Live Streaming');
    assert.equal(text(doc.querySelector('.notice h2')), 'No live channels yet');
    assert.equal(doc.querySelectorAll('.live-channel').length, 0);
    assert.equal(text(dom((await read(t, '/ar/live')).body).querySelector('main h1')), 'البث المباشر');
    const { body } = await status(t);
    assert.deepEqual(body.channels, []);
  });

  it('answers 404 for an edition that does not exist', async () => {
    for (const url of ['/nl/live', '/nl/live/status.json', '/zz-test/live/status.json']) {
      const res = await read(t, url);
      assert.equal(res.statusCode, 404, url);
    }
    // The player asks for JSON, and gets its error as JSON.
    const json = await t.app.inject({ url: '/nl/live/status.json', headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 404);
    assert.equal(JSON.parse(json.body).error.code, 'edition_not_found');
  });

  it('refuses NUL and broken UTF-8 in the address with a 4xx, never a 500', async () => {
    for (const url of [
      '/en%00/live',
      '/%FF%FE/live',
      '/en/live%00',
      '/en/live/status.json%00',
      '/e%C3/live/status.json',
      '/en/live?x=%00',
      '/en/live/status.json?x=%FF',
    ]) {
      const res = await read(t, url);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
    }
  });
});

describe('what is on air, from the schedule', () => {
  let t: TestApp;
  let channelId: number;
  before(async () => {
    t = await createTestApp();
    t.setNow(jakarta('05:00'));
    const w = t.app.ctx.writer;
    channelId = await saveChannel(w, {
      edition: 'en',
      name: 'Warta English',
      description: 'News and music from Jakarta.',
      streams: [{ url: 'https://radio.example/en.mp3' }],
    });
    await saveProgram(w, {
      channelId,
      title: 'Morning Report',
      slots: [{ days: EVERY_DAY, start: '06:00', minutes: 180 }],
    });
    await saveProgram(w, {
      channelId,
      title: 'Midday News',
      slots: [{ days: EVERY_DAY, start: '09:00', minutes: 60 }],
    });
  });
  after(() => t.close());

  /** The box's lines, the live page's now and next, and the status answer at `at`. */
  async function lookAt(at: Date) {
    t.setNow(at);
    const box = await boxOf(t);
    assert.ok(box, 'the box is there');
    const page = dom((await read(t, '/en/live')).body);
    const { body } = await status(t);
    return {
      box: {
        now: text(box.querySelector('.live-card__now, .live-card__none')),
        next: text(box.querySelector('.live-card__next')),
      },
      page: {
        now: text(page.querySelector('[data-live-now]')),
        next: [...page.querySelectorAll('[data-live-next] li')].map(text),
      },
      status: body.channels[0]!,
    };
  }

  it('tells the program on air and the next ones at the slot edges, in order of time', async () => {
    const before = await lookAt(new Date(jakarta('06:00').getTime() - 1));
    assert.equal(before.box.now, 'Nothing is scheduled right now.');
    assert.equal(before.box.next, 'Next Morning Report 06:00');
    assert.equal(before.page.now, 'Nothing is scheduled right now.');
    assert.deepEqual(before.page.next, [
      'Mon 06:00 Morning Report',
      'Mon 09:00 Midday News',
      'Tue 06:00 Morning Report',
    ]);
    assert.equal(before.status.now, null);

    const start = await lookAt(jakarta('06:00'));
    assert.equal(start.box.now, 'Morning Report 06:00–09:00');
    assert.equal(start.box.next, 'Next Midday News 09:00');
    assert.deepEqual(start.status.now, {
      programTitle: 'Morning Report',
      programUrl: '/en/programs/morning-report',
      startsAt: jakarta('06:00').toISOString(),
      endsAt: jakarta('09:00').toISOString(),
    });

    const last = await lookAt(new Date(jakarta('09:00').getTime() - 1000));
    assert.equal(last.box.now, 'Morning Report 06:00–09:00');

    const edge = await lookAt(jakarta('09:00'));
    assert.equal(edge.box.now, 'Midday News 09:00–10:00');
    // Tomorrow's airing is named with its day.
    assert.equal(edge.box.next, 'Next Morning Report Tue 06:00');
    assert.equal(edge.page.now, 'Midday News 09:00–10:00');
    assert.deepEqual(edge.page.next, ['Tue 06:00 Morning Report', 'Tue 09:00 Midday News', 'Wed 06:00 Morning Report']);
    assert.deepEqual(
      edge.status.next.map((a) => [a.programTitle, a.startsAt]),
      [
        ['Morning Report', jakarta('06:00', '2030-01-08').toISOString()],
        ['Midday News', jakarta('09:00', '2030-01-08').toISOString()],
        ['Morning Report', jakarta('06:00', '2030-01-09').toISOString()],
      ],
    );

    const gap = await lookAt(jakarta('10:00'));
    assert.equal(gap.box.now, 'Nothing is scheduled right now.');
    assert.equal(gap.status.now, null);
  });

  it('prints times in the site zone, machine-readable, with the station zone named', async () => {
    t.setNow(jakarta('10:30'));
    const doc = dom((await read(t, '/en/live')).body);
    const first = doc.querySelector('[data-live-next] time');
    assert.equal(first?.getAttribute('datetime'), '2030-01-08T06:00:00+07:00');
    assert.equal(text(doc.querySelector('.live-page__zone')), 'Times are in Western Indonesia Time.');
    assert.equal(
      text(doc.querySelector('.live-channel__zone')),
      'Station time zone: Western Indonesia Time (Asia/Jakarta)',
    );
    assert.equal(doc.querySelector('.live-channel a[href="/en/programs/schedule"]'), null);
    assert.ok(doc.querySelector('.live-page__links a[href="/en/programs/schedule"]'));
    assert.ok(doc.querySelector('.live-page__links a[href="/en/programs"]'));
    // Without JavaScript the browser's own player takes the stream.
    assert.match(
      doc.querySelector('.live-channel noscript')?.innerHTML ?? '',
      /<audio class="live-channel__audio" controls="" preload="none" aria-label="Listen to Warta English"><source src="https:\/\/radio.example\/en.mp3" type="audio\/mpeg"/,
    );
  });

  it('says nothing of the stream when no status source is set: no red dot, no "off air"', async () => {
    t.setNow(jakarta('11:00'));
    const box = await boxOf(t);
    assert.equal(text(box?.querySelector('h2')), 'On air now');
    assert.equal(box?.querySelector('.on-air-dot'), null);
    assert.equal(box?.querySelector('.live-state'), null);
    assert.ok(box?.querySelector(`button.play-button[data-play-channel="${channelId}"]`), 'a play button');
    assert.ok(box?.querySelector('a.live-card__more[href="/en/live"]'));
    assert.deepEqual(await topbarOf(t), { text: 'Listen live', href: '/en/live', hasDot: false });
    const { body } = await status(t);
    assert.equal(body.channels[0]!.state, 'unknown');
  });

  it('keeps no cached page past the next slot boundary', async () => {
    t.setNow(new Date(jakarta('09:00', '2030-01-08').getTime() - 2000));
    for (const url of ['/en/most-read', '/en/live', '/en/live/status.json']) {
      const first = await read(t, url);
      assert.ok(directive(first, 'max-age') <= 2, `${url}: ${first.headers['cache-control']}`);
      assert.ok(directive(first, 's-maxage') <= 2, `${url}: ${first.headers['cache-control']}`);
      const again = await read(t, url);
      assert.equal(again.headers['x-cache'], 'hit', `${url} is cached meanwhile`);
      assert.match(again.body, /Morning Report/, url);
    }
    t.setNow(jakarta('09:00', '2030-01-08'));
    const box = await boxOf(t);
    assert.equal(text(box?.querySelector('.live-card__now')), 'Midday News 09:00–10:00');
    const page = await read(t, '/en/live');
    assert.notEqual(page.headers['x-cache'], 'hit');
    assert.equal(text(dom(page.body).querySelector('[data-live-now]')), 'Midday News 09:00–10:00');
    const { body } = await status(t);
    assert.equal(body.channels[0]!.now?.programTitle, 'Midday News');
  });

  it('answers the status in the agreed shape, briefly cacheable, cookie-free', async () => {
    t.setNow(jakarta('12:00', '2030-01-08'));
    const { res, body } = await status(t);
    assert.equal(res.headers['cache-control'], 'public, max-age=10, s-maxage=10');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(body.checkedAt, jakarta('12:00', '2030-01-08').toISOString());
    assert.deepEqual(Object.keys(body.channels[0]!), [
      'id',
      'slug',
      'name',
      'state',
      'title',
      'listeners',
      'now',
      'next',
    ]);
    assert.deepEqual(
      { ...body.channels[0]!, next: body.channels[0]!.next.length },
      {
        id: channelId,
        slug: 'warta-english',
        name: 'Warta English',
        state: 'unknown',
        title: null,
        listeners: null,
        now: null,
        next: 3,
      },
    );
    assert.deepEqual(Object.keys(body.channels[0]!.next[0]!), ['programTitle', 'programUrl', 'startsAt', 'endsAt']);
    // Another edition's answer holds only its own channels.
    assert.deepEqual((await status(t, 'id')).body.channels, []);
  });

  it('shows a change of the schedule at once (the edition is purged after the board reloads)', async () => {
    t.setNow(jakarta('12:00', '2030-01-08'));
    assert.equal(text((await boxOf(t))?.querySelector('.live-card__none')), 'Nothing is scheduled right now.');
    await saveProgram(t.app.ctx.writer, {
      channelId,
      title: 'Lunchtime Talk',
      slots: [{ days: EVERY_DAY, start: '11:00', minutes: 120 }],
    });
    assert.equal(text((await boxOf(t))?.querySelector('.live-card__now')), 'Lunchtime Talk 11:00–13:00');
  });

  it('shows a special without a program under its title while it airs, with no program link', async () => {
    const change = await addScheduleChange(t.app.ctx.writer, {
      channelId,
      kind: 'special',
      startsAt: jakarta('20:00', '2030-01-10'),
      endsAt: jakarta('21:00', '2030-01-10'),
      note: 'Election Night',
    });
    try {
      const during = await lookAt(jakarta('20:30', '2030-01-10'));
      assert.equal(during.box.now, 'Election Night 20:00–21:00');
      assert.equal(during.page.now, 'Election Night 20:00–21:00');
      assert.deepEqual(during.status.now, {
        programTitle: 'Election Night',
        programUrl: null,
        startsAt: jakarta('20:00', '2030-01-10').toISOString(),
        endsAt: jakarta('21:00', '2030-01-10').toISOString(),
      });
      const box = await boxOf(t);
      assert.equal(box?.querySelector('.live-card__now a'), null, 'no page to link to');
    } finally {
      await removeScheduleChange(t.app.ctx.writer, change);
    }
  });

  it("draws the channel's artwork as a responsive picture, and hands it to the player", async () => {
    const image = await makeImage(t.db, t.config.dataDir, 800, 800);
    await saveChannel(
      t.app.ctx.writer,
      {
        edition: 'en',
        name: 'Warta English',
        description: 'News and music from Jakarta.',
        streams: [{ url: 'https://radio.example/en.mp3' }],
        artworkMediaId: image.id,
      },
      channelId,
    );
    const doc = dom((await read(t, '/en/live')).body);
    const img = doc.querySelector('.live-channel picture.live-channel__art img');
    assert.ok(img, 'a <picture>');
    assert.equal(img.getAttribute('alt'), '', 'decorative: the name is beside it');
    assert.equal(img.getAttribute('width'), '800');
    assert.equal(img.getAttribute('loading'), 'lazy');
    assert.match(img.getAttribute('srcset') ?? '', /^\/media\/.+-\d+\.jpg \d+w/);
    const button = doc.querySelector(`.live-channel button.play-button[data-play-channel="${channelId}"]`);
    assert.match(button?.getAttribute('data-artwork') ?? '', /^\/media\/.+\.jpg$/);
  });

  it('shows no box in an edition without channels', async () => {
    assert.equal(await boxOf(t, 'id'), null);
  });
});

const missing = missingStreamTools();
const skipStreams = missing && !process.env.CI ? `real stream tests skipped: ${missing}` : false;

describe('the state of a real Icecast stream', { skip: skipStreams }, () => {
  let t: TestApp;
  let icecast: Icecast;
  before(async () => {
    // Pages stay cached long enough to see what purges them and what does not.
    [t, icecast] = await Promise.all([createTestApp({ WARTA_PAGE_CACHE_SECONDS: '15' }), startIcecast()]);
  });
  after(async () => {
    await icecast?.stop();
    await t?.close();
  });

  async function channel(name: string, url: string): Promise<number> {
    const w = t.app.ctx.writer;
    const id = await saveChannel(w, { edition: 'en', name, streams: [{ url }], statusSource: 'icecast' });
    // On air around the clock, so "off air" can only come from the stream.
    await saveProgram(w, {
      channelId: id,
      title: `${name} Live`,
      slots: [{ days: EVERY_DAY, start: '00:00', minutes: 1440 }],
    });
    return id;
  }

  /** Asks the stream servers again (the board's timer would within its TTL). */
  const checkNow = () => liveBoardOf(t.app.ctx).checkStreams({ fresh: true });

  async function stateOf(id: number): Promise<StatusBody['channels'][number]> {
    // A query string the route does not read: never served from the page cache.
    const { body } = await status(t, 'en', '?uncached=1');
    const found = body.channels.find((c) => c.id === id);
    assert.ok(found, `channel ${id} in the status`);
    return found;
  }

  it('says "off air" when the stream server does not answer, or has no source on the mount', async () => {
    const down = await channel('Dead Air', `http://127.0.0.1:${await freePort()}/live.mp3`);
    const silent = await channel('Quiet Mount', `${icecast.baseUrl}/nobody-here.mp3`);
    await checkNow();
    assert.equal((await stateOf(down)).state, 'unreachable');
    assert.equal((await stateOf(silent)).state, 'off_air');

    const box = await boxOf(t);
    assert.equal(text(box?.querySelector('h2')), 'Live radio', 'no "On air now" when nothing is');
    assert.equal(box?.querySelector('.on-air-dot'), null, 'no red dot');
    assert.deepEqual([...(box?.querySelectorAll('.live-state') ?? [])].map(text), ['Off air', 'Off air']);
    assert.equal(box?.querySelector('.play-button'), null);
    assert.equal(box?.querySelector('.live-card__now'), null, 'no "on air now" program for a stream that is down');
    assert.deepEqual(await topbarOf(t, '/en'), { text: 'Radio: off air', href: '/en/live', hasDot: false });

    const page = dom((await read(t, '/en/live')).body);
    const stateIn = (id: number) => page.querySelector(`[data-live-channel="${id}"] [data-live-state]`);
    assert.equal(stateIn(down)?.getAttribute('data-state'), 'unreachable');
    assert.equal(text(stateIn(down)), 'Stream unavailable: try again later');
    assert.equal(text(stateIn(silent)), 'Off air: try again later');
    // Taken off the air by the newsroom: the next test's channel is the edition's only one.
    const off = { edition: 'en', streams: [{ url: 'https://radio.example/off.mp3' }], isActive: false };
    await saveChannel(t.app.ctx.writer, { ...off, name: 'Dead Air' }, down);
    await saveChannel(t.app.ctx.writer, { ...off, name: 'Quiet Mount' }, silent);
  });

  it('says "on air" with the title the server reports, and purges pages when the stream stops', async () => {
    const tone = await startTone(icecast, '/warta-en.mp3');
    try {
      const id = await channel('Warta Live', `${icecast.baseUrl}/warta-en.mp3`);
      await checkNow();
      assert.equal((await stateOf(id)).state, 'on_air');
      const box = await boxOf(t);
      assert.equal(text(box?.querySelector('h2')), 'On air now');
      assert.ok(box?.querySelector('h2 .on-air-dot'), 'the red dot');
      assert.ok(box?.querySelector('.play-button'));
      assert.deepEqual(await topbarOf(t, '/en'), { text: 'Listen live', href: '/en/live', hasDot: true });

      // A new title purges nothing (the box does not print it); the status answer has it.
      assert.equal((await read(t, '/en/most-read')).headers['x-cache'], 'hit');
      await icecast.setTitle('/warta-en.mp3', 'Gamelan at dawn');
      // Icecast takes a moment to show a new title in its status.
      for (const end = Date.now() + 15_000; (await stateOf(id)).title !== 'Gamelan at dawn';) {
        assert.ok(Date.now() < end, 'the new title reaches the status answer');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await checkNow();
      }
      const onAir = await stateOf(id);
      assert.equal(typeof onAir.listeners, 'number');
      assert.equal((await read(t, '/en/most-read')).headers['x-cache'], 'hit', 'still cached');
      const live = dom((await t.app.inject({ url: '/en/live?uncached=1' })).body);
      assert.equal(text(live.querySelector(`[data-live-channel="${id}"] [data-live-title-text]`)), 'Gamelan at dawn');

      // The stream stopping purges the edition at once.
      await tone.stop();
      for (const end = Date.now() + 15_000; (await stateOf(id)).state === 'on_air';) {
        assert.ok(Date.now() < end, 'Icecast drops the mount once its source has gone');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await checkNow();
      }
      const after = await read(t, '/en/most-read');
      assert.notEqual(after.headers['x-cache'], 'hit', 'purged when the stream went off air');
      const offBox = dom(after.body).querySelector('aside .live-card');
      assert.equal(text(offBox?.querySelector('.live-state')), 'Off air');
      assert.equal(offBox?.querySelector('.on-air-dot'), null);
      assert.deepEqual(await topbarOf(t), { text: 'Radio: off air', href: '/en/live', hasDot: false });
      assert.equal((await stateOf(id)).title, null);
    } finally {
      await tone.stop();
    }
  });
});
