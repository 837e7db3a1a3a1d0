// The programs pages through HTTP on a test app (both engines), at a fixed clock: the schedule
// with the slot on air marked (across midnight), a special and a cancelled airing; a program's
// upcoming airings and only its published episodes; its calendar parsed back; Program Highlight
// with picks and the highlight section's posts (whose feed exists); bad addresses.
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory } from '../../../test/helpers/factories.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import type { CategoryRow } from '../../core/db/schema.ts';
import { addScheduleChange, removeScheduleChange, saveChannel, saveProgram } from '../commands.ts';
import { addPick, chooseHighlightSection } from './picks.ts';

/** Tuesday 1 December 2026, 23:30 in Jakarta (16:30 UTC): the night show (22:00–01:00) is on. */
const NOW = new Date('2026-12-01T16:30:00Z');
const HOUR = 3_600_000;

let t: TestApp;
let section: CategoryRow;
const ids: Record<string, number> = {};

function get(url: string) {
  return t.app.inject({ url, headers: { accept: 'text/html' } });
}

/** The <li> of the schedule airing that starts at `iso`, in the first list that has it. */
function slotAt(html: string, iso: string): string {
  const at = html.indexOf(`data-start="${iso}"`);
  assert.notEqual(at, -1, `an airing starts at ${iso}`);
  const start = html.lastIndexOf('<li', at);
  return html.slice(start, html.indexOf('</li>', at) + 5);
}

before(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  const w = { ...t.app.ctx.writer, now: () => NOW };
  const host = await makeAuthor(t.db, { name: 'Made Suryawan', slug: 'made-suryawan' });
  const channelId = await saveChannel(w, {
    edition: 'en',
    name: 'English Service',
    timeZone: 'Asia/Jakarta',
    streams: [{ url: 'http://127.0.0.1:8000/en.mp3' }],
  });
  ids.night = await saveProgram(w, {
    channelId,
    title: 'Night Music',
    slug: 'night-music',
    description: 'Songs until one in the morning.',
    hostIds: [host.id],
    slots: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', minutes: 180 }],
  });
  ids.morning = await saveProgram(w, {
    channelId,
    title: 'Morning Show',
    slug: 'morning-show',
    slots: [{ days: [1, 2, 3, 4, 5], start: '06:00', minutes: 180 }],
  });
  ids.culture = await saveProgram(w, { channelId, title: 'Culture Corner', slug: 'culture-corner', slots: [] });
  // Thursday 3 December: the morning show is cancelled; a culture special at 19:00–20:30.
  await addScheduleChange(w, {
    channelId,
    kind: 'cancelled',
    programId: ids.morning,
    startsAt: new Date('2026-12-02T23:00:00Z'),
    endsAt: new Date('2026-12-03T02:00:00Z'),
    note: 'Replaced by election coverage',
  });
  await addScheduleChange(w, {
    channelId,
    kind: 'special',
    programId: ids.culture,
    startsAt: new Date('2026-12-03T12:00:00Z'),
    endsAt: new Date('2026-12-03T13:30:00Z'),
    note: 'Live from the gamelan festival',
  });
  const episode = (slug: string, status: 'draft' | 'published', publishedAt: Date | null) => ({
    program_id: ids.morning!,
    edition: 'en',
    slug,
    title: `Episode ${slug}`,
    status,
    published_at: publishedAt && toDbTime(publishedAt),
    audio_url: 'https://cdn.example/a.mp3',
    audio_type: 'audio/mpeg' as const,
    guid: `guid-${slug}`,
    created_at: toDbTime(NOW),
    updated_at: toDbTime(NOW),
  });
  await t.db
    .insertInto('episodes')
    .values([
      episode('older', 'published', new Date(NOW.getTime() - 48 * HOUR)),
      episode('newer', 'published', new Date(NOW.getTime() - 2 * HOUR)),
      episode('draft', 'draft', null),
      episode('future', 'published', new Date(NOW.getTime() + 2 * HOUR)),
    ])
    .execute();
  section = await makeCategory(t.db, { edition: 'en', name: 'Program Highlight', slug: 'program-highlight' });
  await makeArticle(t.db, {
    edition: 'en',
    category_id: section.id,
    title: 'Greetings from Leiden',
    published_at: toDbTime(new Date(NOW.getTime() - HOUR)),
    tags: ['Morning Show'],
  });
  await chooseHighlightSection(w, { edition: 'en', categoryId: section.id });
  await addPick(w, {
    edition: 'en',
    programId: ids.night,
    note: 'Our pick this week',
    startsAt: new Date(NOW.getTime() - HOUR),
    endsAt: new Date(NOW.getTime() + 72 * HOUR),
  });
  await addPick(w, {
    edition: 'en',
    programId: ids.culture,
    note: 'Starts tomorrow',
    startsAt: new Date(NOW.getTime() + 24 * HOUR),
    endsAt: new Date(NOW.getTime() + 72 * HOUR),
  });
});
after(() => t.close());

describe('the schedule page', () => {
  it('marks the show on air across midnight, names the station zone, and lists the week', async () => {
    const res = await get('/en/programs/schedule');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /Times are station time: Western Indonesia Time \(Asia\/Jakarta\)\./);
    assert.match(html, /class="schedule" data-zone="Asia\/Jakarta"/);
    // Tuesday 22:00 Jakarta (15:00 UTC) to 01:00: on air at 23:30, and only it.
    const onAir = slotAt(html, '2026-12-01T15:00:00.000Z');
    assert.match(onAir, /slot--on-air/);
    assert.match(
      onAir,
      /<time datetime="2026-12-01T15:00:00.000Z">22:00<\/time>–<time datetime="2026-12-01T18:00:00.000Z">01:00<\/time>/,
    );
    assert.match(onAir, /On air now/);
    assert.equal(html.match(/<li class="[^"]*slot--on-air/g)?.length, 2, 'marked in today’s list and in the week');
    // The night before's show, still on at 00:30 Tuesday, opens today, not marked.
    assert.doesNotMatch(slotAt(html, '2026-11-30T15:00:00.000Z'), /slot--on-air/);
    // Seven station days from Tuesday 1 December.
    const days = [...html.matchAll(/<h3 id="day-0-\d" class="week__heading"><time datetime="([\d-]+)">/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(days, [
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
  });

  it('shows the special with its note and the cancelled airing struck through', async () => {
    const html = (await get('/en/programs/schedule')).body;
    const special = slotAt(html, '2026-12-03T12:00:00.000Z');
    assert.match(special, /slot--special/);
    assert.match(special, /Culture Corner/);
    assert.match(special, /Live from the gamelan festival/);
    const cancelled = slotAt(html, '2026-12-02T23:00:00.000Z');
    assert.match(cancelled, /slot--cancelled/);
    assert.match(cancelled, />Cancelled</);
    assert.match(cancelled, /Replaced by election coverage/);
  });

  it('lists a special without a program on air under its title, marked special, with no link', async () => {
    const channelId = (
      await t.db.selectFrom('programs').select('channel_id').where('id', '=', ids.night!).executeTakeFirstOrThrow()
    ).channel_id;
    const change = await addScheduleChange(t.app.ctx.writer, {
      channelId,
      kind: 'special',
      startsAt: new Date('2026-12-01T16:00:00Z'),
      endsAt: new Date('2026-12-01T17:00:00Z'),
      note: 'Election Night',
    });
    try {
      const html = (await get('/en/programs/schedule')).body;
      const special = slotAt(html, '2026-12-01T16:00:00.000Z');
      assert.match(special, /slot--special/);
      assert.match(special, /slot--on-air/);
      assert.match(special, /<span class="slot__title">Election Night<\/span>/);
      assert.match(special, />Special</);
      assert.doesNotMatch(special, /<a /);
      // The night show it interrupts goes on after it.
      assert.match(slotAt(html, '2026-12-01T17:00:00.000Z'), /Night Music/);
    } finally {
      await removeScheduleChange(t.app.ctx.writer, change);
    }
  });

  it('is fresh only until the on-air mark moves (01:00 Jakarta), and declares no query', async () => {
    const res = await get('/en/programs/schedule');
    // 23:30 → 01:00 is 90 minutes: longer than a page is kept anyway.
    assert.match(String(res.headers['cache-control']), /max-age=30/);
    t.setNow(new Date('2026-12-01T17:59:40Z'));
    try {
      const late = await t.app.inject({ url: '/en/programs/schedule', headers: { accept: 'text/html', 'x-t': '1' } });
      assert.match(
        String(late.headers['cache-control']),
        /\bmax-age=(\d|1\d|20)\b/,
        String(late.headers['cache-control']),
      );
      assert.doesNotMatch(String(late.headers['cache-control']), /stale-while-revalidate/);
    } finally {
      t.setNow(NOW);
    }
    const withQuery = await get('/en/programs/schedule?utm=x');
    assert.equal(withQuery.statusCode, 200);
    assert.notEqual((await get('/en/programs/schedule?utm=x')).headers['x-cache'], 'hit');
  });

  it('heads each of several channels, with its days a level down, and ends a round-the-clock show at 24:00', async () => {
    const w = { ...t.app.ctx.writer, now: () => NOW };
    const streams = [{ url: 'http://127.0.0.1:8000/id.mp3' }];
    const first = await saveChannel(w, { edition: 'id', name: 'Programa Satu', streams });
    const second = await saveChannel(w, { edition: 'id', name: 'Programa Dua', streams });
    await saveProgram(w, {
      channelId: first,
      title: 'Musik Sepanjang Hari',
      slots: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', minutes: 1440 }],
    });
    await saveProgram(w, {
      channelId: second,
      title: 'Kabar Malam',
      slots: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', minutes: 120 }],
    });
    const html = (await get('/id/programs/schedule')).body;
    const doc = new JSDOM(html).window.document;
    const outline = [...doc.querySelectorAll('main :is(h1, h2, h3, h4)')].map((h) => h.tagName);
    assert.deepEqual(
      [...doc.querySelectorAll('main h2')].map((h) => h.textContent),
      ['Programa Satu', 'Programa Dua'],
      'one heading per channel, no repeated "Today" at its level',
    );
    assert.equal(doc.querySelectorAll('main h3').length, 4, 'today and the week under each channel');
    assert.equal(doc.querySelectorAll('main h4').length, 14, 'seven days under each week');
    assert.deepEqual(outline.slice(0, 4), ['H1', 'H2', 'H3', 'H3']);
    const times = [...doc.querySelectorAll('.slot__station')].map((s) => s.textContent?.trim());
    assert.ok(times.includes('00.00–24.00'), `a round-the-clock slot ends at 24.00: ${times.join(' | ')}`);
    assert.ok(times.includes('22.00–24.00'), 'a show to the end of the day ends at 24.00');
    assert.ok(!times.some((x) => x?.endsWith('–00.00')), 'no airing ends at 00.00');
  });
});

describe('a program page', () => {
  it('lists its airings of the next seven days, with the cancelled one, and only published episodes', async () => {
    const res = await get('/en/programs/morning-show');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    // The seven days from Tuesday 23:30: Wednesday to Friday, Monday and Tuesday; Thursday's cancelled.
    const starts = [...html.matchAll(/<li class="slot[^"]*" data-start="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(starts, [
      '2026-12-01T23:00:00.000Z',
      '2026-12-02T23:00:00.000Z',
      '2026-12-03T23:00:00.000Z',
      '2026-12-06T23:00:00.000Z',
      '2026-12-07T23:00:00.000Z',
    ]);
    assert.match(slotAt(html, '2026-12-02T23:00:00.000Z'), /slot--cancelled/);
    const episodes = [...html.matchAll(/href="\/en\/programs\/morning-show\/episodes\/([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(episodes, ['newer', 'older']);
    assert.match(
      html,
      /<link rel="alternate" href="https:\/\/warta.test\/en\/programs\/morning-show\/podcast.xml" type="application\/rss\+xml"/,
    );
    assert.match(html, /href="\/en\/programs\/morning-show.ics"/);
    // Related: the story tagged with the program's title.
    assert.match(html, /Greetings from Leiden/);
    assert.match(html, /"@type":"RadioSeries"/);
  });

  it('names hosts with links to their author pages, and has no podcast link without episodes', async () => {
    const html = (await get('/en/programs/night-music')).body;
    assert.match(html, /<a href="\/en\/author\/made-suryawan">Made Suryawan<\/a>/);
    assert.doesNotMatch(html, /podcast.xml/);
  });

  it('answers 404 for an unknown program, another edition’s program, and bad text', async () => {
    for (const url of ['/en/programs/no-such-show', '/id/programs/morning-show', '/en/programs/no-such-show.ics']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
    for (const bad of ['%00', 'a%00b', '%C3%28', '%FF', '%ED%A0%80']) {
      for (const url of [
        `/en/programs/${bad}`,
        `/en/programs/${bad}.ics`,
        `/${bad}/programs`,
        `/en/programs/schedule?x=${bad}`,
      ]) {
        const res = await get(url);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
      }
    }
  });
});

/** The lines of an iCalendar text, unfolded (RFC 5545 §3.1). */
function icsLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

/** The VEVENTs of an iCalendar text, each as property name (with parameters) → value. */
function icsEvents(text: string): Map<string, string[]>[] {
  const events: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | undefined;
  for (const line of icsLines(text)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      current.set(name, [...(current.get(name) ?? []), line.slice(colon + 1)]);
    }
  }
  return events;
}

describe('a program’s calendar', () => {
  it('is text/calendar with a file name: a weekly RRULE in the channel zone, the cancellation an EXDATE', async () => {
    const res = await get('/en/programs/morning-show.ics');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="morning-show.ics"/);
    const lines = icsLines(res.body);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('TZID:Asia/Jakarta'), 'a VTIMEZONE for the TZID');
    assert.ok(lines.includes('TZOFFSETTO:+0700'));
    const [weekly, ...others] = icsEvents(res.body);
    assert.equal(others.length, 0);
    const start = weekly!.get('DTSTART;TZID=Asia/Jakarta')?.[0];
    assert.match(start ?? '', /^202611\d\dT060000$/, 'the slot’s first airing of the last week, 06:00 station time');
    assert.equal(weekly!.get('DTEND;TZID=Asia/Jakarta')?.[0], `${start!.slice(0, 8)}T090000`);
    assert.deepEqual(weekly!.get('RRULE'), ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR']);
    assert.deepEqual(weekly!.get('EXDATE;TZID=Asia/Jakarta'), ['20261203T060000']);
    assert.deepEqual(weekly!.get('SUMMARY'), ['Morning Show']);
  });

  it('writes a special as an event of its own, and a show across midnight ends the next day', async () => {
    const culture = icsEvents((await get('/en/programs/culture-corner.ics')).body);
    assert.equal(culture.length, 1);
    assert.deepEqual(culture[0]!.get('DTSTART'), ['20261203T120000Z']);
    assert.deepEqual(culture[0]!.get('DTEND'), ['20261203T133000Z']);
    assert.deepEqual(culture[0]!.get('SUMMARY'), ['Culture Corner · Special']);
    assert.deepEqual(culture[0]!.get('DESCRIPTION'), ['Live from the gamelan festival']);
    const [night] = icsEvents((await get('/en/programs/night-music.ics')).body);
    const start = night!.get('DTSTART;TZID=Asia/Jakarta')![0]!;
    const end = night!.get('DTEND;TZID=Asia/Jakarta')![0]!;
    assert.match(start, /T220000$/);
    assert.match(end, /T010000$/);
    assert.equal(
      Date.parse(`${end.slice(0, 4)}-${end.slice(4, 6)}-${end.slice(6, 8)}`) -
        Date.parse(`${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 8)}`),
      86_400_000,
    );
    assert.deepEqual(night!.get('RRULE'), ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU']);
  });
});

describe('Program Highlight', () => {
  it('shows the picks running now, the highlight posts with the section and its feed, and the programs', async () => {
    const res = await get('/en/programs');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    const picks = html.slice(html.indexOf('class="box picks-box"'), html.indexOf('</aside>'));
    assert.match(picks, /Night Music/);
    assert.match(picks, /Our pick this week/);
    assert.doesNotMatch(picks, /Starts tomorrow/, 'an upcoming pick is not shown yet');
    assert.match(html, /Greetings from Leiden/);
    assert.match(html, /href="\/en\/category\/program-highlight"/);
    assert.match(html, /href="\/en\/category\/program-highlight\/feed.xml"/);
    assert.match(html, /<link rel="alternate" href="https:\/\/warta.test\/en\/category\/program-highlight\/feed.xml"/);
    for (const title of ['Culture Corner', 'Morning Show', 'Night Music']) assert.match(html, new RegExp(title));
    assert.match(html, /Every day, 22:00–01:00/);
    assert.match(html, /href="\/en\/programs\/schedule"/);
    const feed = await t.app.inject({ url: '/en/category/program-highlight/feed.xml' });
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /Greetings from Leiden/);
  });

  it('puts the running picks beside the edition home’s stories, and not on other editions', async () => {
    const home = (await get('/en')).body;
    const aside = home.slice(home.indexOf('id="aside-picks-title"'));
    assert.match(aside, /Night Music/);
    assert.doesNotMatch((await get('/id')).body, /aside-picks-title/);
  });

  it('expires cached pages when a pick starts, without any command', async () => {
    assert.doesNotMatch((await get('/en')).body, /Starts tomorrow/);
    t.setNow(new Date(NOW.getTime() + 24 * HOUR + 60_000));
    try {
      assert.match((await get('/en')).body, /Starts tomorrow/);
      assert.match((await get('/en/programs')).body, /Starts tomorrow/);
    } finally {
      t.setNow(NOW);
    }
  });
});
